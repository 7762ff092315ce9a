"""Write ``based_on`` fingerprints into a file, and change nothing else in it.

A translator marks translations as made from the current source text with ``handbook
translated``. The file is edited as text at the spans of the nodes ``yamlsource`` read, so
comments, quoting, folding and line ends stay as the editor left them. The result is parsed
again and written only if every text reads back exactly as before, with the new fingerprints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.model import fingerprint
from handbook.model.languages import Languages, english_name
from handbook.reading.fields import BASED_ON
from handbook.reading.fingerprints import SCALAR_KINDS, TextSite, recorded_fingerprints, text_sites
from handbook.reading.problems import Place, Problem, display_path
from handbook.reading.yamlsource import Node, Span, parse_yaml, read_yaml

LINE_BREAKS = "\r\n\x85\u2028\u2029"
COLLECTIONS = frozenset({"map", "seq"})


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
class Edit:
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
    owners = [site.owner for site in text_sites(root, languages.source)]
    unknown = [wanted for wanted in ids if wanted not in owners]
    if unknown:
        accepted = ", ".join(dict.fromkeys(owners)) or "(none)"
        message = f"no text belongs to {', '.join(unknown)} in this file; --id accepts: {accepted}"
        return Marking(text, problems=(Place(shown_as).error(message),))
    # Read again for editing: only PyYAML's own parser gives spans that are places in ``text``
    # (the first reading is the checker's, so a file is refused for the problems it reports).
    editable, problems = parse_yaml(text, shown_as, for_editing=True)
    if editable is None or problems:
        return Marking(text, problems=(_refused(shown_as),))
    sites = text_sites(editable, languages.source)
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[Edit] = []
    marked: list[Marked] = []
    for site in sites:
        if ids and site.owner not in ids:
            continue
        planned = _plan(site, languages, chosen, text, newline)
        if isinstance(planned, Problem):
            return Marking(text, problems=(planned,))
        if planned:
            site_edits, done = planned
            edits += site_edits
            marked.append(done)
    result = apply_edits(text, edits)
    positions = [sites.index(m.site) for m in marked]
    failure = _verify(root, result, shown_as, languages, positions, marked)
    if failure is not None:
        return Marking(text, problems=(failure,))
    return Marking(result, tuple(marked))


def _plan(
    site: TextSite,
    languages: Languages,
    chosen: Sequence[str],
    text: str,
    newline: str,
) -> tuple[list[Edit], Marked] | Problem | None:
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
    based_on = site.entry(BASED_ON)
    quoted = f'"{current}"'  # quoted: a fingerprint of digits only would read as a number
    if based_on is None:
        entry = f"{BASED_ON}: {{{', '.join(f'{k}: {quoted}' for k in stale)}}}"
        return [insert_entries(site.node, [entry], text, newline)], Marked(site, tuple(stale))
    if not _well_formed(based_on):
        return site.node.place.error(
            f"'{BASED_ON}' of '{site.field}' of {site.owner} is not in the form "
            "{pl: 1a2b3c4d, ar: 5e6f7a8b}; correct or delete it, then mark again"
        )
    return set_entries(based_on, stale, quoted, text, newline), Marked(site, tuple(stale))


def _translated(site: TextSite, language: str) -> bool:
    node = site.entry(language)
    return node is not None and node.kind in SCALAR_KINDS and bool(node.scalar.strip())


def _well_formed(node: Node) -> bool:
    """A map of plain values: keys are always scalars in a tree read without problems."""
    return node.kind == "map" and all(value.kind not in COLLECTIONS for _, _, value in node.entries)


def set_entries(mapping: Node, keys: list[str], value: str, text: str, newline: str) -> list[Edit]:
    """Set ``keys`` to ``value``: existing values replaced in place, the others appended."""
    present = {key: _span(node) for key, _, node in mapping.entries}
    edits = [Edit(present[key].start, present[key].end, value) for key in keys if key in present]
    added = [f"{key}: {value}" for key in keys if key not in present]
    if added:
        edits.append(insert_entries(mapping, added, text, newline))
    return edits


def insert_entries(mapping: Node, entries: list[str], text: str, newline: str) -> Edit:
    """An edit adding ``entries`` at the end of ``mapping``, in the mapping's own style."""
    if not mapping.entries:  # only a flow map can be empty: {}
        closing = text.rindex("}", 0, _span(mapping).end)
        return Edit(closing, closing, ", ".join(entries))
    last = _span(mapping.entries[-1][2])
    if _span(mapping).flow:
        return Edit(last.end, last.end, "".join(f", {entry}" for entry in entries))
    indent = " " * (mapping.entries[0][1].column - 1)
    if last.end_column > 0:  # the value ends inside its line: add a line after it
        end = _line_end(text, last.end)
        return Edit(end, end, "".join(f"{newline}{indent}{entry}" for entry in entries))
    start = _skip_blank_lines_back(text, last.end, last.key)
    return Edit(start, start, "".join(f"{indent}{entry}{newline}" for entry in entries))


def _span(node: Node) -> Span:
    assert node.span is not None, "edits are made in a tree parsed for editing"
    return node.span


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


def apply_edits(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.insert + text[edit.end :]
    return text


def _verify(
    before: Node,
    after: str,
    shown_as: str,
    languages: Languages,
    positions: list[int],
    marked: list[Marked],
) -> Problem | None:
    """None when ``after`` holds the same data as the tree ``before`` plus the new fingerprints.

    ``positions`` are the indexes of the marked texts among all texts of the file.
    """
    new_root, problems = parse_yaml(after, shown_as)
    if problems or new_root is None or _shape(before) != _shape(new_root):
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
