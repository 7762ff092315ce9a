"""The offline copy (``make site-offline``): read from disk, on a PC without internet.

Material's offline plugin turns off directory URLs, so every link must name an ``.html``
file that exists; nothing may rely on a web server (``folder/`` → ``folder/index.html``) or
on the site's address (an absolute path starts at the disk's root under file://).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from handbook.reading.loader import phase_files
from handbook.site.linkcheck import check_site, read_page
from tests.browser.harness import wait_until_search_is_ready
from tests.hotel import PREFIX
from tests.sitebuild import HOTEL, mkdocs_build, project_copy

PHASES = sorted(p.stem for p in phase_files(HOTEL / "standards"))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What ``make site-offline`` builds: Material's offline plugin, no directory URLs."""
    project = project_copy(tmp_path_factory.mktemp("offline"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HANDBOOK_OFFLINE", "true")
        result = mkdocs_build(project, "--no-directory-urls")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.build
def test_the_offline_copy_links_html_files_that_exist(offline_site: Path) -> None:
    assert len(PHASES) >= 5
    for language in PREFIX:
        for slug in PHASES:
            assert (offline_site / PREFIX[language] / "phases" / f"{slug}.html").is_file()
    html = (offline_site / "pl" / "phases" / "check-in.html").read_text(encoding="utf-8")
    internal = [
        link.split("#")[0]
        for link in read_page(html).links
        if not urlsplit(link).scheme and not link.startswith("#")
    ]
    assert "check-out.html" in internal and "../levels.html" in internal
    assert not [link for link in internal if link.endswith("/")]
    assert check_site(offline_site, directory_index=False) == []


@pytest.mark.build
def test_the_offline_switch_is_off_for_the_published_site(
    offline_site: Path, built_site: Path
) -> None:
    """The offline plugin inlines the search index into a script; only the copy has it."""
    script = offline_site / "search" / "search_index.js"
    assert script.read_text(encoding="utf-8").startswith("var __index = {")
    assert not (built_site / "search" / "search_index.js").exists()
    assert (built_site / "phases" / "check-in" / "index.html").is_file()


@pytest.mark.browser
def test_the_offline_copy_is_read_from_disk_in_a_browser(offline_site: Path, page: Page) -> None:
    """Open file:// pages in Chromium and move between languages and pages by their links."""

    def follow(selector: str) -> tuple[str, str]:
        with page.expect_navigation():
            page.locator(selector).first.evaluate("a => a.click()")  # also in closed menus
        return page.url.removeprefix(offline_site.as_uri()), page.locator("h1").first.inner_text()

    page.goto((offline_site / "pl" / "phases" / "check-in.html").as_uri())
    assert follow("a.md-select__link[hreflang=en]") == ("/phases/check-in.html", "Check-in¶")
    page.goto((offline_site / "index.html").as_uri())
    assert follow("a.md-select__link[hreflang=ar]")[0] == "/ar/index.html"
    url, title = follow(".md-nav--primary a.md-nav__link[href$='levels.html']")
    assert url == "/ar/levels.html" and title.startswith("مستويات")
    header = "getComputedStyle(document.querySelector('.md-header')).position"
    assert page.evaluate(header) == "sticky", "Material's stylesheet did not load"


@pytest.mark.browser
def test_the_offline_copy_searches_from_disk(offline_site: Path, page: Page) -> None:
    """Material's own search runs from disk through the bundled iframe-worker shim, with
    the index of every language (not only the last one built) and nothing from the network."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "pl" / "phases" / "check-in.html").as_uri())
    page.locator(".md-header").first.wait_for()
    page.keyboard.press("/")
    wait_until_search_is_ready(page)
    page.locator("input.md-search__input").press_sequentially("gościa", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    # One snapshot: Material may render the list again while the last letters arrive.
    links: list[str] = results.evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert any(link.startswith("../../pl/phases/") or "/pl/" in link for link in links), links
    assert all(".html" in link for link in links), links
    remote = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
    assert [url for url in remote if "api.github.com" not in url] == []
