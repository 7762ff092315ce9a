"""One page per audit, made by the build: an auditor commits the YAML file, not a page.

mkdocs-static-i18n makes each language's files from ``docs/`` in its ``on_files`` (priority
-100) and re-reads every file from disk, so a page made in memory must be added after it,
in the language being built: at ``<language>/audits/<id>/`` outside the source language,
with the alternates its language switcher and the sitemap read.

These pages and the overview, ``docs/audits.md``, are left out of search (``searched``):
an audit page lists every result of one visit, and the overview is figures plus the checks
of the standards not audited; indexed, they came before the phase pages for staff's words.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from handbook.model.audits import Audit
from handbook.render.urls import page_path

AUDIT_PAGES = "audits"
"""The folder of the audit pages in the site, beside the hand-written ``docs/audits.md``."""


def audit_doc(audit: Audit) -> str:
    """The page of ``audit`` as a docs path, for links: ``audits/<id>.md``."""
    return f"{AUDIT_PAGES}/{audit.slug}.md"


def audit_page_files(
    config: MkDocsConfig, audits: Iterable[Audit], languages: Iterable[str], root: str
) -> list[File]:
    """The generated page of each audit in the language being built; its Markdown is one
    macro call, so the page is rendered like every other, in the reader's language."""
    language = config.theme["language"]
    directory_urls = config.use_directory_urls
    files = []
    for audit in audits:
        doc = audit_doc(audit)
        alternates = {
            other: _page(config, doc, page_path(doc, other, root, directory_urls), audit)
            for other in languages
        }
        page = alternates[language]
        page.alternates = alternates  # type: ignore[attr-defined]
        page.locale = language  # type: ignore[attr-defined]
        page.locale_alternate_of = language  # type: ignore[attr-defined]
        files.append(page)
    return files


def searched(file: File) -> bool:
    """False for the audit pages and the audits overview; search indexes the other pages."""
    overview = file.src_uri.split(".")[0] == AUDIT_PAGES  # audits.md, audits.pl.md…
    return not (overview or file.src_uri.startswith(f"{AUDIT_PAGES}/"))


def _page(config: MkDocsConfig, doc: str, path: str, audit: Audit) -> File:
    file = File.generated(config, doc, content=f'{{{{ audit_page("{audit.slug}") }}}}\n')
    file.dest_uri = path + "index.html" if path.endswith("/") else path
    return file
