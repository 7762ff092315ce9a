"""The real MkDocs build: every standard reaches every language, RTL is right, bad data fails."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, PREFIX, hotel_policy
from tests.sitebuild import TEST_TODAY, mkdocs_build, project_copy

pytestmark = pytest.mark.build

FIXTURES = Path(__file__).parent / "fixtures"


def html_of(site: Path, language: str, page: str) -> str:
    return (site / PREFIX[language] / page / "index.html").read_text(encoding="utf-8")


def test_every_standard_appears_in_every_language_with_its_badge(
    built_site: Path, standards_dir: Path
) -> None:
    policy = hotel_policy(date.fromisoformat(TEST_TODAY))
    result = load_handbook(standards_dir, policy, HOTEL_LANGUAGES)
    assert result.handbook is not None
    standards = list(result.handbook.standards())
    assert len(standards) >= 40
    for language in LANGUAGES:
        for phase in result.handbook.phases:
            html = html_of(built_site, language, f"phases/{phase.slug}")
            for standard in phase.standards:
                card = re.search(
                    rf'<article [^>]*data-standard="{standard.id}">.*?</article>', html, re.S
                )
                assert card is not None, (language, standard.id)
                status = policy.status(standard).value
                assert f'id="{standard.anchor}"' in card.group(0)
                assert f"hb-badge--{status}" in card.group(0), (language, standard.id)


def test_hotel_fixture_shows_all_three_badge_states(built_site: Path) -> None:
    pages = "".join(
        p.read_text(encoding="utf-8") for p in (built_site / "phases").glob("*/index.html")
    )
    for status in ("current", "due-soon", "overdue"):
        assert f"hb-badge--{status}" in pages, status


def test_languages_have_their_lang_and_direction(built_site: Path) -> None:
    for language in LANGUAGES:
        html = html_of(built_site, language, "phases/check-in")
        tag = re.search(r"<html [^>]*>", html)
        assert tag is not None
        assert f'lang="{language}"' in tag.group(0)
        assert ('dir="rtl"' in html) is (language == "ar")


def test_language_switcher_links_the_same_page(built_site: Path) -> None:
    html = html_of(built_site, "pl", "phases/check-in")
    switcher = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', html)
    targets = dict((lang, href) for href, lang in switcher)
    assert targets["en"].rstrip("/").endswith("phases/check-in")
    assert targets["ar"].rstrip("/").endswith("ar/phases/check-in")


def test_dates_and_ids_are_localized_and_isolated_in_arabic(built_site: Path) -> None:
    html = html_of(built_site, "ar", "phases/check-in")
    assert "<bdi>CHK-01</bdi>" in html
    assert re.search(
        r'<time datetime="\d{4}-\d\d-\d\d"><bdi>\d+ [\u0600-\u06FF]+ \d{4}</bdi>', html
    )


def test_missing_translation_shows_english_with_a_notice(small_site: Path) -> None:
    for language, notice in (
        ("pl", "Ten tekst nie ma jeszcze tłumaczenia; pokazujemy go w wersji oryginalnej."),
        ("ar", "لم يُترجم هذا النص بعد، لذا يظهر بلغته الأصلية."),
    ):
        html = html_of(small_site, language, "phases/check-in")
        card = re.search(r'data-standard="CHK-02">.*?</article>', html, re.S)
        assert card is not None
        assert "Offer a cold towel on hot days." in card.group(0)
        assert notice in card.group(0)


def test_invalid_data_fails_the_build_with_the_checkers_message(tmp_path: Path) -> None:
    standards = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", standards)
    broken = standards / "check-in.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("level: expected", "level: premium"),
        encoding="utf-8",
    )
    project = project_copy(tmp_path / "project", standards)
    result = mkdocs_build(project, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "standards/check-in.yaml:13:12: error: level 'premium' is not allowed; "
        "use one of: basic, expected, exclusive"
    ) in output
    assert "Traceback" not in output


def test_a_config_without_the_handbook_plugin_fails_with_what_to_add(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - handbook\n" in text
    config.write_text(text.replace("\n  - handbook\n", "\n"), encoding="utf-8")
    result = mkdocs_build(project, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "mkdocs.yml: add '- handbook' as the last entry of plugins:" in output
    assert "Traceback" not in output
