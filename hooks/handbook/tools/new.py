"""``handbook new phase`` and ``handbook new standard``: skeletons an editor fills in.

Every text is written empty in every configured language: ``handbook check`` then names
each source text still to write, and the empty translations count as not yet translated.
A standard is inserted into its phase file as text, after the last standard of its step,
so the file's comments and layout stay as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.model.languages import Languages
from handbook.reading.contract import SLUG_PATTERN, STANDARD_ID_PATTERN
from handbook.reading.loader import phase_files
from handbook.reading.vocabulary import VOCABULARY_FILE
from handbook.reading.yamlsource import end_of_lines, read_yaml

ID_NUMBER = re.compile(r"^(?P<prefix>.*-)(?P<number>\d+)$")


class NewRefused(Exception):
    """The skeleton cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Written:
    path: Path
    what: str


def new_phase(standards: Path, pages: Path, slug: str, languages: Languages) -> list[Written]:
    """A phase file with every key, its one-line page, and the next ``order``."""
    if not re.match(SLUG_PATTERN, slug):
        raise NewRefused(f"'{slug}' must be lower-case letters, digits and hyphens, e.g. billing")
    path = standards / f"{slug}.yaml"
    page = pages / f"{slug}.md"
    for existing in (path, page):
        if existing.exists():
            raise NewRefused(f"{existing.as_posix()} already exists; choose another name")
    orders = [data.get("order") for data in _phase_data(standards).values()]
    order = max((o for o in orders if isinstance(o, int)), default=0) + 1
    path.write_text(_phase_yaml(slug, order, languages), encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'{{{{ phase_content("{slug}") }}}}\n', encoding="utf-8")
    return [Written(path, f"phase '{slug}', order {order}"), Written(page, "its page")]


def _phase_yaml(slug: str, order: int, languages: Languages) -> str:
    return "\n".join(
        [
            "# yaml-language-server: $schema=../schema/phase.schema.json",
            f"phase: {slug}",
            f"order: {order}",
            "title:",
            *_empty_text(languages, 2),
            "summary:",
            *_empty_text(languages, 2),
            "# The steps in the order the customer lives them; qualities from vocabulary.yaml.",
            "steps:",
            "  - id: first-step",
            "    title:",
            *_empty_text(languages, 6),
            "    qualities: []",
            f"# Add standards with: handbook new standard --phase {slug} --step first-step",
            "standards: []",
            "",
        ]
    )


def _empty_text(languages: Languages, indent: int) -> list[str]:
    return [f'{" " * indent}{code}: ""' for code in languages]


def new_standard(
    standards: Path, slug: str, step: str | None, languages: Languages, today: date
) -> Written:
    """Insert a standard with the phase's next free ID into ``standards/<slug>.yaml``."""
    path = standards / f"{slug}.yaml"
    every = _phase_data(standards)
    if path not in every:
        known = ", ".join(p.stem for p in every) or "(none)"
        raise NewRefused(f"there is no phase '{slug}' in {standards.as_posix()}; use: {known}")
    _, problems = read_yaml(path, path.as_posix())
    if problems:
        raise NewRefused(f"fix this first, then run it again: {problems[0]}")
    data = every[path]
    steps = [str(s.get("id")) for s in data.get("steps") or [] if isinstance(s, dict)]
    if step is not None and step not in steps:
        raise NewRefused(
            f"'{step}' is not a step of {slug}; use: {', '.join(steps) or '(no steps)'}"
        )
    used = {s.get("id") for d in every.values() for s in _standards(d)}
    standard_id = next_id(slug, [s.get("id") for s in _standards(data)], used)
    owner = _likely_owner(standards, data)
    text = path.read_text(encoding="utf-8")
    new_text = _insert(text, _standard_yaml(standard_id, step, owner, languages, today), step)
    path.write_text(new_text, encoding="utf-8")
    _, problems = read_yaml(path, path.as_posix())
    if problems:
        path.write_text(text, encoding="utf-8")
        raise NewRefused(f"{path.as_posix()} could not take a new standard ({problems[0]})")
    return Written(path, f"standard {standard_id}")


def next_id(slug: str, phase_ids: list[Any], used: set[Any]) -> str:
    """The phase's most common prefix with the next number, e.g. FC-07 after FC-06."""
    found = [m for m in map(ID_NUMBER.match, map(str, phase_ids)) if m]
    prefix = Counter(m["prefix"] for m in found).most_common(1)[0][0] if found else _prefix(slug)
    numbers = [int(m["number"]) for m in found if m["prefix"] == prefix]
    width = max((len(m["number"]) for m in found if m["prefix"] == prefix), default=2)
    number = max(numbers, default=0) + 1
    while f"{prefix}{number:0{width}d}" in used:
        number += 1
    return f"{prefix}{number:0{width}d}"


def _prefix(slug: str) -> str:
    """An ID prefix for a phase without standards: initials, or its first three letters."""
    words = [w for w in slug.split("-") if w]
    prefix = "".join(w[0] for w in words) if len(words) > 1 else slug[:3]
    prefix = re.sub(r"[^A-Z0-9]", "", prefix.upper()) or "STD"
    return (prefix if prefix[0].isalpha() else "S" + prefix) + "-"


def _standard_yaml(
    standard_id: str, step: str | None, owner: str, languages: Languages, today: date
) -> list[str]:
    lines = [f"- id: {standard_id}"]
    if step is not None:
        lines.append(f"  step: {step}")
    lines += [
        "  type: personal  # personal | product | procedure",
        "  level: basic  # basic | expected | exclusive",
        f"  owner: {owner}",
        f"  last_reviewed: {today.isoformat()}",
        "  text:",
        *_empty_text(languages, 4),
        "  check:",
        *_empty_text(languages, 4),
    ]
    assert re.match(STANDARD_ID_PATTERN, standard_id)
    return lines


def _insert(text: str, item: list[str], step: str | None) -> str:
    """``text`` with ``item`` after the last standard of ``step`` (or the last one)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node = _value(root, "standards")
    if isinstance(node, yaml.SequenceNode) and node.flow_style and node.value:
        raise NewRefused("'standards' is written as [...]; write it as a list of '- id:' items")
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        start, end = node.start_mark.index, node.end_mark.index  # standards: (nothing)
        body = "".join(f"  {line}\n" for line in item)
        return text[:start].rstrip(" ") + "\n" + body + text[end:].lstrip("\n")
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        body = "".join(f"  {line}\n" for line in item)
        if isinstance(node, yaml.SequenceNode):  # standards: []
            start, end = node.start_mark.index, node.end_mark.index
            return text[:start].rstrip(" ") + "\n" + body + text[end:].lstrip("\n")
        return text.rstrip("\n") + "\nstandards:\n" + body
    items = node.value
    of_step = [i for i in items if step is not None and _scalar(_value(i, "step")) == step]
    after = (of_step or items)[-1]
    indent = " " * max(after.start_mark.column - 2, 0)
    end = end_of_lines(text, after.end_mark.index)
    head = text[:end] if text[:end].endswith("\n") else text[:end] + "\n"
    return head + "".join(f"{indent}{line}\n" for line in item) + text[end:]


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key and isinstance(v, yaml.Node):
                return v
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _phase_data(standards: Path) -> dict[Path, dict[str, Any]]:
    """Each phase file's data as far as it parses; a broken file counts as empty."""
    found: dict[Path, dict[str, Any]] = {}
    for path in phase_files(standards):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            data = None
        found[path] = data if isinstance(data, dict) else {}
    return found


def _standards(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in data.get("standards") or [] if isinstance(s, dict)]


def _likely_owner(standards: Path, data: dict[str, Any]) -> str:
    """The owner of the phase's last standard, else the vocabulary's first owner role."""
    owned = [s.get("owner") for s in _standards(data) if isinstance(s.get("owner"), str)]
    if owned:
        return str(owned[-1])
    try:
        vocabulary = yaml.safe_load((standards / VOCABULARY_FILE).read_text(encoding="utf-8"))
        return str(next(iter(vocabulary["owners"])))
    except (OSError, yaml.YAMLError, KeyError, TypeError, StopIteration):
        return "owner"
