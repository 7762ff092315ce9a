"""The variants the glossary says to avoid, found where editors wrote them.

One term for one thing: a text that says "client" where the handbook says "guest" gets a
warning on the word itself, with the term to write instead. The rules (the format of
``standards/glossary.yaml`` documents them for editors):

- an ``avoid`` entry is a word or a phrase, matched case-insensitively at word boundaries;
  the words of a phrase may be split by any spaces, a line break or a hyphen;
- a trailing ``*`` matches any ending of its word (``klient*``: klienta, klientów);
- Arabic: a text's word may carry one group of proclitics before the avoid word: و or ف,
  then ب ك or ل, then the article (ال, or لل for ل + ال). An avoid word written with the
  article finds only words with the article (``الضيف``: الضيف, والضيف, بالضيف, للضيف, not
  ضيف); one written without it finds both (``ضيف``: ضيف, بضيف, والضيف). Nothing is taken
  off the avoid word itself: و ف ب ل ك also begin many words (فاخر is not ف + آخر);
- short vowels (harakat) and tatweel are ignored, and أ إ آ ٱ compare as the bare alef
  (U+0627), in any language;
- no other folding: ł and l are different letters.

A word inside another term of the glossary (in any form) is not a variant: Polish avoids
"klient*" for the guest but writes "tajemniczy klient" for the mystery shopper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.model.glossary import Concept, Glossary, Term
from handbook.model.languages import Languages, locale_of
from handbook.reading.problems import Place, Problem, display_path
from handbook.reading.yamlsource import Node

MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
"""Arabic short vowels, Quranic marks and tatweel: ignored between the letters of a word."""
ALEFS = "\u0627\u0623\u0625\u0622\u0671"
"""The bare alef (U+0627) first, then أ إ آ ٱ, which compare as it."""

_MARK = f"[{MARKS}]*"
_ALEF = f"[{ALEFS}]"
_WORD_CHAR = rf"[\w{MARKS}]"
_BEFORE = rf"(?<!{_WORD_CHAR})"
_AFTER = rf"(?!{_WORD_CHAR})"
_GAP = r"[\s\-\u2010\u2011]+"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_MARKS = re.compile(f"[{MARKS}]+")
_ALEF_FOLD = str.maketrans(dict.fromkeys(ALEFS[1:], ALEFS[0]))
_ARTICLE = re.compile("^\u0627\u0644(?=\\w\\w)")
"""The article ال at the start of an avoid word (with its alef folded), before two letters."""
_CONJUNCTION = f"(?:[\u0648\u0641]{_MARK})?"  # و ف
_PROCLITICS = (
    f"{_CONJUNCTION}(?:[\u0628\u0643]{_MARK}(?:{_ALEF}{_MARK}\u0644{_MARK})?"  # ب ك, then ال
    f"|\u0644{_MARK}(?:\u0644{_MARK})?"  # ل, لل
    f"|{_ALEF}{_MARK}\u0644{_MARK})?"  # ال
)
"""What may stand before an Arabic word written without the article: و or ف, then ب ك ل,
ال, لل (ل + ال) or بال."""
_WITH_ARTICLE = (
    f"{_CONJUNCTION}(?:(?:[\u0628\u0643]{_MARK})?{_ALEF}{_MARK}\u0644{_MARK}"  # (ب ك) ال
    f"|\u0644{_MARK}\u0644{_MARK})"  # لل
)
"""The article, and what may stand before it: و or ف, then ب or ك; لل is ل + ال."""


def uses_arabic_grammar(language: str) -> bool:
    """Arabic's article and proclitics are written onto the word they belong to."""
    return str(locale_of(language).language) == "ar"


def fold(word: str) -> str:
    """A word without harakat and tatweel, every alef bare, in lower case."""
    return _MARKS.sub("", word).translate(_ALEF_FOLD).casefold()


def avoid_key(entry: str, language: str) -> str:
    """What two avoid entries share when they find the same words: 'Client' and 'client',
    الضيف and ضيف (which finds الضيف too)."""
    words = (fold(word) for word in entry.split())
    if uses_arabic_grammar(language):
        words = (_ARTICLE.sub("", word) for word in words)
    return " ".join(words)


def avoid_pattern(entry: str, language: str) -> str:
    """The regular expression of one avoid entry (a word or a phrase) in ``language``."""
    words = (_word_pattern(word, language, stem=False) for word in entry.split())
    return _BEFORE + _GAP.join(words) + _AFTER


def _term_pattern(term: str, language: str) -> str:
    """A term in any of its forms: each word by its beginning, as inflection keeps it."""
    words = (_word_pattern(word, language, stem=True) for word in term.split())
    return _BEFORE + _GAP.join(words) + _AFTER


def _word_pattern(word: str, language: str, stem: bool) -> str:
    any_ending = word.endswith("*") or stem
    word = word.rstrip("*")
    arabic = bool(_ARABIC_LETTER.search(word))
    prefix = ""
    if arabic:
        word = _MARKS.sub("", word).translate(_ALEF_FOLD)
        if uses_arabic_grammar(language):
            bare = _ARTICLE.sub("", word)
            prefix = _WITH_ARTICLE if bare != word and not stem else _PROCLITICS
            word = bare
    if stem and len(word) > 3:
        word = word[: max(3, len(word) - 2)]  # pokój: pokoju; klient: klienta; karta: kart
    letters = (_letter(char) + (_MARK if arabic else "") for char in word)
    return prefix + "".join(letters) + (f"{_WORD_CHAR}*" if any_ending else "")


def _letter(char: str) -> str:
    return _ALEF if char in ALEFS else re.escape(char)


@dataclass(frozen=True)
class Found:
    """A variant in a text: where it stands and the concept whose term to write instead."""

    start: int
    end: int
    concept: Concept
    term: Term


@dataclass(frozen=True)
class _Finder:
    """Every avoid entry of one language in one expression, and the phrases to leave alone."""

    avoid: re.Pattern[str]
    owners: tuple[tuple[Concept, Term], ...]
    terms: re.Pattern[str] | None


class Wording:
    """Finds the glossary's avoid entries in texts; built once per load, per language lazily."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._finders: dict[str, _Finder | None] = {}

    def find(self, text: str, language: str) -> list[Found]:
        """Every variant in ``text``, in order; none where ``text`` uses another term."""
        if language not in self._finders:
            self._finders[language] = self._finder(language)
        finder = self._finders[language]
        if finder is None:
            return []
        kept = [m.span() for m in finder.terms.finditer(text)] if finder.terms else []
        found: list[Found] = []
        for match in finder.avoid.finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in kept):
                continue
            concept, term = finder.owners[(match.lastindex or 1) - 1]
            found.append(Found(match.start(), match.end(), concept, term))
        return found

    def _finder(self, language: str) -> _Finder | None:
        entries = [
            (entry, concept, term)
            for concept, term in self.glossary.terms(language)
            for entry in term.avoid
        ]
        if not entries:
            return None
        entries.sort(key=lambda item: -len(item[0]))  # a phrase before a word it begins with
        alternatives = "|".join(f"({avoid_pattern(entry, language)})" for entry, _, _ in entries)
        phrases = [
            _term_pattern(term.term, language)
            for _, term in self.glossary.terms(language)
            if len(term.term.split()) > 1
        ]
        return _Finder(
            re.compile(alternatives, re.IGNORECASE),
            tuple((concept, term) for _, concept, term in entries),
            re.compile("|".join(phrases), re.IGNORECASE) if phrases else None,
        )

    def warnings(self, node: Node, language: str) -> list[Problem]:
        """A warning on each variant in the text ``node``, placed on the word itself."""
        found = self.find(node.scalar, language)
        if not found:
            return []
        places = _places(node, found, self.find(node.raw, language))
        return [
            place.warning(variant_message(node.scalar[each.start : each.end], each))
            for each, place in zip(found, places, strict=True)
        ]


def variant_message(written: str, found: Found) -> str:
    term = found.term.term
    return (
        f"'{' '.join(written.split())}' is a variant of '{term}' (glossary concept "
        f"'{found.concept.key}'); write '{term}' in its right form"
    )


def _places(node: Node, found: list[Found], in_raw: list[Found]) -> list[Place]:
    """Each variant's line and column, found again in the scalar as the file writes it.

    The file's text holds the same words as the value, with line breaks, indentation,
    quotes or a block indicator around them; when it does not (an escape sequence), the
    warnings stand at the start of the value.
    """

    def same(value: Found, raw: Found) -> bool:
        written = " ".join(node.scalar[value.start : value.end].split()).casefold()
        return (
            value.concept is raw.concept
            and written == " ".join(node.raw[raw.start : raw.end].split()).casefold()
        )

    if len(in_raw) != len(found) or not all(map(same, found, in_raw)):
        return [node.place] * len(found)
    return [place_at(node.place, node.raw, raw.start) for raw in in_raw]


def place_at(start: Place, text: str, index: int) -> Place:
    """The place of ``text[index]`` when ``text`` begins at ``start``."""
    line_start = text.rfind("\n", 0, index) + 1
    if line_start == 0:
        return Place(start.path, start.line, start.column + index)
    return Place(start.path, start.line + text.count("\n", 0, index), index - line_start + 1)


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_NOT_PROSE = re.compile(
    r"<!--.*?-->"  # comments
    r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"  # macro calls
    r"|(?<!`)(`+)(?!`)(?:(?!\n\s*\n).)+?(?<!`)\1(?!`)"  # code spans
    r"|\]\([^)\n]*\)"  # link targets
    r"|^ {0,3}\[[^\]\n]+\]:[^\n]*"  # link definitions
    r"|<[^>\n]*>",  # HTML tags and autolinks
    re.DOTALL | re.MULTILINE,
)


def markdown_warnings(docs: Path, wording: Wording, languages: Languages) -> list[Problem]:
    """The variants in the hand-written pages under ``docs``, each page in its language.

    ``page.pl.md`` is Polish, ``page.md`` the source language; code, macro calls, link
    targets and HTML are not prose and are left out.
    """
    problems: list[Problem] = []
    for page in sorted(docs.rglob("*.md")):
        language = page_language(page, languages)
        if language is None:
            continue
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the site build reports a page it cannot read
        start = Place(display_path(page))
        prose = prose_of(text)
        for found in wording.find(prose, language):
            written = text[found.start : found.end]
            problems.append(
                place_at(start, text, found.start).warning(variant_message(written, found))
            )
    return problems


def page_language(page: Path, languages: Languages) -> str | None:
    """The language of a page by its suffix (i18n ``docs_structure: suffix``); None when
    the suffix names a language the handbook does not build."""
    stem, dot, suffix = page.name.removesuffix(".md").rpartition(".")
    if not (dot and stem):
        return languages.source
    if suffix in languages:
        return suffix
    try:
        locale_of(suffix)
    except ValueError:
        return languages.source  # a dot in the name, not a language
    return None


def prose_of(text: str) -> str:
    """``text`` with everything that is not prose blanked out, every character in place."""
    lines = text.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence or opening:
            if not fence and opening:
                fence = opening.group(1)
            elif opening and opening.group(1).startswith(fence):
                fence = ""
            lines[number] = " " * len(line)
    return _NOT_PROSE.sub(lambda match: _blank(match.group()), "\n".join(lines))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)
