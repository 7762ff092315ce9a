"""Phase pages reused between the builds of one preview while nothing they show changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from handbook.model import Handbook, Phase
from handbook.model.audits import Audit, AuditResult, Result
from handbook.model.scores import ScorePolicy, score
from handbook.reading.loader import load_handbook
from handbook.render import reuse
from handbook.render.fragments import Templates
from handbook.render.phase import phase_page
from handbook.render.reuse import PhasePages
from handbook.render.view import View
from tests.hotel import HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import HOTEL


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(HOTEL / "standards", hotel_policy(), HOTEL_LANGUAGES)
    assert result.handbook is not None, result.problems
    return result.handbook


def view_of(handbook: Handbook, language: str = "en", custom_dir: Path | None = None) -> View:
    templates = Templates(custom_dir)
    return View(language, hotel_policy(), handbook, lambda slug, anchor: "", templates=templates)


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (phase, language) of each page rendered from scratch."""
    calls: list[tuple[str, str]] = []

    def counting(phase: Phase, view: View) -> str:
        calls.append((phase.slug, view.language))
        return phase_page(phase, view)

    monkeypatch.setattr(reuse, "phase_page", counting)
    return calls


def test_an_unchanged_phase_is_rendered_once(
    handbook: Handbook, rendered: list[tuple[str, str]]
) -> None:
    pages = PhasePages()
    phase = handbook.phase("check-in")
    first = pages.page(phase, view_of(handbook))
    # The next build loads the handbook again: equal, not the same objects.
    again = load_handbook(HOTEL / "standards", hotel_policy(), HOTEL_LANGUAGES).handbook
    assert again is not None and again.labels is not handbook.labels
    assert pages.page(again.phase("check-in"), view_of(again)) == first
    assert first == phase_page(phase, view_of(handbook))
    assert rendered == [("check-in", "en")]


def test_an_edited_phase_another_language_or_date_is_rendered_again(
    handbook: Handbook, rendered: list[tuple[str, str]]
) -> None:
    pages = PhasePages()
    phase = handbook.phase("check-in")
    pages.page(phase, view_of(handbook))
    edited = replace(phase, standards=phase.standards[1:])
    assert pages.page(edited, view_of(handbook)) == phase_page(edited, view_of(handbook))
    pages.page(phase, view_of(handbook, "pl"))
    later = replace(view_of(handbook), policy=replace(hotel_policy(), today=date(2030, 1, 1)))
    pages.page(phase, later)
    assert rendered == [
        ("check-in", "en"),
        ("check-in", "en"),
        ("check-in", "pl"),
        ("check-in", "en"),
    ]


def test_a_new_override_of_a_card_template_renders_the_page_again(
    handbook: Handbook, rendered: list[tuple[str, str]], tmp_path: Path
) -> None:
    pages = PhasePages()
    phase = handbook.phase("check-in")
    pages.page(phase, view_of(handbook, custom_dir=tmp_path))
    override = tmp_path / "handbook" / "standard-card.html"
    override.parent.mkdir()
    override.write_text('<article class="mine">{{ standard.id }}</article>', encoding="utf-8")
    page = pages.page(phase, view_of(handbook, custom_dir=tmp_path))
    assert '<article class="mine">' in page
    assert len(rendered) == 2


def test_a_changed_audit_result_renders_the_page_again(
    handbook: Handbook, rendered: list[tuple[str, str]]
) -> None:
    """An audit file edited under ``mkdocs serve`` changes the cards' audit lines."""
    passing = (AuditResult("CHK-01", Result.PASS),)
    first = Audit("a", date(2026, 11, 1), "internal", "Team", "", passing, "a.yaml")
    second = replace(first, results=(AuditResult("CHK-01", Result.FAIL),))
    noted = replace(first, results=(AuditResult("CHK-01", Result.PASS, "a note"),))
    pages = PhasePages()
    phase = handbook.phase("check-in")

    def scored(audit: Audit) -> View:
        audited = replace(handbook, audits=(audit,))
        scores = score(audited, ScorePolicy(hotel_policy().today))
        return replace(view_of(audited), scores=scores)

    passed = pages.page(phase, scored(first))
    assert pages.page(phase, scored(noted)) == passed  # a note is not on the card: reused
    failed = pages.page(phase, scored(second))
    assert "(pass)" in passed and "(fail)" in failed
    assert rendered == [("check-in", "en"), ("check-in", "en")]
