"""Phase pages rendered by an earlier build of the same preview, reused while unchanged.

``mkdocs serve`` builds the whole site again for each edit, and an edit changes one phase
file; rendering the cards of the other phases again was a third of a rebuild on a
3,000-standard handbook. A phase page depends on the phase, the reader's language, the
review rules (with the build's date), the handbook's labels, vocabulary and languages, and
the templates of its cards: while all of these are equal to what an earlier build had, its
page is the same text.
"""

from __future__ import annotations

import functools

from handbook.model import Phase
from handbook.render.phase import phase_page
from handbook.render.view import View

TEMPLATES = (
    "standard-card.html",
    "badge.html",
    "translated-block.html",
    "qualities.html",
    "audit-line.html",
)
"""Every template a phase page renders."""


class PhasePages:
    """Phase pages by phase and language, with what each was made from."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], tuple[tuple[object, ...], str]] = {}

    def page(self, phase: Phase, view: View) -> str:
        """``phase_page(phase, view)``, reused when nothing it depends on changed."""
        handbook = view.handbook
        made_from = (
            phase,
            view.policy,
            handbook.labels,
            handbook.vocabulary,
            handbook.languages,
            view.templates.current(TEMPLATES),
            _audit_lines(phase, view),
        )
        key = (phase.slug, view.language)
        kept = self._pages.get(key)
        if kept is not None and kept[0] == made_from:
            return kept[1]
        page = phase_page(phase, view)
        self._pages[key] = (made_from, page)
        return page


def _audit_lines(phase: Phase, view: View) -> tuple[object, ...]:
    """What the cards' audit lines show: compared instead of the audits themselves, which
    hold every result of every phase."""
    if view.scores is None:
        return ()
    found = (view.scores.of(standard) for standard in phase.standards)
    return tuple(score.summary if score is not None else None for score in found)


@functools.cache
def kept_between_builds() -> PhasePages:
    """One store for this process: ``mkdocs serve`` rebuilds in the same process."""
    return PhasePages()
