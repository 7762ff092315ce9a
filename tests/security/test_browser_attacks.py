"""The hostile site in Chromium: no attack runs on any page, and every attack shows as text.

The policy is bypassed here on purpose: escaping alone must keep the pages safe; the
content security policy is a second line, tested in test_csp.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.harness import search
from tests.hotel import PREFIX
from tests.security.attacks import ACCEPTED, Attack
from tests.security.browser import (
    Watch,
    handler_attributes,
    normalise,
    sentinel_hits,
    unsafe_links,
)
from tests.security.hostile import slug

pytestmark = pytest.mark.browser

SITE_NAMES = {
    "en": "Hotel Service Standards",
    "pl": "Standardy obsługi hotelu",
    "ar": "معايير الخدمة في الفندق",
}

FIELDS_SCRIPT = """() => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.innerText);
  return {
    title: [document.title],
    heading: texts("article h1"),
    summary: texts(".hb-summary"),
    step: texts("h2#step-step"),
    quality: texts(".hb-quality"),
    text: texts(".hb-standard__text"),
    check: texts(".hb-check-text"),
    owner: texts(".hb-standard__meta > span:first-child"),
  };
}"""


@pytest.fixture
def watched(chromium: Browser) -> Iterator[tuple[Page, Watch]]:
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
    context.route("https://api.github.com/**", lambda route: route.abort())  # offline
    tab = context.new_page()
    watch = Watch()
    watch.attach(tab)
    yield tab, watch
    context.close()


def _url_of(html: Path, site: Path, base: str) -> str:
    relative = html.relative_to(site).as_posix()
    return base + relative.removesuffix("index.html")


def _assert_inert(tab: Page, watch: Watch, where: str) -> None:
    assert watch.dialogs == [], where
    assert sentinel_hits(tab) == 0, where
    assert handler_attributes(tab) == [], where
    assert unsafe_links(tab) == [], where
    assert watch.errors == [], where


def _shown(values: list[str]) -> list[str]:
    return [normalise(value.removesuffix("¶")) for value in values]


def _assert_fields_show(fields: dict[str, list[str]], attack: Attack, language: str) -> None:
    """Titles, names and steps are plain text; texts and checks show verbatim unless the
    attack uses the documented subset (a real https link, a list)."""
    expected = normalise(attack.text)
    where = (attack.why, language)
    assert _shown(fields["title"]) == [f"{expected} - {SITE_NAMES[language]}"], where
    for name in ("heading", "step", "quality"):
        assert _shown(fields[name]) == [expected], (name, *where)
    assert _shown(fields["owner"])[0].endswith(f": {expected}"), where
    if attack.verbatim:
        for name in ("summary", "text", "check"):
            assert _shown(fields[name]) == [expected], (name, *where)


def _pages_of(site: Path, language: str) -> list[Path]:
    """Every HTML page of one language; English pages are those outside pl/ and ar/."""
    others = {prefix.rstrip("/") for code, prefix in PREFIX.items() if prefix and code != language}
    root = site / PREFIX[language]
    return sorted(
        page for page in root.rglob("*.html") if page.relative_to(site).parts[0] not in others
    )


@pytest.mark.parametrize("language", list(PREFIX))
def test_no_attack_runs_and_every_attack_shows_as_text(
    watched: tuple[Page, Watch], hostile_site: Path, hostile_url: str, language: str
) -> None:
    """Every page of the language is loaded once: nothing ran on it, and on the attack's own
    phase page every field shows the attack as text."""
    tab, watch = watched
    pages = _pages_of(hostile_site, language)
    assert len(pages) > len(ACCEPTED)
    attacks = {f"phases/{slug(n)}/": attack for n, attack in enumerate(ACCEPTED, 1)}
    checked = 0
    for html in pages:
        url = _url_of(html, hostile_site, hostile_url)
        tab.goto(url, wait_until="load")
        _assert_inert(tab, watch, url)
        attack = attacks.get(url.removeprefix(hostile_url + PREFIX[language]))
        if attack is not None:
            _assert_fields_show(tab.evaluate(FIELDS_SCRIPT), attack, language)
            checked += 1
    assert checked == len(ACCEPTED)
    tab.goto(f"{hostile_url}{PREFIX[language]}")
    titles = _shown(tab.locator(".hb-sequence__phase strong").all_inner_texts())
    for attack in ACCEPTED:
        assert normalise(attack.text) in titles, attack.why


@pytest.mark.parametrize(("language", "query"), [("en", "script"), ("ar", "pwned")])
def test_search_results_show_attacks_as_text(
    watched: tuple[Page, Watch], hostile_url: str, language: str, query: str
) -> None:
    """Search snippets are built in the browser from the index: they must stay text, and a
    result's highlighting (search.highlight) must not bring the markup back either."""
    tab, watch = watched
    tab.goto(f"{hostile_url}{PREFIX[language]}")
    search(tab, query)  # waits for Material's answer, however long the page takes to start
    results = tab.locator(".md-search-result__item")
    results.first.wait_for()
    found = tab.eval_on_selector_all(
        ".md-search-result__item > a:first-child",
        "links => links.map(a => [a.pathname, a.querySelector('h1').innerText])",
    )
    titles = {normalise(title) for path, title in found if "/phases/attack-" in path}
    attack_titles = {normalise(attack.text) for attack in ACCEPTED}
    assert titles and titles <= attack_titles, titles - attack_titles
    _assert_inert(tab, watch, f"search results for {query}")
    results.first.locator("a").first.click()
    tab.wait_for_load_state("load")
    assert "h=" in tab.url
    _assert_inert(tab, watch, f"search highlight on {tab.url}")
