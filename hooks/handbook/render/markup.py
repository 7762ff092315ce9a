"""Editors' text to HTML: plain text plus a small, documented Markdown subset.

Allowed: **bold**, *emphasis*, `code`, [links](https://…) to http, https and mailto
addresses, and lists whose lines start with "- ". Everything else is escaped, so text from
a pull request can never become markup, script or a template in any page, export or feed.
``inline`` and ``block`` return ``markupsafe.Markup``: the one place the editors' text turns
into HTML, which the fragment templates then put in without escaping it again.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_LINK = re.compile(r"\[([^\[\]]+)\]\(((?:https?://|mailto:)[^\s()<>\"']+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> Markup:
    """One paragraph of the subset as HTML; anything not in the subset stays literal text."""
    return Markup(_inline(text))


def _inline(text: str) -> str:
    """``inline`` as a plain string, for ``block`` to join without a Markup per paragraph.

    NUL marks the code placeholders below, so it is dropped first: a NUL in the text (which
    the checker refuses, but a direct caller may pass) must neither crash nor copy code.
    """
    html = escape(text.replace("\x00", ""), quote=True)
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(f'<bdi><code dir="ltr">{match.group(1)}</code></bdi>')
        return f"\x00{len(codes) - 1}\x00"

    html = _CODE.sub(keep_code, html)
    html = _LINK.sub(_link, html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _EMPHASIS.sub(r"<em>\1</em>", html)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], html)


def _link(match: re.Match[str]) -> str:
    label, target = match.group(1), match.group(2)
    return f'<a href="{target}" rel="nofollow noopener">{label}</a>'


def block(text: str) -> Markup:
    """A whole text field as HTML paragraphs and lists, on one line per element."""
    parts: list[str] = []
    items: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            parts.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.replace("\x00", "").splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            if paragraph:
                flush()
            items.append(stripped[2:])
        elif not stripped:
            flush()
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    return Markup("".join(parts))


def plain(text: str) -> str:
    """The text without markup characters, for exports, feeds and search snippets."""
    text = _LINK.sub(r"\1 (\2)", text)
    return re.sub(r"\*\*|(?<![\w*])\*|\*(?![\w*])|`", "", text)
