"""MkDocs hooks, in the order a build meets them: load the handbook once per build and list
its phase pages in the nav; put back the HTML the macros kept from Markdown; point phase
pages' edit button at their YAML; give every page its content security policy; write the
exports and the search index once every language is built.

Thin glue: all logic lives in the ``handbook`` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.build import Build, build_of
from handbook.export import Publication, build_timestamp
from handbook.export.write import export_files, write_files
from handbook.reading.pages import phase_page_problems
from handbook.reading.problems import HandbookError
from handbook.site.csp import with_policy
from handbook.site.editlink import phase_slug, repository_path, source_edit_url
from handbook.site.hosting import site_relative
from handbook.site.rawhtml import raw_html_of
from handbook.site.search import SearchIndexError, build_search, inline_lunr_index

log = logging.getLogger("mkdocs.plugins.handbook")

EXPORTS_ATTRIBUTE = "handbook_exports"
IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"


@event_priority(100)  # before macros (0) and i18n (-100): both need the loaded handbook
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        build = build_of(config, on_load=_report_warnings)
    except HandbookError as error:
        raise PluginError(f"the handbook cannot be built:\n{error}") from None
    problems = phase_page_problems(
        build.handbook, Path(config.docs_dir) / build.settings.phase_pages
    )
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))
    marker = build.settings.phase_pages + "/"
    pages = [f"{marker}{phase.slug}.md" for phase in build.handbook.phases]
    config.nav = _expand(config.nav, marker, pages)
    polyfills = config.extra.get("polyfills", [])
    if _offline(config) and IFRAME_WORKER not in polyfills:
        # before the offline plugin (0), which would otherwise add unpkg.com's copy
        config.extra["polyfills"] = [*polyfills, IFRAME_WORKER]
    return config


def _report_warnings(build: Build) -> None:
    """Missing translations show the source text on the page, so they do not fail --strict."""
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


@event_priority(100)  # first: every later step sees the page as Markdown would have made it
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    """Put back the HTML the macros kept out of the Markdown parser (``handbook.site.rawhtml``)."""
    stash = raw_html_of(config)
    html, anchors = stash.restore(html)
    if stash.left_in(html):
        raise PluginError(
            f"{Path(config.docs_dir).name}/{page.file.src_uri}: a handbook macro such as "
            "{{ phase_content(…) }} must stand alone on its line, with a blank line before "
            "and after it"
        )
    if anchors and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchors
    return html


@event_priority(-1000)  # last: the policy must hash the page exactly as it will be written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give every page its content security policy (see ``handbook.site.csp``)."""
    try:
        return _with_policy(output, page.content or "", config)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


@event_priority(-1000)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same policy for pages rendered from templates alone, such as 404.html."""
    if not template_name.endswith(".html"):
        return output_content
    try:
        return _with_policy(output_content, "", config)
    except ValueError as error:
        raise PluginError(f"template {template_name}: {error}") from None


def _with_policy(html: str, content: str, config: MkDocsConfig) -> str:
    offline = _offline(config)
    return with_policy(
        html,
        page_content=content,
        connect_origins=_connect_sources(config),
        allow_webassembly=not offline,
        allow_any_inline_script=offline,
    )


def _connect_sources(config: MkDocsConfig) -> tuple[str, ...]:
    """Material fetches a GitHub repository's stars and forks from GitHub's API."""
    repo = urlsplit(config.repo_url or "")
    return ("https://api.github.com",) if repo.hostname == "github.com" else ()


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Index the finished site with Pagefind, one index per language (``handbook.site.search``).

    mkdocs-static-i18n builds each other language inside its own ``on_post_build`` and runs
    this event again at the end of each of those inner builds; only the outer one, after
    every language is written, indexes the site. An offline copy (Material's offline plugin,
    opened from disk) keeps Material's own search, since Pagefind cannot load over file://;
    its script copy of the index is written again from the index of all languages, which
    mkdocs-static-i18n merges only after the offline plugin wrote the last language's.

    First, every run writes the exports (``handbook.export``); they are the same bytes in
    every language build, and only what differs is written, so the order does not matter.
    """
    _write_exports(config)
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return
    if _offline(config):
        inline_lunr_index(Path(config.site_dir))
        return
    try:
        counts = build_search(Path(config.site_dir), config.use_directory_urls)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    log.info("search index: " + ", ".join(f"{lang} {n} pages" for lang, n in counts.items()))


def _offline(config: MkDocsConfig) -> bool:
    """True for the copy opened from disk (Material's offline plugin): it keeps Material's
    own search, as Pagefind cannot load its index over file:// (see ``on_post_build``)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.get("enabled"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    """Keep Material's search from parsing every page when Pagefind indexes the site.

    Its documents are emptied after the build (``handbook.site.search.empty_lunr_index``), yet
    parsing each page for them cost as much as building the page (``bench/RESULTS.md``).
    The search box and the index's ``config`` stay; Pagefind reads the written HTML.
    """
    if not _offline(config):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def _write_exports(config: MkDocsConfig) -> None:
    """The review calendar, standards.json and a CSV per language, at the site root.

    Computed once per build and kept on the config, like the handbook itself: the
    post-build event runs once per language, and the bytes are the same each time.
    """
    build = build_of(config)
    key = (config.site_url or "", config.use_directory_urls)
    made: dict[tuple[str, bool], dict[str, bytes]] = getattr(config, EXPORTS_ATTRIBUTE, {})
    files = made.get(key)
    if files is None:
        publication = Publication(
            build.handbook,
            build.settings.policy,
            config.site_url or "",
            build.settings.phase_pages,
            config.use_directory_urls,
        )
        try:
            files = export_files(publication, build_timestamp(build.settings.policy.today))
        except ValueError as error:
            raise PluginError(str(error)) from None
        setattr(config, EXPORTS_ATTRIBUTE, {**made, key: files})
    for name in write_files(Path(config.site_dir), files):
        log.debug("export written: %s", name)


@event_priority(-100)  # after mkdocs-static-i18n (50) has set up the page's context
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    _edit_the_yaml(page, config)
    # mkdocs-static-i18n sets the switcher per page as an attribute of `extra`, not an item.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    for alternate in alternates or []:
        alternate["link"] = site_relative(alternate["link"], config.site_url)
    return context


def _edit_the_yaml(page: Page, config: MkDocsConfig) -> None:
    """The edit button of a phase page opens its YAML file, where the text really is."""
    build = build_of(config)
    slugs = {phase.slug for phase in build.handbook.phases}
    slug = phase_slug(page.file.src_uri, build.settings.phase_pages, slugs)
    if slug is None or not page.edit_url:
        return
    root = Path(config.config_file_path).parent
    try:
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        source = repository_path(build.handbook.phase(slug).source_path, root)
        page.edit_url = source_edit_url(page.edit_url, page.file.src_uri, docs, source)
    except ValueError as error:
        raise PluginError(f"cannot link the edit button to the standards: {error}") from None
