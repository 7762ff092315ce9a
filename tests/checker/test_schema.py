"""The JSON Schemas for editors: generated from the contract, committed, and referenced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from handbook.model.languages import Languages
from handbook.reading.glossary import GLOSSARY_FILE
from handbook.reading.labels import LABELS_FILE
from handbook.reading.vocabulary import VOCABULARY_FILE
from handbook.tools.cli import main
from handbook.tools.schema import schema_files, stale_schema_files
from tests.hotel import HOTEL_LANGUAGES
from tests.sitebuild import HOTEL

HERE = Path(__file__).parent
STANDARDS = sorted((HOTEL / "standards").glob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as a YAML 1.2 editor reads it: an unquoted date stays text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_for(path: Path) -> str:
    if path.name == LABELS_FILE:
        return "labels.schema.json"
    if path.name == GLOSSARY_FILE:
        return "glossary.schema.json"
    return "vocabulary.schema.json" if path.name == VOCABULARY_FILE else "phase.schema.json"


def validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads(schema_files(HOTEL_LANGUAGES)[name])  # the fixture's languages
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def editor_view(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def test_schema_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Schemas follow the languages of the mkdocs.yml named; the shipped handbook's own are
    checked in tests/test_shipped.py."""
    config = ["--config", str(HOTEL / "mkdocs.yml")]
    assert main(["schema", *config, "--check", "--output", str(tmp_path)]) == 1
    assert main(["schema", *config, "--output", str(tmp_path)]) == 0
    assert main(["schema", *config, "--check", "--output", str(tmp_path)]) == 0
    assert stale_schema_files(tmp_path, HOTEL_LANGUAGES) == []
    german = Languages(("en", "de"))
    in_every_language = set(schema_files(german)) - {"audit.schema.json"}
    assert sorted(stale_schema_files(tmp_path, german)) == sorted(in_every_language)
    properties = json.loads(schema_files(german)["phase.schema.json"])["definitions"]["text"]
    assert set(properties["properties"]) == {"en", "de", "based_on"}


@pytest.mark.parametrize("path", STANDARDS, ids=lambda p: p.name)
def test_every_standards_file_names_its_schema_on_the_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{schema_for(path)}"


@pytest.mark.parametrize("path", STANDARDS, ids=lambda p: p.name)
def test_hotel_files_are_valid_for_their_schema(path: Path) -> None:
    errors = [e.message for e in validator(schema_for(path)).iter_errors(editor_view(path))]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("unknown-key", "Additional properties are not allowed ('levle' was unexpected)"),
        ("value-not-allowed", "'personnel' is not one of ['personal', 'product', 'procedure']"),
        ("review-months", "0 is less than the minimum of 1"),
        ("non-iso-date", "'15/01/2026' does not match '^\\\\d{4}-\\\\d{2}-\\\\d{2}$'"),
        ("unknown-language", "Additional properties are not allowed ('PL', 'de' were unexpected)"),
    ],
)
def test_the_schema_underlines_common_mistakes(name: str, wrong: str) -> None:
    data = editor_view(HERE / "broken" / f"{name}.yaml")
    messages = [e.message for e in validator("phase.schema.json").iter_errors(data)]
    assert wrong in messages
