"""mkdocs-macros module: the calls hand-written pages use to place handbook data.

No state lives here: every call reads the current build's state from the handbook plugin in
the config's plugins (``handbook.glue.plugin.build_state``), and the language from the theme,
which mkdocs-static-i18n sets for each language build.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from handbook.export.forms import form_file
from handbook.glue.auditpages import audit_doc, form_doc
from handbook.glue.plugin import build_state, handbook_plugin
from handbook.model import Handbook, Phase
from handbook.model.audits import Audit
from handbook.render import audits, forms, reviews
from handbook.render.fragments import Templates
from handbook.render.overview import levels_side_by_side, sequence
from handbook.render.translations import translation_tables
from handbook.render.urls import page_path, relative_url
from handbook.render.view import View


def define_env(env: Any) -> None:
    handbook_plugin(env.conf)  # without the handbook plugin, stop here with MkDocs' message

    def current_handbook() -> Handbook:
        """The handbook of the build the current page belongs to."""
        return build_state(env.conf).build.handbook

    def html_macro(render: Callable[..., str]) -> Callable[..., str]:
        """Register a macro whose whole-line HTML skips the Markdown parser (site.rawhtml)."""

        @functools.wraps(render)
        def hidden(*args: Any, **kwargs: Any) -> str:
            return build_state(env.conf).raw_html.hide(render(*args, **kwargs))

        env.macro(hidden)
        return hidden

    def page_link(doc: str) -> str:
        """A link from the current page to the docs page ``doc`` in the same language."""
        language = env.conf["theme"]["language"]
        root = build_state(env.conf).root_language
        here = env.page.url if env.page is not None else ""
        path = page_path(doc, language, root, env.conf["use_directory_urls"])
        return relative_url(path, here)

    def view() -> View:
        build = build_state(env.conf).build
        language = env.conf["theme"]["language"]
        here = env.page.url if env.page is not None else ""
        folder = build.settings.phase_pages

        def link(slug: str, anchor: str | None) -> str:
            return page_link(f"{folder}/{slug}.md") + (f"#{anchor}" if anchor else "")

        root = relative_url("", here)
        return View(
            language,
            build.settings.policy,
            build.handbook,
            link,
            to_root="" if root == "./" else root,
            templates=Templates(env.conf["theme"].custom_dir),
            scores=build.scores,
        )

    @html_macro
    def service_sequence() -> str:
        """The home page's list of the principles and the phases in service order."""
        return sequence(current_handbook(), view())

    @html_macro
    def levels_overview() -> str:
        return levels_side_by_side(current_handbook(), view())

    @html_macro
    def phase_content(slug: str) -> str:
        """A phase page; under ``mkdocs serve`` reused from an earlier build if unchanged."""
        return build_state(env.conf).rendered_phases.page(current_handbook().phase(slug), view())

    @html_macro
    def translation_status() -> str:
        """Per language and phase: translated, missing and outdated (source text changed since)."""
        return translation_tables(current_handbook(), view())

    @html_macro
    def review_dashboard() -> str:
        """The review dashboard: counts, downloads, per phase, then one list per owner."""
        return reviews.review_dashboard(current_handbook(), view())

    @html_macro
    def review_summary(dashboard: str = "reviews.md") -> str:
        """The counts per status for the home page, linking to the dashboard page."""
        return reviews.review_summary(current_handbook(), view(), page_link(dashboard))

    @html_macro
    def audit_overview() -> str:
        """The audits page: compliance by phase and level, the trend, the visits, the gaps."""
        build = build_state(env.conf).build

        def link(audit: Audit) -> str:
            return page_link(audit_doc(audit))

        def form_link(phase: Phase) -> str:
            return page_link(form_doc(phase))

        return audits.audit_overview(current_handbook(), view(), build.scores, link, form_link)

    @html_macro
    def audit_page(slug: str) -> str:
        """The page of one audit (made by the build for every file in audits/)."""
        build = build_state(env.conf).build
        audit = next(a for a in build.handbook.audits if a.slug == slug)
        return audits.audit_page(audit, view(), build.scores, build.audit_links)

    @html_macro
    def audit_form(slug: str) -> str:
        """The blank audit form of one phase (made by the build for every phase)."""
        page_view = view()
        phase = current_handbook().phase(slug)
        spreadsheet = page_view.to_root + form_file(phase, page_view.language)
        return forms.audit_form(phase, page_view, spreadsheet)

    @html_macro
    def recent_changes(days: int = 90) -> str:
        """Standards reviewed in the last ``days`` days, newest first."""
        return reviews.recent_changes(current_handbook(), view(), days)
