"""Audit visits: what an auditor or mystery shopper observed, standard by standard.

One file in ``audits/`` is one :class:`Audit`. Its results name standards by ID only, so an
audit keeps its history when a standard is changed or removed later; ``scores`` decides which
audits count and what they add up to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Result(StrEnum):
    """What the auditor saw for one standard; not-applicable is left out of compliance."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class AuditResult:
    """One observed standard. ``removed`` marks an ID the handbook no longer has: kept in
    the audit's history, left out of every score."""

    standard: str
    result: Result
    note: str = ""
    removed: bool = False


@dataclass(frozen=True)
class Audit:
    """One visit, from one file; ``slug`` is the file's name without ``.yaml``."""

    slug: str
    date: date
    kind: str
    auditor: str
    location: str
    results: tuple[AuditResult, ...]
    source_path: str

    @property
    def scored(self) -> tuple[AuditResult, ...]:
        return tuple(r for r in self.results if not r.removed)
