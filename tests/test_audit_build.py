"""Audits in the built handbook: the real MkDocs build of the hotel fixture with the tests'
audits (``tests/fixtures/audits``), read as a reader and a program would read it.

The figures are those worked out by hand in ``tests/test_audits.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.hotel import HOTEL, LANGUAGES, PREFIX
from tests.sitebuild import mkdocs_build, project_copy
from tests.test_audit_forms import form_order
from tests.test_audits import AUDITS, COUNTED, audited_standards

pytestmark = pytest.mark.build

NONE = "\N{EN DASH}"
"""A cell without a figure: nothing passed or failed there."""

_FAILING_ROW = re.compile(
    r'<tr data-status="[^"]+"><td><a class="hb-standard__id" [^>]*><bdi>([^<]+)</bdi>.*?</tr>',
    re.S,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = audited_standards(tmp_path_factory.mktemp("data"))
    project = project_copy(tmp_path_factory.mktemp("audited"), data, audits=AUDITS)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OLD-01" in result.stdout + result.stderr, "the removed standard's warning is shown"
    return project / "site"


def page(site: Path, language: str, path: str) -> str:
    return (site / PREFIX[language] / path / "index.html").read_text(encoding="utf-8")


def card(html: str, standard: str) -> str:
    start = html.index(f'data-standard="{standard}"')
    return html[start : html.index("</article>", start)]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Passed 0 of 2 audits"),
        ("pl", "Spełniony w 0 z 2 audytów"),
        ("ar", "مستوفى في 0 من أصل تدقيقين"),
    ],
)
def test_the_card_says_how_the_standard_did(site: Path, language: str, line: str) -> None:
    chk04 = card(page(site, language, "phases/check-in"), "CHK-04")
    assert f"<span>{line}</span>" in chk04
    assert "hb-chip--failing" in chk04
    assert '<time datetime="2026-11-14">' in chk04
    assert "hb-standard__audit" not in card(page(site, language, "phases/check-out"), "OUT-01")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_lists_the_standards_failing_repeatedly(site: Path, language: str) -> None:
    html = page(site, language, "reviews")
    section = html[html.index('id="failing-repeatedly"') : html.index('id="downloads"')]
    assert sorted(_FAILING_ROW.findall(section)) == ["CHK-04", "PRI-01"]


def test_the_exports_carry_the_audits(site: Path) -> None:
    data = json.loads((site / "standards.json").read_text(encoding="utf-8"))
    audit = {s["id"]: s["audit"] for p in data["phases"] for s in p["standards"]}
    assert audit["CHK-01"] == {
        "passed": 3,
        "failed": 0,
        "not_applicable": 0,
        "compliance": 1.0,
        "last_result": "pass",
        "last_date": "2026-11-14",
        "failing_repeatedly": False,
    }
    assert [s for s, a in audit.items() if a["failing_repeatedly"]] == ["PRI-01", "CHK-04"]
    audits = json.loads((site / "audits.json").read_text(encoding="utf-8"))
    assert audits["scoring"]["counted_audits"] == COUNTED
    for language in LANGUAGES:
        table = (site / f"audits-{language}.csv").read_bytes().decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(table)))
        assert len(rows) == 1 + 19, language  # a heading, then every result of the 4 audits


def _cells(row: str) -> list[str]:
    """The text of each cell of a table row, tags left out, spaces joined."""
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def _rows(html: str, table_class: str) -> list[list[str]]:
    start = html.index(f'class="hb-audit-table {table_class}"')
    table = html[start : html.index("</table>", start)]
    return [_cells(row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def test_the_overview_gives_compliance_by_phase_and_level(site: Path) -> None:
    rows = _rows(page(site, "en", "audits"), "hb-audit-phases")
    assert rows[0] == ["Phase", "Basic", "Expected", "Exclusive", "All levels"]
    by_phase = {row[0]: row[1:] for row in rows[1:]}
    # worked out in tests/test_audits.py: check-in basic 3 of 5, expected 1 of 3, exclusive
    # 1 of 1, all 5 of 9; principles: PRI-01 (basic) failed twice
    assert by_phase["Check-in"] == ["60% 3/5", "33% 1/3", "100% 1/1", "56% 5/9"]
    assert by_phase["Service principles"] == ["0% 0/2", NONE, NONE, "0% 0/2"]
    assert by_phase["Check-out"] == [NONE, NONE, NONE, NONE]
    assert by_phase["All phases"] == ["50% 5/10", "33% 1/3", "100% 1/1", "50% 7/14"]


def test_the_trend_is_a_chart_and_a_table_of_the_same_figures(site: Path) -> None:
    html = page(site, "pl", "audits")
    trend = html[html.index('class="hb-audit-trend"') :]
    trend = trend[: trend.index("</table>")]
    chart = trend[trend.index("<svg") : trend.index("</svg>")]
    assert 'role="img"' in chart and "<title" in chart and "<script" not in chart
    assert re.findall(r'class="hb-trend__label"[^>]*>([^<]+)<', chart) == [
        "2025-Q2",
        "2026-Q1",
        "2026-Q2",
        "2026-Q4",
    ]
    heights = [
        int(h) for h in re.findall(r'<rect class="hb-trend__bar"[^>]* height="(\d+)"', chart)
    ]
    assert heights == [40, 40, 48, 32]  # 50 %, 50 %, 60 %, 40 % of 80
    rows = [_cells(row) for row in re.findall(r"<tr>(.*?)</tr>", trend, re.S)]
    assert rows == [
        ["Kwartał", "Stopień spełnienia", "Spełnione", "Niespełnione"],
        ["2025-Q2", "50%", "1", "1"],
        ["2026-Q1", "50%", "2", "2"],
        ["2026-Q2", "60%", "3", "2"],
        ["2026-Q4", "40%", "2", "3"],
    ]


def test_the_overview_lists_every_visit_and_what_is_not_audited(site: Path) -> None:
    html = page(site, "en", "audits")
    visits = re.findall(r'<tr data-audit="([^"]+)"><td><a href="([^"]+)">', html)
    assert visits == [(slug, f"{slug}/") for slug in [*reversed(COUNTED), "2025-06-02-internal"]]
    never = html[html.index('class="hb-audit-never"') :]
    listed = re.findall(r'<a class="hb-standard__id" href="[^"]+"><bdi>([^<]+)</bdi>', never)
    assert len(listed) == 52 - 7 and "CHK-05" in listed and "CHK-04" not in listed


def test_each_audit_has_its_page_grouped_by_phase(site: Path) -> None:
    html = page(site, "pl", "audits/2026-05-20-mystery-shopper")
    assert "<title>Wizyta tajemniczego gościa, 20 maja 2026" in html
    headings = re.findall(r'<h2 id="([^"]+)"', html)
    assert headings == ["principles", "reservation", "check-in", "removed"]
    # a table of what failed, was not applicable or has a note; the other passes by ID
    results = re.findall(r'<tr data-standard="([^"]+)" data-result="([^"]+)">', html)
    assert results == [("PRI-01", "fail"), ("CHK-04", "fail")]
    lines = re.findall(r'<p class="hb-audit-passed">(.*?)</p>', html)
    passed = [re.findall(r"<bdi>([^<]+)</bdi>", line) for line in lines]
    assert passed == [["RES-01"], ["CHK-01", "CHK-02"], ["OLD-01"]]  # by phase, then removed
    assert lines[1].startswith("<strong>Spełnione (2):</strong>")
    assert "<a " not in lines[2]  # a removed standard has no card to link to
    assert "Different greeting for the suite guest." in html
    arabic = page(site, "ar", "audits/2026-05-20-mystery-shopper")
    assert re.search(r'<body [^>]*dir="rtl"', arabic)
    assert '<a class="hb-standard__id" href="../../phases/check-in/#chk-04">' in arabic


PHASES = ["principles", "reservation", "check-in", "stay", "check-out"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_phase_has_a_blank_form_with_its_spreadsheet(site: Path, language: str) -> None:
    for phase in PHASES:
        html = page(site, language, f"audit-forms/{phase}")
        listed = re.findall(r'<tr data-standard="([^"]+)">', html)
        expected = [s["id"] for s in form_order(HOTEL / "standards" / f"{phase}.yaml")]
        assert listed == expected, (language, phase)
        boxes = html.count('<td class="hb-audit-form__result"><span class="hb-box"></span></td>')
        assert boxes == 3 * len(expected)  # pass, fail, not applicable
        spreadsheet = re.search(r'<a href="([^"]+\.csv)" download>', html)
        assert spreadsheet is not None
        target = (site / PREFIX[language] / "audit-forms" / phase / spreadsheet[1]).resolve()
        assert target == (site / f"audit-form-{phase}-{language}.csv").resolve()
        assert target.is_file()
    arabic = page(site, "ar", "audit-forms/check-in")
    assert re.search(r'<body [^>]*dir="rtl"', arabic)
    assert "<title>نموذج التدقيق: تسجيل الوصول" in arabic


def test_the_overview_links_every_phase_form(site: Path) -> None:
    html = page(site, "pl", "audits")
    forms = html[html.index('class="hb-audit-forms"') :]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> · <a href="([^"]+)" download>', forms)
    assert [(href, csv_href) for href, _, csv_href in links] == [
        (f"../audit-forms/{phase}/", f"../../audit-form-{phase}-pl.csv") for phase in PHASES
    ]
    assert links[2][1] == "Zameldowanie"  # pl/audits/ is two folders below the exports
