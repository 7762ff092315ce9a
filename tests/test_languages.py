"""The handbook's languages come from the i18n plugin's list, their traits from CLDR."""

from __future__ import annotations

import pytest

from handbook.model.languages import (
    Languages,
    i18n_languages,
    native_name,
    plural_categories,
    read_languages,
)


def test_the_default_language_is_the_source_and_the_order_of_the_others_is_kept() -> None:
    entries = [
        {"locale": "pl", "build": True},
        {"locale": "de", "default": True},
        {"locale": "fa"},
    ]
    languages = read_languages(entries)
    assert languages.source == "de"
    assert languages.translated == ("pl", "fa")


def test_a_language_that_is_not_built_is_not_a_language_of_the_handbook() -> None:
    languages = read_languages(
        [{"locale": "en", "default": True}, {"locale": "pl", "build": False}]
    )
    assert tuple(languages) == ("en",)


def test_without_the_i18n_plugin_the_theme_language_is_the_only_one() -> None:
    assert tuple(read_languages(i18n_languages(["search"]), "de")) == ("de",)


def test_the_raw_plugins_list_of_mkdocs_yml_is_read() -> None:
    plugins = ["search", {"i18n": {"languages": [{"locale": "en", "default": True}]}}]
    assert i18n_languages(plugins) == [{"locale": "en", "default": True}]


@pytest.mark.parametrize(
    ("entries", "wanted"),
    [
        ([{"locale": "en"}, {"locale": "pl"}], "exactly one"),
        ([{"locale": "en", "default": True}, {"locale": "en"}], "once"),
        ([{"name": "English", "default": True}], "needs a 'locale'"),
        ([{"locale": "xx-nowhere", "default": True}], "not a language code"),
    ],
)
def test_wrong_language_lists_are_refused_with_what_to_change(
    entries: list[dict[str, object]], wanted: str
) -> None:
    with pytest.raises(ValueError, match=wanted):
        read_languages(entries)


def test_direction_comes_from_the_locale_not_from_a_list() -> None:
    languages = Languages(("en", "fa", "he", "ar", "de"))
    assert [languages.is_rtl(code) for code in languages] == [False, True, True, True, False]


def test_plural_categories_follow_cldr() -> None:
    assert plural_categories("en") == {"one", "other"}
    assert plural_categories("pl") == {"one", "few", "many", "other"}
    assert plural_categories("ar") == {"zero", "one", "two", "few", "many", "other"}


def test_names_are_written_as_their_readers_write_them() -> None:
    assert native_name("de") == "Deutsch"
    assert native_name("pl", "ar") == "البولندية"
