"""``audits.json`` and ``audits-<lang>.csv``: every audit result as data, with the scores.

``audits.json`` is versioned like ``standards.json`` (``schema/audits-export.schema.json``):
adding a field keeps ``format_version``, renaming or removing one raises it. Compliance is
a number from 0 to 1, rounded to four places, or null where nothing was passed or failed.
The CSV has one row per result, in the table's language, for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from handbook.export import Publication
from handbook.export.data import scoring_data, tally_data, texts
from handbook.export.table import spreadsheet_safe
from handbook.model import Standard
from handbook.model.audits import Audit, Result

FORMAT_VERSION = 1
COLUMNS = (
    "audit",
    "date",
    "audit_kind",
    "auditor",
    "location",
    "standard",
    "phase",
    "result",
    "note",
    "link",
)


def audits_bytes(publication: Publication) -> bytes:
    """Compact JSON, one line: every result of every audit (60,000 in a large handbook)
    is data for programs, and Python writes indented JSON ten times slower."""
    data = audits_data(publication)
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def audits_data(publication: Publication) -> dict[str, Any]:
    handbook, scores = publication.handbook, publication.scores
    languages = handbook.languages
    return {
        "format_version": FORMAT_VERSION,
        "status_date": publication.policy.today.isoformat(),
        "scoring": scoring_data(publication),
        "kinds": {k: texts(v, languages) for k, v in handbook.vocabulary.audit_kinds.items()},
        "compliance": {
            "phases": {slug: tally_data(t) for slug, t in scores.phases.items()},
            "levels": {level.value: tally_data(t) for level, t in scores.levels.items()},
            "types": {kind.value: tally_data(t) for kind, t in scores.types.items()},
            "quarters": {name: tally_data(t) for name, t in scores.quarters.items()},
        },
        "audits": [audit_data(publication, audit) for audit in _newest_first(publication)],
    }


def _newest_first(publication: Publication) -> list[Audit]:
    return sorted(publication.handbook.audits, key=lambda a: (a.date, a.slug), reverse=True)


def audit_data(publication: Publication, audit: Audit) -> dict[str, Any]:
    return {
        "id": audit.slug,
        "date": audit.date.isoformat(),
        "kind": audit.kind,
        "auditor": audit.auditor,
        "location": audit.location or None,
        "counted": audit in publication.scores.counted,
        **tally_data(publication.scores.audits[audit.slug]),
        "results": [
            {
                "standard": result.standard,
                "result": result.result.value,
                "note": result.note or None,
                "removed": result.removed,
            }
            for result in audit.results
        ],
    }


def audit_table_bytes(publication: Publication, language: str) -> bytes:
    """Every result of every audit, newest audit first, under a heading row."""
    handbook = publication.handbook
    labels, kinds = handbook.labels, handbook.vocabulary.audit_kinds
    standards = {s.id: _standard_cells(publication, s, language) for s in handbook.standards()}
    words = {result: labels.word(result.value, language) for result in Result}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([labels.word(column, language) for column in COLUMNS])
    for audit in _newest_first(publication):
        visit = [
            audit.slug,
            audit.date.isoformat(),
            kinds[audit.kind].get(language),
            audit.auditor,
            audit.location,
        ]
        visit = [spreadsheet_safe(cell) for cell in visit]
        for result in audit.results:
            phase, link = standards.get(result.standard, ("", ""))
            note = spreadsheet_safe(result.note)
            writer.writerow([*visit, result.standard, phase, words[result.result], note, link])
    return buffer.getvalue().encode("utf-8-sig")


def _standard_cells(publication: Publication, standard: Standard, language: str) -> tuple[str, str]:
    """The phase title and the link of a standard: the same in each of its rows."""
    phase = publication.handbook.phase(standard.phase).title.get(language)
    return spreadsheet_safe(phase), publication.standard_url(standard, language)
