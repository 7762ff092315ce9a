"""Shared fixtures: the real handbook and a small fixture handbook, each built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.harness import BrowserMissing, launch
from tests.sitebuild import ROOT, build_site

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook built with --strict and HANDBOOK_TODAY=2026-11-25."""
    return build_site(tmp_path_factory.mktemp("handbook"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/small built non-strict (it lacks translations on purpose)."""
    return build_site(tmp_path_factory.mktemp("small"), FIXTURES / "small", strict=False)


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    return ROOT / "standards"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """The one Chromium of the whole run, for tests/browser and tests/security alike.

    Playwright's sync API allows one running instance per thread: a second session-wide
    browser fixture elsewhere would fail with "Sync API inside the asyncio loop".
    A missing browser fails the tests; they never skip silently.
    """
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)
