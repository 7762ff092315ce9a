"""A CSV table of the standards per language, for auditors working in a spreadsheet.

Headings and values are in the table's language (owner names, types, levels, status);
dates stay ISO 8601 so they sort. The file starts with a UTF-8 byte order mark because
spreadsheet programs need it to read Polish and Arabic letters correctly.
"""

from __future__ import annotations

import csv
import io

from handbook.export import Publication
from handbook.model import Standard
from handbook.render.markup import plain

COLUMNS = (
    "id",
    "phase",
    "step",
    "type",
    "level",
    "owner",
    "last_reviewed",
    "review_months",
    "next_review",
    "status",
    "text",
    "check",
    "link",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def table_bytes(publication: Publication, language: str) -> bytes:
    """Every standard in handbook order, one row each, under a heading row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    handbook = publication.handbook
    writer.writerow([handbook.labels.word(column, language) for column in COLUMNS])
    for phase in (*handbook.principles, *handbook.sequence):
        for standard in phase.standards:
            writer.writerow(
                [spreadsheet_safe(cell) for cell in table_row(publication, standard, language)]
            )
    return buffer.getvalue().encode("utf-8-sig")


def spreadsheet_safe(cell: str) -> str:
    """The cell with an apostrophe in front when a spreadsheet would run it as a formula.

    Text from a pull request such as ``=HYPERLINK(…)`` must stay text in the auditor's
    spreadsheet too (issue 8; OWASP's advice on CSV injection). Spreadsheets hide the
    apostrophe and show the text as written.
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def table_row(publication: Publication, standard: Standard, language: str) -> list[str]:
    handbook, policy = publication.handbook, publication.policy
    labels = handbook.labels
    phase = handbook.phase(standard.phase)
    steps = {step.id: step for step in phase.steps}
    step = (
        steps[standard.step].title.get(language)
        if standard.step is not None
        else labels.word("general", language)
    )
    return [
        standard.id,
        phase.title.get(language),
        step,
        labels.word(standard.type.value, language),
        labels.word(standard.level.value, language),
        handbook.vocabulary.owners[standard.owner].get(language),
        standard.last_reviewed.isoformat(),
        str(standard.review_months),
        policy.next_review(standard).isoformat(),
        labels.word(policy.status(standard).value, language),
        plain(" ".join(standard.text.get(language).split())),
        plain(" ".join(standard.check.get(language).split())),
        publication.standard_url(standard, language),
    ]
