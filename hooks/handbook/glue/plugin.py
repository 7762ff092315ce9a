"""The ``handbook`` MkDocs plugin. Its events, in the order a build meets them:

``on_config``         load the handbook (once per build) and list its phase pages in the nav
``on_page_markdown``  keep Material's search from parsing pages when Pagefind indexes them
``on_page_content``   put back the HTML the macros kept out of Markdown
``on_env``            note the pages this language's build writes; share compiled templates
``on_post_template``  the content security policy of pages made from a template (404.html),
                      which MkDocs writes before the pages themselves
``on_page_context``   point a phase page's edit button at its YAML
``on_post_page``      give every page its content security policy
``on_post_build``     start indexing this language's pages; write the exports; once every
                      language is built, finish the search index
``on_build_error``    stop the indexing a failed build started

What one build keeps between its events is one ``BuildState`` on the plugin instance, never
attributes added to MkDocs' config. The instance lives exactly as long as one build:
mkdocs-static-i18n builds each other language with ``build(config)`` on the same config and
plugin instances (every event again, ``on_config`` included), so the handbook is read once
for all languages; ``mkdocs serve`` loads a new config, with new plugin instances, for each
rebuild, so an edit is read again. That holds only while this class defines neither
``on_startup`` nor ``on_shutdown``: either makes MkDocs keep one instance across rebuilds.

Under ``mkdocs serve`` (``site.preview``) a handbook with errors is built anyway, every page
showing the errors, and the search index and the exports are left out; ``HANDBOOK_LANGUAGE``
builds one language alone (``make serve LANGUAGE=pl``).

List it last under ``plugins:`` in ``mkdocs.yml``: events of the same priority run in the
order of that list, and each ``@event_priority`` below says whom it must come before or after.
Thin glue: the logic lives in the rest of the package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from handbook.build import Build, load_build, readable_labels
from handbook.export import Publication, build_timestamp
from handbook.export.write import export_files, write_files
from handbook.glue.auditpages import audit_page_files, searched
from handbook.model import Labels
from handbook.model.languages import Languages
from handbook.reading.pages import phase_page_problems
from handbook.reading.problems import HandbookError, Place, Problem
from handbook.reading.yamlsource import remember_parsed_files
from handbook.render import reuse
from handbook.render.reuse import PhasePages
from handbook.settings import PHASE_PAGES
from handbook.site import compiled, search
from handbook.site.compiled import CompiledTemplates
from handbook.site.csp import with_policy
from handbook.site.editlink import phase_slug, repository_path, source_edit_url
from handbook.site.hosting import site_relative
from handbook.site.preview import error_page, is_preview
from handbook.site.rawhtml import RawHtml

log = logging.getLogger("mkdocs.plugins.handbook")

LANGUAGE_VARIABLE = "HANDBOOK_LANGUAGE"

PLUGIN_NAME = "handbook"
"""The plugin's name under ``plugins:`` in mkdocs.yml (the entry point in pyproject.toml)."""
IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"


@dataclass
class BuildState:
    """What one build keeps between its events, whichever language it is building."""

    build: Build
    raw_html: RawHtml = field(default_factory=RawHtml)
    """The HTML the macros hid from Markdown until its page takes it back (site.rawhtml)."""
    exports: dict[tuple[str, bool], dict[str, bytes]] = field(default_factory=dict)
    """The export files per site address and URL style: the same bytes for every language."""
    root_language: str = ""
    """The language at the site root: the source language, or the one language previewed."""
    pages: list[str] = field(default_factory=list)
    """The pages the language being built writes (paths in the site)."""
    search_index: search.SiteSearch | None = None
    """The site's search index, started with the first language written."""
    rendered_phases: PhasePages = field(default_factory=PhasePages)
    """The phase pages rendered so far: under ``mkdocs serve`` by earlier builds as well."""
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)
    """The theme's templates as compiled by the first language's build, for the others
    (and under ``mkdocs serve`` by an earlier build)."""


# MkDocs leaves Config.__init_subclass__ and BasePlugin.__init_subclass__ untyped.
class NoOptions(Config):  # type: ignore[no-untyped-call]
    """The plugin takes no options: the handbook's settings are ``extra.handbook``."""


class HandbookPlugin(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]
    """Wires the handbook package to MkDocs' events; its state is one build's (see above)."""

    def __init__(self) -> None:
        self._state: BuildState | None = None
        self._errors: tuple[Problem, ...] = ()
        """The handbook's errors, when ``mkdocs serve`` shows them instead of its pages."""
        self._error_labels: Labels | None = None
        """The words of labels.yaml for the page of errors, when that file can be read."""
        self._preview = False
        """Under ``mkdocs serve``: errors become pages; the search index and the exports, which
        ``make site`` writes, are left out."""

    @property
    def state(self) -> BuildState:
        """This build's state, there from the plugin's ``on_config`` on."""
        if self._state is None:
            raise PluginError("the handbook plugin's on_config has not loaded the handbook yet")
        return self._state

    @event_priority(100)  # before macros (0) and i18n (-100): both need the loaded handbook
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._state is None and not self._errors:  # the other languages' builds run
            self._preview = _previewing(config)  # on_config again: the handbook is read once
            if self._preview:
                remember_parsed_files()
            alone = os.environ.get(LANGUAGE_VARIABLE, "").strip() or None
            try:
                _check_only_language(config, alone, self._preview)
                build = _checked_build(config)  # the languages as mkdocs.yml has them
                _build_alone(config, alone)
                root = alone or build.handbook.languages.source
                self._state = BuildState(build, root_language=root)
                if self._preview:  # what an edit of the YAML cannot have changed
                    self._state.templates = compiled.kept_between_builds()
                    self._state.rendered_phases = reuse.kept_between_builds()
                _report_warnings(build)
            except HandbookError as error:
                if not self._preview:
                    raise PluginError(f"the handbook cannot be built:\n{error}") from None
                self._errors = tuple(error.problems)
                self._error_labels = readable_labels(config)
                _build_alone(config, alone)
                # info, not error: an error would stop `mkdocs serve --strict` from serving it
                log.info("the handbook cannot be built; the preview shows why:\n%s", error)
        if self._errors:
            marker = _phase_pages(config) + "/"
            config.nav = _expand(config.nav, marker, _phase_page_files(config, marker))
        else:
            build = self.state.build
            marker = build.settings.phase_pages + "/"
            pages = [f"{marker}{phase.slug}.md" for phase in build.handbook.phases]
            config.nav = _expand(config.nav, marker, pages)
        polyfills = config.extra.get("polyfills", [])
        if _offline(config) and IFRAME_WORKER not in polyfills:
            # before the offline plugin (0), which would otherwise add unpkg.com's copy
            config.extra["polyfills"] = [*polyfills, IFRAME_WORKER]
        return config

    def _order_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """With one language previewed, the pages in the order mkdocs-static-i18n needs."""
        state = self._state
        if state is None or state.root_language == state.build.handbook.languages.source:
            return files
        return _page_before_translations(files, state.build.handbook.languages)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has made this language's files
    def _add_audit_pages(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The page of each audit and the form of each phase, in the language being built."""
        if self._state is None or self._errors:
            return files
        handbook, root = self.state.build.handbook, self.state.root_language
        languages = [code for code in handbook.languages if _built(config, code)]
        for page in audit_page_files(config, handbook.audits, handbook.phases, languages, root):
            files.append(page)
        return files

    on_files = CombinedEvent(_order_pages, _add_audit_pages)

    @event_priority(100)  # before macros (0), which must not render a page that shows errors
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Keep Material's search from parsing every page when Pagefind indexes the site.

        Its documents are emptied after the build (``handbook.site.search.empty_lunr_index``),
        yet parsing each page for them cost as much as building the page (``bench/RESULTS.md``).
        The search box and the index's ``config`` stay; Pagefind reads the written HTML.
        In a preview of a handbook with errors, the page is the errors (``site.preview``).
        """
        if self._errors:
            page.meta["render_macros"] = False
            return error_page(self._errors, self._error_labels, config.theme["language"])
        if not _offline(config):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    @event_priority(100)  # first: every later step sees the page as Markdown would have made it
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Put back the HTML the macros kept out of the Markdown parser (``site.rawhtml``)."""
        if self._errors:  # the macros did not run
            return html
        stash = self.state.raw_html
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

    @event_priority(-1000)  # last, as on_post_page
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same policy as ``on_post_page`` for pages made from templates alone (404.html)."""
        if not template_name.endswith(".html"):
            return output_content
        try:
            return _with_policy(output_content, "", config)
        except ValueError as error:
            raise PluginError(f"template {template_name}: {error}") from None

    @event_priority(-100)  # after mkdocs-static-i18n (50) has set up the page's context
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if not self._errors:
            _edit_the_yaml(page, config, self.state.build)
        # mkdocs-static-i18n sets the switcher per page as an attribute of `extra`, not an item.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        for alternate in alternates or []:
            alternate["link"] = site_relative(alternate["link"], config.site_url)
        return context

    @event_priority(-1000)  # last: the policy must hash the page exactly as it will be written
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Give every page its content security policy (see ``handbook.site.csp``)."""
        try:
            return _with_policy(output, page.content or "", config)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Note the pages of this build, whose files mkdocs-static-i18n has chosen, and give
        the theme's templates compiled by an earlier language's build (``site.compiled``)."""
        if self._state is not None:
            pages = files.documentation_pages()
            self._state.pages = [f.dest_uri for f in pages if searched(f)]
            env.bytecode_cache = self._state.templates
        return env

    @event_priority(-50)  # before mkdocs-static-i18n (-100) builds the next language
    def _index_language(self, *, config: MkDocsConfig) -> None:
        """Start indexing the pages this language's build has just written (``site.search``).

        Pagefind runs on the other processor while the next language is built.
        """
        if self._errors or self._preview or _offline(config):
            return
        try:
            self._site_search(config).add(self.state.pages)
        except search.SearchIndexError as error:
            raise PluginError(str(error)) from None

    @event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages
    def _finish_site(self, *, config: MkDocsConfig) -> None:
        """Finish the Pagefind index, one per language, once the last language is written.

        mkdocs-static-i18n builds each other language inside its own ``on_post_build`` and
        runs this event again at the end of each of those inner builds; only the outer one,
        after every language is written, finishes the index. An offline copy (Material's
        offline plugin, opened from disk) keeps Material's own search, since Pagefind cannot
        load over file://; its script copy of the index is written again from the index of
        all languages, which mkdocs-static-i18n merges only after the offline plugin wrote the
        last language's.

        First, every run writes the exports (``handbook.export``); they are the same bytes in
        every language build, and only what differs is written, so the order does not matter.
        """
        i18n = config.plugins.get("i18n")
        if self._errors:
            return
        if not self._preview:  # a second on a big handbook, for every edit: make site has them
            self._write_exports(config)
        if getattr(i18n, "building", False):
            return
        if _offline(config):
            search.inline_lunr_index(Path(config.site_dir))
            return
        if self._preview:  # seconds on a big handbook, for every edit; make site builds it
            log.info("search index and exports: left out of the preview (mkdocs serve)")
            return
        try:
            counts = self._site_search(config).finish(self.state.build.handbook)
        except search.SearchIndexError as error:
            raise PluginError(str(error)) from None
        log.info("search index: " + ", ".join(f"{lang} {n} pages" for lang, n in counts.items()))

    on_post_build = CombinedEvent(_index_language, _finish_site)

    def _site_search(self, config: MkDocsConfig) -> search.SiteSearch:
        """The search index of this build, started by the first language written."""
        state = self.state
        if state.search_index is None:
            state.search_index = search.SiteSearch(Path(config.site_dir), config.use_directory_urls)
        return state.search_index

    def on_build_error(self, *, error: Exception) -> None:
        """A language's build failed: stop the Pagefind runs the earlier ones started."""
        if self._state is not None and self._state.search_index is not None:
            self._state.search_index.close()

    def _write_exports(self, config: MkDocsConfig) -> None:
        """The review calendar, standards.json and a CSV per language, at the site root.

        Computed once per build and kept in the build's state: the post-build event runs
        once per language, and the bytes are the same each time.
        """
        build, exports = self.state.build, self.state.exports
        key = (config.site_url or "", config.use_directory_urls)
        files = exports.get(key)
        if files is None:
            publication = Publication(
                build.handbook,
                build.settings.policy,
                config.site_url or "",
                build.settings.phase_pages,
                config.use_directory_urls,
                build.scores,
            )
            try:
                files = export_files(publication, build_timestamp(build.settings.policy.today))
            except ValueError as error:
                raise PluginError(str(error)) from None
            exports[key] = files
        for name in write_files(Path(config.site_dir), files):
            log.debug("export written: %s", name)


def build_state(config: MkDocsConfig) -> BuildState:
    """The state of the build ``config`` belongs to, for the macros module."""
    return handbook_plugin(config).state


def handbook_plugin(config: MkDocsConfig) -> HandbookPlugin:
    """The plugin of this build; MkDocs' error message when mkdocs.yml lacks it."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, HandbookPlugin):
        raise PluginError(
            f"mkdocs.yml: add '- {PLUGIN_NAME}' as the last entry of plugins: "
            "the handbook's macros need the plugin that loads the handbook"
        )
    return plugin


def _checked_build(config: MkDocsConfig) -> Build:
    """The handbook, with a page in ``docs/`` for each phase; HandbookError if not."""
    build = load_build(config)
    folder = Path(config.docs_dir) / build.settings.phase_pages
    problems = phase_page_problems(build.handbook, folder)
    if problems:
        raise HandbookError(problems)
    return build


def _check_only_language(config: MkDocsConfig, chosen: str | None, preview: bool) -> None:
    """Refuse a ``HANDBOOK_LANGUAGE`` (``make serve LANGUAGE=pl``) mkdocs.yml does not have.

    mkdocs-static-i18n then builds that language alone, at the site root, as its
    ``build_only_locale`` does (``_build_alone``); the handbook keeps every language, so a
    translation is still checked against its source text. Meant for the preview:
    ``mkdocs build`` warns, so a ``--strict`` build of the site to publish refuses it.
    """
    if chosen is None:
        return
    known = [language.locale for language in _i18n_languages(config)]
    if chosen not in known:
        raise HandbookError(
            [
                Place("environment").error(
                    f"{LANGUAGE_VARIABLE}={chosen} is not a language of mkdocs.yml; use one of "
                    f"{', '.join(known) or '(none)'}, or leave it unset for every language"
                )
            ]
        )
    if not preview:
        log.warning(
            f"{LANGUAGE_VARIABLE}={chosen}: only {chosen} is built, at the site root; that is "
            "a preview (make serve LANGUAGE=…), not a site to publish"
        )


def _build_alone(config: MkDocsConfig, chosen: str | None) -> None:
    """Make ``chosen`` the only language mkdocs-static-i18n builds, before its on_config."""
    if chosen in {language.locale for language in _i18n_languages(config)}:
        for language in _i18n_languages(config):
            language.default = language.build = language.locale == chosen


def _built(config: MkDocsConfig, language: str) -> bool:
    """True when this build writes ``language`` (all, or the one ``make serve`` shows)."""
    return any(entry.locale == language and entry.build for entry in _i18n_languages(config))


def _i18n_languages(config: MkDocsConfig) -> list[Any]:
    i18n = config.plugins.get("i18n")
    return list(getattr(i18n, "config", {}).get("languages", []))


def _page_before_translations(files: Files, languages: Languages) -> Files:
    """The files with every page ahead of its translations (``docs/changes.md`` before
    ``docs/changes.ar.md``): with one language built, mkdocs-static-i18n keeps the last file
    it meets for a page, and ``.ar.md`` sorts before ``.md``."""

    def translated(file: File) -> bool:
        stem = PurePosixPath(file.src_uri).stem
        return "." in stem and stem.rsplit(".", 1)[1] in languages

    return Files(sorted(files, key=translated))


def _previewing(config: MkDocsConfig) -> bool:
    """True under ``mkdocs serve`` (``site.preview``), where errors become the pages."""
    host, port = config.dev_addr
    return is_preview(config.site_url or "", config.site_dir, host, port)


def _phase_pages(config: MkDocsConfig) -> str:
    """The phase pages' folder as set, even when the settings around it are wrong."""
    section = config.extra.get("handbook")
    given = section.get(PHASE_PAGES.key) if isinstance(section, dict) else None
    return (given if isinstance(given, str) else PHASE_PAGES.default).strip("/")


def _phase_page_files(config: MkDocsConfig, marker: str) -> list[str]:
    """The phase pages in ``docs/`` (not their translations), when the phases are unknown."""
    folder = Path(config.docs_dir) / marker
    return sorted(f"{marker}{path.name}" for path in folder.glob("*.md") if "." not in path.stem)


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


def _offline(config: MkDocsConfig) -> bool:
    """True for the copy opened from disk (Material's offline plugin): it keeps Material's
    own search, as Pagefind cannot load its index over file:// (see ``on_post_build``)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.get("enabled"))


def _edit_the_yaml(page: Page, config: MkDocsConfig, build: Build) -> None:
    """The edit button of a phase page opens its YAML file, where the text really is."""
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
