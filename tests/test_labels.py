"""The handbook's own words are data: read from labels.yaml, checked, counted per CLDR."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.model import Handbook
from handbook.render.view import View
from tests.starterkit import POLICY, load, starter_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return starter_project(tmp_path_factory.mktemp("labels"))


def view_of(handbook: Handbook, language: str) -> View:
    return View(language, POLICY, handbook, lambda slug, anchor: f"{slug}#{anchor}")


def counted(project: Path, language: str, numbers: list[int]) -> list[str]:
    handbook = load(project).handbook
    assert handbook is not None
    view = view_of(handbook, language)
    return [view.count("standards_count", n) for n in numbers]


def test_polish_counts_take_the_form_their_number_needs(project: Path) -> None:
    two, five, twenty_two, twelve = counted(project, "pl", [2, 5, 22, 12])
    assert two == "2 standardy"
    assert five == "5 standardów"
    assert twenty_two == "22 standardy"
    assert twelve == "12 standardów"


def test_arabic_counts_take_the_six_cldr_forms(project: Path) -> None:
    forms = counted(project, "ar", [1, 2, 3, 11, 100])
    assert forms[0] != forms[1]
    assert forms[2].startswith("3 ") and forms[2].endswith("معايير")
    assert forms[3].startswith("11 ") and forms[3].endswith("معيارًا")
    assert forms[4].startswith("100 ") and forms[4].endswith("معيار")


def edited(project: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the project's standards in ``tmp_path`` with one change to labels.yaml."""
    copy = tmp_path / "standards"
    copy.mkdir()
    for path in (project / "standards").iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    labels = copy / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert old in text
    labels.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_a_missing_word_falls_back_to_the_source_and_is_warned_once_with_its_line(
    project: Path, tmp_path: Path
) -> None:
    edited(project, tmp_path, '  pl: "Po terminie"\n', "")
    result = load(tmp_path)
    assert result.handbook is not None
    warnings = [str(p) for p in result.warnings if "'overdue'" in p.message]
    assert len(warnings) == 1
    line = _line_of(project / "standards" / "labels.yaml", "overdue:")
    assert f"standards/labels.yaml:{line + 1}:3: warning:" in warnings[0]  # the word's texts
    assert view_of(result.handbook, "pl").label("overdue") == "Overdue"


def test_a_word_that_loses_its_slot_is_an_error_at_its_line(project: Path, tmp_path: Path) -> None:
    edited(project, tmp_path, '  pl: "Stan na {date}."', '  pl: "Stan na dzień."')
    result = load(tmp_path)
    assert result.handbook is None
    (error,) = result.errors
    assert "the Polish 'as_of' must contain {date}" in error.message
    assert error.line == _line_of(project / "standards" / "labels.yaml", '  pl: "Stan na {date}."')


def test_an_unknown_word_names_the_nearest_one(project: Path, tmp_path: Path) -> None:
    edited(project, tmp_path, "overdue:\n", "overdeu:\n")
    messages = [p.message for p in load(tmp_path).errors]
    assert any("unknown word 'overdeu'" in m and "did you mean 'overdue'" in m for m in messages)
    assert any("is missing 'overdue'" in m for m in messages)


def test_a_count_without_a_polish_category_warns_and_uses_the_source_forms(
    project: Path, tmp_path: Path
) -> None:
    edited(project, tmp_path, ' few: "{count} standardy",', "")
    result = load(tmp_path)
    assert result.handbook is not None
    assert any("has no form for few" in p.message for p in result.warnings)
    assert view_of(result.handbook, "pl").count("standards_count", 3) == "3 standards"


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))
