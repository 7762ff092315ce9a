"""Search beyond the pages' own words, in Chromium: the browser's word keys, typos, partial
matches and the note Material's result count then carries, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from handbook.site.search import EXCLUDED_CLASSES
from handbook.site.searchwords import page_words, search_key
from tests.browser.harness import page_url, search
from tests.browser.queries import CHECK_IN, STAY
from tests.hotel import LANGUAGES, PREFIX
from tests.sitebuild import HOTEL

pytestmark = pytest.mark.browser

LABELS = yaml.safe_load((HOTEL / "standards/labels.yaml").read_text(encoding="utf-8"))

TRICKY = [
    "Gościa", "ŁADOWARKI", "żółć", "Straße", "İstanbul", "CHK-04", "e-mail", "x",
    "والمفتاح", "بالمفتاح", "للنزيل", "فالغرفة", "الحج", "أسانسير", "إيصال", "آخر",
    "مَظَلَّة", "مظـــلة", "ذكرى", "مسؤول", "شاطئ", "ﻻ", "٣", "لل", "ال",
]  # fmt: skip
"""Words where the two implementations could part: marks, ligatures, short words."""


def test_the_browser_files_words_under_the_keys_the_build_uses(
    page: Page, site_url: str, built_site: Path
) -> None:
    words = list(TRICKY)
    for language in LANGUAGES:
        html = (built_site / PREFIX[language] / "phases/check-in/index.html").read_text("utf-8")
        words += page_words(html, EXCLUDED_CLASSES)[1]
    page.goto(site_url)
    page.add_script_tag(url=f"{site_url}assets/search-words.js")
    keys = page.evaluate("words => words.map(w => self.HandbookWords.searchKey(w))", words)
    assert len(words) > 500
    assert [(w, k) for w, k in zip(words, keys, strict=True) if k != search_key(w)] == []


def test_the_browser_files_each_glossary_word_under_its_key(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.add_script_tag(url=f"{site_url}assets/search-words.js")
    concepts = [
        ["gość", "klient", "gość hotelowy"],
        ["karta", "klucz"],
        ["karta płatnicza", "karta"],
    ]
    found = page.evaluate(
        "concepts => Object.fromEntries(self.HandbookWords.synonymMap(concepts))", concepts
    )
    assert found == {
        "gosc": ["gość", "klient", "gość hotelowy"],
        "klient": ["gość", "klient", "gość hotelowy"],
        "gosc hotelowy": ["gość", "klient", "gość hotelowy"],
        "karta": ["karta", "klucz", "karta płatnicza"],  # a word of two concepts: both
        "klucz": ["karta", "klucz"],
        "karta platnicza": ["karta płatnicza", "karta"],
    }


def test_pagefinds_own_matches_count_only_where_a_page_word_shares_most_of_the_word(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    page.add_script_tag(url=f"{site_url}assets/search-words.js")
    cases = {
        "recep": ["reception"],  # typed so far: Pagefind extends it
        "okularami": ["okulary"],  # another ending: 6 of 9 letters shared
        "ringing": ["ring"],  # Pagefind's stem
        "reprint": ["re", "repeat"],  # only a prefix Pagefind falls back on
        "alarm": ["a", "all"],
    }
    found = page.evaluate(
        "cases => Object.entries(cases).map(([k, keys]) => self.HandbookWords.onPages(k, keys))",
        cases,
    )
    assert found == [True, True, True, False, False]


NOTE = ".md-search-result__meta .hb-search-note"


@pytest.mark.parametrize(
    ("language", "typo", "meant", "target"),
    [
        ("en", "greteing", "greeting", CHECK_IN),
        ("pl", "parsaol", "parasol", STAY),
        ("ar", "الترحبي", "الترحيب", CHECK_IN),
    ],
)
def test_a_typo_finds_the_nearest_word_and_says_so(
    page: Page, site_url: str, language: str, typo: str, meant: str, target: str
) -> None:
    page.goto(page_url(site_url, language))
    result = search(page, typo)
    assert result.pages and result.pages[0].endswith(target)
    said = LABELS["search_corrected"][language].replace("{words}", meant)
    assert page.locator(NOTE).inner_text() == said


@pytest.mark.parametrize(
    ("language", "query", "pages"),
    [
        ("en", "umbrella lift", {STAY, CHECK_IN}),
        ("pl", "parasol winda", {STAY, CHECK_IN}),
        ("ar", "مظلة مصعد", {STAY, CHECK_IN}),
    ],
)
def test_words_on_different_pages_list_both_pages_with_a_note(
    page: Page, site_url: str, language: str, query: str, pages: set[str]
) -> None:
    page.goto(page_url(site_url, language))
    result = search(page, query)
    assert set(result.pages[:2]) == {page_url("/", language, want) for want in pages}
    assert page.locator(NOTE).inner_text() == LABELS["search_partial"][language]
    search(page, "CHK-04")  # the next answer has every word: the note goes
    assert page.locator(NOTE).count() == 0


def test_a_word_no_page_has_does_not_match_a_shorter_word_of_the_pages(
    page: Page, site_url: str
) -> None:
    """Pagefind answers a word it lacks with the longest prefix it has: "alarm" with "a",
    "fire" with the "Fi" of "Wi-Fi". Those are not the reader's words."""
    page.goto(site_url)
    raw = page.evaluate(
        """async () => {
             const pagefind = await import("/pagefind/pagefind.js");
             return (await pagefind.search("fire alarm")).results.length;
           }"""
    )
    assert raw > 0  # Pagefind alone lists pages for it
    assert search(page, "fire alarm").pages == []
    assert search(page, "alarm umbrella").pages[0].endswith(STAY)  # the real word still counts
