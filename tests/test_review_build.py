"""The review lifecycle in the built handbook: dashboard, summary, changes page and exports.

Everything is read from the built site (built with HANDBOOK_TODAY=2026-11-25), with real
parsers: icalendar for the calendar, jsonschema for the JSON, csv for the tables.
"""

from __future__ import annotations

import csv
import json
import os
import posixpath
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from handbook.export import build_timestamp
from handbook.model import Handbook
from handbook.model.review import ReviewStatus, count_by_status, review_list
from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_labels, hotel_policy, label
from tests.sitebuild import ROOT, TEST_TODAY, mkdocs_build, project_copy

pytestmark = pytest.mark.build

PREFIX = {"en": "", "pl": "pl/", "ar": "ar/"}
POLICY = hotel_policy(date.fromisoformat(TEST_TODAY))
EXPORTS = ("reviews.ics", "standards.json", *(f"standards-{lang}.csv" for lang in LANGUAGES))
URGENCY = {status.value: rank for rank, status in enumerate(ReviewStatus)}


@pytest.fixture(scope="module")
def handbook(standards_dir: Path) -> Handbook:
    result = load_handbook(standards_dir, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None
    return result.handbook


@pytest.fixture(scope="module")
def rebuilt_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hotel fixture built a second time, in another folder, with the same date."""
    project = project_copy(tmp_path_factory.mktemp("again"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def html_of(site: Path, language: str, page: str) -> str:
    return (site / PREFIX[language] / page / "index.html").read_text(encoding="utf-8")


def target_of(site: Path, page: str, href: str) -> Path:
    """The file a relative link on the page at site path ``page`` opens."""
    path = posixpath.normpath(posixpath.join(page, href.split("#")[0]))
    file = site / path
    return file / "index.html" if href.endswith("/") or file.is_dir() else file


def test_calendar_has_one_event_per_standard_with_unique_uids(
    built_site: Path, handbook: Handbook
) -> None:
    calendar = Calendar.from_ical((built_site / "reviews.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    standards = {s.id: s for s in handbook.standards()}
    assert len(events) == len(standards)
    uids = [str(e["UID"]) for e in events]
    assert sorted(uids) == sorted(f"{id}@example.github.io" for id in standards)
    stamp = build_timestamp(POLICY.today, dict(os.environ))
    for event in events:
        standard = standards[str(event["UID"]).split("@")[0]]
        assert event.decoded("DTSTART") == POLICY.next_review(standard)
        assert event.decoded("DTSTAMP") == stamp
        assert standard.id in str(event["SUMMARY"])
        owner = handbook.vocabulary.owners[standard.owner].source
        assert owner in str(event["SUMMARY"])


def test_exports_are_the_same_bytes_in_a_second_build(built_site: Path, rebuilt_site: Path) -> None:
    """Same standards and HANDBOOK_TODAY: same files, so calendar UIDs never change."""
    for name in EXPORTS:
        assert (built_site / name).read_bytes() == (rebuilt_site / name).read_bytes(), name


def test_json_export_is_valid_and_has_every_standard_with_its_status(
    built_site: Path, handbook: Handbook
) -> None:
    data = json.loads((built_site / "standards.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schema" / "standards-export.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(data)] == []
    exported = {s["id"]: s for p in data["phases"] for s in p["standards"]}
    assert exported.keys() == {s.id for s in handbook.standards()}
    for standard in handbook.standards():
        assert exported[standard.id]["status"] == POLICY.status(standard).value
        assert set(exported[standard.id]["text"]) == set(LANGUAGES)
    assert data["status_date"] == TEST_TODAY


@pytest.mark.parametrize("language", LANGUAGES)
def test_csv_table_has_a_row_per_standard(
    built_site: Path, handbook: Handbook, language: str
) -> None:
    with (built_site / f"standards-{language}.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[0] == label(language, "id")
    assert len(body) == len(list(handbook.standards()))
    status = {row[0]: row[header.index(label(language, "status"))] for row in body}
    for standard in handbook.standards():
        assert status[standard.id] == label(language, POLICY.status(standard).value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_lists_every_standard_by_owner_most_urgent_first(
    built_site: Path, handbook: Handbook, language: str
) -> None:
    html = html_of(built_site, language, "reviews")
    counts = count_by_status(review_list(handbook.standards(), POLICY))
    top = html[: html.index('id="downloads"')]
    shown = re.findall(r'data-status="([a-z-]+)"><strong>(\d+)</strong>', top)
    assert shown == [(status.value, str(n)) for status, n in counts.items()]
    seen: list[str] = []
    for owner, name in handbook.vocabulary.owners.items():
        start = html.find(f'id="owner-{owner}"')
        if start < 0:
            assert not any(s.owner == owner for s in handbook.standards())
            continue
        assert name.get(language) in html[start : start + 300]
        section = html[start : html.find("</table>", start)]
        rows = re.findall(r'<tr data-status="([a-z-]+)"><td><a [^>]*><bdi>([A-Z-]+\d+)<', section)
        assert [URGENCY[status] for status, _ in rows] == sorted(URGENCY[s] for s, _ in rows)
        seen += [id for _, id in rows]
    assert sorted(seen) == sorted(s.id for s in handbook.standards())


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_links_to_phase_pages_and_downloads_that_exist(
    built_site: Path, language: str
) -> None:
    page = f"{PREFIX[language]}reviews/"
    html = html_of(built_site, language, "reviews")
    content = html[html.index('class="hb-review-asof"') : html.index('id="by-owner"')]
    links = re.findall(r'href="([^"#]+)"', content)
    assert len(links) >= 5 + 5  # five downloads, five phase pages
    for href in links:
        assert target_of(built_site, page, href).is_file(), href
    assert {posixpath.basename(h) for h in links} >= set(EXPORTS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_counts_and_links_to_the_dashboard(
    built_site: Path, handbook: Handbook, language: str
) -> None:
    html = html_of(built_site, language, "")
    summary = re.search(r'<div class="hb-review-summary">.*?</div>', html)
    assert summary is not None
    total = len(list(handbook.standards()))
    pattern = hotel_labels().counts["total_count"].pattern(language, total)
    assert pattern.replace("{count}", f"<strong>{total}</strong>") in summary.group(0)
    link = re.search(r'class="hb-review-summary__link" href="([^"]+)"', summary.group(0))
    assert link is not None
    dashboard = target_of(built_site, PREFIX[language], link.group(1))
    assert dashboard == built_site / PREFIX[language] / "reviews" / "index.html"


def test_changes_page_lists_recent_reviews_newest_first(
    built_site: Path, handbook: Handbook
) -> None:
    html = html_of(built_site, "pl", "changes")
    dates = re.findall(r'<tr><td><time datetime="(\d{4}-\d\d-\d\d)">', html)
    assert dates == sorted(dates, reverse=True)
    expected = [s for s in handbook.standards() if (POLICY.today - s.last_reviewed).days <= 90]
    assert len(dates) == len(expected) > 0


def test_pages_load_the_badge_script_and_the_print_stylesheet(built_site: Path) -> None:
    for language in LANGUAGES:
        html = html_of(built_site, language, "phases/check-in")
        assert re.search(r'<script src="[./]*assets/review\.js"', html), language
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/print\.css"', html), language
    script = (built_site / "assets" / "review.js").read_text(encoding="utf-8")
    assert "document$" in script


def test_a_wrong_review_setting_fails_the_build_naming_it(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("due_soon_days: 30", "due_soon_days: -3"),
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "extra.handbook.due_soon_days is -3; use a whole number 0-365" in output
    assert "Traceback" not in output
