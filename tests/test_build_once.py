"""The standards are read and validated once per build, not once per language or per page.

mkdocs-static-i18n runs every plugin event again for each language on the same config and
plugin instances, and every page calls a macro; a loader call per language or per page
would multiply the cost of the data by 3 or by the page count. The handbook plugin keeps
the loaded handbook on its own instance, never on MkDocs' config. The build runs in this
process, so the loader can be counted; a subprocess build could not be patched.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

import handbook.reading.loader
import handbook.reading.yamlsource
from handbook.glue.plugin import PLUGIN_NAME, HandbookPlugin
from handbook.site.search import SearchIndexError, SiteSearch
from tests.hotel import LANGUAGES, PREFIX
from tests.sitebuild import TEST_TODAY, project_copy

pytestmark = pytest.mark.build

FIXTURES = Path(__file__).parent / "fixtures"


def count_calls(
    monkeypatch: pytest.MonkeyPatch, original: Callable[..., Any], counter: Counter[str]
) -> None:
    """Replace ``original`` in every loaded handbook module that imported it by name."""

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[original.__name__] += 1
        return original(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if (
            name.split(".")[0] == "handbook"
            and getattr(module, original.__name__, None) is original
        ):
            monkeypatch.setattr(module, original.__name__, counted)


def test_a_three_language_build_reads_the_standards_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standards = FIXTURES / "small"
    project = project_copy(tmp_path / "project", standards)
    calls: Counter[str] = Counter()
    count_calls(monkeypatch, handbook.reading.loader.load_handbook, calls)
    count_calls(monkeypatch, handbook.reading.yamlsource.read_yaml, calls)
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_TODAY)
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    attributes = set(vars(config))
    build(config)

    for language in LANGUAGES:
        prefix = PREFIX[language]
        assert (site / prefix / "phases" / "check-in" / "index.html").is_file(), language
    assert calls["load_handbook"] == 1
    assert calls["read_yaml"] == len(list(standards.glob("*.yaml")))
    plugin = config.plugins[PLUGIN_NAME]
    assert isinstance(plugin, HandbookPlugin)
    assert "check-in" in {phase.slug for phase in plugin.state.build.handbook.phases}
    assert set(vars(config)) - attributes == set(), "state kept on MkDocs' config"


def in_process_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MkDocsConfig:
    """The config of a three-language build of the small fixture, ready to build here."""
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_TODAY)
    monkeypatch.chdir(project)
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


def test_the_themes_templates_are_compiled_once_for_all_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str | None]
) -> None:
    build(in_process_build(tmp_path, monkeypatch))
    assert (tmp_path / "site" / "ar" / "phases" / "check-in" / "index.html").is_file()
    assert compiled.count("base.html") == 1 and compiled.count("main.html") == 1, compiled


def test_a_language_that_fails_stops_the_indexing_of_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[SiteSearch] = []
    closed: list[SiteSearch] = []
    running: list[subprocess.Popen[str]] = []
    add, close = SiteSearch.add, SiteSearch.close

    def failing_add(self: SiteSearch, pages: Sequence[str]) -> None:
        if started:  # the second language
            raise SearchIndexError("the second language fails")
        started.append(self)
        add(self, pages)

    def recorded_close(self: SiteSearch) -> None:
        closed.append(self)
        running.extend(run.process for run in self._runs._runs)
        close(self)

    monkeypatch.setattr(SiteSearch, "add", failing_add)
    monkeypatch.setattr(SiteSearch, "close", recorded_close)
    with pytest.raises(Abort):
        build(in_process_build(tmp_path, monkeypatch))
    assert started and closed and closed[0] is started[0]
    assert running and all(process.poll() is not None for process in running)
