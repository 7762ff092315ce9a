"""The loader turns the fixtures' data into the typed model."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from handbook.model import Level, StandardType, fingerprint
from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_policy

POLICY = hotel_policy()
FIXTURE = Path(__file__).parent / "fixtures" / "small"
CHECKER_BASE = Path(__file__).parent / "checker" / "base"


def test_fixture_loads_into_typed_model() -> None:
    result = load_handbook(FIXTURE, POLICY, HOTEL_LANGUAGES)
    assert result.errors == []
    handbook = result.handbook
    assert handbook is not None
    assert [p.slug for p in handbook.phases] == ["principles", "check-in"]
    assert [p.slug for p in handbook.sequence] == ["check-in"]
    chk = handbook.phase("check-in").standards[0]
    assert (chk.id, chk.type, chk.level) == ("CHK-01", StandardType.PERSONAL, Level.EXPECTED)
    assert chk.last_reviewed == date(2026, 10, 1)
    assert chk.review_months == 12
    assert chk.text.get("pl") == "Przywitaj gościa w ciągu 30 sekund."


def test_missing_translations_are_warnings_not_errors() -> None:
    result = load_handbook(FIXTURE, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None
    messages = [str(p) for p in result.warnings]
    assert (
        "tests/fixtures/small/check-in.yaml:24:11: warning: 'text' has no Polish (pl) "
        "translation; the English text is shown there until it is added"
    ) in messages


def test_hotel_fixture_uses_every_type_and_level_in_every_phase(standards_dir: Path) -> None:
    result = load_handbook(standards_dir, POLICY, HOTEL_LANGUAGES)
    assert result.errors == []
    assert result.handbook is not None
    assert [p.slug for p in result.handbook.sequence] == [
        "reservation",
        "check-in",
        "stay",
        "check-out",
    ]
    for phase in result.handbook.phases:
        assert {s.type for s in phase.standards} == set(StandardType), phase.slug
        assert {s.level for s in phase.standards} == set(Level), phase.slug
        for standard in phase.standards:
            for text in (standard.text, standard.check):
                assert all(text.has(language) for language in LANGUAGES), standard.id


def test_an_id_used_in_three_files_is_reported_once_at_every_place(tmp_path: Path) -> None:
    """Each repeat names the first place, and the first place names each repeat."""
    shutil.copytree(CHECKER_BASE, tmp_path, dirs_exist_ok=True)
    base = (tmp_path / "base.yaml").read_text(encoding="utf-8")
    for order, name in ((2, "later"), (3, "last")):
        copy = base.replace("phase: base", f"phase: {name}").replace("order: 1", f"order: {order}")
        (tmp_path / f"{name}.yaml").write_text(copy, encoding="utf-8")
    result = load_handbook(tmp_path, POLICY, HOTEL_LANGUAGES)
    folder = tmp_path.as_posix()
    rule = "IDs must be unique across the handbook"
    assert result.handbook is None
    assert [str(p) for p in result.problems] == [
        f"{folder}/base.yaml:12:9: error: standard ID 'BAS-01' is used again at "
        f"{folder}/last.yaml:12; {rule}",
        f"{folder}/base.yaml:12:9: error: standard ID 'BAS-01' is used again at "
        f"{folder}/later.yaml:12; {rule}",
        f"{folder}/last.yaml:12:9: error: standard ID 'BAS-01' is already used at "
        f"{folder}/base.yaml:12; {rule}",
        f"{folder}/later.yaml:12:9: error: standard ID 'BAS-01' is already used at "
        f"{folder}/base.yaml:12; {rule}",
    ]


def test_fingerprint_ignores_line_wrapping() -> None:
    assert fingerprint("Greet the\n  guest.") == fingerprint("Greet the guest.")
    assert fingerprint("Greet the guest.") != fingerprint("Greet every guest.")
