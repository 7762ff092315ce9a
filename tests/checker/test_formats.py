"""The installed ``handbook`` console script, run as CI and editors run it, in every format."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checker.project import I18N_LANGUAGES, base_project
from tests.sitebuild import HOTEL, TEST_TODAY

HERE = Path(__file__).parent
HANDBOOK = Path(sys.executable).parent / "handbook"
BROKEN = "value-not-allowed.yaml"
TYPE_MESSAGE = "type 'personnel' is not allowed; use one of: personal, product, procedure"
LEVEL_MESSAGE = "level 'premium' is not allowed; use one of: basic, expected, exclusive"


def handbook(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real console script, as a user runs it; the caller checks the result."""
    env = {**os.environ, "HANDBOOK_TODAY": TEST_TODAY}
    result = subprocess.run(
        [str(HANDBOOK), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding ``mkdocs.yml`` and ``standards/``: the base handbook and one broken file."""
    base_project(tmp_path)
    shutil.copy(HERE / "broken" / BROKEN, tmp_path / "standards")
    return tmp_path


def test_text_format(project: Path) -> None:
    result = handbook(project, "check")
    assert result.returncode == 1
    assert result.stdout == (
        f"standards/{BROKEN}:13:11: error: {TYPE_MESSAGE}\n"
        f"standards/{BROKEN}:14:12: error: {LEVEL_MESSAGE}\n"
        "checked 4 files: 2 errors, 0 warnings\n"
    )


def test_github_format_annotates_the_lines(project: Path) -> None:
    result = handbook(project, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout == (
        f"::error file=standards/{BROKEN},line=13,col=11,title=handbook check::{TYPE_MESSAGE}\n"
        f"::error file=standards/{BROKEN},line=14,col=12,title=handbook check::{LEVEL_MESSAGE}\n"
        "checked 4 files: 2 errors, 0 warnings\n"
    )


def test_json_format(project: Path) -> None:
    result = handbook(project, "check", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "problems": [
            {
                "path": f"standards/{BROKEN}",
                "line": 13,
                "column": 11,
                "severity": "error",
                "message": TYPE_MESSAGE,
            },
            {
                "path": f"standards/{BROKEN}",
                "line": 14,
                "column": 12,
                "severity": "error",
                "message": LEVEL_MESSAGE,
            },
        ],
        "files": 4,
        "errors": 2,
        "warnings": 0,
        "summary": "checked 4 files: 2 errors, 0 warnings",
    }


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    base_project(tmp_path)
    shutil.copy(HERE / "broken" / "missing-translation.yaml", tmp_path / "standards")
    relaxed = handbook(tmp_path, "check", "--format", "github")
    strict = handbook(tmp_path, "check", "--format", "github", "--strict")
    assert relaxed.returncode == 0
    assert relaxed.stdout.startswith("::warning file=standards/missing-translation.yaml,line=19,")
    assert strict.returncode == 1
    assert strict.stdout.startswith("::error file=standards/missing-translation.yaml,line=19,")


def test_what_a_file_contains_cannot_forge_a_report(tmp_path: Path) -> None:
    """A key with a newline, a '%' and a terminal escape is shown escaped, on one line."""
    base_project(tmp_path)
    bad = (HERE / "base" / "base.yaml").read_text(encoding="utf-8")
    bad = bad.replace("phase: base", "phase: other").replace("BAS-01", "OTH-01")
    bad = bad.replace("order: 1", 'order: 2\n"50%\\n::error file=x::\\e[2J": 1')
    (tmp_path / "standards" / "other.yaml").write_text(bad, encoding="utf-8")
    text = handbook(tmp_path, "check").stdout.splitlines()
    github = handbook(tmp_path, "check", "--format", "github").stdout.splitlines()
    assert text[0].startswith(
        "standards/other.yaml:5:1: error: unknown key '50%\\u000a::error file=x::\\u001b[2J'"
    )
    assert github[0].startswith("::error file=standards/other.yaml,line=5,col=1,")
    assert "unknown key '50%25\\u000a::error file=x::\\u001b[2J'" in github[0]
    assert len(github) == 2


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    shutil.copytree(HERE / "base", tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\n"
        + I18N_LANGUAGES
        + "extra:\n  handbook:\n    standards: data\n    review_months: 20\n"
    )
    result = handbook(tmp_path, "check")
    assert result.returncode == 1
    assert result.stdout == (
        "mkdocs.yml:1:1: error: extra.handbook.review_months is 20; use a whole number 1-12\n"
        "checked 0 files: 1 error, 0 warnings\n"
    )
    (tmp_path / "mkdocs.yml").write_text(
        I18N_LANGUAGES + "extra:\n  handbook:\n    standards: data\n"
    )
    assert handbook(tmp_path, "check").stdout == "checked 3 files: no problems found\n"


def test_without_mkdocs_yml_it_says_where_to_run(tmp_path: Path) -> None:
    shutil.copytree(HERE / "base", tmp_path / "standards")
    result = handbook(tmp_path, "check")
    assert (result.returncode, result.stdout) == (
        1,
        "mkdocs.yml:1:1: error: no such file: run handbook in the folder that holds mkdocs.yml, "
        "or name it with --config\n"
        "checked 0 files: 1 error, 0 warnings\n",
    )
    base_project(tmp_path / "site")  # the data folder is found next to the named config
    result = handbook(tmp_path, "check", "--config", "site/mkdocs.yml")
    assert (result.returncode, result.stdout) == (0, "checked 3 files: no problems found\n")


def test_a_wrong_today_is_an_error_not_a_crash(tmp_path: Path) -> None:
    base_project(tmp_path)
    env = {**os.environ, "HANDBOOK_TODAY": "tomorrow"}
    result = subprocess.run(
        [str(HANDBOOK), "check"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.startswith(
        "environment:1:1: error: HANDBOOK_TODAY='tomorrow' is not a date; use the form YYYY-MM-DD"
    )


def test_hotel_fixture_is_clean() -> None:
    """The hotel fixture has no error and no warning (it takes ~0.2 s)."""
    result = handbook(HOTEL, "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith(": no problems found\n"), result.stdout
