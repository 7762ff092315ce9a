"""Dates and numbers as readers of a language write them (Babel)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from handbook.model.languages import locale_of


@lru_cache(maxsize=8192)
def local_date(day: date, language: str) -> str:
    """A date as readers of ``language`` write it, e.g. 14 March 2026 / 14 marca 2026.

    Cached: Babel parses the locale and the pattern on every call, a handbook repeats the
    same few hundred review dates on every card, and the result depends on nothing else.
    """
    return format_date(day, format="long", locale=locale_of(language))


@lru_cache(maxsize=8192)
def local_number(count: int, language: str) -> str:
    """Cached like ``local_date``: a page of cards formats the same few counts again and again."""
    return format_decimal(count, locale=locale_of(language))


@lru_cache(maxsize=8192)
def local_percent(share: float, language: str) -> str:
    """A share from 0 to 1 as a whole percentage, e.g. 56% (rounded half to even)."""
    return format_percent(share, locale=locale_of(language))
