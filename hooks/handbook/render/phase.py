"""A phase page: its steps in time order, their qualities, and the standards of each step."""

from __future__ import annotations

from handbook.model import Phase, Step
from handbook.render.standard import standard_card, translated_block
from handbook.render.view import View, md_text


def phase_page(phase: Phase, view: View) -> str:
    """Markdown for a phase page; the H1 is the phase title in the reader's language."""
    lines = [f"# {md_text(view.text(phase.title))}", ""]
    lines += [translated_block(phase.summary, view, "hb-summary"), ""]
    for step in phase.steps:
        lines += _step_section(phase, step, view)
    general = phase.standards_of(None)
    if general:
        lines += [f"## {md_text(view.label('general'))} {{#whole-phase}}", ""]
        lines += [standard_card(s, view) + "\n" for s in general]
    return "\n".join(lines)


def _step_section(phase: Phase, step: Step, view: View) -> list[str]:
    lines = [f"## {md_text(view.text(step.title))} {{#step-{step.id}}}", ""]
    if step.qualities:
        qualities = [view.quality(q) for q in step.qualities]
        lines += [view.render("qualities.html", qualities=qualities), ""]
    lines += [standard_card(s, view) + "\n" for s in phase.standards_of(step.id)]
    return lines
