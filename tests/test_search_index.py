"""The build's search step: a Pagefind index per language, and no merged lunr index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from handbook.site.search import LUNR_INDEX, empty_lunr_index, pages_per_language
from tests.hotel import LANGUAGES, PREFIX


@pytest.mark.build
def test_the_built_site_has_one_pagefind_index_per_language(built_site: Path) -> None:
    counts = pages_per_language(built_site / "pagefind")
    assert sorted(counts) == sorted(LANGUAGES)
    assert len(set(counts.values())) == 1, counts  # every page exists in every language
    assert counts["en"] >= 8


@pytest.mark.build
def test_the_built_site_no_longer_ships_every_languages_text_to_every_page(
    built_site: Path,
) -> None:
    lunr = json.loads((built_site / LUNR_INDEX).read_text(encoding="utf-8"))
    assert lunr["docs"] == []
    assert "separator" in lunr["config"]  # Material's highlighter still reads it


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_point_materials_search_at_the_worker_before_its_bundle(
    built_site: Path, language: str
) -> None:
    prefix = PREFIX[language]
    html = (built_site / prefix / "phases/check-in/index.html").read_text(encoding="utf-8")
    config = html.index('id="__config"')
    script = re.search(r'<script src="[^"]*assets/search\.js"></script>', html)
    assert script is not None
    assert config < script.start() < html.index("javascripts/bundle.")


def test_emptying_the_lunr_index_keeps_its_config(tmp_path: Path) -> None:
    path = tmp_path / LUNR_INDEX
    path.parent.mkdir()
    config = {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}
    path.write_text(json.dumps({"config": config, "docs": [{"location": "", "text": "x"}]}))
    empty_lunr_index(tmp_path)
    assert json.loads(path.read_text()) == {"config": config, "docs": []}


def test_no_pagefind_bundle_means_no_languages(tmp_path: Path) -> None:
    assert pages_per_language(tmp_path / "pagefind") == {}


def test_the_index_is_written_into_the_site_only(built_site: Path) -> None:
    """Pagefind writes its bundle where it is told; nothing lands in the folder the build ran in."""
    assert (built_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (built_site.parent / "pagefind").exists()
