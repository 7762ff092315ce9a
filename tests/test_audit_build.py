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

from tests.hotel import LANGUAGES, PREFIX
from tests.sitebuild import mkdocs_build, project_copy
from tests.test_audits import AUDITS, COUNTED, audited_standards

pytestmark = pytest.mark.build

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
        ("ar", "مستوفى في 0 من تدقيقين"),
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
