"""Renderers: the small fixture handbook in, the page Markdown/HTML out."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.render.overview import levels_side_by_side, sequence
from handbook.render.phase import phase_page
from handbook.render.reviews import review_dashboard
from handbook.render.view import View, md_text
from tests.hotel import HOTEL_LANGUAGES, hotel_policy

FIXTURE = Path(__file__).parent / "fixtures" / "small"
GOLDEN = Path(__file__).parent / "golden"
POLICY = hotel_policy()


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(FIXTURE, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None, result.problems
    return result.handbook


def view(handbook: Handbook, language: str) -> View:
    def link(slug: str, anchor: str | None) -> str:
        return f"phases/{slug}/" + (f"#{anchor}" if anchor else "")

    return View(language, POLICY, handbook, link)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phase_page_matches_reviewed_golden_file(handbook: Handbook, language: str) -> None:
    """The golden files were read line by line once; set UPDATE_GOLDEN=1 to rewrite them."""
    page = phase_page(handbook.phase("check-in"), view(handbook, language))
    golden = GOLDEN / f"check-in.{language}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_card_shows_every_part_of_a_standard(handbook: Handbook) -> None:
    page = phase_page(handbook.phase("check-in"), view(handbook, "pl"))
    card = re.search(r'<article [^\n]*data-standard="CHK-01".*?</article>', page)
    assert card is not None
    html = card.group(0)
    for expected in (
        'id="chk-01"',
        "Kontakt osobisty",
        "Oczekiwany",
        "Przywitaj gościa w ciągu 30 sekund.",
        "Jak sprawdzić",
        "Czas od przyjścia do powitania.",
        "Kierownik recepcji",
        "1 października 2026",
        "hb-badge--current",
        "Aktualny",
        "przegląd do",
        "1 października 2027",
    ):
        assert expected in html, expected


def test_missing_translation_falls_back_to_marked_english(handbook: Handbook) -> None:
    page = phase_page(handbook.phase("check-in"), view(handbook, "ar"))
    card = re.search(r'<article [^\n]*data-standard="CHK-02".*?</article>', page)
    assert card is not None
    assert '<div class="hb-standard__text" lang="en" dir="ltr"><p>Offer a cold towel' in (
        card.group(0)
    )
    assert card.group(0).count("لم يُترجم هذا النص بعد، لذا يظهر بلغته الأصلية.") == 2


def test_each_step_lists_its_qualities_in_the_readers_language(handbook: Handbook) -> None:
    page = phase_page(handbook.phase("check-in"), view(handbook, "pl"))
    assert "## Powitanie przy recepcji {#step-greeting}" in page
    assert (
        '<span class="hb-quality">Życzliwość</span> <span class="hb-quality">Szybkość</span>'
        in (page)
    )


def test_sequence_lists_principles_then_phases_in_order(handbook: Handbook) -> None:
    html = sequence(handbook, view(handbook, "en"))
    assert html.index("Principles") < html.index("Check-in")
    assert '<a href="phases/check-in/"><span class="hb-sequence__number">1</span>' in html


def test_levels_page_puts_each_standard_in_its_level_column(handbook: Handbook) -> None:
    html = levels_side_by_side(handbook, view(handbook, "en"))
    row = html[html.index("{#levels-check-in}") :]
    cells = re.findall(r"<td>(.*?)</td>", row)[:3]
    assert "No standard at this level yet." in cells[0]
    assert "CHK-01" in cells[1]
    assert "CHK-02" in cells[2]


def test_markdown_text_cannot_inject_markup() -> None:
    assert md_text("A *b* <i>c</i> {#x} [l](u)") == (
        r"A \*b\* &lt;i&gt;c&lt;/i&gt; \{\#x\} \[l\]\(u\)"
    )


def test_review_dashboard_matches_reviewed_golden_file(handbook: Handbook) -> None:
    """The dashboard of the small fixture; set UPDATE_GOLDEN=1 to rewrite the file."""
    page = review_dashboard(handbook, view(handbook, "ar"))
    golden = GOLDEN / "reviews.ar.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")
