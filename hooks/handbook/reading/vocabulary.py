"""Read ``vocabulary.yaml``: the names of the qualities and owners the phases refer to.

The keys are what phase files write; the names are what readers see, in every language.
Whether a phase refers to a key that is here is checked in ``crosschecks``.
"""

from __future__ import annotations

from pathlib import Path

from handbook.model import Text, Vocabulary
from handbook.reading.contract import Field
from handbook.reading.fields import TextReader, read_slug
from handbook.reading.fingerprints import outdated_warnings
from handbook.reading.problems import Problem, display_path
from handbook.reading.yamlsource import Node, read_yaml

VOCABULARY_FILE = "vocabulary.yaml"
VOCABULARY_SECTIONS = {
    "qualities": "the service qualities steps refer to",
    "owners": "the roles accountable for standards",
}


def load_vocabulary(path: Path, texts: TextReader, problems: list[Problem]) -> Vocabulary:
    """The vocabulary in ``path``; a section that cannot be read is empty, and reported."""
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    sections: dict[str, dict[str, Text]] = {name: {} for name in VOCABULARY_SECTIONS}
    if node is None:
        return Vocabulary(**sections)
    problems.extend(outdated_warnings(node, texts.languages))
    if node.kind != "map":
        problems.append(node.place.error("the vocabulary must list 'qualities' and 'owners'"))
        return Vocabulary(**sections)
    given = {key: value for key, _, value in node.entries}
    for key, key_place, _ in node.entries:
        if key not in VOCABULARY_SECTIONS:
            problems.append(
                key_place.error(
                    f"unknown key '{key}' in the vocabulary; allowed keys: "
                    + ", ".join(VOCABULARY_SECTIONS)
                )
            )
    for name, help_text in VOCABULARY_SECTIONS.items():
        if name not in given:
            problems.append(node.place.error(f"the vocabulary is missing '{name}': {help_text}"))
        else:
            sections[name] = _read_terms(given[name], name, texts, problems)
    return Vocabulary(**sections)


def _read_terms(
    node: Node, section: str, texts: TextReader, problems: list[Problem]
) -> dict[str, Text]:
    if node.kind != "map":
        problems.append(node.place.error(f"'{section}' must be a group of names, e.g. friendly:"))
        return {}
    terms: dict[str, Text] = {}
    for key, key_place, value in node.entries:
        slug = read_slug(Node("str", key_place, scalar=key), Field(section, "slug", ""), problems)
        text = texts(value, Field(key, "text", ""), problems)
        if slug and text:
            terms[slug] = text
    return terms
