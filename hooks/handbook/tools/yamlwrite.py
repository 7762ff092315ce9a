"""How a new translation is written into YAML text, in the style of what it replaces.

A folded text stays folded (wrapped at the width of the file), a plain value stays plain
where YAML reads it back as the same text, anything else is double-quoted with every
character YAML could misread escaped. The edits are ``handbook.tools.marking``'s.
"""

from __future__ import annotations

import json
import textwrap

import yaml

from handbook.reading.fields import BASED_ON
from handbook.reading.yamlsource import Node
from handbook.tools.marking import Edit, insert_entries, set_entries

FOLD_WIDTH = 78


def translation_edits(
    node: Node, translation: str, stamp: str | None, language: str, text: str, newline: str
) -> list[Edit]:
    """The edits that put ``translation`` into a text's map ``node`` and, with a ``stamp``
    (the source text's fingerprint), record it in ``based_on``."""
    entries = {key: value for key, _, value in node.entries}
    current = entries.get(language)
    flow = node.span is not None and node.span.flow
    value = _rendered(translation, current, flow, newline)
    edits: list[Edit] = []
    added: list[str] = []
    if current is not None and current.span is not None:
        edits.append(Edit(current.span.start, current.span.end, value))
    else:
        added.append(f"{language}: {_scalar(translation, flow)}")
    if stamp is not None:
        quoted = f'"{stamp}"'  # quoted: a fingerprint of digits only would read as a number
        based_on = entries.get(BASED_ON)
        if based_on is not None and based_on.kind == "map":
            edits += set_entries(based_on, [language], quoted, text, newline)
        else:
            added.append(f"{BASED_ON}: {{{language}: {quoted}}}")
    if added:
        edits.append(insert_entries(node, added, text, newline))
    return edits


def term_edits(concept: Node, term: str, language: str, text: str, newline: str) -> list[Edit]:
    """The edits that make ``term`` the glossary term of ``concept`` in ``language``."""
    entries = {key: value for key, _, value in concept.entries}
    own = entries.get(language)
    if own is not None and own.kind == "map":
        return set_entries(own, ["term"], _scalar(term, True), text, newline)
    return set_entries(concept, [language], "{term: " + _scalar(term, True) + "}", text, newline)


def count_edits(
    node: Node, forms: dict[str, str], language: str, text: str, newline: str
) -> list[Edit]:
    """The edits that set a count's ``forms`` (by plural category) in ``language``."""
    own = next((value for key, _, value in node.entries if key == language), None)
    if own is None or own.kind != "map":
        written = ", ".join(
            f"{category}: {_scalar(form, True)}" for category, form in forms.items()
        )
        if own is not None:
            return []  # not a map of forms: the checker reports it, nothing to write into
        return [insert_entries(node, [f"{language}: {{{written}}}"], text, newline)]
    edits: list[Edit] = []
    for category, form in forms.items():
        flow = own.span is not None and own.span.flow
        edits += set_entries(own, [category], _scalar(form, flow), text, newline)
    return edits


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and YAML's own line breaks escaped too
    (a raw U+2028 in quotes would be read as a line break and folded into a space)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def yaml_scalar(text: str) -> str:
    """``text`` as a block value: plain where YAML reads it back as the same text."""
    return _scalar(text, flow=False)


def _scalar(text: str, flow: bool) -> str:
    """``text`` unquoted where YAML reads it back as the same text, else double-quoted."""
    written = f"{{k: {text}}}" if flow else f"k: {text}"
    try:
        plain = yaml.safe_load(written) == {"k": text}
    except yaml.YAMLError:
        plain = False
    return text if plain and text == text.strip() else _quoted(text)


def _rendered(text: str, current: Node | None, flow: bool, newline: str) -> str:
    """The new value in the style of the one it replaces: folded stays folded, a plain
    value stays plain where it can, a quoted one is double-quoted."""
    if current is not None and current.raw[:1] in {'"', "'"}:
        return _quoted(text)
    folded = current is not None and current.raw.startswith(">")
    simple = text == " ".join(text.split())  # single spaces only: folding keeps it as is
    if not (folded and simple and current is not None and current.span is not None):
        block_end = (
            current is not None and current.span is not None and current.span.end_column == 0
        )
        return _scalar(text, flow) + (newline if block_end else "")
    lines = current.raw.splitlines()
    indent = lines[1][: len(lines[1]) - len(lines[1].lstrip())] if len(lines) > 1 else "  "
    header = lines[0]
    body = textwrap.wrap(
        text,
        width=max(20, FOLD_WIDTH - len(indent)),
        break_long_words=False,
        break_on_hyphens=False,
    )
    end = newline if current.span.end_column == 0 else ""
    return header + "".join(f"{newline}{indent}{line}" for line in body) + end
