"""Write ``based_on`` fingerprints into a file, and change nothing else in it.

A translator marks translations as made from the current source text with ``handbook
translated``. The file is edited as text at the places the YAML parser reports, so comments,
quoting, folding and line ends stay as the editor left them. The result is parsed again and
written only if every text reads back exactly as before, with the new fingerprints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.model import fingerprint
from handbook.model.languages import Languages, english_name
from handbook.reading.fields import BASED_ON
from handbook.reading.fingerprints import SCALAR_KINDS, TextSite, recorded_fingerprints, text_sites
from handbook.reading.problems import Place, Problem, display_path
from handbook.reading.yamlsource import Node, parse_yaml, read_yaml

LINE_BREAKS = "\r\n\x85\u2028\u2029"


@dataclass(frozen=True)
class Marked:
    """The languages of one text whose fingerprint was written or brought up to date."""

    site: TextSite
    languages: tuple[str, ...]

    def describe(self) -> str:
        names = ", ".join(english_name(language) for language in self.languages)
        return f"{self.site.node.place.line}:{self.site.node.place.column}: marked {names} " + (
            f"'{self.site.field}' of {self.site.owner} as translated from the current source text"
        )


@dataclass(frozen=True)
class Marking:
    """The new text of a file, what was marked, and why nothing was written if it failed."""

    text: str
    marked: tuple[Marked, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    insert: str


def mark_file(
    path: Path, languages: Languages, chosen: Sequence[str], ids: Sequence[str]
) -> Marking:
    """Mark the translations in ``path`` and save it; on any problem the file is untouched."""
    shown = display_path(path)
    _, problems = read_yaml(path, shown)
    if problems:
        return Marking("", problems=tuple(problems))
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    marking = mark_text(text, shown, languages, chosen, ids)
    if not marking.problems and marking.text != text:
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + marking.text.encode("utf-8"))
    return marking


def mark_text(
    text: str, shown_as: str, languages: Languages, chosen: Sequence[str], ids: Sequence[str]
) -> Marking:
    """``text`` with fingerprints for ``chosen`` in the texts of ``ids`` (all when empty)."""
    root, problems = parse_yaml(text, shown_as)
    if root is None or problems:
        return Marking(text, problems=tuple(problems))
    sites = text_sites(root, languages.source)
    unknown = [wanted for wanted in ids if wanted not in {site.owner for site in sites}]
    if unknown:
        owners = ", ".join(dict.fromkeys(site.owner for site in sites)) or "(none)"
        message = f"no text belongs to {', '.join(unknown)} in this file; --id accepts: {owners}"
        return Marking(text, problems=(Place(shown_as).error(message),))
    try:
        raw_maps = _raw_maps(yaml.compose(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return Marking(text, problems=(_refused(shown_as),))
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[_Edit] = []
    marked: list[Marked] = []
    for site in sites:
        if ids and site.owner not in ids:
            continue
        planned = _plan(site, languages, chosen, raw_maps, text, newline)
        if isinstance(planned, Problem):
            return Marking(text, problems=(planned,))
        if planned:
            site_edits, done = planned
            edits += site_edits
            marked.append(done)
    result = _apply(text, edits)
    positions = [sites.index(m.site) for m in marked]
    failure = _verify(text, result, shown_as, languages, positions, marked)
    if failure is not None:
        return Marking(text, problems=(failure,))
    return Marking(result, tuple(marked))


def _raw_maps(root: yaml.Node | None) -> dict[tuple[int, int], yaml.MappingNode]:
    """Every mapping node by its (line, column), the key the located nodes carry."""
    found: dict[tuple[int, int], yaml.MappingNode] = {}
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            found[(node.start_mark.line + 1, node.start_mark.column + 1)] = node
            pending += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return found


def _plan(
    site: TextSite,
    languages: Languages,
    chosen: Sequence[str],
    raw_maps: dict[tuple[int, int], yaml.MappingNode],
    text: str,
    newline: str,
) -> tuple[list[_Edit], Marked] | Problem | None:
    """The edits that record the current source text for ``chosen`` in one text."""
    original = site.entry(languages.source)
    if original is None or original.kind not in SCALAR_KINDS:
        return None
    current = fingerprint(original.scalar)
    wanted = [language for language in chosen if _translated(site, language)]
    recorded = {k: v.scalar for k, v in recorded_fingerprints(site, languages).items()}
    stale = [language for language in wanted if recorded.get(language) != current]
    if not stale:
        return None
    raw = raw_maps.get((site.node.place.line, site.node.place.column))
    if raw is None:
        return _refused(site.node.place.path)
    based_on = next((pair for pair in raw.value if pair[0].value == BASED_ON), None)
    quoted = f'"{current}"'  # quoted: a fingerprint of digits only would read as a number
    if based_on is None:
        entry = f"{BASED_ON}: {{{', '.join(f'{k}: {quoted}' for k in stale)}}}"
        return [_insert_entries(raw, [entry], text, newline)], Marked(site, tuple(stale))
    if not _well_formed(based_on[1]):
        return site.node.place.error(
            f"'{BASED_ON}' of '{site.field}' of {site.owner} is not in the form "
            "{pl: 1a2b3c4d, ar: 5e6f7a8b}; correct or delete it, then mark again"
        )
    assert isinstance(based_on[1], yaml.MappingNode)
    return _set_entries(based_on[1], stale, quoted, text, newline), Marked(site, tuple(stale))


def _translated(site: TextSite, language: str) -> bool:
    node = site.entry(language)
    return node is not None and node.kind in SCALAR_KINDS and bool(node.scalar.strip())


def _well_formed(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and all(
        isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
        for key, value in node.value
    )


def _set_entries(
    mapping: yaml.MappingNode, keys: list[str], value: str, text: str, newline: str
) -> list[_Edit]:
    """Set ``keys`` to ``value``: existing values replaced in place, the others appended."""
    present = {key.value: node for key, node in mapping.value}
    edits = [
        _Edit(present[key].start_mark.index, present[key].end_mark.index, value)
        for key in keys
        if key in present
    ]
    added = [f"{key}: {value}" for key in keys if key not in present]
    if added:
        edits.append(_insert_entries(mapping, added, text, newline))
    return edits


def _insert_entries(
    mapping: yaml.MappingNode, entries: list[str], text: str, newline: str
) -> _Edit:
    """An edit adding ``entries`` at the end of ``mapping``, in the mapping's own style."""
    if mapping.flow_style or not mapping.value:
        if not mapping.value:
            closing = text.rindex("}", 0, mapping.end_mark.index)
            return _Edit(closing, closing, ", ".join(entries))
        end = mapping.value[-1][1].end_mark.index
        return _Edit(end, end, "".join(f", {entry}" for entry in entries))
    indent = " " * mapping.value[0][0].start_mark.column
    last_key = mapping.value[-1][0].start_mark.index
    end_mark = mapping.value[-1][1].end_mark
    if end_mark.column > 0:  # the value ends inside its line: add a line after it
        end = _line_end(text, end_mark.index)
        return _Edit(end, end, "".join(f"{newline}{indent}{entry}" for entry in entries))
    start = _skip_blank_lines_back(text, end_mark.index, last_key)
    return _Edit(start, start, "".join(f"{indent}{entry}{newline}" for entry in entries))


def _line_end(text: str, index: int) -> int:
    while index < len(text) and text[index] not in LINE_BREAKS:
        index += 1
    return index


def _skip_blank_lines_back(text: str, line_start: int, floor: int) -> int:
    """The start of the first of the blank lines that end just before ``line_start``."""
    while line_start > floor:
        previous = line_start - 1
        if text[previous] == "\n" and previous > 0 and text[previous - 1] == "\r":
            previous -= 1
        begin = previous
        while begin > 0 and text[begin - 1] not in LINE_BREAKS:
            begin -= 1
        if text[begin:previous].strip() or begin <= floor:
            break
        line_start = begin
    return line_start


def _apply(text: str, edits: list[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.insert + text[edit.end :]
    return text


def _verify(
    before: str,
    after: str,
    shown_as: str,
    languages: Languages,
    positions: list[int],
    marked: list[Marked],
) -> Problem | None:
    """None when ``after`` holds the same data as ``before`` plus the new fingerprints.

    ``positions`` are the indexes of the marked texts among all texts of the file.
    """
    old_root, _ = parse_yaml(before, shown_as)
    new_root, problems = parse_yaml(after, shown_as)
    if problems or old_root is None or new_root is None or _shape(old_root) != _shape(new_root):
        return _refused(shown_as)
    sites = text_sites(new_root, languages.source)
    for position, done in zip(positions, marked, strict=True):
        original = sites[position].entry(languages.source)
        current = fingerprint(original.scalar) if original is not None else ""
        recorded = {
            k: v.scalar for k, v in recorded_fingerprints(sites[position], languages).items()
        }
        if any(recorded.get(language) != current for language in done.languages):
            return _refused(shown_as)
    return None


def _refused(shown_as: str) -> Problem:
    return Place(shown_as).error(
        "the fingerprints could not be added without changing other text; "
        f"add '{BASED_ON}: {{<language>: <fingerprint>}}' by hand (see CONTRIBUTING.md); "
        "the file is unchanged"
    )


def _shape(node: Node) -> object:
    """Everything a node holds except ``based_on`` entries: what marking must not change."""
    if node.kind == "seq":
        return ("seq", tuple(_shape(item) for item in node.items))
    if node.kind == "map":
        return (
            "map",
            tuple((key, _shape(value)) for key, _, value in node.entries if key != BASED_ON),
        )
    return (node.kind, node.scalar)
