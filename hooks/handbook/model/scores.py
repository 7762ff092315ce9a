"""Compliance from the audits: per standard, phase, level, type, audit and quarter.

Compliance is passed / (passed + failed); not-applicable results are left out, so a standard
an auditor could not observe neither helps nor hurts. Which audits count is set in
``mkdocs.yml`` (``ScorePolicy``): by default every audit of the last 12 months. Level
weights let a handbook count a failed basic standard more than a failed exclusive one in the
figures that mix levels (phase, type, audit, quarter); a standard's own figures and a
level's are plain counts either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from handbook.model import Handbook, Level, Standard, StandardType
from handbook.model.audits import Audit, AuditResult, Result
from handbook.model.review import add_months


@dataclass(frozen=True)
class ScorePolicy:
    """Which audits count, and how much each level weighs in mixed figures."""

    today: date
    months: int = 12
    """Audits on or after the day this many months before ``today`` count."""
    latest: int = 0
    """0: every audit within ``months``; N: only the N most recent of them."""
    weights: Mapping[Level, int] = field(default_factory=dict)
    """Weight per level; a level not named weighs 1, and 0 leaves it out of mixed figures."""

    def weight(self, level: Level) -> int:
        return self.weights.get(level, 1)

    def since(self) -> date:
        return add_months(self.today, -self.months)

    def counted(self, audits: Iterable[Audit]) -> tuple[Audit, ...]:
        """The audits that count, oldest first (same day: by file name)."""
        recent = sorted((a for a in audits if a.date >= self.since()), key=_when)
        return tuple(recent[-self.latest :] if self.latest else recent)


def _when(audit: Audit) -> tuple[date, str]:
    return audit.date, audit.slug


@dataclass
class Tally:
    """Results added up; ``compliance`` is None while nothing was passed or failed."""

    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    weighted_passed: int = 0
    weighted_judged: int = 0

    def add(self, result: Result, weight: int = 1, count: int = 1) -> None:
        """``count`` results of one kind, each weighing ``weight``."""
        if result is Result.PASS:
            self.passed += count
            self.weighted_passed += weight * count
            self.weighted_judged += weight * count
        elif result is Result.FAIL:
            self.failed += count
            self.weighted_judged += weight * count
        else:
            self.not_applicable += count

    def add_tally(self, other: Tally, weight: int = 1) -> None:
        """Every result of ``other`` (added up unweighted), each weighing ``weight``."""
        self.add(Result.PASS, weight, other.passed)
        self.add(Result.FAIL, weight, other.failed)
        self.add(Result.NOT_APPLICABLE, weight, other.not_applicable)

    @property
    def judged(self) -> int:
        return self.passed + self.failed

    @property
    def compliance(self) -> float | None:
        return self.weighted_passed / self.weighted_judged if self.weighted_judged else None


@dataclass(frozen=True)
class Observed:
    """One result of one standard in one audit."""

    audit: Audit
    result: AuditResult


@dataclass(frozen=True)
class StandardScore:
    """A standard's results in the audits that count, oldest first."""

    observed: tuple[Observed, ...]

    @cached_property
    def tally(self) -> Tally:
        """Worked out once: each card line, summary and export row reads it."""
        tally = Tally()
        for seen in self.observed:
            tally.add(seen.result.result)
        return tally

    @property
    def last(self) -> Observed:
        return self.observed[-1]

    @property
    def summary(self) -> tuple[int, int, int, date, Result, bool]:
        """Passed, failed, not applicable, the last date and result, failing repeatedly."""
        tally, last = self.tally, self.last
        return (
            tally.passed,
            tally.failed,
            tally.not_applicable,
            last.audit.date,
            last.result.result,
            self.failing_repeatedly,
        )

    @cached_property
    def failing_repeatedly(self) -> bool:
        """Failed in both of the two most recent audits that passed or failed it."""
        judged = [s for s in self.observed if s.result.result is not Result.NOT_APPLICABLE]
        return len(judged) >= 2 and all(s.result.result is Result.FAIL for s in judged[-2:])


@dataclass(frozen=True)
class Scores:
    """Every figure of one build, computed once from the handbook and its audits."""

    policy: ScorePolicy
    counted: tuple[Audit, ...]
    standards: dict[str, StandardScore]
    phases: dict[str, Tally]
    levels: dict[Level, Tally]
    types: dict[StandardType, Tally]
    phase_levels: dict[tuple[str, Level], Tally]
    audits: dict[str, Tally]
    """Per audit slug, every audit on file (not only those that count)."""
    quarters: dict[str, Tally]
    """Per quarter ("2026-Q3"), oldest first, from every audit on file: the trend."""
    total: Tally = field(default_factory=Tally)
    """Every result of the audits that count, weighted."""

    def of(self, standard: Standard) -> StandardScore | None:
        return self.standards.get(standard.id)

    def failing_repeatedly(self, standard: Standard) -> bool:
        found = self.standards.get(standard.id)
        return found is not None and found.failing_repeatedly

    def never_audited(self, standards: Iterable[Standard]) -> list[Standard]:
        """The standards no audit that counts has a result for: what to cover next."""
        return [s for s in standards if s.id not in self.standards]


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def score(handbook: Handbook, policy: ScorePolicy) -> Scores:
    """Add up the handbook's audits under ``policy``."""
    standards = {s.id: s for s in handbook.standards()}
    counted = policy.counted(handbook.audits)
    observed: dict[str, list[Observed]] = {}
    phases: dict[str, Tally] = {p.slug: Tally() for p in handbook.phases}
    levels = {level: Tally() for level in Level}
    types = {kind: Tally() for kind in StandardType}
    phase_levels = {(p.slug, lv): Tally() for p in handbook.phases for lv in Level}
    total = Tally()
    for audit in counted:
        for result in audit.scored:
            observed.setdefault(result.standard, []).append(Observed(audit, result))
    own = {key: StandardScore(tuple(seen)) for key, seen in observed.items()}
    # A standard has one phase, level and type: its own tally adds into theirs at once.
    for key, found in own.items():
        standard, tally = standards[key], found.tally
        weight = policy.weight(standard.level)
        phases[standard.phase].add_tally(tally, weight)
        total.add_tally(tally, weight)
        levels[standard.level].add_tally(tally)
        types[standard.type].add_tally(tally, weight)
        phase_levels[standard.phase, standard.level].add_tally(tally)
    per_audit: dict[str, Tally] = {}
    quarters: dict[str, Tally] = {}
    for audit in sorted(handbook.audits, key=_when):
        tally = per_audit[audit.slug] = Tally()
        trend = quarters.setdefault(quarter(audit.date), Tally())
        by_level = Counter((standards[r.standard].level, r.result) for r in audit.scored)
        for (level, seen), count in by_level.items():
            tally.add(seen, policy.weight(level), count)
            trend.add(seen, policy.weight(level), count)
    return Scores(
        policy,
        counted,
        own,
        phases,
        levels,
        types,
        phase_levels,
        per_audit,
        quarters,
        total,
    )
