"""One standard as an HTML card: ID, type, level, owner, text, check and review badge."""

from __future__ import annotations

from markupsafe import Markup

from handbook.model import Standard, Text
from handbook.model.review import ReviewStatus
from handbook.render.markup import block
from handbook.render.view import View

STATUSES = tuple(ReviewStatus)


def badge(standard: Standard, view: View, with_date: bool = True) -> Markup:
    """The review-date badge: its status in words (not colour alone) and the next review.

    The build's status is in the HTML, so the badge is right without JavaScript. The data
    attributes let ``review.js`` recompute it on the reader's own date, with the words for
    every status in the page's language, so a badge can turn overdue between two builds.
    ``with_date=False`` leaves out the date for tables that show it in a column of its own.
    """
    next_review = view.policy.next_review(standard)
    return view.render(
        "badge.html",
        status=view.policy.status(standard),
        next_review=next_review,
        next_review_time=view.date(next_review),
        due_soon_days=view.policy.due_soon_days,
        statuses=STATUSES,
        with_date=with_date,
    )


def translated_block(text: Text, view: View, css: str) -> Markup:
    """A text field in the reader's language, or the source text with a visible notice."""
    translated = text.has(view.language)
    return view.render(
        "translated-block.html",
        css=css,
        html=block(text.get(view.language)),
        translated=translated,
        outdated=translated and text.is_outdated(view.language),
    )


def standard_card(standard: Standard, view: View) -> Markup:
    """The whole card on one line, so Markdown passes it through as a raw HTML block."""
    return view.render(
        "standard-card.html",
        standard=standard,
        owner=view.owner(standard.owner),
        last_reviewed_time=view.date(standard.last_reviewed),
        badge=badge(standard, view),
        text=translated_block(standard.text, view, "hb-standard__text"),
        check=translated_block(standard.check, view, "hb-check-text"),
        audit=audit_line(standard, view),
    )


def audit_line(standard: Standard, view: View) -> Markup:
    """ "Passed 3 of 4 audits · last 14 Nov 2026 (fail)", flagged when failing repeatedly;
    nothing for a standard no audit that counts has observed."""
    found = view.scores.of(standard) if view.scores is not None else None
    if found is None:
        return Markup("")
    tally, last = found.tally, found.last
    result = last.result.result.value
    passed_of = view.count("passed_of_audits", tally.judged) if tally.judged else ""
    return view.render(
        "audit-line.html",
        failing=found.failing_repeatedly,
        passed_of=passed_of.replace("{passed}", view.number(tally.passed)),
        last_result=result,
        last=Markup.escape(view.label("last_audit"))
        .replace("{result}", view.label(result))
        .replace("{date}", view.date(last.audit.date)),
    )
