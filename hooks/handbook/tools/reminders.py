"""``handbook reminders``: one open GitHub issue per owner role, listing what it must review.

The issue of a role is found again by its first line, a hidden marker with the role's key,
among the open issues with the ``handbook-review`` label. Each run works out what every
issue should say, compares it with what GitHub has, and changes only what differs, so a
second run changes nothing. All reads come before the first write and the writes are
counted against the token's rate limit first: a refusal or a lost network while reading
leaves GitHub as it was. The issue text has no run date for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from handbook.export import Publication
from handbook.model.review import Due, ReviewStatus, review_list
from handbook.tools.github import GitHub, GitHubError
from handbook.tools.markdown import markdown_text

LABEL = "handbook-review"
MARKER = "<!-- handbook-reminder: {role} -->"
MARKER_LINE = re.compile(r"<!-- handbook-reminder: (\S+) -->")
MAX_ASSIGNEES = 10
"""GitHub assigns at most ten people to an issue."""
SHORT_TEXT = 80
MAX_ROWS = 100
"""Rows in one issue: a hundred keep the text well under GitHub's 65,536 characters."""
DONE = {"open": "opened", "update": "updated", "close": "closed"}


@dataclass(frozen=True)
class Reminder:
    """What the issue of one owner role should say, and who it is assigned to."""

    role: str
    title: str
    body: str
    assignees: tuple[str, ...]


@dataclass(frozen=True)
class Issue:
    """An open reminder issue as GitHub has it."""

    number: int
    role: str
    title: str
    body: str
    assignees: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One change to make on GitHub: open a reminder, update an issue, or close one."""

    kind: Literal["open", "update", "close"]
    reminder: Reminder | None = None
    issue: Issue | None = None
    comment: str = ""

    @property
    def writes(self) -> int:
        """How many requests it takes: closing is a comment, then an edit."""
        return 2 if self.kind == "close" else 1

    @property
    def title(self) -> str:
        return self.reminder.title if self.reminder else self.issue.title if self.issue else ""

    def describe(self) -> str:
        number = f"#{self.issue.number} " if self.issue else ""
        return f'{self.kind} {number}"{self.title}"'


def reminders_for(publication: Publication) -> list[Reminder]:
    """The reminders the handbook calls for: each owner role with a standard to review."""
    handbook = publication.handbook
    due: dict[str, list[Due]] = {}
    for each in review_list(handbook.standards(), publication.policy):
        if each.status is not ReviewStatus.CURRENT:
            due.setdefault(each.standard.owner, []).append(each)
    return [
        _reminder(role, due[role], publication)
        for role in handbook.vocabulary.owners
        if role in due
    ]


def _reminder(role: str, dues: list[Due], publication: Publication) -> Reminder:
    vocabulary = publication.handbook.vocabulary
    name = vocabulary.owners[role].source
    people = vocabulary.github.get(role, ())
    users = tuple(handle.removeprefix("@") for handle in people if "/" not in handle)
    return Reminder(
        role,
        f"Standards to review: {name} ({len(dues)})",
        _body(role, name, people, dues, publication),
        users[:MAX_ASSIGNEES],
    )


def _body(
    role: str, name: str, people: Sequence[str], dues: list[Due], publication: Publication
) -> str:
    days = publication.policy.due_soon_days
    listed = dues[:MAX_ROWS]
    lines = [
        MARKER.format(role=role),
        f"Standards owned by the **{markdown_text(name)}** that are overdue or due for review "
        f"within {days} days, most urgent first:",
        "",
        "| Standard | Phase | Next review | Status | Text |",
        "| --- | --- | --- | --- | --- |",
        *(_row(each, publication) for each in listed),
        "",
    ]
    if len(dues) > len(listed):
        more = len(dues) - len(listed)
        lines += [f"… and {more} more, which the site's review list shows.", ""]
    if people:
        lines += [f"Owners: {' '.join(people)}", ""]
    lines += [
        "After reviewing, record the review in a pull request; for the standards above:",
        "",
        "```",
        f"handbook reviewed {' '.join(each.standard.id for each in listed)}",
        "```",
        "",
        "The publish workflow updates this list every day (`handbook reminders`) and closes "
        "this issue when nothing is due.",
    ]
    return "\n".join(lines) + "\n"


def _row(due: Due, publication: Publication) -> str:
    standard = due.standard
    languages = publication.handbook.languages
    link = f"[{standard.id}]({publication.standard_url(standard, languages.source)})"
    others = " · ".join(
        f"[{code}]({publication.standard_url(standard, code)})" for code in languages.translated
    )
    phase = publication.handbook.phase(standard.phase).title.source
    status = "**overdue**" if due.status is ReviewStatus.OVERDUE else "due soon"
    cells = [
        f"{link} ({others})" if others else link,
        markdown_text(phase),
        due.next_review.isoformat(),
        status,
        markdown_text(_shortened(standard.text.source)),
    ]
    return f"| {' | '.join(cells)} |"


def _shortened(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= SHORT_TEXT:
        return words
    return words[:SHORT_TEXT].rsplit(" ", 1)[0] + " …"


def read_open_issues(client: GitHub) -> list[Issue]:
    """The open reminder issues: labelled, not pull requests, with a marker line first."""
    listed = client.get_all("issues", {"state": "open", "labels": LABEL, "per_page": "100"})
    issues = []
    for item in listed:
        body = str(item.get("body") or "")
        marker = MARKER_LINE.match(body)
        if "pull_request" in item or not marker or not isinstance(item.get("number"), int):
            continue
        logins = tuple(str(each.get("login")) for each in item.get("assignees") or ())
        title = str(item.get("title", ""))
        issues.append(Issue(item["number"], marker.group(1), title, body, logins))
    return issues


def plan(wanted: Sequence[Reminder], issues: Sequence[Issue]) -> list[Action]:
    """The changes that make the open issues say what ``wanted`` says, and no others."""
    kept: dict[str, Issue] = {}
    actions: list[Action] = []
    for issue in sorted(issues, key=lambda each: each.number):
        if issue.role in kept:
            first = kept[issue.role].number
            actions.append(Action("close", issue=issue, comment=_duplicate(first)))
        else:
            kept[issue.role] = issue
    for reminder in wanted:
        existing = kept.pop(reminder.role, None)
        if existing is None:
            actions.append(Action("open", reminder))
        elif _differs(existing, reminder):
            actions.append(Action("update", reminder, existing))
    actions += [Action("close", issue=issue, comment=NOTHING_DUE) for issue in kept.values()]
    return actions


NOTHING_DUE = (
    "No standard of this owner role is overdue or due soon any more, so `handbook reminders` "
    "closed this issue. A new one opens when one falls due."
)


def _duplicate(first: int) -> str:
    return f"A second reminder for the same owner role; #{first} is kept up to date instead."


def _differs(issue: Issue, reminder: Reminder) -> bool:
    def same_text(one: str, other: str) -> bool:
        return one.replace("\r\n", "\n").strip() == other.strip()

    assigned = {login.lower() for login in issue.assignees}
    return not (
        issue.title == reminder.title
        and same_text(issue.body, reminder.body)
        and assigned == {login.lower() for login in reminder.assignees}
    )


def carry_out(client: GitHub, actions: Sequence[Action], report: Callable[[str], None]) -> None:
    """Make the changes, each reported when done; refuse them all if the limit cannot.

    A change GitHub refuses on its own (an issue gone, an assignee it will not take) does
    not stop the others; anything that would refuse them all stops the run where it is.
    """
    needed = sum(action.writes for action in actions)
    left = client.rate_limit_remaining
    if left is not None and left < needed:
        raise GitHubError(
            f"the token has {left} GitHub requests left until {client.reset_time()} and these "
            f"changes need {needed}; nothing was changed: run again after then"
        )
    refused: list[str] = []
    for done, action in enumerate(actions):
        try:
            answer = _carry(client, action)
        except GitHubError as error:
            if not error.stops_run:
                refused.append(f"{action.describe()}: {error}")
                continue
            not_done = "; ".join(each.describe() for each in actions[done:])
            raise GitHubError(
                f"{error}\n{done - len(refused)} of {len(actions)} changes were made before "
                f"this one; not made: {not_done}. Run handbook reminders again to finish: it "
                "changes only what still differs"
            ) from None
        number, url = answer.get("number"), answer.get("html_url")
        report(f'{DONE[action.kind]} #{number} "{action.title}": {url}')
    if refused:
        made = len(actions) - len(refused)
        raise GitHubError(
            f"{made} of {len(actions)} changes were made; GitHub refused these:\n"
            + "\n".join(f"  {line}" for line in refused)
        )


def _carry(client: GitHub, action: Action) -> dict[str, Any]:
    """One change. A closing comment goes first: an issue never closes without its reason."""
    if action.kind == "close" and action.issue:
        path = f"issues/{action.issue.number}"
        client.post(f"{path}/comments", {"body": action.comment})
        return client.patch(path, {"state": "closed", "state_reason": "completed"})
    assert action.reminder is not None  # open and update always carry one
    fields = {
        "title": action.reminder.title,
        "body": action.reminder.body,
        "assignees": list(action.reminder.assignees),
    }
    if action.issue:
        return client.patch(f"issues/{action.issue.number}", fields)
    answer = client.post("issues", fields | {"labels": [LABEL]})
    labels = [each.get("name") for each in answer.get("labels") or () if isinstance(each, dict)]
    if LABEL.casefold() not in {str(name).casefold() for name in labels}:
        _withdraw(client, answer)
    return answer


def _withdraw(client: GitHub, opened: dict[str, Any]) -> None:
    """Close an issue GitHub opened without the label: the next run could not find it, and
    would open another every day."""
    client.patch(
        f"issues/{opened.get('number')}", {"state": "closed", "state_reason": "not_planned"}
    )
    raise GitHubError(
        f"GitHub opened {opened.get('html_url')} without the label {LABEL}, which only people "
        f"with write access may set, so it was closed again; create the label {LABEL} under "
        "Issues → Labels, and run this with a token that may label issues"
    )


def dry_run_text(actions: Sequence[Action]) -> str:
    """Exactly what a run would do: each change with the text it would send."""
    lines = []
    for action in actions:
        sent = action.reminder.body if action.reminder else action.comment
        who = ""
        if action.reminder:
            assignees = ", ".join(action.reminder.assignees) or "nobody"
            who = f", assigned to {assignees}"
        what = "with the comment" if action.kind == "close" else "with the text"
        lines.append(f"would {action.describe()}{who}, {what}:")
        lines += [f"    {line}" if line else "" for line in sent.splitlines()]
        lines.append("")
    count = len(actions)
    lines.append(
        f"{count} change{'' if count == 1 else 's'} to make; nothing was changed (--dry-run)"
        if actions
        else "nothing to change: the reminder issues are up to date"
    )
    return "\n".join(lines) + "\n"
