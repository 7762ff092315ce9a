"""What changed between two versions of a handbook, as data a reviewer can read.

A pull request that edits folded YAML in three languages is hard to read line by line; this
compares the two handbooks standard by standard instead: added, removed (never silently),
moved to another phase or step, and each changed field per language, with the translations
the change leaves outdated and the review dates it moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handbook.model import Handbook, Standard, Text
from handbook.model.review import ReviewPolicy

SCALAR_FIELDS = ("type", "level", "owner", "review_months", "last_reviewed")
TEXT_FIELDS = ("text", "check")


@dataclass(frozen=True)
class FieldChange:
    """One field of a standard, before and after; ``language`` only for a text."""

    field: str
    before: str
    after: str
    language: str | None = None


@dataclass(frozen=True)
class Move:
    """A standard now under another phase or step (``phase/step``, or the phase alone)."""

    id: str
    before: str
    after: str


@dataclass(frozen=True)
class StandardChange:
    """A standard present in both versions whose fields differ."""

    id: str
    phase: str
    fields: tuple[FieldChange, ...]
    outdated: tuple[FieldChange, ...]
    """Translations whose source text changed while they did not: ``before`` is the old
    source text, ``after`` the translation left as it was."""
    next_review: tuple[date, date] | None
    """The next review date before and after, when the change moves it."""


@dataclass(frozen=True)
class HandbookChanges:
    """Every difference between two handbooks that a reader of the site would notice."""

    removed: tuple[Standard, ...]
    added: tuple[Standard, ...]
    moved: tuple[Move, ...]
    changed: tuple[StandardChange, ...]
    phases_removed: tuple[str, ...]
    phases_added: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (
            self.removed
            or self.added
            or self.moved
            or self.changed
            or self.phases_removed
            or self.phases_added
        )


def compare(before: Handbook, after: Handbook, policy: ReviewPolicy) -> HandbookChanges:
    """The changes from ``before`` to ``after``, each list in the order of ``after``."""
    old = {standard.id: standard for standard in before.standards()}
    new = {standard.id: standard for standard in after.standards()}
    kept = [standard for standard in after.standards() if standard.id in old]
    languages = after.languages
    return HandbookChanges(
        removed=tuple(standard for standard in before.standards() if standard.id not in new),
        added=tuple(standard for standard in after.standards() if standard.id not in old),
        moved=tuple(
            Move(s.id, place(old[s.id]), place(s)) for s in kept if place(old[s.id]) != place(s)
        ),
        changed=tuple(
            change
            for standard in kept
            if (change := _changed(old[standard.id], standard, languages.translated, policy))
        ),
        phases_removed=_slugs(before, after),
        phases_added=_slugs(after, before),
    )


def place(standard: Standard) -> str:
    """Where a standard is shown: its phase, and its step within it when it has one."""
    return f"{standard.phase}/{standard.step}" if standard.step else standard.phase


def _slugs(one: Handbook, other: Handbook) -> tuple[str, ...]:
    """The phases of ``one`` that ``other`` does not have."""
    others = {phase.slug for phase in other.phases}
    return tuple(phase.slug for phase in one.phases if phase.slug not in others)


def _changed(
    before: Standard, after: Standard, translated: tuple[str, ...], policy: ReviewPolicy
) -> StandardChange | None:
    fields = [
        FieldChange(name, str(getattr(before, name)), str(getattr(after, name)))
        for name in SCALAR_FIELDS
        if getattr(before, name) != getattr(after, name)
    ]
    outdated: list[FieldChange] = []
    for name in TEXT_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        fields += _text_changes(name, old, new)
        outdated += _left_outdated(name, old, new, translated)
    if not fields:
        return None
    dates = policy.next_review(before), policy.next_review(after)
    return StandardChange(
        after.id,
        after.phase,
        tuple(fields),
        tuple(outdated),
        dates if dates[0] != dates[1] else None,
    )


def _text_changes(name: str, before: Text, after: Text) -> list[FieldChange]:
    """The languages whose own text differs (a fallback to the source is not a text)."""
    languages = dict.fromkeys([after.source_language, *before.translations, *after.translations])
    return [
        FieldChange(name, _own(before, language), _own(after, language), language)
        for language in languages
        if _own(before, language) != _own(after, language)
    ]


def _own(text: Text, language: str) -> str:
    return text.translations.get(language, "").strip()


def _left_outdated(
    name: str, before: Text, after: Text, translated: tuple[str, ...]
) -> list[FieldChange]:
    """Translations that still read as made from the old source text."""
    if before.source == after.source:
        return []
    return [
        FieldChange(name, before.source, _own(after, language), language)
        for language in translated
        if after.has(language) and _own(after, language) == _own(before, language)
    ]
