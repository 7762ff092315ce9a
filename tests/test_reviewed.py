"""``handbook reviewed ID…``: an owner's review sets ``last_reviewed`` and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.tools.cli import main
from tests.sitebuild import TEST_TODAY


@pytest.fixture
def project(hotel_here: Path) -> Path:
    return hotel_here


def standards_bytes(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "standards").glob("*.yaml"))}


def date_line(path: Path, standard_id: str) -> str:
    """The ``last_reviewed`` line of a standard, as written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {standard_id}")
    return next(line for line in lines[start:] if "last_reviewed:" in line)


def test_the_dates_change_and_not_one_other_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_in = project / "standards/check-in.yaml"
    stay = project / "standards/stay.yaml"
    before = {path: path.read_text(encoding="utf-8") for path in (check_in, stay)}
    old_lines = {
        sid: date_line(path, sid) for sid, path in (("CHK-04", check_in), ("STY-02", stay))
    }
    others = {
        k: v for k, v in standards_bytes(project).items() if k not in {"check-in.yaml", "stay.yaml"}
    }
    assert main(["reviewed", "STY-02", "CHK-04", "--date", "2026-11-20"]) == 0
    for sid, path in (("CHK-04", check_in), ("STY-02", stay)):
        old = old_lines[sid]
        new = old[: old.index(":") + 2] + "2026-11-20"
        assert path.read_text(encoding="utf-8") == before[path].replace(old, new, 1)
    assert {k: v for k, v in standards_bytes(project).items() if k in others} == others
    out = capsys.readouterr().out
    assert "CHK-04 reviewed on 2026-11-20 (was " in out
    assert out.startswith("standards/stay.yaml:")  # in the order given


def test_today_is_the_default_and_the_future_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_in = project / "standards/check-in.yaml"
    assert main(["reviewed", "CHK-04"]) == 0
    assert date_line(check_in, "CHK-04").endswith(f"last_reviewed: {TEST_TODAY}")
    before = standards_bytes(project)
    capsys.readouterr()
    assert main(["reviewed", "CHK-04", "--date", "2026-11-26"]) == 1
    assert "is in the future (today is 2026-11-25)" in capsys.readouterr().out
    assert main(["reviewed", "CHK-04", "--date", "26.11.2026"]) == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().out
    assert standards_bytes(project) == before


def test_an_unknown_id_writes_nothing_even_for_the_known_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = standards_bytes(project)
    assert main(["reviewed", "CHK-04", "CHK-4O"]) == 1
    assert capsys.readouterr().out == (
        "handbook reviewed: no standard has the ID CHK-4O; did you mean 'CHK-04'? "
        "run: handbook check\n"
    )
    assert standards_bytes(project) == before


def test_windows_line_ends_and_comments_stay(project: Path) -> None:
    stay = project / "standards/stay.yaml"
    text = stay.read_text(encoding="utf-8").replace(
        "  - id: STY-02\n", "  # reviewed yearly\n  - id: STY-02\n"
    )
    stay.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert main(["reviewed", "STY-02", "--date", "2026-11-01"]) == 0
    after = stay.read_bytes().decode("utf-8")
    assert after.count("\r\n") == text.count("\n") and "\n" not in after.replace("\r\n", "")
    assert "  # reviewed yearly\r\n  - id: STY-02\r\n" in after
    assert "last_reviewed: 2026-11-01\r\n" in after


def test_it_names_the_translations_to_confirm_and_those_to_update_first(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_in = project / "standards/check-in.yaml"
    text = check_in.read_text(encoding="utf-8")
    old = "Guests are greeted within 30 seconds"
    check_in.write_text(text.replace(old, "Guests are greeted within 20 seconds"), encoding="utf-8")
    assert main(["reviewed", "CHK-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "  translations to confirm against the reviewed CHK-01: Polish, Arabic; "
        "to update first: Polish check (outdated), Arabic check (outdated)"
    )
