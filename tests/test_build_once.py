"""The standards are read and validated once per build, not once per language or per page.

mkdocs-static-i18n runs every plugin event again for each language on the same config and
plugin instances, and every page calls a macro; a loader call per language or per page
would multiply the cost of the data by 3 or by the page count. The handbook plugin keeps
the loaded handbook on its own instance, never on MkDocs' config. The build runs in this
process, so the loader can be counted; a subprocess build could not be patched.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import handbook.reading.loader
import handbook.reading.yamlsource
from handbook.glue.plugin import PLUGIN_NAME, HandbookPlugin
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
