"""The translation-status page: per language and phase, what is translated, missing, outdated."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.model import Handbook
from handbook.model.languages import native_name
from handbook.model.status import LanguageStatus, Row, State, translation_status
from handbook.render.view import View


@dataclass(frozen=True)
class Name:
    """An ID in a cell; ``href`` links a standard to its card (None for the other texts)."""

    name: str
    href: str | None


@dataclass(frozen=True)
class StatusRow:
    """One phase of one language's table, or the other texts (``href`` None)."""

    name: str
    href: str | None
    translated: int
    total: int
    missing: list[Name]
    outdated: list[Name]


def translation_tables(handbook: Handbook, view: View) -> str:
    """A heading and a table per translated language, each phase one row."""
    return "\n".join(_language_section(status, view) for status in translation_status(handbook))


def _language_section(status: LanguageStatus, view: View) -> str:
    html = view.render(
        "translation-status.html",
        status=status,
        name=native_name(status.language, view.language),
        rows=[_row(row, view) for row in status.rows],
    )
    return html + "\n"


def _row(row: Row, view: View) -> StatusRow:
    phase = row.phase
    slug = phase.slug if phase is not None else None
    return StatusRow(
        view.text(phase.title) if phase is not None else view.label("other_texts"),
        view.link(phase.slug, None) if phase is not None else None,
        len(row.named(State.TRANSLATED)),
        row.total,
        _names(row, State.MISSING, slug, view),
        _names(row, State.OUTDATED, slug, view),
    )


def _names(row: Row, wanted: State, slug: str | None, view: View) -> list[Name]:
    """The IDs in ``wanted`` state; a standard's ID links to its card on the phase page."""
    return [
        Name(name, view.link(slug, name.lower()) if slug is not None else None)
        for name in row.named(wanted)
    ]
