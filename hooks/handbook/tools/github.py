"""The few GitHub REST calls ``handbook reminders`` makes, with the standard library only.

No server of our own and no extra dependency: ``urllib`` with the headers GitHub documents
(API version 2022-11-28), pages followed through the ``Link`` header, and every failure
turned into a ``GitHubError`` whose message says what to do, never a traceback.
"""

from __future__ import annotations

import http.client
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
NEXT_PAGE = re.compile(r'<([^>]+)>;\s*rel="next"')
TOKEN_HELP = (
    "in the workflow, pass GITHUB_TOKEN: ${{ github.token }} to the step and give its job "
    "the permission issues: write"
)


class GitHubError(Exception):
    """A call GitHub refused or that did not reach it; the message says what to do.

    ``stops_run`` is False for a refusal of one change only (an issue gone, a field GitHub
    will not take): the other changes can still be made. A wrong token, a used-up limit or
    a lost network would refuse them all.
    """

    def __init__(self, message: str, stops_run: bool = True) -> None:
        super().__init__(message)
        self.stops_run = stops_run


@dataclass
class GitHub:
    """One repository's issues, as one token may read and write them."""

    repository: str
    token: str
    api_url: str = API_URL
    timeout: float = 30.0
    rate_limit_remaining: int | None = None
    rate_limit_reset: int | None = None

    def get_all(self, path: str, query: dict[str, str]) -> list[dict[str, Any]]:
        """Every item of a listing, page after page as the ``Link`` header leads."""
        url: str | None = f"{self._repo_url(path)}?{urlencode(query)}"
        items: list[dict[str, Any]] = []
        while url:
            page, links = self._call("GET", url)
            if not isinstance(page, list):
                raise GitHubError(f"GET {url}: GitHub's answer is not a list")
            items += page
            found = NEXT_PAGE.search(links)
            url = found.group(1) if found else None
            if url and not url.startswith(self.api_url.rstrip("/") + "/"):
                raise GitHubError(f"GitHub's next page {url} is not under {self.api_url}")
        return items

    def post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        return self._object("POST", self._repo_url(path), payload)

    def patch(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        return self._object("PATCH", self._repo_url(path), payload)

    def _object(self, method: str, url: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer = self._call(method, url, payload)[0]
        if not isinstance(answer, dict):
            raise GitHubError(f"{method} {url}: GitHub's answer is not an object")
        return answer

    def _repo_url(self, path: str) -> str:
        return f"{self.api_url.rstrip('/')}/repos/{self.repository}/{path}"

    def _call(
        self, method: str, url: str, payload: dict[str, Any] | None = None
    ) -> tuple[Any, str]:
        """The decoded answer and its ``Link`` header."""
        try:
            request = Request(url, method=method, headers=self._headers())
        except ValueError:
            raise GitHubError(
                f"GITHUB_API_URL {self.api_url!r} is not a web address; leave it unset for "
                f"GitHub.com, or write it in full, e.g. {API_URL}"
            ) from None
        if payload is not None:
            request.data = json.dumps(payload).encode("utf-8")
            request.add_header("Content-Type", "application/json")
        try:
            with urlopen(request, timeout=self.timeout) as answer:
                self._note_rate_limit(answer.headers)
                data, links = answer.read(), answer.headers.get("Link", "")
        except HTTPError as error:
            self._note_rate_limit(error.headers)
            raise GitHubError(
                self._refusal(method, url, error), stops_run=error.code not in (404, 422)
            ) from None
        except (URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", None) or error or type(error).__name__
            raise GitHubError(
                f"GitHub could not be reached at {self.api_url} ({reason}); check the network "
                "(and GITHUB_API_URL, if set), then run again"
            ) from None
        try:
            return json.loads(data or b"null"), links
        except ValueError:
            raise GitHubError(f"{method} {url}: GitHub's answer is not JSON") from None

    def _headers(self) -> dict[str, str]:
        return {
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self.token}",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": "service-handbook-reminders",
        }

    def _note_rate_limit(self, headers: Any) -> None:
        for attribute, name in (
            ("rate_limit_remaining", "X-RateLimit-Remaining"),
            ("rate_limit_reset", "X-RateLimit-Reset"),
        ):
            value = headers.get(name) if headers else None
            if value is not None and value.isdigit():
                setattr(self, attribute, int(value))

    def reset_time(self) -> str:
        """When the rate limit starts again, as GitHub said, e.g. "14:05 UTC"."""
        if self.rate_limit_reset is None:
            return "within the hour"
        return datetime.fromtimestamp(self.rate_limit_reset, tz=UTC).strftime("%H:%M UTC")

    def _refusal(self, method: str, url: str, error: HTTPError) -> str:
        """What GitHub's error answer means for the person running the command."""
        message = _message_of(error)
        said = f"GitHub answered {method} {url} with {error.code} {message!r}"
        if error.code == 401:
            return f"{said}: the token in GITHUB_TOKEN is missing, wrong or expired; {TOKEN_HELP}"
        if error.code in (403, 429) and "secondary rate limit" in message.lower():
            wait = error.headers.get("Retry-After") if error.headers else None
            after = f"{wait} seconds" if wait and wait.isdigit() else "a few minutes"
            return f"{said}: too many requests in a short time; run again in {after}"
        if error.code in (403, 429) and (
            self.rate_limit_remaining == 0 or "rate limit" in message.lower()
        ):
            return (
                f"{said}: the token's rate limit is used up until {self.reset_time()}; "
                "run again after then"
            )
        if error.code == 403:
            return f"{said}: the token may not do this; {TOKEN_HELP}"
        if error.code == 404 and not url.split("?")[0].endswith(f"{self.repository}/issues"):
            return f"{said}: the issue was deleted or moved to another repository"
        if error.code == 404:
            return (
                f"{said}: no repository {self.repository} for this token; set "
                "GITHUB_REPOSITORY (or --repo) to owner/name"
            )
        if error.code == 422 and "assignees" in message:
            return (
                f"{said}: every GitHub user named under github: in vocabulary.yaml must be "
                f"able to be assigned in {self.repository}; add them as collaborators, or "
                "name them as members of a team instead"
            )
        if error.code == 410:
            return f"{said}: issues are turned off; turn them on in the repository's settings"
        return said


def _message_of(error: HTTPError) -> str:
    """GitHub's own words: its ``message``, with the ``errors`` of a 422 after it."""
    try:
        answer = json.loads(error.read() or b"{}")
    except (ValueError, OSError):
        return str(error.reason)
    if not isinstance(answer, dict):
        return str(error.reason)
    details = [
        f"{each.get('field')} {each.get('value')!r} {each.get('code')}"
        if isinstance(each, dict)
        else str(each)
        for each in answer.get("errors") or ()
    ]
    message = str(answer.get("message") or error.reason)
    return f"{message} ({'; '.join(details)})" if details else message
