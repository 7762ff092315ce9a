"""Defence in depth: strings the checker refuses stay inert even if they reach the renderers.

The checker is the first line; a renderer bug must not depend on it. Here a handbook is
built in Python straight from the model (no loader, no checker) with every attack, accepted
and refused, rendered with the site's Markdown extensions into plain pages without any
content security policy, and opened in Chromium: no script, no handler, no dialog, and the
text shows.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page

from handbook.model import Handbook
from handbook.render.overview import levels_side_by_side, sequence
from handbook.render.phase import phase_page
from handbook.render.reviews import recent_changes, review_dashboard
from handbook.render.translations import translation_tables
from handbook.render.view import View
from tests.browser.harness import serve
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_policy
from tests.security.attacks import ACCEPTED, REFUSED, Attack
from tests.security.browser import (
    Watch,
    handler_attributes,
    normalise,
    sentinel_hits,
    unsafe_links,
)
from tests.security.hostile import hostile_model, slug
from tests.sitebuild import TEST_TODAY, project_copy

pytestmark = pytest.mark.browser

ATTACKS: tuple[Attack, ...] = (*REFUSED, *ACCEPTED)
PAGE_RENDERERS: tuple[Callable[[Handbook, View], str], ...] = (
    sequence,
    levels_side_by_side,
    review_dashboard,
    recent_changes,
    translation_tables,
)
"""Every renderer of a whole page section; phase pages are rendered one by one."""

# Elements the renderers and Python-Markdown may produce; anything else came from data.
ALLOWED_TAGS = frozenset(
    {"html", "head", "meta", "title", "body", "section", "article", "div", "p", "span"}
    | {"strong", "em", "code", "bdi", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4"}
    | {"table", "thead", "tbody", "tr", "th", "td", "time", "br", "hr"}
)

SECTION_FIELDS = """(slug) => {
  const section = document.querySelector(`section[data-phase="${slug}"]`);
  const texts = (selector) => [...section.querySelectorAll(selector)].map((e) => e.innerText);
  return {
    heading: texts("h1"), summary: texts(".hb-summary"), step: texts("h2#step-step"),
    quality: texts(".hb-quality"), text: texts(".hb-standard__text"),
    check: texts(".hb-check-text"), owner: texts(".hb-standard__meta > span:first-child"),
  };
}"""


@functools.cache
def _site_extensions() -> tuple[list[Any], dict[str, Any]]:
    """Those of the hotel fixture's mkdocs.yml, read by MkDocs in a copy of the project (its
    plugins and hooks must be there to load)."""
    with tempfile.TemporaryDirectory() as folder:
        project = project_copy(Path(folder) / "project")
        config = load_config(config_file=str(project / "mkdocs.yml"))
        return list(config.markdown_extensions), dict(config.mdx_configs)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions MkDocs gives the real site (its built-in
    toc, tables and fenced_code plus those of mkdocs.yml)."""
    extensions, options = _site_extensions()
    return markdown.Markdown(extensions=extensions, extension_configs=options)


def _view(handbook: Handbook, language: str) -> View:
    return View(
        language,
        hotel_policy(date.fromisoformat(TEST_TODAY)),
        handbook,
        lambda phase, anchor: f"#{anchor or phase}",
    )


def render_language(handbook: Handbook, language: str) -> str:
    """One page holding every renderer's output for ``language``, with no policy or script."""
    view = _view(handbook, language)
    parts = [f"<section>{_html(renderer(handbook, view))}</section>" for renderer in PAGE_RENDERERS]
    parts += [
        f'<section data-phase="{phase.slug}">{_html(phase_page(phase, view))}</section>'
        for phase in handbook.phases
    ]
    direction = "rtl" if HOTEL_LANGUAGES.is_rtl(language) else "ltr"
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>defence in depth</title></head><body>{''.join(parts)}</body></html>"
    )


def _html(text: str) -> str:
    return str(site_markdown().convert(text))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("defence")
    handbook = hostile_model(ATTACKS)
    for language in LANGUAGES:
        (folder / f"{language}.html").write_text(
            render_language(handbook, language), encoding="utf-8"
        )
    with serve(folder) as url:
        yield url


@pytest.fixture
def tab(chromium: Browser) -> Iterator[tuple[Page, Watch]]:
    context = chromium.new_context()
    page = context.new_page()
    watch = Watch()
    watch.attach(page)
    yield page, watch
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_refused_strings_stay_inert_and_visible_when_rendered_directly(
    tab: tuple[Page, Watch], rendered: str, language: str
) -> None:
    page, watch = tab
    page.goto(f"{rendered}{language}.html", wait_until="load")
    assert watch.dialogs == []
    assert watch.errors == []
    assert sentinel_hits(page) == 0
    assert handler_attributes(page) == []
    assert unsafe_links(page) == []
    tags = set(page.evaluate("() => [...document.querySelectorAll('*')].map(e => e.localName)"))
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for number, attack in enumerate(ATTACKS, 1):
        fields: dict[str, list[str]] = page.evaluate(SECTION_FIELDS, slug(number))
        expected = normalise(attack.text)
        shown = {name: [normalise(v.removesuffix("¶")) for v in vs] for name, vs in fields.items()}
        where = (attack.why, language)
        for name in ("heading", "step", "quality"):
            assert shown[name] == [expected], (name, *where)
        assert shown["owner"][0].endswith(f": {expected}"), where
        if attack.verbatim:
            for name in ("summary", "text", "check"):
                assert shown[name] == [expected], (name, *where)
