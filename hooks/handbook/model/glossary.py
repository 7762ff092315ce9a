"""The glossary: one term for one thing, per language, from ``standards/glossary.yaml``.

Each concept names, per language, the preferred term, the variants a text must not use
(``avoid``; the checker warns where a text uses one) and the words readers look the
concept up with (``search``). A handbook without a glossary has no concepts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """One concept's words in one language."""

    term: str
    avoid: tuple[str, ...] = ()
    search: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """A thing the handbook names, with its words in the languages written so far.

    A language without words is simply not checked: the source language is required, the
    translations may follow.
    """

    key: str
    terms: Mapping[str, Term] = field(default_factory=dict)

    def term(self, language: str) -> Term | None:
        return self.terms.get(language)


@dataclass(frozen=True)
class Glossary:
    concepts: tuple[Concept, ...] = ()

    def terms(self, language: str) -> Iterator[tuple[Concept, Term]]:
        """Each concept that has words in ``language``, with those words."""
        for concept in self.concepts:
            term = concept.term(language)
            if term is not None:
                yield concept, term
