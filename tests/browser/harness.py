"""The built site in a real Chromium: a local server, the browser, and Material's search box.

Used by the browser tests and by ``bench/search`` (which measures both search engines
through the same search box, so the numbers compare like with like). Pages are served over
HTTP, not file://, so workers, same-origin rules and the content security policy behave as
on the published site.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Playwright, Response

from tests.fastrun import refuse_in_fast_run
from tests.hotel import PREFIX

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""Where each language lives under the site root (English is the default, at the root)."""

SEARCH_FILES = (
    "/search/",
    "/workers/",
    "/lunr/",
    "/pagefind/",
    "/search-worker.js",
    "/search-words.js",
)
"""URL parts of everything a search downloads, for either engine."""


class BrowserMissing(RuntimeError):
    """No Chromium to run the browser tests with; `make browser` installs it."""


def chromium_path() -> str:
    """The system Chromium (Debian package ``chromium``); playwright cannot download one here."""
    for candidate in (os.environ.get("HANDBOOK_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found is None:
        raise BrowserMissing("Chromium is not installed: run `make browser` (Debian: chromium)")
    return found


def launch(playwright: Playwright) -> Browser:
    refuse_in_fast_run("a browser")
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the folder under ``prefix`` only, as a company server or a Pages project would."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside-the-prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output for failures, not for every file served."""


@contextmanager
def serve(folder: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``folder`` at ``prefix`` on a free port of 127.0.0.1; yields the base URL."""
    handler_class = type("Handler", (_QuietHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page_url(base: str, language: str, page: str = "") -> str:
    """The address of ``page`` (e.g. ``phases/check-in/``) in ``language``."""
    return f"{base}{PREFIX[language]}{page}"


def language_of(url: str) -> str:
    """The language a result URL belongs to, from its path prefix."""
    path = urlsplit(url).path.lstrip("/")
    for language, prefix in PREFIX.items():
        if prefix and path.startswith(prefix):
            return language
    return "en"


@dataclass(frozen=True)
class SearchResult:
    """What the search box showed for one query: the pages in order and every link."""

    pages: list[str]
    """Path of each result's page (no query, no anchor), best first."""
    links: list[str]
    """Every link in the result list, sections included."""


def wait_until_search_is_ready(page: Page, timeout: float = 15_000) -> None:
    """Wait until Material's search has started its worker and shows its placeholder.

    Until then, keys typed into the box are lost: Material sends no query for them later.
    """
    placeholder = page.evaluate(
        """() => JSON.parse(document.getElementById("__config").textContent)
                   .translations["search.result.placeholder"]"""
    )
    page.locator(".md-search-result__meta").filter(has_text=placeholder).wait_for(
        state="attached", timeout=timeout
    )


def clear_search_box(page: Page, timeout: float = 15_000) -> str:
    """Open Material's search box, empty it and wait for its placeholder, which it returns."""
    placeholder: str = page.evaluate(
        """() => JSON.parse(document.getElementById("__config").textContent)
                   .translations["search.result.placeholder"]"""
    )
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")  # Material's shortcut opens the search box
    box.fill("")
    box.dispatch_event("keyup")
    page.locator(".md-search-result__meta").filter(has_text=placeholder).wait_for(timeout=timeout)
    return placeholder


def wait_until_results_settle(page: Page, quiet_ms: int = 400) -> None:
    """Wait until Material's result list has not changed for ``quiet_ms``.

    Typed key by key, a query is answered once per keyup, and a later answer may redraw the
    list just as a test presses Enter; Enter then lands on a list that is being replaced.
    """
    page.evaluate(
        """(quiet) => new Promise((done) => {
             const list = document.querySelector(".md-search-result");
             let timer = setTimeout(finish, quiet);
             const watch = new MutationObserver(() => {
               clearTimeout(timer);
               timer = setTimeout(finish, quiet);
             });
             function finish() { watch.disconnect(); done(); }
             watch.observe(list, { childList: true, subtree: true, characterData: true });
           })""",
        quiet_ms,
    )


def search(page: Page, query: str, timeout: float = 15_000) -> SearchResult:
    """Type ``query`` into Material's search box and read the result list it renders.

    The box is cleared first and answered empty, so the wait below can only end on the
    answer to ``query``: Material writes the placeholder for an empty query and a count (or
    "no results") for any other. One keyup sends one query, as a person pausing would.
    """
    placeholder = clear_search_box(page, timeout)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_function(
        """(placeholder) => {
             const meta = document.querySelector(".md-search-result__meta");
             return meta && meta.textContent.trim() !== placeholder;
           }""",
        arg=placeholder,
        timeout=timeout,
    )
    pages = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child",
        "links => links.map(a => { const u = new URL(a.href); return u.pathname; })",
    )
    links = page.eval_on_selector_all(
        ".md-search-result__list a[href]", "links => links.map(a => a.href)"
    )
    return SearchResult(pages=list(pages), links=list(links))


_COMPRESSIBLE = (".html", ".js", ".json", ".css", ".svg", ".xml")


@dataclass
class Downloads:
    """Bytes of the search files a browser fetched, as served and as gzip on the wire.

    The test server sends files as they are; a real host (GitHub Pages) gzips text types,
    so each text response is also counted gzipped. Pagefind's own files are gzip already.
    """

    files: dict[str, int] = field(default_factory=dict)
    wire: dict[str, int] = field(default_factory=dict)

    def record(self, response: Response) -> None:
        url = response.url
        if not any(part in url for part in SEARCH_FILES) or response.status != 200:
            return
        body = response.body()
        path = urlsplit(url).path
        self.files[path] = len(body)
        squeeze = path.endswith(_COMPRESSIBLE)
        self.wire[path] = len(gzip.compress(body, 6)) if squeeze else len(body)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    @property
    def total_wire(self) -> int:
        return sum(self.wire.values())
