"""Every rule of the checker has a broken file; each reports exactly the lines it expects.

A file in ``broken/`` starts with a comment saying why it is bad and ends with one
``# expect: line:column: severity: message`` comment per problem. It is checked next to the
valid ``base/`` handbook, so rules across files (duplicate IDs) are exercised too; a problem
such a rule reports in a base file is written ``# expect base.yaml: line:column: …``. Rules that
need bytes a text file cannot hold (not UTF-8, a BOM, CRLF, a huge file) are written here.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from handbook.reading.yamlsource import MAX_FILE_BYTES
from handbook.tools.cli import main
from tests.checker.project import base_project
from tests.sitebuild import TEST_TODAY

HERE = Path(__file__).parent
BROKEN = sorted((HERE / "broken").glob("*.yaml"))
EXPECT = "# expect: "
ELSEWHERE = re.compile(r"# expect (?P<name>[\w.-]+\.yaml): (?P<problem>.*)")
TODAY = TEST_TODAY


def expected(path: Path) -> list[str]:
    """The ``# expect:`` lines of a broken file, as the checker prints them."""
    return [
        f"standards/{path.name}:{line.removeprefix(EXPECT)}"
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith(EXPECT)
    ]


@pytest.fixture
def standards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the valid base handbook in ``standards/`` of the current folder, with the
    hotel fixture's ``mkdocs.yml`` (en, pl, ar) beside it."""
    folder = base_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    return folder


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run ``handbook check`` in-process; the exit code and the lines printed."""
    code = main(["check", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.err == ""
    return code, captured.out.splitlines()


def expected_elsewhere(path: Path) -> list[str]:
    """The ``# expect base.yaml:`` lines of a broken file: what it causes in the base files."""
    found = (ELSEWHERE.fullmatch(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [f"standards/{m['name']}:{m['problem']}" for m in found if m]


def lines_of(output: list[str], name: str) -> list[str]:
    return [line for line in output if line.startswith(f"standards/{name}:")]


def test_base_handbook_is_clean(standards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys) == (0, ["checked 3 files: no problems found"])


@pytest.mark.parametrize("broken", BROKEN, ids=lambda path: path.stem)
def test_broken_file_says_why_and_what_to_expect(broken: Path) -> None:
    first = broken.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and not first.startswith(EXPECT)
    assert expected(broken)


@pytest.mark.parametrize("broken", BROKEN, ids=lambda path: path.stem)
def test_broken_file_reports_exactly_its_lines(
    broken: Path, standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(broken, standards)
    code, output = check(capsys)
    assert lines_of(output, broken.name) == expected(broken)
    elsewhere = [line for line in output[:-1] if not line.startswith(f"standards/{broken.name}:")]
    assert elsewhere == expected_elsewhere(broken), "problems in the base files"
    has_error = any(": error: " in line for line in expected(broken) + elsewhere)
    assert code == (1 if has_error else 0)


@pytest.mark.parametrize("name", ["missing-translation", "outdated-translation"])
def test_translation_warnings_are_errors_with_strict(
    name: str, standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = HERE / "broken" / f"{name}.yaml"
    shutil.copy(broken, standards)
    code, output = check(capsys, "--strict")
    assert code == 1
    assert lines_of(output, broken.name) == [
        line.replace(": warning: ", ": error: ") for line in expected(broken)
    ]


VALID_PHASE = (HERE / "base" / "base.yaml").read_text(encoding="utf-8").replace("base", "other")
VALID_PHASE = VALID_PHASE.replace("BAS-01", "OTH-01").replace("order: 1", "order: 2")


def test_not_utf8_is_refused_on_its_line(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = VALID_PHASE.encode("utf-8").replace(b"Greet the guest.", b"Greet the caf\xe9 guest.")
    (standards / "other.yaml").write_bytes(data)
    line = VALID_PHASE.splitlines().index(
        next(x for x in VALID_PHASE.splitlines() if "Greet the guest." in x)
    )
    assert check(capsys) == (
        1,
        [
            f"standards/other.yaml:{line + 1}:1: error: the file is not UTF-8 text; save it with "
            "UTF-8 encoding",
            "checked 4 files: 1 error, 0 warnings",
        ],
    )


def test_bom_and_crlf_line_ends_are_fine(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"\xef\xbb\xbf" + VALID_PHASE.replace("\n", "\r\n").encode("utf-8")
    (standards / "other.yaml").write_bytes(data)
    assert check(capsys) == (0, ["checked 4 files: no problems found"])


def test_crlf_keeps_the_real_line_numbers(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID_PHASE.replace("level: basic", "level: premium").replace("\n", "\r\n")
    (standards / "other.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    line = VALID_PHASE.splitlines().index("    level: basic") + 1
    _, output = check(capsys)
    assert output[0] == (
        f"standards/other.yaml:{line}:12: error: level 'premium' is not allowed; "
        "use one of: basic, expected, exclusive"
    )


def test_control_character_written_into_the_file(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID_PHASE.replace("Greet the guest.", "Greet the\x07 guest.")
    (standards / "other.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, x in enumerate(text.splitlines(), 1) if "\x07" in x)
    _, output = check(capsys)
    assert output[0] == (
        f"standards/other.yaml:{line}:1: error: the file contains the control character "
        "U+0007, which is not allowed; delete it"
    )


def test_oversized_file_ends_quickly(standards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (standards / "other.yaml").write_bytes(b"a: [" + b"1, " * (MAX_FILE_BYTES // 3) + b"]\n")
    started = time.perf_counter()
    _, output = check(capsys)
    assert time.perf_counter() - started < 5
    assert output[0] == (
        "standards/other.yaml:1:1: error: the file is 1,000,005 bytes; the limit is 1,000,000. "
        "Split it into smaller phase files."
    )


def test_alias_bomb_ends_quickly(standards: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HERE / "broken" / "alias-bomb.yaml", standards)
    started = time.perf_counter()
    code, _ = check(capsys)
    assert code == 1 and time.perf_counter() - started < 5


def test_deep_nesting_is_an_error_not_a_crash(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (standards / "other.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    code, output = check(capsys)
    assert code == 1
    assert output[0].startswith("standards/other.yaml:1:")


def test_named_files_only_and_missing_paths(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(HERE / "broken" / "unknown-owner.yaml", standards)
    code, output = check(capsys, "standards/base.yaml", "standards/nope.yaml")
    assert (code, output) == (
        1,
        [
            "standards/nope.yaml:1:1: error: no such file or folder",
            "checked 1 file: 1 error, 0 warnings",
        ],
    )


def test_a_named_file_shows_its_clash_with_a_file_not_named(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole folder is read, so base.yaml shows the ID that duplicate-id.yaml repeats."""
    shutil.copy(HERE / "broken" / "duplicate-id.yaml", standards)
    assert check(capsys, "standards/base.yaml") == (
        1,
        [
            "standards/base.yaml:12:9: error: standard ID 'BAS-01' is used again at "
            "standards/duplicate-id.yaml:12; IDs must be unique across the handbook",
            "checked 1 file: 1 error, 0 warnings",
        ],
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_file_ends_quickly(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (standards / "other.yaml").symlink_to("/dev/zero")
    _, output = check(capsys)
    assert output[0] == (
        "standards/other.yaml:1:1: error: the file is 1,000,001 bytes; the limit is 1,000,000. "
        "Split it into smaller phase files."
    )


def test_a_bug_is_one_line_not_a_traceback(
    standards: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_loader(*args: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr("handbook.tools.commands.load_handbook", broken_loader)
    assert main(["check"]) == 3
    captured = capsys.readouterr()
    assert captured.err == (
        "handbook: internal error (KeyError: 'oops'); please report it with the file that "
        "caused it\n"
    )
