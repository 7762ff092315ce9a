"""Search through Material's own search box, answered by Pagefind, in each language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from handbook.site.search import EXCLUDED_CLASSES
from handbook.site.searchwords import page_words, search_key, shorter_keys
from tests.browser.harness import (
    language_of,
    page_url,
    search,
    wait_until_results_settle,
    wait_until_search_is_ready,
)
from tests.browser.queries import (
    CHECK_IN,
    HELDOUT_QUERIES,
    QUERIES,
    STAFF_QUERIES,
    Query,
    recall_at,
)
from tests.sitebuild import HOTEL

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_pages(chromium: Browser, site_url: str) -> Iterator[dict[str, Page]]:
    """One home page per language, reused by the whole query table (searching is read-only)."""
    context = chromium.new_context()
    pages: dict[str, Page] = {}
    for language in ("en", "pl", "ar"):
        pages[language] = context.new_page()
        pages[language].goto(page_url(site_url, language))
    yield pages
    context.close()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.language}-{q.kind}-{q.text}")
def test_query_finds_its_phase_in_the_top_five_and_only_in_the_readers_language(
    search_pages: dict[str, Page], query: Query
) -> None:
    result = search(search_pages[query.language], query.text)
    assert any(path.endswith(query.page) for path in result.pages[:5]), result.pages
    foreign = [link for link in result.links if language_of(link) != query.language]
    assert not foreign, f"results from another language: {foreign}"
    if query.kind == "id":  # an exact ID names one standard: its phase comes first
        assert result.pages[0].endswith(query.page), result.pages


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_staff_queries_find_their_phase_in_the_top_five_nineteen_times_in_twenty(
    search_pages: dict[str, Page], built_site: Path, language: str
) -> None:
    """The staff's table as a whole: their words, typos and missing accents (a handful of
    its queries ask for what the handbook does not say, so no single query must pass)."""
    table = [q for q in STAFF_QUERIES + HELDOUT_QUERIES if q.language == language]
    results = {query: search(search_pages[language], query.text) for query in table}
    pages = {query: result.pages for query, result in results.items()}
    misses = [q.text for q in table if not any(p.endswith(q.page) for p in pages[q][:5])]
    assert recall_at(pages, language) >= 0.95, misses
    foreign = [link for r in results.values() for link in r.links if language_of(link) != language]
    assert not foreign, f"results from another language: {foreign}"
    known = words_of_pages(built_site, language)
    empty = [q.text for q in table if not pages[q] and any(w in known for w in query_words(q))]
    assert not empty, f"no result although a word or its synonym is on a page: {empty}"


def words_of_pages(site: Path, language: str) -> set[str]:
    """The search keys of every word on ``language``'s pages."""
    keys: set[str] = set()
    for path in site.rglob("index.html"):
        found, words = page_words(path.read_text(encoding="utf-8"), EXCLUDED_CLASSES)
        if found == language:
            keys.update(search_key(word) for word in words)
    return keys


GLOSSARY = yaml.safe_load((HOTEL / "standards/glossary.yaml").read_text(encoding="utf-8"))


def query_words(query: Query) -> set[str]:
    """The keys of the query's words, of what they are with و ب ل ... taken off, and of the
    one-word synonyms of the glossary concepts they belong to."""
    keys: set[str] = set()
    for word in re.findall(r"\w+", query.text):
        keys |= {search_key(word), *shorter_keys(search_key(word))}
    for concept in GLOSSARY["concepts"].values():
        entry = concept.get(query.language) or {}
        family = {search_key(w) for w in [entry.get("term", ""), *entry.get("search", [])]}
        if keys & family:
            keys |= {key for key in family if " " not in key}
    return keys


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_keyboard_shortcut_search_and_enter_open_the_standard(
    page: Page, site_url: str, language: str
) -> None:
    page.goto(page_url(site_url, language, "reading/"))
    box = page.locator("header input.md-search__input")
    expect(box).to_be_visible()  # Material's box, in the header
    page.keyboard.press("/")
    expect(box).to_be_focused()
    wait_until_search_is_ready(page)
    box.press_sequentially("CHK-04", delay=30)  # real keystrokes, one keyup each
    # the list answers the whole ID, not a keystroke before it, and is drawn for the last time
    expect(page.locator(".md-search-result__item").first).to_contain_text("CHK-04")
    wait_until_results_settle(page)
    box.press("Enter")
    page.wait_for_url(f"**{page_url('', language, CHECK_IN)}*#chk-04")
    expect(page.locator("#chk-04")).to_be_in_viewport()


def test_results_keep_materials_look_and_name_the_standard(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "ar"))
    assert search(page, "CHK-04").pages
    item = page.locator(".md-search-result__item").first
    expect(item.locator("article.md-search-result__article h1")).to_be_visible()  # the page
    expect(item.locator("article h2 bdi").first).to_have_text("CHK-04")  # its standard
    expect(item.locator("mark").first).to_be_visible()  # the matched word, highlighted
    meta = page.locator(".md-search-result__meta")
    assert meta.evaluate("el => getComputedStyle(el).direction") == "rtl"
