"""Hiding the renderers' HTML from Markdown gives the page Markdown itself would have made."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.render.overview import levels_side_by_side, sequence
from handbook.render.phase import phase_page
from handbook.render.reviews import review_dashboard
from handbook.render.view import View
from handbook.site.rawhtml import RawHtml
from tests.hotel import HOTEL_LANGUAGES, hotel_policy

FIXTURE = Path(__file__).parent / "fixtures" / "small"
POLICY = hotel_policy()


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(FIXTURE, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None, result.problems
    return result.handbook


def convert(text: str) -> str:
    """Markdown with the site's extensions (mkdocs.yml: attr_list, toc)."""
    html: str = markdown.markdown(text, extensions=["attr_list", "toc"])
    return html


def pages(handbook: Handbook, language: str) -> list[str]:
    view = View(language, POLICY, handbook, lambda slug, anchor: f"../{slug}/")
    return [
        *(phase_page(phase, view) for phase in handbook.phases),
        sequence(handbook, view),
        levels_side_by_side(handbook, view),
        review_dashboard(handbook, view),
    ]


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_hidden_and_restored_html_is_what_markdown_makes(handbook: Handbook, language: str) -> None:
    stash = RawHtml()
    for page in pages(handbook, language):
        hidden = stash.hide(page)
        assert len(hidden) < len(page)
        restored, _ = stash.restore(convert(hidden))
        assert restored == convert(page)


def test_restore_reports_the_anchors_of_the_hidden_html() -> None:
    stash = RawHtml()
    hidden = stash.hide('# Title\n\n<div id="a"><h3 id="chk-01">x</h3></div>\n\nText')
    html, anchors = stash.restore(convert(hidden))
    assert anchors == {"a", "chk-01"}
    assert '<h3 id="chk-01">x</h3>' in html


def test_only_whole_blocks_between_blank_lines_are_hidden() -> None:
    stash = RawHtml("n0nce")
    text = "Intro\n<div>glued to a paragraph</div>\n\n<span>inline</span>\n\n<div>open"
    assert stash.hide(text) == text


def test_a_placeholder_typed_in_a_page_is_not_replaced() -> None:
    typed = "<p>hbrawguessx0</p>"
    html, anchors = RawHtml("real").restore(typed)
    assert (html, anchors) == (typed, set())
