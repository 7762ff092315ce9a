"""Strings the checker refuses stop the build with the checker's message, never a traceback.

The refused corpus is written into one phase file, each string in a different field and
language, one value per line, so every expected message has a known line and column.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook.model.languages import english_name
from tests.security.attacks import REFUSED, Attack
from tests.sitebuild import mkdocs_build, project_copy

pytestmark = pytest.mark.build

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "small"
SHOWN_AS = "standards/refused.yaml"
FINE = {"en": "A plain sentence.", "pl": "Zwykłe zdanie.", "ar": "جملة عادية."}
SLOTS = [("text", "en"), ("check", "pl"), ("text", "ar"), ("check", "en"), ("text", "pl")]
INDENT = "      "


class _Writer:
    """Writes the phase file line by line and remembers where each attack went."""

    def __init__(self) -> None:
        self.lines = [
            "# Every attack below is refused by the checker; test_refused.py asserts the exact",
            "# message, at the line and column of the value.",
            "phase: refused",
            "order: 50",
            "summary: {en: Refused strings., pl: Odrzucone teksty., ar: نصوص مرفوضة.}",
        ]
        self.expected: list[str] = []

    def text_field(self, name: str, indent: str, attack: Attack | None, language: str) -> None:
        """``name:`` then one line per language; ``attack`` replaces ``language``'s text."""
        self.lines.append(f"{indent[:-2]}{name}:")
        for code, fine in FINE.items():
            value = attack.text if attack is not None and code == language else fine
            self.lines.append(f"{indent}{code}: {json.dumps(value)}")
            if attack is not None and code == language:
                self.expected += [
                    f"{SHOWN_AS}:{len(self.lines)}:{len(indent) + len(code) + 3}: error: "
                    f"the {english_name(code)} '{name}' {fault}"
                    for fault in attack.faults
                ]


def refused_phase(attacks: tuple[Attack, ...]) -> tuple[str, list[str]]:
    """The YAML text and the checker's messages it must produce, in file order."""
    writer = _Writer()
    writer.text_field("title", "  ", attacks[0], "ar")
    writer.lines += ["steps:", "  - id: step", "    qualities: [friendly]"]
    writer.text_field("title", "      ", attacks[1], "pl")
    writer.lines.append("standards:")
    for number, attack in enumerate(attacks[2:], 1):
        writer.lines += [
            f"  - id: BAD-{number:02d}",
            "    step: step",
            "    type: personal",
            "    level: basic",
            "    owner: front-office-manager",
            "    last_reviewed: 2026-01-01",
        ]
        field, language = SLOTS[number % len(SLOTS)]
        for name in ("text", "check"):
            writer.text_field(name, INDENT, attack if name == field else None, language)
    return "\n".join(writer.lines) + "\n", writer.expected


def test_refused_strings_fail_the_build_with_every_message_and_no_traceback(
    tmp_path: Path,
) -> None:
    standards = tmp_path / "data"
    shutil.copytree(SMALL, standards)
    text, expected = refused_phase(REFUSED)
    (standards / "refused.yaml").write_text(text, encoding="utf-8")
    result = mkdocs_build(project_copy(tmp_path / "project", standards), strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = [line.strip() for line in output.splitlines() if f"{SHOWN_AS}:" in line]
    assert reported == expected
    assert not (tmp_path / "project" / "site" / "index.html").exists()
