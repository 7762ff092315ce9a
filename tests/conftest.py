"""Shared fixtures: the hotel and the small fixture handbooks, each built once.

Neither is the handbook shipped at the repository root: ``tests/test_shipped.py`` tests that.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.harness import BrowserMissing, launch
from tests.sitebuild import FIXTURES, HOTEL, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/hotel built with --strict and HANDBOOK_TODAY=2026-11-25."""
    return build_site(tmp_path_factory.mktemp("handbook"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/small built non-strict (it lacks translations on purpose)."""
    return build_site(tmp_path_factory.mktemp("small"), FIXTURES / "small", strict=False)


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    """The data of ``built_site``: the hotel fixture's standards."""
    return HOTEL / "standards"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """The Chromium of one test module, for tests/browser and tests/security alike.

    Playwright's sync API keeps an asyncio loop running in the test thread while it is open,
    and allows one instance at a time: a second browser fixture would fail with "Sync API
    inside the asyncio loop", and an in-process build (Pagefind's asyncio.run) with "cannot
    be called from a running event loop". Module scope closes it before other modules run;
    a launch costs well under a second. A missing browser fails the tests, never skips.
    """
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)
