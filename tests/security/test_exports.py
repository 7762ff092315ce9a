"""The exports of the hostile site, read as data: every attack string comes back as the same
text, nothing is added, and nothing in them can act in the program that opens them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from handbook.export import AUDITS_FILE, CALENDAR_FILE, DATA_FILE, audit_table_file, table_file
from handbook.export.table import FORMULA_STARTS
from handbook.render.markup import plain
from tests.hotel import LANGUAGES
from tests.security.attacks import ACCEPTED
from tests.security.hostile import slug, standard_id

pytestmark = pytest.mark.build

FIXTURE_STANDARDS = 3
"""Standards of tests/fixtures/small, next to the one per attack."""


def _guarded(text: str) -> str:
    """What a spreadsheet cell holds for ``text``: an apostrophe before a would-be formula,
    which the spreadsheet hides."""
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text


def test_json_holds_every_attack_as_the_same_text(hostile_site: Path) -> None:
    data = json.loads((hostile_site / DATA_FILE).read_text(encoding="utf-8"))
    phases: dict[str, Any] = {phase["slug"]: phase for phase in data["phases"]}
    vocabulary = data["vocabulary"]
    for number, attack in enumerate(ACCEPTED, 1):
        phase = phases[slug(number)]
        (standard,) = phase["standards"]
        assert standard["id"] == standard_id(number)
        texts = (
            phase["title"],
            phase["summary"],
            phase["steps"][0]["title"],
            standard["text"],
            standard["check"],
            vocabulary["qualities"][slug(number)],
            vocabulary["owners"][slug(number)],
        )
        for text in texts:
            assert text == dict.fromkeys(LANGUAGES, attack.text.strip()), attack.why
    assert data["counts"]["total"] == len(ACCEPTED) + FIXTURE_STANDARDS


def test_audits_json_holds_every_attack_as_the_same_text(hostile_site: Path) -> None:
    data = json.loads((hostile_site / AUDITS_FILE).read_text(encoding="utf-8"))
    audits: dict[str, Any] = {audit["id"]: audit for audit in data["audits"]}
    assert len(audits) == len(ACCEPTED)
    for number, attack in enumerate(ACCEPTED, 1):
        one_line = " ".join(attack.text.split())
        audit = audits[slug(number)]
        (result,) = audit["results"]
        assert (audit["auditor"], audit["location"], result["note"]) == (one_line,) * 3
        assert data["kinds"][slug(number)] == dict.fromkeys(LANGUAGES, attack.text.strip())


@pytest.mark.parametrize("language", LANGUAGES)
def test_audit_csv_holds_every_attack_as_text_and_no_formula(
    hostile_site: Path, language: str
) -> None:
    text = (hostile_site / audit_table_file(language)).read_text(encoding="utf-8-sig")
    _header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(ACCEPTED)
    by_audit = {row[0]: row for row in rows}
    for number, attack in enumerate(ACCEPTED, 1):
        row = by_audit[slug(number)]
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (attack.why, cell[:40])
        kind = _guarded(attack.text.strip())
        one_line = _guarded(" ".join(attack.text.split()))
        assert (row[2], row[3], row[4], row[8]) == (kind, one_line, one_line, one_line)


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_holds_every_attack_as_text_and_no_formula(hostile_site: Path, language: str) -> None:
    text = (hostile_site / table_file(language)).read_text(encoding="utf-8-sig")
    _header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(ACCEPTED) + FIXTURE_STANDARDS
    by_id = {row[0]: row for row in rows}
    for number, attack in enumerate(ACCEPTED, 1):
        row = by_id[standard_id(number)]
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (attack.why, cell[:40])
        written = _guarded(attack.text.strip())
        flat = _guarded(plain(" ".join(attack.text.split())))
        assert row[1] == row[2] == row[5] == written, attack.why  # phase, step, owner
        assert row[10] == row[11] == flat, attack.why  # text, check


def test_calendar_holds_every_attack_as_text_and_no_extra_event(hostile_site: Path) -> None:
    calendar = Calendar.from_ical((hostile_site / CALENDAR_FILE).read_bytes())
    events = {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    assert len(events) == len(ACCEPTED) + FIXTURE_STANDARDS
    assert len(calendar.walk("VCALENDAR")) == 1
    for number, attack in enumerate(ACCEPTED, 1):
        event = events[standard_id(number)]
        written = attack.text.strip()
        assert written in str(event["SUMMARY"]), attack.why
        assert str(event["DESCRIPTION"]).count(written) == 2, attack.why  # text and check
