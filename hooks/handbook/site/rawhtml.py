"""Keep the handbook's finished HTML out of the Markdown parser and put it back afterwards.

The renderers write each card, table and list as one line of block-level HTML, which
Markdown passes through unchanged. Passing through is not free: Python-Markdown parses every
raw HTML block with ``html.parser`` to find where it ends, and MkDocs parses it again to
collect anchors. On a 3,000-standard handbook that was a third of the build (see
``bench/RESULTS.md``). So the macros hand Markdown a placeholder paragraph per run of HTML
lines, and the handbook plugin's ``on_page_content`` swaps the HTML back into the converted
page: the same page, byte for byte, without two parses of every tag.

The placeholder carries a random nonce per build, so no text in a page can imitate it.
"""

from __future__ import annotations

import re
import secrets

BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "details", "dialog", "div", "dl"}
    | {"fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"}
)
"""Tags Python-Markdown treats as the start of a raw HTML block (a subset of its list)."""

_START = re.compile(r"<([a-z][a-z0-9]*)\b")
_ID = re.compile(r'\sid="([^"]+)"')


class RawHtml:
    """The HTML hidden from Markdown in one build, until each page takes its own back."""

    def __init__(self, nonce: str | None = None) -> None:
        self._prefix = f"hbraw{nonce or secrets.token_hex(8)}x"
        self._blocks: dict[str, str] = {}
        self._pattern = re.compile(rf"<p>({self._prefix}\d+)</p>")

    def hide(self, markdown: str) -> str:
        """``markdown`` with each run of whole-line HTML blocks replaced by a placeholder.

        Only a run Markdown itself would pass through untouched is hidden: lines that each
        open and close one block-level element, with a blank line (or the text's edge) before
        and after the run. Anything else stays for Markdown to handle as before.
        """
        lines = markdown.split("\n")
        out: list[str] = []
        index = 0
        while index < len(lines):
            end = index
            if index == 0 or not lines[index - 1].strip():
                while end < len(lines) and _is_block(lines[end]):
                    end += 1
            if end > index and (end == len(lines) or not lines[end].strip()):
                token = f"{self._prefix}{len(self._blocks)}"
                self._blocks[token] = "\n".join(lines[index:end])
                out.append(token)
                index = end
            else:
                out.append(lines[index])
                index += 1
        return "\n".join(out)

    def restore(self, html: str) -> tuple[str, set[str]]:
        """The page with its HTML back, and the ``id`` anchors that HTML brings.

        The anchors go to MkDocs' link validation, which no longer sees them in Markdown.
        """
        anchors: set[str] = set()

        def put_back(match: re.Match[str]) -> str:
            block = self._blocks.pop(match.group(1), None)
            if block is None:
                return match.group(0)
            anchors.update(_ID.findall(block))
            # Markdown ends each raw block with a newline, and strips the end of the page.
            return block if match.end() == len(html) else block + "\n"

        if self._prefix not in html:
            return html, anchors
        return self._pattern.sub(put_back, html), anchors

    def left_in(self, html: str) -> bool:
        """True when a placeholder stayed in ``html``: its macro did not stand on a line of
        its own, so Markdown wrapped it in a list item, table cell or paragraph."""
        return self._prefix in html


def _is_block(line: str) -> bool:
    start = _START.match(line)
    return (
        start is not None
        and start.group(1) in BLOCK_TAGS
        and line.rstrip().endswith(f"</{start.group(1)}>")
    )

