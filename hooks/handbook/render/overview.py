"""Pages across phases: the service sequence for the home page and the three levels side by side."""

from __future__ import annotations

from html import escape

from handbook.model import Handbook, Level, Phase
from handbook.render.markup import inline
from handbook.render.view import View, isolate, md_text


def sequence(handbook: Handbook, view: View) -> str:
    """The principles first, then every phase in service order, each with its summary."""
    cards = [_phase_card(p, view, None) for p in handbook.principles]
    cards += [_phase_card(p, view, n) for n, p in enumerate(handbook.sequence, 1)]
    return f'<ol class="hb-sequence">{"".join(cards)}</ol>'


def _phase_card(phase: Phase, view: View, number: int | None) -> str:
    step = f'<span class="hb-sequence__number">{number}</span> ' if number else ""
    count = view.count("standards_count", len(phase.standards))
    return (
        f'<li class="hb-sequence__phase"><a href="{escape(view.link(phase.slug, None))}">'
        f"{step}<strong>{escape(view.text(phase.title))}</strong></a>"
        f"<p>{inline(view.text(phase.summary))}</p>"
        f'<p class="hb-sequence__count">{escape(count)}</p></li>'
    )


def levels_side_by_side(handbook: Handbook, view: View) -> str:
    """Per phase, a table with one column per level, so the step up is easy to see."""
    parts: list[str] = []
    for phase in (*handbook.principles, *handbook.sequence):
        head = "".join(f'<th scope="col">{escape(view.label(lv.value))}</th>' for lv in Level)
        cells = "".join(f"<td>{_level_cell(phase, level, view)}</td>" for level in Level)
        parts.append(
            f"## {md_text(view.text(phase.title))} {{#levels-{phase.slug}}}\n\n"
            f'<div class="hb-levels"><table><thead><tr>{head}</tr></thead>'
            f"<tbody><tr>{cells}</tr></tbody></table></div>\n"
        )
    return "\n".join(parts)


def _level_cell(phase: Phase, level: Level, view: View) -> str:
    items = [
        f'<li><a href="{escape(view.link(phase.slug, s.anchor))}">{isolate(s.id)}</a> '
        f"{inline(view.text(s.text))}</li>"
        for s in phase.standards
        if s.level is level
    ]
    if not items:
        return f'<p class="hb-empty">{escape(view.label("none_at_level"))}</p>'
    return f'<ul class="hb-levels__list">{"".join(items)}</ul>'
