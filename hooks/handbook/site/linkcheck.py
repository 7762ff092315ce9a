"""Offline link check of a built site: every internal href and src must reach a file in it.

``mkdocs build --strict`` checks the links written in Markdown, but not what the theme,
the language switcher and the renderers write into the HTML, nor anchors such as
``#abc-01``. This reads the finished HTML instead, the way a browser would resolve it, and
never goes to the network: links to other sites are left alone, so the check gives the
same answer on a machine without internet.

Run it as ``python -m handbook.site.linkcheck site``.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = frozenset({"href", "src", "poster"})


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (relative to the site folder) that leads nowhere in the site."""

    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


@dataclass
class _Page:
    links: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    canonical: str | None = None


class _Reader(HTMLParser):
    """Collects the links of a page and the anchors (``id``, ``<a name>``) it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        for name, value in values.items():
            if name in LINK_ATTRIBUTES:
                self.page.links.append(value.strip())
            elif name == "srcset":
                self.page.links.extend(_srcset_urls(value))
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        if tag == "link" and values.get("rel") == "canonical":
            self.page.canonical = values.get("href")


def _srcset_urls(srcset: str) -> Iterator[str]:
    for candidate in srcset.split(","):
        url = candidate.strip().split(" ", 1)[0]
        if url:
            yield url


def read_page(html: str) -> _Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def site_base_url(site: Path) -> str | None:
    """The address the site is built for: the canonical link of its home page, if any.

    MkDocs writes absolute links (canonical, hreflang, the paths of ``404.html``) from
    ``site_url``; knowing it lets the check treat those as internal and verify them too.
    A build without directory URLs names the page itself: ``.../index.html``.
    """
    home = site / "index.html"
    if not home.is_file():
        return None
    canonical = read_page(home.read_text(encoding="utf-8")).canonical or ""
    canonical = canonical.removesuffix("index.html")
    return canonical if canonical.endswith("/") else None


class _Site:
    def __init__(self, root: Path, base_url: str | None, directory_index: bool) -> None:
        self.root = root
        self.directory_index = directory_index
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path if base_url else "/"
        self._pages: dict[str, _Page] = {}

    def page(self, path: str) -> _Page:
        if path not in self._pages:
            html = (self.root / path).read_text(encoding="utf-8", errors="replace")
            self._pages[path] = read_page(html)
        return self._pages[path]

    def check(self, page: str, target: str) -> str | None:
        """Why ``target`` written on ``page`` is broken, or None when it resolves."""
        parts = urlsplit(target)
        web_address = bool(self.base_url and target.startswith(self.base_url))
        if web_address:
            assert self.base_url is not None
            path = "/" + target[len(self.base_url) :].split("#", 1)[0].split("?", 1)[0]
            parts = urlsplit(self.base_path.rstrip("/") + path + _fragment(parts.fragment))
        elif parts.scheme or parts.netloc or not target:
            return None  # another site, mailto:, data: and the like: not ours to check
        path = unquote(parts.path)
        if path.startswith("/") and not self.directory_index and not web_address:
            return "an absolute path: opened from disk it starts at the disk's root"
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                return f"absolute path outside the site's root {self.base_path}"
            resolved = path[len(self.base_path) :]
        elif path:
            resolved = posixpath.join(posixpath.dirname(page), path)
        else:
            resolved = page
        resolved = posixpath.normpath(resolved) if resolved else "."
        if resolved == ".." or resolved.startswith("../"):
            return "points above the site folder"
        file = self.root / resolved
        if file.is_dir():
            if not self.directory_index and not web_address:
                return "a folder: opened from disk it lists files instead of showing the page"
            file = file / "index.html"
            resolved = posixpath.join(resolved, "index.html")
        elif path.endswith("/"):
            return "no such folder in the site"
        if not file.is_file():
            return "no such file in the site"
        anchor = unquote(parts.fragment)
        if anchor and file.suffix == ".html" and anchor not in self.page(resolved).anchors:
            return f"the page has no anchor #{anchor}"
        return None


def _fragment(fragment: str) -> str:
    return f"#{fragment}" if fragment else ""


def check_site(
    site: Path, base_url: str | None = None, directory_index: bool = True
) -> list[BrokenLink]:
    """Every broken internal link of every HTML page in ``site``.

    ``base_url`` is the address the site is built for; by default it is read from the
    site itself (``site_base_url``). Without ``directory_index`` (a copy opened from disk,
    where no server turns ``folder/`` into ``folder/index.html``) a link to a folder or an
    absolute path is broken; ``404.html``, which only a web server shows, is then skipped.
    """
    checker = _Site(site, base_url or site_base_url(site), directory_index)
    broken = []
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        if page == "404.html" and not directory_index:
            continue
        for target in dict.fromkeys(checker.page(page).links):
            reason = checker.check(page, target)
            if reason is not None:
                broken.append(BrokenLink(page, target, reason))
    return broken


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m handbook.site.linkcheck",
        description="Check that every internal link and asset of a built site resolves.",
    )
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site")
    parser.add_argument(
        "--base-url", help="address the site is built for (default: its canonical link)"
    )
    parser.add_argument(
        "--no-directory-index",
        action="store_true",
        help="a link to a folder is broken (for a copy opened from disk, file://)",
    )
    args = parser.parse_args(argv)
    site: Path = args.site
    if not (site / "index.html").is_file():
        sys.stderr.write(f"{site}: error: no index.html; build the site first\n")
        return 2
    broken = check_site(site, args.base_url, directory_index=not args.no_directory_index)
    for link in broken:
        sys.stdout.write(f"{site / link.page}: error: {link.target}: {link.reason}\n")
    pages = sum(1 for _ in site.rglob("*.html"))
    sys.stderr.write(f"{pages} pages checked, {len(broken)} broken links\n")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
