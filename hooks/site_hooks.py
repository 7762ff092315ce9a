"""MkDocs hooks: load the handbook once per build and list its phase pages in the nav.

Thin glue: all logic lives in the ``handbook`` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.problems import HandbookError
from handbook.site import Build, build_of

log = logging.getLogger("mkdocs.plugins.handbook")


@event_priority(100)  # before macros (0) and i18n (-100): both need the loaded handbook
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        build = build_of(config, on_load=_report_warnings)
    except HandbookError as error:
        raise PluginError(f"the standards have errors:\n{error}") from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    _require_phase_pages(build, config.docs_dir)
    marker = build.settings.phase_pages + "/"
    pages = [f"{marker}{phase.slug}.md" for phase in build.handbook.phases]
    config.nav = _expand(config.nav, marker, pages)
    return config


def _report_warnings(build: Build) -> None:
    """Missing translations are shown as English on the page, so they do not fail --strict."""
    for warning in build.result.warnings:
        log.info(str(warning))


def _expand(nav: Any, marker: str, pages: list[str]) -> Any:
    """Replace the nav entry ``phases/`` with the phase pages in service order."""
    if nav is None or nav == marker:
        return pages if nav == marker else nav
    if isinstance(nav, list):
        return [_expand(item, marker, pages) for item in nav]
    if isinstance(nav, dict):
        return {title: _expand(value, marker, pages) for title, value in nav.items()}
    return nav


def _require_phase_pages(build: Build, docs_dir: str) -> None:
    """Each phase needs its one-line page; say exactly which file to create."""
    missing = [
        (phase, f"{build.settings.phase_pages}/{phase.slug}.md")
        for phase in build.handbook.phases
        if not (Path(docs_dir) / build.settings.phase_pages / f"{phase.slug}.md").is_file()
    ]
    if missing:
        raise PluginError(
            "\n".join(
                f"{phase.source_path}:1:1: error: the phase has no page; create docs/{page} "
                f'containing the line {{{{ phase_content("{phase.slug}") }}}}'
                for phase, page in missing
            )
        )
