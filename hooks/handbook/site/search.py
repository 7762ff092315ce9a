"""Site search: one Pagefind index per language, built from the finished site.

Why Pagefind rather than Material's lunr index is measured in ``bench/SEARCH.md``: lunr
merges every language into one file that each visitor downloads whole, and has neither a
Polish stemmer nor diacritic-free Arabic matching. Pagefind splits its index by
``<html lang>``, stems Arabic (tashkeel, tatweel, alef and ya/ta-marbuta variants, the
article ال) and Polish, and a first search downloads only the chunks the query needs.

The browser side is ``docs/assets/search-worker.js``: it speaks Material's search-worker
protocol, so Material's own search box, keyboard shortcuts and result list stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from handbook.model import Handbook
from handbook.site.indexing import Options, PagefindError, PagefindRuns, page_glob
from handbook.site.searchwords import count_words, write_search_words

BUNDLE = "pagefind"
"""Folder of the index in the site; the search worker loads ``<site root>/pagefind/``."""


EXCLUDED_CLASSES = (
    # Permalink signs and the edit button are not words anyone searches for.
    "headerlink",
    "md-content__button",
    # Pages that list every standard again (the levels side by side, the review dashboard
    # and change tables): a standard is found on its phase page, and indexing the copies made
    # each of those pages' search fragment 300 KB on a 3,000-standard handbook, downloaded
    # whenever it was among the results.
    "hb-levels",
    "hb-review-table",
    # The audit line of every card: the same few words on each card, so a search for
    # "passed" or a date would list every audited standard.
    "hb-standard__audit",
    # An audit page's results: IDs and results, on one page per audit; the notes are the
    # auditor's words about one visit, not the standards' words.
    "hb-audit-results",
    "hb-audit-passed",
    # The audits page lists the standards not audited yet with their checks: copies again.
    "hb-audit-never",
    "hb-audit-table",
)
"""Elements inside the page's text that search leaves out (Pagefind and the word lists)."""

ROOT_SELECTOR = "article.md-content__inner"
"""Only the page's own text: navigation, header and footer would match every query."""

OPTIONS = Options(ROOT_SELECTOR, tuple(f".{name}" for name in EXCLUDED_CLASSES))


LUNR_INDEX = Path("search") / "search_index.json"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the build must fail, not ship without search."""


class SiteSearch:
    """The search of one site, indexed in parts as its languages are written.

    ``add`` starts Pagefind on the pages one language's build has written, in the
    background (``site.indexing``); ``finish``, once every language is written, counts the
    search words while the last run ends, merges the runs' bundles and empties lunr's index.
    """

    def __init__(self, site_dir: Path, directory_urls: bool = True) -> None:
        self.site_dir = site_dir
        self._runs = PagefindRuns(site_dir, OPTIONS)
        self._pages: list[str] = []
        self._whole_site = every_page(directory_urls)
        """For pages that cannot be listed in one glob."""

    def add(self, pages: Sequence[str]) -> None:
        """Start indexing ``pages`` (their paths in the site, as written)."""
        self._pages += pages
        try:
            self._runs.start(pages)
        except PagefindError as error:
            raise SearchIndexError(str(error)) from None

    def finish(self, handbook: Handbook) -> dict[str, int]:
        """Write the index, Pagefind's and the search words; pages per language.

        The words staff type that the pages do not use come from ``handbook``'s glossary
        (``site.searchwords``).
        """
        bundle = self.site_dir / BUNDLE
        pages = sorted(self._pages, key=PurePosixPath)  # the order of the site's folders
        try:
            words = count_words(self.site_dir, pages, EXCLUDED_CLASSES)
        finally:
            try:
                self._runs.merge(bundle, page_glob(pages) or self._whole_site)
            except PagefindError as error:
                message = f"Pagefind failed to index {self.site_dir}:\n{error}"
                raise SearchIndexError(message) from None
        write_search_words(bundle, words, handbook)
        counts = pages_per_language(bundle)
        if not counts:
            raise SearchIndexError(f"Pagefind found no page to index in {self.site_dir}")
        empty_lunr_index(self.site_dir)
        return counts

    def close(self) -> None:
        """Stop what is still indexing: the build failed before ``finish``."""
        self._runs.close()


def build_search(site_dir: Path, handbook: Handbook, directory_urls: bool = True) -> dict[str, int]:
    """Index every page of a finished ``site_dir`` at once (``SiteSearch``)."""
    search = SiteSearch(site_dir, directory_urls)
    pages = sorted(site_dir.glob(every_page(directory_urls)))
    search.add([path.relative_to(site_dir).as_posix() for path in pages])
    return search.finish(handbook)


def every_page(directory_urls: bool) -> str:
    """The glob of a site's pages: with directory URLs every page is an ``index.html``,
    which leaves 404.html (not content) out; without them every HTML file is a page."""
    return "**/index.html" if directory_urls else "**/*.html"


def pages_per_language(bundle: Path) -> dict[str, int]:
    """The languages Pagefind found (from ``<html lang>``) and how many pages each has."""
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        return {}
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    return {code: int(info["page_count"]) for code, info in sorted(languages.items())}


def empty_lunr_index(site_dir: Path) -> None:
    """Keep only the ``config`` of Material's lunr index, which every page fetches on load.

    Material's search plugin must stay enabled to draw the search box, and its script still
    fetches ``search/search_index.json`` (the highlighter needs its ``config``); the documents
    in it are never used, so visitors no longer download every language's text.
    """
    path = site_dir / LUNR_INDEX
    if path.is_file():
        config = json.loads(path.read_text(encoding="utf-8"))["config"]
        path.write_text(json.dumps({"config": config, "docs": []}), encoding="utf-8")


def inline_lunr_index(site_dir: Path) -> None:
    """Write Material's index again as the script the offline copy loads from disk.

    Under file:// Material reads ``search/search_index.js`` (``var __index = …``), which
    Material's offline plugin writes at the end of each language's build; mkdocs-static-i18n
    merges the languages' indexes into the JSON only afterwards, so the script would hold the
    last language alone.
    """
    path = site_dir / LUNR_INDEX
    if path.is_file():
        script = path.with_suffix(".js")
        script.write_text(f"var __index = {path.read_text(encoding='utf-8')}", encoding="utf-8")
