"""The translation-status page: per language and phase, what is translated, missing, outdated.

The words of this one page are kept here rather than in :mod:`handbook.labels`, next to the
only code that uses them; a test checks that each exists in every language.
"""

from __future__ import annotations

from html import escape

from handbook.model import Handbook
from handbook.render.view import View, isolate
from handbook.translations import LanguageStatus, Row, State, translation_status

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "pl": "Polish",
        "ar": "Arabic",
        "translated": "Translated",
        "missing": "Missing",
        "outdated": "English changed since",
        "other": "Titles, steps and vocabulary",
        "complete": "Every text is translated and up to date.",
        "incomplete": "Texts still to translate or to update are listed by ID below.",
    },
    "pl": {
        "pl": "Polski",
        "ar": "Arabski",
        "translated": "Przetłumaczone",
        "missing": "Brak tłumaczenia",
        "outdated": "Angielski tekst zmieniony",
        "other": "Tytuły, etapy i słownik",
        "complete": "Wszystkie teksty są przetłumaczone i aktualne.",
        "incomplete": "Teksty do przetłumaczenia lub poprawienia są wymienione niżej według "
        "identyfikatorów.",
    },
    "ar": {
        "pl": "البولندية",
        "ar": "العربية",
        "translated": "مترجمة",
        "missing": "غير مترجمة",
        "outdated": "تغيّر النص الإنجليزي بعدها",
        "other": "العناوين والخطوات والمفردات",
        "complete": "كل النصوص مترجمة ومحدّثة.",
        "incomplete": "النصوص التي ما زالت تحتاج إلى ترجمة أو تحديث مذكورة أدناه بمعرّفاتها.",
    },
}

EMPTY = "—"


def word(view: View, key: str) -> str:
    return WORDS[view.language][key]


def translation_tables(handbook: Handbook, view: View) -> str:
    """A heading and a table per translated language, each phase one row."""
    return "\n".join(_language_section(status, view) for status in translation_status(handbook))


def _language_section(status: LanguageStatus, view: View) -> str:
    state = "complete" if status.complete else "incomplete"
    head = "".join(
        f'<th scope="col">{escape(text)}</th>'
        for text in (
            view.label("phase"),
            word(view, "translated"),
            word(view, "missing"),
            word(view, "outdated"),
        )
    )
    rows = "".join(_row(row, view) for row in status.rows)
    return (
        f'<h2 id="status-{status.language}">{escape(word(view, status.language))}</h2>\n\n'
        f'<p class="hb-translations__state hb-translations__state--{state}">'
        f"{escape(word(view, state))}</p>\n\n"
        f'<div class="hb-translations"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>\n"
    )


def _row(row: Row, view: View) -> str:
    if row.phase is not None:
        title = escape(view.text(row.phase.title))
        name = f'<a href="{escape(view.link(row.phase.slug, None))}">{title}</a>'
    else:
        name = escape(word(view, "other"))
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
