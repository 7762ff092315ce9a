"""A local stand-in for the few GitHub REST endpoints ``handbook reminders`` uses.

It answers on 127.0.0.1 as GitHub documents these endpoints (docs.github.com, REST API
version 2022-11-28), so the reminders are tested over real HTTP without a network:

- ``GET /repos/{owner}/{repo}/issues``: ``state`` (open, closed, all; default open),
  ``labels`` (comma-separated, every one required, any case), ``per_page`` (default 30, at most 100)
  and ``page``; pull requests are listed too, with a ``pull_request`` key; a ``Link`` header
  with ``rel="next"`` and ``rel="last"`` when there are more pages.
- ``POST /repos/{owner}/{repo}/issues``: title, body, labels, assignees → 201.
- ``PATCH /repos/{owner}/{repo}/issues/{number}``: title, body, assignees, state,
  state_reason → 200.
- ``POST /repos/{owner}/{repo}/issues/{number}/comments``: body → 201.

Every answer carries ``X-RateLimit-Limit``, ``-Remaining`` and ``-Reset``; when the
remaining count is used up the answer is GitHub's 403 "API rate limit exceeded";
``secondary_limit`` gives the 403 of the secondary limit with ``Retry-After``. A wrong
token gets 401 "Bad credentials"; an assignee who is not a collaborator gets 422 as GitHub
answers it; ``drops_labels`` opens issues without their labels, as GitHub does when the token
may not set them. ``drop_after`` closes the connection without an answer from that request on,
as a network failure would.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

RATE_LIMIT = 5000
RESET_AT = 1_893_456_000  # 2030-01-01T00:00:00Z, any fixed time will do


@dataclass
class FakeGitHub:
    """The state of the fake: the issues of one repository and what was asked of it."""

    repository: str = "example/handbook"
    token: str = "test-token"
    collaborators: set[str] = field(default_factory=set)
    max_per_page: int = 100
    rate_limit_remaining: int = RATE_LIMIT
    drop_after: int | None = None
    drops_labels: bool = False
    """Labels sent with a new issue are dropped, as for a token without write access."""
    secondary_limit: bool = False
    """Every request gets the 403 of GitHub's secondary rate limit, with ``Retry-After``."""
    rate_limit_message: str = "API rate limit exceeded for {repository}."
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[str]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    url: str = ""

    def add_issue(
        self,
        title: str,
        body: str = "",
        labels: tuple[str, ...] = (),
        assignees: tuple[str, ...] = (),
        state: str = "open",
        pull_request: bool = False,
    ) -> int:
        """An issue (or pull request) already on GitHub before the run; its number."""
        number = len(self.issues) + 1
        self.issues[number] = {
            "number": number,
            "title": title,
            "body": body,
            "state": state,
            "state_reason": None,
            "labels": [{"name": name} for name in labels],
            "assignees": [{"login": login} for login in assignees],
            "html_url": f"https://github.com/{self.repository}/issues/{number}",
        }
        if pull_request:
            self.issues[number]["pull_request"] = {"url": f"{self.url}/pulls/{number}"}
        return number

    @property
    def writes(self) -> list[tuple[str, str]]:
        return [(method, path) for method, path in self.requests if method != "GET"]

    def open_issues(self, label: str) -> list[dict[str, Any]]:
        return [
            issue
            for issue in self.issues.values()
            if issue["state"] == "open"
            and "pull_request" not in issue
            and label in {each["name"] for each in issue["labels"]}
        ]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read ``requests`` instead."""

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def do_PATCH(self) -> None:
        self._answer("PATCH")

    def _answer(self, method: str) -> None:
        fake = self.server.fake
        with self.server.lock:
            fake.requests.append((method, self.path))
            if fake.drop_after is not None and len(fake.requests) > fake.drop_after:
                self.close_connection = True
                return
            status, payload, headers = self._respond(method, fake)
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-RateLimit-Limit", str(RATE_LIMIT))
        self.send_header("X-RateLimit-Remaining", str(max(fake.rate_limit_remaining, 0)))
        self.send_header("X-RateLimit-Reset", str(RESET_AT))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _respond(self, method: str, fake: FakeGitHub) -> tuple[int, Any, dict[str, str]]:
        length = int(self.headers.get("Content-Length") or 0)
        sent = json.loads(self.rfile.read(length) or b"{}") if length else {}
        if self.headers.get("Authorization") != f"Bearer {fake.token}":
            return 401, _message("Bad credentials"), {}
        if fake.secondary_limit:
            text = "You have exceeded a secondary rate limit. Please wait a few minutes."
            return 403, _message(text), {"Retry-After": "60"}
        if fake.rate_limit_remaining <= 0:
            return 403, _message(fake.rate_limit_message.format(repository=fake.repository)), {}
        fake.rate_limit_remaining -= 1
        address = urlsplit(self.path)
        prefix = f"/repos/{fake.repository}/issues"
        if not address.path.startswith(prefix):
            return 404, _message("Not Found"), {}
        rest = address.path.removeprefix(prefix).strip("/").split("/")
        if method == "GET" and rest == [""]:
            return self._list(fake, parse_qs(address.query), prefix)
        if method == "POST" and rest == [""]:
            return _create(fake, sent)
        if not rest[0].isdigit() or int(rest[0]) not in fake.issues:
            return 404, _message("Not Found"), {}
        issue = fake.issues[int(rest[0])]
        if method == "PATCH" and len(rest) == 1:
            return _edit(fake, issue, sent)
        if method == "POST" and rest[1:] == ["comments"]:
            fake.comments.setdefault(issue["number"], []).append(sent["body"])
            return 201, {"id": len(fake.comments), "body": sent["body"]}, {}
        return 404, _message("Not Found"), {}

    def _list(
        self, fake: FakeGitHub, query: dict[str, list[str]], prefix: str
    ) -> tuple[int, Any, dict[str, str]]:
        state = query.get("state", ["open"])[0]
        wanted = {name.casefold() for name in query.get("labels", [""])[0].split(",") if name}
        per_page = min(int(query.get("per_page", ["30"])[0]), fake.max_per_page)
        page = int(query.get("page", ["1"])[0])
        found = [
            issue
            for number, issue in sorted(fake.issues.items(), reverse=True)
            if state in ("all", issue["state"])
            and wanted <= {each["name"].casefold() for each in issue["labels"]}
        ]
        last = max(1, -(-len(found) // per_page))
        headers = {}
        if page < last:

            def link(to: int) -> str:
                asked = {key: values[0] for key, values in query.items()} | {"page": str(to)}
                return f"{fake.url}{prefix}?{urlencode(asked)}"

            headers["Link"] = f'<{link(page + 1)}>; rel="next", <{link(last)}>; rel="last"'
        return 200, found[(page - 1) * per_page : page * per_page], headers


def _create(fake: FakeGitHub, sent: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
    refused = _unknown_assignees(fake, sent)
    if refused:
        return 422, refused, {}
    number = fake.add_issue(
        sent["title"],
        sent.get("body", ""),
        () if fake.drops_labels else tuple(sent.get("labels", ())),
        tuple(sent.get("assignees", ())),
    )
    return 201, fake.issues[number], {}


def _edit(
    fake: FakeGitHub, issue: dict[str, Any], sent: dict[str, Any]
) -> tuple[int, Any, dict[str, str]]:
    refused = _unknown_assignees(fake, sent)
    if refused:
        return 422, refused, {}
    for key in ("title", "body", "state", "state_reason"):
        if key in sent:
            issue[key] = sent[key]
    if "assignees" in sent:
        issue["assignees"] = [{"login": login} for login in sent["assignees"]]
    return 200, issue, {}


def _unknown_assignees(fake: FakeGitHub, sent: dict[str, Any]) -> dict[str, Any] | None:
    unknown = [login for login in sent.get("assignees", ()) if login not in fake.collaborators]
    if not unknown:
        return None
    return {
        "message": "Validation Failed",
        "errors": [
            {"value": login, "resource": "Issue", "field": "assignees", "code": "invalid"}
            for login in unknown
        ],
        "documentation_url": "https://docs.github.com/rest/issues/issues#create-an-issue",
    }


def _message(text: str) -> dict[str, str]:
    return {"message": text, "documentation_url": "https://docs.github.com/rest"}


class _Server(ThreadingHTTPServer):
    def __init__(self, fake: FakeGitHub) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake
        self.lock = threading.Lock()


class running:
    """Serve ``fake`` on a free port of 127.0.0.1 for the ``with`` block; gives its URL."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.server = _Server(fake)
        fake.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return self.server.fake.url

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
