"""Review badges and the print stylesheet in a real Chromium, on the built handbook.

The badges are recomputed on the reader's date (the browser's clock is set to a later day
than the build's), stay as built without JavaScript, and a phase page prints as a checklist.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.harness import page_url, serve
from tests.hotel import label
from tests.sitebuild import TEST_DAY, mkdocs_build, project_copy

pytestmark = pytest.mark.browser

READER_DAY = date(2027, 3, 1)
"""A day after the build's HANDBOOK_TODAY (2026-11-25): some badges must change."""

BADGES = """() => [...document.querySelectorAll(".hb-badge")].map((b) => ({
  next: b.dataset.nextReview,
  days: Number(b.dataset.dueSoonDays),
  classes: [...b.classList].filter((c) => c.startsWith("hb-badge--")),
  word: b.querySelector(".hb-badge__word").textContent,
}))"""


def expected_status(next_review: str, due_soon_days: int, today: date) -> str:
    due = date.fromisoformat(next_review)
    if due < today:
        return "overdue"
    return "due-soon" if due <= today + timedelta(days=due_soon_days) else "current"


@pytest.mark.parametrize(("language", "path"), [("pl", "phases/check-in/"), ("ar", "reviews/")])
def test_badges_follow_the_readers_date_in_the_pages_language(
    page: Page, site_url: str, language: str, path: str
) -> None:
    page.clock.set_fixed_time(datetime(READER_DAY.year, READER_DAY.month, READER_DAY.day, 12))
    page.goto(page_url(site_url, language, path))
    badges = page.evaluate(BADGES)
    assert badges
    for badge in badges:
        status = expected_status(badge["next"], badge["days"], READER_DAY)
        assert badge["classes"] == [f"hb-badge--{status}"], badge
        assert badge["word"] == label(language, status), badge


def test_badges_keep_the_build_status_without_javascript(chromium: Browser, site_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(page_url(site_url, "en", "phases/check-in/"))
    badges = page.locator(".hb-badge")
    assert badges.count() > 0
    changed = 0
    for index in range(badges.count()):
        badge = badges.nth(index)
        next_review = badge.get_attribute("data-next-review") or ""
        days = int(badge.get_attribute("data-due-soon-days") or 0)
        built = expected_status(next_review, days, TEST_DAY)
        assert f"hb-badge--{built}" in (badge.get_attribute("class") or "")
        changed += built != expected_status(next_review, days, READER_DAY)
    assert changed > 0  # so the test above really shows a difference
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_phase_page_prints_as_a_checklist(page: Page, site_url: str, language: str) -> None:
    page.goto(page_url(site_url, language, "phases/check-in/"))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".hb-badge").first.is_visible()
    assert page.locator(".hb-standard__check").first.is_visible()
    card = page.locator(".hb-standard").first
    assert card.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"
    direction = card.evaluate("(e) => getComputedStyle(e).direction")
    assert direction == ("rtl" if language == "ar" else "ltr")
    title = page.locator(".hb-standard__title").first
    assert title.evaluate("(e) => getComputedStyle(e, '::before').borderTopStyle") == "solid"


def test_badges_are_recomputed_after_instant_navigation(
    chromium: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Material's instant navigation the page changes without loading the script again.

    Instant navigation only follows links of the site's own address (from its sitemap), so
    the site is built for the address of the local server that serves it.
    """
    project = project_copy(tmp_path / "instant")
    config = project / "mkdocs.yml"
    features = "  features:\n"
    text = config.read_text(encoding="utf-8")
    assert text.count(features) == 1
    config.write_text(
        text.replace(features, features + "    - navigation.instant\n"), encoding="utf-8"
    )
    (project / "site").mkdir()
    with serve(project / "site") as local:
        monkeypatch.setenv("HANDBOOK_SITE_URL", local)
        # not strict: mkdocs-static-i18n warns that its language switcher and instant
        # navigation do not mix, which is why the handbook itself leaves instant off
        result = mkdocs_build(project, strict=False)
        assert result.returncode == 0, result.stderr
        context = chromium.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(datetime(READER_DAY.year, READER_DAY.month, READER_DAY.day, 12))
        page.goto(page_url(local, "pl"))
        page.evaluate("() => { window.handbookSamePage = true; }")
        page.locator(".hb-sequence a[href*='check-in']").first.click()
        page.wait_for_url("**/pl/phases/check-in/")
        page.locator(".hb-badge").first.wait_for()
        assert page.evaluate("() => window.handbookSamePage === true")  # no full reload
        for badge in page.evaluate(BADGES):
            status = expected_status(badge["next"], badge["days"], READER_DAY)
            assert badge["classes"] == [f"hb-badge--{status}"], badge
            assert badge["word"] == label("pl", status), badge
        context.close()
