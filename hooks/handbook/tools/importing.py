"""``handbook translations import``: a translator's PO or XLIFF file back into the YAML.

Only the texts that changed are written, each into its place in ``standards/``, and each
imported translation records the fingerprint of the source text it was made from (a text
left *fuzzy* keeps its old fingerprint, so it stays outdated). Files are edited as text at
the spans of their nodes, like ``handbook translated`` does, so comments, quoting and layout
stay; a folded text stays folded. Every file is parsed again and checked before anything is
written, and then all files are written or none. Refused: a language the handbook does not
have, a context it does not know, a source text that changed since the export, and any
translation the checker would refuse.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from handbook.exchange.entries import (
    CURRENT,
    OUTDATED,
    Entry,
    checked_entries,
    file_entries,
    file_names,
    text_nodes,
)
from handbook.exchange.incoming import Incoming, read_incoming
from handbook.exchange.po import gettext_order
from handbook.model import fingerprint
from handbook.model.languages import Languages, english_name
from handbook.model.review import ReviewPolicy
from handbook.reading.fields import BASED_ON
from handbook.reading.fingerprints import is_text
from handbook.reading.glossary import GLOSSARY_FILE
from handbook.reading.loader import load_handbook
from handbook.reading.problems import Place, Problem, display_path
from handbook.reading.textrules import text_faults
from handbook.reading.yamlsource import Node, parse_yaml
from handbook.tools.files import write_all
from handbook.tools.marking import Edit, apply_edits
from handbook.tools.yamlwrite import count_edits, term_edits, translation_edits


@dataclass(frozen=True)
class Change:
    """One translation to write; ``mark`` records the current source text's fingerprint."""

    entry: Entry
    text: str
    mark: bool
    fuzzy: bool
    """Left fuzzy by the translator: written, its fingerprint kept as it was."""
    forms: dict[str, str] = field(default_factory=dict)
    """A count's changed forms by category (then ``text`` is empty)."""
    line: int = 1
    """Where the translator's file has it."""


@dataclass(frozen=True)
class Imported:
    changes: list[Change]
    files: list[str]
    problems: list[Problem]


def import_translations(
    folder: Path, languages: Languages, policy: ReviewPolicy, path: Path
) -> Imported:
    """Import ``path`` into ``folder``; on any problem nothing is written."""
    shown = display_path(path)
    incoming = read_incoming(path, shown)
    if incoming.problems:
        return Imported([], [], incoming.problems)
    language = incoming.language
    if language not in languages.translated:
        allowed = ", ".join(languages.translated) or "none"
        message = (
            f"the file is a translation into '{language or '(no language given)'}', which this "
            f"handbook does not have; its translations: {allowed}"
        )
        return Imported([], [], [Place(shown).error(message)])
    entries, problems = checked_entries(folder, languages, language, policy)
    if problems:
        return Imported([], [], problems)
    changes, problems = _changes(incoming.texts, entries, languages.source, language, shown)
    if problems:
        return Imported([], [], problems)
    files, problems = _edited_files(folder, changes, languages, language)
    problems = problems or _checked(folder, files, changes, languages, policy, shown)
    if problems:
        return Imported([], [], problems)
    write_all({file: text.encode("utf-8") for file, text in files.items()})
    return Imported(changes, sorted(display_path(f) for f in files), [])


def _checked(
    folder: Path,
    files: dict[Path, str],
    changes: list[Change],
    languages: Languages,
    policy: ReviewPolicy,
    shown: str,
) -> list[Problem]:
    """The checker's errors on the standards as they would be after the import (a label
    that lost its {slot}, say), each at the translator's line that causes it."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for path in folder.glob("*.yaml"):
            data = files[path].encode("utf-8") if path in files else path.read_bytes()
            (copy / path.name).write_bytes(data)
        errors = load_handbook(copy, policy, languages).errors
        names = {display_path(copy / p.name): p for p in folder.glob("*.yaml")}
    problems = []
    for error in errors:
        real = names.get(error.path)
        cause = _cause(real, files, changes, error.line, languages) if real else None
        place = display_path(real) if real else error.path
        where = f"{place}:{error.line}"
        if cause is None:
            problems.append(replace(error, path=place))
        else:
            message = (
                f"the translation of '{cause.entry.context}' would give {where}: {error.message}"
            )
            problems.append(Place(shown, cause.line).error(message))
    return problems


def _cause(
    path: Path, files: dict[Path, str], changes: list[Change], line: int, languages: Languages
) -> Change | None:
    """The change whose text stands at ``line`` of the edited ``path``."""
    text = files.get(path)
    if text is None:
        return None
    root, _ = parse_yaml(text, display_path(path), for_editing=True)
    if root is None:
        return None
    nodes = _places(path, root, languages.source)
    for change in changes:
        node = nodes.get(change.entry.context)
        if node is not None and node.span is not None:
            first = text.count("\n", 0, node.span.start) + 1
            last = text.count("\n", 0, node.span.end) + 1
            if first <= line <= last:
                return change
    return None


def _changes(
    texts: list[Incoming], entries: list[Entry], source: str, language: str, shown: str
) -> tuple[list[Change], list[Problem]]:
    by_context = {entry.context: entry for entry in entries}
    plural = {e.context: e for e in entries if e.plural}
    changes: list[Change] = []
    problems: list[Problem] = []
    counts: dict[str, dict[str, str]] = {}
    lines: dict[str, int] = {}
    for text in texts:
        place = Place(shown, text.line)
        counted = plural.get(text.context.split("[")[0])
        if counted is not None:
            forms, found = _count_forms(text, counted, language, source, place)
            problems += found
            counts.setdefault(counted.context, {}).update(forms)
            lines.setdefault(counted.context, text.line)
            continue
        entry = by_context.get(text.context)
        if entry is None:
            problems.append(
                place.error(
                    f"no text of the handbook has the context '{text.context}' (renamed or "
                    "removed since the export?); export again and copy the translation over"
                )
            )
            continue
        if text.source != entry.source:
            problems.append(
                place.error(
                    f"the {english_name(source)} of '{text.context}' changed since the export; "
                    "export again and translate the current text"
                )
            )
            continue
        change = _change(text, entry)
        if change is None:
            continue
        faults = text_faults(change.text)
        problems += [place.error(f"the translation of '{text.context}' {f}") for f in faults]
        if not faults:
            changes.append(change)
    for context, forms in counts.items():
        if forms:
            change = Change(plural[context], "", False, False, forms, lines[context])
            changes.append(change)
    return changes, problems


def _change(text: Incoming, entry: Entry) -> Change | None:
    """What the file changes for one text: a new translation, a confirmation, or nothing."""
    if not text.target.strip():
        return None  # not translated in the file: the handbook keeps what it has
    confirmed = not text.fuzzy and entry.state == OUTDATED and not _is_term(entry)
    if text.target == entry.target and not confirmed:
        return None
    mark = not text.fuzzy and not _is_term(entry)
    return Change(entry, text.target, mark=mark, fuzzy=text.fuzzy, line=text.line)


def _is_term(entry: Entry) -> bool:
    return entry.context.startswith("glossary.")


def _count_forms(
    text: Incoming, entry: Entry, language: str, source: str, place: Place
) -> tuple[dict[str, str], list[Problem]]:
    """The forms of a count that the file changes, by category: PO gives them all in
    ``msgstr[n]`` order, XLIFF one unit per category (``labels.standards_count[few]``)."""
    if "[" in text.context:
        category = text.context.split("[")[1].rstrip("]")
        given = {category: text.target}
        expected_source = entry.source_forms.get(category, entry.source_forms.get("other", ""))
    else:
        given = dict(zip(gettext_order(language), text.forms, strict=False))
        expected_source = entry.source_forms.get("one", entry.source_forms.get("other", ""))
    if text.source != expected_source:
        message = (
            f"the {english_name(source)} of '{entry.context}' changed since the export; "
            "export again and translate the current text"
        )
        return {}, [place.error(message)]
    forms = {
        category: form
        for category, form in given.items()
        if form.strip() and form != entry.target_forms.get(category)
    }
    problems = [
        place.error(f"the translation of '{entry.context}' ({category}) {fault}")
        for category, form in forms.items()
        for fault in text_faults(form)
    ]
    return ({} if problems else forms), problems


def _edited_files(
    folder: Path, changes: list[Change], languages: Languages, language: str
) -> tuple[dict[Path, str], list[Problem]]:
    by_file: dict[Path, list[Change]] = {}
    for change in changes:
        by_file.setdefault(folder / Path(change.entry.reference.split(":")[0]).name, []).append(
            change
        )
    files: dict[Path, str] = {}
    for path, file_changes in by_file.items():
        before = path.read_bytes().decode("utf-8")
        after = _edit(path, before, file_changes, languages, language)
        if after is None or not _verified(path, before, after, file_changes, languages, language):
            message = (
                "the translations could not be written without changing other text; "
                "nothing was written: copy them into the file by hand"
            )
            return {}, [Place(display_path(path)).error(message)]
        files[path] = after
    return files, []


def _edit(
    path: Path, text: str, changes: list[Change], languages: Languages, language: str
) -> str | None:
    root, problems = parse_yaml(text, display_path(path), for_editing=True)
    if root is None or problems:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    nodes = _places(path, root, languages.source)
    edits: list[Edit] = []
    for change in changes:
        node = nodes.get(change.entry.context)
        if node is None:
            return None
        if change.forms:
            edits += count_edits(node, change.forms, language, text, newline)
        elif _is_term(change.entry):
            edits += term_edits(node, change.text, language, text, newline)
        else:
            stamp = fingerprint(change.entry.source) if change.mark else None
            edits += translation_edits(node, change.text, stamp, language, text, newline)
    return apply_edits(text, edits)


def _places(path: Path, root: Node, source: str) -> dict[str, Node]:
    """Each context with the map its translation goes in: a text's map, or for a glossary
    term the concept's map of languages."""
    if path.name != GLOSSARY_FILE:
        return text_nodes(root, file_names(path, root), source)
    concepts = next((v for k, _, v in root.entries if k == "concepts"), None)
    if concepts is None or concepts.kind != "map":
        return {}
    return {f"glossary.{slug}.term": concept for slug, _, concept in concepts.entries}


def _verified(
    path: Path, before: str, after: str, changes: list[Change], languages: Languages, language: str
) -> bool:
    """``after`` holds ``before``'s data with exactly the changed translations and stamps."""
    old, _ = parse_yaml(before, display_path(path))
    new, problems = parse_yaml(after, display_path(path))
    if old is None or new is None or problems:
        return False
    if _shape(old, languages.source, language) != _shape(new, languages.source, language):
        return False
    wanted = {change.entry.context: change for change in changes}
    shown = display_path(path)
    before_entries = _entries_of(path, old, languages.source, language, shown)
    for context, entry in _entries_of(path, new, languages.source, language, shown).items():
        change = wanted.get(context)
        if change is None:
            if entry != before_entries.get(context):
                return False
        elif change.forms:
            previous = before_entries.get(context)
            kept = previous.target_forms if previous is not None else {}
            if entry.target_forms != {**kept, **change.forms}:
                return False
        elif entry.target != change.text or (change.mark and entry.state != CURRENT):
            return False
    return True


def _entries_of(path: Path, root: Node, source: str, language: str, shown: str) -> dict[str, Entry]:
    """The file's entries by context, without their lines: an edit above one may move it."""
    found = file_entries(path, root, source, language, shown)
    return {entry.context: replace(entry, reference="") for entry in found}


def _shape(node: Node, source: str, language: str) -> object:
    """Everything but the translation into ``language`` and the fingerprints."""
    if node.kind == "seq":
        return ("seq", tuple(_shape(item, source, language) for item in node.items))
    if node.kind == "map":
        skipped = {BASED_ON, language} if is_text(node, source) else set()
        return (
            "map",
            tuple((k, _shape(v, source, language)) for k, _, v in node.entries if k not in skipped),
        )
    return (node.kind, node.scalar)
