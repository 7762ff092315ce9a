"""The blank audit form as a spreadsheet, and ``handbook audit import`` of a filled one.

Expected rows come from the fixture's YAML read here with PyYAML, not from the model: the
form lists a phase's standards step by step (the steps' order), then those of no step.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.structure.files import File

from handbook.export.forms import form_bytes, form_file
from handbook.glue.auditpages import searched as is_searched
from handbook.model import Handbook
from handbook.model.audits import Result
from handbook.model.scores import ScorePolicy, score
from handbook.reading.audits import AuditContext, load_audit_file
from handbook.reading.loader import load_handbook
from handbook.reading.problems import Problem
from handbook.render.audits import audit_overview
from handbook.render.view import View
from handbook.tools.cli import main
from tests.hotel import HOTEL, HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import TEST_DAY

CHECK_IN = HOTEL / "standards" / "check-in.yaml"
HEADINGS = {
    "en": ["ID", "How to check", "Result", "Note"],
    "pl": ["Identyfikator", "Jak sprawdzić", "Wynik", "Uwagi"],
    "ar": ["الرمز", "طريقة التحقق", "النتيجة", "الملاحظات"],
}
"""The words of the fixture's labels.yaml for id, check, result and note."""


def form_order(phase_file: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(phase_file.read_text(encoding="utf-8"))
    steps = [step["id"] for step in data["steps"]] + [None]
    return [s for step in steps for s in data["standards"] if s.get("step") == step]


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(HOTEL / "standards", hotel_policy(), HOTEL_LANGUAGES)
    assert result.handbook is not None, result.errors
    return result.handbook


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "a byte order mark, for spreadsheets"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_the_blank_form_has_every_standard_with_its_check(
    handbook: Handbook, language: str
) -> None:
    table = rows(form_bytes(handbook, handbook.phase("check-in"), language))
    expected = [
        [s["id"], " ".join(str(s["check"][language]).split()), "", ""]  # type: ignore[index]
        for s in form_order(CHECK_IN)
    ]
    assert table == [HEADINGS[language], *expected]
    assert len(expected) == 11
    assert form_file(handbook.phase("check-in"), language) == f"audit-form-check-in-{language}.csv"


# Importing a filled form -----------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the hotel fixture to import into; the messages' paths are relative to it."""
    shutil.copytree(HOTEL, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_DAY.isoformat())
    return tmp_path


def filled(
    project: Path,
    name: str,
    handbook: Handbook,
    cells: dict[str, tuple[str, str]],
    delimiter: str = ",",
) -> Path:
    """The Polish check-in form with ``cells`` (ID → result, note) filled in, saved as a
    spreadsheet saves it."""
    table = rows(form_bytes(handbook, handbook.phase("check-in"), "pl"))
    for row in table[1:]:
        row[2], row[3] = cells.get(row[0], ("", ""))
    path = project / name
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows(table)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["audit", "import", *args])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out.splitlines()


VISIT = ("--date", "2026-11-20", "--kind", "mystery-shopper", "--auditor", "Ewa Nowak")


def test_a_filled_form_becomes_an_audit_the_checker_accepts(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    form = filled(
        project,
        "form.csv",
        handbook,
        {
            "CHK-01": ("spełniony", "Powitanie po 10 s."),  # the Polish form's own word
            "CHK-04": ("FAIL", "Cztery osoby w kolejce,\nbrak drugiej osoby."),  # two lines
            "CHK-06": ("nie dotyczy", ""),
            "CHK-09": ("لا ينطبق", ""),  # another language's word
        },
        delimiter=";",  # as a spreadsheet set to Polish saves it
    )
    code, lines = run(capsys, str(form), *VISIT, "--location", "Budynek główny")
    assert (code, lines) == (0, ["wrote audits/2026-11-20-mystery-shopper.yaml: 4 results"])
    written = project / "audits" / "2026-11-20-mystery-shopper.yaml"
    problems: list[Problem] = []
    context = AuditContext(
        {s.id for s in handbook.standards()}, {}, handbook.vocabulary.audit_kinds, TEST_DAY
    )
    audit = load_audit_file(written, context, problems)
    assert problems == [] and audit is not None
    assert (audit.date.isoformat(), audit.kind, audit.auditor, audit.location) == (
        "2026-11-20",
        "mystery-shopper",
        "Ewa Nowak",
        "Budynek główny",
    )
    assert [(r.standard, r.result, r.note) for r in audit.results] == [
        ("CHK-01", Result.PASS, "Powitanie po 10 s."),
        ("CHK-04", Result.FAIL, "Cztery osoby w kolejce, brak drugiej osoby."),
        ("CHK-06", Result.NOT_APPLICABLE, ""),
        ("CHK-09", Result.NOT_APPLICABLE, ""),
    ]
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert main(["check"]) == 0


def test_every_mistake_in_the_forms_is_reported_at_its_row_and_column(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    first = filled(
        project,
        "first.csv",
        handbook,
        {
            "CHK-01": ("pass", ""),
            "CHK-02": ("maybe", ""),
            "CHK-03": ("", "forgot the result"),
            "CHK-05": ("pass", ""),  # its ID mistyped below
        },
    )
    text = first.read_text(encoding="utf-8-sig").replace("CHK-05,", "CHK-55,")
    first.write_text(text, encoding="utf-8-sig")
    second = filled(project, "second.csv", handbook, {"CHK-01": ("fail", "<b>late</b>")})
    code, lines = run(capsys, str(first), str(second), *VISIT)
    assert code == 1
    assert lines == [
        "first.csv:3:3: error: 'maybe' is not a result; write pass, fail or not applicable, in "
        "any of the handbook's languages, or leave it empty if the visit did not cover CHK-02",
        "first.csv:4:4: error: CHK-03 has a note but no result; fill in the result (pass, fail "
        "or not applicable), or leave the note out too if the visit did not cover it",
        "first.csv:6:1: error: standard 'CHK-55' is not in the handbook; did you mean "
        "'CHK-05'? a standard taken out of the handbook is listed under 'removed:' in its "
        "phase file, so audits keep its history",
        "second.csv:2:4: error: the note contains HTML (a '<' followed by a tag); write plain "
        "text instead",
        "checked 2 files: 4 errors, 0 warnings",
        "nothing was written",
    ]
    assert not (project / "audits").exists()


def test_quotes_a_deleted_heading_and_untouched_rows(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    """A spreadsheet's own quoting survives; without its heading row the first standard is
    still read; a row left empty is not checked, even with an ID the handbook lacks."""
    note = 'Guest said "hi"; all fine, really'
    form = filled(project, "form.csv", handbook, {"CHK-01": ("pass", note)}, delimiter=";")
    lines = form.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    untouched = lines[2].replace("CHK-02", "CHK-99")
    form.write_text("".join([lines[1], untouched, *lines[3:]]), encoding="utf-8-sig")
    assert run(capsys, str(form), *VISIT) == (
        0,
        ["wrote audits/2026-11-20-mystery-shopper.yaml: 1 result"],
    )
    written = (project / "audits" / "2026-11-20-mystery-shopper.yaml").read_text()
    assert 'note: Guest said "hi"; all fine, really' in written


def test_a_standard_in_two_forms_is_reported_at_both(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    first = filled(project, "first.csv", handbook, {"CHK-07": ("pass", "")})
    second = filled(project, "second.csv", handbook, {"CHK-07": ("fail", "")})
    code, lines = run(capsys, str(first), str(second), *VISIT)
    assert code == 1
    assert sorted(lines[:2]) == [
        "first.csv:8:1: error: standard 'CHK-07' is used again at second.csv:8; an audit "
        "gives each standard one result; keep one of the two",
        "second.csv:8:1: error: standard 'CHK-07' is already used at first.csv:8; an audit "
        "gives each standard one result; keep one of the two",
    ]


def test_the_visit_on_the_command_line_is_checked_too(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    form = filled(project, "form.csv", handbook, {"CHK-01": ("pass", "")})
    (project / "audits").mkdir()
    (project / "audits" / "2026-11-20-internal.yaml").write_text("taken\n", encoding="utf-8")
    args = ("--date", "2026-11-31", "--kind", "mystery", "--auditor", " ")
    assert run(capsys, str(form), *args) == (
        1,
        [
            "handbook: --date: '2026-11-31' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-14",
            "handbook: --kind: kind 'mystery' is not in vocabulary.yaml audit_kinds; did you "
            "mean 'mystery-shopper'? use one of: external, internal, mystery-shopper",
            "handbook: --auditor: say who audited, a name or a firm",
            "nothing was written",
        ],
    )
    future = ("--date", "2026-11-26", "--kind", "internal", "--auditor", "Quality team")
    assert run(capsys, str(form), *future)[1][0] == (
        "handbook: --date: 2026-11-26 is in the future; an audit cannot be in the future"
    )
    taken = ("--date", "2026-11-20", "--kind", "internal", "--auditor", "Quality team")
    assert run(capsys, str(form), *taken)[1][0].startswith(
        "handbook: audits/2026-11-20-internal.yaml exists already; name the new audit with --output"
    )
    assert (project / "audits" / "2026-11-20-internal.yaml").read_text() == "taken\n"


def test_a_form_with_no_result_writes_nothing(
    project: Path, handbook: Handbook, capsys: pytest.CaptureFixture[str]
) -> None:
    form = filled(project, "form.csv", handbook, {})
    code, lines = run(capsys, str(form), *VISIT)
    assert code == 1
    assert lines[0].startswith("form.csv:1:1: error: no standard has a result;")


@pytest.mark.parametrize(
    ("page", "searched"),
    [
        ("audit-forms/check-in.md", False),
        ("audits/2026-11-14-mystery-shopper.md", False),
        ("audits.pl.md", False),
        ("phases/check-in.md", True),
        ("index.md", True),
    ],
)
def test_search_leaves_out_the_forms_and_the_audit_pages(page: str, searched: bool) -> None:
    file = File(page, src_dir="docs", dest_dir="site", use_directory_urls=True)
    assert is_searched(file) is searched


def test_before_any_audit_the_overview_offers_the_forms_not_a_list_of_everything(
    handbook: Handbook,
) -> None:
    scores = score(handbook, ScorePolicy(TEST_DAY))
    page_view = View("pl", hotel_policy(), handbook, lambda slug, anchor: f"{slug}/", scores=scores)
    html = audit_overview(
        handbook, page_view, scores, lambda audit: "", lambda phase: f"forms/{phase.slug}/"
    )
    assert "hb-audit-never" not in html and "{#not-audited}" not in html
    assert "<p>Nie ma jeszcze żadnego uwzględnionego audytu.</p>" in html
    forms = re.findall(r'<li><a href="([^"]+)">', html)
    assert forms == [
        f"forms/{slug}/" for slug in ("principles", "reservation", "check-in", "stay", "check-out")
    ]
