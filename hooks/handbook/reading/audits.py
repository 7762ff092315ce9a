"""Read ``audits/``: one file per audit visit, checked against the handbook's standards.

An audit names standards by ID. An ID the handbook does not have is an error with the
nearest ID as a hint, unless a phase file lists it under ``removed``: then the result is
kept (the audit's history stays true) with a warning, and left out of every score.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from handbook.model import Text
from handbook.model.audits import Audit, AuditResult, Result
from handbook.reading.contract import AUDIT, AUDIT_RESULT, SLUG_PATTERN
from handbook.reading.crosschecks import Registry
from handbook.reading.fields import (
    did_you_mean,
    read_choice,
    read_date,
    read_field,
    read_id,
    read_record,
    read_slug,
    read_word,
)
from handbook.reading.plainaudit import read_plain_audit
from handbook.reading.problems import Place, Problem, Severity, display_path
from handbook.reading.vocabulary import AUDIT_KINDS, VOCABULARY_FILE
from handbook.reading.yamlsource import MAX_FILE_BYTES, Node, read_yaml

AUDIT_SCHEMA_MODELINE = "# yaml-language-server: $schema=../schema/audit.schema.json"


@dataclass(frozen=True)
class AuditContext:
    """What every audit file is read against."""

    standards: Collection[str]
    """The IDs of the handbook's standards."""
    removed: Mapping[str, str]
    """ID of a removed standard → the phase file that lists it."""
    kinds: Mapping[str, Text]
    today: date


def audit_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def load_audits(folder: Path, context: AuditContext, problems: list[Problem]) -> tuple[Audit, ...]:
    """Every audit of ``folder`` that has no error, in file-name order."""
    audits = (load_audit_file(path, context, problems) for path in audit_files(folder))
    return tuple(audit for audit in audits if audit is not None)


def load_audit_file(
    path: Path, context: AuditContext, problems: list[Problem], quick: bool = True
) -> Audit | None:
    """The audit of ``path``: read quickly when it is in the plain shape and has nothing to
    report (``reading.plainaudit``), else in full, with every problem at its place;
    ``quick=False`` always reads it in full (the tests compare the two)."""
    shown = display_path(path)
    audit = _read_plain(path, shown, context) if quick else None
    if audit is not None:
        return audit
    node, found = read_yaml(path, shown)
    problems.extend(found)
    if node is None:
        return None
    before = len(problems)
    if not re.match(SLUG_PATTERN, path.stem):
        problems.append(
            Place(shown).error(
                f"the file name '{path.name}' is used in the audit's web address; use lower-case "
                "letters, digits and hyphens, e.g. 2026-11-14-mystery-guest.yaml"
            )
        )
    values = read_record(node, AUDIT, problems)
    if values is None:
        return None
    dated = partial(read_date, today=context.today, future="an audit cannot be in the future")
    day = read_field(values, AUDIT, "date", dated, problems)
    kind = read_field(values, AUDIT, "kind", read_slug, problems)
    if kind is not None and kind not in context.kinds:
        problems.append(values["kind"].place.error(unknown_kind(kind, context.kinds)))
    auditor = read_field(values, AUDIT, "auditor", read_word, problems)
    location = read_field(values, AUDIT, "location", read_word, problems) or ""
    results = _read_results(values.get("results"), context, problems)
    if any(p.severity is Severity.ERROR for p in problems[before:]):
        return None
    assert day is not None and kind is not None and auditor is not None
    return Audit(path.stem, day, kind, auditor, location, results, shown)


def _read_plain(path: Path, shown: str, context: AuditContext) -> Audit | None:
    """The quick reader's audit, or None; as bytes, so a CR or a byte order mark stays for
    it to see, and never more than the full reader's limit."""
    if not re.match(SLUG_PATTERN, path.stem):
        return None
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the full reader says why
    if len(data) > MAX_FILE_BYTES:
        return None
    return read_plain_audit(text, path.stem, shown, context)


def unknown_kind(kind: str, kinds: Mapping[str, Text]) -> str:
    if not kinds:
        return (
            f"kind '{kind}' is not in {VOCABULARY_FILE}; add a section '{AUDIT_KINDS}' there "
            f"that names it, e.g. {AUDIT_KINDS}: {{{kind}: {{en: …}}}}"
        )
    hint = did_you_mean(kind, tuple(kinds))
    return f"kind '{kind}' is not in {VOCABULARY_FILE} {AUDIT_KINDS}; {hint}use one of: " + (
        ", ".join(sorted(kinds))
    )


def _read_results(
    node: Node | None, context: AuditContext, problems: list[Problem]
) -> tuple[AuditResult, ...]:
    if node is None:
        return ()
    if node.kind != "seq" or not node.items:
        problems.append(
            node.place.error(
                "'results' must be a list of results, each starting with '- standard:'"
            )
        )
        return ()
    seen = Registry("standard", "an audit gives each standard one result; keep one of the two")
    results: list[AuditResult] = []
    for item in node.items:
        values = read_record(item, AUDIT_RESULT, problems)
        if values is None:
            continue
        standard = read_field(values, AUDIT_RESULT, "standard", read_id, problems)
        result = read_field(values, AUDIT_RESULT, "result", read_choice, problems)
        note = read_field(values, AUDIT_RESULT, "note", read_word, problems) or ""
        if standard is None:
            continue
        place = values["standard"].place
        removed = check_standard(standard, place, context, problems)
        if seen.add(standard, place, problems) and result is not None:
            results.append(AuditResult(standard, Result(result), note, removed))
    return tuple(results)


def check_standard(
    standard: str, place: Place, context: AuditContext, problems: list[Problem]
) -> bool:
    """True when the standard was removed (a warning); an unknown ID is an error."""
    if standard in context.standards:
        return False
    phase_file = context.removed.get(standard)
    if phase_file is not None:
        problems.append(
            place.warning(
                f"standard '{standard}' was removed ({phase_file} lists it under 'removed'); "
                "its result stays in this audit's history but no longer counts in any score"
            )
        )
        return True
    hint = did_you_mean(standard, tuple(context.standards))
    problems.append(
        place.error(
            f"standard '{standard}' is not in the handbook; {hint}a standard taken out of the "
            "handbook is listed under 'removed:' in its phase file, so audits keep its history"
        )
    )
    return False
