"""The quick reader of plain audit files (``reading.plainaudit``) against the full reader.

The quick reader may decline any file, but an audit it returns must be exactly the one
the full reader returns with no problem at all: it is only a faster way to the same result.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.model import Text
from handbook.model.audits import Audit
from handbook.reading.audits import AuditContext, audit_files, load_audit_file
from handbook.reading.plainaudit import read_plain_audit
from handbook.reading.problems import Problem, display_path
from tests.test_audits import AUDITS

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = AuditContext(
    standards={"CHK-01", "CHK-02", "CHK-04", "PRI-01", "RES-01", "A-1"},
    removed={"OLD-01": "standards/check-in.yaml"},
    kinds={"internal": Text({"en": "Internal"}, "en"), "yes": Text({"en": "Yes"}, "en")},
    today=date(2026, 11, 25),
)


def full(path: Path) -> tuple[Audit | None, list[Problem]]:
    problems: list[Problem] = []
    return load_audit_file(path, CONTEXT, problems, quick=False), problems


def quick(path: Path) -> Audit | None:
    return read_plain_audit(
        path.read_text(encoding="utf-8"), path.stem, display_path(path), CONTEXT
    )


PLAIN = """\
# yaml-language-server: $schema=../schema/audit.schema.json
date: 2026-11-14
kind: internal
auditor: Quality team
location: Main building, 2nd floor
results:
  - standard: CHK-01
    result: pass
  - standard: CHK-04
    result: fail
    note: Four guests queued; no second receptionist for 7 minutes.
  - standard: PRI-01
    result: not-applicable
    note: Kolejka — «الطابور» 50%
"""


def test_a_plain_file_is_read_quickly_as_the_full_reader_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "2026-11-14-internal.yaml"
    path.write_text(PLAIN, encoding="utf-8")
    audit = quick(path)
    assert audit is not None
    assert (audit, []) == full(path)
    assert [r.note for r in audit.results][1] == (
        "Four guests queued; no second receptionist for 7 minutes."
    )


@pytest.mark.parametrize(
    "change",
    [
        ("    result: fail\n", "    result: failed\n"),  # not a result
        ("standard: CHK-04", "standard: CHK-99"),  # unknown
        ("standard: CHK-04", "standard: OLD-01"),  # removed: a warning to give
        ("standard: CHK-04", "standard: CHK-01"),  # twice
        ("date: 2026-11-14", "date: 2026-12-14"),  # in the future
        ("date: 2026-11-14", "date: 2026-02-30"),  # not real
        ("kind: internal", "kind: external"),  # not a kind
        ("auditor: Quality team\n", ""),  # missing
        ("note: Four", "note: <b>Four</b>"),  # HTML
        ("note: Four", 'note: "Four'),  # quoted
        ("7 minutes.", "7 minutes. # a comment"),
        ("queued;", "queued: really"),  # a mapping in YAML
        ("minutes.\n", "minutes.\n      and more\n"),  # text over two lines
        ("note: Four", "note: 12 Four"),  # still text, but the full reader must say
        ("    result: fail\n", "    result: fail\n    extra: x\n"),  # unknown key
        ("  - standard: PRI-01", "    - standard: PRI-01"),  # another indentation
        ("location: Main building, 2nd floor\n", "location: 2026-11-14\n"),  # a date, not text
        ("# yaml-language-server", "# \x00 yaml-language-server"),  # refused even in a comment
        ("results:\n", "results:\n\x0b\n"),  # a control character on a blank line
        ("50%\n", "50%\n\u3000\n"),  # a wide space: text to YAML, not a blank line
        ("note: Four", "note: \ufffeFour"),  # a non-character
        ("kind: internal\n", "kind: internal\r\n"),  # a CR
        ("date: 2026-11-14\n", "\ufeffdate: 2026-11-14\n"),  # a byte order mark inside
        ("50%\n", "50%"),  # no line break at the end
    ],
)
def test_anything_unusual_goes_to_the_full_reader(tmp_path: Path, change: tuple[str, str]) -> None:
    old, new = change
    assert old in PLAIN
    path = tmp_path / "2026-11-14-internal.yaml"
    path.write_text(PLAIN.replace(old, new, 1), encoding="utf-8")
    audit, problems = full(path)
    result = quick(path)
    assert result is None or (result == audit and problems == [])
    if change[1] == "50%":
        assert result is not None  # still the plain shape


def test_a_file_over_the_size_limit_is_refused_by_both(tmp_path: Path) -> None:
    path = tmp_path / "2026-11-14-internal.yaml"
    path.write_text(PLAIN + "# " + "x" * 1_000_000 + "\n", encoding="utf-8")
    problems: list[Problem] = []
    assert load_audit_file(path, CONTEXT, problems) is None
    assert "the limit is 1,000,000" in problems[0].message


def test_the_tests_audits_are_read_quickly_and_alike(tmp_path: Path) -> None:
    folder = tmp_path / "audits"
    shutil.copytree(AUDITS, folder)
    context = AuditContext(
        standards=set(CONTEXT.standards) | {f"CHK-{n:02}" for n in range(1, 12)},
        removed={},
        kinds=CONTEXT.kinds,
        today=CONTEXT.today,
    )
    read = 0
    for path in audit_files(folder):
        problems: list[Problem] = []
        slow = load_audit_file(path, context, problems, quick=False)
        fast = read_plain_audit(
            path.read_text(encoding="utf-8"), path.stem, display_path(path), context
        )
        if fast is not None:
            read += 1
            assert fast == slow and problems == []
    assert read >= 1


VALUES = st.text(
    alphabet=st.sampled_from(list("aZ09 -:#'\"{}[],&*!|>%@`?.~<=+\\é«»\u00a0\x0b\ufffe\u3000")),
    min_size=0,
    max_size=12,
)
CHOICES = ["pass", "fail", "not-applicable", "n/a"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    auditor=VALUES,
    note=VALUES,
    day=st.sampled_from(["2026-11-14", "2026-11-31", "2026-13-01", "2026-11-30", "20261114"]),
    kind=st.sampled_from(["internal", "yes", "Internal", "external"]),
    standard=st.sampled_from(["CHK-01", "A-1", "OLD-01", "CHK-1", "chk-01"]),
    result=st.sampled_from(CHOICES),
    indent=st.sampled_from(["", "  ", " "]),
    between=st.sampled_from(["", "# a comment\n", "\n", "  # indented\n", "\u00a0\n", "#\x0b\n"]),
)
def test_whatever_the_values_the_quick_reader_agrees_or_declines(
    tmp_path: Path,
    auditor: str,
    note: str,
    day: str,
    kind: str,
    standard: str,
    result: str,
    indent: str,
    between: str,
) -> None:
    text = (
        f"date: {day}\nkind: {kind}\n{between}auditor: {auditor}\nresults:\n"
        f"{indent}- standard: {standard}\n{indent}  result: {result}\n"
        f"{indent}  note: {note}\n{indent}- standard: CHK-02\n{indent}  result: pass\n"
    )
    path = tmp_path / "2026-11-14-internal.yaml"
    path.write_text(text, encoding="utf-8")
    audit, problems = full(path)
    result_read = quick(path)
    assert result_read is None or (result_read == audit and problems == []), text
