"""Turn located YAML nodes into typed values, one contract field at a time.

Each reader returns the value, or None after appending a problem that names the field, the
value given and the values accepted.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

from handbook import LANGUAGES, SOURCE_LANGUAGE
from handbook.contract import (
    FINGERPRINT_PATTERN,
    SLUG_PATTERN,
    STANDARD_ID_PATTERN,
    Field,
    Record,
)
from handbook.model import Text
from handbook.problems import Place, Problem
from handbook.textrules import text_faults
from handbook.yamlsource import KIND_NAMES, Node

LANGUAGE_NAMES = {"en": "English", "pl": "Polish", "ar": "Arabic"}
BASED_ON = "based_on"


def read_record(node: Node, record: Record, problems: list[Problem]) -> dict[str, Node] | None:
    """The fields of a mapping node by name; unknown and missing keys become problems."""
    if node.kind != "map":
        problems.append(
            node.place.error(f"a {record.name} must be {_kind_name('map')}, not {node.describe()}")
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


def _unknown_key(key: str, allowed: tuple[str, ...], where: str) -> str:
    guess = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return f"unknown key '{key}' in a {where}; {hint}allowed keys: {', '.join(allowed)}"


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
        "capital letters, a hyphen and a number, e.g. CHK-01",
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


def read_date(node: Node, field: Field, problems: list[Problem], today: date) -> date | None:
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
                f"{field.name} {value.isoformat()} is after today ({today.isoformat()}); "
                "a review cannot be in the future"
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


def read_text(node: Node, field: Field, problems: list[Problem]) -> Text | None:
    """A translatable field: ``{en: …, pl: …, ar: …}``, English required, others warned."""
    if node.kind != "map":
        problems.append(
            _wrong_kind(node, field, "a group of languages, e.g. {en: …, pl: …, ar: …}")
        )
        return None
    translations: dict[str, str] = {}
    based_on: dict[str, str] = {}
    for language, key_place, value in node.entries:
        if language == BASED_ON:
            based_on = _read_based_on(value, problems)
        elif language not in LANGUAGES:
            problems.append(
                key_place.error(_unknown_key(language, (*LANGUAGES, BASED_ON), f"'{field.name}'"))
            )
        elif value.kind not in {"str", "int", "float"}:
            problems.append(
                value.place.error(
                    f"the {LANGUAGE_NAMES[language]} '{field.name}' must be text, "
                    f"not {value.describe()}"
                )
            )
        else:
            for fault in text_faults(value.scalar):
                problems.append(
                    value.place.error(f"the {LANGUAGE_NAMES[language]} '{field.name}' {fault}")
                )
            translations[language] = value.scalar.strip()
    if SOURCE_LANGUAGE not in translations:
        if not any(k == SOURCE_LANGUAGE for k, _, _ in node.entries):
            problems.append(
                node.place.error(
                    f"'{field.name}' has no English ({SOURCE_LANGUAGE}) text; "
                    "English is required, other languages fall back to it"
                )
            )
        return None
    for language in LANGUAGES[1:]:
        if not translations.get(language):
            problems.append(
                node.place.warning(
                    f"'{field.name}' has no {LANGUAGE_NAMES[language]} ({language}) "
                    "translation; the English text is shown there until it is added"
                )
            )
    return Text(translations, based_on)


def _read_based_on(node: Node, problems: list[Problem]) -> dict[str, str]:
    field = Field(BASED_ON, "text", "")
    if node.kind != "map":
        problems.append(_wrong_kind(node, field, "a group of languages, e.g. {pl: 1a2b3c4d}"))
        return {}
    recorded: dict[str, str] = {}
    for language, key_place, value in node.entries:
        if language not in LANGUAGES[1:]:
            problems.append(key_place.error(_unknown_key(language, LANGUAGES[1:], BASED_ON)))
        elif not re.match(FINGERPRINT_PATTERN, value.scalar):
            problems.append(
                value.place.error(
                    f"{BASED_ON} '{value.scalar}' must be the 8-character fingerprint written "
                    "by 'handbook translated'"
                )
            )
        else:
            recorded[language] = value.scalar
    return recorded
