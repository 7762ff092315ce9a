"""Hostile handbooks: the small fixture with attack strings in every kind of text field.

Each attack gets its own phase, so a failure names the attack: the phase title and
summary, its step title, the quality and owner names it uses, and the text and check of its
standard all hold the attack string, identical in English, Polish and Arabic. Each attack
also gets an audit kind of that name and an audit whose auditor, location and note are the
attack (``write_hostile_audits``).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.model import Handbook, Level, Phase, Standard, StandardType, Step, Text, Vocabulary
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_labels
from tests.security.attacks import Attack

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "small"
REVIEWED = date(2026, 10, 1)


def slug(number: int) -> str:
    return f"attack-{number:02d}"


def standard_id(number: int) -> str:
    return f"ATK-{number:02d}"


def _all_languages(text: str) -> dict[str, str]:
    return dict.fromkeys(LANGUAGES, text)


def _phase_data(number: int, attack: Attack) -> dict[str, Any]:
    """One phase file whose every text field is the attack."""
    return {
        "phase": slug(number),
        "order": 100 + number,
        "title": _all_languages(attack.text),
        "summary": _all_languages(attack.text),
        "steps": [
            {"id": "step", "title": _all_languages(attack.text), "qualities": [slug(number)]}
        ],
        "standards": [
            {
                "id": standard_id(number),
                "step": "step",
                "type": "personal",
                "level": "expected",
                "owner": slug(number),
                "last_reviewed": REVIEWED.isoformat(),
                "text": _all_languages(attack.text),
                "check": _all_languages(attack.text),
            }
        ],
    }


def _dump(data: Any, path: Path) -> None:
    """YAML that reads back to exactly ``data``: PyYAML escapes what needs escaping."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    path.write_text(text, encoding="utf-8")


def write_hostile_standards(target: Path, attacks: Sequence[Attack]) -> Path:
    """A copy of the small fixture plus one phase per attack; returns the folder."""
    shutil.copytree(SMALL, target)
    vocabulary_file = target / "vocabulary.yaml"
    vocabulary = yaml.safe_load(vocabulary_file.read_text(encoding="utf-8"))
    for number, attack in enumerate(attacks, 1):
        vocabulary["qualities"][slug(number)] = _all_languages(attack.text)
        vocabulary["owners"][slug(number)] = _all_languages(attack.text)
        vocabulary.setdefault("audit_kinds", {})[slug(number)] = _all_languages(attack.text)
        _dump(_phase_data(number, attack), target / f"{slug(number)}.yaml")
    _dump(vocabulary, vocabulary_file)
    return target


def write_hostile_audits(target: Path, attacks: Sequence[Attack]) -> Path:
    """One audit per attack, of the attack's own kind, failing its standard; the folder."""
    target.mkdir(parents=True)
    for number, attack in enumerate(attacks, 1):
        audit = {
            "date": REVIEWED.isoformat(),
            "kind": slug(number),
            "auditor": attack.text,
            "location": attack.text,
            "results": [{"standard": standard_id(number), "result": "fail", "note": attack.text}],
        }
        _dump(audit, target / f"{slug(number)}.yaml")
    return target


def hostile_model(attacks: Sequence[Attack]) -> Handbook:
    """The same handbook as :func:`write_hostile_standards`, built in Python without the
    checker, so strings the checker refuses reach the renderers too (defence in depth)."""
    phases: list[Phase] = []
    qualities: dict[str, Text] = {}
    owners: dict[str, Text] = {}
    for number, attack in enumerate(attacks, 1):
        text = Text(_all_languages(attack.text), "en")
        qualities[slug(number)] = text
        owners[slug(number)] = text
        standard = Standard(
            id=standard_id(number),
            phase=slug(number),
            step="step",
            type=StandardType.PERSONAL,
            level=Level.EXPECTED,
            owner=slug(number),
            last_reviewed=REVIEWED,
            review_months=12,
            text=text,
            check=text,
        )
        step = Step("step", text, (slug(number),))
        phases.append(
            Phase(slug(number), number, text, text, (step,), (standard,), f"{slug(number)}.yaml")
        )
    return Handbook(tuple(phases), Vocabulary(qualities, owners), hotel_labels(), HOTEL_LANGUAGES)
