"""Build a project with one search engine switched off, timing the build (bench only).

``python -m bench.search.build PROJECT ENGINE`` runs ``mkdocs build`` in PROJECT and prints
the wall-clock and CPU seconds it took (CPU of this process and of the Pagefind binary it
starts: on a shared machine the wall clock mostly measures the neighbours). ENGINE is:

- ``shipped``: the build as ``make site`` runs it (Pagefind; lunr's index left empty);
- ``both``: the shipped build, but Material's lunr index is kept whole, so one site can be
  searched by either engine (the browser picks one; see ``bench.search.measure``);
- ``lunr``: stock Material search only, no Pagefind step;
- ``none``: neither, the baseline the two indexing costs are measured against.

The handbook plugin makes its ``handbook.site.search.SiteSearch`` through the module, so
patching the module is enough, whenever the plugin was imported.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig

import handbook.glue.plugin as plugin
import handbook.site.search as search

ENGINES = ("shipped", "both", "lunr", "none")


class _NoPagefind:
    """``SiteSearch`` that indexes nothing."""

    def __init__(self, site_dir: Path, directory_urls: bool = True) -> None:
        pass

    def add(self, pages: object) -> None:
        pass

    def finish(self, handbook: object) -> dict[str, int]:
        return {}

    def close(self) -> None:
        pass


def _keep_lunr(site_dir: Path) -> None:
    """The shipped build empties the lunr index; the bench needs it whole."""


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (the Pagefind binary)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _index_pages_for_lunr(config: MkDocsConfig) -> None:
    """Drop the handbook plugin's ``on_page_markdown``, which keeps every page out of
    Material's index when Pagefind indexes the site; the bench needs lunr's documents."""
    skipped = config.plugins[plugin.PLUGIN_NAME].on_page_markdown
    handlers = config.plugins.events["page_markdown"]
    handlers[:] = [handler for handler in handlers if handler != skipped]


def build(project: Path, engine: str) -> tuple[float, float]:
    """Build ``project`` with ``engine``; wall and CPU seconds, as ``mkdocs build`` runs it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    if engine in ("lunr", "none"):
        search.SiteSearch = _NoPagefind  # type: ignore[misc,assignment]
    if engine != "shipped":
        search.empty_lunr_index = _keep_lunr
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    if engine in ("both", "lunr"):
        _index_pages_for_lunr(config)
    if engine == "none":
        lunr = config.plugins["material/search"]
        lunr.config.enabled = False
        # mkdocs-static-i18n merges the per-language entries of the search plugin even when
        # it is disabled; give it an empty list to merge.
        lunr.search_index = SimpleNamespace(entries=[])  # type: ignore[attr-defined]
    config.plugins.on_startup(command="build", dirty=False)
    start, cpu = time.perf_counter(), cpu_seconds()
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return time.perf_counter() - start, cpu_seconds() - cpu


if __name__ == "__main__":
    project_dir, engine_name = Path(sys.argv[1]), sys.argv[2]
    if engine_name not in ENGINES:
        raise SystemExit(f"engine must be one of {', '.join(ENGINES)}")
    wall, cpu = build(project_dir, engine_name)
    sys.stdout.write(f"{wall:.3f} {cpu:.3f}\n")
