"""Shared fixtures: the hotel and the small fixture handbooks, each built once.

Neither is the handbook shipped at the repository root: ``tests/test_shipped.py`` tests that.
Every test that needs a built site or a browser is marked ``build`` or ``browser`` here, by
the fixtures it uses, so ``make test-fast`` (``-m "not build and not browser"``) leaves them
out; a build or a browser started by an unmarked test fails that run (``tests/fastrun.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from tests.browser.harness import BrowserMissing, launch
from tests.fastrun import HYPOTHESIS_PROFILE
from tests.sitebuild import FIXTURES, HOTEL, TEST_TODAY, build_site, project_copy

settings.register_profile("full", max_examples=200)
settings.register_profile("fast", max_examples=25)
settings.load_profile(HYPOTHESIS_PROFILE)

BUILD_FIXTURES = frozenset({"built_site", "small_site"})
"""Session fixtures that run a full ``mkdocs build``; tests using them are marked ``build``."""
BROWSER_FIXTURES = frozenset({"chromium"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it really uses, fixtures of fixtures included."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/hotel built with --strict and HANDBOOK_TODAY=2026-11-25."""
    return build_site(tmp_path_factory.mktemp("handbook"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/small built non-strict (it lacks translations on purpose)."""
    return build_site(tmp_path_factory.mktemp("small"), FIXTURES / "small", strict=False)


@pytest.fixture
def hotel_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the hotel fixture as the current folder, on the tests' date: the project
    a command-line test runs ``handbook`` in."""
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_TODAY)
    folder = project_copy(tmp_path / "project")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    """The data of ``built_site``: the hotel fixture's standards."""
    return HOTEL / "standards"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """The Chromium of one test module, for tests/browser and tests/security alike.

    Playwright's sync API keeps an asyncio loop running in the test thread while it is open,
    and allows one instance at a time: a second browser fixture would fail with "Sync API
    inside the asyncio loop". Module scope closes it before other modules run;
    a launch costs well under a second. A missing browser fails the tests, never skips.
    """
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the templates Jinja compiles from their source."""
    names: list[str | None] = []
    compile_source = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *args: Any, **kw: Any
    ) -> Any:
        names.append(name)
        return compile_source(self, source, name, *args, **kw)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names
