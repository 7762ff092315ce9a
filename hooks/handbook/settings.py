"""What the site glue shares: the handbook's settings and the handbook loaded for one build.

Plain Python over a dict-like config, so the MkDocs hooks and the macros module stay thin and
this logic is testable without MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.model.languages import I18N_PLUGIN, Languages, i18n_languages, read_languages
from handbook.model.review import ReviewPolicy, build_today
from handbook.reading.problems import HandbookError, Place

SETTINGS_KEY = "handbook"


@dataclass(frozen=True)
class Settings:
    """``extra.handbook`` in ``mkdocs.yml`` and its languages: what a build reads and how."""

    standards: Path
    phase_pages: str
    policy: ReviewPolicy
    languages: Languages
    require_translations: bool = False


def read_settings(extra: Mapping[str, Any], config_file: str, languages: Languages) -> Settings:
    """Validate ``extra.handbook``; a wrong value is an error naming the key and the fix."""
    place = Place(config_file)
    section = extra.get(SETTINGS_KEY) or {}
    if not isinstance(section, Mapping):
        raise HandbookError(
            [place.error("extra.handbook must be a group of settings (key: value)")]
        )
    given = dict(section)
    problems = []
    allowed = {
        "standards",
        "phase_pages",
        "due_soon_days",
        "review_months",
        "require_translations",
    }
    for key in sorted(set(given) - allowed):
        problems.append(
            place.error(
                f"unknown setting 'extra.handbook.{key}'; allowed: {', '.join(sorted(allowed))}"
            )
        )
    due_soon = given.get("due_soon_days", 30)
    if not isinstance(due_soon, int) or isinstance(due_soon, bool) or not 0 <= due_soon <= 365:
        problems.append(
            place.error(f"extra.handbook.due_soon_days is {due_soon!r}; use a whole number 0-365")
        )
    months = given.get("review_months", 12)
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 12:
        problems.append(
            place.error(f"extra.handbook.review_months is {months!r}; use a whole number 1-12")
        )
    for key, default in (("standards", "standards"), ("phase_pages", "phases")):
        value = given.get(key, default)
        if not isinstance(value, str) or not value.strip("/ "):
            problems.append(
                place.error(f"extra.handbook.{key} is {value!r}; use a folder name, e.g. {default}")
            )
    required = given.get("require_translations", False)
    if not isinstance(required, bool):
        problems.append(
            place.error(f"extra.handbook.require_translations is {required!r}; use true or false")
        )
    try:
        today = build_today()
    except ValueError as error:
        problems.append(Place("environment").error(str(error)))
    if problems:
        raise HandbookError(problems)
    root = Path(config_file).parent
    return Settings(
        standards=root / str(given.get("standards", "standards")),
        phase_pages=str(given.get("phase_pages", "phases")).strip("/"),
        policy=ReviewPolicy(today=today, due_soon_days=due_soon, review_months=months),
        languages=languages,
        require_translations=required is True,
    )


def languages_of(plugins: Any, theme_language: str, config_file: str) -> Languages:
    """The i18n plugin's languages; HandbookError naming ``mkdocs.yml`` when they are wrong.

    ``plugins`` is either MkDocs' loaded plugin collection or the raw ``plugins:`` list.
    """
    try:
        if isinstance(plugins, Mapping):
            plugin = plugins.get(I18N_PLUGIN)
            entries = None if plugin is None else list(plugin.config["languages"])
        else:
            entries = i18n_languages(plugins)
        return read_languages(entries, theme_language)
    except ValueError as error:
        raise HandbookError([Place(config_file).error(f"languages: {error}")]) from None
