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
import shutil
import subprocess
import tempfile
from pathlib import Path

from pagefind.service import get_executable

from handbook.model import Handbook
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
)
"""Elements inside the page's text that search leaves out (Pagefind and the word lists)."""

ROOT_SELECTOR = "article.md-content__inner"
"""Only the page's own text: navigation, header and footer would match every query."""


LUNR_INDEX = Path("search") / "search_index.json"


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the build must fail, not ship without search."""


def build_search(site_dir: Path, handbook: Handbook, directory_urls: bool = True) -> dict[str, int]:
    """Index ``site_dir`` with Pagefind and empty Material's lunr index; pages per language.

    With directory URLs every page is an ``index.html``, which leaves 404.html (not content)
    out of the index; without them every HTML file is a page. The words staff type that the
    pages do not use come from ``handbook``'s glossary (``site.searchwords``); they are
    counted while Pagefind indexes, on the other processor.
    """
    pages = "**/index.html" if directory_urls else "**/*.html"
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # no stale chunks from an earlier build
    with tempfile.TemporaryDirectory() as folder:
        # A folder of its own: Pagefind reads a pagefind.yml or .toml from where it runs.
        indexing = _start_pagefind(site_dir, bundle, pages, Path(folder))
        try:
            words = count_words(site_dir, pages, EXCLUDED_CLASSES)
        finally:
            output, _ = indexing.communicate()
    if indexing.returncode != 0:
        said = "\n".join(dict.fromkeys(line for line in output.splitlines() if line.strip()))
        raise SearchIndexError(f"Pagefind failed to index {site_dir}:\n{said}")
    stable_entry(bundle)
    write_search_words(bundle, words, handbook)
    counts = pages_per_language(bundle)
    if not counts:
        raise SearchIndexError(f"Pagefind found no page to index in {site_dir}")
    empty_lunr_index(site_dir)
    return counts


def pagefind_command(site_dir: Path, bundle: Path, pages: str) -> list[str]:
    """Pagefind's own command line for the site; the Python package only finds the binary.

    Its service API, which the package wraps, answers each request only after a tenth of
    a second's pause: three requests cost more than indexing a 300-standard handbook.
    """
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind is not installed: pip install -r requirements.txt")
    command = [str(binary), "--site", str(site_dir.resolve()), "--glob", pages]
    command += ["--output-path", str(bundle.resolve()), "--root-selector", ROOT_SELECTOR]
    for name in EXCLUDED_CLASSES:
        command += ["--exclude-selectors", f".{name}"]
    return [*command, "--silent"]


def _start_pagefind(site_dir: Path, bundle: Path, pages: str, folder: Path) -> subprocess.Popen[str]:
    command = pagefind_command(site_dir, bundle, pages)
    try:
        return subprocess.Popen(
            command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not start ({command[0]}): {error}") from error


def stable_entry(bundle: Path) -> None:
    """Rewrite Pagefind's entry file with its languages in a fixed order.

    Pagefind writes them in hash-map order, which changes from run to run; a reproducible
    build (issue 8) needs the same bytes every time. The order means nothing to Pagefind.
    """
    entry = bundle / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["languages"] = dict(sorted(data["languages"].items()))
        entry.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


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
