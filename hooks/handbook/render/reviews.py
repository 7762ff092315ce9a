"""Review pages: the dashboard, the home page's review summary and the "what changed" list.

Every list is computed from the model and the build's review policy, so the pages, the
calendar and the exports agree on each standard's status.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from html import escape

from handbook.export import CALENDAR_FILE, DATA_FILE, table_file
from handbook.model import Handbook, Phase, Standard, Text
from handbook.model.languages import native_name
from handbook.model.review import Due, ReviewStatus, count_by_status, review_list
from handbook.render.markup import inline
from handbook.render.standard import badge
from handbook.render.view import View, isolate, md_text


def review_dashboard(handbook: Handbook, view: View) -> str:
    """Counts, the downloads, counts per phase, then one list per owner, most urgent first."""
    dues = review_list(handbook.standards(), view.policy)
    parts = [
        f'<p class="hb-review-asof">{_as_of(view)}</p>',
        _counts(dues, view),
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
                _due_table(handbook, owned, view),
            ]
    return "\n\n".join(parts) + "\n"


def review_summary(handbook: Handbook, view: View, dashboard: str) -> str:
    """The home page's counts per status, with a link to the dashboard at ``dashboard``."""
    dues = review_list(handbook.standards(), view.policy)
    return (
        f'<div class="hb-review-summary"><p class="hb-review-asof">{_as_of(view)}</p>'
        f"{_counts(dues, view)}"
        f'<p><a class="hb-review-summary__link" href="{escape(dashboard)}">'
        f"{escape(view.label('open_dashboard'))}</a></p></div>"
    )


def recent_changes(handbook: Handbook, view: View, days: int = 90) -> str:
    """Standards reviewed in the last ``days`` days up to the build date, newest first."""
    since = view.policy.today - timedelta(days=days)
    recent = changed_since(handbook.standards(), since, view.policy.today)
    if not recent:
        return f'<p class="hb-empty">{_with_date(view, "no_changes", since)}</p>\n'
    head = _head(view, "last_reviewed", "id", "standard", "phase", "owner")
    rows = "".join(
        f"<tr><td>{view.date(s.last_reviewed)}</td><td>{_id_link(s, view)}</td>"
        f"<td>{_inline_text(s.text, view)}</td>"
        f"<td>{escape(view.text(handbook.phase(s.phase).title))}</td>"
        f"<td>{escape(view.owner(s.owner))}</td></tr>"
        for s in recent
    )
    return (
        f'<p class="hb-review-asof">{_with_date(view, "changes_since", since)}</p>\n\n'
        f'<div class="hb-review-table"><table>{head}<tbody>{rows}</tbody></table></div>\n'
    )


def changed_since(standards: Iterable[Standard], since: date, today: date) -> list[Standard]:
    """Standards last reviewed from ``since`` to ``today``, newest first, then by ID."""
    recent = [s for s in standards if since <= s.last_reviewed <= today]
    return sorted(recent, key=lambda s: (-s.last_reviewed.toordinal(), s.id))


def _as_of(view: View) -> str:
    return _with_date(view, "as_of", view.policy.today)


def _with_date(view: View, key: str, day: date) -> str:
    """A label with a ``{date}`` slot, the label escaped and the date as a <time> element."""
    return escape(view.label(key)).replace("{date}", view.date(day))


def _counts(dues: list[Due], view: View) -> str:
    """The number of standards per status, in words, plus the total.

    Each is a count of labels.yaml, so the words agree with the number: Polish writes
    "1 aktualny", "2 aktualne", "5 aktualnych".
    """
    counts = count_by_status(dues)
    items = "".join(
        f'<li class="hb-review-count hb-review-count--{status.value}" '
        f'data-status="{status.value}">{view.count_html(_count_key(status), counts[status])}</li>'
        for status in ReviewStatus
    )
    total = (
        '<li class="hb-review-count hb-review-count--total">'
        f"{view.count_html('total_count', len(dues))}</li>"
    )
    return f'<ul class="hb-review-counts">{items}{total}</ul>'


def _count_key(status: ReviewStatus) -> str:
    """The count of labels.yaml for a status: due-soon → due_soon_count."""
    return f"{status.value.replace('-', '_')}_count"


def _downloads(view: View) -> str:
    """Links to the files the build writes at the site root."""
    tables = " · ".join(
        f'<a href="{escape(view.to_root + table_file(language))}" hreflang="{language}" '
        f'download><bdi lang="{language}">{escape(native_name(language))}</bdi></a>'
        for language in view.handbook.languages
    )
    items = (
        f'<li><a href="{escape(view.to_root + CALENDAR_FILE)}" download>'
        f"{escape(view.label('calendar_export'))}</a></li>"
        f'<li><a href="{escape(view.to_root + DATA_FILE)}" download>'
        f"{escape(view.label('data_export'))}</a></li>"
        f"<li>{escape(view.label('table_export'))}: {tables}</li>"
    )
    return f'<ul class="hb-downloads">{items}</ul>'


def _phase_table(handbook: Handbook, dues: list[Due], view: View) -> str:
    """Per phase, how many standards have each status, linking to the phase page."""
    rows = "".join(
        _phase_row(phase, [d for d in dues if d.standard.phase == phase.slug], view)
        for phase in (*handbook.principles, *handbook.sequence)
    )
    head = _head(view, "phase", *(s.value for s in ReviewStatus), "total")
    return f'<div class="hb-review-phases"><table>{head}<tbody>{rows}</tbody></table></div>'


def _phase_row(phase: Phase, dues: list[Due], view: View) -> str:
    counts = count_by_status(dues)
    cells = "".join(
        f'<td class="{_count_class(status, counts[status])}">{counts[status]}</td>'
        for status in ReviewStatus
    )
    title = f'<a href="{escape(view.link(phase.slug, None))}">{escape(view.text(phase.title))}</a>'
    return f'<tr><th scope="row">{title}</th>{cells}<td>{len(dues)}</td></tr>'


def _count_class(status: ReviewStatus, count: int) -> str:
    """A non-zero count carries its status, so the stylesheet can make overdue stand out."""
    base = "hb-review-phases__count"
    return f"{base} {base}--{status.value}" if count else base


def _due_table(handbook: Handbook, dues: list[Due], view: View) -> str:
    """One row per standard: ID, text, phase, last and next review, status badge."""
    head = _head(view, "id", "standard", "phase", "last_reviewed", "next_review", "status")
    rows = "".join(
        f'<tr data-status="{d.status.value}"><td>{_id_link(d.standard, view)}</td>'
        f"<td>{_inline_text(d.standard.text, view)}</td>"
        f"<td>{escape(view.text(handbook.phase(d.standard.phase).title))}</td>"
        f"<td>{view.date(d.standard.last_reviewed)}</td><td>{view.date(d.next_review)}</td>"
        f"<td>{badge(d.standard, view, with_date=False)}</td></tr>"
        for d in dues
    )
    return f'<div class="hb-review-table"><table>{head}<tbody>{rows}</tbody></table></div>'


def _head(view: View, *keys: str) -> str:
    cells = "".join(f'<th scope="col">{escape(view.label(key))}</th>' for key in keys)
    return f"<thead><tr>{cells}</tr></thead>"


def _id_link(standard: Standard, view: View) -> str:
    href = escape(view.link(standard.phase, standard.anchor))
    return f'<a class="hb-standard__id" href="{href}">{isolate(standard.id)}</a>'


def _inline_text(text: Text, view: View) -> str:
    """A text in one table cell; a source-text fallback is marked so it keeps its direction."""
    if text.has(view.language):
        return inline(" ".join(view.text(text).split()))
    source = inline(" ".join(text.source.split()))
    return f'<span lang="{view.source_language}" dir="{view.source_direction}">{source}</span>'
