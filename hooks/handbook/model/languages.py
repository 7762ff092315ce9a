"""The handbook's languages, declared once: the i18n plugin's ``languages`` in ``mkdocs.yml``.

The default language is the source every text must have; the others are translations.
Names, text direction and plural rules come from the locale's CLDR data (Babel), so any
locale Babel knows works without a change in code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError

I18N_PLUGIN = "i18n"


@lru_cache(maxsize=64)
def locale_of(code: str) -> Locale:
    """The Babel locale of a language code (``pt-BR`` and ``pt_BR`` alike); ValueError if none."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise ValueError(
            f"'{code}' is not a language code Babel knows (e.g. en, de, fa)"
        ) from error


@dataclass(frozen=True)
class Languages:
    """The configured languages, the source language first."""

    codes: tuple[str, ...]

    def __post_init__(self) -> None:
        for code in self.codes:
            locale_of(code)

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    @property
    def source(self) -> str:
        return self.codes[0]

    @property
    def translated(self) -> tuple[str, ...]:
        return self.codes[1:]

    def is_rtl(self, code: str) -> bool:
        return bool(locale_of(code).text_direction == "rtl")


def english_name(code: str) -> str:
    """The language's English name, for the checker's messages: Polish, Persian."""
    return str(locale_of(code).get_display_name("en") or code)


def native_name(code: str, reader: str | None = None) -> str:
    """A language's name as ``reader`` writes it (its own name by default): Polski, العربية."""
    name = str(locale_of(code).get_display_name(reader or code) or code)
    return name[:1].upper() + name[1:]


def plural_categories(code: str) -> frozenset[str]:
    """The CLDR plural categories a count needs in ``code``: en one/other, ar six of them."""
    return frozenset(locale_of(code).plural_form.tags) | {"other"}


def plural_category(code: str, count: int) -> str:
    return str(locale_of(code).plural_form(count))


def i18n_languages(plugins: Any) -> list[Mapping[str, Any]] | None:
    """The ``languages`` of the i18n plugin in a raw ``plugins:`` list; None without it."""
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, Mapping) and I18N_PLUGIN in entry:
            options = entry[I18N_PLUGIN] or {}
            languages = options.get("languages") if isinstance(options, Mapping) else None
            return list(languages) if isinstance(languages, list) else []
        if entry == I18N_PLUGIN:
            return []
    return None


def read_languages(entries: Sequence[Any] | None, theme_language: str = "en") -> Languages:
    """The languages from the i18n plugin's entries (``locale``, ``default``, ``build``).

    Without the plugin the handbook has one language, the theme's. A language with
    ``build: false`` is not built, so it is not a language of the handbook. Raises
    ValueError with what to change in ``mkdocs.yml``.
    """
    if entries is None:
        return Languages((theme_language,))
    source: list[str] = []
    others: list[str] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("locale"), str):
            raise ValueError("each i18n language needs a 'locale', e.g. - locale: en")
        code = str(entry["locale"])
        if entry.get("build") is False:
            continue
        (source if entry.get("default") else others).append(code)
    if len(source) != 1:
        raise ValueError(
            "mark exactly one i18n language 'default: true': the source language every "
            "text must have"
        )
    codes = (*source, *others)
    if len(set(codes)) != len(codes):
        raise ValueError("each i18n language may be listed once")
    return Languages(codes)
