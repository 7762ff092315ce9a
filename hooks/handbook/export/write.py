"""All export files of a build, and writing them into the built site."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from handbook.export import (
    AUDITS_FILE,
    CALENDAR_FILE,
    DATA_FILE,
    Publication,
    audit_table_file,
    table_file,
)
from handbook.export.audits import audit_table_bytes, audits_bytes
from handbook.export.calendar import calendar_bytes
from handbook.export.data import data_bytes
from handbook.export.forms import form_bytes, form_file
from handbook.export.table import table_bytes


def export_files(publication: Publication, stamp: datetime) -> dict[str, bytes]:
    """File name (relative to the site root) → content, for every export of the handbook."""
    files = {
        CALENDAR_FILE: calendar_bytes(publication, stamp),
        DATA_FILE: data_bytes(publication),
    }
    languages = publication.handbook.languages
    files.update({table_file(lang): table_bytes(publication, lang) for lang in languages})
    handbook = publication.handbook
    files.update(
        {
            form_file(phase, lang): form_bytes(handbook, phase, lang)
            for phase in handbook.phases
            for lang in languages
        }
    )
    if publication.handbook.audits:
        files[AUDITS_FILE] = audits_bytes(publication)
        files.update(
            {audit_table_file(lang): audit_table_bytes(publication, lang) for lang in languages}
        )
    return files


def write_files(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Write each file whose content differs; return the names written.

    mkdocs-static-i18n runs the post-build event once per language on the same site
    folder: writing only what differs makes every run after the first a no-op, whatever
    the order, so no hook has to guess which language build is the last.
    """
    written: list[str] = []
    for name, content in files.items():
        path = folder / name
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(name)
    return written
