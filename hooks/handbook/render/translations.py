"""The translation-status page: per language and phase, what is translated, missing, outdated."""

from __future__ import annotations

from html import escape

from handbook.model import Handbook
from handbook.model.languages import native_name
from handbook.model.status import LanguageStatus, Row, State, translation_status
from handbook.render.view import View, isolate

EMPTY = "—"


def translation_tables(handbook: Handbook, view: View) -> str:
    """A heading and a table per translated language, each phase one row."""
    return "\n".join(_language_section(status, view) for status in translation_status(handbook))


def _language_section(status: LanguageStatus, view: View) -> str:
    state = "complete" if status.complete else "incomplete"
    head = "".join(
        f'<th scope="col">{escape(text)}</th>'
        for text in (
            view.label("phase"),
            view.label("translated"),
            view.label("missing"),
            view.label("source_changed"),
        )
    )
    rows = "".join(_row(row, view) for row in status.rows)
    name = native_name(status.language, view.language)
    return (
        f'<h2 id="status-{status.language}">{escape(name)}</h2>\n\n'
        f'<p class="hb-translations__state hb-translations__state--{state}">'
        f"{escape(view.label(state))}</p>\n\n"
        f'<div class="hb-translations"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>\n"
    )


def _row(row: Row, view: View) -> str:
    if row.phase is not None:
        title = escape(view.text(row.phase.title))
        name = f'<a href="{escape(view.link(row.phase.slug, None))}">{title}</a>'
    else:
        name = escape(view.label("other_texts"))
    count = f"{len(row.named(State.TRANSLATED))} / {row.total}"
    return (
        f'<tr><th scope="row">{name}</th><td>{isolate(count)}</td>'
        f"<td>{_names(row, State.MISSING, view)}</td>"
        f"<td>{_names(row, State.OUTDATED, view)}</td></tr>"
    )


def _names(row: Row, wanted: State, view: View) -> str:
    """The IDs in ``wanted`` state; a standard's ID links to its card on the phase page."""
    names = row.named(wanted)
    if not names:
        return EMPTY
    if row.phase is None:
        return ", ".join(isolate(name) for name in names)
    slug = row.phase.slug
    return ", ".join(
        f'<a href="{escape(view.link(slug, name.lower()))}">{isolate(name)}</a>' for name in names
    )
