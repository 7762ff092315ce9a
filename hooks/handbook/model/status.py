"""Translation status on the loaded model: per language, what is translated, missing, outdated.

The CLI (``handbook status``), the reports and the translations page count from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from handbook.model import Handbook, Phase, Text


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
