"""``handbook diff`` for its three readers: a terminal, a pull request's summary, a tool.

Removed standards always come first: a standard that leaves the handbook leaves it in every
language, and the reviewer must see that before anything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from handbook.model import Standard
from handbook.model.changes import FieldChange, HandbookChanges, StandardChange
from handbook.model.languages import english_name
from handbook.tools.markdown import markdown_text as _md

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Compared:
    """The changes and the names of the two revisions they are between."""

    base: str
    head: str
    changes: HandbookChanges


def counts(changes: HandbookChanges) -> str:
    parts = [
        (len(changes.removed), "removed"),
        (len(changes.added), "added"),
        (len(changes.moved), "moved"),
        (len(changes.changed), "changed"),
    ]
    shown = [
        f"{number} standard{'' if number == 1 else 's'} {what}" for number, what in parts if number
    ]
    return ", ".join(shown) if shown else "no standard changed"


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """The two texts as runs of words: ("same", …), ("removed", …) and ("added", …)."""
    old, new = before.split(), after.split()
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(new[j1:j2])))
    return runs


def text_report(compared: Compared) -> str:
    """For a terminal: one line per change, texts quoted, old → new."""
    changes = compared.changes
    lines = [f"Handbook changes from {compared.base} to {compared.head}: {counts(changes)}"]
    if changes.removed:
        lines.append("REMOVED from every language:")
        lines += [f"  - {_standard_line(s)}" for s in changes.removed]
    lines += [f"phase removed: {slug}" for slug in changes.phases_removed]
    lines += [f"phase added: {slug}" for slug in changes.phases_added]
    if changes.added:
        lines.append("Added:")
        lines += [f"  + {_standard_line(s)}" for s in changes.added]
    if changes.moved:
        lines.append("Moved:")
        lines += [f"  {move.id}: {move.before} → {move.after}" for move in changes.moved]
    if changes.changed:
        lines.append("Changed:")
    for change in changes.changed:
        lines.append(f"  {change.id} ({change.phase})")
        lines += [f"    {_field_name(f)}: {_text_change(f)}" for f in change.fields]
        lines += _consequences(change, lambda line: f"    {line}")
    return "\n".join(lines) + "\n"


def markdown_report(compared: Compared) -> str:
    """For ``$GITHUB_STEP_SUMMARY``: headings and lists; every text from the YAML escaped."""
    changes = compared.changes
    lines = [
        f"## Handbook changes: {_md(compared.base)} → {_md(compared.head)}",
        "",
        counts(changes).capitalize() + ".",
        "",
    ]
    if changes.removed:
        lines += [
            f"**⚠ {len(changes.removed)} removed from every language.** Check that this is "
            "meant: the site will no longer show them.",
            "",
            *(f"- ~~{_md(s.id)}~~ ({_md(s.phase)}): {_md(s.text.source)}" for s in changes.removed),
            "",
        ]
    for slug in changes.phases_removed:
        lines += [f"**⚠ Phase removed: {_md(slug)}**", ""]
    for slug in changes.phases_added:
        lines += [f"Phase added: {_md(slug)}", ""]
    if changes.added:
        lines += ["### Added", ""]
        lines += [
            f"- **{_md(s.id)}** ({_md(s.phase)}): {_md(s.text.source)}" for s in changes.added
        ]
        lines.append("")
    if changes.moved:
        lines += ["### Moved", ""]
        lines += [f"- **{_md(m.id)}**: {_md(m.before)} → {_md(m.after)}" for m in changes.moved]
        lines.append("")
    if changes.changed:
        lines += ["### Changed", ""]
    for change in changes.changed:
        lines.append(f"#### {_md(change.id)} ({_md(change.phase)})")
        lines.append("")
        for field in change.fields:
            name = _md(_field_name(field))
            if field.language is None:
                lines.append(f"- {name}: {_md(field.before)} → {_md(field.after)}")
                continue
            lines.append(f"- {name}:")
            lines.append(f"  - before: {_md_words(field.before, field.after, 'removed')}")
            lines.append(f"  - after: {_md_words(field.before, field.after, 'added')}")
        lines += _consequences(change, lambda line: f"- {_md(line)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def json_report(compared: Compared) -> str:
    """For tools: every change as data, with ``schema_version`` for its readers."""
    changes = compared.changes
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "base": compared.base,
        "head": compared.head,
        "removed": [_standard_data(s) for s in changes.removed],
        "added": [_standard_data(s) for s in changes.added],
        "moved": [{"id": m.id, "before": m.before, "after": m.after} for m in changes.moved],
        "changed": [_change_data(change) for change in changes.changed],
        "phases_removed": list(changes.phases_removed),
        "phases_added": list(changes.phases_added),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Compared], str]] = {
    "text": text_report,
    "markdown": markdown_report,
    "json": json_report,
}


def _standard_line(standard: Standard) -> str:
    return f"{standard.id} ({standard.phase}): {_quoted(standard.text.source)}"


def _field_name(field: FieldChange) -> str:
    return f"{field.field} ({english_name(field.language)})" if field.language else field.field


def _consequences(change: StandardChange, shape: Callable[[str], str]) -> list[str]:
    """The translations left outdated and the review date moved, one line each."""
    lines = []
    if change.outdated:
        left = ", ".join(f"{f.field} ({english_name(f.language or '')})" for f in change.outdated)
        lines.append(shape(f"translations left outdated: {left}"))
    if change.next_review:
        old, new = change.next_review
        lines.append(shape(f"next review: {old.isoformat()} → {new.isoformat()}"))
    return lines


def _standard_data(standard: Standard) -> dict[str, Any]:
    return {
        "id": standard.id,
        "phase": standard.phase,
        "step": standard.step,
        "text": dict(standard.text.translations),
    }


def _change_data(change: StandardChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "phase": change.phase,
        "fields": [_field_data(field) for field in change.fields],
        "outdated": [{"field": f.field, "language": f.language} for f in change.outdated],
        "next_review": [day.isoformat() for day in change.next_review]
        if change.next_review
        else None,
    }


def _field_data(field: FieldChange) -> dict[str, Any]:
    return {
        "field": field.field,
        "language": field.language,
        "before": field.before,
        "after": field.after,
    }


def _text_change(field: FieldChange) -> str:
    """``old → new`` for a value; a text as git's word diff writes it: [-old-]{+new+}."""
    if field.language is None or not field.before or not field.after:
        return f"{_quoted(field.before)} → {_quoted(field.after)}"
    marks = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    runs = word_changes(field.before, field.after)
    return " ".join(marks[kind].format(words) for kind, words in runs)


def _md_words(before: str, after: str, side: str) -> str:
    """One side of a text change, the words only it has struck out (removed) or in bold."""
    if not (before if side == "removed" else after):
        return "*(empty)*"
    mark = "~~" if side == "removed" else "**"
    return " ".join(
        _md(words) if kind == "same" else f"{mark}{_md(words)}{mark}"
        for kind, words in word_changes(before, after)
        if kind in {"same", side}
    )


def _quoted(text: str) -> str:
    return f'"{text}"' if text else "(empty)"
