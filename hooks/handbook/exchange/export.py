"""One language's translation file, as ``handbook translations export`` writes it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from handbook.exchange.entries import MISSING, OUTDATED, Entry, checked_entries
from handbook.exchange.po import write_po
from handbook.exchange.xliff import write_xliff
from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.problems import Problem

FORMATS = ("po", "xliff")
CHOICES = {"all": None, "outdated": OUTDATED, "missing": MISSING}
"""``--only``: which texts go into the file."""


@dataclass(frozen=True)
class Export:
    text: str
    states: Counter[str]
    """How many texts of each state the file holds."""
    problems: list[Problem]


def export_translations(
    folder: Path,
    languages: Languages,
    language: str,
    *,
    policy: ReviewPolicy,
    file_format: str = "po",
    only: str = "all",
    project: str = "handbook",
) -> Export:
    """The file translators of ``language`` work in; nothing while the checker finds an error
    (an empty source text, a control character: nothing a translator should be given)."""
    entries, problems = checked_entries(folder, languages, language, policy)
    if problems:
        return Export("", Counter(), problems)
    wanted = CHOICES[only]
    chosen: list[Entry] = [e for e in entries if wanted is None or e.state == wanted]
    if file_format == "po":
        text = write_po(chosen, languages.source, language, project, policy.today)
    else:
        text = write_xliff(chosen, languages.source, language)
    return Export(text, Counter(entry.state for entry in chosen), [])
