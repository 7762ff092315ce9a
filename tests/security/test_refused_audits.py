"""Strings the checker refuses, in the audit fields: each reported where it stands.

The checker, not a build: ``test_refused.py`` shows that a refused string stops the build
with the checker's messages; this shows that the audit fields give those messages too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, hotel_policy
from tests.security.attacks import REFUSED, Attack

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "small"
FIELDS = (("auditor", 3, 10), ("location", 4, 11), ("note", 8, 11))
"""Each text field of an audit file below, with the line and column of its value."""


def audit_file(attack: Attack) -> str:
    text = json.dumps(attack.text)
    return (
        "date: 2026-10-01\n"
        "kind: internal\n"
        f"auditor: {text}\n"
        f"location: {text}\n"
        "results:\n"
        "  - standard: CHK-01\n"
        "    result: fail\n"
        f"    note: {text}\n"
    )


@pytest.mark.parametrize("attack", REFUSED, ids=lambda a: a.why)
def test_each_audit_field_reports_a_refused_string(
    attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    standards = tmp_path / "standards"
    shutil.copytree(SMALL, standards)
    vocabulary = standards / "vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8") + "audit_kinds:\n  internal: {en: Internal}\n",
        encoding="utf-8",
    )
    (tmp_path / "audits").mkdir()
    (tmp_path / "audits" / "refused.yaml").write_text(audit_file(attack), encoding="utf-8")
    result = load_handbook(standards, hotel_policy(), HOTEL_LANGUAGES, audits=tmp_path / "audits")
    reported = [str(p) for p in result.problems if p.path == "audits/refused.yaml"]
    assert reported == [
        f"audits/refused.yaml:{line}:{column}: error: '{name}' {fault}"
        for name, line, column in FIELDS
        for fault in attack.faults
    ]
