"""Editors' text inside Markdown that GitHub renders: the pull-request summary, the reminders."""

from __future__ import annotations

MARKDOWN_ACTIVE = set("\\`*_{}[]<>()#+-!|~&")


def markdown_text(text: str) -> str:
    """Text shown as itself: Markdown and HTML characters escaped, lines joined."""
    return "".join(f"\\{c}" if c in MARKDOWN_ACTIVE else c for c in " ".join(text.split()))
