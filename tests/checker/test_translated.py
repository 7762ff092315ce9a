"""``handbook translated`` records the English a translation came from, and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from handbook.model import fingerprint
from handbook.reading.glossary import GLOSSARY_FILE
from handbook.reading.labels import LABELS_FILE
from handbook.reading.loader import load_handbook
from handbook.tools.cli import main
from handbook.tools.marking import mark_text
from tests.checker.project import add_config
from tests.hotel import HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import HOTEL

POLICY = hotel_policy()
BLOCK_LINE = re.compile(r'^ +based_on: \{(pl|ar): "[0-9a-f]{8}"(, (pl|ar): "[0-9a-f]{8}")?\}\r?$')
FLOW_ENTRY = re.compile(r', based_on: \{(pl|ar): "[0-9a-f]{8}"(, (pl|ar): "[0-9a-f]{8}")?\}')

BLOCK = """\
# A comment the editor wrote
text:
  en: >-
    Greet every
    guest.   # not a comment: part of the folded text
  pl: >-
    Przywitaj
    gościa.

  # the next standard
other: {en: Water., pl: Woda., ar: ماء.}
"""


def without_marks(text: str) -> str:
    """``text`` with every fingerprint this command adds taken out again."""
    lines = [line for line in text.splitlines(keepends=True) if not BLOCK_LINE.match(line)]
    return FLOW_ENTRY.sub("", "".join(lines))


def test_block_and_flow_texts_get_fingerprints_and_nothing_else_changes() -> None:
    marking = mark_text(BLOCK, "x.yaml", HOTEL_LANGUAGES, ["pl", "ar"], [])
    assert marking.problems == ()
    english = fingerprint("Greet every guest.   # not a comment: part of the folded text")
    water = fingerprint("Water.")
    assert marking.text == BLOCK.replace(
        "    gościa.\n", f'    gościa.\n  based_on: {{pl: "{english}"}}\n'
    ).replace(
        "ar: ماء.}",
        f'ar: ماء., based_on: {{pl: "{water}", ar: "{water}"}}}}',
    )
    assert [(m.site.field, m.languages) for m in marking.marked] == [
        ("text", ("pl",)),
        ("other", ("pl", "ar")),
    ]


def test_an_existing_fingerprint_is_updated_in_place() -> None:
    text = "t:\n  en: New English.\n  pl: Nowy.\n  based_on:\n    pl: 0badf00d  # old\n"
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["pl"], [])
    assert marking.text == text.replace("0badf00d", f'"{fingerprint("New English.")}"')


def test_only_the_language_and_id_asked_for() -> None:
    text = (
        "standards:\n"
        "  - id: A-01\n    text: {en: One., pl: Jeden., ar: واحد.}\n"
        "  - id: B-01\n    text: {en: Two., pl: Dwa., ar: اثنان.}\n"
    )
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["ar"], ["B-01"])
    assert marking.text == text.replace(
        "ar: اثنان.}", f'ar: اثنان., based_on: {{ar: "{fingerprint("Two.")}"}}}}'
    )


def test_an_unknown_id_changes_nothing_and_lists_the_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("- id: A-01\n  text: {en: One., pl: Jeden.}\n", encoding="utf-8")
    add_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["translated", "x.yaml", "--id", "A-1"]) == 1
    assert capsys.readouterr().out == (
        "x.yaml:1:1: error: no text belongs to A-1 in this file; --id accepts: A-01\n"
        "checked 1 file: 1 error, 0 warnings\n"
    )
    assert path.read_text(encoding="utf-8") == "- id: A-01\n  text: {en: One., pl: Jeden.}\n"


def test_a_missing_translation_is_not_marked() -> None:
    marking = mark_text("t: {en: One.}\n", "x.yaml", HOTEL_LANGUAGES, ["pl", "ar"], [])
    assert (marking.text, marking.marked) == ("t: {en: One.}\n", ())


def test_bom_and_crlf_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbft:\r\n  en: One.\r\n  pl: Jeden.\r\n")
    add_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["translated", "x.yaml"]) == 0
    assert path.read_bytes() == (
        b"\xef\xbb\xbft:\r\n  en: One.\r\n  pl: Jeden.\r\n"
        + f'  based_on: {{pl: "{fingerprint("One.")}"}}\r\n'.encode()
    )


def test_a_text_after_a_byte_order_mark_is_edited_at_its_own_place() -> None:
    """libyaml, which reads files for the checker, does not count a byte-order mark; the
    edits are made where PyYAML's own parser places the nodes, in the text as given."""
    text = "\ufefft: {en: One., pl: Jeden., based_on: {pl: 0badf00d}}\nu:\n  en: Two.\n  pl: Dwa.\n"
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["pl"], [])
    assert marking.problems == ()
    assert marking.text == text.replace("0badf00d", f'"{fingerprint("One.")}"') + (
        f'  based_on: {{pl: "{fingerprint("Two.")}"}}\n'
    )


def test_a_based_on_of_any_style_is_completed_in_its_own_style() -> None:
    """An empty flow map gets the entry inside its braces, a block map a line of its own."""
    text = (
        "a:\n  en: One.\n  pl: Jeden.\n  based_on: {}\n"
        "b:\n  en: Two.\n  pl: Dwa.\n  based_on:\n    ar: 0badf00d\n"
    )
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["pl"], [])
    assert marking.text == text.replace("{}", f'{{pl: "{fingerprint("One.")}"}}').replace(
        "ar: 0badf00d\n", f'ar: 0badf00d\n    pl: "{fingerprint("Two.")}"\n'
    )


def test_a_based_on_that_is_no_map_of_fingerprints_is_refused() -> None:
    text = "t:\n  en: One.\n  pl: Jeden.\n  based_on: {pl: [0badf00d]}\n"
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["pl"], [])
    assert marking.text == text
    assert [str(p) for p in marking.problems] == [
        "x.yaml:2:3: error: 'based_on' of 't' of t is not in the form "
        "{pl: 1a2b3c4d, ar: 5e6f7a8b}; correct or delete it, then mark again"
    ]


def test_a_broken_file_is_not_touched() -> None:
    text = "t: {en: One., pl: Jeden.}\nt: {en: Two.}\n"
    marking = mark_text(text, "x.yaml", HOTEL_LANGUAGES, ["pl"], [])
    assert marking.text == text
    assert [str(p) for p in marking.problems] == [
        "x.yaml:2:1: error: duplicate key 't': it is already set on line 1; YAML would keep "
        "only this one and lose the other. Keep one of them"
    ]


def test_the_whole_hotel_fixture_can_be_marked_and_then_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unmarked, then marked again, every file comes back as it was: every translation of the
    fixture records the current English (labels.yaml only gets its first fingerprints). Then
    change one English text: exactly its two translations are outdated."""
    standards = tmp_path / "standards"
    shutil.copytree(HOTEL / "standards", standards)
    add_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    for path in sorted(standards.glob("*.yaml")):
        if path.name == GLOSSARY_FILE:
            continue  # words per language, not translations of one text: nothing to mark
        marked = path.read_text(encoding="utf-8")
        before = without_marks(marked)
        path.write_text(before, encoding="utf-8")
        assert main(["translated", f"standards/{path.name}"]) == 0, capsys.readouterr().out
        after = path.read_text(encoding="utf-8")
        assert after != before, path.name
        if path.name != LABELS_FILE:  # the fixture's labels.yaml records no fingerprints yet
            assert after == marked, path.name
    result = load_handbook(standards, POLICY, HOTEL_LANGUAGES)
    assert result.problems == []
    assert result.handbook is not None

    check_in = standards / "check-in.yaml"
    text = check_in.read_text(encoding="utf-8")
    standard = result.handbook.phase("check-in").standards[0]
    english = standard.text.source.split()[0:3]
    changed = text.replace(" ".join(english), " ".join(english) + " always", 1)
    check_in.write_text(changed, encoding="utf-8")
    warned = load_handbook(standards, POLICY, HOTEL_LANGUAGES)
    assert [p.severity.value for p in warned.problems] == ["warning", "warning"]
    assert all(f"'text' of {standard.id} was translated" in p.message for p in warned.problems)

    capsys.readouterr()
    assert main(["translated", "standards/check-in.yaml", "--id", standard.id]) == 0
    assert capsys.readouterr().out.endswith("marked 2 translations in standards/check-in.yaml\n")
    assert load_handbook(standards, POLICY, HOTEL_LANGUAGES).problems == []
