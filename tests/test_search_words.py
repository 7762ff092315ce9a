"""The word files the search worker reads: keys, page words, glossary words, notes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from handbook.model.glossary import Concept, Glossary, Term
from handbook.site.search import EXCLUDED_CLASSES
from handbook.site.searchwords import (
    page_words,
    search_key,
    shorter_keys,
    synonyms,
    word_groups,
)
from tests.hotel import LANGUAGES, PREFIX


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Gościa", "goscia"),  # Polish diacritics folded by decomposition
        ("ŁADOWARKI", "ladowarki"),  # ł has no decomposition
        ("pościel", "posciel"),
        ("Greeting", "greeting"),
        ("والمفتاح", "مفتاح"),  # conjunction + article
        ("بالمفتاح", "مفتاح"),  # preposition + article
        ("للنزيل", "نزيل"),  # ل + ال written لل
        ("فالغرفة", "غرفه"),  # and the ta marbuta read as ha
        ("بطاقة", "بطاقه"),  # ب of the word itself stays: no article
        ("الحج", "الحج"),  # the article stays when fewer than three letters would be left
        ("أسانسير", "اسانسير"),  # hamza on alef
        ("مَظَلَّة", "مظله"),  # short vowels and shadda
        ("مظـــلة", "مظله"),  # tatweel
        ("ذكرى", "ذكري"),  # alef maqsura
    ],
)
def test_search_key_joins_the_spellings_a_reader_types(word: str, key: str) -> None:
    assert search_key(word) == key


def test_shorter_keys_take_off_at_most_two_prefix_letters_and_keep_three() -> None:
    assert list(shorter_keys("وبطاقه")) == ["بطاقه", "طاقه"]
    assert list(shorter_keys("وصل")) == []  # three letters: nothing to take off
    assert list(shorter_keys("مفتاح")) == []  # not a prefix letter
    assert list(shorter_keys("guest")) == []


def test_page_words_are_those_of_the_indexed_text_only() -> None:
    html = """<html lang="pl"><body><nav>Menu nawigacja</nav>
      <article class="md-content__inner md-typeset">
        <h1>Pobyt<a class="headerlink" href="#x">¶</a></h1>
        <p>Podaj ładowarkę<br>gościowi.</p>
        <div class="hb-levels"><p>kopia <b>listy</b></p></div>
        <p>Parasol</p>
      </article><footer>stopka</footer></body></html>"""
    language, words = page_words(html, ["headerlink", "hb-levels"])
    assert language == "pl"
    assert words == ["Pobyt", "Podaj", "ładowarkę", "gościowi", "Parasol"]


def test_page_words_keep_arabic_marks_inside_a_word() -> None:
    html = '<html lang="ar"><article class="md-content__inner">رَحِّبْ بالنزيل</article></html>'
    assert page_words(html, [])[1] == ["رَحِّبْ", "بالنزيل"]


def test_word_groups_put_the_spellings_of_a_key_together_most_frequent_first() -> None:
    groups = word_groups(Counter({"ładowarki": 3, "ladowarki": 1, "parasol": 9}))
    assert groups == {"parasol": ["parasol"], "ladowarki": ["ładowarki", "ladowarki"]}
    assert list(groups) == ["parasol", "ladowarki"]  # keys by frequency too


def test_a_word_with_a_conjunction_is_also_found_by_the_bare_word() -> None:
    groups = word_groups(Counter({"بطاقة": 2, "وبطاقة": 1}))
    assert groups["بطاقه"] == ["بطاقة", "وبطاقة"]
    assert groups["وبطاقه"] == ["وبطاقة"]


def test_a_prefix_letter_is_not_taken_off_when_no_page_has_the_rest() -> None:
    assert word_groups(Counter({"لوبي": 1})) == {"لوبي": ["لوبي"]}


def test_a_glossary_word_finds_the_page_word_that_carries_a_prefix_letter() -> None:
    groups = word_groups(Counter({"ليعتذر": 1, "لوبي": 1}), known={"يعتذر"})
    assert groups["يعتذر"] == ["ليعتذر"]  # the glossary says يعتذر, the page ليعتذر
    assert "وبي" not in groups  # only keys the glossary knows


GLOSSARY = Glossary(
    (
        Concept(
            "guest",
            {
                "en": Term("guest", avoid=("customer*", "client"), search=("visitor",)),
                "pl": Term("gość", search=("klient", "gość hotelowy")),
            },
        ),
        Concept("lift", {"en": Term("lift", search=("elevator",))}),
    )
)


def test_each_concept_gives_its_words_once_without_patterns() -> None:
    assert synonyms(GLOSSARY, "en") == [["guest", "visitor", "client"], ["lift", "elevator"]]
    assert synonyms(GLOSSARY, "pl") == [["gość", "klient", "gość hotelowy"]]
    assert synonyms(GLOSSARY, "ar") == []


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_build_writes_each_languages_words_and_notes(built_site: Path, language: str) -> None:
    folder = built_site / "pagefind" / "words" / language
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert sorted(p.stem for p in folder.glob("*.json") if p.stem != "index") == index["letters"]
    labels = (Path(__file__).parent / "fixtures/hotel/standards/labels.yaml").read_text("utf-8")
    for note in index["notes"].values():
        assert f'{language}: "{note}"' in labels  # the fixture's own words, in this language
    shard = json.loads((folder / f"{index['letters'][0]}.json").read_text(encoding="utf-8"))
    for key, forms in shard.items():
        for form in forms:
            assert key == search_key(form) or key in shorter_keys(search_key(form))
    check_in = (built_site / PREFIX[language] / "phases/check-in/index.html").read_text("utf-8")
    keys = {search_key(word) for word in page_words(check_in, EXCLUDED_CLASSES)[1]}
    filed = {
        key
        for path in folder.glob("*.json")
        if path.stem != "index"
        for key in json.loads(path.read_text("utf-8"))
    }
    assert {key for key in keys if len(key) > 1 and not key.isdigit()} <= filed


@pytest.mark.build
def test_the_glossarys_search_words_reach_the_site(built_site: Path) -> None:
    index = json.loads((built_site / "pagefind/words/en/index.json").read_text("utf-8"))
    assert ["lift", "elevator", "elevators"] in index["synonyms"]  # the fixture's glossary
