"""Where pages and files land in the built site, and links between them.

mkdocs-static-i18n puts the source language at the site root and every other language under
``<language>/``; pages become folders with ``use_directory_urls``. These rules live here, as
plain functions, so the macros, the exports and the tests agree on every URL.
"""

from __future__ import annotations

import functools
import posixpath


def page_path(doc: str, language: str, source: str, directory_urls: bool = True) -> str:
    """The site path of a docs page in one language build: ``reviews.md`` → ``pl/reviews/``.

    ``source`` is the handbook's source language, the one served at the site root.
    """
    stem = doc.removesuffix(".md")
    prefix = "" if language == source else f"{language}/"
    if stem == "index" or stem.endswith("/index"):
        return prefix + stem.removesuffix("index")
    return prefix + stem + ("/" if directory_urls else ".html")


@functools.lru_cache(maxsize=4096)
def relative_url(target: str, here: str) -> str:
    """A link from the page at site path ``here`` to the site path ``target``.

    Relative links keep the site working wherever it is served from, including a file
    server under a sub-path such as GitHub Pages' ``/<repository>/``. Cached: a dashboard
    links to the same few phase pages thousands of times, and ``relpath`` is slow.
    """
    folder = posixpath.dirname(here) or "."  # "pl/reviews/" → "pl/reviews"
    path = posixpath.relpath(target.rstrip("/") or ".", folder)
    if target.endswith("/") or not target:
        return "./" if path == "." else path + "/"
    return path


def absolute_url(site_url: str, target: str) -> str:
    """``target`` (a site path) under the published address ``site_url``."""
    return site_url.rstrip("/") + "/" + target
