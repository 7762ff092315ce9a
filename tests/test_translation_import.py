"""``handbook translations import``: a translator's file back into the YAML, and only that.

Files are exported by the command itself, edited the way Poedit or a CAT tool would (polib
for PO, ElementTree for XLIFF), and imported into a copy of the hotel fixture.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import polib
import pytest
import yaml

from handbook.model import fingerprint
from handbook.tools.cli import main
from tests.security.attacks import ACCEPTED, REFUSED

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture
def project(hotel_here: Path) -> Path:
    return hotel_here


def standards_bytes(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "standards").glob("*.yaml"))}


def exported(language: str = "pl", file_format: str = "po") -> Path:
    target = Path(f"{language}.{'po' if file_format == 'po' else 'xlf'}")
    command = ["translations", "export", "--language", language, "--format", file_format]
    assert main([*command, "-o", str(target)]) == 0
    return target


def translate_unit(xliff: Path, unit_id: str, text: str) -> Path:
    """Set the target of one unit of an XLIFF file, as a CAT tool would, and save it."""
    ET.register_namespace("", XLIFF[1:-1])
    tree = ET.parse(xliff)
    target = tree.find(f".//{XLIFF}trans-unit[@id='{unit_id}']/{XLIFF}target")
    assert target is not None, unit_id
    target.text = text
    tree.write(xliff, encoding="utf-8", xml_declaration=True)
    return xliff


def imported(path: Path, capsys: pytest.CaptureFixture[str], code: int = 0) -> str:
    capsys.readouterr()
    assert main(["translations", "import", str(path)]) == code
    return capsys.readouterr().out


def load(project: Path, name: str) -> Any:
    return yaml.safe_load((project / "standards" / name).read_text(encoding="utf-8"))


def standard(project: Path, phase: str, standard_id: str) -> Any:
    return next(s for s in load(project, f"{phase}.yaml")["standards"] if s["id"] == standard_id)


@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_an_untouched_export_imports_to_the_same_bytes(
    project: Path, capsys: pytest.CaptureFixture[str], file_format: str
) -> None:
    before = standards_bytes(project)
    for language in ("pl", "ar"):
        out = imported(exported(language, file_format), capsys)
        assert out.startswith("nothing to import from ")
    assert standards_bytes(project) == before


def test_two_texts_edited_and_one_left_fuzzy_change_exactly_those_lines_and_stamps(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_in = project / "standards/check-in.yaml"
    vocabulary = project / "standards/vocabulary.yaml"
    source = check_in.read_text(encoding="utf-8")
    old = "Guests are greeted within 30 seconds"
    check_in.write_text(source.replace(old, "Guests are greeted within 20 seconds"), "utf-8")
    vocabulary.write_text(
        vocabulary.read_text("utf-8").replace("calm: {en: Calm,", "calm: {en: Composed,"), "utf-8"
    )
    before = {path: path.read_text("utf-8") for path in (check_in, vocabulary)}
    po_file = exported()
    po = polib.pofile(str(po_file))
    new_check = "Recepcjonista wita gości w ciągu 20 sekund, także gdy jest zajęty."
    for entry in po:
        if entry.msgctxt == "CHK-01.check":  # outdated: translated anew and confirmed
            assert entry.fuzzy
            entry.msgstr = new_check
            entry.flags.remove("fuzzy")
        elif entry.msgctxt == "vocabulary.qualities.calm":  # outdated: a draft, left fuzzy
            assert entry.fuzzy
            entry.msgstr = "Opanowanie"
    po.save(str(po_file))
    out = imported(po_file, capsys)
    assert out.splitlines()[-1] == (
        "imported 2 texts (1 marked as translated from the current source text) into "
        "standards/check-in.yaml, standards/vocabulary.yaml"
    )
    chk = standard(project, "check-in", "CHK-01")
    assert chk["check"]["pl"] == new_check
    assert chk["check"]["based_on"]["pl"] == fingerprint(chk["check"]["en"])  # current now
    calm = load(project, "vocabulary.yaml")["qualities"]["calm"]
    assert calm["pl"] == "Opanowanie"
    assert calm["based_on"]["pl"] != fingerprint("Composed")  # still outdated, as it was
    # the data: exactly the two translations and one fingerprint changed
    expected = yaml.safe_load(before[check_in])
    chk_before = next(s for s in expected["standards"] if s["id"] == "CHK-01")
    chk_before["check"]["pl"] = new_check
    chk_before["check"]["based_on"]["pl"] = fingerprint(chk_before["check"]["en"])
    assert yaml.safe_load(check_in.read_text("utf-8")) == expected
    expected = yaml.safe_load(before[vocabulary])
    expected["qualities"]["calm"]["pl"] = "Opanowanie"
    assert yaml.safe_load(vocabulary.read_text("utf-8")) == expected
    # the text: only lines of CHK-01's check changed, and only the line of calm
    assert changed_lines(before[check_in], check_in) <= set(
        range(*block_of(before[check_in], "  - id: CHK-01", "  - id: CHK-02"))
    )
    start, end = block_of(check_in.read_text("utf-8"), "  - id: CHK-01", "  - id: CHK-02")
    block = check_in.read_text("utf-8").splitlines()[start:end]
    assert block.count("      pl: >-") == 2  # the new check folded like the text above it
    calm_line = next(n for n, line in enumerate(before[vocabulary].splitlines()) if "calm:" in line)
    assert changed_lines(before[vocabulary], vocabulary) == {calm_line}
    assert main(["check"]) == 0


def changed_lines(before: str, path: Path) -> set[int]:
    """The indexes of ``before``'s lines that ``path`` no longer has as they were."""
    matcher = difflib.SequenceMatcher(
        None, before.splitlines(), path.read_text("utf-8").splitlines()
    )
    return {n for tag, a, b, _, _ in matcher.get_opcodes() if tag != "equal" for n in range(a, b)}


def block_of(text: str, first: str, next_one: str) -> tuple[int, int]:
    lines = text.splitlines()
    return lines.index(first), lines.index(next_one)


def test_a_missing_translation_is_added_and_marked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vocabulary = project / "standards/vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text("utf-8").replace("pl: Życzliwość, ", ""), "utf-8")
    imported(translate_many(exported(), {"vocabulary.qualities.friendly": "Życzliwość"}), capsys)
    friendly = load(project, "vocabulary.yaml")["qualities"]["friendly"]
    assert friendly["pl"] == "Życzliwość"
    assert friendly["based_on"]["pl"] == fingerprint("Friendly")


def test_an_xliff_file_imports_its_edited_unit(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xliff = translate_unit(exported("ar", "xliff"), "vocabulary.qualities.calm", "السكينة")
    out = imported(xliff, capsys)
    assert "vocabulary.qualities.calm" in out
    assert load(project, "vocabulary.yaml")["qualities"]["calm"]["ar"] == "السكينة"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda e: setattr(e, "msgid", e.msgid + " now"),
            "the English of 'vocabulary.qualities.friendly' changed since the export; "
            "export again and translate the current text",
        ),
        (
            lambda e: setattr(e, "msgctxt", "vocabulary.qualities.kind"),
            "no text of the handbook has the context 'vocabulary.qualities.kind' (renamed or "
            "removed since the export?); export again and copy the translation over",
        ),
    ],
    ids=["source-changed", "unknown-context"],
)
def test_an_entry_that_no_longer_fits_is_refused_with_its_line_and_nothing_changes(
    project: Path, capsys: pytest.CaptureFixture[str], edit: object, message: str
) -> None:
    po_file = exported()
    po = polib.pofile(str(po_file))
    entry = next(e for e in po if e.msgctxt == "vocabulary.qualities.friendly")
    entry.msgstr = "Serdeczność"
    edit(entry)  # type: ignore[operator]
    po.save(str(po_file))
    line = next(
        n
        for n, text in enumerate(po_file.read_text("utf-8").splitlines(), 1)
        if text.startswith("msgid") and "Friendly" in text
    )
    before = standards_bytes(project)
    out = imported(po_file, capsys, code=1)
    assert out.splitlines()[0] == f"pl.po:{line}:1: error: {message}"
    assert out.splitlines()[-1] == "nothing was imported"
    assert standards_bytes(project) == before


def test_a_language_the_handbook_does_not_have_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = exported()
    po = polib.pofile(str(po_file))
    po.metadata["Language"] = "de"
    po.save(str(po_file))
    out = imported(po_file, capsys, code=1)
    assert (
        "is a translation into 'de', which this handbook does not have; its translations: pl, ar"
        in out
    )


def test_a_changed_count_writes_just_the_changed_form(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = exported()
    po = polib.pofile(str(po_file))
    entry = next(e for e in po if e.msgctxt == "labels.standards_count")
    entry.msgstr_plural[1] = "{count} standardy hotelu"  # Polish "few"
    po.save(str(po_file))
    labels = project / "standards/labels.yaml"
    before = labels.read_text("utf-8")
    imported(po_file, capsys)
    counts = load(project, "labels.yaml")["standards_count"]["pl"]
    assert counts["few"] == "{count} standardy hotelu"
    old = next(line for line in before.splitlines() if "{count} standardy" in line)
    new = old.replace('few: "{count} standardy"', 'few: "{count} standardy hotelu"')
    assert labels.read_text("utf-8") == before.replace(old, new)


def test_an_xliff_count_form_is_imported_by_its_category(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xliff = translate_unit(exported("ar", "xliff"), "labels.standards_count[two]", "معياران اثنان")
    imported(xliff, capsys)
    assert load(project, "labels.yaml")["standards_count"]["ar"]["two"] == "معياران اثنان"
    assert main(["check"]) == 0


def scalar_contexts(po_file: Path) -> list[str]:
    """The contexts of the standards' texts and checks and of the vocabulary's names."""
    po = polib.pofile(str(po_file))
    return [
        e.msgctxt
        for e in po
        if e.msgctxt.startswith("vocabulary.") or e.msgctxt.endswith((".text", ".check"))
    ]


def translate_many(po_file: Path, texts: dict[str, str]) -> Path:
    po = polib.pofile(str(po_file))
    for entry in po:
        if entry.msgctxt in texts:
            entry.msgstr = texts[entry.msgctxt]
    po.save(str(po_file))
    return po_file


def test_every_translation_the_checker_refuses_is_refused_at_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = exported()
    contexts = scalar_contexts(po_file)
    assert len(contexts) >= len(REFUSED)
    given = dict(zip(contexts, (attack.text for attack in REFUSED), strict=False))
    before = standards_bytes(project)
    out = imported(translate_many(po_file, given), capsys, code=1)
    for context, attack in zip(contexts, REFUSED, strict=False):
        for fault in attack.faults:
            assert f"the translation of '{context}' {fault}" in out, attack.kind
    assert standards_bytes(project) == before


def test_every_hostile_but_allowed_translation_is_written_exactly(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = exported()
    contexts = scalar_contexts(po_file)
    assert len(contexts) >= len(ACCEPTED)
    given = dict(zip(contexts, (attack.text for attack in ACCEPTED), strict=False))
    imported(translate_many(po_file, given), capsys)
    check = polib.pofile(str(exported()))  # read back through the YAML
    found = {e.msgctxt: e.msgstr for e in check}
    assert {context: found[context] for context in given} == given
    assert main(["check"]) == 0


def test_a_label_that_loses_its_slot_is_refused_by_the_checker(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = exported()
    before = standards_bytes(project)
    out = imported(translate_many(po_file, {"labels.as_of": "stan na dziś"}), capsys, code=1)
    line = next(
        n
        for n, text in enumerate(po_file.read_text("utf-8").splitlines(), 1)
        if text == 'msgctxt "labels.as_of"'
    )
    first = out.splitlines()[0]
    assert first.startswith(f"pl.po:{line + 1}:1: error: the translation of 'labels.as_of' would ")
    assert "standards/labels.yaml:" in first  # and where it would land
    assert first.endswith("the Polish 'as_of' must contain {date} and no other {…}")
    assert standards_bytes(project) == before


@pytest.mark.parametrize(
    ("broken", "good"),
    [
        ('msgstr "Kontakt osobisty', 'msgstr "Kontakt osobisty"'),
        ('msgstr "Kontakt\\q osobisty"', 'msgstr "Kontakt osobisty"'),
    ],
    ids=["unclosed-quote", "unknown-escape"],
)
def test_a_po_line_a_tool_would_misread_is_refused_with_its_line(
    project: Path, capsys: pytest.CaptureFixture[str], broken: str, good: str
) -> None:
    po_file = exported()
    lines = po_file.read_text("utf-8").splitlines()
    number = lines.index(good) + 1
    lines[number - 1] = broken
    po_file.write_text("\n".join(lines) + "\n", "utf-8")
    before = standards_bytes(project)
    out = imported(po_file, capsys, code=1)
    assert out.startswith(f"pl.po:{number}:1: error: this line of the PO file is not a keyword")
    assert standards_bytes(project) == before
