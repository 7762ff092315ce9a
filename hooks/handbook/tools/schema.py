"""JSON Schemas for editors, generated from the contract the checker itself reads.

Editors with a YAML language server (VS Code, JetBrains, Neovim…) read the schema named in a
file's first-line modeline and autocomplete keys and underline mistakes as the editor types.
The schema is derived from :mod:`handbook.reading.contract`, so it cannot drift from the checker; a
test keeps the committed files equal to what ``handbook schema`` writes. The checker remains
the authority: it also checks what a schema cannot (IDs across files, steps, dates vs today).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook.model.languages import Languages, english_name, plural_categories
from handbook.reading.contract import (
    AUDIT,
    FINGERPRINT_PATTERN,
    GITHUB_HANDLE_PATTERN,
    GLOSSARY_ENTRY,
    PHASE,
    SLUG_PATTERN,
    STANDARD_ID_PATTERN,
    Field,
    Record,
)
from handbook.reading.fields import BASED_ON
from handbook.reading.glossary import CONCEPTS, CONCEPTS_HELP
from handbook.reading.labels import AUDIT_COUNTS, AUDIT_WORDS, COUNTS, OPTIONAL_WORDS, WORDS
from handbook.reading.vocabulary import GITHUB, OPTIONAL_SECTIONS, VOCABULARY_SECTIONS

DIALECT = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
SCHEMA_FILES = (
    "phase.schema.json",
    "vocabulary.schema.json",
    "labels.schema.json",
    "glossary.schema.json",
    "audit.schema.json",
)

Schema = dict[str, Any]


def text_schema(languages: Languages) -> Schema:
    """A translatable text: the source language required, the others optional, ``based_on``."""
    texts: Schema = {
        language: {
            "type": ["string", "number"],
            "description": f"the text in {english_name(language)}"
            + (" (required)" if language == languages.source else "; empty: not translated yet"),
            **({"minLength": 1} if language == languages.source else {}),
        }
        for language in languages
    }
    based_on: Schema = {
        "type": "object",
        "description": "which source text each translation was made from; written by "
        "'handbook translated', do not edit by hand",
        "properties": {
            language: {"type": "string", "pattern": FINGERPRINT_PATTERN}
            for language in languages.translated
        },
        "additionalProperties": False,
    }
    example = ", ".join(f"{language}: …" for language in languages)
    return {
        "type": "object",
        "description": f"a text in every language, e.g. {{{example}}}",
        "properties": {**texts, BASED_ON: based_on},
        "required": [languages.source],
        "additionalProperties": False,
    }


def count_schema(languages: Languages) -> Schema:
    """A word with a number: per language, one text per CLDR plural category."""
    forms: Schema = {
        language: {
            "type": "object",
            "description": f"the forms in {english_name(language)}",
            "properties": {
                category: {"type": "string", "minLength": 1}
                for category in sorted(plural_categories(language))
            },
            "required": sorted(plural_categories(language)) if language == languages.source else [],
            "additionalProperties": False,
        }
        for language in languages
    }
    return {
        "type": "object",
        "description": "one text per plural category and language, with {count}",
        "properties": forms,
        "required": [languages.source],
        "additionalProperties": False,
    }


def field_schema(field: Field) -> Schema:
    """The schema of one contract field, described by the field's own help text."""
    shapes: dict[str, Schema] = {
        "slug": {"type": "string", "pattern": SLUG_PATTERN},
        "id": {"type": "string", "pattern": STANDARD_ID_PATTERN},
        "int": {"type": "integer"},
        "text": {"$ref": "#/definitions/text"},
        "choice": {"type": "string", "enum": list(field.choices)},
        "date": {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
        "slugs": {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
        "ids": {"type": "array", "items": {"type": "string", "pattern": STANDARD_ID_PATTERN}},
        "word": {"type": "string", "minLength": 1},
        "words": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "records": {
            "type": "array",
            "items": {"$ref": f"#/definitions/{field.record.name if field.record else ''}"},
        },
    }
    shape = dict(shapes[field.kind])
    if field.minimum is not None:
        shape["minimum"] = field.minimum
    if field.maximum is not None:
        shape["maximum"] = field.maximum
    return {"description": field.help, **shape}


def closed_object(properties: Schema, required: list[str]) -> Schema:
    """An object with exactly these keys: any other key is underlined as a mistake."""
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def record_schema(record: Record) -> Schema:
    return closed_object(
        {field.name: field_schema(field) for field in record.fields},
        [field.name for field in record.fields if field.required],
    )


def _nested_records(record: Record) -> list[Record]:
    nested = [field.record for field in record.fields if field.record is not None]
    return [*nested, *(inner for r in nested for inner in _nested_records(r))]


def phase_schema(languages: Languages) -> Schema:
    """The schema of a phase file (and of the principles file) in ``standards/``."""
    definitions = {r.name: record_schema(r) for r in _nested_records(PHASE)}
    return {
        "$schema": DIALECT,
        "title": "Phase of the service-standards handbook",
        "description": "One phase of the service sequence; checked by 'handbook check'.",
        **record_schema(PHASE),
        "definitions": {**definitions, "text": text_schema(languages)},
    }


def vocabulary_schema(languages: Languages) -> Schema:
    """The schema of ``standards/vocabulary.yaml``: named qualities and owner roles."""
    sections = {
        name: {
            "type": "object",
            "description": help_text,
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": {
                "$ref": f"#/definitions/{'owner' if name == 'owners' else 'text'}"
            },
        }
        for name, help_text in {**VOCABULARY_SECTIONS, **OPTIONAL_SECTIONS}.items()
    }
    text = text_schema(languages)
    people: Schema = {
        "type": "array",
        "description": "the GitHub users and teams who review this role's standards "
        '(CODEOWNERS, review reminders), e.g. ["@example/front-office"]',
        "items": {"type": "string", "pattern": GITHUB_HANDLE_PATTERN},
    }
    owner = {**text, "properties": {**text["properties"], GITHUB: people}}
    return {
        "$schema": DIALECT,
        "title": "Vocabulary of the service-standards handbook",
        "description": "The qualities, owner roles and audit kinds the data files refer to.",
        **closed_object(sections, list(VOCABULARY_SECTIONS)),
        "definitions": {"text": text, "owner": owner},
    }


def labels_schema(languages: Languages) -> Schema:
    """The schema of ``standards/labels.yaml``: the handbook's own words."""
    words = {
        key: {"description": help_text, "$ref": "#/definitions/text"}
        for key, help_text in {
            **WORDS,
            **OPTIONAL_WORDS,
            **{key: help_text for key, (help_text, _) in AUDIT_WORDS.items()},
        }.items()
    }
    counts = {
        key: {"description": help_text, "$ref": "#/definitions/count"}
        for key, help_text in {
            **COUNTS,
            **{key: help_text for key, (help_text, _) in AUDIT_COUNTS.items()},
        }.items()
    }
    return {
        "$schema": DIALECT,
        "title": "Labels of the service-standards handbook",
        "description": "The words the handbook prints around the standards, per language.",
        **closed_object({**words, **counts}, [*WORDS, *COUNTS]),
        "definitions": {"text": text_schema(languages), "count": count_schema(languages)},
    }


def glossary_schema(languages: Languages) -> Schema:
    """The schema of ``standards/glossary.yaml``: per concept and language, its words."""
    source = languages.source
    concept = closed_object(
        {
            language: {
                "description": f"the words in {english_name(language)}"
                + (" (required)" if language == source else ""),
                "$ref": "#/definitions/entry",
            }
            for language in languages
        },
        [source],
    )
    concepts = {
        "type": "object",
        "description": CONCEPTS_HELP,
        "propertyNames": {"pattern": SLUG_PATTERN},
        "additionalProperties": {"$ref": "#/definitions/concept"},
    }
    return {
        "$schema": DIALECT,
        "title": "Glossary of the service-standards handbook",
        "description": "One term for one thing; 'handbook check' warns where a text uses a "
        "variant to avoid.",
        **closed_object({CONCEPTS: concepts}, [CONCEPTS]),
        "definitions": {
            "concept": {"description": "a concept's words by language", **concept},
            "entry": record_schema(GLOSSARY_ENTRY),
        },
    }


def audit_schema() -> Schema:
    """The schema of one file in ``audits/``: a visit and what it observed."""
    definitions = {r.name: record_schema(r) for r in _nested_records(AUDIT)}
    return {
        "$schema": DIALECT,
        "title": "Audit visit of the service-standards handbook",
        "description": "One audit or mystery-shopper visit; checked by 'handbook check'.",
        **record_schema(AUDIT),
        "definitions": definitions,
    }


def schema_files(languages: Languages) -> dict[str, str]:
    """File name → content of every schema, exactly as committed under ``schema/``."""
    made = (
        phase_schema(languages),
        vocabulary_schema(languages),
        labels_schema(languages),
        glossary_schema(languages),
        audit_schema(),
    )
    schemas = dict(zip(SCHEMA_FILES, made, strict=True))
    return {name: json.dumps(s, indent=2, ensure_ascii=False) + "\n" for name, s in schemas.items()}


def stale_schema_files(folder: Path, languages: Languages) -> list[str]:
    """The schema files in ``folder`` that are missing or differ from the generated ones."""
    return [
        name
        for name, content in schema_files(languages).items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != content
    ]


def write_schema_files(folder: Path, languages: Languages) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schema_files(languages).items():
        (folder / name).write_text(content, encoding="utf-8")
        written.append(folder / name)
    return written
