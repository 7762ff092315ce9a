"""What a renderer needs to know about the page it writes for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from html import escape
from typing import Any

from markupsafe import Markup

from handbook.model import Handbook, Text
from handbook.model.review import ReviewPolicy
from handbook.model.scores import Scores
from handbook.render.formats import local_date, local_number
from handbook.render.fragments import Templates

LinkToPhase = Callable[[str, str | None], str]
"""(phase slug, anchor or None) → URL of that phase page relative to the current page."""

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


class Words:
    """The labels of one language for templates: ``words.owner`` or ``words["due-soon"]``.

    Attributes rather than a dict, whose methods (``items``, ``get``) a label could shadow,
    and which Jinja tries as attributes first.
    """

    def __init__(self, words: dict[str, str]) -> None:
        self.__dict__.update(words)

    def __getitem__(self, key: str) -> str:
        value: str = self.__dict__[key]
        return value


@dataclass(frozen=True)
class View:
    """One page in one language: the reader's words, dates, review rules and links."""

    language: str
    policy: ReviewPolicy
    handbook: Handbook
    link: LinkToPhase
    to_root: str = ""
    """Relative link from this page to the site root ("../../" or ""), for the exports."""
    templates: Templates = field(default_factory=Templates)
    """The site's fragment templates; by default the package's own, without overrides."""
    scores: Scores | None = None
    """The audits' figures; None leaves the audit lines out."""

    def render(self, template: str, **values: Any) -> Markup:
        """The fragment ``template`` filled with ``values``; every template also gets the
        view and ``words``."""
        return self.templates.render(template, {"view": self, "words": self.words, **values})

    @cached_property
    def words(self) -> Words:
        """Every label in the reader's language, looked up once per page rather than by a
        call per use in every card."""
        labels = self.handbook.labels.words
        return Words({key: text.get(self.language) for key, text in labels.items()})

    def label(self, key: str) -> str:
        return self.handbook.labels.word(key, self.language)

    def count(self, key: str, count: int) -> str:
        """A number with its noun in the form the reader's language needs (CLDR plurals)."""
        number = local_number(count, self.language)
        return self.handbook.labels.counts[key].get(self.language, count, number)

    def number(self, value: int) -> str:
        return local_number(value, self.language)

    def count_html(self, key: str, count: int) -> Markup:
        """:meth:`count` as HTML, the number in bold: the figure a dashboard is read for."""
        pattern = self.handbook.labels.counts[key].pattern(self.language, count)
        number = escape(local_number(count, self.language))
        return Markup(escape(pattern).replace("{count}", f"<strong>{number}</strong>"))

    def date(self, day: date) -> Markup:
        """A localized date, isolated so it keeps its order inside right-to-left text."""
        return _time_element(day, self.language)

    def text(self, text: Text) -> str:
        """Plain text in the reader's language (the source text when not translated yet)."""
        return text.get(self.language)

    def quality(self, key: str) -> str:
        return self.handbook.vocabulary.qualities[key].get(self.language)

    def owner(self, key: str) -> str:
        return self.handbook.vocabulary.owners[key].get(self.language)

    @property
    def is_rtl(self) -> bool:
        return self.handbook.languages.is_rtl(self.language)

    @property
    def source_language(self) -> str:
        return self.handbook.languages.source

    @property
    def source_direction(self) -> str:
        return "rtl" if self.handbook.languages.is_rtl(self.source_language) else "ltr"


@lru_cache(maxsize=8192)
def _time_element(day: date, language: str) -> Markup:
    """Cached like ``local_date``: a handbook prints the same few hundred dates on every card."""
    return Markup('<time datetime="{}"><bdi>{}</bdi></time>').format(
        day.isoformat(), local_date(day, language)
    )


def md_text(text: str) -> str:
    """Text safe inside a Markdown line: no HTML, no Markdown, no attribute lists."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escape(" ".join(text.split()), quote=False))
