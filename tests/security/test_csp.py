"""The content security policy: computed right (pure function), present on every page,
enforced by Chromium, and the site still works under it."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from handbook.site.csp import META_NAME, inline_scripts, script_hash, with_policy
from tests.browser.harness import serve, wait_until_search_is_ready
from tests.security.browser import Watch, sentinel_hits, violations

SHELL = (
    '<html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script src="x.js"></script></head><body>CONTENT</body></html>'
)


def shell(content: str = "") -> str:
    return SHELL.replace("CONTENT", content)


_META = re.compile(rf'<meta http-equiv="{META_NAME}" content="([^"]*)">')


def _policy_of(html: str) -> str:
    found = _META.search(html)
    assert found is not None
    return found.group(1).replace("&#x27;", "'")


def test_script_hash_is_the_base64_sha256_of_the_body() -> None:
    digest = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hash("var a=1") == f"'sha256-{digest}'"


def test_only_executable_inline_scripts_are_hashed() -> None:
    assert inline_scripts(shell()) == ["var a=1"]


def test_policy_goes_right_after_the_charset_and_allows_only_the_theme_scripts() -> None:
    content = '<p>text</p><script>window.__pwned=1</script><img src=x onerror="alert(1)">'
    html = with_policy(shell(content), page_content=content)
    assert html.startswith(f'<html><head><meta charset="utf-8"><meta http-equiv="{META_NAME}"')
    policy = _policy_of(html)
    assert f"script-src 'self' {script_hash('var a=1')};" in policy
    assert script_hash("window.__pwned=1") not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "'unsafe-hashes'" not in policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy
    assert "wasm-unsafe-eval" not in policy


def test_a_content_copy_of_a_theme_script_does_not_remove_the_theme_hash() -> None:
    content = "<script>var a=1</script>"
    policy = _policy_of(with_policy(shell(content), page_content=content))
    assert script_hash("var a=1") in policy


def test_pagefind_pages_may_compile_webassembly() -> None:
    html = shell().replace("</head>", '<script src="pagefind/pagefind-ui.js"></script></head>')
    assert "'wasm-unsafe-eval'" in _policy_of(with_policy(html))


def test_webassembly_is_allowed_when_asked_for() -> None:
    assert "'wasm-unsafe-eval'" in _policy_of(with_policy(shell(), allow_webassembly=True))


def test_only_the_offline_copy_allows_any_inline_script() -> None:
    script_src = _policy_of(with_policy(shell(), allow_any_inline_script=True)).split(";")[1]
    assert script_src == " script-src 'self' 'unsafe-inline'"


def test_a_placeholder_meta_is_filled_in_place() -> None:
    html = shell().replace("</head>", f'<meta http-equiv="{META_NAME}" content=""></head>')
    filled = with_policy(html, connect_origins=["https://api.github.com"])
    assert filled.count(META_NAME) == 1
    assert filled.index(META_NAME) > filled.index("x.js")
    assert "connect-src 'self' https://api.github.com" in _policy_of(filled)


@pytest.mark.build
def test_every_built_page_carries_the_policy_before_any_script(built_site: Path) -> None:
    """Including 404.html, which MkDocs renders from a template alone."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count(f'http-equiv="{META_NAME}"') == 1, page
        assert html.index(META_NAME) < html.index("<script"), page
        assert "'wasm-unsafe-eval'" in _policy_of(html), page  # Pagefind's search
        assert "fonts.googleapis.com" not in html, page


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture
def tab(chromium: Browser) -> Iterator[tuple[Page, Watch]]:
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = Watch()
    watch.attach(page)
    yield page, watch
    context.close()


def _no_violation(page: Page, watch: Watch, where: str) -> None:
    assert violations(page) == [], where
    assert watch.policy_messages == [], where
    assert watch.errors == [], where


@pytest.mark.browser
@pytest.mark.parametrize("language", ["", "pl/", "ar/"])
def test_the_site_works_under_its_policy(
    tab: tuple[Page, Watch], site_url: str, language: str
) -> None:
    page, watch = tab
    for path in ("", "phases/check-in/", "reviews/"):
        page.goto(f"{site_url}{language}{path}", wait_until="load")
        assert page.locator(f'meta[http-equiv="{META_NAME}"]').count() == 1
        assert page.locator("a[hreflang='pl']").count() >= 1, path  # language switcher
        _no_violation(page, watch, path)
    wait_until_search_is_ready(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("CHK-01", delay=10)
    page.locator(".md-search-result__item").first.wait_for()
    _no_violation(page, watch, "search")


@pytest.mark.browser
def test_the_policy_blocks_markup_that_escaped_into_a_page(
    tab: tuple[Page, Watch], built_site: Path, tmp_path: Path
) -> None:
    """Second line of defence: were escaping ever to fail, the injected markup still could
    not run, while the page's own scripts keep working."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = site / "phases" / "check-in" / "index.html"
    injected = (
        '<img src="x" onerror="window.__pwned=1"><script>window.__pwned=1</script>'
        '<a id="injected" href="javascript:window.__pwned=1">x</a>'
        "<svg><script>window.__pwned=1</script></svg>"
    )
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("<article", f"{injected}<article", 1), encoding="utf-8")
    page, watch = tab
    with serve(site) as url:
        page.goto(f"{url}phases/check-in/", wait_until="load")
        page.locator("#injected").click()
        page.wait_for_timeout(200)
        assert sentinel_hits(page) == 0
        assert watch.dialogs == []
        assert len(violations(page)) >= 3
        # the theme's own scripts still run: its hashed inline helpers and its bundle
        assert page.evaluate("() => typeof __md_get === 'function'")
        assert page.evaluate("() => typeof document$ === 'object'")
