"""``handbook diff BASE [HEAD]``: a pull request's changes to the standards, as data.

Each test builds a git repository of two commits from the hotel fixture: the first as it is,
the second with edits an editor would make. The expected changes are worked out here from
those edits and the fixture's YAML, not from the command's output.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from handbook.tools.cli import main

TEXT_BEFORE = "arriving guest within 30 seconds"
TEXT_AFTER = "arriving guest within 20 seconds"
REVIEWED = "2026-11-20"


def git(project: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def block(text: str, standard_id: str) -> tuple[int, int]:
    """Where a standard's YAML starts and ends in a phase file."""
    start = text.index(f"  - id: {standard_id}\n")
    following = text.find("\n  - id: ", start + 1)
    return start, len(text) if following == -1 else following + 1


def standard(project: Path, phase: str, standard_id: str) -> dict[str, Any]:
    data = yaml.safe_load((project / f"standards/{phase}.yaml").read_text(encoding="utf-8"))
    return next(s for s in data["standards"] if s["id"] == standard_id)


def edit(path: Path, change: Any) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def edit_block(text: str, standard_id: str, old: str, new: str) -> str:
    start, end = block(text, standard_id)
    part = text[start:end]
    assert old in part
    return text[:start] + part.replace(old, new, 1) + text[end:]


@pytest.fixture
def repository(hotel_here: Path) -> Path:
    """The fixture committed, then a second commit changing, moving, removing and adding."""
    git(hotel_here, "init", "-q", "-b", "main")
    git(hotel_here, "add", "-A")
    git(hotel_here, "commit", "-qm", "The handbook as it was")
    check_in = hotel_here / "standards/check-in.yaml"
    edit(check_in, lambda t: edit_block(t, "CHK-01", TEXT_BEFORE, TEXT_AFTER))
    stay = hotel_here / "standards/stay.yaml"
    edit(stay, lambda t: edit_block(t, "STY-02", "owner: maintenance-manager", "owner: x"))
    edit(stay, lambda t: t.replace("owner: x", "owner: housekeeping-manager"))
    edit(stay, lambda t: edit_block(t, "STY-02", "step: room-use", "step: housekeeping"))
    old_date = str(standard(hotel_here, "stay", "STY-02")["last_reviewed"])
    edit(
        stay,
        lambda t: edit_block(
            t, "STY-02", f"last_reviewed: {old_date}", f"last_reviewed: {REVIEWED}"
        ),
    )
    check_out = hotel_here / "standards/check-out.yaml"

    def remove_and_add(text: str) -> str:
        start, end = block(text, "OUT-09")
        copy = text[start:end].replace("  - id: OUT-09\n", "  - id: OUT-11\n")
        start, end = block(text, "OUT-10")
        return text[:start] + text[end:].rstrip("\n") + "\n" + copy

    edit(check_out, remove_and_add)
    assert main(["check"]) == 0
    git(hotel_here, "commit", "-qam", "Faster greeting; STY-02 to housekeeping; OUT-10 replaced")
    return hotel_here


def diff_json(*args: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["diff", *args, "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_the_changes_between_two_commits_as_data(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = {
        "CHK-01": standard(repository, "check-in", "CHK-01"),
        "STY-02": standard(repository, "stay", "STY-02"),
    }
    git(repository, "checkout", "-q", "HEAD~1")
    before = {
        "CHK-01": standard(repository, "check-in", "CHK-01"),
        "STY-02": standard(repository, "stay", "STY-02"),
        "OUT-10": standard(repository, "check-out", "OUT-10"),
    }
    git(repository, "checkout", "-q", "main")
    data = diff_json("HEAD~1", "HEAD", capsys=capsys)
    assert data["schema_version"] == 1
    assert (data["base"], data["head"]) == ("HEAD~1", "HEAD")
    assert [(s["id"], s["phase"]) for s in data["removed"]] == [("OUT-10", "check-out")]
    assert data["removed"][0]["text"] == {
        k: " ".join(v.split()) for k, v in before["OUT-10"]["text"].items() if k != "based_on"
    }
    assert [(s["id"], s["phase"], s["step"]) for s in data["added"]] == [
        ("OUT-11", "check-out", "farewell")
    ]
    assert data["moved"] == [
        {"id": "STY-02", "before": "stay/room-use", "after": "stay/housekeeping"}
    ]
    assert [change["id"] for change in data["changed"]] == ["CHK-01", "STY-02"]
    greeting, room = data["changed"]
    english_before = " ".join(before["CHK-01"]["text"]["en"].split())
    assert greeting["fields"] == [
        {
            "field": "text",
            "language": "en",
            "before": english_before,
            "after": english_before.replace(TEXT_BEFORE, TEXT_AFTER),
        }
    ]
    assert old["CHK-01"]["text"]["pl"] == before["CHK-01"]["text"]["pl"]
    assert greeting["outdated"] == [
        {"field": "text", "language": "pl"},
        {"field": "text", "language": "ar"},
    ]
    assert greeting["next_review"] is None
    was = before["STY-02"]["last_reviewed"]
    months = before["STY-02"].get("review_months", 12)
    assert months == 12 and old["STY-02"].get("review_months", 12) == 12
    assert room["fields"] == [
        {
            "field": "owner",
            "language": None,
            "before": "maintenance-manager",
            "after": "housekeeping-manager",
        },
        {"field": "last_reviewed", "language": None, "before": str(was), "after": REVIEWED},
    ]
    assert room["outdated"] == []
    assert room["next_review"] == [was.replace(year=was.year + 1).isoformat(), "2027-11-20"]
    assert data["phases_added"] == data["phases_removed"] == []


def test_the_summary_calls_out_the_removed_standard_first(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD~1", "HEAD", "--format", "markdown"]) == 0
    summary = capsys.readouterr().out
    lines = summary.splitlines()
    assert lines[0] == "## Handbook changes: HEAD\\~1 → HEAD"
    assert lines[2] == (
        "1 standard removed, 1 standard added, 1 standard moved, 2 standards changed."
    )
    assert lines[4].startswith("**⚠ 1 removed from every language.**")
    assert lines[6].startswith("- ~~OUT\\-10~~ (check\\-out): ")
    assert summary.index("OUT\\-10") < summary.index("### Added") < summary.index("### Changed")
    assert "  - before: Greet every arriving guest within ~~30~~ seconds" in summary
    assert "  - after: Greet every arriving guest within **20** seconds" in summary
    assert "- translations left outdated: text \\(Polish\\), text \\(Arabic\\)" in summary


def test_in_a_terminal_a_text_shows_its_changed_words(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD~1", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Handbook changes from HEAD~1 to HEAD: 1 standard removed, 1 standard added, "
        "1 standard moved, 2 standards changed"
    )
    assert out[1] == "REMOVED from every language:"
    assert out[2].startswith('  - OUT-10 (check-out): "')
    assert "  STY-02: stay/room-use → stay/housekeeping" in out
    assert any(
        line.startswith(
            "    text (English): Greet every arriving guest within [-30-] {+20+} seconds"
        )
        for line in out
    )
    assert '    owner: "maintenance-manager" → "housekeeping-manager"' in out


def test_without_head_the_working_tree_is_compared(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert diff_json("HEAD", capsys=capsys)["changed"] == []
    edit(
        repository / "standards/check-in.yaml",
        lambda t: edit_block(t, "CHK-01", "level: basic", "level: expected"),
    )
    data = diff_json("HEAD", capsys=capsys)
    assert data["head"] == "the working tree"
    assert data["changed"][0]["fields"] == [
        {"field": "level", "language": None, "before": "basic", "after": "expected"}
    ]


def test_texts_cannot_write_markdown_or_html_into_the_summary(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "Greet 1 < 2 & [link](http://x) | **bold** `code` ~~gone~~ # not a heading"
    edit(
        repository / "standards/check-in.yaml",
        lambda t: edit_block(t, "CHK-01", "Greet every arriving guest", hostile),
    )
    assert main(["diff", "HEAD", "--format", "markdown"]) == 0
    summary = capsys.readouterr().out
    for raw in (" < ", " & ", "[link]", "](http", "**bold**", "`code`", " | ", "~~gone~~", " # "):
        assert raw not in summary
    assert "1 \\< 2 \\& \\[link\\]\\(http://x\\) \\| \\*\\*bold\\*\\*" in summary


def test_a_revision_git_does_not_have_is_a_clear_message(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "origin/main"]) == 1
    assert capsys.readouterr().out == (
        "handbook diff: git has no commit 'origin/main' here; name a branch, tag or commit, "
        "and fetch it first in a shallow clone (e.g. git fetch origin main)\n"
    )
    assert main(["diff", "--", "--output=x"]) == 1
    assert "is not a git revision" in capsys.readouterr().out


def test_a_base_whose_handbook_has_errors_is_named(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        repository / "standards/stay.yaml",
        lambda t: t.replace("owner: housekeeping-manager", "owner: nobody", 1),
    )
    git(repository, "commit", "-qam", "A wrong owner")
    assert main(["diff", "HEAD", "HEAD~1"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "handbook diff: the handbook at HEAD has 1 error(s), the first: owner 'nobody'"
    )
    assert "(stay.yaml:" in out and "run handbook check there" in out
