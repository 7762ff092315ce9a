"""Fixtures of the browser tests: the built handbook served on 127.0.0.1 (the one Chromium
of the run, ``chromium``, is in tests/conftest.py).

A missing browser fails these tests, with or without ``CI=true``: they are the only proof
that search, right-to-left layout and accessibility work, so they never skip silently.
``make test`` installs the system Chromium first (``make browser``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.harness import serve


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of ``built_site``, the hotel fixture."""
    with serve(built_site) as url:
        yield url


@pytest.fixture
def context(chromium: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile per test: no cache, no storage carried over."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
