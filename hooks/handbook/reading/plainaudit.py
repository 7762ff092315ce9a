"""A quick reader for audit files in their usual plain shape; the full reader does the rest.

An audit of a large handbook has thousands of results, and building located YAML nodes
for them cost seconds per visit (``bench/RESULTS.md``). Nearly every audit file is written
in one plain shape, the one ``handbook audit import`` writes: ``key: value`` lines, and
``results:`` followed by ``- standard: …`` items. Read line by line, that shape takes a
fiftieth of the time.

The quick reader accepts only files it can read exactly as YAML would and the checker
would accept without a word. Anything else (quotes, a comment after a value, flow style,
text over several lines, a value YAML reads as a number, a date or null, a removed or
unknown standard, any mistake) gives None, and ``reading.audits`` reads the file in full
and reports what it finds: the messages never depend on which reader ran.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import ScalarNode

from handbook.model.audits import Audit, AuditResult, Result
from handbook.reading.contract import SLUG_PATTERN, STANDARD_ID_PATTERN
from handbook.reading.textrules import text_faults

if TYPE_CHECKING:
    from handbook.reading.audits import AuditContext

_LINE = re.compile(r"([a-z]+): (.*)")
_ITEM = re.compile(r"( *)- standard: ([^\n]*)\n\1  result: ([^\n]*)\n(?:\1  note: ([^\n]*)\n)?")
"""One result; every item has the first one's indentation (``\\1``)."""
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_BREAKS = ("\r", "\t", "\x85", "\u2028", "\u2029", "\ufeff")
"""Characters YAML reads as line breaks, indentation or a byte order mark: the full reader."""
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
"""Characters YAML refuses anywhere in a file, comments and blank lines included."""
_VISIT_KEYS = frozenset({"date", "kind", "auditor", "location"})
_RESULTS = {result.value: result for result in Result}
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_RESOLVED_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)
"""First characters of the plain values YAML may read as something else than text."""


class _NotPlain(Exception):
    """The file is not in the plain shape: leave it to the full reader."""


def read_plain_audit(text: str, slug: str, shown: str, context: AuditContext) -> Audit | None:
    """The audit in ``text``, or None when the full reader must read it."""
    if any(mark in text for mark in _BREAKS) or _NON_PRINTABLE.search(text):
        return None
    if not text.endswith("\n"):
        text += "\n"  # the last line's end, which YAML does not need either
    head, found, results = text.partition("\nresults:\n")
    try:
        if not found:
            raise _NotPlain
        visit = _visit(head.split("\n"))
        return _audit(visit, _results(results, context), slug, shown, context)
    except _NotPlain:
        return None


def _visit(lines: list[str]) -> dict[str, str]:
    """The visit's ``key: value`` lines, before ``results:``; whole-line comments allowed."""
    visit: dict[str, str] = {}
    for line in lines:
        if not line.strip(" ") or line.startswith("#"):  # YAML's spaces, not Python's
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise _NotPlain
        key = match[1]
        if key not in _VISIT_KEYS or key in visit:
            raise _NotPlain
        visit[key] = _plain(match[2])
    return visit


def _results(text: str, context: AuditContext) -> tuple[AuditResult, ...]:
    """The items after ``results:``, each ``- standard``, ``result`` and an optional
    ``note`` in that order, one after the other to the end of the file."""
    results: list[AuditResult] = []
    end, indent = 0, None
    for item in _ITEM.finditer(text):
        if item.start() != end or indent not in (None, item[1]):
            raise _NotPlain
        end, indent = item.end(), item[1]
        results.append(_result(item[2], item[3], item[4], context))
    if not results or text[end:].strip(" \n"):
        raise _NotPlain
    return tuple(results)


def _plain(value: str) -> str:
    """``value`` if YAML reads it as this very text (a plain scalar on one line)."""
    if (
        not value
        or value != value.strip()
        or value[0] in _INDICATORS
        or ": " in value
        or " #" in value
        or value.endswith(":")
    ):
        raise _NotPlain
    return value


def _text(value: str) -> str:
    """A free text (note, auditor, location) the checker accepts, spaces joined."""
    if value[0] in _RESOLVED_FIRST:
        resolved = _RESOLVER.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        if resolved != _STR:
            raise _NotPlain
    if text_faults(value):
        raise _NotPlain
    return " ".join(value.split())


def _result(standard: str, result: str, note: str | None, context: AuditContext) -> AuditResult:
    observed = _RESULTS.get(result)
    if observed is None or standard not in context.standards:
        raise _NotPlain
    if not re.match(STANDARD_ID_PATTERN, standard):
        raise _NotPlain
    return AuditResult(standard, observed, "" if note is None else _text(_plain(note)), False)


def _audit(
    visit: dict[str, str],
    results: tuple[AuditResult, ...],
    slug: str,
    shown: str,
    context: AuditContext,
) -> Audit:
    if "kind" not in visit or "auditor" not in visit:
        raise _NotPlain
    day, kind = _day(visit.get("date", ""), context.today), _text(visit["kind"])
    if not re.match(SLUG_PATTERN, kind) or kind not in context.kinds:
        raise _NotPlain
    if len({result.standard for result in results}) != len(results):
        raise _NotPlain
    location = visit.get("location")
    where = "" if location is None else _text(location)
    return Audit(slug, day, kind, _text(visit["auditor"]), where, results, shown)


def _day(value: str, today: date) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _NotPlain
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _NotPlain from None
    if day > today:
        raise _NotPlain
    return day
