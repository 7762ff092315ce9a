"""A content security policy for each built page, as a ``<meta>`` tag the page carries itself.

The handbook is published as static files (GitHub Pages cannot send headers), so the policy
travels in the page. Material for MkDocs writes a few small inline scripts into every page
(colour palette, base URL); rather than allowing all inline script with ``'unsafe-inline'``,
the policy lists the SHA-256 hash of each of the theme's inline scripts. A script anywhere
in the page's Markdown content is never hashed: text from the standards must never run, so
if escaping ever failed, the browser would still refuse it. Inline event handlers
(``onerror=``) and ``javascript:`` URLs are refused too, as no ``'unsafe-hashes'`` is given.

Pure functions over the HTML text; the handbook plugin (``glue.plugin``) only wires them to
``on_post_page`` and ``on_post_template``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from html import escape

META_NAME = "Content-Security-Policy"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE
)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_PAGEFIND = re.compile(r"""<(?:script|link)\b[^>]*(?:src|href)=["'][^"']*pagefind""", re.I)

# Types a browser executes as script; JSON data blocks (Material's __config) never run.
_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
)


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly one inline script body."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts in ``html`` that a browser would execute, in order."""
    bodies: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue
        bodies.append(body)
    return bodies


def theme_scripts(html: str, content: str) -> list[str]:
    """The inline scripts of ``html`` that do not come from the page's Markdown ``content``.

    Bodies are compared, not positions, so this holds however the theme wraps the content.
    Each content script cancels one copy only: a theme script of the same body keeps its hash.
    """
    from_content = Counter(inline_scripts(content))
    trusted: list[str] = []
    for body in inline_scripts(html):
        if from_content[body] > 0:
            from_content[body] -= 1
        else:
            trusted.append(body)
    return trusted


def policy(
    script_hashes: Sequence[str],
    *,
    wasm: bool = False,
    connect: Sequence[str] = (),
    any_inline: bool = False,
) -> str:
    """The policy text: same-origin everything, plus exactly the listed inline scripts.

    ``wasm`` allows WebAssembly compilation (Pagefind's search runs as WebAssembly);
    ``connect`` adds origins the theme fetches from (GitHub's API for the repository facts);
    ``any_inline`` allows every inline script instead of the listed ones, for the offline
    copy only (see ``with_policy``).
    """
    inline = ["'unsafe-inline'"] if any_inline else sorted(set(script_hashes))
    script = ["'self'", *inline]
    if wasm:
        script.append("'wasm-unsafe-eval'")
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(script),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src " + " ".join(["'self'", *connect]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def uses_pagefind(html: str) -> bool:
    """True when the page loads Pagefind, whose search index runs as WebAssembly."""
    return _PAGEFIND.search(html) is not None


def with_policy(
    html: str,
    *,
    page_content: str = "",
    connect_origins: Sequence[str] = (),
    allow_webassembly: bool = False,
    allow_any_inline_script: bool = False,
) -> str:
    """``html`` with a CSP meta tag allowing the theme's inline scripts and nothing else.

    ``page_content`` is the page's rendered Markdown (``page.content``): scripts inside it are
    not hashed, so they stay blocked. ``connect_origins`` are the origins the page may fetch
    from besides its own. ``allow_webassembly`` allows WebAssembly, as does a page that loads
    Pagefind itself. The tag fills a placeholder ``<meta http-equiv=
    "Content-Security-Policy">`` if a template wrote one, otherwise it goes right after
    ``<meta charset>``, before any script, because a policy only governs what follows it.

    ``allow_any_inline_script``, for the offline copy only: the copy opened from disk runs
    its search in iframe-worker's frame, whose inline script embeds the page's own worker
    address, so no fixed hash can allow it. That copy, built from the reviewed main branch for
    one back-office PC, allows inline scripts; escaping, which the security tests prove with
    the policy switched off, still holds.
    """
    text = policy(
        [script_hash(body) for body in theme_scripts(html, page_content)],
        wasm=allow_webassembly
        or uses_pagefind(html.replace(page_content, "", 1) if page_content else html),
        connect=connect_origins,
        any_inline=allow_any_inline_script,
    )
    value = escape(text, quote=False).replace('"', "&quot;")
    tag = f'<meta http-equiv="{META_NAME}" content="{value}">'
    if _PLACEHOLDER.search(html):
        return _PLACEHOLDER.sub(lambda _: tag, html, count=1)
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head>; cannot add a content security policy")
    return html[: anchor.end()] + tag + html[anchor.end() :]
