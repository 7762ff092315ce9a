"""Read one YAML file into located nodes, refusing what YAML libraries would hide.

PyYAML keeps the last of two equal keys and expands aliases silently; an editor would lose
a translation without noticing. We compose the node tree (safe loader, no object
construction) and walk it ourselves, so every value keeps its line and column and every
duplicate key, alias and unreadable byte becomes a problem with a place. Each node also keeps
its span in the text, so ``handbook translated`` can edit a file as text at the nodes it read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.reading.problems import Place, Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20

_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "date",
}

_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
ALIAS_PROBLEM = "anchors and aliases (& and *) are not supported; write the value out"

KIND_NAMES = {
    "map": "a group of fields (key: value)",
    "seq": "a list",
    "str": "text",
    "int": "a whole number",
    "float": "a decimal number",
    "bool": "yes/no",
    "null": "nothing",
    "date": "a date",
    "other": "a value of an unsupported YAML type",
}


@dataclass(frozen=True)
class Span:
    """Where and how a node is written, for the tool that edits a file as text (marking).

    ``start`` and ``end`` are offsets into the text parsed, ``end_column`` counts from 0 as
    PyYAML does (0: the node ends at the start of a line, as a block node does), ``flow`` is
    true for ``{…}`` and ``[…]``, and ``key`` is where the key of the entry this node is the
    value of starts (the node's own start when it is no map value).
    """

    start: int
    end: int
    end_column: int
    flow: bool
    key: int


@dataclass(frozen=True)
class Node:
    """A YAML value with its place; ``kind`` is one of the keys of ``KIND_NAMES``."""

    kind: str
    place: Place
    scalar: str = ""
    items: tuple[Node, ...] = ()
    entries: tuple[tuple[str, Place, Node], ...] = ()
    span: Span | None = None
    """Only in a tree parsed ``for_editing`` (see :func:`parse_yaml`)."""
    raw: str = field(default="", repr=False, compare=False)
    """A scalar as written in the file, quotes and block indicator included: it places a
    word found in ``scalar`` on its own line and column (see ``handbook.reading.wording``)."""

    def describe(self) -> str:
        return KIND_NAMES[self.kind]


def read_yaml(path: Path, shown_as: str) -> tuple[Node | None, list[Problem]]:
    """Parse ``path``; return the root node (None when unreadable) and the problems found."""
    start = Place(shown_as)
    try:
        with path.open("rb") as stream:  # never more than the limit: think of /dev/zero
            data = stream.read(MAX_FILE_BYTES + 1)
        size = max(len(data), path.stat().st_size)
    except OSError as error:
        return None, [start.error(f"cannot read the file: {error.strerror}")]
    if len(data) > MAX_FILE_BYTES:
        return None, [
            start.error(
                f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}. "
                "Split it into smaller phase files."
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Place(shown_as, line, 1).error(
                "the file is not UTF-8 text; save it with UTF-8 encoding"
            )
        ]
    if not _REMEMBERED.enabled:
        return parse_yaml(text, shown_as)
    kept = _REMEMBERED.files.get(shown_as)
    if kept is None or kept[0] != text:
        node, problems = parse_yaml(text, shown_as)
        kept = _REMEMBERED.files[shown_as] = (text, node, tuple(problems))
    return kept[1], list(kept[2])


@dataclass
class _Remembered:
    """The parsed trees of the files as they are now, once ``remember_parsed_files`` is on."""

    enabled: bool = False
    files: dict[str, tuple[str, Node | None, tuple[Problem, ...]]] = field(default_factory=dict)


_REMEMBERED = _Remembered()


def remember_parsed_files() -> None:
    """Keep each file's parsed tree while its text stays the same, for this process.

    For ``mkdocs serve``, which reads every file again for each edit: the trees of the files
    not edited are reused (they are immutable). A one-off build or check leaves it off,
    since trees kept alive only make Python's garbage collector slower there.
    """
    _REMEMBERED.enabled = True


def parse_yaml(
    text: str, shown_as: str, for_editing: bool = False
) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text; see :func:`read_yaml`.

    ``for_editing`` gives every node its span, parsed by PyYAML's own parser: libyaml accepts
    some text PyYAML refuses, ends some nodes elsewhere and does not count a byte-order mark,
    so only PyYAML's marks are offsets into ``text`` that an edit can be made at.
    """
    try:
        root = _compose(text, fast=not for_editing)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, shown_as)]
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return None, [
            Place(shown_as, line, 1).error(
                f"the file contains the control character U+{error.character:04X}, "
                "which is not allowed; delete it"
            )
        ]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Place(shown_as).error(f"YAML syntax error: {error}")]
    if root is None:
        return None, [Place(shown_as).error("the file is empty")]
    walk = _Walk(shown_as, for_editing, text)
    node = _convert(root, walk, 0, root.start_mark.index)
    return node, walk.problems


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str, fast: bool) -> yaml.Node | None:
    """The node tree, parsed by libyaml when PyYAML has it: 15 times faster.

    Any file libyaml refuses is parsed again by the pure-Python parser, so every error
    message and position (counted in characters, where libyaml counts bytes) stays the one
    the checker reports; only valid files, the common case, take the fast path.
    """
    if fast and _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError, UnicodeEncodeError):
            pass  # a lone surrogate cannot even reach libyaml; the Python parser names it
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_problem(error: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = error.problem or "invalid YAML"
    if error.context:
        detail = f"{detail} ({error.context})"
    fix = "check indentation, colons and quotes"
    if "'@'" in detail or "'`'" in detail:  # YAML reserves both: "@maria-k" needs quotes
        fix = 'a value that starts with @ or ` must be in quotes, e.g. "@maria-k"'
    return Place(shown_as, line, column).error(f"YAML syntax error: {detail}; {fix}")


def _place(node: yaml.Node, shown_as: str) -> Place:
    return Place(shown_as, node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass
class _Walk:
    """What converting one file's tree needs at every node, and the problems it found."""

    shown_as: str
    editing: bool
    text: str
    problems: list[Problem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)


def _span(node: yaml.Node, key: int) -> Span:
    flow = isinstance(node, yaml.CollectionNode) and bool(node.flow_style)
    return Span(node.start_mark.index, node.end_mark.index, node.end_mark.column, flow, key)


def _convert(node: yaml.Node, walk: _Walk, depth: int, key: int) -> Node:
    """The located node of ``node``; ``key`` is where its entry starts (see :class:`Span`)."""
    place = _place(node, walk.shown_as)
    problems = walk.problems
    if id(node) in walk.seen:
        # Once per file: an alias bomb reuses nodes a billion times.
        if not any(p.message == ALIAS_PROBLEM for p in problems):
            problems.append(place.error(ALIAS_PROBLEM))
        return Node("null", place)
    if depth > MAX_DEPTH:
        problems.append(place.error(f"the data is nested more than {MAX_DEPTH} levels deep"))
        return Node("null", place)
    walk.seen.add(id(node))
    if node.tag not in _TAGS and node.tag not in _COLLECTION_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            place.error(f"the YAML tag '{tag}' is not allowed; delete it and write a plain value")
        )
    span = _span(node, key) if walk.editing else None
    if isinstance(node, yaml.ScalarNode):
        raw = walk.text[node.start_mark.index : node.end_mark.index]
        return Node(_TAGS.get(node.tag, "other"), place, scalar=node.value, span=span, raw=raw)
    if isinstance(node, yaml.SequenceNode):
        items = tuple(_convert(item, walk, depth + 1, item.start_mark.index) for item in node.value)
        return Node("seq", place, items=items, span=span)
    assert isinstance(node, yaml.MappingNode)
    return Node("map", place, entries=_entries(node, walk, depth), span=span)


def _entries(
    node: yaml.MappingNode, walk: _Walk, depth: int
) -> tuple[tuple[str, Place, Node], ...]:
    entries: list[tuple[str, Place, Node]] = []
    first_seen: dict[str, Place] = {}
    for key_node, value_node in node.value:
        key_place = _place(key_node, walk.shown_as)
        if not isinstance(key_node, yaml.ScalarNode):
            walk.problems.append(key_place.error("a key must be a plain word, not a list or group"))
            continue
        key = key_node.value
        if key in first_seen:
            walk.problems.append(
                key_place.error(
                    f"duplicate key '{key}': it is already set on line {first_seen[key].line}; "
                    "YAML would keep only this one and lose the other. Keep one of them"
                )
            )
            continue
        first_seen[key] = key_place
        value = _convert(value_node, walk, depth + 1, key_node.start_mark.index)
        entries.append((key, key_place, value))
    return tuple(entries)


def end_of_lines(text: str, index: int) -> int:
    """The start of the line after a node that PyYAML says ends at ``index``.

    A block node ends either inside its last line or at the indentation of the line that
    follows it; both mean "after the last line the node stands on".
    """
    line_start = text.rfind("\n", 0, index) + 1
    if not text[line_start:index].strip():
        return line_start
    after = text.find("\n", index)
    return len(text) if after < 0 else after + 1
