"""What the search worker needs besides Pagefind's index: words people type, per language.

Pagefind requires every known query word and knows only the forms written on the pages. Staff
type their own words ("elevator" for "lift"), Polish without diacritics ("ladowarka": ł has no
Unicode decomposition, so Pagefind keeps it apart from l) and Arabic with clitics
("بالمفتاح" where the page says "المفتاح"). The build therefore writes, per language, under
``pagefind/words/<language>/``:

- ``index.json``: the glossary's words, a list per concept (``synonyms``), the two notes the result
  count can carry (from labels.yaml) and the letters that have a file;
- ``<hex code of a letter>.json``: every word of the indexed pages, grouped by its *search
  key* (``search_key``), one file per first letter of the key, so a query loads only the
  letters its words start with.

``docs/assets/search-words.js`` computes the same key in the browser; a browser test checks
that both agree. Everything is sorted: the same site gives the same bytes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from html import unescape
from pathlib import Path

from handbook.model import Handbook, Labels
from handbook.model.glossary import Glossary

WORDS_FOLDER = Path("words")
"""Inside Pagefind's bundle folder, which each build writes anew."""

INDEXED_ROOT = "md-content__inner"
"""Class of the element Pagefind indexes (``search.ROOT_SELECTOR``)."""

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
"""Arabic short vowels, shadda, sukun, dagger alef and tatweel: no reader types them."""
_ARTICLE = re.compile("^(?:[وف]?[بكل]?ال|[وف]?لل)(?=...)")
"""The article with the conjunctions and prepositions written onto it, before 3+ letters."""
_PREFIX_LETTERS = "وفبكل"
"""Arabic conjunctions and prepositions written onto a word without the article."""
_LETTERS = str.maketrans({"ł": "l", "ة": "ه", "ى": "ي"})
"""Letters NFD does not reduce to their base: Polish ł, Arabic ta marbuta and alef maqsura."""
_WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
"""A word as Pagefind splits text: letters and digits, Arabic marks kept inside the word."""


def search_key(word: str) -> str:
    """The form two spellings of one word share: lower case, no diacritics, no Arabic article.

    "Gościa" and "goscia" share "goscia"; "ładowarki" and "ladowarki" share "ladowarki";
    "والمفتاح", "بالمفتاح" and "مفتاح" share "مفتاح". The article is only taken off when three
    letters stay, so short words keep their own letters.
    """
    plain = _TASHKEEL.sub("", word.lower())
    base = "".join(c for c in unicodedata.normalize("NFD", plain) if unicodedata.category(c) != "Mn")
    return _ARTICLE.sub("", base.translate(_LETTERS))


def shorter_keys(key: str) -> Iterator[str]:
    """The key without one or two Arabic prefix letters (و ف ب ك ل), three letters left.

    "وبطاقه" gives "بطاقه" and "طاقه": these only count where a page has such a word, which
    keeps a word whose own first letter is ب or ل (بطاقة, لوبي) from being cut short.
    """
    rest = key
    for _ in range(2):
        if len(rest) < 4 or rest[0] not in _PREFIX_LETTERS:
            return
        rest = rest[1:]
        yield rest


def shard_name(key: str) -> str:
    """File name of a key's letter: its code point in hex (Arabic letters make poor paths)."""
    return f"{ord(key[0]):04x}"


_LANGUAGE = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"")
_ROOT = re.compile(r"<article\b[^>]*?\bclass=\"[^\"]*\b" + INDEXED_ROOT + r"\b")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_OPENING = re.compile(r"<([a-zA-Z][\w-]*)([^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][\w-]*[^>]*>")
_CLASS = re.compile(r"\bclass=\"([^\"]*)\"")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def page_words(html: str, excluded: Iterable[str]) -> tuple[str, list[str]]:
    """The page's language and the words Pagefind indexes on it, in reading order.

    One pass of a regular expression over the tags, not an HTML parser: the build runs this
    on every page, and the pages are MkDocs' own well-formed output (Python's HTML parser took
    9 s on a 3,000-standard handbook; this gives the same words in well under a second).
    """
    language = _LANGUAGE.search(html)
    root = _ROOT.search(html)
    words: list[str] = []
    if root is not None:
        text = html[root.start() : html.rfind("</article>")]  # standards' cards are articles
        words = _WORD.findall(unescape(_text_outside(text, frozenset(excluded))))
    return (language.group(1) if language else ""), words


def _text_outside(html: str, excluded: frozenset[str]) -> str:
    """The text between the tags of ``html``, minus elements of an ``excluded`` class.

    Regular expressions do the scanning: the excluded elements (the levels side by side, the
    review tables) hold most of the tags of a large handbook's pages. Like ``page_words``,
    it counts on MkDocs' own output, where no attribute holds a ``<``: comments are taken
    out first, and a closing tag is looked for by its name alone.
    """
    html = _COMMENT.sub(" ", html)
    parts: list[str] = []
    position = 0
    for opening in _OPENING.finditer(html):
        name, attributes = opening.groups()
        if opening.start() < position or name in _VOID:
            continue  # inside an element already left out, or an element without content
        found = _CLASS.search(attributes)
        if found and excluded.intersection(found.group(1).split()):
            parts.append(html[position : opening.start()])
            position = _end_of_element(html, name, opening.end())
    parts.append(html[position:])
    return _TAG.sub(" ", " ".join(parts))


def _end_of_element(html: str, name: str, start: int) -> int:
    """Where the element ``name`` whose opening tag ends at ``start`` closes."""
    depth = 1
    for tag in re.compile(rf"<(/?){re.escape(name)}(?![\w-])[^>]*>").finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def word_groups(words: Counter[str], known: Iterable[str] = ()) -> dict[str, list[str]]:
    """Each search key with the written forms sharing it, the most frequent first.

    A form is also filed under its shorter keys that another page word or a ``known`` key
    (the glossary's) has: و+بطاقة under بطاقه, so "بطاقة" finds the page that only says
    "وبطاقة", and ل+يعتذر under the glossary's يعتذر.
    """
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for word, count in words.items():
        groups[search_key(word)][word] += count
    wanted = set(known)
    for key in list(groups):
        for shorter in shorter_keys(key):
            if shorter in groups or shorter in wanted:
                groups[shorter].update(groups[key])
    ranked = sorted(groups, key=lambda k: (-sum(groups[k].values()), k))
    return {key: [w for w, _ in sorted(groups[key].items(), key=_by_count)] for key in ranked}


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def synonyms(glossary: Glossary, language: str) -> list[list[str]]:
    """The words of each glossary concept in ``language``, for search.

    A concept's words are its term, the words people search with and the variants to avoid:
    whichever of them a reader types, search looks for all of them, so "elevator" finds the
    "lift" of the pages and "مصعد" the page saying "المصاعد". Each concept is written once;
    the worker files every word under its key. A variant with a trailing * (client*) is the
    checker's pattern, not a word anyone types.
    """
    found: list[list[str]] = []
    for _, term in glossary.terms(language):
        words = (term.term, *term.search, *term.avoid)
        family = list(dict.fromkeys(w.lower() for w in words if not w.endswith("*")))
        if len(family) > 1:
            found.append(family)
    return found


def notes(labels: Labels, language: str) -> dict[str, str]:
    """The lines the result count can carry, in ``language`` (labels.yaml)."""
    return {
        "partial": labels.word("search_partial", language),
        "corrected": labels.word("search_corrected", language),
    }


def write_search_words(
    bundle: Path, counts: dict[str, Counter[str]], handbook: Handbook
) -> dict[str, int]:
    """Write every language's files under ``bundle/words``; the word count per language.

    ``counts`` is what ``count_words`` found on the pages.
    """
    for language, words in sorted(counts.items()):
        _write_language(bundle / WORDS_FOLDER / language, words, handbook, language)
    return {language: len(words) for language, words in sorted(counts.items())}


def count_words(
    site_dir: Path, pages: Iterable[str], excluded: Iterable[str]
) -> dict[str, Counter[str]]:
    """How often each word occurs in the indexed text of each language's ``pages``."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    left_out = tuple(excluded)
    for page in pages:
        html = (site_dir / page).read_text(encoding="utf-8")
        language, words = page_words(html, left_out)
        if language:
            counts[language].update(words)
    return {language: _written(words) for language, words in counts.items()}


def _written(words: Counter[str]) -> Counter[str]:
    """The words as a query asks Pagefind for them (lower case, no Arabic short vowels),
    two letters or more and not only digits (IDs are Pagefind's own)."""
    kept: Counter[str] = Counter()
    for word, count in words.items():
        key = search_key(word)
        if len(key) >= 2 and not key.isdigit():
            kept[_TASHKEEL.sub("", word.lower())] += count
    return kept


def _write_language(folder: Path, words: Counter[str], handbook: Handbook, language: str) -> None:
    """One language's letter files and its ``index.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    known = language in handbook.languages  # a page in a language the handbook lacks
    concepts = synonyms(handbook.glossary, language) if known else []
    glossary_keys = {search_key(word) for words in concepts for word in words if " " not in word}
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key, forms in word_groups(words, glossary_keys).items():
        shards[shard_name(key)][key] = forms
    for name, shard in sorted(shards.items()):
        _write_json(folder / f"{name}.json", shard)
    index = {
        "letters": sorted(shards),
        "synonyms": concepts,
        "notes": notes(handbook.labels, language) if known else {},
    }
    _write_json(folder / "index.json", index)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
