"""Problems found in the editors' files, each with the place where it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place: reported as ``path:line:column: severity: message``."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Place:
    """Where a value stands in a file; lines and columns count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def error(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.column, Severity.ERROR, message)

    def warning(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.column, Severity.WARNING, message)


class HandbookError(Exception):
    """The standards cannot be built into a handbook; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an editor would type it: relative to the project when possible."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
