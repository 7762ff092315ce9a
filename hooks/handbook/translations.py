"""Which translations exist, which are missing, and which were made from an older source text.

A translation records the fingerprint of the source text it was made from (the ``based_on``
key, written by ``handbook translated``). When the source text changes the fingerprint no
longer matches, and the translation is *outdated* until a translator updates and marks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from handbook.contract import FINGERPRINT_PATTERN
from handbook.fields import BASED_ON
from handbook.languages import Languages, english_name
from handbook.model import Handbook, Phase, Text, fingerprint
from handbook.problems import Problem
from handbook.yamlsource import Node

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
        own = _own_name(node) or owner
        for key, _, value in node.entries:
            if is_text(value, source):
                sites.append(TextSite(key, own or key, value))
            else:
                _walk(value, own, source, sites)


def _own_name(node: Node) -> str:
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


class State(StrEnum):
    TRANSLATED = "translated"
    MISSING = "missing"
    OUTDATED = "outdated"


def state(texts: Sequence[Text], language: str) -> State:
    """Missing if any text lacks the language, outdated if made from an older source text."""
    if not all(text.has(language) for text in texts):
        return State.MISSING
    if any(text.is_outdated(language) for text in texts):
        return State.OUTDATED
    return State.TRANSLATED


@dataclass(frozen=True)
class Row:
    """One phase's standards (or the other texts) in one language, sorted into the states."""

    name: str
    phase: Phase | None
    items: tuple[tuple[str, State], ...]

    def named(self, wanted: State) -> tuple[str, ...]:
        return tuple(name for name, found in self.items if found is wanted)

    @property
    def total(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    rows: tuple[Row, ...]

    def count(self, wanted: State) -> int:
        return sum(len(row.named(wanted)) for row in self.rows)

    @property
    def complete(self) -> bool:
        return self.count(State.MISSING) == 0 and self.count(State.OUTDATED) == 0


OTHER_TEXTS = "other texts"


def translation_status(handbook: Handbook) -> tuple[LanguageStatus, ...]:
    """Per language: a row per phase (its standards), then a row of every other text."""
    return tuple(
        LanguageStatus(
            language,
            (
                *(_phase_row(phase, language) for phase in handbook.phases),
                Row(OTHER_TEXTS, None, tuple(_other_items(handbook, language))),
            ),
        )
        for language in handbook.languages.translated
    )


def _phase_row(phase: Phase, language: str) -> Row:
    items = tuple((s.id, state((s.text, s.check), language)) for s in phase.standards)
    return Row(phase.slug, phase, items)


def _other_items(handbook: Handbook, language: str) -> Iterator[tuple[str, State]]:
    for phase in handbook.phases:
        yield f"{phase.slug}: title", state((phase.title,), language)
        yield f"{phase.slug}: summary", state((phase.summary,), language)
        for step in phase.steps:
            yield f"{phase.slug}: {step.id}", state((step.title,), language)
    for section, terms in (
        ("qualities", handbook.vocabulary.qualities),
        ("owners", handbook.vocabulary.owners),
    ):
        for key, text in terms.items():
            yield f"{section}: {key}", state((text,), language)
