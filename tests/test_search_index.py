"""The build's search step: a Pagefind index per language, and no merged lunr index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.site import indexing
from handbook.site.search import (
    LUNR_INDEX,
    OPTIONS,
    SearchIndexError,
    SiteSearch,
    build_search,
    empty_lunr_index,
    pages_per_language,
)
from tests.hotel import HOTEL_LANGUAGES as LANGUAGE_SET
from tests.hotel import LANGUAGES, PREFIX, hotel_policy


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


PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<nav>Navigation words</nav><article class="md-content__inner"><h1>{title}</h1>
<p>{text}</p><p class="hb-review-table">tabled</p></article></body></html>"""


def small_site(site: Path) -> Path:
    """Two pages, English and Polish, as the build writes them."""
    add_page(site, "check-in", "en", "Check-in", "Greet every guest")
    add_page(site, "pl/check-in", "pl", "Zameldowanie", "Powitaj każdego gościa")
    return site


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(
        Path(__file__).parent / "fixtures" / "small", hotel_policy(), LANGUAGE_SET
    )
    assert result.handbook is not None, result.problems
    return result.handbook


def test_pagefind_indexes_each_language_and_the_words_are_counted_beside_it(
    tmp_path: Path, handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = small_site(tmp_path / "site")
    # A Pagefind configuration where the build runs must not change what it indexes.
    (tmp_path / "pagefind.yml").write_text("force_language: en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert build_search(site, handbook) == {"en": 1, "pl": 1}
    english = read_words(site / "pagefind" / "words" / "en")
    assert {"greet", "guest", "check"} <= english
    assert not {"navigation", "tabled"} & english  # outside the article, or left out
    assert "goscia" in read_words(site / "pagefind" / "words" / "pl")
    assert not list(tmp_path.glob("pagefind/*"))


def read_words(folder: Path) -> set[str]:
    """Every search key in a language's letter files."""
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    keys: set[str] = set()
    for letter in index["letters"]:
        keys |= set(json.loads((folder / f"{letter}.json").read_text(encoding="utf-8")))
    return keys


def test_a_site_without_pages_fails_with_pagefinds_reason_once(
    tmp_path: Path, handbook: Handbook
) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(SearchIndexError) as raised:
        build_search(tmp_path / "site", handbook)
    message = str(raised.value)
    assert message.startswith(f"Pagefind failed to index {tmp_path / 'site'}:\n")
    assert message.count("not able to build an index") == 1, message


def test_a_missing_pagefind_binary_is_a_search_error(
    tmp_path: Path, handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-pagefind"))
    with pytest.raises(SearchIndexError, match="Pagefind could not start"):
        build_search(small_site(tmp_path / "site"), handbook)


def bundle_bytes(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def add_page(site: Path, folder: str, lang: str, title: str, text: str = "") -> str:
    """A page as the build writes it, at ``folder/index.html``; its path in the site."""
    page = site / folder / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(lang=lang, title=title, text=text or f"About {title}"), "utf-8")
    return f"{folder}/index.html"


def test_indexing_language_by_language_gives_the_bytes_of_one_run(
    tmp_path: Path, handbook: Handbook
) -> None:
    site = small_site(tmp_path / "site")
    add_page(site, "pl/wymeldowanie", "pl", "Wymeldowanie")
    build_search(site, handbook)
    whole = bundle_bytes(site / "pagefind")
    search = SiteSearch(site)
    search.add(["check-in/index.html"])
    search.add(["pl/check-in/index.html", "pl/wymeldowanie/index.html"])
    assert search.finish(handbook) == {"en": 1, "pl": 2}
    assert bundle_bytes(site / "pagefind") == whole
    assert any(name.startswith("fragment/pl_") for name in whole)  # the runs' own files


@pytest.mark.parametrize("folder", ["faq (old)", "a,b {c}", "menu[1]*", "c#-tips!", "back\\slash"])
def test_a_page_whose_path_has_glob_signs_is_indexed_as_itself(
    tmp_path: Path, handbook: Handbook, folder: str
) -> None:
    site = small_site(tmp_path / "site")
    page = add_page(site, folder, "en", "Odd")
    search = SiteSearch(site)
    search.add(["check-in/index.html", page])
    assert search.finish(handbook)["en"] == 2


def test_one_language_in_two_runs_is_indexed_again_as_one(
    tmp_path: Path, handbook: Handbook
) -> None:
    site = small_site(tmp_path / "site")
    other = add_page(site, "check-out", "en", "Check-out")
    search = SiteSearch(site)
    search.add(["check-in/index.html"])
    search.add([other, "pl/check-in/index.html"])
    assert search.finish(handbook) == {"en": 2, "pl": 1}


def test_pages_too_many_for_one_glob_are_indexed_with_the_whole_site(
    tmp_path: Path, handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexing, "LONGEST_GLOB", 30)
    assert indexing.page_glob(["check-in/index.html"]) is not None
    assert indexing.page_glob(["pl/check-in/index.html", "pl/wymeldowanie/index.html"]) is None
    site = small_site(tmp_path / "site")
    other = add_page(site, "pl/wymeldowanie", "pl", "Wymeldowanie")
    search = SiteSearch(site)
    search.add(["check-in/index.html"])  # started at once
    search.add(["pl/check-in/index.html", other])  # too long: left for the whole site
    assert search.finish(handbook) == {"en": 1, "pl": 2}


def test_closing_stops_the_runs_and_removes_their_bundles(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    runs = indexing.PagefindRuns(site, OPTIONS)
    runs.start(["check-in/index.html"])
    work = Path(runs._work.name)
    process = runs._runs[0].process
    runs.close()
    assert process.poll() is not None
    assert not work.exists()
