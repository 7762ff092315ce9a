"""JSON Schemas for editors, generated from the contract the checker itself reads.

Editors with a YAML language server (VS Code, JetBrains, Neovim…) read the schema named in a
file's first-line modeline and autocomplete keys and underline mistakes as the editor types.
The schema is derived from :mod:`handbook.contract`, so it cannot drift from the checker; a
test keeps the committed files equal to what ``handbook schema`` writes. The checker remains
the authority: it also checks what a schema cannot (IDs across files, steps, dates vs today).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook import LANGUAGES, SOURCE_LANGUAGE
from handbook.contract import (
    FINGERPRINT_PATTERN,
    PHASE,
    SLUG_PATTERN,
    STANDARD_ID_PATTERN,
    Field,
    Record,
)
from handbook.fields import BASED_ON, LANGUAGE_NAMES
from handbook.loader import VOCABULARY_SECTIONS

DIALECT = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
SCHEMA_FILES = ("phase.schema.json", "vocabulary.schema.json")

Schema = dict[str, Any]


def text_schema() -> Schema:
    """A translatable text: English required, other languages optional, plus ``based_on``."""
    languages: Schema = {
        language: {
            "type": ["string", "number"],
            "minLength": 1,
            "description": f"the text in {LANGUAGE_NAMES[language]}"
            + (" (required)" if language == SOURCE_LANGUAGE else ""),
        }
        for language in LANGUAGES
    }
    based_on: Schema = {
        "type": "object",
        "description": "which English text each translation was made from; written by "
        "'handbook translated', do not edit by hand",
        "properties": {
            language: {"type": "string", "pattern": FINGERPRINT_PATTERN}
            for language in LANGUAGES[1:]
        },
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "description": "a text in every language, e.g. {en: …, pl: …, ar: …}",
        "properties": {**languages, BASED_ON: based_on},
        "required": [SOURCE_LANGUAGE],
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


def record_schema(record: Record) -> Schema:
    return {
        "type": "object",
        "properties": {field.name: field_schema(field) for field in record.fields},
        "required": [field.name for field in record.fields if field.required],
        "additionalProperties": False,
    }


def _nested_records(record: Record) -> list[Record]:
    nested = [field.record for field in record.fields if field.record is not None]
    return [*nested, *(inner for r in nested for inner in _nested_records(r))]


def phase_schema() -> Schema:
    """The schema of a phase file (and of the principles file) in ``standards/``."""
    definitions = {r.name: record_schema(r) for r in _nested_records(PHASE)}
    return {
        "$schema": DIALECT,
        "title": "Phase of the service-standards handbook",
        "description": "One phase of the service sequence; checked by 'handbook check'.",
        **record_schema(PHASE),
        "definitions": {**definitions, "text": text_schema()},
    }


def vocabulary_schema() -> Schema:
    """The schema of ``standards/vocabulary.yaml``: named qualities and owner roles."""
    sections = {
        name: {
            "type": "object",
            "description": help_text,
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": {"$ref": "#/definitions/text"},
        }
        for name, help_text in VOCABULARY_SECTIONS.items()
    }
    return {
        "$schema": DIALECT,
        "title": "Vocabulary of the service-standards handbook",
        "description": "The qualities and owner roles that phase files refer to.",
        "type": "object",
        "properties": sections,
        "required": list(VOCABULARY_SECTIONS),
        "additionalProperties": False,
        "definitions": {"text": text_schema()},
    }


def schema_files() -> dict[str, str]:
    """File name → content of every schema, exactly as committed under ``schema/``."""
    schemas = dict(zip(SCHEMA_FILES, (phase_schema(), vocabulary_schema()), strict=True))
    return {name: json.dumps(s, indent=2, ensure_ascii=False) + "\n" for name, s in schemas.items()}


def stale_schema_files(folder: Path) -> list[str]:
    """The schema files in ``folder`` that are missing or differ from the generated ones."""
    return [
        name
        for name, content in schema_files().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != content
    ]


def write_schema_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schema_files().items():
        (folder / name).write_text(content, encoding="utf-8")
        written.append(folder / name)
    return written
