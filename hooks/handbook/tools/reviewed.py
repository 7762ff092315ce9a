"""``handbook reviewed``: record that an owner reviewed standards, and change nothing else.

The owner names the standards by ID; each one's ``last_reviewed`` becomes the review day
(today unless given, never later). Every file is edited as text at the date's span, so
comments, quoting and layout stay; the edit is parsed again and written only if each file
holds exactly the same data but the new dates. Either all files are written or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.reading.fields import did_you_mean
from handbook.reading.loader import phase_files
from handbook.reading.problems import display_path
from handbook.reading.yamlsource import Node, parse_yaml
from handbook.tools.files import write_all

LAST_REVIEWED = "last_reviewed"


class ReviewRefused(Exception):
    """Why nothing was written; the message says what to do."""


@dataclass(frozen=True)
class Review:
    """One standard whose review date was set."""

    standard: str
    place: str
    """``standards/check-in.yaml:45``, the line of its ``last_reviewed``."""
    before: str
    """The date it had."""


def mark_reviewed(folder: Path, ids: Sequence[str], day: date, today: date) -> list[Review]:
    """Set ``last_reviewed`` of the standards ``ids`` to ``day`` and save their files."""
    if day > today:
        raise ReviewRefused(
            f"the review date {day.isoformat()} is in the future (today is "
            f"{today.isoformat()}); give the day the review took place"
        )
    texts = {path: _read(path) for path in phase_files(folder)}
    found: dict[str, tuple[Path, Node]] = {}
    for path, text in texts.items():
        root, problems = parse_yaml(text.removeprefix(BOM), display_path(path), for_editing=True)
        if root is None or problems:
            raise ReviewRefused(f"{problems[0] if problems else path}; fix it first")
        found.update({standard_id: (path, node) for standard_id, node in _standards(root)})
    unknown = [wanted for wanted in ids if wanted not in found]
    if unknown:
        hint = did_you_mean(unknown[0], tuple(found))
        raise ReviewRefused(f"no standard has the ID {unknown[0]}; {hint}run: handbook check")
    reviews: list[Review] = []
    edits: dict[Path, list[tuple[int, int]]] = {}
    for standard_id in dict.fromkeys(ids):
        path, node = found[standard_id]
        date_node = _last_reviewed(node, standard_id)
        assert date_node.span is not None  # parsed for editing
        offset = len(BOM) if texts[path].startswith(BOM) else 0  # spans count after it
        edits.setdefault(path, []).append(
            (date_node.span.start + offset, date_node.span.end + offset)
        )
        place = f"{display_path(path)}:{date_node.place.line}"
        reviews.append(Review(standard_id, place, date_node.scalar))
    edited = {path: _replace(texts[path], spans, day.isoformat()) for path, spans in edits.items()}
    for path, text in edited.items():
        _verify(texts[path], text, day, [r.standard for r in reviews], path)
    changed = {path: text.encode("utf-8") for path, text in edited.items() if text != texts[path]}
    try:
        write_all(changed)
    except OSError as error:
        raise ReviewRefused(
            f"cannot write {error.filename}: {error.strerror}; nothing was written"
        ) from error
    return reviews


BOM = "\ufeff"


def _read(path: Path) -> str:
    """The file's text exactly as written: line ends and a byte-order mark kept."""
    return path.read_bytes().decode("utf-8")


def _replace(text: str, spans: list[tuple[int, int]], value: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + value + text[end:]
    return text


def _standards(root: Node) -> list[tuple[str, Node]]:
    standards = next((value for key, _, value in root.entries if key == "standards"), None)
    if standards is None or standards.kind != "seq":
        return []
    found = []
    for item in standards.items:
        standard_id = next((v.scalar for k, _, v in item.entries if k == "id"), None)
        if standard_id:
            found.append((standard_id, item))
    return found


def _last_reviewed(node: Node, standard_id: str) -> Node:
    value = next((v for k, _, v in node.entries if k == LAST_REVIEWED), None)
    if value is None or value.kind == "map" or value.kind == "seq":
        raise ReviewRefused(
            f"{standard_id} has no '{LAST_REVIEWED}: YYYY-MM-DD' to update; run: handbook check"
        )
    return value


def _verify(before: str, after: str, day: date, ids: list[str], path: Path) -> None:
    """The file reads as before but for the new dates, or nothing is written."""
    old, new = yaml.safe_load(before.removeprefix(BOM)), yaml.safe_load(after.removeprefix(BOM))
    for standard in old.get("standards") or []:
        if standard.get("id") in ids:
            standard[LAST_REVIEWED] = day
    if _dates_as_text(old) != _dates_as_text(new):
        raise ReviewRefused(
            f"{display_path(path)}: the date could not be set without changing other text; "
            f"set '{LAST_REVIEWED}' by hand; nothing was written"
        )


def _dates_as_text(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(value) for value in data]
    return data.isoformat() if isinstance(data, date) else data
