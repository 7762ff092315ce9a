"""mkdocs-macros module: the calls hand-written pages use to place handbook data.

No state lives here: every call reads the handbook of the current build from the config
and the language from the theme, which mkdocs-static-i18n sets for each language build.
"""

from __future__ import annotations

import posixpath
from typing import Any

from handbook import SOURCE_LANGUAGE
from handbook.render.overview import levels_side_by_side, sequence
from handbook.render.phase import phase_page
from handbook.render.view import View
from handbook.site import build_of


def define_env(env: Any) -> None:
    def view() -> View:
        build = build_of(env.conf)
        language = env.conf["theme"]["language"]
        here = env.page.url if env.page is not None else ""
        folder = build.settings.phase_pages

        prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
        ending = "/" if env.conf["use_directory_urls"] else ".html"

        def link(slug: str, anchor: str | None) -> str:
            target = f"{prefix}{folder}/{slug}{ending}"
            relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
            if ending == "/":
                relative += "/"
            return relative + (f"#{anchor}" if anchor else "")

        return View(language, build.settings.policy, build.handbook.vocabulary, link)

    @env.macro  # type: ignore[untyped-decorator]
    def service_sequence() -> str:
        """The home page's list of the principles and the phases in service order."""
        return sequence(build_of(env.conf).handbook, view())

    @env.macro  # type: ignore[untyped-decorator]
    def levels_overview() -> str:
        return levels_side_by_side(build_of(env.conf).handbook, view())

    @env.macro  # type: ignore[untyped-decorator]
    def phase_content(slug: str) -> str:
        return phase_page(build_of(env.conf).handbook.phase(slug), view())
