"""``audit-form-<phase>-<lang>.csv``: the blank audit form of a phase, for a spreadsheet.

The same rows as the printed form: the standard's ID and its check, then an empty result
and note for the auditor to fill in. ``handbook audit import`` turns the filled file into
an audit; it reads the columns by position, so the heading row is in the table's language.
"""

from __future__ import annotations

import csv
import io

from handbook.export.table import spreadsheet_safe
from handbook.model import Handbook, Phase

FORM_COLUMNS = ("id", "check", "result", "note")
"""The columns of the form; ``handbook audit import`` reads them in this order."""


def form_file(phase: Phase, language: str) -> str:
    """The blank form of one phase in one language, e.g. ``audit-form-check-in-pl.csv``."""
    return f"audit-form-{phase.slug}-{language}.csv"


def form_bytes(handbook: Handbook, phase: Phase, language: str) -> bytes:
    """UTF-8 with a byte order mark, as spreadsheets need to read it as UTF-8."""
    labels = handbook.labels
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([labels.word(column, language) for column in FORM_COLUMNS])
    for standard in (s for _, standards in phase.by_step() for s in standards):
        check = " ".join(standard.check.get(language).split())
        writer.writerow([standard.id, spreadsheet_safe(check), "", ""])
    return buffer.getvalue().encode("utf-8-sig")
