"""The handbook's settings, declared once: ``extra.handbook`` and the languages of mkdocs.yml.

Each key of ``extra.handbook`` is declared once below (``DECLARED``: its default, what it
accepts, what it means); the validation, the defaults, the list of allowed keys, the messages
and the README's table all come from there, so they cannot disagree.

``settings_of`` is the one reader. The build hands it MkDocs' config object; the ``handbook``
command hands it the same file parsed by MkDocs' own YAML loading
(``handbook.glue.configfile``), so both read the same values, ``!ENV`` and the rest included.
Plain Python over a mapping, testable without MkDocs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from handbook.model import Level
from handbook.model.languages import I18N_PLUGIN, Languages, i18n_languages, read_languages
from handbook.model.review import ReviewPolicy, build_today
from handbook.model.scores import ScorePolicy
from handbook.reading.contract import GITHUB_HANDLE_PATTERN
from handbook.reading.problems import HandbookError, Place, Problem

SETTINGS_KEY = "handbook"
T = TypeVar("T")


class Kind(Protocol[T]):
    """What a setting accepts: ``read`` gives the value to use, or None when it is wrong."""

    @property
    def allowed(self) -> str: ...

    def read(self, value: object) -> T | None: ...

    def fix(self, default: T) -> str: ...


@dataclass(frozen=True)
class WholeNumber:
    """A whole number in a range; YAML's ``true`` is not one, although Python's bool is an int."""

    low: int
    high: int

    @property
    def allowed(self) -> str:
        return f"a whole number {self.low}-{self.high}"

    def read(self, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return value if self.low <= value <= self.high else None

    def fix(self, default: int) -> str:
        return f"use {self.allowed}"


@dataclass(frozen=True)
class Switch:
    """``true`` or ``false``, nothing that merely looks like one (``"yes"``, ``1``)."""

    @property
    def allowed(self) -> str:
        return "true or false"

    def read(self, value: object) -> bool | None:
        return value if isinstance(value, bool) else None

    def fix(self, default: bool) -> str:
        return f"use {self.allowed}"


@dataclass(frozen=True)
class Folder:
    """A folder name; with ``paths``, also a path MkDocs made (``!relative $config_dir/data``).

    A plain ``!relative`` means the folder of the page being rendered, which a setting read
    before any page does not have: MkDocs raises its own error then, reported as a wrong value.
    """

    paths: bool = False

    @property
    def allowed(self) -> str:
        return "a folder name"

    def read(self, value: object) -> str | None:
        if self.paths and isinstance(value, os.PathLike):
            try:
                value = os.fspath(value)
            except Exception:  # MkDocs' ConfigurationError, which this module cannot name
                return None
        return value if isinstance(value, str) and value.strip("/ ") else None

    def fix(self, default: str) -> str:
        return f"use {self.allowed}, e.g. {default}"


@dataclass(frozen=True)
class GitHubNames:
    """A list of GitHub users and teams, ``["@maria-k", "@example/editors"]``."""

    @property
    def allowed(self) -> str:
        return 'a list of GitHub users and teams, e.g. ["@example/editors"]'

    def read(self, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            return None
        if not all(re.fullmatch(GITHUB_HANDLE_PATTERN, name) for name in value):
            return None
        return tuple(dict.fromkeys(value))

    def fix(self, default: tuple[str, ...]) -> str:
        return f'use {self.allowed}, each "@user" or "@organisation/team" in quotes'


@dataclass(frozen=True)
class LevelWeights:
    """A weight per level, ``{basic: 3, expected: 2, exclusive: 1}``; levels left out weigh 1."""

    @property
    def allowed(self) -> str:
        levels = ", ".join(level.value for level in Level)
        return f"a weight 0-10 for any of the levels {levels}"

    def read(self, value: object) -> dict[Level, int] | None:
        if not isinstance(value, Mapping) or not set(value) <= {lv.value for lv in Level}:
            return None
        weights = {Level(key): number for key, number in value.items()}
        if not all(WholeNumber(0, 10).read(number) is not None for number in weights.values()):
            return None
        return weights

    def fix(self, default: dict[Level, int]) -> str:
        return f"use {self.allowed}, e.g. {{basic: 3, expected: 2, exclusive: 1}}"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of ``extra.handbook``: its default, what it accepts and what it is for."""

    key: str
    default: T
    kind: Kind[T]
    meaning: str

    def read(self, section: Mapping[str, object], place: Place, problems: list[Problem]) -> T:
        """The value given, or the default; a wrong value adds its problem and gives the default,
        so one run reports every wrong setting."""
        if self.key not in section:
            return self.default
        value = section[self.key]
        read = self.kind.read(value)
        if read is None:
            problems.append(
                place.error(
                    f"extra.handbook.{self.key} is {_shown(value)}; {self.kind.fix(self.default)}"
                )
            )
            return self.default
        return read


STANDARDS = Setting(
    "standards",
    "standards",
    Folder(paths=True),
    "the data folder (the phase files, `vocabulary.yaml`, `labels.yaml`), from the folder of "
    "`mkdocs.yml`",
)
PHASE_PAGES = Setting("phase_pages", "phases", Folder(), "the folder of the phase pages in `docs/`")
DUE_SOON_DAYS = Setting(
    "due_soon_days",
    30,
    WholeNumber(0, 365),
    "a badge reads *due soon* from this many days before the next review (0: only on the day "
    "itself)",
)
REVIEW_MONTHS = Setting(
    "review_months",
    12,
    WholeNumber(1, 12),
    "the interval of standards without their own `review_months`; 12 keeps the yearly review",
)
REQUIRE_TRANSLATIONS = Setting(
    "require_translations",
    False,
    Switch(),
    "`true`: a missing translation is an error instead of a warning",
)
EDITORS = Setting(
    "editors",
    (),
    GitHubNames(),
    "the GitHub users and teams who review changes to `vocabulary.yaml`, `labels.yaml` and "
    "the glossary (`handbook codeowners`); the owners of a phase's standards are named in "
    "`vocabulary.yaml`",
)
AUDITS = Setting(
    "audits",
    "audits",
    Folder(paths=True),
    "the folder of the audit files, one per visit, from the folder of `mkdocs.yml`; a "
    "handbook without it has no audits",
)
AUDIT_MONTHS = Setting(
    "audit_months",
    12,
    WholeNumber(1, 120),
    "the scores count the audits of this many months before the build's date",
)
AUDIT_LATEST = Setting(
    "audit_latest",
    0,
    WholeNumber(0, 100),
    "`0`: every audit within `audit_months` counts; a number: only that many of the most "
    "recent ones",
)
LEVEL_WEIGHTS: Setting[dict[Level, int]] = Setting(
    "level_weights",
    {},
    LevelWeights(),
    "how much each level counts in compliance that mixes levels (per phase, type, audit), "
    "e.g. `{basic: 3, expected: 2, exclusive: 1}`; a level left out counts 1",
)
DECLARED: tuple[Setting[Any], ...] = (
    STANDARDS,
    PHASE_PAGES,
    DUE_SOON_DAYS,
    REVIEW_MONTHS,
    REQUIRE_TRANSLATIONS,
    EDITORS,
    AUDITS,
    AUDIT_MONTHS,
    AUDIT_LATEST,
    LEVEL_WEIGHTS,
)
"""Every key of ``extra.handbook``, in the order the README's table lists them."""


@dataclass(frozen=True)
class Settings:
    """``extra.handbook`` in ``mkdocs.yml`` and its languages: what a build reads and how."""

    standards: Path
    phase_pages: str
    policy: ReviewPolicy
    languages: Languages
    require_translations: bool
    audits: Path
    """The audits folder; it need not exist."""
    scoring: ScorePolicy
    editors: tuple[str, ...] = ()


def settings_of(config: Mapping[str, Any], config_file: str) -> Settings:
    """The settings in a MkDocs config: MkDocs' own object in a build, the parsed file else.

    Raise HandbookError naming every wrong setting, in ``config_file``.
    """
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, Mapping) else None
    languages = languages_of(config.get("plugins"), str(language or "en"), config_file)
    extra = config.get("extra")
    return read_settings(extra if isinstance(extra, Mapping) else {}, config_file, languages)


def read_settings(extra: Mapping[str, Any], config_file: str, languages: Languages) -> Settings:
    """Validate ``extra.handbook``; a wrong value is an error naming the key and the fix."""
    place = Place(config_file)
    section = extra.get(SETTINGS_KEY) or {}
    if not isinstance(section, Mapping):
        raise HandbookError(
            [place.error("extra.handbook must be a group of settings (key: value)")]
        )
    allowed = sorted(setting.key for setting in DECLARED)
    problems = [
        place.error(f"unknown setting 'extra.handbook.{key}'; allowed: {', '.join(allowed)}")
        for key in sorted(set(section) - set(allowed))
    ]
    due_soon = DUE_SOON_DAYS.read(section, place, problems)
    months = REVIEW_MONTHS.read(section, place, problems)
    phase_pages = PHASE_PAGES.read(section, place, problems)
    standards = STANDARDS.read(section, place, problems)
    required = REQUIRE_TRANSLATIONS.read(section, place, problems)
    editors = EDITORS.read(section, place, problems)
    audits = AUDITS.read(section, place, problems)
    audit_months = AUDIT_MONTHS.read(section, place, problems)
    audit_latest = AUDIT_LATEST.read(section, place, problems)
    weights = LEVEL_WEIGHTS.read(section, place, problems)
    today = _today(problems)
    if problems:
        raise HandbookError(problems)
    return Settings(
        standards=Path(config_file).parent / standards,
        phase_pages=phase_pages.strip("/"),
        policy=ReviewPolicy(today=today, due_soon_days=due_soon, review_months=months),
        languages=languages,
        require_translations=required,
        editors=editors,
        audits=Path(config_file).parent / audits,
        scoring=ScorePolicy(today, audit_months, audit_latest, weights),
    )


def _today(problems: list[Problem]) -> date:
    try:
        return build_today()
    except ValueError as error:
        problems.append(Place("environment").error(str(error)))
        return date.min


def _shown(value: object) -> str:
    """A wrong value as the message shows it: as typed, or the name of what MkDocs made of it."""
    plain = (str, int, float, bool, type(None), list, dict, date)
    return repr(value) if isinstance(value, plain) else f"<{type(value).__name__}>"


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
