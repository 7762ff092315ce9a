"""What a renderer needs to know about the page it writes for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from handbook import RTL_LANGUAGES
from handbook.labels import label, local_date
from handbook.model import Text, Vocabulary
from handbook.review import ReviewPolicy

LinkToPhase = Callable[[str, str | None], str]
"""(phase slug, anchor or None) → URL of that phase page relative to the current page."""

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


@dataclass(frozen=True)
class View:
    """One page in one language: the reader's words, dates, review rules and links."""

    language: str
    policy: ReviewPolicy
    vocabulary: Vocabulary
    link: LinkToPhase
    to_root: str = ""
    """Relative link from this page to the site root ("../../" or ""), for the exports."""

    def label(self, key: str) -> str:
        return label(self.language, key)

    def date(self, day: date) -> str:
        """A localized date, isolated so it keeps its order inside right-to-left text."""
        return (
            f'<time datetime="{day.isoformat()}"><bdi>{escape(local_date(day, self.language))}'
            "</bdi></time>"
        )

    def text(self, text: Text) -> str:
        """Plain text in the reader's language (English when not translated yet)."""
        return text.get(self.language)

    def quality(self, key: str) -> str:
        return self.vocabulary.qualities[key].get(self.language)

    def owner(self, key: str) -> str:
        return self.vocabulary.owners[key].get(self.language)

    @property
    def is_rtl(self) -> bool:
        return self.language in RTL_LANGUAGES


def md_text(text: str) -> str:
    """Text safe inside a Markdown line: no HTML, no Markdown, no attribute lists."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def isolate(text: str) -> str:
    """Escaped text that keeps its own direction inside text of the other direction."""
    return f"<bdi>{escape(text)}</bdi>"
