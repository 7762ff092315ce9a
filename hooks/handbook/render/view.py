"""What a renderer needs to know about the page it writes for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from handbook.model import Handbook, Text
from handbook.model.review import ReviewPolicy
from handbook.render.formats import local_date, local_number

LinkToPhase = Callable[[str, str | None], str]
"""(phase slug, anchor or None) → URL of that phase page relative to the current page."""

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


@dataclass(frozen=True)
class View:
    """One page in one language: the reader's words, dates, review rules and links."""

    language: str
    policy: ReviewPolicy
    handbook: Handbook
    link: LinkToPhase
    to_root: str = ""
    """Relative link from this page to the site root ("../../" or ""), for the exports."""

    def label(self, key: str) -> str:
        return self.handbook.labels.word(key, self.language)

    def count(self, key: str, count: int) -> str:
        """A number with its noun in the form the reader's language needs (CLDR plurals)."""
        number = local_number(count, self.language)
        return self.handbook.labels.counts[key].get(self.language, count, number)

    def count_html(self, key: str, count: int) -> str:
        """:meth:`count` as HTML, the number in bold: the figure a dashboard is read for."""
        pattern = self.handbook.labels.counts[key].pattern(self.language, count)
        number = escape(local_number(count, self.language))
        return escape(pattern).replace("{count}", f"<strong>{number}</strong>")

    def date(self, day: date) -> str:
        """A localized date, isolated so it keeps its order inside right-to-left text."""
        return (
            f'<time datetime="{day.isoformat()}"><bdi>{escape(local_date(day, self.language))}'
            "</bdi></time>"
        )

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


def md_text(text: str) -> str:
    """Text safe inside a Markdown line: no HTML, no Markdown, no attribute lists."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def isolate(text: str) -> str:
    """Escaped text that keeps its own direction inside text of the other direction."""
    return f"<bdi>{escape(text)}</bdi>"
