"""One page per audit and a blank audit form per phase, made by the build: an auditor
commits the YAML file, not a page.

mkdocs-static-i18n makes each language's files from ``docs/`` in its ``on_files`` (priority
-100) and re-reads every file from disk, so a page made in memory must be added after it,
in the language being built: at ``<language>/audits/<id>/`` outside the source language,
with the alternates its language switcher and the sitemap read.

These pages and the overview, ``docs/audits.md``, are left out of search (``searched``):
an audit page lists every result of one visit, a form every check of a phase, and the
overview is figures plus the checks of the standards not audited; indexed, they came
before the phase pages for staff's words.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from handbook.model import Phase
from handbook.model.audits import Audit
from handbook.render.urls import page_path

AUDIT_PAGES = "audits"
"""The folder of the audit pages in the site, beside the hand-written ``docs/audits.md``."""
FORM_PAGES = "audit-forms"
"""The folder of the blank forms; apart from the audits, whose file names are free."""


def audit_doc(audit: Audit) -> str:
    """The page of ``audit`` as a docs path, for links: ``audits/<id>.md``."""
    return f"{AUDIT_PAGES}/{audit.slug}.md"


def form_doc(phase: Phase) -> str:
    """The blank form of ``phase`` as a docs path: ``audit-forms/<phase>.md``."""
    return f"{FORM_PAGES}/{phase.slug}.md"


def audit_page_files(
    config: MkDocsConfig,
    audits: Iterable[Audit],
    phases: Iterable[Phase],
    languages: Iterable[str],
    root: str,
) -> list[File]:
    """The generated pages in the language being built: each is one macro call, so it is
    rendered like every other page, in the reader's language."""
    pages = [(audit_doc(audit), f'audit_page("{audit.slug}")') for audit in audits]
    pages += [(form_doc(phase), f'audit_form("{phase.slug}")') for phase in phases]
    language = config.theme["language"]
    directory_urls = config.use_directory_urls
    files = []
    for doc, call in pages:
        alternates = {
            other: _page(config, doc, page_path(doc, other, root, directory_urls), call)
            for other in languages
        }
        page = alternates[language]
        page.alternates = alternates  # type: ignore[attr-defined]
        page.locale = language  # type: ignore[attr-defined]
        page.locale_alternate_of = language  # type: ignore[attr-defined]
        files.append(page)
    return files


def searched(file: File) -> bool:
    """False for the audit pages, the forms and the audits overview; search indexes the
    other pages."""
    overview = file.src_uri.split(".")[0] == AUDIT_PAGES  # audits.md, audits.pl.md…
    generated = file.src_uri.startswith((f"{AUDIT_PAGES}/", f"{FORM_PAGES}/"))
    return not (overview or generated)


def _page(config: MkDocsConfig, doc: str, path: str, call: str) -> File:
    file = File.generated(config, doc, content=f"{{{{ {call} }}}}\n")
    file.dest_uri = path + "index.html" if path.endswith("/") else path
    return file
