"""Rules for what may stand inside a text field.

Text is shown to readers as plain text with a small Markdown subset; raw HTML, control
characters and invisible direction overrides would either be refused by the renderer or
scramble the page, so the checker reports them where the editor wrote them.
"""

from __future__ import annotations

import re
import unicodedata

RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def text_faults(text: str) -> list[str]:
    """What is wrong with ``text``, in words an editor understands (empty when fine)."""
    faults: list[str] = []
    if text.strip() and _is_plain(text):
        return faults
    if not text.strip():
        faults.append("is empty; write the text")
    if RAW_HTML.search(text):
        faults.append("contains HTML (a '<' followed by a tag); write plain text instead")
    for char in sorted({c for c in text if c in BIDI_CONTROLS}):
        faults.append(
            f"contains the invisible direction control U+{ord(char):04X}; delete it, "
            "the page sets the direction itself"
        )
    for char in sorted({c for c in text if _is_control(c)}):
        faults.append(f"contains the control character U+{ord(char):04X}; delete it")
    for char in sorted({c for c in text if unicodedata.category(c) == "Cs"}):
        faults.append(f"contains U+{ord(char):04X}, half of a character pair alone; delete it")
    return faults


def _is_plain(text: str) -> bool:
    """True when no character can be a fault: the fast path for almost every text.

    ``str.isprintable`` is false for every control, format (so every direction control)
    and separator character except the space; newlines and tabs are allowed, so they are
    taken out first. Text it rejects is checked character by character below.
    """
    return not RAW_HTML.search(text) and text.replace("\n", "").replace("\t", "").isprintable()


def _is_control(char: str) -> bool:
    return (
        char not in "\n\t"
        and unicodedata.category(char) in {"Cc", "Cf"}
        and (char not in BIDI_CONTROLS and char not in "\u200c\u200d\u200e\u200f")
    )
