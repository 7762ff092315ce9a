"""The review calendar: one all-day event per standard on its next review date (RFC 5545).

Written with the ``icalendar`` library so line folding, escaping and date values follow the
standard that calendar apps parse. Each event's UID is the standard's ID at the site's host:
re-importing or re-subscribing updates an event instead of adding a copy.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from handbook.export import Publication
from handbook.model.review import Due, review_list
from handbook.render.markup import plain

PRODUCT_ID = "-//service-handbook//review calendar//EN"
_SEQUENCE_START = date(2000, 1, 1)


def calendar_bytes(publication: Publication, stamp: datetime) -> bytes:
    """The whole calendar, events in date order; ``stamp`` is every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    labels, source = publication.handbook.labels, publication.handbook.languages.source
    calendar.add("x-wr-calname", labels.word("calendar_name", source))
    dues = review_list(publication.handbook.standards(), publication.policy)
    for due in sorted(dues, key=lambda d: (d.next_review, d.standard.id)):
        calendar.add_component(review_event(publication, due, stamp))
    return bytes(calendar.to_ical())


def event_uid(standard_id: str, host: str) -> str:
    """Stable across builds and dates: the same standard always has the same UID."""
    return f"{standard_id}@{host}"


def review_event(publication: Publication, due: Due, stamp: datetime) -> Event:
    """The review of one standard, in the source language, linking to the standard."""
    standard = due.standard
    handbook = publication.handbook
    source = handbook.languages.source
    owner = handbook.vocabulary.owners[standard.owner].source
    summary = (
        handbook.labels.word("calendar_summary", source)
        .replace("{id}", standard.id)
        .replace("{owner}", owner)
    )
    check = handbook.labels.word("check", source)
    event = Event()
    event.add("uid", event_uid(standard.id, publication.host))
    event.add("dtstamp", stamp)
    event.add("dtstart", due.next_review)
    event.add("dtend", due.next_review + timedelta(days=1))
    event.add("summary", summary)
    event.add(
        "description",
        f"{plain(standard.text.source)}\n\n{check}: {plain(standard.check.source)}",
    )
    event.add("url", publication.standard_url(standard, source))
    event.add("categories", [owner])
    event.add("transp", "TRANSPARENT")
    event.add("last-modified", datetime.combine(standard.last_reviewed, time(), tzinfo=UTC))
    # Grows each time last_reviewed moves forward, so apps that compare SEQUENCE on import
    # accept the new date instead of keeping the old event.
    event.add("sequence", max(0, (standard.last_reviewed - _SEQUENCE_START).days))
    return event
