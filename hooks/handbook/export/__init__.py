"""Files the build writes next to the pages: a review calendar, the handbook as data, tables.

Each writer is a plain function from the model to bytes, so every build with the same
standards, ``HANDBOOK_TODAY`` and ``SOURCE_DATE_EPOCH`` writes the same bytes; the MkDocs
hook only saves them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from urllib.parse import urlsplit

from handbook.model import Handbook, Phase, Standard
from handbook.model.review import ReviewPolicy
from handbook.model.scores import ScorePolicy, Scores, score
from handbook.render.urls import absolute_url, page_path

CALENDAR_FILE = "reviews.ics"
DATA_FILE = "standards.json"
AUDITS_FILE = "audits.json"
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def table_file(language: str) -> str:
    """The CSV table of one language, e.g. ``standards-pl.csv``."""
    return f"standards-{language}.csv"


def audit_table_file(language: str) -> str:
    """The CSV table of every audit result in one language, e.g. ``audits-pl.csv``."""
    return f"audits-{language}.csv"


@dataclass(frozen=True)
class Publication:
    """The handbook as published: what the exports need to name and link each standard."""

    handbook: Handbook
    policy: ReviewPolicy
    site_url: str
    phase_pages: str
    directory_urls: bool = True
    scored: Scores | None = field(default=None, compare=False)
    """The audits' figures of the build; by default the audits of the last 12 months."""

    @cached_property
    def scores(self) -> Scores:
        return self.scored or score(self.handbook, ScorePolicy(self.policy.today))

    @property
    def host(self) -> str:
        """The site's host name, which makes calendar UIDs unique to this handbook."""
        host = urlsplit(self.site_url).hostname
        if not host:
            raise ValueError(
                f"site_url {self.site_url!r} has no host name; set site_url in mkdocs.yml to "
                "the published address, e.g. https://example.org/handbook/"
            )
        return host

    def phase_url(self, phase: Phase, language: str) -> str:
        doc = f"{self.phase_pages}/{phase.slug}.md"
        source = self.handbook.languages.source
        return absolute_url(self.site_url, page_path(doc, language, source, self.directory_urls))

    def standard_url(self, standard: Standard, language: str) -> str:
        phase = self.handbook.phase(standard.phase)
        return f"{self.phase_url(phase, language)}#{standard.anchor}"


def build_timestamp(today: date, environ: dict[str, str] | None = None) -> datetime:
    """When the exports say they were made: SOURCE_DATE_EPOCH if set, else the build date.

    Midnight (UTC) of the build date rather than the clock time, so two builds of the same
    day, or two builds with the same HANDBOOK_TODAY, write identical files.
    """
    value = (environ if environ is not None else os.environ).get(EPOCH_VARIABLE, "").strip()
    if not value:
        return datetime.combine(today, time(), tzinfo=UTC)
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"{EPOCH_VARIABLE}={value!r} is not a Unix timestamp; use whole seconds since "
            "1970-01-01, e.g. the output of: git log -1 --format=%ct"
        ) from None
