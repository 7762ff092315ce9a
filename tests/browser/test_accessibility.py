"""axe-core on the pages staff use most, in every language: no serious or critical issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.harness import page_url, search
from tests.browser.queries import CHECK_IN
from tests.hotel import PREFIX

pytestmark = pytest.mark.browser

BLOCKING = frozenset({"serious", "critical"})
PAGES = {"home": "", "phase": CHECK_IN, "dashboard": "reviews/"}


def blocking_violations(page: Page) -> list[str]:
    """One line per serious or critical axe violation: rule, impact and where it is."""
    response: dict[str, Any] = Axe().run(page).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("language", list(PREFIX))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(
    page: Page, site_url: str, built_site: Path, language: str, name: str
) -> None:
    path = PAGES[name]
    if not (built_site / PREFIX[language] / path / "index.html").is_file():
        pytest.fail(f"{name} page {path!r} is missing from the {language} site")
    page.goto(page_url(site_url, language, path))
    assert blocking_violations(page) == []


@pytest.mark.parametrize(("language", "query"), [("en", "greeted"), ("ar", "رحب")])
def test_open_search_results_have_no_serious_violation(
    page: Page, site_url: str, language: str, query: str
) -> None:
    page.goto(page_url(site_url, language))
    assert search(page, query).pages
    assert blocking_violations(page) == []
