"""Read a translator's PO or XLIFF file back: each text with its context and line.

PO through Babel's reader (already a dependency); XLIFF 1.2 through expat, which gives the
line of each unit. A plural entry comes back with its forms in the file's own order.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from babel.messages.pofile import PoFileError, read_po

from handbook.reading.problems import Place, Problem

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_SUFFIXES = (".xlf", ".xliff")


@dataclass(frozen=True)
class Incoming:
    """One text as the translator's file has it."""

    context: str
    source: str
    target: str
    fuzzy: bool
    line: int
    forms: tuple[str, ...] = ()
    """A plural entry's translated forms, in ``msgstr[n]`` order; ``target`` is then empty."""


@dataclass(frozen=True)
class IncomingFile:
    language: str
    texts: list[Incoming]
    problems: list[Problem]


def read_incoming(path: Path, shown: str) -> IncomingFile:
    """The language and texts of a PO or XLIFF file, or the problems that stop reading it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return IncomingFile("", [], [Place(shown).error(f"cannot read the file: {error.strerror}")])
    if path.suffix.lower() in XLIFF_SUFFIXES:
        return _read_xliff(data, shown)
    return _read_po(data, shown)


PO_LINE = re.compile(
    r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\[\\"nrtabfv])*"\s*$'
)
"""A PO line with a string: keyword and quoted text, or a continued string; nothing after."""


def po_syntax_problems(text: str, shown: str) -> list[Problem]:
    """Lines a lenient reader would misread: an unclosed quote, an unknown escape."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is text
        stripped = line.strip(" \t\r")
        if not stripped or stripped.startswith("#") or PO_LINE.match(stripped):
            continue
        problems.append(
            Place(shown, number).error(
                "this line of the PO file is not a keyword with a quoted text (an unclosed "
                "quote, or a backslash before a letter other than n, t or r?); correct it in "
                "the translation tool or an editor"
            )
        )
    return problems


def _read_po(data: bytes, shown: str) -> IncomingFile:
    try:
        problems = po_syntax_problems(data.decode("utf-8"), shown)
    except UnicodeDecodeError:
        problems = [Place(shown).error("the file is not UTF-8 text; save it as UTF-8")]
    if problems:
        return IncomingFile("", [], problems)
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as error:
        return IncomingFile("", [], [Place(shown).error(f"not a readable PO file: {error}")])
    texts = []
    for message in catalog:
        if not message.id:
            continue  # the header
        line = message.lineno or 1
        if isinstance(message.id, tuple):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            texts.append(
                Incoming(
                    message.context or "",
                    str(message.id[0]),
                    "",
                    message.fuzzy,
                    line,
                    tuple(str(s or "") for s in strings),
                )
            )
        else:
            texts.append(
                Incoming(
                    message.context or "",
                    str(message.id),
                    str(message.string or ""),
                    message.fuzzy,
                    line,
                )
            )
    language = catalog.locale_identifier or ""
    return IncomingFile(language.replace("_", "-") if "_" in language else language, texts, [])


class _XliffReader:
    """Collects the units of an XLIFF 1.2 file while expat reads it."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.language = ""
        self.texts: list[Incoming] = []
        self.unit: dict[str, str] = {}
        self.reading = ""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.removeprefix(f"{NAMESPACE} ")
        if tag == "file":
            self.language = self.language or attributes.get("target-language", "")
        elif tag == "trans-unit":
            line = str(self.parser.CurrentLineNumber)
            self.unit = {"id": attributes.get("id", ""), "line": line, "source": "", "target": ""}
        elif tag in {"source", "target"} and self.unit:
            self.reading = tag
            if tag == "target":
                self.unit["state"] = attributes.get("state", "")

    def end(self, name: str) -> None:
        tag = name.removeprefix(f"{NAMESPACE} ")
        if tag in {"source", "target"}:
            self.reading = ""
        elif tag == "trans-unit" and self.unit:
            fuzzy = self.unit.get("state", "").startswith("needs-")
            self.texts.append(
                Incoming(
                    self.unit["id"],
                    self.unit["source"],
                    self.unit["target"],
                    fuzzy,
                    int(self.unit["line"]),
                )
            )
            self.unit = {}

    def text(self, data: str) -> None:
        if self.reading and self.unit:
            self.unit[self.reading] += data


def _read_xliff(data: bytes, shown: str) -> IncomingFile:
    reader = _XliffReader()
    try:
        reader.parser.Parse(data, True)
    except expat.ExpatError as error:
        place = Place(shown, error.lineno, error.offset + 1)
        return IncomingFile(
            "", [], [place.error(f"not well-formed XML: {expat.ErrorString(error.code)}")]
        )
    return IncomingFile(reader.language, reader.texts, [])
