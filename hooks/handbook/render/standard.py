"""One standard as an HTML card: ID, type, level, owner, text, check and review badge."""

from __future__ import annotations

from html import escape

from handbook.model import Standard, Text
from handbook.model.review import ReviewStatus
from handbook.render.markup import block
from handbook.render.view import View, isolate


def badge(standard: Standard, view: View, with_date: bool = True) -> str:
    """The review-date badge: its status in words (not colour alone) and the next review.

    The build's status is in the HTML, so the badge is right without JavaScript. The data
    attributes let ``review.js`` recompute it on the reader's own date, with the words for
    every status in the page's language, so a badge can turn overdue between two builds.
    ``with_date=False`` leaves out the date for tables that show it in a column of its own.
    """
    status = view.policy.status(standard)
    due = view.policy.next_review(standard)
    words = "".join(
        f' data-word-{each.value}="{escape(view.label(each.value))}"' for each in ReviewStatus
    )
    date = (
        f' <span class="hb-badge__date">{escape(view.label("review_by"))} {view.date(due)}</span>'
        if with_date
        else ""
    )
    return (
        f'<span class="hb-badge hb-badge--{status.value}" data-next-review="{due.isoformat()}" '
        f'data-due-soon-days="{view.policy.due_soon_days}"{words}>'
        f'<span class="hb-badge__word">{escape(view.label(status.value))}</span>{date}</span>'
    )


def translated_block(text: Text, view: View, css: str) -> str:
    """A text field in the reader's language, or the source text with a visible notice."""
    language = view.language
    if text.has(language):
        notice = (
            f'<p class="hb-notice hb-notice--outdated">{escape(view.label("outdated"))}</p>'
            if text.is_outdated(language)
            else ""
        )
        return f'<div class="{css}">{block(text.get(language))}</div>{notice}'
    return (
        f'<div class="{css}" lang="{view.source_language}" dir="{view.source_direction}">'
        f"{block(text.source)}</div>"
        f'<p class="hb-notice hb-notice--untranslated">{escape(view.label("not_translated"))}</p>'
    )


def standard_card(standard: Standard, view: View) -> str:
    """The whole card on one line, so Markdown passes it through as a raw HTML block."""
    chips = (
        f'<span class="hb-chip hb-chip--type">{escape(view.label(standard.type.value))}</span> '
        f'<span class="hb-chip hb-chip--{standard.level.value}">'
        f"{escape(view.label(standard.level.value))}</span>"
    )
    meta = (
        f'<p class="hb-standard__meta"><span>{escape(view.label("owner"))}: '
        f"{escape(view.owner(standard.owner))}</span> · "
        f"<span>{escape(view.label('last_reviewed'))}: {view.date(standard.last_reviewed)}</span>"
        "</p>"
    )
    check = (
        f'<div class="hb-standard__check"><p class="hb-standard__check-label">'
        f"{escape(view.label('check'))}</p>"
        f"{translated_block(standard.check, view, 'hb-check-text')}</div>"
    )
    return (
        f'<article class="hb-standard hb-standard--{standard.level.value}" '
        f'data-standard="{escape(standard.id)}">'
        f'<h3 class="hb-standard__title" id="{escape(standard.anchor)}">'
        f'<a class="hb-standard__id" href="#{escape(standard.anchor)}">{isolate(standard.id)}</a> '
        f"{chips}</h3>"
        f'<p class="hb-standard__badge">{badge(standard, view)}</p>'
        f"{translated_block(standard.text, view, 'hb-standard__text')}"
        f"{check}{meta}</article>"
    )
