"""Audits: the checker's messages, the scores and the exports, on the tests' own audits.

The expected figures are worked out by hand from ``tests/fixtures/audits`` (four visits to the
hotel fixture, the test day 2026-11-25); the comment above each figure shows the sum. The
2025-06-02 audit is older than the 12 months that count, so it appears only in the trend.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from handbook.export import Publication
from handbook.export.audits import audit_table_bytes, audits_data
from handbook.export.data import handbook_data
from handbook.model import Handbook, Level, StandardType
from handbook.model.scores import ScorePolicy, Scores, score
from handbook.reading.loader import LoadResult, load_handbook
from handbook.render.standard import audit_line
from handbook.render.view import View
from handbook.tools.cli import main
from tests.hotel import HOTEL, HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import ROOT, TEST_DAY

AUDITS = Path(__file__).parent / "fixtures" / "audits"
COUNTED = ["2026-01-15-internal", "2026-05-20-mystery-shopper", "2026-11-14-mystery-shopper"]


def audited_standards(target: Path) -> Path:
    """The hotel fixture's data with OLD-01 listed as a removed standard of check-in."""
    folder = target / "standards"
    shutil.copytree(HOTEL / "standards", folder)
    with (folder / "check-in.yaml").open("a", encoding="utf-8") as phase:
        phase.write("removed: [OLD-01]\n")
    return folder


def load(target: Path, audits: Path = AUDITS) -> LoadResult:
    return load_handbook(audited_standards(target), hotel_policy(), HOTEL_LANGUAGES, audits=audits)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path``, made the folder the messages' paths are relative to."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    result = load(tmp_path_factory.mktemp("audited"))
    assert result.errors == []
    assert result.handbook is not None
    return result.handbook


@pytest.fixture(scope="module")
def scores(handbook: Handbook) -> Scores:
    return score(handbook, ScorePolicy(TEST_DAY))


def audit_copy(tmp_path: Path, name: str, text: str) -> Path:
    """The fixture's audits plus one more file, ``name``, holding ``text``."""
    folder = tmp_path / "audits"
    shutil.copytree(AUDITS, folder)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def messages(result: LoadResult, name: str) -> list[str]:
    return [
        f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in result.problems if name in p.path
    ]


# The checker ----------------------------------------------------------------------------


def test_a_removed_standard_is_a_warning_and_its_result_is_kept_unscored(
    handbook: Handbook, in_tmp: Path
) -> None:
    result = load(in_tmp)
    assert messages(result, "2026-05-20") == [
        "18:15: warning: standard 'OLD-01' was removed (standards/check-in.yaml lists it under "
        "'removed'); its result stays in this audit's history but no longer counts in any score"
    ]
    visit = next(a for a in handbook.audits if a.slug == "2026-05-20-mystery-shopper")
    assert [r.standard for r in visit.results if r.removed] == ["OLD-01"]
    assert "OLD-01" not in [r.standard for r in visit.scored]


def test_every_mistake_of_an_audit_is_reported_with_its_place(in_tmp: Path) -> None:
    folder = audit_copy(
        in_tmp,
        "2026-11-20-internal.yaml",
        "date: 2026-11-31\n"
        "kind: mystery-guest\n"
        "auditor: ''\n"
        "results:\n"
        "  - standard: chk-01\n"
        "    result: pass\n"
        "  - standard: CHK-05\n"
        "    result: passed\n"
        "  - standard: CHK-05\n"
        "    result: fail\n"
        "  - standard: CHK-99\n"
        "    result: fail\n"
        "    note: <b>late</b>\n"
        "    score: 3\n",
    )
    found = messages(load(in_tmp, folder), "2026-11-20")
    assert found == [
        "1:7: error: date '2026-11-31' is not a real date in the form YYYY-MM-DD (e.g. 2026-03-14)",
        "2:7: error: kind 'mystery-guest' is not in vocabulary.yaml audit_kinds; did you mean "
        "'mystery-shopper'? use one of: external, internal, mystery-shopper",
        "3:10: error: 'auditor' is empty",
        "5:15: error: standard 'chk-01' must be capital letters, a hyphen and a number, "
        "e.g. ABC-01",
        "7:15: error: standard 'CHK-05' is used again at audits/2026-11-20-internal.yaml:9; an "
        "audit gives each standard one result; keep one of the two",
        "8:13: error: result 'passed' is not allowed; use one of: pass, fail, not-applicable",
        "9:15: error: standard 'CHK-05' is already used at audits/2026-11-20-internal.yaml:7; an "
        "audit gives each standard one result; keep one of the two",
        "11:15: error: standard 'CHK-99' is not in the handbook; did you mean 'CHK-09'? a standard "
        "taken out of the handbook is listed under 'removed:' in its phase file, so audits keep "
        "its history",
        "13:11: error: 'note' contains HTML (a '<' followed by a tag); write plain text instead",
        "14:5: error: unknown key 'score' in an audit result; allowed keys: standard, result, note",
    ]


def test_an_audit_cannot_be_in_the_future_but_may_predate_a_review(tmp_path: Path) -> None:
    folder = audit_copy(
        tmp_path,
        "2026-11-26-internal.yaml",
        "date: 2026-11-26\nkind: internal\nauditor: Quality team\n"
        "results: [{standard: CHK-01, result: pass}]\n",
    )
    assert messages(load(tmp_path, folder), "2026-11-26") == [
        "1:7: error: date 2026-11-26 is after today (2026-11-25); an audit cannot be in the future"
    ]
    # CHK-01 was last reviewed on 2026-10-01, after the audit of 2026-01-15: no problem.
    assert messages(load(tmp_path / "again"), "2026-01-15") == []


def test_a_removed_id_still_in_use_is_an_error(in_tmp: Path) -> None:
    standards = audited_standards(in_tmp)
    phase = standards / "stay.yaml"
    phase.write_text(phase.read_text(encoding="utf-8") + "removed: [CHK-01]\n", encoding="utf-8")
    result = load_handbook(standards, hotel_policy(), HOTEL_LANGUAGES, audits=AUDITS)
    assert [p.message for p in result.errors] == [
        "standard 'CHK-01' is listed under 'removed' but is a standard at "
        "standards/check-in.yaml:39; take it out of 'removed', or give the standard a new ID"
    ]


def test_an_audit_kind_needs_the_vocabulary_section(tmp_path: Path) -> None:
    standards = tmp_path / "standards"
    shutil.copytree(HOTEL / "standards", standards)
    vocabulary = standards / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text[: text.index("audit_kinds:")], encoding="utf-8")
    result = load_handbook(standards, hotel_policy(), HOTEL_LANGUAGES, audits=AUDITS)
    assert {p.message for p in result.errors} == {
        "kind 'internal' is not in vocabulary.yaml; add a section 'audit_kinds' there that "
        "names it, e.g. audit_kinds: {internal: {en: …}}",
        "kind 'mystery-shopper' is not in vocabulary.yaml; add a section 'audit_kinds' there "
        "that names it, e.g. audit_kinds: {mystery-shopper: {en: …}}",
        "standard 'OLD-01' is not in the handbook; did you mean 'OUT-01'? a standard taken out "
        "of the handbook is listed under 'removed:' in its phase file, so audits keep its history",
    }


def test_a_handbook_without_an_audits_folder_has_no_audits(tmp_path: Path) -> None:
    result = load(tmp_path, tmp_path / "no-such-folder")
    assert result.problems == [] and result.handbook is not None
    assert result.handbook.audits == ()


# The scores -----------------------------------------------------------------------------


def test_only_the_audits_of_the_last_12_months_count(scores: Scores) -> None:
    assert [a.slug for a in scores.counted] == COUNTED


@pytest.mark.parametrize(
    ("standard", "passed", "failed", "not_applicable", "last", "failing"),
    [
        ("CHK-01", 3, 0, 0, ("2026-11-14", "pass"), False),
        # failed, passed, failed: the two most recent are pass and fail
        ("CHK-02", 1, 2, 0, ("2026-11-14", "fail"), False),
        ("CHK-03", 1, 0, 1, ("2026-11-14", "pass"), False),
        # failed, failed, then not applicable: the two most recent judged results failed
        ("CHK-04", 0, 2, 1, ("2026-11-14", "not-applicable"), True),
        ("STY-01", 1, 0, 0, ("2026-01-15", "pass"), False),
        ("RES-01", 1, 1, 0, ("2026-11-14", "fail"), False),
        ("PRI-01", 0, 2, 0, ("2026-11-14", "fail"), True),
    ],
)
def test_each_standard_adds_up_its_counted_results(
    handbook: Handbook,
    scores: Scores,
    standard: str,
    passed: int,
    failed: int,
    not_applicable: int,
    last: tuple[str, str],
    failing: bool,
) -> None:
    found = scores.standards[standard]
    tally = found.tally
    assert (tally.passed, tally.failed, tally.not_applicable) == (passed, failed, not_applicable)
    assert (found.last.audit.date.isoformat(), found.last.result.result.value) == last
    assert found.failing_repeatedly is failing


def test_the_never_audited_are_every_other_standard(handbook: Handbook, scores: Scores) -> None:
    audited = {"CHK-01", "CHK-02", "CHK-03", "CHK-04", "STY-01", "RES-01", "PRI-01"}
    never = [s.id for s in scores.never_audited(handbook.standards())]
    assert len(never) == 52 - 7
    assert audited.isdisjoint(never)


def test_phase_level_type_audit_and_quarter_compliance(scores: Scores) -> None:
    # check-in: CHK-01 3/3, CHK-02 1/3, CHK-03 1/1 (+1 n/a), CHK-04 0/2 (+1 n/a) → 5 of 9
    assert scores.phases["check-in"].compliance == pytest.approx(5 / 9)
    assert scores.phases["check-in"].not_applicable == 2
    # basic in check-in: CHK-01 3/3 and CHK-04 0/2 → 3 of 5; expected CHK-02 1/3; exclusive 1/1
    assert scores.phase_levels["check-in", Level.BASIC].compliance == pytest.approx(3 / 5)
    assert scores.phase_levels["check-in", Level.EXPECTED].compliance == pytest.approx(1 / 3)
    assert scores.phase_levels["check-in", Level.EXCLUSIVE].compliance == 1.0
    assert scores.phase_levels["check-out", Level.BASIC].compliance is None
    # basic: CHK-01 3P, CHK-04 2F, STY-01 1P, RES-01 1P 1F, PRI-01 2F → 5 of 10
    assert scores.levels[Level.BASIC].compliance == pytest.approx(0.5)
    # personal: CHK-01 3P, CHK-02 1P 2F, CHK-03 1P, PRI-01 2F → 5 of 9; procedure:
    # CHK-04 2F, RES-01 1P 1F → 1 of 4; product: STY-01 1P
    assert scores.types[StandardType.PERSONAL].compliance == pytest.approx(5 / 9)
    assert scores.types[StandardType.PROCEDURE].compliance == pytest.approx(1 / 4)
    assert scores.types[StandardType.PRODUCT].compliance == 1.0
    # per audit, OLD-01 left out of 2026-05-20: 2 of 4, 3 of 5, 2 of 5; the old one 1 of 2
    assert {slug: t.compliance for slug, t in scores.audits.items()} == pytest.approx(
        {
            "2025-06-02-internal": 0.5,
            "2026-01-15-internal": 0.5,
            "2026-05-20-mystery-shopper": 0.6,
            "2026-11-14-mystery-shopper": 0.4,
        }
    )
    assert list(scores.quarters) == ["2025-Q2", "2026-Q1", "2026-Q2", "2026-Q4"]
    assert [t.compliance for t in scores.quarters.values()] == pytest.approx([0.5, 0.5, 0.6, 0.4])


def test_level_weights_count_in_mixed_figures_only(handbook: Handbook) -> None:
    weights = {Level.BASIC: 3, Level.EXPECTED: 2, Level.EXCLUSIVE: 1}
    weighted = score(handbook, ScorePolicy(TEST_DAY, weights=weights))
    # check-in: CHK-01 basic 9 of 9, CHK-02 expected 2 of 6, CHK-03 exclusive 1 of 1,
    # CHK-04 basic 0 of 6 → 12 of 22
    assert weighted.phases["check-in"].compliance == pytest.approx(12 / 22)
    # 2026-11-14: CHK-01 3/3, CHK-02 0/2, CHK-03 1/1, RES-01 0/3, PRI-01 0/3 → 4 of 12
    assert weighted.audits["2026-11-14-mystery-shopper"].compliance == pytest.approx(4 / 12)
    assert weighted.levels[Level.BASIC].compliance == pytest.approx(0.5)
    assert weighted.standards["CHK-02"].tally.compliance == pytest.approx(1 / 3)


def test_a_shorter_window_or_the_latest_audit_only(handbook: Handbook) -> None:
    # six months before 2026-11-25 is 2026-05-25: the audit of 2026-05-20 no longer counts
    six_months = score(handbook, ScorePolicy(TEST_DAY, months=6))
    assert [a.slug for a in six_months.counted] == COUNTED[-1:]
    latest = score(handbook, ScorePolicy(TEST_DAY, latest=2))
    assert [a.slug for a in latest.counted] == COUNTED[-2:]
    # PRI-01 failed once in the latest audit alone: one result is not "repeatedly"
    only_last = score(handbook, ScorePolicy(TEST_DAY, latest=1))
    assert not only_last.standards["PRI-01"].failing_repeatedly
    assert only_last.standards["CHK-04"].tally.judged == 0


def test_an_audit_on_the_first_day_of_the_window_counts(handbook: Handbook) -> None:
    # 12 months before 2027-01-15 is 2026-01-15, the day of the internal audit
    assert score(handbook, ScorePolicy(date(2027, 1, 15))).counted[0].slug == COUNTED[0]
    assert score(handbook, ScorePolicy(date(2027, 1, 16))).counted[0].slug == COUNTED[1]


# What readers see and what programs read ------------------------------------------------


def view(handbook: Handbook, scores: Scores, language: str) -> View:
    return View(language, hotel_policy(), handbook, lambda slug, anchor: "", scores=scores)


def test_the_card_line_in_each_language(handbook: Handbook, scores: Scores) -> None:
    chk02, chk04 = handbook.phase("check-in").standards[1:4:2]
    english = audit_line(chk02, view(handbook, scores, "en"))
    assert "<span>Passed 1 of 3 audits</span>" in english
    assert ">November 14, 2026</bdi></time> (fail)</span>" in english
    assert "hb-chip--failing" not in english
    polish = audit_line(chk04, view(handbook, scores, "pl"))
    assert (
        '<span class="hb-chip hb-chip--failing">Niespełniony w kolejnych audytach</span>' in polish
    )
    assert "<span>Spełniony w 0 z 2 audytów</span>" in polish
    assert "14 listopada 2026</bdi></time> (nie dotyczy)" in polish
    arabic = audit_line(chk02, view(handbook, scores, "ar"))
    assert "مستوفى في 1 من أصل 3 تدقيقات" in arabic
    never = handbook.phase("check-out").standards[0]
    assert audit_line(never, view(handbook, scores, "en")) == ""


def publication(handbook: Handbook) -> Publication:
    scored = score(handbook, ScorePolicy(TEST_DAY))
    return Publication(handbook, hotel_policy(), "https://example.org/hb/", "phases", scored=scored)


def schema_registry() -> Registry:
    resources = []
    for name in ("standards-export.schema.json", "audits-export.schema.json"):
        contents = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def test_standards_json_carries_each_standards_audit(handbook: Handbook) -> None:
    data = handbook_data(publication(handbook))
    standards = {s["id"]: s for p in data["phases"] for s in p["standards"]}
    assert standards["CHK-04"]["audit"] == {
        "passed": 0,
        "failed": 2,
        "not_applicable": 1,
        "compliance": 0.0,
        "last_result": "not-applicable",
        "last_date": "2026-11-14",
        "failing_repeatedly": True,
    }
    assert standards["CHK-02"]["audit"]["compliance"] == 0.3333
    assert standards["OUT-01"]["audit"]["last_result"] is None
    assert data["audit_scoring"]["counted_audits"] == COUNTED
    schema = json.loads((ROOT / "schema" / "standards-export.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


def test_audits_json_lists_every_audit_newest_first(handbook: Handbook) -> None:
    data = audits_data(publication(handbook))
    assert [a["id"] for a in data["audits"]] == [*reversed(COUNTED), "2025-06-02-internal"]
    assert [a["counted"] for a in data["audits"]] == [True, True, True, False]
    may = data["audits"][1]
    assert (may["passed"], may["failed"], may["compliance"]) == (3, 2, 0.6)
    assert may["results"][-1] == {
        "standard": "OLD-01",
        "result": "pass",
        "note": None,
        "removed": True,
    }
    assert data["compliance"]["phases"]["check-in"]["compliance"] == 0.5556
    assert list(data["compliance"]["quarters"]) == ["2025-Q2", "2026-Q1", "2026-Q2", "2026-Q4"]
    schema = json.loads((ROOT / "schema" / "audits-export.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, registry=schema_registry())
    assert [e.message for e in validator.iter_errors(data)] == []
    data["audits"][0]["results"][0]["result"] = "passed"
    assert list(validator.iter_errors(data)) != []


def test_the_audit_table_has_one_row_per_result_in_its_language(handbook: Handbook) -> None:
    content = audit_table_bytes(publication(handbook), "pl")
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Audyt",
        "Data",
        "Rodzaj audytu",
        "Audytor",
        "Miejsce",
        "Standard",
        "Faza",
        "Wynik",
        "Uwagi",
        "Odnośnik",
    ]
    assert len(rows) == 1 + 2 + 5 + 6 + 6
    assert rows[1][:9] == [
        "2026-11-14-mystery-shopper",
        "2026-11-14",
        "Wizyta tajemniczego gościa",
        "Guestview Audits",
        "Main building",
        "CHK-01",
        "Zameldowanie",
        "spełniony",
        "Greeted after 10 s, eye contact, smile.",
    ]
    removed = next(row for row in rows if row[5] == "OLD-01")
    assert removed[6] == "" and removed[9] == ""


# The command line -----------------------------------------------------------------------


def test_handbook_check_reads_the_audits_folder_and_names_one_file(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_DAY.isoformat())
    shutil.copy2(HOTEL / "mkdocs.yml", in_tmp / "mkdocs.yml")
    audited_standards(in_tmp)
    audit_copy(in_tmp, "2026-11-20-internal.yaml", BAD_KIND)

    def check(*args: str) -> tuple[int, list[str]]:
        code = main(["check", *args])
        captured = capsys.readouterr()
        assert captured.err == ""
        return code, captured.out.splitlines()

    bad_kind = (
        "audits/2026-11-20-internal.yaml:2:7: error: kind 'inspection' is not in vocabulary.yaml "
        "audit_kinds; use one of: external, internal, mystery-shopper"
    )
    removed = "audits/2026-05-20-mystery-shopper.yaml:18:15: warning: standard 'OLD-01' was"
    code, lines = check()
    assert code == 1
    assert lines[0].startswith(removed) and lines[1] == bad_kind
    assert lines[-1] == "checked 13 files: 1 error, 1 warning"
    assert check("audits/2026-11-20-internal.yaml") == (
        1,
        [bad_kind, "checked 1 file: 1 error, 0 warnings"],
    )
    assert check("audits")[1][-1] == "checked 13 files: 1 error, 1 warning"
    assert check("standards/stay.yaml") == (0, ["checked 1 file: no problems found"])


BAD_KIND = (
    "date: 2026-11-20\nkind: inspection\nauditor: Quality team\n"
    "results: [{standard: CHK-01, result: pass}]\n"
)
