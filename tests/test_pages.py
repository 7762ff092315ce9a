"""Every phase has its page, and every phase page names a phase: checked before rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.reading.pages import phase_page_problems
from tests.hotel import HOTEL_LANGUAGES, hotel_policy

FIXTURE = Path(__file__).parent / "fixtures" / "small"


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(FIXTURE, hotel_policy(), HOTEL_LANGUAGES)
    assert result.handbook is not None
    return result.handbook


def test_complete_pages_give_no_problem(handbook: Handbook, tmp_path: Path) -> None:
    for slug in ("principles", "check-in"):
        (tmp_path / f"{slug}.md").write_text(f'{{{{ phase_content("{slug}") }}}}\n')
    assert phase_page_problems(handbook, tmp_path) == []


def test_a_phase_without_a_page_and_a_page_without_a_phase(
    handbook: Handbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "principles.md").write_text('{{ phase_content("principles") }}\n')
    (tmp_path / "chek-in.md").write_text('# Check-in\n\n  {{ phase_content("chek-in") }}\n')
    messages = [str(p) for p in phase_page_problems(handbook, tmp_path)]
    assert messages == [
        "tests/fixtures/small/check-in.yaml:1:1: error: the phase has no page; create "
        'check-in.md containing the line {{ phase_content("check-in") }}',
        "chek-in.md:3:6: error: phase_content names the phase 'chek-in', which has no file "
        "in the standards; use one of: check-in, principles",
    ]
