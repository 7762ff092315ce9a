"""``handbook codeowners``: each phase file is reviewed by the GitHub people of its owners."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from handbook.tools.cli import main

PEOPLE = {
    "front-office-manager": ["@hotel/front-office", "@maria-k"],
    "housekeeping-manager": ["@hotel/housekeeping"],
    "head-receptionist": ["@hotel/front-office"],
}
EDITORS = ["@hotel/editors"]


def name_people(project: Path, people: dict[str, list[str]]) -> None:
    """Give owner roles of the project's vocabulary their GitHub people, as an editor would."""
    path = project / "standards/vocabulary.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        role = line.strip().split(":", 1)[0]
        if role in people and line.rstrip().endswith("}"):
            names = ", ".join(f'"{name}"' for name in people[role])
            lines[number] = f"{line.rstrip()[:-1]}, github: [{names}]}}\n"
    path.write_text("".join(lines), encoding="utf-8")


def name_editors(project: Path, editors: list[str]) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  handbook:\n" in text
    names = ", ".join(f'"{name}"' for name in editors)
    config.write_text(
        text.replace("  handbook:\n", f"  handbook:\n    editors: [{names}]\n"), encoding="utf-8"
    )


def rules(project: Path) -> dict[str, list[str]]:
    """The CODEOWNERS file read as GitHub reads it: path → owners, comments skipped."""
    text = (project / ".github/CODEOWNERS").read_text(encoding="utf-8")
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            path, *owners = line.split()
            found[path] = owners
    return found


def test_each_phase_file_names_the_people_of_its_standards_owners(
    hotel_here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name_people(hotel_here, PEOPLE)
    name_editors(hotel_here, EDITORS)
    assert main(["codeowners"]) == 0
    assert capsys.readouterr().out == "wrote .github/CODEOWNERS\n"
    expected = {}
    for phase_file in sorted((hotel_here / "standards").glob("*.yaml")):
        data = yaml.safe_load(phase_file.read_text(encoding="utf-8"))
        if "standards" not in data:
            continue
        roles = {standard["owner"] for standard in data["standards"]}
        people = {name for role in roles for name in PEOPLE.get(role, [])}
        if people:
            expected[f"/standards/{phase_file.name}"] = people
    for shared in ("vocabulary.yaml", "labels.yaml", "glossary.yaml"):
        expected[f"/standards/{shared}"] = set(EDITORS)
    found = rules(hotel_here)
    assert {path: set(owners) for path, owners in found.items()} == expected
    assert all(len(owners) == len(set(owners)) for owners in found.values())
    # reservation.yaml's owners name nobody: it has no rule, and the file says why
    assert "/standards/reservation.yaml" not in found
    text = (hotel_here / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "# /standards/reservation.yaml: no owner names GitHub people" in text


def test_check_fails_when_an_owner_change_left_the_file_behind(
    hotel_here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name_people(hotel_here, {**PEOPLE, "reservations-manager": ["@hotel/reservations"]})
    assert main(["codeowners"]) == 0
    assert main(["codeowners", "--check"]) == 0
    capsys.readouterr()
    reservation = hotel_here / "standards/reservation.yaml"
    text = reservation.read_text(encoding="utf-8")
    assert "owner: reservations-manager" in text
    reservation.write_text(
        text.replace("owner: reservations-manager", "owner: housekeeping-manager", 1),
        encoding="utf-8",
    )
    assert main(["codeowners", "--check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(".github/CODEOWNERS: out of date; run: handbook codeowners")
    assert "+/standards/reservation.yaml @hotel/housekeeping @hotel/reservations" in out
    assert main(["codeowners"]) == 0
    assert main(["codeowners", "--check"]) == 0
    assert rules(hotel_here)["/standards/reservation.yaml"] == [
        "@hotel/housekeeping",
        "@hotel/reservations",
    ]


def test_a_missing_file_is_out_of_date_and_writing_it_twice_changes_nothing(
    hotel_here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not (hotel_here / ".github").exists()
    assert main(["codeowners", "--check"]) == 1
    assert main(["codeowners"]) == 0
    written = (hotel_here / ".github/CODEOWNERS").read_bytes()
    assert main(["codeowners"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "up to date: .github/CODEOWNERS"
    assert (hotel_here / ".github/CODEOWNERS").read_bytes() == written


def test_a_handbook_with_errors_writes_nothing(
    hotel_here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name_people(hotel_here, {"front-office-manager": ["maria-k"]})
    assert main(["codeowners"]) == 1
    out = capsys.readouterr().out
    assert re.search(
        r"standards/vocabulary\.yaml:\d+:\d+: error: 'maria-k' in 'github' of "
        r"'front-office-manager' is not a GitHub user or team; write \"@user\" or "
        r"\"@organisation/team\", in quotes",
        out,
    ), out
    assert "nothing was written" in out
    assert not (hotel_here / ".github").exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ('["@-maria"]', "'@-maria' in 'github' of 'front-office-manager' is not a GitHub user"),
        ('["@hotel/front office"]', "'@hotel/front office' in 'github'"),
        ("[3]", "a whole number in 'github' of 'front-office-manager'"),
        ('"@maria-k"', "'github' of 'front-office-manager' must be a list of GitHub names"),
        ("[@maria-k]", 'a value that starts with @ or ` must be in quotes, e.g. "@maria-k"'),
    ],
)
def test_the_checker_places_each_wrong_github_name(
    hotel_here: Path, capsys: pytest.CaptureFixture[str], given: str, message: str
) -> None:
    path = hotel_here / "standards/vocabulary.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "front-office-manager:" in ln)
    path.write_text(
        re.sub(r"(  front-office-manager: \{.*)\}", rf"\1, github: {given}}}", text),
        encoding="utf-8",
    )
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert f"standards/vocabulary.yaml:{line}:" in out
    assert message in out


def test_a_quality_cannot_name_github_people(
    hotel_here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hotel_here / "standards/vocabulary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(  friendly: \{.*)\}", r'\1, github: ["@hotel/x"]}', text), encoding="utf-8"
    )
    assert main(["check"]) == 1
    assert "'github'" in capsys.readouterr().out


def test_editors_must_be_github_names(hotel_here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name_editors(hotel_here, ["hotel-editors"])
    assert main(["codeowners"]) == 1
    assert (
        "mkdocs.yml:1:1: error: extra.handbook.editors is ['hotel-editors']; use a list of "
        'GitHub users and teams, e.g. ["@example/editors"]'
    ) in capsys.readouterr().out


def test_the_vocabulary_schema_accepts_github_names_and_underlines_others(
    hotel_here: Path,
) -> None:
    assert main(["schema", "--output", "schema"]) == 0
    schema = json.loads((hotel_here / "schema/vocabulary.schema.json").read_text("utf-8"))
    name_people(hotel_here, PEOPLE)
    vocabulary = yaml.safe_load((hotel_here / "standards/vocabulary.yaml").read_text("utf-8"))
    jsonschema.validate(vocabulary, schema)
    vocabulary["owners"]["front-office-manager"]["github"] = ["maria-k"]
    with pytest.raises(jsonschema.ValidationError, match="maria-k"):
        jsonschema.validate(vocabulary, schema)
    vocabulary["owners"]["front-office-manager"].pop("github")
    vocabulary["qualities"]["friendly"]["github"] = ["@hotel/x"]
    with pytest.raises(jsonschema.ValidationError, match="github"):
        jsonschema.validate(vocabulary, schema)
