"""The contract of ``labels.yaml``: the words the handbook prints around the editors' text.

The words themselves are data, in ``standards/labels.yaml``, so an organisation translates
and rewords them like any other text; this module declares which words the renderers need,
what each is for, and the ``{slots}`` each must keep. Dates are formatted by Babel.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.model import Count, Labels, Text
from handbook.model.languages import english_name, plural_categories
from handbook.reading.contract import Field
from handbook.reading.fields import BASED_ON, TextReader, did_you_mean
from handbook.reading.fingerprints import SCALAR_KINDS, outdated_warnings
from handbook.reading.problems import Place, Problem, display_path
from handbook.reading.textrules import text_faults
from handbook.reading.yamlsource import Node, read_yaml

LABELS_FILE = "labels.yaml"

WORDS: dict[str, str] = {
    "personal": "the standard type 'personal': how staff behave towards the customer",
    "product": "the standard type 'product': what is offered or handed over",
    "procedure": "the standard type 'procedure': how the work is organised",
    "basic": "the level 'basic': what the sector commonly provides",
    "expected": "the level 'expected': what the customer expects",
    "exclusive": "the level 'exclusive': beyond what the customer expects",
    "current": "badge of a standard reviewed in time",
    "due-soon": "badge of a standard whose review is near",
    "overdue": "badge of a standard past its review date",
    "type": "heading: the standard's type",
    "level": "heading: the standard's level",
    "owner": "heading: the role accountable for the standard",
    "check": "heading: how an auditor checks the standard",
    "last_reviewed": "heading: date of the last review",
    "next_review": "heading: date of the next review",
    "review_by": "badge text before the next review date",
    "reviewed_on": "text before the date a standard was reviewed",
    "qualities": "heading: the qualities of a step",
    "steps": "heading: the steps of a phase",
    "phase": "heading: a phase",
    "principles": "heading of the principles on the home page",
    "sequence": "heading of the service sequence on the home page",
    "general": "heading of the standards that belong to no step",
    "not_translated": "note on a text shown in the source language",
    "outdated": "note on a translation made from an older source text",
    "none_at_level": "levels page: a phase has no standard at a level",
    "status": "heading: review status",
    "standard": "heading: a standard",
    "all": "filter: all statuses",
    "id": "heading: a standard's ID",
    "text": "heading: a standard's text",
    "step": "heading: a step",
    "review_months": "heading: months between reviews",
    "link": "heading: the link to a standard",
    "total": "count of all standards on the dashboard",
    "by_phase": "dashboard heading: counts per phase",
    "by_owner": "dashboard heading: lists per owner",
    "as_of": "dashboard: the date the status was computed",
    "downloads": "dashboard heading: the exports",
    "calendar_export": "link text of the review calendar",
    "data_export": "link text of standards.json",
    "table_export": "text before the CSV tables",
    "open_dashboard": "home page: link to the review dashboard",
    "changes_since": "changes page: standards reviewed since a date",
    "no_changes": "changes page: nothing reviewed since a date",
    "calendar_summary": "review calendar: title of one review",
    "calendar_name": "review calendar: its name",
    "translated": "translation status: texts translated",
    "missing": "translation status: texts not translated",
    "source_changed": "translation status: source text changed since the translation",
    "other_texts": "translation status: row of titles, steps and vocabulary",
    "complete": "translation status: a language is complete",
    "incomplete": "translation status: a language has texts to do",
    "search_partial": "search: no page has every word, the list shows those with most",
    "search_corrected": "search: the words a mistyped query was read as",
}
"""Every plain word by key, with what it is for (the checker's and the schema's help)."""

COUNTS: dict[str, str] = {
    "standards_count": "how many standards a phase has, e.g. 11 standards",
    "overdue_count": "review counts: how many standards are overdue, e.g. 2 overdue",
    "due_soon_count": "review counts: how many standards are due soon, e.g. 3 due soon",
    "current_count": "review counts: how many standards are current, e.g. 12 current",
    "total_count": "review counts: how many standards in all, e.g. 17 in total",
}
"""Words with a number: one form per CLDR plural category of each language."""

OPTIONAL_WORDS: dict[str, str] = {
    "preview_errors": "heading of the preview (make serve) while a file has errors",
    "preview_fix": "the preview's advice under that heading; {command} is the checker's command",
}
"""Words a handbook may leave out: added after handbooks were started, they show in English
(``site.preview``) until ``labels.yaml`` has them."""

AUDIT_WORDS: dict[str, tuple[str, str]] = {
    "pass": ("audit result: the standard was met", "pass"),
    "fail": ("audit result: the standard was not met", "fail"),
    "not-applicable": ("audit result: could not be observed", "not applicable"),
    "last_audit": ("card: the last audit result; {date} and {result}", "last {date} ({result})"),
    "failing_repeatedly": ("a standard failed in its two most recent audits", "Failing repeatedly"),
    "failing_repeatedly_heading": (
        "review dashboard: heading of the standards failing repeatedly",
        "Standards failing repeatedly",
    ),
    "failing_repeatedly_advice": (
        "review dashboard: what to do with standards failing repeatedly",
        "These standards failed in their two most recent audits: review them with the team, "
        "even where the review date is still current.",
    ),
    "audit": ("heading: one audit visit", "Audit"),
    "date": ("heading: the day of an audit", "Date"),
    "audit_kind": ("heading: the kind of audit, e.g. mystery shopper", "Kind of audit"),
    "auditor": ("heading: who audited", "Auditor"),
    "location": ("heading: where the audit took place", "Location"),
    "result": ("heading: an audit result", "Result"),
    "note": ("heading: the auditor's note", "Note"),
    "compliance": ("heading: passed results among those passed or failed", "Compliance"),
    "all_levels": ("heading: every level together", "All levels"),
    "all_phases": ("row: every phase together", "All phases"),
    "passed": ("heading: how many results passed", "Passed"),
    "failed": ("heading: how many results failed", "Failed"),
    "quarter": ("heading: a quarter of the year, e.g. 2026-Q3", "Quarter"),
    "by_phase_and_level": (
        "audits page heading: compliance per phase and level",
        "By phase and level",
    ),
    "trend": ("audits page heading: compliance per quarter", "Trend by quarter"),
    "trend_chart": (
        "audits page: what the chart shows, for screen readers",
        "Compliance per quarter; the table gives the same figures.",
    ),
    "audit_visits": ("audits page heading: the list of audits", "Audit visits"),
    "not_audited": ("audits page heading: standards without a result", "Not audited yet"),
    "not_audited_advice": (
        "audits page: what the list of standards not audited is for",
        "No audit that counts has a result for these standards: cover them in the next visit.",
    ),
    "all_audited": (
        "audits page: every standard has a result in the audits that count",
        "Every standard has a result in the audits that count.",
    ),
    "scores_period": (
        "audits page: which audits the figures count; {since} and {today}",
        "The figures count the audits from {since} to {today}. Results marked not applicable "
        "are left out.",
    ),
    "no_audits": ("audits page: there is no audit yet", "No audit counts yet."),
    "audit_title": ("title of one audit's page; {kind} and {date}", "{kind}, {date}"),
    "removed_standards": (
        "audit page heading: results of standards taken out of the handbook since",
        "Standards removed since",
    ),
    "audit_forms": ("audits page heading: the blank forms, one per phase", "Blank audit forms"),
    "audit_forms_advice": (
        "audits page: what the blank forms are for",
        "One form per phase, with every standard's check: print it on A4 paper, or fill in "
        "its spreadsheet and send it to an editor, who turns it into an audit file.",
    ),
    "audit_form_title": ("title of a phase's blank audit form; {phase}", "Audit form: {phase}"),
    "audit_form_advice": (
        "blank audit form: how to fill it in and print it",
        "Tick one box for each standard this visit covers; leave the standards it does not "
        "cover without a tick. Print this page from your browser on A4 paper, portrait.",
    ),
    "form_csv": ("link to a blank audit form as a spreadsheet", "Spreadsheet (CSV)"),
}
"""The words of audits: a handbook started before audits existed shows them in English
until its ``labels.yaml`` has them (help text, English)."""

AUDIT_COUNTS: dict[str, tuple[str, dict[str, str]]] = {
    "passed_of_audits": (
        "card: how many of the audits that count the standard passed; {passed} and {count}",
        {"one": "Passed {passed} of {count} audit", "other": "Passed {passed} of {count} audits"},
    ),
}
"""Words with a number for audits, with their English forms (see ``AUDIT_WORDS``)."""

COUNT_SLOTS: dict[str, frozenset[str]] = {"passed_of_audits": frozenset({"passed"})}
"""Slots a word with a number may hold besides ``{count}``."""

SLOTS: dict[str, frozenset[str]] = {
    "preview_fix": frozenset({"command"}),
    "last_audit": frozenset({"date", "result"}),
    "scores_period": frozenset({"since", "today"}),
    "audit_title": frozenset({"kind", "date"}),
    "audit_form_title": frozenset({"phase"}),
    "as_of": frozenset({"date"}),
    "changes_since": frozenset({"date"}),
    "no_changes": frozenset({"date"}),
    "calendar_summary": frozenset({"id", "owner"}),
    "search_corrected": frozenset({"words"}),
    **{key: frozenset({"count"}) for key in COUNTS},
}
"""The ``{slots}`` a word must contain in every language; the others have none."""


def load_labels(path: Path, texts: TextReader, problems: list[Problem]) -> Labels:
    """Read ``labels.yaml``; every word is required in the source language."""
    shown = display_path(path)
    if not path.exists():
        problems.append(
            Place(shown).error(
                f"{LABELS_FILE} is missing: it holds the handbook's own words (badges, "
                "headings, counts); copy hooks/handbook/tools/starter/standards/labels.yaml there"
            )
        )
        return Labels({}, {})
    node, found = read_yaml(path, shown)
    problems.extend(found)
    if node is None:
        return Labels({}, {})
    problems.extend(outdated_warnings(node, texts.languages))
    if node.kind != "map":
        problems.append(node.place.error(f"{LABELS_FILE} must be a group of words (key: text)"))
        return Labels({}, {})
    words: dict[str, Text] = {}
    counts: dict[str, Count] = {}
    known = (*WORDS, *COUNTS)
    optional = (*OPTIONAL_WORDS, *AUDIT_WORDS, *AUDIT_COUNTS)
    for key, key_place, value in node.entries:
        if key in WORDS or key in OPTIONAL_WORDS or key in AUDIT_WORDS:
            help_text = WORDS.get(key) or OPTIONAL_WORDS.get(key) or AUDIT_WORDS[key][0]
            text = texts(value, Field(key, "text", help_text), problems)
            if text is not None and _slots_kept(key, value, problems):
                words[key] = text
        elif key in COUNTS or key in AUDIT_COUNTS:
            count = _read_count(key, value, texts, problems)
            if count is not None:
                counts[key] = count
        else:
            hint = did_you_mean(key, (*known, *optional))
            problems.append(
                key_place.error(
                    f"unknown word '{key}' in {LABELS_FILE}; {hint}"
                    "the words are listed in schema/labels.schema.json"
                )
            )
    given = {key for key, _, _ in node.entries}
    for key in known:
        if key not in given:
            help_text = WORDS.get(key) or COUNTS[key]
            problems.append(
                node.place.error(f"{LABELS_FILE} is missing '{key}' ({help_text}); add it")
            )
    source = texts.languages.source
    for key, (_, english) in AUDIT_WORDS.items():
        words.setdefault(key, Text({source: english}, source))
    for key, (_, forms) in AUDIT_COUNTS.items():
        counts.setdefault(key, Count({source: forms}, source))
    return Labels(words, counts)


def _slots(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\{(\w*)\}", text))


def _slots_kept(key: str, node: Node, problems: list[Problem]) -> bool:
    """Each language keeps exactly the ``{slots}`` the renderers fill in."""
    wanted = SLOTS.get(key, frozenset())
    kept = True
    for language, _, value in node.entries:
        if value.kind in SCALAR_KINDS and language != BASED_ON and _slots(value.scalar) != wanted:
            problems.append(value.place.error(_slot_message(key, language, wanted)))
            kept = False
    return kept


def _slot_message(key: str, language: str, wanted: frozenset[str]) -> str:
    slots = ", ".join(f"{{{slot}}}" for slot in sorted(wanted))
    return (
        f"the {english_name(language)} '{key}' must contain {slots} and no other {{…}}"
        if wanted
        else f"the {english_name(language)} '{key}' must not contain {{…}}"
    )


def _read_count(key: str, node: Node, texts: TextReader, problems: list[Problem]) -> Count | None:
    """A word with a number: ``{en: {one: …, other: …}, pl: {one:, few:, many:, other:}}``."""
    languages = texts.languages
    if node.kind != "map":
        problems.append(node.place.error(f"'{key}' must be a group of languages, {texts.example}"))
        return None
    forms: dict[str, dict[str, str]] = {}
    given = {language for language, _, _ in node.entries}
    for language, key_place, value in node.entries:
        if language not in languages:
            problems.append(
                key_place.error(
                    f"'{key}' has a text in '{language}', which is not a "
                    "language of this handbook (mkdocs.yml)"
                )
            )
            continue
        read = _read_forms(key, language, value, language == languages.source, problems)
        if read is not None:
            forms[language] = read
            for _, _, form in value.entries:
                texts.check_wording(form, language, problems)
    if languages.source not in forms:
        if languages.source not in given:
            problems.append(
                node.place.error(
                    f"'{key}' has no {english_name(languages.source)} ({languages.source}) forms; "
                    "the source language is required"
                )
            )
        return None
    for language in languages.translated:
        if language not in forms and language not in given:
            problems.append(texts.missing(node.place, Field(key, "text", ""), language))
    return Count(forms, languages.source)


def _read_forms(
    key: str, language: str, node: Node, required: bool, problems: list[Problem]
) -> dict[str, str] | None:
    """The patterns of one language by CLDR plural category, each category present."""
    name = english_name(language)
    needed = plural_categories(language)
    listed = ", ".join(sorted(needed))
    extra = COUNT_SLOTS.get(key, frozenset())
    allowed = " and ".join(f"{{{slot}}}" for slot in ("count", *sorted(extra)))
    if node.kind != "map":
        problems.append(
            node.place.error(
                f"the {name} '{key}' must give one text per plural "
                f'category ({listed}), e.g. {{other: "{{count}} …"}}'
            )
        )
        return None
    patterns: dict[str, str] = {}
    for category, category_place, value in node.entries:
        if category not in needed:
            problems.append(
                category_place.error(
                    f"'{category}' is not a plural category of {name}; use: {listed}"
                )
            )
        elif value.kind not in SCALAR_KINDS or not value.scalar.strip():
            problems.append(value.place.error(f"the {name} '{key}' ({category}) must be text"))
        elif not _slots(value.scalar) <= {"count", *extra} or (
            category == "other" and not {"count", *extra} <= _slots(value.scalar)
        ):
            problems.append(
                value.place.error(
                    f"the {name} '{key}' ({category}) may contain only {allowed}, and the "
                    f"'other' form must contain {'them' if extra else 'it'}"
                )
            )
        else:
            for fault in text_faults(value.scalar):
                problems.append(value.place.error(f"the {name} '{key}' ({category}) {fault}"))
            patterns[category] = value.scalar.strip()
    absent = sorted(needed - set(patterns))
    if absent and len(patterns) == len(node.entries):
        place = node.place
        message = f"the {name} '{key}' has no form for {', '.join(absent)}; {name} needs {listed}"
        if required:
            problems.append(place.error(message))
        else:
            problems.append(place.warning(message + f"; the {name} pages show the source forms"))
    return patterns if not absent and len(patterns) == len(node.entries) else None
