"""The built handbook as a reader sees it: language switcher, right-to-left Arabic, badges."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.harness import page_url
from tests.browser.queries import CHECK_IN
from tests.hotel import label

pytestmark = pytest.mark.browser

STATUSES = ("current", "due-soon", "overdue")


@pytest.mark.parametrize(("start", "target"), [("pl", "en"), ("en", "ar"), ("ar", "pl")])
def test_language_switcher_opens_the_same_page_in_the_other_language(
    page: Page, site_url: str, start: str, target: str
) -> None:
    page.goto(page_url(site_url, start, CHECK_IN))
    page.locator(".md-select").hover()  # Material opens the language list on hover/focus
    page.locator(f".md-select a[hreflang={target}]").click()
    page.wait_for_url(page_url(site_url, target, CHECK_IN))
    assert page.locator("html").get_attribute("lang") == target
    expect(page.locator("#chk-01")).to_be_attached()


def test_arabic_pages_are_laid_out_right_to_left(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "ar", CHECK_IN))
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("body").get_attribute("dir") == "rtl"  # where Material writes it
    for selector in ("body", "article.md-content__inner", ".hb-standard__text"):
        assert _direction(page.locator(selector).first) == "rtl", selector
    # The navigation sits on the right in right-to-left: the sidebar starts right of the text.
    content = page.locator("article.md-content__inner").bounding_box()
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    assert content is not None and sidebar is not None
    assert sidebar["x"] > content["x"]


def _direction(element: Locator) -> str:
    return str(element.evaluate("el => getComputedStyle(el).direction"))


# x of the first and of the last character of an element's text, as laid out on screen.
_CHARACTER_X = """el => {
  const text = el.firstChild, range = document.createRange();
  const x = (i) => { range.setStart(text, i); range.setEnd(text, i + 1);
                     return range.getBoundingClientRect().x; };
  return [x(0), x(text.length - 1)];
}"""


def test_ids_inside_arabic_read_left_to_right(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "ar", CHECK_IN))
    identifier = page.locator("#chk-01 bdi")
    expect(identifier).to_have_text("CHK-01")
    assert _direction(identifier) == "ltr"  # <bdi> takes the direction of its own text
    first, last = identifier.evaluate(_CHARACTER_X)
    assert first < last, "the ID is drawn reversed"


def test_dates_inside_arabic_keep_their_order(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "ar", CHECK_IN))
    date = page.locator("#chk-01 ~ .hb-standard__badge time bdi").first
    day, month, year = date.inner_text().split(" ")
    assert day.isdigit() and year.isdigit() and not month.isascii()
    # Right to left: the day (first in the text) is drawn right of the year (last).
    first, last = date.evaluate(_CHARACTER_X)
    assert first > last, "the date's parts are out of order"


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_review_badges_are_visible_with_their_words(
    page: Page, site_url: str, language: str
) -> None:
    page.goto(page_url(site_url, language, CHECK_IN))
    badges = page.locator(".hb-badge")
    assert badges.count() > 0
    for index in range(badges.count()):
        badge = badges.nth(index)
        expect(badge).to_be_visible()
        classes = (badge.get_attribute("class") or "").split()
        status = next(s for s in STATUSES if f"hb-badge--{s}" in classes)
        word = badge.locator(".hb-badge__word")
        expect(word).to_be_visible()
        # The word says the status (colour only repeats it); CSS may upper-case it.
        assert word.inner_text().casefold() == label(language, status).casefold()
