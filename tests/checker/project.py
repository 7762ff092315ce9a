"""A project folder for the command line: the languages in ``mkdocs.yml``, the data beside it.

The CLI reads the languages (and the settings) from ``mkdocs.yml`` in the folder it runs in, so
every test that runs it in a temporary folder writes one there first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sitebuild import HOTEL

BASE = Path(__file__).parent / "base"

I18N_LANGUAGES = """\
plugins:
  - i18n:
      languages:
        - locale: en
          default: true
        - locale: pl
        - locale: ar
"""
"""The i18n plugin's languages of the base handbook (those of the hotel fixture), no more."""


def add_config(folder: Path) -> Path:
    """The hotel fixture's ``mkdocs.yml`` (en, pl, ar; data in ``standards/``) in ``folder``."""
    return Path(shutil.copy(HOTEL / "mkdocs.yml", folder / "mkdocs.yml"))


def base_project(folder: Path, data: str = "standards") -> Path:
    """A copy of the valid base handbook in ``folder/data``, with a ``mkdocs.yml`` beside it."""
    shutil.copytree(BASE, folder / data)
    add_config(folder)
    return folder / data
