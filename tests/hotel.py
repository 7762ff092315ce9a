"""The hotel fixture's languages, review rules and words, for tests that render or load it."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from handbook.model import Labels
from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.fields import TextReader
from handbook.reading.labels import load_labels
from handbook.reading.problems import Problem
from tests.sitebuild import TEST_DAY

HOTEL = Path(__file__).parent / "fixtures" / "hotel"
HOTEL_LANGUAGES = Languages(("en", "pl", "ar"))
LANGUAGES = HOTEL_LANGUAGES.codes
"""The languages of the fixture's mkdocs.yml, the source first."""
PREFIX = {code: "" if code == HOTEL_LANGUAGES.source else f"{code}/" for code in LANGUAGES}
"""Where each language's pages are in the built fixture site, from its root: "", "pl/"…"""
HOTEL_DUE_SOON_DAYS = 30
HOTEL_REVIEW_MONTHS = 12
"""The review rules the fixture's mkdocs.yml sets (tests/test_settings.py holds them to it)."""


def hotel_policy(today: date = TEST_DAY) -> ReviewPolicy:
    """The fixture's review rules on ``today`` (by default the test builds' date)."""
    return ReviewPolicy(today, HOTEL_DUE_SOON_DAYS, HOTEL_REVIEW_MONTHS)


@lru_cache(maxsize=1)
def hotel_labels() -> Labels:
    problems: list[Problem] = []
    labels = load_labels(HOTEL / "standards" / "labels.yaml", TextReader(HOTEL_LANGUAGES), problems)
    assert not problems, problems
    return labels


def label(language: str, key: str) -> str:
    """A word of the fixture's labels.yaml in ``language``."""
    return hotel_labels().word(key, language)
