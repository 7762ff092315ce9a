"""Measure the two search engines on the real and on a ~3,000-standard handbook, in Chromium.

``python -m bench.search.measure [OUT]`` (default ``bench/out/search``) builds both sites,
searches them through Material's search box with each engine, and writes ``search.json``
plus a Markdown summary on stdout; ``bench/SEARCH.md`` reports the figures.

Engines, all on the same built HTML (the browser chooses which one answers):

- ``lunr``: stock Material search as mkdocs-static-i18n configures it, one index merged
  from every language;
- ``lunr-per-language``: candidate (a), the same index split by language, each page
  loading only its own, with the stock pipeline;
- ``lunr-per-language-stemmed``: the same with each language's lunr stemmer switched on
  (lunr-languages has Arabic, which also strips tashkeel, but no Polish);
- ``pagefind``: candidate (b), as shipped.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from bench.search.build import cpu_seconds
from bench.search.corpus import write_large_project
from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.site.search import LUNR_INDEX, build_search
from handbook.tools.commands import settings_from
from tests.browser.harness import (
    Downloads,
    SearchResult,
    clear_search_box,
    language_of,
    launch,
    page_url,
    search,
    serve,
)
from tests.browser.queries import (
    CHECK_IN,
    HELDOUT_QUERIES,
    QUERIES,
    STAFF_QUERIES,
    Query,
    recall_at,
)
from tests.hotel import PREFIX
from tests.sitebuild import ROOT, TEST_TODAY, project_copy

ENGINES = ("lunr", "lunr-per-language", "lunr-per-language-stemmed", "pagefind")
LANGUAGES = tuple(PREFIX)
TIMEOUT_MS = 180_000  # lunr builds its index in the browser from the whole JSON first


@dataclass
class LanguageRun:
    """One engine in one language: a fresh browser, a first search, then the whole table."""

    first_query: str
    first_search_bytes: int
    first_search_bytes_gzip: int
    first_search_files: dict[str, int]
    first_search_seconds: float
    recall_at_5: float
    """On the project's own table, ``QUERIES``."""
    staff_recall_at_5: float
    """On the staff's table, ``STAFF_QUERIES`` and ``HELDOUT_QUERIES`` together."""
    heldout_recall_at_5: float
    foreign_results: int
    empty_results: int
    latency_ms_median: float
    """From the keystroke that ends a query to Material's answer, the index already loaded."""
    misses: list[str] = field(default_factory=list)


def build(project: Path, engine: str) -> dict[str, float]:
    """Wall and CPU seconds of ``mkdocs build`` with ``engine`` (see ``bench.search.build``)."""
    env = {
        **os.environ,
        "HANDBOOK_TODAY": TEST_TODAY,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench.search.build", str(project), engine],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return {"wall": float(wall), "cpu": float(cpu)}


def pagefind_seconds(site: Path) -> dict[str, float]:
    """Time the shipped Pagefind step alone, keeping the lunr index for the lunr runs."""
    lunr = site / LUNR_INDEX
    kept = lunr.read_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    build_search(site, handbook_of(site.parent))
    seconds = {"wall": time.perf_counter() - start, "cpu": cpu_seconds() - cpu}
    lunr.write_bytes(kept)
    return seconds


def handbook_of(project: Path) -> Handbook:
    """The handbook ``project`` builds, as its build reads it."""
    settings = settings_from(str(project / "mkdocs.yml"))
    result = load_handbook(settings.standards, settings.policy, settings.languages)
    assert result.handbook is not None, result.errors
    return result.handbook


def sizes(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"bytes": len(data), "gzip": len(gzip.compress(data, 6))}


STEMMED: dict[str, dict[str, list[str]]] = {
    "en": {"lang": ["en"], "pipeline": ["stemmer", "stopWordFilter", "trimmer"]},
    "ar": {"lang": ["ar"], "pipeline": ["stemmer", "stopWordFilter", "trimmer"]},
    # lunr-languages has no Polish: no stemmer, and no English stop words or stemming either.
    "pl": {"lang": ["en"], "pipeline": ["trimmer"]},
}
"""lunr with stemming per language. The merged stock index has to share one ``lang`` list,
and its pipeline is the stop-word filter alone."""


def split_lunr(site: Path) -> dict[str, dict[str, int]]:
    """Write candidate (a)'s files next to the merged index, stock and stemmed, per language."""
    merged = json.loads((site / LUNR_INDEX).read_text(encoding="utf-8"))
    result: dict[str, dict[str, int]] = {"merged": sizes(site / LUNR_INDEX)}
    for language in LANGUAGES:
        docs = [d for d in merged["docs"] if language_of("/" + d["location"]) == language]
        for stemmed in (False, True):
            config = {**merged["config"], **(STEMMED[language] if stemmed else {})}
            path = _split_path(site, language, stemmed)
            path.write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
        result[language] = sizes(path)
    return result


def _split_path(site: Path, language: str, stemmed: bool) -> Path:
    name = f"search_index.{language}{'.stemmed' if stemmed else ''}.json"
    return site / LUNR_INDEX.with_name(name)


def pagefind_sizes(site: Path) -> dict[str, int]:
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    result = {"bundle": sum(p.stat().st_size for p in files)}
    for language in LANGUAGES:
        result[language] = sum(p.stat().st_size for p in files if f"{language}_" in p.name)
    return result


def routes_for(engine: str, site: Path, language: str) -> list[tuple[str, Callable[[Route], None]]]:
    """Browser routes that make the shipped pages use ``engine``."""
    config = json.loads((site / LUNR_INDEX).read_text(encoding="utf-8"))["config"]
    if engine == "pagefind":  # as shipped: the lunr index holds its config only
        stub = json.dumps({"config": config, "docs": []})
        return [("**/search/search_index.json", _json(stub))]
    # lunr: leave Material's own worker in place (no redirect to the Pagefind worker)
    routes = [
        (
            "**/assets/search.js",
            lambda route: route.fulfill(body="", content_type="text/javascript"),
        )
    ]
    if engine.startswith("lunr-per-language"):
        text = _split_path(site, language, engine.endswith("stemmed")).read_text(encoding="utf-8")
        routes.append(("**/search/search_index.json", _json(text)))
    return routes


def _json(text: str) -> Callable[[Route], None]:
    return lambda route: route.fulfill(body=text, content_type="application/json")


def run_language(
    browser: Browser, base: str, site: Path, engine: str, language: str
) -> LanguageRun:
    context: BrowserContext = browser.new_context()  # empty cache: a first visit
    try:
        for pattern, handler in routes_for(engine, site, language):
            context.route(pattern, handler)
        downloads = Downloads()
        context.on("response", downloads.record)
        page = context.new_page()
        page.goto(page_url(base, language, CHECK_IN))
        tables = QUERIES + STAFF_QUERIES + HELDOUT_QUERIES
        queries = [q for q in tables if q.language == language]
        start = time.perf_counter()
        results: dict[Query, SearchResult] = {queries[0]: search(page, queries[0].text, TIMEOUT_MS)}
        seconds = time.perf_counter() - start
        first = (downloads.total, downloads.total_wire, dict(downloads.files))
        for query in queries[1:]:
            results[query] = search(page, query.text, TIMEOUT_MS)
        latencies = [answer_ms(page, query.text) for query in queries]
    finally:
        context.close()
    pages = {q: r.pages for q, r in results.items()}
    return LanguageRun(
        first_query=queries[0].text,
        first_search_bytes=first[0],
        first_search_bytes_gzip=first[1],
        first_search_files=first[2],
        first_search_seconds=round(seconds, 2),
        recall_at_5=recall_at(_only(pages, QUERIES), language),
        staff_recall_at_5=recall_at(_only(pages, STAFF_QUERIES + HELDOUT_QUERIES), language),
        heldout_recall_at_5=recall_at(_only(pages, HELDOUT_QUERIES), language),
        foreign_results=sum(
            1 for r in results.values() for link in r.links if language_of(link) != language
        ),
        empty_results=sum(1 for found in pages.values() if not found),
        latency_ms_median=round(statistics.median(latencies), 1),
        misses=[
            q.text for q, found in pages.items() if not any(p.endswith(q.page) for p in found[:5])
        ],
    )


def _only(pages: dict[Query, list[str]], table: tuple[Query, ...]) -> dict[Query, list[str]]:
    return {query: found for query, found in pages.items() if query in table}


def answer_ms(page: Page, query: str) -> float:
    """Milliseconds from the keyup of ``query``'s last key to Material's new result count.

    The box is cleared first and its placeholder awaited, as in ``search``; the clock runs in
    the page, so the test driver's own round trips are not counted.
    """
    clear_search_box(page, TIMEOUT_MS)
    return float(
        page.evaluate(
            """(query) => new Promise((done) => {
                 const meta = document.querySelector(".md-search-result__meta");
                 const before = meta.textContent;
                 const box = document.querySelector("input.md-search__input");
                 const watch = new MutationObserver(() => {
                   if (meta.textContent === before) return;
                   watch.disconnect();
                   done(performance.now() - start);
                 });
                 watch.observe(meta, { childList: true, characterData: true, subtree: true });
                 box.value = query;
                 const start = performance.now();
                 box.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1) }));
               })""",
            query,
        )
    )


def measure_site(site: Path) -> dict[str, dict[str, Any]]:
    runs: dict[str, dict[str, Any]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for engine in ENGINES:
                runs[engine] = {
                    language: asdict(run_language(browser, base, site, engine, language))
                    for language in LANGUAGES
                }
        finally:
            browser.close()
    return runs


def measure(project: Path, timed: bool) -> dict[str, Any]:
    """Builds (timed on request), index sizes and browser runs for one project."""
    report: dict[str, Any] = {}
    if timed:
        engines = ("none", "lunr", "shipped")
        report["build_seconds"] = {engine: build(project, engine) for engine in engines}
    report["build_seconds_both"] = build(project, "both")  # leaves the site for the runs
    site = project / "site"
    report["pagefind_seconds"] = pagefind_seconds(site)
    report["lunr_index"] = split_lunr(site)
    report["pagefind_index"] = pagefind_sizes(site)
    report["pages_per_language"] = len(list((site / "ar").rglob("index.html")))
    report["runs"] = measure_site(site)
    return report


def summary(name: str, report: dict[str, Any]) -> str:
    lines = [f"## {name}", ""]
    if "build_seconds" in report:
        seconds = report["build_seconds"]
        base = seconds["none"]
        lines.append(
            f"- build without search {base['wall']:.1f} s wall, {base['cpu']:.1f} s CPU; "
            + "; ".join(
                f"{engine} adds {seconds[engine]['wall'] - base['wall']:.1f} s wall, "
                f"{seconds[engine]['cpu'] - base['cpu']:.1f} s CPU"
                for engine in ("lunr", "shipped")
            )
        )
    pagefind = report["pagefind_seconds"]
    lines.append(f"- Pagefind step {pagefind['wall']:.1f} s wall, {pagefind['cpu']:.1f} s CPU")
    lunr = report["lunr_index"]
    lines.append(
        f"- lunr merged index {lunr['merged']['bytes']:,} B ({lunr['merged']['gzip']:,} gzip); "
        + "; ".join(
            f"{lang} alone {lunr[lang]['bytes']:,} B ({lunr[lang]['gzip']:,} gzip)"
            for lang in LANGUAGES
        )
    )
    lines.append(f"- Pagefind bundle on disk {report['pagefind_index']['bundle']:,} B")
    lines += [
        "",
        "| engine | lang | first search B (gzip) | s | answer ms | recall@5 | staff recall@5 "
        "(held out) | foreign | empty | misses |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for engine, per_language in report["runs"].items():
        for language, run in per_language.items():
            lines.append(
                f"| {engine} | {language} | {run['first_search_bytes']:,} "
                f"({run['first_search_bytes_gzip']:,}) | {run['first_search_seconds']} | "
                f"{run['latency_ms_median']} | {run['recall_at_5']:.2f} | "
                f"{run['staff_recall_at_5']:.2f} ({run['heldout_recall_at_5']:.2f}) | "
                f"{run['foreign_results']} | {run['empty_results']} | "
                f"{', '.join(run['misses'])} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "bench" / "out" / "search"
    out.mkdir(parents=True, exist_ok=True)
    real = project_copy(out / "real")
    report = {"real": measure(real, timed=False)}
    shutil.rmtree(real)
    large = write_large_project(out / "large")
    report["large"] = measure(large, timed=True)
    (out / "search.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    sys.stdout.write("\n\n".join(summary(name, r) for name, r in report.items()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
