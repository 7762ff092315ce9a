"""Read ``glossary.yaml``: per concept and language, the term, the variants to avoid, the
words people search with.

The file is optional: a handbook without it is valid and nothing is checked. With it, every
text the loader reads is checked for the variants (``handbook.reading.wording``), so a
glossary that contradicts itself (a variant that is a term, one variant under two concepts)
is an error here, where it can be fixed, rather than wrong warnings everywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.model.glossary import Concept, Glossary, Term
from handbook.model.languages import Languages, english_name
from handbook.reading.contract import GLOSSARY_ENTRY, Field
from handbook.reading.fields import TextReader, did_you_mean, read_record, read_slug
from handbook.reading.fingerprints import SCALAR_KINDS
from handbook.reading.problems import Place, Problem, Severity, display_path
from handbook.reading.textrules import text_faults
from handbook.reading.wording import Wording, avoid_key, avoid_pattern, markdown_warnings
from handbook.reading.yamlsource import Node, read_yaml

GLOSSARY_FILE = "glossary.yaml"
CONCEPTS = "concepts"
CONCEPTS_HELP = "one entry per concept: its term, the variants to avoid and search words"


def load_glossary(path: Path, languages: Languages, problems: list[Problem]) -> Glossary:
    """The glossary in ``path``; an empty one when the handbook has none.

    A glossary with an error checks nothing until it is fixed: a wrong variant would put
    wrong warnings on every text, and the errors already say what to fix.
    """
    if not path.exists():
        return Glossary()
    before = len(problems)
    node, found = read_yaml(path, display_path(path))
    problems.extend(found)
    if node is None:
        return Glossary()
    if node.kind != "map":
        problems.append(node.place.error(f"the glossary must hold '{CONCEPTS}:', {CONCEPTS_HELP}"))
        return Glossary()
    concepts: Node | None = None
    for key, key_place, value in node.entries:
        if key == CONCEPTS:
            concepts = value
        else:
            problems.append(
                key_place.error(
                    f"unknown key '{key}' in the glossary; {did_you_mean(key, (CONCEPTS,))}"
                    f"allowed keys: {CONCEPTS}"
                )
            )
    if concepts is None:
        problems.append(node.place.error(f"the glossary is missing '{CONCEPTS}': {CONCEPTS_HELP}"))
        return Glossary()
    reader = _Reader(languages, problems)
    glossary = reader.concepts(concepts)
    reader.check_avoid(glossary)
    return Glossary() if any(p.severity is Severity.ERROR for p in problems[before:]) else glossary


def docs_warnings(docs: Path, standards: Path, languages: Languages) -> list[Problem]:
    """The glossary's warnings on the hand-written pages under ``docs``; its own errors are
    the loader's to report."""
    glossary = load_glossary(standards / GLOSSARY_FILE, languages, [])
    return markdown_warnings(docs, Wording(glossary), languages) if glossary.concepts else []


@dataclass(frozen=True)
class _Avoided:
    """An avoid entry as read, with its place, for the checks across concepts."""

    entry: str
    place: Place
    language: str
    concept: str


class _Reader:
    def __init__(self, languages: Languages, problems: list[Problem]) -> None:
        self.languages = languages
        self.problems = problems
        self.avoided: list[_Avoided] = []

    def concepts(self, node: Node) -> Glossary:
        if node.kind != "map":
            self.problems.append(
                node.place.error(
                    f"'{CONCEPTS}' must be a group of concepts, e.g. guest: "
                    f"{{{self.languages.source}: {{term: guest}}}}, not {node.describe()}"
                )
            )
            return Glossary()
        concepts: list[Concept] = []
        for key, key_place, value in node.entries:
            slug = read_slug(
                Node("str", key_place, scalar=key), Field("concept", "slug", ""), self.problems
            )
            concept = self.concept(slug or key, value)
            if slug is not None and concept is not None:
                concepts.append(concept)
        return Glossary(tuple(concepts))

    def concept(self, key: str, node: Node) -> Concept | None:
        source = self.languages.source
        if node.kind != "map":
            self.problems.append(
                node.place.error(
                    f"concept '{key}' must be a group of languages, e.g. "
                    f"{{{source}: {{term: …, avoid: […]}}}}, not {node.describe()}"
                )
            )
            return None
        terms: dict[str, Term] = {}
        texts = TextReader(self.languages)
        for language, key_place, value in node.entries:
            if language not in self.languages:
                field = Field(key, "text", "")
                message = texts.unknown_language(language, field, tuple(self.languages))
                self.problems.append(key_place.error(message))
                continue
            term = self.term(key, language, value)
            if term is not None:
                terms[language] = term
        if not any(language == source for language, _, _ in node.entries):
            self.problems.append(
                node.place.error(
                    f"concept '{key}' has no {english_name(source)} ({source}) term; the "
                    "source language is required, the translations may follow"
                )
            )
            return None
        return Concept(key, terms) if source in terms else None

    def term(self, key: str, language: str, node: Node) -> Term | None:
        name = f"the {english_name(language)} entry of concept '{key}'"
        if node.kind in SCALAR_KINDS:
            self.problems.append(
                node.place.error(f"{name} must be a group, e.g. {{term: {node.scalar}}}")
            )
            return None
        values = read_record(node, GLOSSARY_ENTRY, self.problems)
        if values is None:
            return None
        term = self._term_text(values.get("term"), name)
        avoid = self._words(values.get("avoid"), "avoid", name)
        for entry, place in avoid:
            if self._avoid_is_well_formed(entry, place):
                self.avoided.append(_Avoided(entry, place, language, key))
        search = self._words(values.get("search"), "search", name)
        if term is None:
            return None
        return Term(term, tuple(entry for entry, _ in avoid), tuple(word for word, _ in search))

    def _term_text(self, node: Node | None, name: str) -> str | None:
        if node is None:
            return None  # read_record reported it
        if node.kind not in SCALAR_KINDS | {"null"}:
            self.problems.append(
                node.place.error(f"the term of {name} must be text, not {node.describe()}")
            )
            return None
        if node.kind == "null" or not node.scalar.strip():
            self.problems.append(
                node.place.error(f"the term of {name} is empty; write the preferred term")
            )
            return None
        if not self._plain(node, f"the term of {name}"):
            return None
        return " ".join(node.scalar.split())

    def _words(self, node: Node | None, key: str, name: str) -> list[tuple[str, Place]]:
        if node is None:
            return []
        if node.kind != "seq":
            self.problems.append(
                node.place.error(
                    f"'{key}' of {name} must be a list, e.g. [client, customer], "
                    f"not {node.describe()}"
                )
            )
            return []
        words: list[tuple[str, Place]] = []
        for item in node.items:
            if item.kind not in SCALAR_KINDS:
                self.problems.append(
                    item.place.error(
                        f"each entry of '{key}' of {name} must be text, not {item.describe()}"
                    )
                )
            elif not item.scalar.strip():
                self.problems.append(
                    item.place.error(
                        f"an entry of '{key}' of {name} is empty; write it or delete it"
                    )
                )
            elif self._plain(item, f"'{key}' of {name}"):
                words.append((" ".join(item.scalar.split()), item.place))
        return words

    def _plain(self, node: Node, name: str) -> bool:
        faults = text_faults(node.scalar)
        self.problems.extend(node.place.error(f"{name} {fault}") for fault in faults)
        return not faults

    def _avoid_is_well_formed(self, entry: str, place: Place) -> bool:
        words = entry.split()
        if not all(re.search(r"\w", word) for word in words):
            self.problems.append(
                place.error(f"avoid '{entry}' has a word without a letter; write whole words")
            )
            return False
        if any("*" in word.rstrip("*") or word.count("*") > 1 for word in words):
            self.problems.append(
                place.error(
                    f"avoid '{entry}': a '*' may only end a word, once "
                    "(klient* finds klient, klienta, klientów)"
                )
            )
            return False
        return True

    def check_avoid(self, glossary: Glossary) -> None:
        """No variant is a term, and each variant belongs to one concept only."""
        first: dict[tuple[str, str], _Avoided] = {}
        for avoided in self.avoided:
            language = avoided.language
            pattern = re.compile(avoid_pattern(avoided.entry, language), re.IGNORECASE)
            for concept, term in glossary.terms(language):
                if pattern.fullmatch(term.term):
                    self.problems.append(avoided.place.error(_flags_term(avoided, concept, term)))
            key = (language, avoid_key(avoided.entry, language))
            seen = first.setdefault(key, avoided)
            where = f"{seen.place.line}:{seen.place.column}"
            if seen is avoided:
                continue
            if seen.concept == avoided.concept:  # harmless: أوت and آوت find the same words
                self.problems.append(
                    avoided.place.warning(
                        f"avoid '{avoided.entry}' finds the same words as '{seen.entry}' at "
                        f"{where}; keep one (case, harakat and alef forms do not count)"
                    )
                )
            else:
                self.problems.append(
                    avoided.place.error(
                        f"avoid '{avoided.entry}' is already listed at {where} (concept "
                        f"'{seen.concept}'); list each {english_name(language)} variant "
                        "under one concept"
                    )
                )


def _flags_term(avoided: _Avoided, concept: Concept, term: Term) -> str:
    if concept.key == avoided.concept:
        return (
            f"avoid '{avoided.entry}' matches '{term.term}', the concept's own term: a text "
            "writing the term would be warned; remove it from avoid"
        )
    return (
        f"avoid '{avoided.entry}' matches '{term.term}', the {english_name(avoided.language)} "
        f"term of concept '{concept.key}': a text writing that term would be warned; remove "
        "it from avoid, or give one of the concepts another term"
    )
