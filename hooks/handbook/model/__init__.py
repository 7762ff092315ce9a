"""The model: the typed records the loader hands to the renderers, and their rules.

Raw YAML dictionaries end at the loader; everything past it uses these classes. Beside
them: ``languages`` (the configured languages, their names, direction and plural rules),
``glossary`` (one term for one thing, per language), ``review`` (when a standard is due)
and ``status`` (which translations are missing or outdated).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from handbook.model.audits import Audit
from handbook.model.glossary import Glossary
from handbook.model.languages import Languages, plural_category


class StandardType(StrEnum):
    """What a standard governs: behaviour, the thing handed over, or how work is organised."""

    PERSONAL = "personal"
    PRODUCT = "product"
    PROCEDURE = "procedure"


class Level(StrEnum):
    """How far a standard goes: market norm, what the customer expects, or a surprise."""

    BASIC = "basic"
    EXPECTED = "expected"
    EXCLUSIVE = "exclusive"


def fingerprint(source_text: str) -> str:
    """A short, stable hash of a source text; a translation records the one it came from."""
    normalised = " ".join(source_text.split())
    # surrogatepass: an unpaired surrogate is reported by the checker, never a crash here
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:8]


@dataclass(frozen=True)
class Text:
    """A translatable text: the source-language text plus whatever translations exist.

    ``based_on`` maps a language to the fingerprint of the source text its translation was
    made from, so a changed source text shows the translation as outdated.
    """

    translations: dict[str, str]
    source_language: str
    based_on: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.translations[self.source_language]

    def has(self, language: str) -> bool:
        return bool(self.translations.get(language, "").strip())

    def get(self, language: str) -> str:
        """The text in ``language``, or the source text when it is not translated yet."""
        return self.translations[language] if self.has(language) else self.source

    def is_outdated(self, language: str) -> bool:
        """True when the translation records a source text other than the current one."""
        recorded = self.based_on.get(language)
        return recorded is not None and recorded != fingerprint(self.source)


@dataclass(frozen=True)
class Step:
    id: str
    title: Text
    qualities: tuple[str, ...]


@dataclass(frozen=True)
class Standard:
    id: str
    phase: str
    step: str | None
    type: StandardType
    level: Level
    owner: str
    last_reviewed: date
    review_months: int
    text: Text
    check: Text

    @property
    def anchor(self) -> str:
        """The URL fragment of the standard: its ID in lower case, stable across rebuilds."""
        return self.id.lower()


@dataclass(frozen=True)
class Phase:
    """One link of the service sequence (or the cross-cutting principles), from one file."""

    slug: str
    order: int
    title: Text
    summary: Text
    steps: tuple[Step, ...]
    standards: tuple[Standard, ...]
    source_path: str
    is_principles: bool = False
    removed: tuple[str, ...] = ()
    """IDs of standards taken out of the phase: audits that name them keep their history."""

    def standards_of(self, step_id: str | None) -> tuple[Standard, ...]:
        return tuple(s for s in self.standards if s.step == step_id)

    def by_step(self) -> list[tuple[Step | None, tuple[Standard, ...]]]:
        """The standards step by step, as the phase page shows them, then those of the
        whole phase (step None); a step without standards is left out."""
        groups: list[tuple[Step | None, tuple[Standard, ...]]] = [
            (step, self.standards_of(step.id)) for step in self.steps
        ]
        groups.append((None, self.standards_of(None)))
        return [(step, standards) for step, standards in groups if standards]


@dataclass(frozen=True)
class Vocabulary:
    """Translated names of the qualities, owner roles and audit kinds the data refers to.

    ``github`` names, per owner role, the GitHub users and teams (``@user``, ``@org/team``)
    who review its standards: ``.github/CODEOWNERS`` and the review reminders come from it.
    """

    qualities: dict[str, Text]
    owners: dict[str, Text]
    github: dict[str, tuple[str, ...]] = field(default_factory=dict)
    audit_kinds: dict[str, Text] = field(default_factory=dict)
    """The kinds of audit visit (internal, mystery-shopper…) that audit files name."""


@dataclass(frozen=True)
class Count:
    """A label with a number in it, one pattern per CLDR plural category and language.

    ``forms[language][category]`` holds a pattern with ``{count}``: Polish needs
    "2 standardy" but "5 standardów", Arabic six forms. A language without forms uses the
    source language's.
    """

    forms: dict[str, dict[str, str]]
    source_language: str

    def get(self, language: str, count: int, number: str) -> str:
        return self.pattern(language, count).replace("{count}", number)

    def pattern(self, language: str, count: int) -> str:
        """The pattern, with its ``{count}`` slot, that ``count`` takes in ``language``."""
        chosen = language if language in self.forms else self.source_language
        patterns = self.forms[chosen]
        return patterns.get(plural_category(chosen, count), patterns["other"])


@dataclass(frozen=True)
class Labels:
    """The words the handbook prints around the editors' text, from ``labels.yaml``."""

    words: dict[str, Text]
    counts: dict[str, Count]

    def word(self, key: str, language: str) -> str:
        return self.words[key].get(language)

    def optional_word(self, key: str, language: str) -> str | None:
        """A word ``labels.yaml`` may leave out (``reading.labels.OPTIONAL_WORDS``)."""
        text = self.words.get(key)
        return text.get(language) if text is not None else None


@dataclass(frozen=True)
class Handbook:
    phases: tuple[Phase, ...]
    vocabulary: Vocabulary
    labels: Labels
    languages: Languages
    glossary: Glossary = field(default_factory=Glossary)
    audits: tuple[Audit, ...] = ()

    @property
    def principles(self) -> tuple[Phase, ...]:
        return tuple(p for p in self.phases if p.is_principles)

    @property
    def sequence(self) -> tuple[Phase, ...]:
        """The service phases in the order a customer meets them."""
        return tuple(p for p in self.phases if not p.is_principles)

    def standards(self) -> Iterator[Standard]:
        for phase in self.phases:
            yield from phase.standards

    def phase(self, slug: str) -> Phase:
        for phase in self.phases:
            if phase.slug == slug:
                return phase
        raise KeyError(slug)
