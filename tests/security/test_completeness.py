"""Nothing is ever lost: every standard of every YAML file reaches every output, once.

The IDs are read from the YAML files with plain PyYAML, not with the handbook's loader, so
a standard the loader dropped would be missed here too. Each output is then read as a
reader or a program would read it: the phase pages and the review dashboard of each
language, standards.json, each language's CSV table and the review calendar.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from handbook.export import CALENDAR_FILE, DATA_FILE, table_file
from handbook.reading.loader import phase_files
from tests.hotel import LANGUAGES, PREFIX

pytestmark = pytest.mark.build

DASHBOARD = "reviews"
_CARD = re.compile(r'<article [^>]*data-standard="([^"]+)"')
_DASHBOARD_ROW = re.compile(
    r'<tr data-status="[^"]+"><td><a class="hb-standard__id" [^>]*><bdi>([^<]+)</bdi>'
)


def ids_per_file(standards: Path) -> dict[str, list[str]]:
    """Phase slug → IDs of its standards, in file order, straight from the YAML."""
    found: dict[str, list[str]] = {}
    for path in phase_files(standards):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["phase"]] = [str(item["id"]) for item in data.get("standards") or []]
    return found


@pytest.fixture(scope="module")
def expected(standards_dir: Path) -> Counter[str]:
    ids = Counter(i for file_ids in ids_per_file(standards_dir).values() for i in file_ids)
    assert len(ids) >= 40
    assert max(ids.values()) == 1, "an ID is used twice in the YAML"
    return ids


def _page(site: Path, language: str, path: str) -> str:
    return (site / PREFIX[language] / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_standard_is_on_its_phase_page(
    built_site: Path, standards_dir: Path, language: str
) -> None:
    for phase, ids in ids_per_file(standards_dir).items():
        html = _page(built_site, language, f"phases/{phase}")
        assert _CARD.findall(html) == ids, (language, phase)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_standard_is_on_the_review_dashboard_once(
    built_site: Path, expected: Counter[str], language: str
) -> None:
    rows = Counter(_DASHBOARD_ROW.findall(_page(built_site, language, DASHBOARD)))
    assert rows == expected


def test_every_standard_is_in_the_json_once_under_its_phase(
    built_site: Path, standards_dir: Path, expected: Counter[str]
) -> None:
    data = json.loads((built_site / DATA_FILE).read_text(encoding="utf-8"))
    per_phase = {p["slug"]: [s["id"] for s in p["standards"]] for p in data["phases"]}
    assert per_phase == ids_per_file(standards_dir)
    assert data["counts"]["total"] == sum(expected.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_standard_is_in_each_csv_once(
    built_site: Path, expected: Counter[str], language: str
) -> None:
    text = (built_site / table_file(language)).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert Counter(row[0] for row in rows[1:]) == expected


def test_every_standard_has_one_review_in_the_calendar(
    built_site: Path, expected: Counter[str]
) -> None:
    calendar = Calendar.from_ical((built_site / CALENDAR_FILE).read_bytes())
    uids = Counter(str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT"))
    assert uids == expected
