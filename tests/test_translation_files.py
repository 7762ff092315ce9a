"""``handbook translations export``: PO and XLIFF files read by the real tools.

The PO files go through gettext's ``msgfmt --check`` and polib's reader, the XLIFF files
through lxml against the OASIS XLIFF 1.2 strict schema (``tests/xliff/``). Each test works
on its own copy of the hotel fixture, so edits to the copy are the only changes.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import polib
import pytest
import yaml
from lxml import etree

from handbook.tools.cli import main
from tests.sitebuild import TEST_TODAY
from tests.starterkit import starter_project

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
SCHEMAS = Path(__file__).parent / "xliff"


@pytest.fixture
def project(hotel_here: Path) -> Path:
    return hotel_here


def export(*args: str) -> Path:
    """Run the command into a file and return it; the command must succeed."""
    target = Path(f"out-{len(list(Path.cwd().glob('out-*')))}")
    assert main(["translations", "export", *args, "-o", str(target)]) == 0
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def standard(project: Path, phase: str, standard_id: str) -> dict[str, object]:
    data = yaml.safe_load((project / "standards" / f"{phase}.yaml").read_text(encoding="utf-8"))
    return next(s for s in data["standards"] if s["id"] == standard_id)


def line_of(path: Path, text: str) -> int:
    """The line of ``path`` where ``text`` first stands."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def xliff_schema() -> etree.XMLSchema:
    class Local(etree.Resolver):  # type: ignore[misc]  # xml.xsd: ours, not the W3C's
        def resolve(self, url: str, pubid: str, context: object) -> object:
            if url == "http://www.w3.org/2001/xml.xsd":
                return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


def test_a_po_file_holds_each_text_with_its_context_translation_note_and_place(
    project: Path,
) -> None:
    po = polib.pofile(str(export("--language", "pl")))
    chk = standard(project, "check-in", "CHK-01")
    entry = next(e for e in po if e.msgctxt == "CHK-01.check")
    assert entry.msgid == chk["check"]["en"]  # type: ignore[index]
    assert entry.msgstr == chk["check"]["pl"]  # type: ignore[index]
    assert not entry.fuzzy
    assert f"level {chk['level']}" in entry.comment and f"type {chk['type']}" in entry.comment
    phase_file = project / "standards" / "check-in.yaml"
    check_line = line_of(phase_file, "Guests are greeted within 30 seconds")
    assert entry.occurrences == [("standards/check-in.yaml", str(check_line - 1))]  # its en:
    contexts = [e.msgctxt for e in po]
    assert len(contexts) == len(set(contexts))
    assert {"check-in.title", "check-in.greeting.title", "vocabulary.qualities.friendly"} <= set(
        contexts
    )
    assert po.metadata["Language"] == "pl"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"].startswith("nplurals=4;")  # CLDR: one few many other


def test_msgfmt_accepts_the_po_files_of_every_language(project: Path) -> None:
    for language in ("pl", "ar"):
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(export("--language", language))],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # not even a warning about the header


def test_a_count_is_one_plural_entry_in_the_languages_cldr_order(project: Path) -> None:
    labels = yaml.safe_load((project / "standards/labels.yaml").read_text(encoding="utf-8"))
    forms = labels["standards_count"]
    po = polib.pofile(str(export("--language", "ar")))
    entry = next(e for e in po if e.msgctxt == "labels.standards_count")
    assert (entry.msgid, entry.msgid_plural) == (forms["en"]["one"], forms["en"]["other"])
    order = ["zero", "one", "two", "few", "many", "other"]  # Arabic: all six
    assert entry.msgstr_plural == {n: forms["ar"][c] for n, c in enumerate(order)}


def test_a_text_whose_source_changed_is_fuzzy_and_only_outdated_lists_just_it(
    project: Path,
) -> None:
    phase_file = project / "standards" / "check-in.yaml"
    edit(phase_file, "Guests are greeted within 30 seconds", "Guests are greeted within 20 seconds")
    po = polib.pofile(str(export("--language", "pl")))
    assert [e.msgctxt for e in po.fuzzy_entries()] == ["CHK-01.check"]
    outdated = polib.pofile(str(export("--language", "pl", "--only", "outdated")))
    assert [(e.msgctxt, e.fuzzy) for e in outdated] == [("CHK-01.check", True)]
    assert outdated[0].msgstr == standard(project, "check-in", "CHK-01")["check"]["pl"]  # type: ignore[index]


def test_a_missing_translation_is_empty_and_only_missing_lists_just_it(project: Path) -> None:
    vocabulary = project / "standards" / "vocabulary.yaml"
    edit(vocabulary, "pl: Życzliwość, ", "")
    po = polib.pofile(str(export("--language", "pl", "--only", "missing")))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        ("vocabulary.qualities.friendly", "Friendly", "")
    ]


def test_quotes_backslashes_and_ampersands_come_back_from_both_formats_as_written(
    project: Path,
) -> None:
    tricky = 'Say "welcome" \\ 2 < 3 & smile'
    edit(
        project / "standards" / "vocabulary.yaml",
        "friendly: {en: Friendly,",
        f"friendly: {{en: '{tricky}',",
    )
    po = polib.pofile(str(export("--language", "pl")))
    assert next(e for e in po if e.msgctxt == "vocabulary.qualities.friendly").msgid == tricky
    tree = etree.parse(str(export("--language", "pl", "--format", "xliff")))
    unit = tree.find(f".//{XLIFF}trans-unit[@id='vocabulary.qualities.friendly']")
    assert unit is not None and unit.findtext(f"{XLIFF}source") == tricky


def test_the_xliff_file_is_valid_against_the_xliff_1_2_schema(project: Path) -> None:
    edit(
        project / "standards" / "check-in.yaml",
        "Guests are greeted within 30 seconds",
        "Guests are greeted within 20 seconds",
    )
    schema = xliff_schema()
    tree = etree.parse(str(export("--language", "ar", "--format", "xliff")))
    assert schema.validate(tree), schema.error_log
    files = tree.findall(f"{XLIFF}file")
    assert {f.get("original") for f in files} >= {
        "standards/check-in.yaml",
        "standards/labels.yaml",
    }
    assert all(f.get("source-language") == "en" and f.get("target-language") == "ar" for f in files)
    unit = tree.find(f".//{XLIFF}trans-unit[@id='CHK-01.check']")
    assert unit is not None
    assert unit.find(f"{XLIFF}target").get("state") == "needs-review-translation"
    plural = tree.find(f".//{XLIFF}group[@id='labels.standards_count']")
    assert plural is not None and len(plural) == 6  # one unit per Arabic category
    unit.remove(unit.find(f"{XLIFF}source"))
    assert not schema.validate(tree)  # the schema does catch a broken unit


def test_a_language_that_is_not_a_translation_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translations", "export", "--language", "de"]) == 2
    assert capsys.readouterr().out == (
        "handbook: --language de is not a translation; use: pl, ar\n"
    )


@pytest.mark.parametrize(
    "bad",
    ["'<b>Friendly</b>'", '"Friend\\x01ly"', '"Friend\\u202Ely"', "''"],
    ids=["html", "control", "bidi", "empty"],
)
def test_a_text_the_checker_refuses_stops_the_export_with_its_place(
    project: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    edit(
        project / "standards/vocabulary.yaml", "friendly: {en: Friendly,", f"friendly: {{en: {bad},"
    )
    Path("out.po").write_text("the translator's earlier file\n")
    assert main(["translations", "export", "--language", "pl", "-o", "out.po"]) == 1
    assert capsys.readouterr().out.startswith("standards/vocabulary.yaml:3:")
    assert Path("out.po").read_text() == "the translator's earlier file\n"  # left as it was


def test_a_blank_translation_or_a_missing_plural_form_is_exported_as_missing(
    project: Path,
) -> None:
    edit(project / "standards/vocabulary.yaml", "pl: Życzliwość,", "pl: '   ',")
    labels = project / "standards/labels.yaml"
    text = labels.read_text(encoding="utf-8")
    line = next(
        line for line in text.splitlines() if line.startswith('  pl: {one: "{count} standard"')
    )
    edit(labels, line, line.replace(', many: "{count} standardów"', ""))
    po = polib.pofile(str(export("--language", "pl", "--only", "missing")))
    assert [e.msgctxt for e in po] == ["labels.standards_count", "vocabulary.qualities.friendly"]
    assert po[0].msgstr_plural[2] == ""  # Polish "many", left out, the others kept
    assert po[0].msgstr_plural[0] == "{count} standard"
    assert po[1].msgstr == ""  # blanks are not a translation


def test_a_broken_yaml_file_is_reported_with_its_line_and_nothing_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phase_file = project / "standards" / "stay.yaml"
    phase_file.write_text(phase_file.read_text(encoding="utf-8") + "  - [unclosed\n")
    assert main(["translations", "export", "--language", "pl", "-o", "out.po"]) == 1
    assert capsys.readouterr().out.startswith("standards/stay.yaml:")
    assert not Path("out.po").exists()


def test_the_same_handbook_on_the_same_day_gives_the_same_bytes(project: Path) -> None:
    first = export("--language", "pl").read_bytes()
    shutil.copytree(project / "standards", project / "copy")
    assert export("--language", "pl").read_bytes() == first


def test_a_handbook_started_in_other_languages_exports_with_their_plural_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = starter_project(tmp_path / "library", ("de", "fa", "ru"))
    monkeypatch.chdir(project)
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_TODAY)
    po_file = export("--language", "ru")
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_file)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    po = polib.pofile(str(po_file))
    assert po.metadata["X-Source-Language"] == "de"
    assert po.metadata["Plural-Forms"].startswith("nplurals=4;")  # CLDR ru: one few many other
    assert any(entry.msgctxt.endswith(".text") for entry in po)  # the starter's standards
    tree = etree.parse(str(export("--language", "fa", "--format", "xliff")))
    assert xliff_schema().validate(tree)


def test_an_export_to_a_device_writes_into_it_and_leaves_it_a_device(project: Path) -> None:
    fifo = project / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert main(["translations", "export", "--language", "pl", "-o", str(fifo)]) == 0
    received, _ = reader.communicate(timeout=30)
    assert received.startswith(b"# Polish texts of ")
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe, not a file put in its place
