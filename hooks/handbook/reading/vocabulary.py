"""Read ``vocabulary.yaml``: the names of the qualities and owners the phases refer to.

The keys are what phase files write; the names are what readers see, in every language.
Whether a phase refers to a key that is here is checked in ``crosschecks``. An owner role may
also name its people on GitHub (``github: ["@example/front-office"]``), beside its names.
``audit_kinds`` is optional: a handbook without audits need not name any.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from handbook.model import Text, Vocabulary
from handbook.reading.contract import GITHUB_HANDLE_PATTERN, Field
from handbook.reading.fields import TextReader, read_slug
from handbook.reading.fingerprints import outdated_warnings
from handbook.reading.problems import Problem, display_path
from handbook.reading.yamlsource import Node, read_yaml

VOCABULARY_FILE = "vocabulary.yaml"
VOCABULARY_SECTIONS = {
    "qualities": "the service qualities steps refer to",
    "owners": "the roles accountable for standards",
}
AUDIT_KINDS = "audit_kinds"
OPTIONAL_SECTIONS = {AUDIT_KINDS: "the kinds of audit visit files in audits/ name"}
GITHUB = "github"
"""The key of an owner role that lists its GitHub users and teams."""


def load_vocabulary(path: Path, texts: TextReader, problems: list[Problem]) -> Vocabulary:
    """The vocabulary in ``path``; a section that cannot be read is empty, and reported."""
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    sections: dict[str, dict[str, Text]] = {
        name: {} for name in (*VOCABULARY_SECTIONS, *OPTIONAL_SECTIONS)
    }
    if node is None:
        return Vocabulary({}, {})
    problems.extend(outdated_warnings(node, texts.languages))
    if node.kind != "map":
        problems.append(node.place.error("the vocabulary must list 'qualities' and 'owners'"))
        return Vocabulary({}, {})
    given = {key: value for key, _, value in node.entries}
    for key, key_place, _ in node.entries:
        if key not in VOCABULARY_SECTIONS and key not in OPTIONAL_SECTIONS:
            problems.append(
                key_place.error(
                    f"unknown key '{key}' in the vocabulary; allowed keys: "
                    + ", ".join((*VOCABULARY_SECTIONS, *OPTIONAL_SECTIONS))
                )
            )
    github: dict[str, tuple[str, ...]] = {}
    for name, help_text in {**VOCABULARY_SECTIONS, **OPTIONAL_SECTIONS}.items():
        if name in given:
            teams = github if name == "owners" else None
            sections[name] = _read_terms(given[name], name, texts, problems, teams)
        elif name in VOCABULARY_SECTIONS:
            problems.append(node.place.error(f"the vocabulary is missing '{name}': {help_text}"))
    return Vocabulary(
        sections["qualities"], sections["owners"], github, audit_kinds=sections[AUDIT_KINDS]
    )


def _read_terms(
    node: Node,
    section: str,
    texts: TextReader,
    problems: list[Problem],
    github: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, Text]:
    """The names of one section; with ``github``, its entries may also name GitHub people,
    which are collected there."""
    if node.kind != "map":
        problems.append(node.place.error(f"'{section}' must be a group of names, e.g. friendly:"))
        return {}
    terms: dict[str, Text] = {}
    for key, key_place, value in node.entries:
        slug = read_slug(Node("str", key_place, scalar=key), Field(section, "slug", ""), problems)
        people = next((v for k, _, v in value.entries if k == GITHUB), None)
        if github is not None and people is not None:
            value = replace(value, entries=tuple(e for e in value.entries if e[0] != GITHUB))
            handles = _read_handles(people, key, problems)
            if slug and handles:
                github[slug] = handles
        text = texts(value, Field(key, "text", ""), problems)
        if slug and text:
            terms[slug] = text
    return terms


def _read_handles(node: Node, owner: str, problems: list[Problem]) -> tuple[str, ...]:
    """``["@user", "@org/team"]``: each one checked, as GitHub would refuse it in CODEOWNERS."""
    example = 'e.g. github: ["@example/front-office", "@maria-k"]'
    if node.kind != "seq":
        problems.append(
            node.place.error(f"'{GITHUB}' of '{owner}' must be a list of GitHub names, {example}")
        )
        return ()
    handles: list[str] = []
    for item in node.items:
        if item.kind == "str" and re.fullmatch(GITHUB_HANDLE_PATTERN, item.scalar):
            handles.append(item.scalar)
            continue
        shown = f"'{item.scalar}'" if item.kind == "str" else item.describe()
        problems.append(
            item.place.error(
                f"{shown} in '{GITHUB}' of '{owner}' is not a GitHub user or team; write "
                '"@user" or "@organisation/team", in quotes'
            )
        )
    return tuple(dict.fromkeys(handles))
