"""``handbook reminders`` against a local GitHub (``tests.githubfake``) over real HTTP.

The expected reminders are worked out here from the fixture's YAML by date arithmetic of
the test's own, not from the code under test.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from handbook.tools.cli import main
from tests.githubfake import FakeGitHub, running
from tests.sitebuild import TEST_DAY

SITE = "https://example.github.io/service-handbook/"
LABEL = "handbook-review"
FRONT_OFFICE = "front-office-manager"


@pytest.fixture
def project(hotel_here: Path) -> Path:
    """The hotel fixture, its front office manager named on GitHub: a user and a team."""
    vocabulary = hotel_here / "standards/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    text = re.sub(
        rf"^(  {FRONT_OFFICE}: \{{.*)\}}$",
        r'\1, github: ["@maria-k", "@example/front-office"]}',
        text,
        flags=re.MULTILINE,
    )
    vocabulary.write_text(text, encoding="utf-8")
    return hotel_here


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    fake = FakeGitHub(collaborators={"maria-k"})
    with running(fake) as url:
        monkeypatch.setenv("GITHUB_API_URL", url)
        monkeypatch.setenv("GITHUB_TOKEN", fake.token)
        monkeypatch.setenv("GITHUB_REPOSITORY", fake.repository)
        yield fake


def due_by_owner(project: Path) -> dict[str, list[str]]:
    """Owner role → the IDs of its standards due within 30 days of the test day, or overdue."""
    horizon = TEST_DAY + timedelta(days=30)
    due: dict[str, list[str]] = {}
    for path in sorted((project / "standards").glob("*.yaml")):
        for standard in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(
            "standards", []
        ):
            reviewed: date = standard["last_reviewed"]
            months = reviewed.month - 1 + standard.get("review_months", 12)
            year, month = reviewed.year + months // 12, months % 12 + 1
            day = min(reviewed.day, calendar.monthrange(year, month)[1])
            if date(year, month, day) <= horizon:
                due.setdefault(standard["owner"], []).append(standard["id"])
    return due


def reminders(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["reminders", *args])
    return code, capsys.readouterr().out


def by_role(fake: FakeGitHub) -> dict[str, dict[str, Any]]:
    found = {}
    for issue in fake.open_issues(LABEL):
        marker = re.match(r"<!-- handbook-reminder: (\S+) -->", issue["body"])
        if not marker:
            continue
        assert marker.group(1) not in found, "one issue per role"
        found[marker.group(1)] = issue
    return found


def listed_ids(issue: dict[str, Any]) -> set[str]:
    return set(re.findall(r"^\| \[([A-Z]+-\d+)\]", issue["body"], flags=re.MULTILINE))


def test_one_issue_per_owner_role_lists_its_due_standards_with_links(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = due_by_owner(project)
    assert len(expected) >= 3 and FRONT_OFFICE in expected  # the fixture has enough due

    code, out = reminders(capsys)

    assert code == 0, out
    issues = by_role(github)
    assert set(issues) == set(expected)
    for role, ids in expected.items():
        assert listed_ids(issues[role]) == set(ids), role
        assert set(
            issues[role]["body"].split("handbook reviewed ")[1].split("\n")[0].split()
        ) == set(ids)
    front = issues[FRONT_OFFICE]
    assert (
        front["title"]
        == f"Standards to review: Front office manager ({len(expected[FRONT_OFFICE])})"
    )
    assert [each["login"] for each in front["assignees"]] == ["maria-k"]  # the team is not assigned
    assert "@example/front-office" in front["body"]
    some_id = expected[FRONT_OFFICE][0]
    phase = next(p.stem for p in (project / "standards").glob("*.yaml") if some_id in p.read_text())
    page = "principles" if phase == "principles" else phase
    assert f"[{some_id}]({SITE}phases/{page}/#{some_id.lower()})" in front["body"]
    assert f"[pl]({SITE}pl/phases/{page}/#{some_id.lower()})" in front["body"]
    assert all(issue["assignees"] == [] for role, issue in issues.items() if role != FRONT_OFFICE)
    assert out.count("opened #") == len(expected)


def test_a_second_run_changes_nothing(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    reminders(capsys)
    before = len(github.writes)

    code, out = reminders(capsys)

    assert code == 0
    assert len(github.writes) == before
    assert "nothing to change" in out


def test_every_page_of_open_issues_is_read(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.max_per_page = 2
    for number in range(3):
        github.add_issue(f"Unrelated {number}", "no marker", labels=(LABEL,))
    reminders(capsys)
    opened = len(by_role(github))
    github.requests.clear()

    code, _ = reminders(capsys)

    assert code == 0
    assert github.writes == []  # it found every reminder, on every page
    pages = [path for method, path in github.requests if method == "GET"]
    assert len(pages) == -(-(opened + 3) // 2)


def test_a_changed_list_updates_the_issue_in_place(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    reminders(capsys)
    front = by_role(github)[FRONT_OFFICE]
    reviewed_now = due_by_owner(project)[FRONT_OFFICE][0]
    assert main(["reviewed", reviewed_now]) == 0
    github.requests.clear()

    code, out = reminders(capsys)

    assert code == 0, out
    assert github.writes == [("PATCH", f"/repos/example/handbook/issues/{front['number']}")]
    updated = by_role(github)[FRONT_OFFICE]
    assert updated["number"] == front["number"]
    assert listed_ids(updated) == set(due_by_owner(project)[FRONT_OFFICE])
    assert reviewed_now not in listed_ids(updated)


def test_the_issue_closes_with_a_comment_when_nothing_is_due(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    reminders(capsys)
    role = min(due_by_owner(project).items(), key=lambda item: len(item[1]))[0]
    issue = by_role(github)[role]
    assert main(["reviewed", *due_by_owner(project)[role]]) == 0

    code, out = reminders(capsys)

    assert code == 0, out
    assert role not in by_role(github)
    assert github.issues[issue["number"]]["state"] == "closed"
    assert github.issues[issue["number"]]["state_reason"] == "completed"
    assert len(github.comments[issue["number"]]) == 1
    assert "closed this issue" in github.comments[issue["number"]][0]
    path = f"/repos/example/handbook/issues/{issue['number']}"
    assert github.writes[-2:] == [("POST", f"{path}/comments"), ("PATCH", path)]  # reason first
    assert f"closed #{issue['number']}" in out


def test_pull_requests_and_unmarked_issues_are_left_alone(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = f"<!-- handbook-reminder: {FRONT_OFFICE} -->\nold list"
    pull = github.add_issue("A change", marker, labels=(LABEL,), pull_request=True)
    unmarked = github.add_issue("Review plan", "by hand", labels=(LABEL,))
    untouched = {n: dict(github.issues[n]) for n in (pull, unmarked)}

    reminders(capsys)

    assert {n: github.issues[n] for n in (pull, unmarked)} == untouched
    assert by_role(github)[FRONT_OFFICE]["number"] not in {pull, unmarked}


def test_a_second_issue_of_a_role_is_closed_as_a_duplicate(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = f"<!-- handbook-reminder: {FRONT_OFFICE} -->\nold list"
    first = github.add_issue("old", marker, labels=(LABEL,))
    second = github.add_issue("old too", marker, labels=(LABEL,))

    reminders(capsys)

    assert by_role(github)[FRONT_OFFICE]["number"] == first
    assert github.issues[second]["state"] == "closed"
    assert f"#{first}" in github.comments[second][0]


def test_a_wrong_token_ends_with_a_clear_message_and_no_change(
    project: Path,
    github: FakeGitHub,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "expired")

    code, out = reminders(capsys)

    assert code == 1
    assert "401" in out and "GITHUB_TOKEN" in out and "issues: write" in out
    assert "Traceback" not in out
    assert github.writes == []


def test_a_used_up_rate_limit_ends_with_a_clear_message_and_no_change(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.rate_limit_remaining = 0

    code, out = reminders(capsys)

    assert code == 1
    assert "403" in out and "rate limit is used up until 00:00 UTC" in out
    assert github.writes == [] and github.issues == {}


def test_too_few_requests_left_for_the_writes_means_none_is_made(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.rate_limit_remaining = 3  # one for the reading, two of the several writes

    code, out = reminders(capsys)

    assert code == 1
    assert "2 GitHub requests left" in out and "nothing was changed" in out
    assert github.writes == [] and github.issues == {}


def test_a_network_error_while_reading_ends_with_no_change(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.max_per_page = 1
    for number in range(2):
        github.add_issue(f"Unrelated {number}", "no marker", labels=(LABEL,))
    github.drop_after = 1  # the second page never answers

    code, out = reminders(capsys)

    assert code == 1
    assert "could not be reached" in out and "Traceback" not in out
    assert github.writes == []
    assert len(github.issues) == 2


def test_a_network_error_between_writes_says_what_is_left_and_a_rerun_finishes(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    roles = due_by_owner(project)
    github.drop_after = 3  # one read, two issues opened, then the network goes

    code, out = reminders(capsys)

    assert code == 1
    assert f"2 of {len(roles)} changes were made" in out and "again to finish" in out
    assert len(github.open_issues(LABEL)) == 2
    github.drop_after = None
    assert reminders(capsys)[0] == 0
    assert set(by_role(github)) == set(roles)
    github.requests.clear()
    reminders(capsys)
    assert github.writes == []


def test_an_assignee_github_refuses_is_named_with_what_to_do(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.collaborators = set()

    code, out = reminders(capsys)

    assert code == 1
    assert "422" in out and "maria-k" in out and "vocabulary.yaml" in out
    roles = due_by_owner(project)
    assert f"{len(roles) - 1} of {len(roles)} changes were made; GitHub refused these" in out
    assert set(by_role(github)) == set(roles) - {FRONT_OFFICE}  # the others were not held up


def test_dry_run_prints_each_change_and_makes_none(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = github.add_issue(
        "old", f"<!-- handbook-reminder: {FRONT_OFFICE} -->\nold list", labels=(LABEL,)
    )
    gone = github.add_issue("old", "<!-- handbook-reminder: night-manager -->\n", labels=(LABEL,))
    roles = due_by_owner(project)

    code, out = reminders(capsys, "--dry-run")

    assert code == 0
    assert github.writes == []
    assert out.count("would open ") == len(roles) - 1
    assert f'would update #{stale} "Standards to review: Front office manager' in out
    assert f'would close #{gone} "old", with the comment:' in out
    assert f"{len(roles) + 1} changes to make; nothing was changed (--dry-run)" in out
    assert "handbook reviewed" in out  # the text it would send, in full


def test_dry_run_without_github_plans_against_no_open_issue(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GITHUB_TOKEN", "GITHUB_REPOSITORY"):
        monkeypatch.delenv(name, raising=False)

    code, out = reminders(capsys, "--dry-run")

    assert code == 0
    assert "as if no reminder issue were open" in out
    assert out.count("would open ") == len(due_by_owner(project))


def test_without_a_token_it_says_which_setting_is_missing(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)

    code, out = reminders(capsys, "--repo", "example/handbook")

    assert code == 2
    assert "set GITHUB_TOKEN" in out and "${{ github.token }}" in out


def test_a_long_list_is_cut_and_says_how_many_more(
    project: Path,
    github: FakeGitHub,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("handbook.tools.reminders.MAX_ROWS", 2)
    due = due_by_owner(project)[FRONT_OFFICE]
    assert len(due) > 2

    reminders(capsys)

    front = by_role(github)[FRONT_OFFICE]
    assert len(listed_ids(front)) == 2
    assert f"… and {len(due) - 2} more" in front["body"]
    assert front["title"].endswith(f"({len(due)})")


def test_editors_text_in_the_issue_is_shown_as_text(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    some_id = due_by_owner(project)[FRONT_OFFICE][0]
    path = next(
        p for p in (project / "standards").glob("*.yaml") if f"id: {some_id}" in p.read_text()
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {some_id}")
    english = next(i for i in range(start, len(lines)) if lines[i].strip() == "en: >-") + 1
    lines[english] = "        Greet | every *guest* [now](javascript:x) in < 5 s."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, out = reminders(capsys)

    assert code == 0, out
    row = next(
        line
        for line in by_role(github)[FRONT_OFFICE]["body"].splitlines()
        if f"[{some_id}]" in line
    )
    assert "\\*guest\\*" in row and "\\< 5" in row
    assert "](javascript" not in row
    assert row.count(" | ") == 4  # five cells: the editor's "|" is escaped


def test_an_issue_github_opens_without_the_label_is_closed_and_the_run_stops(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.drops_labels = True

    code, out = reminders(capsys)

    assert code == 1
    assert "without the label handbook-review" in out and "Issues → Labels" in out
    assert len(github.issues) == 1  # one stray issue, not one per role
    assert github.issues[1]["state"] == "closed"
    assert github.issues[1]["state_reason"] == "not_planned"


def test_a_secondary_rate_limit_says_how_long_to_wait(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.secondary_limit = True

    code, out = reminders(capsys)

    assert code == 1
    assert "run again in 60 seconds" in out
    assert github.writes == []


def test_a_403_with_no_requests_left_is_read_as_the_rate_limit(
    project: Path, github: FakeGitHub, capsys: pytest.CaptureFixture[str]
) -> None:
    github.rate_limit_remaining = 0
    github.rate_limit_message = "Forbidden"

    code, out = reminders(capsys)

    assert code == 1
    assert "rate limit is used up until 00:00 UTC" in out


def test_an_api_address_without_a_scheme_is_refused_clearly(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "any")
    monkeypatch.setenv("GITHUB_REPOSITORY", "example/handbook")
    monkeypatch.setenv("GITHUB_API_URL", "api.github.com")

    code, out = reminders(capsys)

    assert code == 1
    assert "GITHUB_API_URL 'api.github.com' is not a web address" in out
