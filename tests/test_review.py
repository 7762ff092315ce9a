"""Review dates: the next review, and the three badge states around it."""

from __future__ import annotations

from datetime import date

import pytest

from handbook.model import Level, Standard, StandardType, Text
from handbook.model.review import ReviewPolicy, ReviewStatus, add_months, build_today
from tests.sitebuild import TEST_DAY


def standard(last_reviewed: date, months: int = 12) -> Standard:
    text = Text({"en": "x"}, "en")
    return Standard(
        "CHK-01",
        "check-in",
        None,
        StandardType.PERSONAL,
        Level.BASIC,
        "owner",
        last_reviewed,
        months,
        text,
        text,
    )


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 30), 12, date(2026, 11, 30)),
        (date(2025, 12, 15), 6, date(2026, 6, 15)),
        (date(2025, 8, 1), 5, date(2026, 1, 1)),
    ],
)
def test_next_review_adds_calendar_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("last_reviewed", "expected"),
    [
        (date(2025, 11, 24), ReviewStatus.OVERDUE),  # due yesterday
        (date(2025, 11, 25), ReviewStatus.DUE_SOON),  # due today
        (date(2025, 12, 25), ReviewStatus.DUE_SOON),  # due in exactly 30 days
        (date(2025, 12, 26), ReviewStatus.CURRENT),  # due in 31 days
    ],
)
def test_status_around_the_due_soon_window(last_reviewed: date, expected: ReviewStatus) -> None:
    policy = ReviewPolicy(TEST_DAY, due_soon_days=30, review_months=12)
    assert policy.status(standard(last_reviewed)) is expected


def test_due_soon_window_is_configurable() -> None:
    reviewed = standard(date(2025, 12, 20))
    month = ReviewPolicy(TEST_DAY, due_soon_days=30, review_months=12)
    week = ReviewPolicy(TEST_DAY, due_soon_days=7, review_months=12)
    assert month.status(reviewed) is ReviewStatus.DUE_SOON
    assert week.status(reviewed) is ReviewStatus.CURRENT


def test_today_comes_from_handbook_today() -> None:
    assert build_today({"HANDBOOK_TODAY": "2030-02-01"}) == date(2030, 2, 1)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        build_today({"HANDBOOK_TODAY": "1.2.2030"})
