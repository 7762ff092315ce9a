"""``handbook audit import``: filled audit forms (the CSV of ``export.forms``) into one
``audits/`` file.

A spreadsheet is where an auditor makes mistakes an editor cannot see in a pull request,
so every cell is checked where it stands (``form.csv:row:column``) before anything is
written: an ID the handbook does not have (with the nearest as a hint), a standard twice,
a result that is none of pass, fail and not applicable (in any of the handbook's languages,
as the form's own words), a note without a result, a note the checker would refuse. A row
without a result is a standard the visit did not cover. The written file is then read back
by the checker itself, so an imported audit is one ``handbook check`` accepts.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from handbook.export.forms import FORM_COLUMNS
from handbook.model import Handbook, Text
from handbook.model.audits import AuditResult, Result
from handbook.reading.audits import (
    AUDIT_SCHEMA_MODELINE,
    AuditContext,
    check_standard,
    load_audit_file,
    unknown_kind,
)
from handbook.reading.contract import SLUG_PATTERN, STANDARD_ID_PATTERN
from handbook.reading.crosschecks import Registry
from handbook.reading.problems import Place, Problem, Severity, display_path
from handbook.reading.textrules import text_faults
from handbook.tools.yamlwrite import yaml_scalar

ID, RESULT, NOTE = 0, 2, 3
"""Where the form has each cell (``export.forms.FORM_COLUMNS``), counting from 0."""


@dataclass(frozen=True)
class Visit:
    """What the command line says about the visit: the form's header on paper."""

    day: str
    kind: str
    auditor: str
    location: str = ""


@dataclass(frozen=True)
class Imported:
    path: Path
    results: tuple[AuditResult, ...]
    problems: list[Problem]
    """The forms' mistakes, at their row and column."""
    refusals: list[str]
    """The command line's mistakes (``--kind: …``)."""


def _context(handbook: Handbook, today: date) -> AuditContext:
    removed = {sid: phase.source_path for phase in handbook.phases for sid in phase.removed}
    return AuditContext(
        standards=frozenset(s.id for s in handbook.standards()),
        removed=removed,
        kinds=handbook.vocabulary.audit_kinds,
        today=today,
    )


def import_audit(
    handbook: Handbook, today: date, forms: Sequence[Path], visit: Visit, output: Path
) -> Imported:
    """Read ``forms`` into one audit at ``output``; on any error nothing is written."""
    context = _context(handbook, today)
    refusals = visit_refusals(visit, today, context.kinds, output)
    problems: list[Problem] = []
    results = _read_forms(forms, handbook, context, problems)
    if not results and not _errors(problems):
        shown = ", ".join(display_path(form) for form in forms)
        problems.append(
            Place(shown).error(
                "no standard has a result; fill in the result column (pass, fail or not "
                "applicable) for each standard the visit covered"
            )
        )
    if refusals or _errors(problems):
        return Imported(output, (), problems, refusals)
    text = audit_yaml(visit, results)
    problems += _checked(text, output, context)
    if not _errors(problems):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return Imported(output, results, problems, [])


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def visit_refusals(visit: Visit, today: date, kinds: Mapping[str, Text], output: Path) -> list[str]:
    """The command line's own mistakes, each starting with its option: ``--kind: …``."""
    refusals: list[str] = []
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", visit.day):
            raise ValueError
        day = date.fromisoformat(visit.day)
    except ValueError:
        refusals.append(
            f"--date: '{visit.day}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-14"
        )
    else:
        if day > today:
            refusals.append(
                f"--date: {visit.day} is in the future; an audit cannot be in the future"
            )
    if visit.kind not in kinds:
        refusals.append(f"--kind: {unknown_kind(visit.kind, kinds)}")
    if not visit.auditor.strip():
        refusals.append("--auditor: say who audited, a name or a firm")
    for option, text in (("--auditor", visit.auditor), ("--location", visit.location)):
        refusals += [f"{option}: the text {fault}" for fault in text_faults(text) if text.strip()]
    shown = display_path(output)
    if output.exists():
        refusals.append(
            f"{shown} exists already; name the new audit with --output, "
            "e.g. --output audits/2026-11-14-mystery-shopper-2.yaml"
        )
    elif not re.match(SLUG_PATTERN, output.stem) or output.suffix != ".yaml":
        refusals.append(
            f"--output: the file name '{output.name}' is used in the audit's web address; use "
            "lower-case letters, digits and hyphens and end it in .yaml, "
            "e.g. audits/2026-11-14-mystery-shopper.yaml"
        )
    return refusals


def _read_forms(
    forms: Sequence[Path], handbook: Handbook, context: AuditContext, problems: list[Problem]
) -> tuple[AuditResult, ...]:
    words, headings = _result_words(handbook), _heading_words(handbook)
    seen = Registry("standard", "an audit gives each standard one result; keep one of the two")
    results: list[AuditResult] = []
    for form in forms:
        shown = display_path(form)
        for row, cells in _rows(form, headings, problems):
            result = _read_row(shown, row, cells, words, context, problems)
            if result is not None and seen.add(
                result.standard, Place(shown, row, ID + 1), problems
            ):
                results.append(result)
    return tuple(results)


def _rows(
    form: Path, headings: frozenset[str], problems: list[Problem]
) -> list[tuple[int, list[str]]]:
    """The data rows of ``form`` with their numbers as a spreadsheet counts them (the
    heading row is 1); a comma, semicolon or tab between cells, as spreadsheets save."""
    shown = display_path(form)
    try:
        text = form.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        problems.append(
            Place(shown).error(
                f"cannot read the form: {reason}; save it from the spreadsheet as CSV (UTF-8)"
            )
        )
        return []
    try:  # only the delimiter: the sniffer guesses quoting wrong from a row without quotes
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    rows = list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1))
    if rows and rows[0][1] and rows[0][1][ID].strip().casefold() in headings:
        rows = rows[1:]  # the heading row; a form whose heading was deleted starts with an ID
    return [(row, cells) for row, cells in rows if any(cell.strip() for cell in cells)]


def _heading_words(handbook: Handbook) -> frozenset[str]:
    """The first heading of the form in each language ("ID", "Identyfikator"…)."""
    labels = handbook.labels
    return frozenset(labels.word(FORM_COLUMNS[ID], lang).casefold() for lang in handbook.languages)


def _result_words(handbook: Handbook) -> dict[str, Result]:
    """Every way the forms write a result: its key and its word in each language."""
    words = {result.value: result for result in Result}
    for result in Result:
        for language in handbook.languages:
            words[handbook.labels.word(result.value, language).casefold()] = result
    return words


def _read_row(
    shown: str,
    row: int,
    cells: list[str],
    words: dict[str, Result],
    context: AuditContext,
    problems: list[Problem],
) -> AuditResult | None:
    cells = [cell.strip() for cell in cells] + [""] * (NOTE + 1 - len(cells))
    standard, typed, note = cells[ID], cells[RESULT], " ".join(cells[NOTE].split())
    at = Place(shown, row, ID + 1)
    if not typed and not note:
        return None  # a standard the visit did not cover
    if not re.fullmatch(STANDARD_ID_PATTERN, standard):
        what = f"'{standard}' is not a standard ID" if standard else "the ID is empty"
        problems.append(at.error(f"{what}; keep the first column as the form has it, e.g. CHK-01"))
        return None
    removed = check_standard(standard, at, context, problems)
    if not typed:
        problems.append(
            Place(shown, row, NOTE + 1).error(
                f"{standard} has a note but no result; fill in the result (pass, fail or "
                "not applicable), or leave the note out too if the visit did not cover it"
            )
        )
        return None
    result = words.get(typed.casefold())
    if result is None:
        problems.append(
            Place(shown, row, RESULT + 1).error(
                f"'{typed}' is not a result; write pass, fail or not applicable, in any of "
                "the handbook's languages, or leave it empty if the visit did not cover "
                f"{standard}"
            )
        )
    faults = text_faults(note) if note else []
    for fault in faults:
        problems.append(Place(shown, row, NOTE + 1).error(f"the note {fault}"))
    if result is None or faults:
        return None
    return AuditResult(standard, result, note, removed)


def audit_yaml(visit: Visit, results: Sequence[AuditResult]) -> str:
    """The audit file, in the shape of the examples in ``audits/``."""
    lines = [
        AUDIT_SCHEMA_MODELINE,
        f"date: {visit.day}",
        f"kind: {visit.kind}",
        f"auditor: {yaml_scalar(visit.auditor)}",
    ]
    if visit.location.strip():
        lines.append(f"location: {yaml_scalar(visit.location)}")
    lines.append("results:")
    for result in results:
        lines += [f"  - standard: {result.standard}", f"    result: {result.result.value}"]
        if result.note:
            lines.append(f"    note: {yaml_scalar(result.note)}")
    return "\n".join(lines) + "\n"


def _checked(text: str, output: Path, context: AuditContext) -> list[Problem]:
    """The checker's problems with the file to be written, as if it were at ``output``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / output.name
        path.write_text(text, encoding="utf-8")
        found: list[Problem] = []
        load_audit_file(path, context, found)
    shown = display_path(output)
    return [
        Problem(shown, p.line, p.column, p.severity, p.message)
        for p in found
        if p.severity is Severity.ERROR
    ]
