"""Entries as an XLIFF 1.2 file, the exchange format of CAT tools and agencies.

One ``<file>`` per YAML file, one ``<trans-unit>`` per text, its ``id`` the entry's context.
An outdated translation has ``state="needs-review-translation"``, a missing one no
``<target>``. A count gives one unit per plural category of the target language
(``labels.standards_count[few]``), its source the source language's form for it.
"""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from handbook.exchange.entries import MISSING, OUTDATED, Entry
from handbook.exchange.po import gettext_order

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
STATES = {OUTDATED: "needs-review-translation"}


def write_xliff(entries: list[Entry], source: str, language: str) -> str:
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(_tag("xliff"), version="1.2")
    for path, group in groupby(entries, key=lambda entry: entry.reference.split(":")[0]):
        file = ET.SubElement(
            root,
            _tag("file"),
            {"original": path, "source-language": source, "target-language": language},
            datatype="plaintext",
        )
        body = ET.SubElement(file, _tag("body"))
        for entry in group:
            _add(body, entry, source, language)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _add(body: ET.Element, entry: Entry, source: str, language: str) -> None:
    if not entry.plural:
        _unit(body, entry.context, entry.source, entry.target, entry)
        return
    group = ET.SubElement(body, _tag("group"), id=entry.context, restype="x-gettext-plurals")
    fallback = entry.source_forms.get("other", "")
    for category in gettext_order(language):
        original = entry.source_forms.get(category, fallback)
        target = entry.target_forms.get(category, "")
        _unit(group, f"{entry.context}[{category}]", original, target, entry)


def _unit(parent: ET.Element, unit_id: str, original: str, target: str, entry: Entry) -> None:
    unit = ET.SubElement(parent, _tag("trans-unit"), id=unit_id)
    ET.SubElement(unit, _tag("source")).text = original
    if entry.state != MISSING and target:
        element = ET.SubElement(unit, _tag("target"), state=STATES.get(entry.state, "translated"))
        element.text = target
    ET.SubElement(unit, _tag("note"), {"from": "handbook"}).text = entry.note
    path, _, line = entry.reference.partition(":")
    where = ET.SubElement(unit, _tag("context-group"), purpose="location")
    ET.SubElement(where, _tag("context"), {"context-type": "sourcefile"}).text = path
    ET.SubElement(where, _tag("context"), {"context-type": "linenumber"}).text = line


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"
