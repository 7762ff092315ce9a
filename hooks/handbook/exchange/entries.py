"""Every translatable text of a handbook, for one target language, as translators see it.

An entry has a stable context (``CHK-01.text``, ``check-in.greeting.title``,
``vocabulary.qualities.friendly``, ``labels.overdue``, ``glossary.guest.term``), the source
text, the current translation, its state and a note saying what the text is. The state comes
from the fingerprints: a translation made from an older source text is *outdated*.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from handbook.model import fingerprint
from handbook.model.languages import Languages, plural_categories
from handbook.model.review import ReviewPolicy
from handbook.reading.fields import BASED_ON
from handbook.reading.fingerprints import SCALAR_KINDS, is_text, own_name
from handbook.reading.glossary import GLOSSARY_FILE
from handbook.reading.loader import data_files, load_handbook
from handbook.reading.problems import Problem, display_path
from handbook.reading.yamlsource import Node, read_yaml

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"


@dataclass(frozen=True)
class Entry:
    """One text to translate. A plural text (a count) has ``forms`` instead of a source:
    the source language's forms and the target's, by CLDR category (one, few, other...)."""

    context: str
    source: str
    target: str
    state: str
    note: str
    reference: str
    """Where the source text stands: ``standards/check-in.yaml:50``."""
    source_forms: dict[str, str] = field(default_factory=dict)
    target_forms: dict[str, str] = field(default_factory=dict)

    @property
    def plural(self) -> bool:
        return bool(self.source_forms)


def handbook_entries(
    folder: Path, languages: Languages, language: str
) -> tuple[list[Entry], list[Problem]]:
    """The entries of every data file in ``folder``, in file order; a file that cannot be
    read gives its problems instead."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in data_files(folder):
        shown = display_path(path)
        root, found = read_yaml(path, shown)
        problems += found
        if root is None or found:
            continue
        entries += file_entries(path, root, languages.source, language, shown)
    return entries, problems


def checked_entries(
    folder: Path, languages: Languages, language: str, policy: ReviewPolicy
) -> tuple[list[Entry], list[Problem]]:
    """The entries once the checker finds no error in the handbook: a translator is never
    given, and never gives back into, an empty or broken source text."""
    errors = load_handbook(folder, policy, languages).errors
    return ([], errors) if errors else handbook_entries(folder, languages, language)


def file_entries(path: Path, root: Node, source: str, language: str, shown: str) -> list[Entry]:
    """The entries of one data file, read as ``root``."""
    if path.name == GLOSSARY_FILE:
        return glossary_entries(root, source, language, shown)
    return text_entries(root, file_names(path, root), source, language, shown)


def text_entries(
    root: Node, names: tuple[str, ...], source: str, language: str, shown: str
) -> list[Entry]:
    return [
        entry
        for context, note, text in _texts(root, names, "", source)
        if (entry := _entry(context, note, text, source, language, shown)) is not None
    ]


def file_names(path: Path, root: Node) -> tuple[str, ...]:
    """The first part of the contexts of a file's texts: none for a phase (its slug comes
    from the file), the file's name for the vocabulary and the labels."""
    return () if own_name(root) else (path.stem,)


def text_nodes(root: Node, names: tuple[str, ...], source: str) -> dict[str, Node]:
    """Each context of a file with the map of its text (the languages and ``based_on``)."""
    return {context: text for context, _, text in _texts(root, names, "", source)}


def _texts(
    node: Node, names: tuple[str, ...], list_key: str, source: str
) -> Iterator[tuple[str, str, Node]]:
    """(context, what the text is, the text's map) for every text under ``node``;
    ``list_key`` is the key of the list ``node`` stands in (``standards``, ``steps``)."""
    if node.kind == "seq":
        for item in node.items:
            yield from _texts(item, names, list_key, source)
        return
    if node.kind != "map":
        return
    own = own_name(node)
    if own:
        names = (own,) if list_key == "standards" else (*names, own)
    for key, _, value in node.entries:
        if is_text(value, source):
            yield ".".join((*names, key)), _note(node, key, list_key, names), value
        elif value.kind == "map" and not own:
            yield from _texts(value, (*names, key), key, source)
        else:
            yield from _texts(value, names, key, source)


STANDARD_FIELDS = {
    "text": "a standard: what staff do",
    "check": "a standard's check: what an auditor or mystery shopper observes",
}


def _note(owner: Node, key: str, list_key: str, names: tuple[str, ...]) -> str:
    """What a text is, for the translator: the kind of text, and a standard's type and level."""
    if list_key == "standards":
        kind, level = _value(owner, "type"), _value(owner, "level")
        details = [
            f"{name} {node.scalar}" for name, node in (("type", kind), ("level", level)) if node
        ]
        what = STANDARD_FIELDS.get(key, f"a standard's {key}")
        return f"{what} ({', '.join(details)})" if details else what
    if list_key == "steps":
        return f"the {key} of a step of the phase {names[0]}"
    if own_name(owner):
        return f"the {key} of the phase {names[0]}"
    if names[:1] == ("labels",):
        return "a word printed around the standards; keep each {slot} as it is"
    return f"a name in the vocabulary's {list_key}" if list_key else f"a {key}"


def _entry(
    context: str, note: str, text: Node, source: str, language: str, shown: str
) -> Entry | None:
    original, translation = _value(text, source), _value(text, language)
    if original is None:
        return None
    reference = f"{shown}:{original.place.line}"
    if original.kind == "map":
        forms = _forms(original)
        target = (
            _forms(translation) if translation is not None and translation.kind == "map" else {}
        )
        complete = all(target.get(c, "").strip() for c in plural_categories(language))
        state = CURRENT if complete else MISSING  # a form left out counts as missing
        return Entry(context, "", "", state, note, reference, forms, target)
    if original.kind not in SCALAR_KINDS:
        return None
    target_text = (
        translation.scalar if translation is not None and translation.kind in SCALAR_KINDS else ""
    )
    state = _state(text, original, target_text, language)
    target_text = "" if state == MISSING else target_text  # blanks are not a translation
    return Entry(context, original.scalar, target_text, state, note, reference)


def _value(text: Node, language: str) -> Node | None:
    return next((value for key, _, value in text.entries if key == language), None)


def _forms(node: Node) -> dict[str, str]:
    return {key: value.scalar for key, _, value in node.entries if value.kind in SCALAR_KINDS}


def _state(text: Node, original: Node, target: str, language: str) -> str:
    """As the checker sees it: outdated when the recorded fingerprint is not the source
    text's; a translation that records none is not tracked, so it counts as current."""
    if not target.strip():
        return MISSING
    based_on = _value(text, BASED_ON)
    recorded = (
        _value(based_on, language) if based_on is not None and based_on.kind == "map" else None
    )
    if recorded is None or recorded.scalar == fingerprint(original.scalar):
        return CURRENT
    return OUTDATED


def glossary_entries(root: Node, source: str, language: str, shown: str) -> list[Entry]:
    """The term of each glossary concept; its search words and variants are each
    language's own lists, not translations."""
    concepts = _value(root, "concepts")
    entries: list[Entry] = []
    for slug, _, concept in concepts.entries if concepts is not None else ():
        original = _term(concept, source)
        if original is None:
            continue
        target = _term(concept, language)
        entries.append(
            Entry(
                f"glossary.{slug}.term",
                original.scalar,
                target.scalar if target is not None else "",
                CURRENT if target is not None and target.scalar.strip() else MISSING,
                f"the one word the handbook uses for the concept '{slug}' (glossary)",
                f"{shown}:{original.place.line}",
            )
        )
    return entries


def _term(concept: Node, language: str) -> Node | None:
    entry = _value(concept, language) if concept.kind == "map" else None
    term = _value(entry, "term") if entry is not None and entry.kind == "map" else None
    return term if term is not None and term.kind in SCALAR_KINDS else None
