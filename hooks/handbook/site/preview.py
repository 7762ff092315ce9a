"""What ``mkdocs serve`` shows while the handbook has errors: the errors, on every page.

A build stops at the first invalid file, and under ``mkdocs serve`` the browser then waits
for a build that never comes, while the checker's messages sit in a terminal many editors
never look at. In the preview only, the plugin builds the site anyway with this page in
place of every page's content; live reload keeps running, so the page returns by itself
once the file is fixed and saved. ``mkdocs build`` still fails as before.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from handbook.model import Labels
from handbook.reading.problems import Problem, Severity


def is_preview(site_url: str, site_dir: str, dev_host: str, dev_port: int) -> bool:
    """True under ``mkdocs serve``, which builds into a temporary ``mkdocs_…`` folder with
    ``site_url`` set to its own ``dev_addr``: a build given both by hand is not likely."""
    address = urlsplit(site_url)
    folder = Path(site_dir)
    hosts = {f"{dev_host}:{dev_port}", f"[{dev_host}]:{dev_port}"}  # MkDocs leaves IPv6 bare
    served = address.scheme == "http" and address.netloc in hosts
    temporary = folder.name.startswith("mkdocs_") and folder.parent == Path(tempfile.gettempdir())
    return served and temporary


HEADING = "The handbook cannot be shown until the errors below are fixed"
"""The page's heading where ``labels.yaml`` has no ``preview_errors``."""
ADVICE = (
    "Fix each one in the file and at the line named, then save: this page comes back by "
    "itself. {command} lists the same errors."
)
"""The advice where ``labels.yaml`` has no ``preview_fix``."""


def error_page(problems: Sequence[Problem], labels: Labels | None = None, language: str = "") -> str:
    """The errors as an HTML block for a page's Markdown: each with its place, escaped.

    The heading and the advice are in ``language`` when ``labels`` has them; the checker's
    messages are English, marked as such for screen readers and kept left to right.
    """
    errors = [p for p in problems if p.severity is Severity.ERROR] or list(problems)
    heading = (labels and labels.optional_word("preview_errors", language)) or HEADING
    advice = (labels and labels.optional_word("preview_fix", language)) or ADVICE
    command = "<code>handbook check</code>"
    items = "\n".join(
        f"<li><code>{escape(f'{p.path}:{p.line}:{p.column}')}</code> {escape(p.message)}</li>"
        for p in errors
    )
    return (
        '<div class="admonition failure hb-preview-errors" role="alert">\n'
        f'<p class="admonition-title">{escape(heading)}</p>\n'
        f"<p>{escape(advice).replace('{command}', command)}</p>\n"
        f'<ul lang="en" dir="ltr">\n{items}\n</ul>\n'
        "</div>\n"
    )
