"""Review pages: the dashboard, the home page's review summary and the "what changed" list.

Every list is computed from the model and the build's review policy, so the pages, the
calendar and the exports agree on each standard's status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from handbook.export import CALENDAR_FILE, DATA_FILE, table_file
from handbook.model import Handbook, Phase, Standard
from handbook.model.languages import native_name
from handbook.model.review import Due, ReviewStatus, count_by_status, review_list
from handbook.render.markup import inline
from handbook.render.standard import STATUSES, badge
from handbook.render.view import View, md_text


@dataclass(frozen=True)
class Row:
    """One standard in a review table; ``translated`` is False when ``text`` is the source
    text, which the table marks with its language so it keeps its direction."""

    standard: Standard
    href: str
    text: Markup
    translated: bool
    phase: str
    last_reviewed: Markup


@dataclass(frozen=True)
class DueRow(Row):
    """A row of the dashboard: also the next review and the status badge."""

    status: ReviewStatus
    next_review: Markup
    badge: Markup
    failing: bool = False
    """Failed in its two most recent audits: to review whatever its date says."""


@dataclass(frozen=True)
class PhaseRow:
    """One phase of the dashboard's table: the number of standards per status."""

    phase: Phase
    href: str
    counts: tuple[tuple[ReviewStatus, int], ...]
    total: int


@dataclass(frozen=True)
class Download:
    """The CSV table of one language."""

    language: str
    href: str
    name: str


def review_dashboard(handbook: Handbook, view: View) -> str:
    """Counts, the downloads, counts per phase, then one list per owner, most urgent first."""
    dues = review_list(handbook.standards(), view.policy)
    badges: dict[date, Markup] = {}
    parts = [
        view.render("review-as-of.html", as_of=_as_of(view)),
        _counts(dues, view),
        *_failing_repeatedly(handbook, dues, view, badges),
        f"## {md_text(view.label('downloads'))} {{#downloads}}",
        _downloads(view),
        f"## {md_text(view.label('by_phase'))} {{#by-phase}}",
        _phase_table(handbook, dues, view),
        f"## {md_text(view.label('by_owner'))} {{#by-owner}}",
    ]
    for owner in handbook.vocabulary.owners:
        owned = [d for d in dues if d.standard.owner == owner]
        if owned:
            parts += [
                f"### {md_text(view.owner(owner))} {{#owner-{owner}}}",
                _counts(owned, view),
                _due_table(handbook, owned, view, badges),
            ]
    return "\n\n".join(parts) + "\n"


def _failing_repeatedly(
    handbook: Handbook, dues: list[Due], view: View, badges: dict[date, Markup]
) -> list[str]:
    """The section of the standards that failed their two most recent audits, if any."""
    scores = view.scores
    failing = [d for d in dues if scores is not None and scores.failing_repeatedly(d.standard)]
    if not failing:
        return []
    return [
        f"## {md_text(view.label('failing_repeatedly_heading'))} {{#failing-repeatedly}}",
        f"<p>{escape(view.label('failing_repeatedly_advice'))}</p>",
        _due_table(handbook, failing, view, badges),
    ]


def review_summary(handbook: Handbook, view: View, dashboard: str) -> Markup:
    """The home page's counts per status, with a link to the dashboard at ``dashboard``."""
    dues = review_list(handbook.standards(), view.policy)
    return view.render(
        "review-summary.html", as_of=_as_of(view), counts=_counts(dues, view), dashboard=dashboard
    )


def recent_changes(handbook: Handbook, view: View, days: int = 90) -> str:
    """Standards reviewed in the last ``days`` days up to the build date, newest first."""
    since = view.policy.today - timedelta(days=days)
    recent = changed_since(handbook.standards(), since, view.policy.today)
    html = view.render(
        "recent-changes.html",
        since=_with_date(view, "changes_since" if recent else "no_changes", since),
        rows=[Row(*_cells(handbook, s, view)) for s in recent],
    )
    return html + "\n"


def changed_since(standards: Iterable[Standard], since: date, today: date) -> list[Standard]:
    """Standards last reviewed from ``since`` to ``today``, newest first, then by ID."""
    recent = [s for s in standards if since <= s.last_reviewed <= today]
    return sorted(recent, key=lambda s: (-s.last_reviewed.toordinal(), s.id))


def _as_of(view: View) -> Markup:
    return _with_date(view, "as_of", view.policy.today)


def _with_date(view: View, key: str, day: date) -> Markup:
    """A label with a ``{date}`` slot: the label escaped, the date as a <time> element."""
    return escape(view.label(key)).replace("{date}", view.date(day))


def _counts(dues: list[Due], view: View) -> Markup:
    """The number of standards per status, in words, plus the total.

    Each is a count of labels.yaml, so the words agree with the number: Polish writes
    "1 aktualny", "2 aktualne", "5 aktualnych".
    """
    counts = count_by_status(dues)
    return view.render(
        "review-counts.html",
        counts=[(s, view.count_html(_count_key(s), counts[s])) for s in ReviewStatus],
        total=view.count_html("total_count", len(dues)),
    )


def _count_key(status: ReviewStatus) -> str:
    """The count of labels.yaml for a status: due-soon → due_soon_count."""
    return f"{status.value.replace('-', '_')}_count"


def _downloads(view: View) -> Markup:
    """Links to the files the build writes at the site root."""
    tables = [
        Download(language, view.to_root + table_file(language), native_name(language))
        for language in view.handbook.languages
    ]
    return view.render(
        "review-downloads.html",
        calendar=view.to_root + CALENDAR_FILE,
        data=view.to_root + DATA_FILE,
        tables=tables,
    )


def _phase_table(handbook: Handbook, dues: list[Due], view: View) -> Markup:
    """Per phase, how many standards have each status, linking to the phase page."""
    rows = []
    for phase in (*handbook.principles, *handbook.sequence):
        counts = count_by_status(d for d in dues if d.standard.phase == phase.slug)
        rows.append(
            PhaseRow(
                phase,
                view.link(phase.slug, None),
                tuple((s, counts[s]) for s in ReviewStatus),
                sum(counts.values()),
            )
        )
    return view.render("review-phases.html", rows=rows, statuses=STATUSES)


def _due_table(
    handbook: Handbook, dues: list[Due], view: View, badges: dict[date, Markup]
) -> Markup:
    """One row per standard: ID, text, phase, last and next review, status badge.

    ``badges`` keeps one badge per review date for the whole dashboard: without its date,
    a badge depends on nothing else, and most standards share their review date with others.
    """
    rows = []
    for due in dues:
        if due.next_review not in badges:
            badges[due.next_review] = badge(due.standard, view, with_date=False)
        rows.append(
            DueRow(
                *_cells(handbook, due.standard, view),
                status=due.status,
                next_review=view.date(due.next_review),
                badge=badges[due.next_review],
                failing=view.scores is not None and view.scores.failing_repeatedly(due.standard),
            )
        )
    return view.render("review-table.html", rows=rows)


def _cells(
    handbook: Handbook, standard: Standard, view: View
) -> tuple[Standard, str, Markup, bool, str, Markup]:
    """A standard's cells; its text on one line, in the reader's language when there is one."""
    translated = standard.text.has(view.language)
    text = view.text(standard.text) if translated else standard.text.source
    return (
        standard,
        view.link(standard.phase, standard.anchor),
        inline(" ".join(text.split())),
        translated,
        view.text(handbook.phase(standard.phase).title),
        view.date(standard.last_reviewed),
    )
