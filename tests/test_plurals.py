"""Every count the handbook prints takes the form its number needs, in every language.

The tables are written by hand from the CLDR plural rules, not computed by the code under
test: Polish one is 1 only; few is 2-4, 22-24, 32-34… but not 12-14; many is 0, 5-21,
25-31…, and 101 (it ends in 1 but is not 1). Arabic zero is 0, one 1, two 2, few 3-10 (and
103-110), many 11-99, other 100-102. English one is 1, other every other number.
"""

from __future__ import annotations

import pytest

from handbook.model import Handbook, Vocabulary
from handbook.model.languages import plural_category
from handbook.reading.labels import COUNTS
from handbook.render.view import View
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_labels
from tests.starterkit import POLICY

NUMBERS = (0, 1, 2, 3, 5, 11, 22, 100, 101)

CATEGORIES = {
    "en": ("other", "one", "other", "other", "other", "other", "other", "other", "other"),
    "pl": ("many", "one", "few", "few", "many", "many", "few", "many", "many"),
    "ar": ("zero", "one", "two", "few", "few", "many", "many", "other", "other"),
}
"""The CLDR category of each of NUMBERS, per language."""

STANDARDS = {
    "en": (
        "0 standards",
        "1 standard",
        "2 standards",
        "3 standards",
        "5 standards",
        "11 standards",
        "22 standards",
        "100 standards",
        "101 standards",
    ),
    "pl": (
        "0 standardów",
        "1 standard",
        "2 standardy",
        "3 standardy",
        "5 standardów",
        "11 standardów",
        "22 standardy",
        "100 standardów",
        "101 standardów",
    ),
    "ar": (
        "لا معايير",
        "معيار واحد",
        "معياران",
        "3 معايير",
        "5 معايير",
        "11 معيارًا",
        "22 معيارًا",
        "100 معيار",
        "101 معيار",
    ),
}
"""``standards_count`` of the hotel fixture, as a reader must see it."""

CURRENT = {
    "en": tuple(f"{n} current" for n in NUMBERS),
    "pl": (
        "0 aktualnych",
        "1 aktualny",
        "2 aktualne",
        "3 aktualne",
        "5 aktualnych",
        "11 aktualnych",
        "22 aktualne",
        "100 aktualnych",
        "101 aktualnych",
    ),
    "ar": (
        "0 معيار سارٍ",
        "1 معيار سارٍ",
        "2 معياران ساريان",
        "3 معايير سارية",
        "5 معايير سارية",
        "11 معيارًا ساريًا",
        "22 معيارًا ساريًا",
        "100 معيار سارٍ",
        "101 معيار سارٍ",
    ),
}
"""``current_count`` of the hotel fixture: the adjective agrees with the number too."""


def view(language: str) -> View:
    handbook = Handbook((), Vocabulary({}, {}), hotel_labels(), HOTEL_LANGUAGES)
    return View(language, POLICY, handbook, lambda slug, anchor: slug)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_number_falls_in_its_cldr_category(language: str) -> None:
    assert tuple(plural_category(language, n) for n in NUMBERS) == CATEGORIES[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phase_count_takes_the_form_of_its_number(language: str) -> None:
    assert (
        tuple(view(language).count("standards_count", n) for n in NUMBERS) == (STANDARDS[language])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_review_count_takes_the_form_of_its_number(language: str) -> None:
    assert tuple(view(language).count("current_count", n) for n in NUMBERS) == CURRENT[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_count_has_a_form_per_category_of_every_language(language: str) -> None:
    """No count falls back to another category's form, or to the English forms."""
    for key in COUNTS:
        forms = hotel_labels().counts[key].forms[language]
        assert set(forms) == {*CATEGORIES[language], "other"}, key  # Polish other: 1.5


def test_a_dashboard_count_keeps_its_number_in_bold() -> None:
    assert view("pl").count_html("overdue_count", 1234) == "<strong>1\xa0234</strong> po terminie"
