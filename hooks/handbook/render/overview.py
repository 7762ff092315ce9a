"""Pages across phases: the service sequence for the home page and the three levels side by side."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from handbook.model import Handbook, Level, Phase, Standard
from handbook.render.markup import inline
from handbook.render.view import View, md_text


@dataclass(frozen=True)
class SequenceItem:
    """One phase of the home page's list; ``number`` is None for the principles."""

    phase: Phase
    number: int | None
    href: str
    summary: Markup
    count: str


@dataclass(frozen=True)
class LevelItem:
    """One standard in a level column, linking to its card."""

    standard: Standard
    href: str
    text: Markup


def sequence(handbook: Handbook, view: View) -> Markup:
    """The principles first, then every phase in service order, each with its summary."""
    items = [_sequence_item(p, view, None) for p in handbook.principles]
    items += [_sequence_item(p, view, n) for n, p in enumerate(handbook.sequence, 1)]
    return view.render("sequence.html", items=items)


def _sequence_item(phase: Phase, view: View, number: int | None) -> SequenceItem:
    return SequenceItem(
        phase,
        number,
        view.link(phase.slug, None),
        inline(view.text(phase.summary)),
        view.count("standards_count", len(phase.standards)),
    )


def levels_side_by_side(handbook: Handbook, view: View) -> str:
    """Per phase, a table with one column per level, so the step up is easy to see."""
    parts: list[str] = []
    for phase in (*handbook.principles, *handbook.sequence):
        columns = {level: _level_items(phase, level, view) for level in Level}
        table = view.render("levels.html", phase=phase, columns=columns)
        parts.append(f"## {md_text(view.text(phase.title))} {{#levels-{phase.slug}}}\n\n{table}\n")
    return "\n".join(parts)


def _level_items(phase: Phase, level: Level, view: View) -> list[LevelItem]:
    return [
        LevelItem(s, view.link(phase.slug, s.anchor), inline(view.text(s.text)))
        for s in phase.standards
        if s.level is level
    ]
