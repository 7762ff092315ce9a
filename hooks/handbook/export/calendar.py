"""The review calendar: one all-day event per standard on its next review date (RFC 5545).

Written line by line here rather than with a calendar library: the format needs only
escaping, folding at 75 octets and three kinds of value, and the library took a second of
every build of a 3,000-standard handbook (``bench/RESULTS.md``). The tests read the file
back with ``icalendar``, as calendar apps would. Each event's UID is the standard's ID at
the site's host: re-importing or re-subscribing updates an event instead of adding a copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from handbook.export import Publication
from handbook.model.review import Due, review_list
from handbook.render.markup import plain

PRODUCT_ID = "-//service-handbook//review calendar//EN"
_SEQUENCE_START = date(2000, 1, 1)
FOLD_OCTETS = 75


def calendar_bytes(publication: Publication, stamp: datetime) -> bytes:
    """The whole calendar, events in date order; ``stamp`` is every event's DTSTAMP."""
    labels, source = publication.handbook.labels, publication.handbook.languages.source
    dues = review_list(publication.handbook.standards(), publication.policy)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODUCT_ID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(labels.word('calendar_name', source))}",
    ]
    for due in sorted(dues, key=lambda d: (d.next_review, d.standard.id)):
        lines += review_event(publication, due, stamp)
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line)).encode("utf-8")


def event_uid(standard_id: str, host: str) -> str:
    """Stable across builds and dates: the same standard always has the same UID."""
    return f"{standard_id}@{host}"


def review_event(publication: Publication, due: Due, stamp: datetime) -> list[str]:
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
    description = f"{plain(standard.text.source)}\n\n{check}: {plain(standard.check.source)}"
    reviewed = datetime.combine(standard.last_reviewed, time(), tzinfo=UTC)
    return [
        "BEGIN:VEVENT",
        f"UID:{_text(event_uid(standard.id, publication.host))}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART;VALUE=DATE:{_day(due.next_review)}",
        f"DTEND;VALUE=DATE:{_day(due.next_review + timedelta(days=1))}",
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(description)}",
        f"URL:{publication.standard_url(standard, source)}",
        f"CATEGORIES:{_text(owner)}",
        "TRANSP:TRANSPARENT",
        f"LAST-MODIFIED:{_utc(reviewed)}",
        # Grows each time last_reviewed moves forward, so apps that compare SEQUENCE on
        # import accept the new date instead of keeping the old event.
        f"SEQUENCE:{max(0, (standard.last_reviewed - _SEQUENCE_START).days)}",
        "END:VEVENT",
    ]


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped, controls dropped."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )
    return "".join(c for c in escaped if c == "\t" or (c >= " " and c != "\x7f"))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _fold(line: str) -> Iterator[str]:
    """The line in pieces of at most 75 octets, never inside a character; every piece but
    the first starts with the space that marks a continuation."""
    data, start, room = line.encode("utf-8"), 0, FOLD_OCTETS
    while len(data) - start > room:
        end = start + room
        while data[end] & 0b1100_0000 == 0b1000_0000:  # inside a character: cut before it
            end -= 1
        yield ("" if start == 0 else " ") + data[start:end].decode("utf-8")
        start, room = end, FOLD_OCTETS - 1
    yield ("" if start == 0 else " ") + data[start:].decode("utf-8")
