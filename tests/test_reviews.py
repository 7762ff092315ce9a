"""Review lists and pages: the dashboard, the home summary, "what changed", and their URLs."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from handbook.model import Handbook, Level, Phase, Standard, StandardType, Step, Text, Vocabulary
from handbook.model.languages import native_name
from handbook.model.review import ReviewPolicy, ReviewStatus, count_by_status, review_list
from handbook.render.reviews import changed_since, recent_changes, review_dashboard, review_summary
from handbook.render.standard import badge
from handbook.render.urls import page_path, relative_url
from handbook.render.view import View
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_labels
from tests.sitebuild import TEST_DAY

TODAY = TEST_DAY
POLICY = ReviewPolicy(TODAY, due_soon_days=30, review_months=12)


def text(en: str, pl: str | None = None, ar: str | None = None) -> Text:
    given = {"en": en, "pl": pl, "ar": ar}
    return Text({k: v for k, v in given.items() if v is not None}, "en")


def standard(id: str, phase: str, owner: str, reviewed: date, months: int = 12) -> Standard:
    return Standard(
        id,
        phase,
        "step",
        StandardType.PERSONAL,
        Level.BASIC,
        owner,
        reviewed,
        months,
        text(f"Text of {id}.", f"Tekst {id}."),
        text(f"Check of {id}."),
    )


STANDARDS = {
    "PRI-01": standard("PRI-01", "principles", "gm", date(2025, 11, 20)),  # due 11-20: overdue
    "CHK-01": standard("CHK-01", "check-in", "fom", date(2025, 12, 1)),  # 12-01: due soon
    "CHK-02": standard("CHK-02", "check-in", "fom", date(2026, 10, 1)),  # 2027: current
    "CHK-03": standard("CHK-03", "check-in", "fom", date(2025, 11, 1)),  # 11-01: overdue
    "CHK-04": standard("CHK-04", "check-in", "hk", date(2026, 6, 20), 6),  # 12-20: due soon
    "CHK-05": standard("CHK-05", "check-in", "fom", date(2026, 8, 27)),  # 90 days ago
    "CHK-06": standard("CHK-06", "check-in", "fom", date(2026, 8, 26)),  # 91 days ago
}


def phase(slug: str, order: int, title: Text, principles: bool = False) -> Phase:
    return Phase(
        slug,
        order,
        title,
        text(f"About {slug}."),
        (Step("step", text("A step"), ()),),
        tuple(s for s in STANDARDS.values() if s.phase == slug),
        f"standards/{slug}.yaml",
        principles,
    )


HANDBOOK = Handbook(
    (
        phase("check-in", 1, text("Check-in", "Zameldowanie", "تسجيل الوصول")),
        phase("principles", 0, text("Principles", "Zasady"), principles=True),
    ),
    Vocabulary(
        qualities={},
        owners={
            "gm": text("General manager", "Dyrektor generalny"),
            "fom": text("Front office manager", "Kierownik recepcji"),
            "unused": text("Nobody"),
            "hk": text("Housekeeping <manager>", "Kierownik służby pięter"),
        },
    ),
    hotel_labels(),
    HOTEL_LANGUAGES,
)


def view(language: str = "en", to_root: str = "../") -> View:
    def link(slug: str, anchor: str | None) -> str:
        return f"../phases/{slug}/" + (f"#{anchor}" if anchor else "")

    return View(language, POLICY, HANDBOOK, link, to_root=to_root)


def ids(html: str) -> list[str]:
    return re.findall(r"<bdi>([A-Z]+-\d+)</bdi>", html)


def test_review_list_puts_overdue_first_then_due_soon_then_current() -> None:
    dues = review_list(HANDBOOK.standards(), POLICY)
    assert [d.standard.id for d in dues] == [
        "CHK-03",  # overdue since 1 November
        "PRI-01",  # overdue since 20 November
        "CHK-01",  # due 1 December
        "CHK-04",  # due 20 December (6-month interval)
        "CHK-06",
        "CHK-05",
        "CHK-02",
    ]
    assert [d.status for d in dues][:4] == [ReviewStatus.OVERDUE] * 2 + [ReviewStatus.DUE_SOON] * 2


def test_count_by_status_names_every_status_even_when_zero() -> None:
    assert count_by_status([]) == {status: 0 for status in ReviewStatus}
    counts = count_by_status(review_list(HANDBOOK.standards(), POLICY))
    assert list(counts.items()) == [
        (ReviewStatus.OVERDUE, 2),
        (ReviewStatus.DUE_SOON, 2),
        (ReviewStatus.CURRENT, 3),
    ]


def test_dashboard_counts_every_status_and_the_total() -> None:
    html = review_dashboard(HANDBOOK, view())
    top = html[: html.index("## Downloads")]
    assert re.findall(r"<strong>(\d+)</strong> ([\w ]+)</li>", top) == [
        ("2", "overdue"),
        ("2", "due soon"),
        ("3", "current"),
        ("7", "in total"),
    ]
    assert 'Status on <time datetime="2026-11-25">' in top


def test_dashboard_has_a_section_per_owner_in_vocabulary_order_most_urgent_first() -> None:
    html = review_dashboard(HANDBOOK, view())
    headings = re.findall(r"^### (.*) \{#owner-([a-z]+)\}$", html, re.M)
    assert headings == [
        ("General manager", "gm"),
        ("Front office manager", "fom"),
        (r"Housekeeping &lt;manager&gt;", "hk"),
    ]
    front_office = html[html.index("{#owner-fom}") : html.index("{#owner-hk}")]
    assert ids(front_office) == ["CHK-03", "CHK-01", "CHK-06", "CHK-05", "CHK-02"]
    assert re.findall(r'<tr data-status="([a-z-]+)">', front_office) == [
        "overdue",
        "due-soon",
        "current",
        "current",
        "current",
    ]


def test_dashboard_rows_show_owner_dates_status_and_link_to_the_standard() -> None:
    html = review_dashboard(HANDBOOK, view("pl"))
    row = re.search(r'<tr data-status="overdue"><td><a [^>]*#chk-03.*?</tr>', html)
    assert row is not None
    assert '<a class="hb-standard__id" href="../phases/check-in/#chk-03">' in row.group(0)
    for expected in (
        "<td>Tekst CHK-03.</td>",
        "<td>Zameldowanie</td>",
        '<time datetime="2025-11-01"><bdi>1 listopada 2025</bdi></time>',
        '<time datetime="2026-11-01"><bdi>1 listopada 2026</bdi></time>',
        '<span class="hb-badge__word">Po terminie</span>',
    ):
        assert expected in row.group(0), expected
    assert "### Kierownik recepcji {#owner-fom}" in html


def test_dashboard_marks_english_fallback_text_in_a_table_cell() -> None:
    html = review_dashboard(HANDBOOK, view("ar"))
    assert '<td><span lang="en" dir="ltr">Text of CHK-03.</span></td>' in html


def test_dashboard_counts_per_phase_link_to_the_phase_pages() -> None:
    html = review_dashboard(HANDBOOK, view())
    table = html[html.index("{#by-phase}") : html.index("{#by-owner}")]
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th>(.*?)</tr>', table)
    assert [(href, title) for href, title, _ in rows] == [
        ("../phases/principles/", "Principles"),
        ("../phases/check-in/", "Check-in"),
    ]
    assert re.findall(r">(\d+)</td>", rows[1][2]) == ["1", "2", "3", "6"]


def test_dashboard_links_the_exports_at_the_site_root() -> None:
    html = review_dashboard(HANDBOOK, view("ar", to_root="../../"))
    downloads = html[html.index("{#downloads}") : html.index("{#by-phase}")]
    assert re.findall(r'href="([^"]+)"', downloads) == [
        "../../reviews.ics",
        "../../standards.json",
        "../../standards-en.csv",
        "../../standards-pl.csv",
        "../../standards-ar.csv",
    ]
    assert '<bdi lang="pl">Polski</bdi>' in downloads


def test_home_summary_shows_the_counts_and_links_to_the_dashboard() -> None:
    html = review_summary(HANDBOOK, view("pl", to_root=""), "reviews/")
    assert '<a class="hb-review-summary__link" href="reviews/">Otwórz panel przeglądów</a>' in html
    assert "<strong>2</strong> po terminie" in html
    assert "<strong>3</strong> aktualne" in html, "the words agree with the number"
    assert "<strong>7</strong> łącznie" in html


def test_table_badge_has_no_date_but_every_word_for_the_script() -> None:
    html = badge(STANDARDS["CHK-01"], view("pl"), with_date=False)
    assert "hb-badge__date" not in html
    assert 'data-next-review="2026-12-01" data-due-soon-days="30"' in html
    assert 'data-word-overdue="Po terminie"' in html
    assert 'data-word-due-soon="Przegląd wkrótce"' in html
    assert 'data-word-current="Aktualny"' in html
    assert '<span class="hb-badge__word">Przegląd wkrótce</span>' in html


def test_recent_changes_lists_the_window_newest_first() -> None:
    html = recent_changes(HANDBOOK, view(), days=90)
    assert ids(html) == ["CHK-02", "CHK-05"]  # 26 August is 91 days back: left out
    assert 'Reviewed since <time datetime="2026-08-27">' in html


def test_recent_changes_says_so_when_nothing_changed() -> None:
    html = recent_changes(HANDBOOK, view("pl"), days=7)
    assert html.startswith('<p class="hb-empty">Od <time datetime="2026-11-18">')
    assert "<table>" not in html


def test_changed_since_ignores_dates_after_today_and_breaks_ties_by_id() -> None:
    same_day = [
        standard("B-2", "x", "o", TODAY),
        standard("B-1", "x", "o", TODAY),
        standard("C-1", "x", "o", TODAY + timedelta(days=1)),
    ]
    found = changed_since(same_day, TODAY - timedelta(days=1), TODAY)
    assert [s.id for s in found] == ["B-1", "B-2"]


@pytest.mark.parametrize(
    ("doc", "language", "directory_urls", "expected"),
    [
        ("reviews.md", "en", True, "reviews/"),
        ("reviews.md", "pl", True, "pl/reviews/"),
        ("reviews.md", "ar", False, "ar/reviews.html"),
        ("index.md", "en", True, ""),
        ("index.md", "pl", True, "pl/"),
        ("phases/check-in.md", "ar", True, "ar/phases/check-in/"),
    ],
)
def test_page_path_follows_the_i18n_layout(
    doc: str, language: str, directory_urls: bool, expected: str
) -> None:
    assert page_path(doc, language, "en", directory_urls) == expected


@pytest.mark.parametrize(
    ("target", "here", "expected"),
    [
        ("pl/reviews/", "pl/", "reviews/"),
        ("reviews/", "", "reviews/"),
        ("pl/phases/stay/", "pl/phases/check-in/", "../stay/"),
        ("reviews.ics", "pl/reviews/", "../../reviews.ics"),
        ("reviews.ics", "", "reviews.ics"),
        ("", "ar/reviews/", "../../"),
        ("", "", "./"),
        ("ar/phases/stay.html", "ar/reviews.html", "phases/stay.html"),
    ],
)
def test_relative_url_links_between_site_paths(target: str, here: str, expected: str) -> None:
    assert relative_url(target, here) == expected


def test_language_names_are_their_own() -> None:
    assert [native_name(lang) for lang in LANGUAGES] == ["English", "Polski", "العربية"]
