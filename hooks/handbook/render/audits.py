"""The audit pages: the overview (compliance, trend, visits, what is not audited) and one
page per audit, in the reader's language.

The trend is an inline SVG drawn here, with a table of the same figures beside it: no
script, nothing from elsewhere, nothing the content security policy has to allow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from handbook.export.forms import form_file
from handbook.model import Handbook, Level, Phase, Standard
from handbook.model.audits import Audit, AuditResult, Result
from handbook.model.scores import Scores, Tally
from handbook.render.formats import local_date, local_percent
from handbook.render.markup import inline
from handbook.render.view import View, Words, md_text

LinkToAudit = Callable[[Audit], str]
"""An audit → the URL of its page, relative to the current page."""
LinkToForm = Callable[[Phase], str]
"""A phase → the URL of its blank audit form, relative to the current page."""

CHART_HEIGHT = 80
"""Height in SVG units of a bar at 100 %."""
BAR, GAP = 48, 24


@dataclass(frozen=True)
class Share:
    """One figure of compliance: "56%" with the counts it comes from."""

    percent: str
    passed: int
    judged: int

    @property
    def failed(self) -> int:
        return self.judged - self.passed


@dataclass(frozen=True)
class PhaseRow:
    title: str
    href: str
    cells: tuple[Markup, ...]
    """One figure per level, then all levels together."""


@dataclass(frozen=True)
class Bar:
    """One quarter of the trend chart, in SVG units."""

    quarter: str
    share: Share
    x: int
    y: int
    height: int

    @property
    def middle(self) -> int:
        return self.x + BAR // 2


@dataclass(frozen=True)
class Visit:
    audit: Audit
    href: str
    kind: str
    day: Markup
    share: Markup


@dataclass(frozen=True)
class Form:
    """A phase's blank form: the page to print and the spreadsheet to fill in."""

    title: str
    href: str
    spreadsheet: str


@dataclass(frozen=True)
class NeverRow:
    """A standard in the list of those not audited yet, with its check as HTML."""

    standard: str
    href: str
    check: str


@dataclass(frozen=True)
class PhaseGroup:
    """The standards of one phase in a list or a table of the audit pages."""

    title: str
    href: str
    rows: tuple[NeverRow, ...]


def share(tally: Tally, view: View) -> Share:
    compliance = tally.compliance
    percent = "" if compliance is None else local_percent(compliance, view.language)
    return Share(percent, tally.passed, tally.judged)


def cell(tally: Tally, view: View) -> Markup:
    """A figure in a table: the percentage in bold and the counts it comes from."""
    return view.render("audit-share.html", share=share(tally, view))


def audit_overview(
    handbook: Handbook, view: View, scores: Scores, link: LinkToAudit, form_link: LinkToForm
) -> str:
    """The audits page: which audits count, then the figures, the visits, the gaps and the
    blank forms for the next visit."""
    period = (
        escape(view.label("scores_period"))
        .replace("{since}", view.date(scores.policy.since()))
        .replace("{today}", view.date(view.policy.today))
    )
    parts = [f"<p>{period}</p>"]
    if not scores.counted:
        parts.append(f"<p>{escape(view.label('no_audits'))}</p>")
    parts += [
        _heading(view, "by_phase_and_level", "by-phase-and-level"),
        _phase_table(handbook, view, scores),
        _heading(view, "trend", "trend"),
        _trend(view, scores),
        _heading(view, "audit_visits", "audit-visits"),
        _visits(handbook, view, scores, link),
    ]
    if scores.counted:  # before any audit that counts, it would list every standard
        parts += [
            _heading(view, "not_audited", "not-audited"),
            *_never_audited(handbook, view, scores),
        ]
    parts += [
        _heading(view, "audit_forms", "forms"),
        f"<p>{escape(view.label('audit_forms_advice'))}</p>",
        _forms(handbook, view, form_link),
    ]
    return "\n\n".join(parts) + "\n"


def _heading(view: View, key: str, anchor: str) -> str:
    return f"## {md_text(view.label(key))} {{#{anchor}}}"


def _phases(handbook: Handbook) -> tuple[Phase, ...]:
    return (*handbook.principles, *handbook.sequence)


def _phase_table(handbook: Handbook, view: View, scores: Scores) -> Markup:
    rows = [
        PhaseRow(
            view.text(phase.title),
            view.link(phase.slug, None),
            (
                *(cell(scores.phase_levels[phase.slug, level], view) for level in Level),
                cell(scores.phases[phase.slug], view),
            ),
        )
        for phase in _phases(handbook)
    ]
    total = PhaseRow(
        view.label("all_phases"),
        "",
        (*(cell(scores.levels[level], view) for level in Level), cell(scores.total, view)),
    )
    return view.render("audit-phases.html", rows=rows, total=total, levels=tuple(Level))


def _trend(view: View, scores: Scores) -> Markup:
    bars = []
    for number, (quarter, tally) in enumerate(scores.quarters.items()):
        figure = share(tally, view)
        height = round((tally.compliance or 0) * CHART_HEIGHT)
        x = GAP + number * (BAR + GAP)
        bars.append(Bar(quarter, figure, x, 20 + CHART_HEIGHT - height, height))
    width = GAP + len(bars) * (BAR + GAP)
    return view.render(
        "audit-trend.html", bars=bars, width=width, bar_width=BAR, base=20 + CHART_HEIGHT
    )


def _visits(handbook: Handbook, view: View, scores: Scores, link: LinkToAudit) -> Markup:
    kinds = handbook.vocabulary.audit_kinds
    newest = sorted(handbook.audits, key=lambda a: (a.date, a.slug), reverse=True)
    visits = [
        Visit(
            audit,
            link(audit),
            view.text(kinds[audit.kind]),
            view.date(audit.date),
            cell(scores.audits[audit.slug], view),
        )
        for audit in newest
    ]
    return view.render("audit-visits.html", visits=visits)


def _forms(handbook: Handbook, view: View, form_link: LinkToForm) -> Markup:
    forms = [
        Form(
            view.text(phase.title), form_link(phase), view.to_root + form_file(phase, view.language)
        )
        for phase in _phases(handbook)
    ]
    return view.render("audit-forms.html", forms=forms)


def _never_audited(handbook: Handbook, view: View, scores: Scores) -> list[str]:
    groups = []
    for phase in _phases(handbook):
        never = scores.never_audited(phase.standards)
        if never:
            rows = tuple(_never_row(view, s) for s in never)
            groups.append(PhaseGroup(view.text(phase.title), view.link(phase.slug, None), rows))
    if not groups:
        return [f"<p>{escape(view.label('all_audited'))}</p>"]
    advice = f"<p>{escape(view.label('not_audited_advice'))}</p>"
    return [advice, view.render("audit-never.html", groups=groups)]


def _never_row(view: View, standard: Standard) -> NeverRow:
    check = inline(" ".join(view.text(standard.check).split()))
    return NeverRow(standard.id, view.link(standard.phase, standard.anchor), check)


def audit_title(audit: Audit, view: View) -> str:
    """The page's title, e.g. "Mystery shopper visit, 14 November 2026", as plain text."""
    kind = view.text(view.handbook.vocabulary.audit_kinds[audit.kind])
    day = local_date(audit.date, view.language)
    return view.label("audit_title").replace("{kind}", kind).replace("{date}", day)


class AuditLinks:
    """The linked ID of each standard, as the audit pages show it.

    Every audit page, in every language, stands two folders below its language's root
    (``audits/<id>/``), so its links to the cards are the same on all of them: made once
    for each set of phase links, not once for every result of every page.
    """

    def __init__(self, by_id: Mapping[str, Standard]) -> None:
        self.by_id = by_id
        self._made: dict[tuple[str, ...], dict[str, str]] = {}

    def identifiers(self, view: View) -> dict[str, str]:
        """Standard ID → its linked ID, from the page of ``view``."""
        phases = view.handbook.phases
        prefixes = tuple(view.link(phase.slug, None) for phase in phases)
        made = self._made.get(prefixes)
        if made is None:
            link = dict(zip((phase.slug for phase in phases), prefixes, strict=True))
            made = self._made[prefixes] = {
                key: _linked(key, f"{link[s.phase]}#{s.anchor}") for key, s in self.by_id.items()
            }
        return made


def audit_page(audit: Audit, view: View, scores: Scores, links: AuditLinks) -> str:
    """One audit: who, where and how it went, then its results by phase, with notes."""
    handbook = view.handbook
    parts = [
        f"# {md_text(audit_title(audit, view))}",
        view.render(
            "audit-meta.html",
            audit=audit,
            kind=view.text(handbook.vocabulary.audit_kinds[audit.kind]),
            day=view.date(audit.date),
            compliance=cell(scores.audits[audit.slug], view),
        ),
    ]
    identifiers = links.identifiers(view)
    grouped: dict[str, list[AuditResult]] = {}
    for result in audit.scored:
        grouped.setdefault(links.by_id[result.standard].phase, []).append(result)
    for phase in _phases(handbook):
        if phase.slug in grouped:
            parts += [
                f"## {md_text(view.text(phase.title))} {{#{phase.slug}}}",
                _results(view, grouped[phase.slug], identifiers),
            ]
    removed = [result for result in audit.results if result.removed]
    if removed:
        unlinked = {r.standard: _linked(r.standard, "") for r in removed}  # no card to link
        parts += [_heading(view, "removed_standards", "removed"), _results(view, removed, unlinked)]
    return "\n\n".join(parts) + "\n"


def _results(view: View, results: list[AuditResult], identifiers: Mapping[str, str]) -> str:
    """The results that need a look (failed, not applicable, or with a note) as a table,
    then the other passes as a line of IDs: in a large handbook's audit, thousands of plain
    passes made a page of megabytes that took seconds to build.

    The rows are joined here rather than in a template, which took seconds too.
    """
    words = view.words
    noted: list[AuditResult] = []
    passed: list[AuditResult] = []
    for result in results:
        (passed if result.result is Result.PASS and not result.note else noted).append(result)
    parts: list[str] = []
    if noted:
        rows = "".join(_result_row(r, identifiers[r.standard], words) for r in noted)
        parts.append(view.render("audit-results.html", body=Markup(rows)))
    if passed:
        ids = " ".join(identifiers[r.standard] for r in passed)
        heading = f"{escape(words['passed'])} ({view.number(len(passed))}):"
        parts.append(f'<p class="hb-audit-passed"><strong>{heading}</strong> {ids}</p>')
    return "\n\n".join(parts)


def _linked(standard: str, href: str) -> str:
    """The standard's ID, linked to its card when ``href`` is not empty."""
    identifier = f"<bdi>{escape(standard)}</bdi>"
    if not href:
        return identifier
    return f'<a class="hb-standard__id" href="{escape(href)}">{identifier}</a>'


def _result_row(result: AuditResult, identifier: str, words: Words) -> str:
    value = result.result.value
    return (
        f'<tr data-standard="{escape(result.standard)}" data-result="{value}">'
        f"<td>{identifier}</td>"
        f'<td><span class="hb-audit-result hb-audit-result--{value}">{escape(words[value])}'
        f'</span></td><td dir="auto">{escape(result.note)}</td></tr>'
    )
