"""The handbook shipped at the repository root, tested only as any valid handbook.

The rest of the suite tests the tool on its own fixtures; this module tests the content an
organisation puts in ``mkdocs.yml``, ``docs/`` and ``standards/``, whatever it is. So it
never names an ID, a phase, a count or a sentence: everything it expects comes from the
project's own ``mkdocs.yml`` and YAML files. ``HANDBOOK_PROJECT`` names another project
folder to test instead of the repository root (``tests/test_editor_changes.py`` uses it).

The date is today's, as in the published build: a standard reviewed after the suite's
fixed test date must not fail here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from handbook.model import Handbook, Phase
from handbook.reading.loader import load_handbook
from handbook.settings import Settings
from handbook.site.linkcheck import check_site
from handbook.site.search import BUNDLE, pages_per_language
from handbook.tools.commands import settings_from
from handbook.tools.schema import stale_schema_files
from tests.browser.harness import search, serve
from tests.sitebuild import ROOT, build_env, mkdocs_build, read_config

pytestmark = pytest.mark.build

PROJECT = Path(os.environ.get("HANDBOOK_PROJECT") or ROOT).resolve()
CONFIG = read_config(PROJECT)
TODAY = date.today().isoformat()
HANDBOOK = Path(sys.executable).parent / "handbook"


@dataclass(frozen=True)
class Language:
    locale: str
    prefix: str
    """Where its pages are, from the site root: "" for the default language, "pl/" etc."""


def configured_languages(project: Path) -> tuple[Language, ...]:
    """The languages the project declares, as the checker and the build read them."""
    languages = settings_from(str(project / "mkdocs.yml")).languages
    return tuple(
        Language(code, "" if code == languages.source else f"{code}/") for code in languages
    )


LANGUAGES = configured_languages(PROJECT)


def _ids(languages: tuple[Language, ...]) -> list[str]:
    return [language.locale for language in languages]


# --- the project, checked and built once ----------------------------------------------------


@pytest.fixture(scope="module")
def settings() -> Settings:
    """``extra.handbook`` read as the build reads it, with today's date."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HANDBOOK_TODAY", TODAY)
        return settings_from(str(PROJECT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def handbook(settings: Settings) -> Handbook:
    result = load_handbook(settings.standards, settings.policy, settings.languages)
    assert result.handbook is not None, "\n".join(str(p) for p in result.errors)
    assert list(result.handbook.standards()), "the handbook has no standard"
    return result.handbook


@pytest.fixture(scope="module")
def build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``mkdocs build --strict`` in the project, into a temporary folder (the project is left
    as it was)."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    return mkdocs_build(PROJECT, today=TODAY, site_dir=site), site


@pytest.fixture(scope="module")
def site(build: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    result, folder = build
    if result.returncode != 0:
        pytest.fail("the build failed: see test_the_site_builds_with_strict", pytrace=False)
    return folder


def test_the_checker_reports_no_error() -> None:
    """``handbook check`` as an editor runs it in the project folder."""
    result = subprocess.run(
        [str(HANDBOOK), "check"],
        cwd=PROJECT,
        env=build_env(TODAY),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert ": error:" not in output, output
    assert "checked " in result.stdout, output


def test_the_committed_schemas_match_the_languages(settings: Settings) -> None:
    """``schema/`` is generated for the project's languages: run ``handbook schema``."""
    assert stale_schema_files(PROJECT / "schema", settings.languages) == []


def test_the_site_builds_with_strict(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, site = build
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    for language in LANGUAGES:
        assert (site / language.prefix / "index.html").is_file(), language.locale


# --- every standard in every language -----------------------------------------------------

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
"""Elements without an end tag."""


@dataclass
class _Card:
    standard: str
    anchors: list[str] = field(default_factory=list)
    badges: list[list[str]] = field(default_factory=list)


class _PageReader(HTMLParser):
    """Every ``id`` of a page, and each standard's card (``data-standard``) with the ids and
    the review badges (class ``hb-badge``) inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.cards: list[_Card] = []
        self._open: list[tuple[str, _Card | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        card = _Card(values["data-standard"]) if "data-standard" in values else None
        if card is not None:
            self.cards.append(card)
        if tag not in _VOID:
            self._open.append((tag, card))
        enclosing = [c for _, c in self._open if c is not None] or ([card] if card else [])
        if "id" in values:
            self.ids[values["id"]] += 1
            for outer in enclosing:
                outer.anchors.append(values["id"])
        classes = values.get("class", "").split()
        if "hb-badge" in classes:
            for outer in enclosing:
                outer.badges.append(classes)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return


def read_html(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def pages_of(site: Path, language: Language) -> list[Path]:
    """The HTML pages of one language: under its prefix, or outside every other one."""
    others = [site / other.prefix for other in LANGUAGES if other.prefix and other != language]
    folder = site / language.prefix
    return [
        page
        for page in sorted(folder.rglob("*.html"))
        if not any(page.is_relative_to(other) for other in others)
    ]


def phase_page(settings: Settings, language: Language, phase: Phase) -> str:
    page = f"{language.prefix}{settings.phase_pages}/{phase.slug}"
    return f"{page}/index.html" if CONFIG.get("use_directory_urls", True) else f"{page}.html"


@pytest.mark.parametrize("language", LANGUAGES, ids=_ids(LANGUAGES))
def test_every_standard_appears_once_in_each_language_with_its_badge(
    site: Path, settings: Settings, handbook: Handbook, language: Language
) -> None:
    pages = {
        page.relative_to(site).as_posix(): read_html(page) for page in pages_of(site, language)
    }
    ids = sum((reader.ids for reader in pages.values()), Counter[str]())
    for phase in handbook.phases:
        path = phase_page(settings, language, phase)
        assert path in pages, f"no page {path} for phase {phase.slug}"
        cards = {card.standard: card for card in pages[path].cards}
        for standard in phase.standards:
            anchor = standard.id.lower()
            assert ids[anchor] == 1, f'{language.locale}: id="{anchor}" {ids[anchor]} times'
            card = cards.get(standard.id)
            assert card is not None, f"{language.locale}: {standard.id} is not on {path}"
            assert anchor in card.anchors, f"{language.locale}: {standard.id} has no id"
            status = settings.policy.status(standard).value
            assert [f"hb-badge--{status}" in b for b in card.badges] == [True], (
                f"{language.locale}: {standard.id} should have one badge '{status}': {card.badges}"
            )


# --- links and search --------------------------------------------------------------------


def test_every_internal_link_resolves(site: Path) -> None:
    assert list(site.rglob("*.html"))
    assert [str(broken) for broken in check_site(site)] == []


def test_each_language_has_a_search_index_with_pages(site: Path) -> None:
    counts = pages_per_language(site / BUNDLE)
    assert sorted(counts) == sorted(_ids(LANGUAGES)), counts
    assert all(count > 0 for count in counts.values()), counts


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES, ids=_ids(LANGUAGES))
def test_search_finds_each_phase_by_a_standard_id(
    chromium: Browser, served: str, settings: Settings, handbook: Handbook, language: Language
) -> None:
    """Material's search box, answered from the reader's language, in a real browser."""
    context = chromium.new_context()
    try:
        page: Page = context.new_page()
        page.goto(f"{served}{language.prefix}")
        for phase in handbook.phases:
            if not phase.standards:
                continue
            standard = phase.standards[0]
            result = search(page, standard.id)
            target = phase_page(settings, language, phase).removesuffix("index.html")
            assert any(path.endswith(f"/{target}") for path in result.pages), (
                f"{language.locale}: searching {standard.id} did not find {target}: {result.pages}"
            )
            foreign = [p for p in result.pages if not _in_language(p, language)]
            assert foreign == [], f"{language.locale}: results of another language: {foreign}"
    finally:
        context.close()


def _in_language(path: str, language: Language) -> bool:
    relative = path.lstrip("/")
    others = [other.prefix for other in LANGUAGES if other.prefix and other != language]
    if language.prefix:
        return relative.startswith(language.prefix)
    return not any(relative.startswith(prefix) for prefix in others)
