"""Translation status: per language and phase, translated, missing and outdated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook.model import Handbook
from handbook.model.status import State, translation_status
from handbook.reading.loader import load_handbook
from handbook.render.standard import standard_card
from handbook.render.translations import translation_tables
from handbook.render.view import View
from handbook.tools.cli import main
from tests.checker.project import base_project
from tests.hotel import HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import HOTEL

HERE = Path(__file__).parent
POLICY = hotel_policy()


@pytest.fixture
def standards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base handbook plus one phase with a missing and an outdated translation, and the
    hotel fixture's ``mkdocs.yml`` (en, pl, ar) beside it."""
    folder = base_project(tmp_path)
    for name in ("missing-translation", "outdated-translation"):
        text = (HERE / "broken" / f"{name}.yaml").read_text(encoding="utf-8")
        (folder / f"{name}.yaml").write_text(
            text.replace("TST-01", name.upper()[:3] + "-01").replace(
                "order: 2", f"order: {len(name)}"
            ),
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    return folder


def handbook_of(folder: Path) -> Handbook:
    result = load_handbook(folder, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None, result.errors
    return result.handbook


def test_rows_per_language_and_phase(standards: Path) -> None:
    polish, arabic = translation_status(handbook_of(standards))
    rows = {row.name: row for row in arabic.rows}
    assert [row.name for row in arabic.rows] == [
        "base",
        "missing-translation",
        "outdated-translation",
        "other texts",
    ]
    assert rows["base"].named(State.TRANSLATED) == ("BAS-01",)
    assert rows["missing-translation"].named(State.MISSING) == ("MIS-01",)
    assert rows["outdated-translation"].named(State.OUTDATED) == ("OUT-01",)
    assert polish.count(State.MISSING) == 0 and polish.count(State.OUTDATED) == 1
    assert not arabic.complete


def test_status_command_text_and_strict(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status"]) == 0
    assert capsys.readouterr().out == (
        "Polish (pl)\n"
        "  base                  1/1 translated\n"
        "  missing-translation   1/1 translated\n"
        "  outdated-translation  0/1 translated; outdated: OUT-01\n"
        "  other texts           12/12 translated\n"
        "Arabic (ar)\n"
        "  base                  1/1 translated\n"
        "  missing-translation   0/1 translated; missing: MIS-01\n"
        "  outdated-translation  0/1 translated; outdated: OUT-01\n"
        "  other texts           12/12 translated\n"
        "translations: 1 missing, 2 outdated\n"
    )
    assert main(["status", "--strict"]) == 1


def test_status_command_json(standards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["languages"][1]["phases"][1] == {
        "name": "missing-translation",
        "total": 1,
        "translated": [],
        "missing": ["MIS-01"],
        "outdated": [],
    }
    assert data["summary"] == "translations: 1 missing, 2 outdated"


def test_status_of_a_broken_handbook_prints_the_errors(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(HERE / "broken" / "unknown-owner.yaml", standards)
    assert main(["status"]) == 1
    assert "unknown-owner.yaml:15:12: error: owner 'receptionist'" in capsys.readouterr().out


def test_hotel_fixture_translations_are_complete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HOTEL)
    assert main(["status", "--strict"]) == 0
    assert capsys.readouterr().out.endswith("translations: complete and up to date\n")


def test_page_table_links_the_ids_and_names_the_states(standards: Path) -> None:
    view = View("pl", POLICY, handbook_of(standards), lambda s, a: f"{s}#{a}")
    html = translation_tables(handbook_of(standards), view)
    assert '<h2 id="status-pl">Polski</h2>' in html
    assert '<h2 id="status-ar">Arabski</h2>' in html
    assert '<a href="outdated-translation#out-01"><bdi>OUT-01</bdi></a>' in html
    assert "<td><bdi>0 / 1</bdi></td>" in html
    assert "Brak tłumaczenia" in html


def test_an_outdated_translation_carries_a_notice_on_its_page(standards: Path) -> None:
    handbook = handbook_of(standards)
    standard = handbook.phase("outdated-translation").standards[0]
    view = View("pl", POLICY, handbook, lambda s, a: f"{s}#{a}")
    card = standard_card(standard, view)
    assert "Tekst oryginalny zmienił się od czasu tego tłumaczenia" in card  # base/labels.yaml
    assert "hb-notice--outdated" in card


@pytest.mark.build
def test_translation_page_in_every_language(built_site: Path) -> None:
    for prefix, heading in (
        ("", "Translation status"),
        ("pl/", "Stan tłumaczeń"),
        ("ar/", "حالة الترجمة"),
    ):
        html = (built_site / prefix / "translations" / "index.html").read_text(encoding="utf-8")
        assert heading in html
        assert 'id="status-pl"' in html and 'id="status-ar"' in html
        assert "{{" not in html
