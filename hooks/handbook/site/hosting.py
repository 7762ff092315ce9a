"""Links that keep working wherever the site is put: a sub-path, another host, a disk.

mkdocs-static-i18n writes the language switcher's links as absolute paths taken from
``site_url`` (``/service-handbook/pl/``) on each language's home page. Those work only at
exactly that address: served under another prefix, or opened from disk, "Polski" leads
nowhere. Made site-relative, MkDocs' ``url`` filter turns them into relative links.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def site_relative(link: str, site_url: str | None) -> str:
    """``link`` relative to the site's root if it is an absolute path into the site.

    Full URLs (another site) and paths outside the site are returned unchanged.
    """
    base = urlsplit(site_url or "").path.rstrip("/") + "/"
    if urlsplit(link).scheme or link.startswith("//") or not link.startswith(base):
        return link
    return link[len(base) :] or "./"
