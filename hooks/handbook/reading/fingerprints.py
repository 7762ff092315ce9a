"""Fingerprints in the YAML: which translation was made from an older source text.

A translation records the fingerprint of the source text it was made from (the ``based_on``
key, written by ``handbook translated``). When the source text changes the fingerprint no
longer matches, and the translation is *outdated* until a translator updates and marks it.
This module works on YAML nodes, for the loader's warnings and the marking tool;
``handbook.model.status`` counts the same states on the loaded model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.model import fingerprint
from handbook.model.languages import Languages, english_name
from handbook.reading.contract import FINGERPRINT_PATTERN
from handbook.reading.fields import BASED_ON
from handbook.reading.problems import Problem
from handbook.reading.yamlsource import Node

SCALAR_KINDS = frozenset({"str", "int", "float"})


@dataclass(frozen=True)
class TextSite:
    """A translatable map in a file: its field name, the ID it belongs to, and its node."""

    field: str
    owner: str
    node: Node

    def entry(self, key: str) -> Node | None:
        return next((value for k, _, value in self.node.entries if k == key), None)


def is_text(node: Node, source: str) -> bool:
    """A map with a key of the source language is a translatable text, wherever it stands."""
    return node.kind == "map" and any(key == source for key, _, _ in node.entries)


def text_sites(root: Node, source: str) -> list[TextSite]:
    """Every translatable map under ``root``, named by the nearest ``id`` or ``phase``.

    A standard's texts belong to its ID, a step's title to the step id, a phase's title and
    summary to the phase, a vocabulary name to its key: the names ``--id`` accepts.
    """
    sites: list[TextSite] = []
    _walk(root, "", source, sites)
    return sites


def _walk(node: Node, owner: str, source: str, sites: list[TextSite]) -> None:
    if node.kind == "seq":
        for item in node.items:
            _walk(item, owner, source, sites)
    elif node.kind == "map":
        own = own_name(node) or owner
        for key, _, value in node.entries:
            if is_text(value, source):
                sites.append(TextSite(key, own or key, value))
            else:
                _walk(value, own, source, sites)


def own_name(node: Node) -> str:
    """The ``id`` or ``phase`` a map names itself by, or ""."""
    for key, _, value in node.entries:
        if key in {"id", "phase"} and value.kind in SCALAR_KINDS:
            return value.scalar
    return ""


def recorded_fingerprints(site: TextSite, languages: Languages) -> dict[str, Node]:
    """The well-formed ``based_on`` entries of a site by language; the loader reports the rest."""
    based_on = site.entry(BASED_ON)
    if based_on is None or based_on.kind != "map":
        return {}
    return {
        language: value
        for language, _, value in based_on.entries
        if language in languages.translated
        and value.kind in SCALAR_KINDS
        and re.match(FINGERPRINT_PATTERN, value.scalar)
    }


def outdated_warnings(root: Node, languages: Languages) -> list[Problem]:
    """A warning on every translation whose recorded source text is not the current one."""
    problems: list[Problem] = []
    for site in text_sites(root, languages.source):
        original = site.entry(languages.source)
        if original is None or original.kind not in SCALAR_KINDS:
            continue
        current = fingerprint(original.scalar)
        for language, recorded in recorded_fingerprints(site, languages).items():
            translation = site.entry(language)
            if translation is None or translation.kind not in SCALAR_KINDS:
                continue
            if recorded.scalar != current and translation.scalar.strip():
                problems.append(_outdated(site, language, translation))
    return problems


def _outdated(site: TextSite, language: str, translation: Node) -> Problem:
    place = translation.place
    return place.warning(
        f"the {english_name(language)} '{site.field}' of {site.owner} was translated from "
        f"an earlier source text; update it, then run: handbook translated {place.path} "
        f"--language {language} --id {site.owner}"
    )
