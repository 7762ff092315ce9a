"""The checks that span records: values that must be unique, and names that point elsewhere.

A record's own fields are read where the record is read (``phases``, ``vocabulary``); whether
a value clashes with another record, or names one that is not there, is decided here. Each
such rule has one function and one message, whichever file the records stand in.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from handbook.model import Vocabulary
from handbook.reading.problems import Place, Problem
from handbook.reading.vocabulary import VOCABULARY_FILE


class Registry:
    """The first place of each value that must be unique; a repeat is reported at both.

    An editor who reuses an ID sees the error in the file they changed and in the file
    that had it first, so a pull request shows it inside its own diff.
    """

    def __init__(self, what: str, rule: str) -> None:
        self.what = what
        self.rule = rule
        self.first: dict[str, Place] = {}

    def add(self, value: str, place: Place, problems: list[Problem]) -> bool:
        """Record ``value`` at ``place``; False (and both places reported) if seen before."""
        first = self.first.get(value)
        if first is None:
            self.first[value] = place
            return True
        problems.append(
            place.error(
                f"{self.what} '{value}' is already used at {first.path}:{first.line}; {self.rule}"
            )
        )
        problems.append(
            first.error(
                f"{self.what} '{value}' is used again at {place.path}:{place.line}; {self.rule}"
            )
        )
        return False


def unique_standard_ids() -> Registry:
    """Standard IDs are anchors in links and calendar entries: unique across the handbook."""
    return Registry("standard ID", "IDs must be unique across the handbook")


def unique_orders() -> Registry:
    """The order places each phase in the service sequence, so no two phases share one."""
    return Registry("order", "give each phase its own position in the sequence")


def unique_step_ids() -> Registry:
    """Standards name their step by its id, so the steps of one phase need their own ids."""
    return Registry("step id", "give each step of the phase its own id")


def check_file_name(slug: str, place: Place, path: Path, problems: list[Problem]) -> None:
    """A phase is known by its slug (its page is ``docs/<slug>.md``) and found by its file's
    name; the two must agree, so each leads an editor to the other."""
    if slug != path.stem:
        problems.append(
            place.error(
                f"phase '{slug}' does not match the file name '{path.name}'; "
                f"rename the file to {slug}.yaml or set phase: {path.stem}"
            )
        )


def check_qualities(
    qualities: list[tuple[str, Place]], vocabulary: Vocabulary, problems: list[Problem]
) -> None:
    """A step's qualities are keys of the vocabulary, which gives them their names."""
    for quality, place in qualities:
        if quality not in vocabulary.qualities:
            problems.append(
                place.error(
                    f"quality '{quality}' is not in {VOCABULARY_FILE}; use one of: "
                    + ", ".join(sorted(vocabulary.qualities))
                )
            )


def check_step(step: str, place: Place, steps: Collection[str], problems: list[Problem]) -> None:
    """A standard belongs to a step of its own phase, under which it is shown."""
    if step not in steps:
        problems.append(
            place.error(
                f"step '{step}' is not a step of this phase; use one of: "
                + (", ".join(sorted(steps)) or "(no steps defined)")
            )
        )


def check_owner(owner: str, place: Place, vocabulary: Vocabulary, problems: list[Problem]) -> None:
    """A standard's owner is a role of the vocabulary, which gives it its name."""
    if owner not in vocabulary.owners:
        problems.append(
            place.error(
                f"owner '{owner}' is not in {VOCABULARY_FILE}; use one of: "
                + ", ".join(sorted(vocabulary.owners))
            )
        )


def check_removed(removed: dict[str, Place], ids: Registry, problems: list[Problem]) -> None:
    """A removed ID names a standard that is gone; one still in use would make the audits of
    the old standard count for the new one."""
    for standard_id, place in removed.items():
        current = ids.first.get(standard_id)
        if current is not None:
            problems.append(
                place.error(
                    f"standard '{standard_id}' is listed under 'removed' but is a standard at "
                    f"{current.path}:{current.line}; take it out of 'removed', or give the "
                    "standard a new ID"
                )
            )
