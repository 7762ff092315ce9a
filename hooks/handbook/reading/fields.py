"""Turn located YAML nodes into typed values, one contract field at a time.

Each reader returns the value, or None after appending a problem that names the field, the
value given and the values accepted.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from handbook.model import Text
from handbook.model.languages import Languages, english_name, locale_of
from handbook.reading.contract import (
    FINGERPRINT_PATTERN,
    SLUG_PATTERN,
    STANDARD_ID_PATTERN,
    Field,
    Record,
)
from handbook.reading.problems import Place, Problem
from handbook.reading.textrules import text_faults
from handbook.reading.wording import Wording
from handbook.reading.yamlsource import KIND_NAMES, Node

BASED_ON = "based_on"
T = TypeVar("T")


def read_record(node: Node, record: Record, problems: list[Problem]) -> dict[str, Node] | None:
    """The fields of a mapping node by name; unknown and missing keys become problems."""
    if node.kind != "map":
        problems.append(
            node.place.error(
                f"{_a(record.name)} must be {_kind_name('map')}, not {node.describe()}"
            )
        )
        return None
    found: dict[str, Node] = {}
    for key, key_place, value in node.entries:
        if record.field(key) is None:
            problems.append(key_place.error(_unknown_key(key, record.names, record.name)))
        else:
            found[key] = value
    for field in record.fields:
        if field.required and field.name not in found:
            problems.append(
                node.place.error(f"{record.name} is missing '{field.name}': {field.help}")
            )
    return found


def read_field(
    values: dict[str, Node],
    record: Record,
    name: str,
    reader: Callable[[Node, Field, list[Problem]], T | None],
    problems: list[Problem],
) -> T | None:
    """Read the field ``name`` of ``record`` with its reader; None when absent or wrong."""
    node = values.get(name)
    if node is None:
        return None
    return reader(node, contract_field(record, name), problems)


def contract_field(record: Record, name: str) -> Field:
    found = record.field(name)
    assert found is not None, f"{record.name} has no field {name}"
    return found


def did_you_mean(key: str, allowed: tuple[str, ...]) -> str:
    """ "did you mean 'x'? " for the nearest allowed key, or nothing when none is near."""
    guess = difflib.get_close_matches(key, allowed, n=1)
    return f"did you mean '{guess[0]}'? " if guess else ""


def _unknown_key(key: str, allowed: tuple[str, ...], where: str) -> str:
    hint = did_you_mean(key, allowed)
    return f"unknown key '{key}' in {_a(where)}; {hint}allowed keys: {', '.join(allowed)}"


def _a(name: str) -> str:
    """``name`` with its indefinite article: "a phase file", "an audit"."""
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


def _kind_name(kind: str) -> str:
    return KIND_NAMES[kind]


def _wrong_kind(node: Node, field: Field, wanted: str) -> Problem:
    return node.place.error(f"'{field.name}' must be {wanted}, not {node.describe()}")


def read_string(node: Node, field: Field, problems: list[Problem]) -> str | None:
    if node.kind not in {"str", "int", "float", "bool", "date"}:
        problems.append(_wrong_kind(node, field, "text"))
        return None
    if not node.scalar.strip():
        problems.append(node.place.error(f"'{field.name}' is empty"))
        return None
    return node.scalar


def read_word(node: Node, field: Field, problems: list[Problem]) -> str | None:
    """A plain text in no particular language (a name, an auditor's note), on one line."""
    value = read_string(node, field, problems)
    if value is None:
        return None
    faults = text_faults(value)
    for fault in faults:
        problems.append(node.place.error(f"'{field.name}' {fault}"))
    return None if faults else " ".join(value.split())


def read_slug(node: Node, field: Field, problems: list[Problem]) -> str | None:
    return _read_pattern(
        node,
        field,
        problems,
        SLUG_PATTERN,
        "lower-case letters, digits and hyphens, e.g. front-desk",
    )


def read_id(node: Node, field: Field, problems: list[Problem]) -> str | None:
    return _read_pattern(
        node,
        field,
        problems,
        STANDARD_ID_PATTERN,
        "capital letters, a hyphen and a number, e.g. ABC-01",
    )


def _read_pattern(
    node: Node, field: Field, problems: list[Problem], pattern: str, shape: str
) -> str | None:
    value = read_string(node, field, problems)
    if value is not None and not re.match(pattern, value):
        problems.append(node.place.error(f"{field.name} '{value}' must be {shape}"))
        return None
    return value


def read_choice(node: Node, field: Field, problems: list[Problem]) -> str | None:
    value = read_string(node, field, problems)
    if value is not None and value not in field.choices:
        problems.append(
            node.place.error(
                f"{field.name} '{value}' is not allowed; use one of: {', '.join(field.choices)}"
            )
        )
        return None
    return value


def read_int(node: Node, field: Field, problems: list[Problem]) -> int | None:
    if node.kind != "int":
        problems.append(_wrong_kind(node, field, _kind_name("int")))
        return None
    try:
        value = int(node.scalar.replace("_", ""), 0)
    except ValueError:
        problems.append(_wrong_kind(node, field, _kind_name("int")))
        return None
    low, high = field.minimum, field.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        problems.append(
            node.place.error(f"{field.name} is {value}; it must be from {low} to {high}")
        )
        return None
    return value


def read_date(
    node: Node,
    field: Field,
    problems: list[Problem],
    today: date,
    future: str = "a review cannot be in the future",
) -> date | None:
    if node.kind not in {"date", "str"}:
        problems.append(_wrong_kind(node, field, "a date written YYYY-MM-DD"))
        return None
    try:
        value = date.fromisoformat(node.scalar.strip())
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.scalar.strip()):
            raise ValueError
    except ValueError:
        problems.append(
            node.place.error(
                f"{field.name} '{node.scalar}' is not a real date in the form YYYY-MM-DD "
                "(e.g. 2026-03-14)"
            )
        )
        return None
    if value > today:
        problems.append(
            node.place.error(
                f"{field.name} {value.isoformat()} is after today ({today.isoformat()}); " + future
            )
        )
        return None
    return value


def read_slugs(node: Node, field: Field, problems: list[Problem]) -> list[tuple[str, Place]]:
    if node.kind != "seq":
        problems.append(_wrong_kind(node, field, "a list, e.g. [friendly, attentive]"))
        return []
    slugs = [(read_slug(item, field, problems), item.place) for item in node.items]
    return [(slug, place) for slug, place in slugs if slug is not None]


def read_ids(node: Node, field: Field, problems: list[Problem]) -> list[tuple[str, Place]]:
    if node.kind != "seq":
        problems.append(_wrong_kind(node, field, "a list, e.g. [ABC-07, ABC-09]"))
        return []
    ids = [(read_id(item, field, problems), item.place) for item in node.items]
    return [(found, place) for found, place in ids if found is not None]


@dataclass(frozen=True)
class TextReader:
    """Reads translatable fields against the handbook's languages.

    The source language is required. A missing translation is a warning (the source text is
    shown) unless ``require_translations`` is set in ``mkdocs.yml``, then it is an error.
    With the glossary's ``wording``, every text is also checked for the variants to avoid.
    """

    languages: Languages
    require_translations: bool = False
    wording: Wording | None = None

    def __call__(self, node: Node, field: Field, problems: list[Problem]) -> Text | None:
        """A translatable field such as ``{en: …, pl: …}``; None after a problem."""
        if node.kind != "map":
            problems.append(_wrong_kind(node, field, f"a group of languages, {self.example}"))
            return None
        translations: dict[str, str] = {}
        based_on: dict[str, str] = {}
        for language, key_place, value in node.entries:
            if language == BASED_ON:
                based_on = self._read_based_on(value, problems)
            elif language in self.languages.translated and (
                value.kind == "null" or (value.kind == "str" and not value.scalar.strip())
            ):
                continue  # an empty translation is one left for later: reported as missing
            elif language not in self.languages:
                allowed = (*self.languages, BASED_ON)
                problems.append(key_place.error(self.unknown_language(language, field, allowed)))
            elif value.kind not in {"str", "int", "float"}:
                problems.append(
                    value.place.error(
                        f"the {english_name(language)} '{field.name}' must be text, "
                        f"not {value.describe()}"
                    )
                )
            else:
                for fault in text_faults(value.scalar):
                    problems.append(
                        value.place.error(f"the {english_name(language)} '{field.name}' {fault}")
                    )
                translations[language] = value.scalar.strip()
                self.check_wording(value, language, problems)
        source = self.languages.source
        if source not in translations:
            if not any(k == source for k, _, _ in node.entries):
                problems.append(
                    node.place.error(
                        f"'{field.name}' has no {english_name(source)} ({source}) text; "
                        "the source language is required, the others fall back to it"
                    )
                )
            return None
        for language in self.languages.translated:
            if not translations.get(language):
                problems.append(self.missing(node.place, field, language))
        return Text(translations, source, based_on)

    def check_wording(self, node: Node, language: str, problems: list[Problem]) -> None:
        """A warning on each variant the glossary says to avoid in the text ``node``."""
        if self.wording is not None:
            problems.extend(self.wording.warnings(node, language))

    @property
    def example(self) -> str:
        return "e.g. {" + ", ".join(f"{code}: …" for code in self.languages) + "}"

    def unknown_language(self, key: str, field: Field, allowed: tuple[str, ...]) -> str:
        try:
            locale = str(locale_of(key))
        except ValueError:
            locale = ""
        spelled = [code for code in self.languages if str(locale_of(code)) == locale]
        if spelled:
            return (
                f"'{field.name}' has text in '{key}'; write it as '{spelled[0]}', "
                "as the language is spelled in mkdocs.yml"
            )
        known = bool(locale) and locale == key.replace("-", "_")  # PL: a typo of pl
        if not known:
            return _unknown_key(key, allowed, f"'{field.name}'")
        return (
            f"'{field.name}' has text in {english_name(key)} ({key}), which is not a "
            "language of this handbook; add it to the i18n languages in mkdocs.yml, "
            "or remove the text"
        )

    def missing(self, place: Place, field: Field, language: str) -> Problem:
        """The problem of a text without ``language``: a warning, or an error if required."""
        name = f"{english_name(language)} ({language})"
        if self.require_translations:
            return place.error(
                f"'{field.name}' has no {name} translation; mkdocs.yml requires every "
                "translation (extra.handbook.require_translations)"
            )
        return place.warning(
            f"'{field.name}' has no {name} translation; the "
            f"{english_name(self.languages.source)} text is shown there until it is added"
        )

    def _read_based_on(self, node: Node, problems: list[Problem]) -> dict[str, str]:
        field = Field(BASED_ON, "text", "")
        translated = self.languages.translated
        if node.kind != "map":
            example = ", ".join(f"{code}: 1a2b3c4d" for code in translated[:1] or ("de",))
            problems.append(_wrong_kind(node, field, f"a group of languages, e.g. {{{example}}}"))
            return {}
        recorded: dict[str, str] = {}
        for language, key_place, value in node.entries:
            if language not in translated:
                problems.append(key_place.error(_unknown_key(language, translated, BASED_ON)))
            elif not re.match(FINGERPRINT_PATTERN, value.scalar):
                problems.append(
                    value.place.error(
                        f"{BASED_ON} '{value.scalar}' must be the 8-character fingerprint "
                        "written by 'handbook translated'"
                    )
                )
            else:
                recorded[language] = value.scalar
        return recorded
