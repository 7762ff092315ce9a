"""Build a project with one search engine switched off, timing the build (bench only).

``python -m bench.search.build PROJECT ENGINE`` runs ``mkdocs build`` in PROJECT and prints
the seconds it took. ENGINE is:

- ``both``: the shipped build, but Material's lunr index is kept whole, so one site can be
  searched by either engine (the browser picks one; see ``bench.search.measure``);
- ``lunr``: stock Material search only, no Pagefind step;
- ``none``: neither, the baseline the two indexing costs are measured against.

The patches go in before MkDocs loads the hooks, which import ``build_search`` by name.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import SimpleNamespace

import handbook.search as search

ENGINES = ("both", "lunr", "none")


def _no_pagefind(site_dir: Path, directory_urls: bool = True) -> dict[str, int]:
    return {}


def _keep_lunr(site_dir: Path) -> None:
    """The shipped build empties the lunr index; the bench needs it whole."""


def build(project: Path, engine: str) -> float:
    """Build ``project`` with ``engine``; seconds of the build, as ``mkdocs build`` runs it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    if engine in ("lunr", "none"):
        search.build_search = _no_pagefind
    search.empty_lunr_index = _keep_lunr
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    if engine == "none":
        lunr = config.plugins["material/search"]
        lunr.config.enabled = False
        # mkdocs-static-i18n merges the per-language entries of the search plugin even when
        # it is disabled; give it an empty list to merge.
        lunr.search_index = SimpleNamespace(entries=[])  # type: ignore[attr-defined]
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return time.perf_counter() - start


if __name__ == "__main__":
    project_dir, engine_name = Path(sys.argv[1]), sys.argv[2]
    if engine_name not in ENGINES:
        raise SystemExit(f"engine must be one of {', '.join(ENGINES)}")
    sys.stdout.write(f"{build(project_dir, engine_name):.3f}\n")
