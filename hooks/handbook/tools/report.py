"""Print the checker's problems for people, for GitHub's pull-request view, and for tools.

The problems themselves are the loader's; this module only chooses the shape. Messages may
echo what an editor typed, so anything invisible or able to move a terminal's cursor is
shown escaped: a reviewer must see exactly what is in the file, and nothing in a file may
rewrite the report around it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from handbook.model.languages import english_name
from handbook.model.status import LanguageStatus, Row, State
from handbook.reading.problems import Problem, Severity

FORMATS = ("text", "github", "json")
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


@dataclass(frozen=True)
class Outcome:
    """Every problem of one run and how many files were read: what decides the exit code."""

    problems: tuple[Problem, ...]
    files: int

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)

    @property
    def exit_code(self) -> int:
        """1 when anything must be fixed before merging, 0 otherwise."""
        return 1 if self.errors else 0


def strict(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """Warnings become errors, so a run can require complete, current translations."""
    return tuple(replace(p, severity=Severity.ERROR) for p in problems)


def shown(text: str) -> str:
    """``text`` with control, format and unpaired-surrogate characters written as escapes."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in UNSAFE_CATEGORIES else c for c in text
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary(outcome: Outcome) -> str:
    """The last line of every report, e.g. ``checked 5 files: 2 errors, 1 warning``."""
    checked = f"checked {_count(outcome.files, 'file')}"
    if not outcome.problems:
        return f"{checked}: no problems found"
    return f"{checked}: {_count(outcome.errors, 'error')}, {_count(outcome.warnings, 'warning')}"


def _line(problem: Problem) -> str:
    return shown(str(problem))


def text_report(outcome: Outcome) -> str:
    """One ``path:line:column: severity: message`` line per problem, then the summary."""
    return "".join(f"{_line(p)}\n" for p in outcome.problems) + summary(outcome) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command; the pull request shows it on the line it names."""
    return (
        f"::{problem.severity.value} file={_escape_property(shown(problem.path))},"
        f"line={problem.line},col={problem.column},title=handbook check::"
        f"{_escape_data(shown(problem.message))}"
    )


def github_report(outcome: Outcome) -> str:
    """Annotations for GitHub, then the summary as plain text for the job log."""
    return "".join(f"{_annotation(p)}\n" for p in outcome.problems) + summary(outcome) + "\n"


def json_report(outcome: Outcome) -> str:
    """Every problem as an object, plus the counts, for tools and editors' plugins."""
    data = {
        "problems": [
            {
                "path": shown(p.path),
                "line": p.line,
                "column": p.column,
                "severity": p.severity.value,
                "message": shown(p.message),
            }
            for p in outcome.problems
        ],
        "files": outcome.files,
        "errors": outcome.errors,
        "warnings": outcome.warnings,
        "summary": summary(outcome),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[Outcome], str]] = {
    "text": text_report,
    "github": github_report,
    "json": json_report,
}


def status_summary(statuses: Sequence[LanguageStatus]) -> str:
    missing = sum(s.count(State.MISSING) for s in statuses)
    outdated = sum(s.count(State.OUTDATED) for s in statuses)
    if not missing and not outdated:
        return "translations: complete and up to date"
    return f"translations: {missing} missing, {outdated} outdated"


def _status_row(row: Row, width: int) -> str:
    parts = [f"{len(row.named(State.TRANSLATED))}/{row.total} translated"]
    for wanted in (State.MISSING, State.OUTDATED):
        names = row.named(wanted)
        if names:
            parts.append(f"{wanted.value}: {', '.join(names)}")
    return f"  {row.name:<{width}}  {'; '.join(parts)}"


def status_text(statuses: Sequence[LanguageStatus]) -> str:
    """Per language a block, per phase a line: counts, then the missing and outdated IDs."""
    lines: list[str] = []
    for status in statuses:
        width = max(len(row.name) for row in status.rows)
        lines.append(f"{english_name(status.language)} ({status.language})")
        lines += [_status_row(row, width) for row in status.rows]
    lines.append(status_summary(statuses))
    return "".join(f"{shown(line)}\n" for line in lines)


def status_json(statuses: Sequence[LanguageStatus]) -> str:
    data = {
        "languages": [
            {
                "language": status.language,
                "phases": [
                    {
                        "name": row.name,
                        "total": row.total,
                        **{wanted.value: list(row.named(wanted)) for wanted in State},
                    }
                    for row in status.rows
                ],
            }
            for status in statuses
        ],
        "summary": status_summary(statuses),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
