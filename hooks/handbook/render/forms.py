"""The blank audit form of a phase: what an auditor takes round on paper.

Every standard of the phase with its check, three boxes (pass, fail, not applicable) and
room for a note, in the reader's language, grouped by step as on the phase page. The print
styles (``docs/assets/handbook.css``) lay it out on A4 portrait without the site's header,
navigation and footer; the same form as a spreadsheet is ``export.forms``.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from handbook.model import Phase, Standard
from handbook.model.audits import Result
from handbook.render.markup import inline
from handbook.render.view import View, md_text


@dataclass(frozen=True)
class FormRow:
    standard: str
    check: Markup


@dataclass(frozen=True)
class FormGroup:
    """The standards of one step; ``title`` is empty for those of the whole phase."""

    title: str
    rows: tuple[FormRow, ...]


def audit_form_title(phase: Phase, view: View) -> str:
    """The form's title, e.g. "Audit form: Check-in", as plain text."""
    return view.label("audit_form_title").replace("{phase}", view.text(phase.title))


def audit_form(phase: Phase, view: View, spreadsheet: str) -> str:
    """Markdown for the form page; ``spreadsheet`` is the URL of its CSV, from this page."""
    groups = [
        FormGroup(
            view.label("general") if step is None else view.text(step.title), _rows(view, standards)
        )
        for step, standards in phase.by_step()
    ]
    kinds = [view.text(kind) for kind in view.handbook.vocabulary.audit_kinds.values()]
    csv_link = f'<a href="{escape(spreadsheet)}" download>{escape(view.label("form_csv"))}</a>'
    return (
        "\n\n".join(
            [
                f"# {md_text(audit_form_title(phase, view))}",
                f'<p class="hb-audit-form__advice">{escape(view.label("audit_form_advice"))}</p>',
                f'<p class="hb-no-print">{csv_link}</p>',
                view.render(
                    "audit-form.html",
                    groups=groups,
                    kinds=kinds,
                    results=tuple(Result),
                    columns=len(Result) + 3,
                ),
            ]
        )
        + "\n"
    )


def _rows(view: View, standards: tuple[Standard, ...]) -> tuple[FormRow, ...]:
    return tuple(FormRow(s.id, inline(" ".join(view.text(s.check).split()))) for s in standards)
