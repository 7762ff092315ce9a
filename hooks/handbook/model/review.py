"""When each standard is due for review, and whether it is current, due soon or overdue."""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from handbook.model import Standard

TODAY_VARIABLE = "HANDBOOK_TODAY"


class ReviewStatus(StrEnum):
    """A standard's review state; declared most urgent first, the order lists use."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    CURRENT = "current"


@dataclass(frozen=True)
class ReviewPolicy:
    """The review rules of a handbook, set under ``extra.handbook`` in ``mkdocs.yml``.

    No defaults here: ``handbook.settings`` declares them, the one place they are written.
    """

    today: date
    due_soon_days: int
    review_months: int

    def next_review(self, standard: Standard) -> date:
        return add_months(standard.last_reviewed, standard.review_months)

    def status(self, standard: Standard) -> ReviewStatus:
        due = self.next_review(standard)
        if due < self.today:
            return ReviewStatus.OVERDUE
        if due <= self.today + timedelta(days=self.due_soon_days):
            return ReviewStatus.DUE_SOON
        return ReviewStatus.CURRENT


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def build_today(environ: dict[str, str] | None = None) -> date:
    """Today, or the date in HANDBOOK_TODAY so a build can be repeated exactly."""
    value = (environ if environ is not None else os.environ).get(TODAY_VARIABLE, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{TODAY_VARIABLE}={value!r} is not a date; use the form YYYY-MM-DD"
        ) from None


@dataclass(frozen=True)
class Due:
    """One standard with its review date and status, as the dashboard and exports list it."""

    standard: Standard
    next_review: date
    status: ReviewStatus


def review_list(standards: Iterable[Standard], policy: ReviewPolicy) -> list[Due]:
    """The standards most urgent first: overdue, then due soon, then current.

    Within a status the earliest next review comes first, then the ID, so the order is the
    same on every build and in every language.
    """
    urgency = {status: rank for rank, status in enumerate(ReviewStatus)}
    dues = [Due(s, policy.next_review(s), policy.status(s)) for s in standards]
    return sorted(dues, key=lambda d: (urgency[d.status], d.next_review, d.standard.id))


def count_by_status(dues: Iterable[Due]) -> dict[ReviewStatus, int]:
    """How many standards have each status, every status present (zero included)."""
    counts = dict.fromkeys(ReviewStatus, 0)
    for due in dues:
        counts[due.status] += 1
    return counts
