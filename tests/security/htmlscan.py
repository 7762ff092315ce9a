"""What a built HTML page could execute: its scripts, handler attributes and URL schemes.

Read with the standard library's HTML parser, which tokenises like a browser does, so
markup hidden in odd places (unclosed tags, entities in attributes) is seen as a browser
would see it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20]")


def scheme(url: str) -> str:
    """The scheme a browser would use: it drops tabs, newlines and leading controls first."""
    found = _SCHEME.match(_URL_NOISE.sub("", url).lower())
    return found.group(1) if found else ""


@dataclass
class Scan:
    """Everything active in one page."""

    tags: set[str] = field(default_factory=set)
    handlers: list[str] = field(default_factory=list)
    schemes: set[str] = field(default_factory=set)
    scripts: set[str] = field(default_factory=set)
    """External scripts by path from the site root, inline ones by their body."""


class _Scanner(HTMLParser):
    def __init__(self, folder: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self._folder = folder
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.scan.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                self.scan.schemes.add(scheme(value))
        if tag == "script":
            source = dict(attrs).get("src")
            if source:
                self.scan.scripts.add(self._from_root(source))
            else:
                self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.scripts.add(_without_base("".join(self._script)))
            self._script = None

    def _from_root(self, source: str) -> str:
        if scheme(source) or source.startswith("/"):
            return source
        return posixpath.normpath(posixpath.join(self._folder, source))


def _without_base(body: str) -> str:
    """Material's inline scripts differ per page only by the relative path to the root."""
    return re.sub(r'"(?:\.\./)*\.\.?"', '"<base>"', body)


def scan_page(path: Path, site: Path) -> Scan:
    scanner = _Scanner(path.parent.relative_to(site).as_posix())
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner.scan


def scan_site(site: Path) -> dict[Path, Scan]:
    return {page: scan_page(page, site) for page in sorted(site.rglob("*.html"))}
