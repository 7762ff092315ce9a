"""Entries as a gettext PO file, which Poedit, Weblate, Crowdin and Lokalise read.

The context (``msgctxt``) names the text, the source text is the ``msgid``, the translation
the ``msgstr``; an outdated translation is ``fuzzy``, so every PO tool shows it for review. A
count is a plural entry, its forms in the order of the language's ``Plural-Forms``, which
comes from the CLDR rules Babel carries (Polish: one, few, many, other).
"""

from __future__ import annotations

from datetime import date

from babel.plural import to_gettext

from handbook.exchange.entries import OUTDATED, Entry
from handbook.model.languages import english_name, locale_of, plural_categories

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR plural categories in the order Babel numbers them in a gettext plural expression."""


def gettext_order(language: str) -> list[str]:
    """The language's plural categories in ``msgstr[n]`` order: ``other`` always last."""
    needed = plural_categories(language)
    return [category for category in CATEGORIES if category in needed]


def plural_forms(language: str) -> str:
    return to_gettext(locale_of(language).plural_form)


def write_po(entries: list[Entry], source: str, language: str, project: str, today: date) -> str:
    """The PO file of ``entries`` for translating ``source`` into ``language``, as of ``today``
    (the revision date: the same handbook on the same day gives the same bytes)."""
    header = (
        f"Project-Id-Version: {project}\n"
        f"PO-Revision-Date: {today.isoformat()} 00:00+0000\n"
        "Last-Translator: \n"
        f"Language: {language}\n"
        f"Language-Team: {english_name(language)}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {plural_forms(language)}\n"
        f"X-Source-Language: {source}\n"
    )
    blocks = [
        f"# {english_name(language)} texts of {project}, from its {english_name(source)} ones.\n"
        f'msgid ""\n{_string("msgstr", header)}'
    ]
    blocks += [_block(entry, source, language) for entry in entries]
    return "\n".join(blocks)


def _block(entry: Entry, source: str, language: str) -> str:
    lines = [f"#. {entry.note}", f"#: {entry.reference}"]
    if entry.state == OUTDATED:
        lines.append("#, fuzzy")
    lines.append(_string("msgctxt", entry.context).rstrip("\n"))
    if not entry.plural:
        lines.append(_string("msgid", entry.source).rstrip("\n"))
        lines.append(_string("msgstr", entry.target).rstrip("\n"))
        return "\n".join(lines) + "\n"
    singular = entry.source_forms.get("one", entry.source_forms.get("other", ""))
    lines.append(_string("msgid", singular).rstrip("\n"))
    lines.append(_string("msgid_plural", entry.source_forms.get("other", singular)).rstrip("\n"))
    for number, category in enumerate(gettext_order(language)):
        form = entry.target_forms.get(category, "")
        lines.append(_string(f"msgstr[{number}]", form).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _string(keyword: str, text: str) -> str:
    """``keyword "text"``, a text with line breaks as one quoted line per line."""
    if "\n" not in text.rstrip("\n"):
        return f'{keyword} "{_escape(text)}"\n'
    parts = text.splitlines(keepends=True)
    return f'{keyword} ""\n' + "".join(f'"{_escape(part)}"\n' for part in parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
