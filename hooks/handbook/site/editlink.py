"""Where "Edit this page" leads on a phase page: the YAML file that holds its standards.

A phase page in ``docs/`` is one macro call; an editor who follows MkDocs' edit link to it
would find nothing to change. The link is rewritten to the phase's file in the repository,
keeping the host, branch and action (``edit``/``blob``) that ``repo_url`` and ``edit_uri``
configure, so one setting in ``mkdocs.yml`` stays the single source of the repository.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from pathlib import Path


def phase_slug(src_uri: str, phase_pages: str, slugs: Collection[str]) -> str | None:
    """The phase a page shows, or None: ``phases/check-in.md`` and ``phases/check-in.pl.md``.

    Only a page directly in the phase-pages folder whose name is a known phase counts, so a
    hand-written page that happens to live beside them keeps its own edit link.
    """
    folder, name = posixpath.split(src_uri)
    if folder != phase_pages.strip("/") or not name.endswith(".md"):
        return None
    slug = name.split(".", 1)[0]
    return slug if slug in slugs else None


def repository_path(source_path: str, repository_root: Path) -> str:
    """``source_path`` (as the loader shows it) relative to the repository, in URL form."""
    return Path(source_path).resolve().relative_to(repository_root.resolve()).as_posix()


def source_edit_url(page_edit_url: str, src_uri: str, docs_dir: str, source: str) -> str:
    """Turn MkDocs' edit URL of ``docs_dir/src_uri`` into the same kind of URL for ``source``.

    MkDocs builds ``page_edit_url`` as ``repo_url + edit_uri + src_uri`` and ``edit_uri``
    normally ends with the docs folder (``edit/main/docs/``); taking both off leaves the
    repository root at the configured branch. A URL of another shape is refused rather than
    guessed: a wrong edit link would send editors to a file that does not exist.
    """
    root = page_edit_url.removesuffix(src_uri)
    docs = docs_dir.strip("/") + "/"
    if root == page_edit_url or not root.endswith("/" + docs):
        raise ValueError(
            f"cannot point the edit link of {src_uri} to {source}: edit_uri should end with "
            f"'{docs}' (as in 'edit/main/{docs}'), but the edit URL is {page_edit_url}"
        )
    return root.removesuffix(docs) + source
