"""Any organisation can start from the generator: init, new phase and standard, and the
checks that span files, all on starter handbooks the tests make themselves."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from handbook.model.languages import Languages
from handbook.reading.loader import phase_files
from handbook.tools.cli import main
from handbook.tools.init import STARTER, InitRefused, init_handbook
from handbook.tools.new import NewRefused, new_phase, new_standard, next_id
from tests.sitebuild import mkdocs_build
from tests.starterkit import TODAY, load, starter_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return starter_project(tmp_path / "project")


def run(project: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        code = main(list(args))
    finally:
        os.chdir(cwd)
    return code, capsys.readouterr().out


def phase_file(project: Path) -> Path:
    (path,) = phase_files(project / "standards")
    return path


def without_marks(text: dict[str, str]) -> dict[str, str]:
    return {language: value for language, value in text.items() if language != "based_on"}


def test_init_refuses_to_overwrite_without_force(project: Path) -> None:
    with pytest.raises(InitRefused, match=r"handbook files are already here.*--force"):
        init_handbook(project, "Other", Languages(("en",)), TODAY)


def test_init_counts_a_single_file_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "front-desk.yaml").write_text("phase: front-desk\n")
    with pytest.raises(InitRefused, match=r"^1 handbook file is already here"):
        init_handbook(tmp_path, "Other", Languages(("en",)), TODAY)


def test_init_empties_audits_and_starts_the_audits_page(tmp_path: Path) -> None:
    """An audit of the old handbook names its standards: kept, it would fail the check."""
    project = starter_project(tmp_path / "project")
    (project / "audits").mkdir()
    (project / "audits" / "2026-11-14-internal.yaml").write_text("date: 2026-11-14\n")
    report = init_handbook(project, "Other", Languages(("en", "pl")), TODAY, force=True)
    assert "audits/2026-11-14-internal.yaml" in report.removed
    assert list((project / "audits").glob("*.yaml")) == []
    assert "{{ audit_overview() }}" in (project / "docs" / "audits.pl.md").read_text()
    vocabulary = yaml.safe_load((project / "standards" / "vocabulary.yaml").read_text())
    assert set(vocabulary["audit_kinds"]) == {"internal", "mystery-shopper", "external"}


def test_the_starter_has_every_type_and_level_and_loads_cleanly(project: Path) -> None:
    result = load(project)
    assert result.handbook is not None
    assert result.problems == []
    standards = list(result.handbook.standards())
    assert {s.type.value for s in standards} == {"personal", "product", "procedure"}
    assert {s.level.value for s in standards} == {"basic", "expected", "exclusive"}


def test_the_starter_uses_the_terms_of_its_own_glossary(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The starter's own texts and pages use its terms; a variant written into a page is
    warned, in the language of the page."""
    result = load(project)
    assert result.handbook is not None
    concepts = result.handbook.glossary.concepts
    assert concepts and all(set(c.terms) == {"en", "pl", "ar"} for c in concepts)
    assert run(project, "check", capsys=capsys) == (0, "checked 4 files: no problems found\n")
    customer = next(c for c in concepts if c.key == "customer")
    page = project / "docs" / "reading.pl.md"
    variant = customer.terms["pl"].avoid[0].rstrip("*") + "a"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{variant}\n", encoding="utf-8")
    code, out = run(project, "check", capsys=capsys)
    assert code == 0
    assert f"docs/reading.pl.md:{page.read_text().count(chr(10))}:1: warning: '{variant}'" in out


def test_init_keeps_only_the_languages_asked_for(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "de", ("en", "de"))
    for path in (project / "standards").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(pl|ar):", text), path.name
    result = load(project, ("en", "de"))
    assert result.errors == []
    assert result.handbook is not None
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Test Office"' in config
    assert "locale: de" in config and "locale: pl" not in config
    assert (project / "docs" / "index.de.md").is_file()
    assert not (project / "docs" / "index.pl.md").exists()


def test_a_source_language_the_starter_lacks_gets_the_english_under_its_key(
    tmp_path: Path,
) -> None:
    project = starter_project(tmp_path / "de", ("de", "en"))
    data = yaml.safe_load(phase_file(project).read_text(encoding="utf-8"))
    english = yaml.safe_load((STARTER / "standards" / phase_file(project).name).read_text())
    title, step = english["title"]["en"], english["steps"][0]["title"]["en"]
    assert without_marks(data["title"]) == {"de": title, "en": title}
    assert without_marks(data["steps"][0]["title"]) == {"de": step, "en": step}  # block style
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    assert index == (STARTER / "docs" / "index.md").read_text(encoding="utf-8")  # no note
    assert load(project, ("de", "en")).errors == []


@pytest.mark.build
def test_a_persian_starter_builds_strict_right_to_left(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "fa", ("en", "fa"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "fa" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fa"' in html
    assert re.search(r'<body dir="rtl"', html)  # where Material writes the direction
    en_html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<body dir="ltr"' in en_html
    assert (project / "site" / "standards-fa.csv").is_file()
    assert not (project / "site" / "standards-pl.csv").exists()
    data = (project / "site" / "standards.json").read_text(encoding="utf-8")
    assert '"languages": [\n    "en",\n    "fa"\n  ]' in data


def test_new_phase_takes_the_next_order_and_writes_its_page(project: Path) -> None:
    languages = Languages(("en", "pl", "ar"))
    new_phase(project / "standards", project / "docs" / "phases", "billing", languages)
    data = yaml.safe_load((project / "standards" / "billing.yaml").read_text(encoding="utf-8"))
    assert data["order"] == 2
    assert set(data["title"]) == {"en", "pl", "ar"}
    page = (project / "docs" / "phases" / "billing.md").read_text(encoding="utf-8")
    assert page == '{{ phase_content("billing") }}\n'
    errors = [p for p in load(project).errors if p.path.endswith("billing.yaml")]
    assert errors and all("English" in p.message and "is empty" in p.message for p in errors)


def test_new_standard_goes_after_the_last_of_its_step_and_keeps_the_comments(
    project: Path,
) -> None:
    path = phase_file(project)
    before = path.read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    steps = [s["step"] for s in data["standards"]]
    first_step = steps[0]
    written = new_standard(
        project / "standards", path.stem, first_step, Languages(("en", "pl", "ar")), TODAY
    )
    after = path.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments == [line for line in after.splitlines() if line.lstrip().startswith("#")]
    new = yaml.safe_load(after)["standards"]
    position = max(n for n, step in enumerate(steps) if step == first_step) + 1
    ids = [s["id"] for s in data["standards"]]
    assert new[position]["id"] == written.what.split()[-1] == next_id(path.stem, ids, set(ids))
    assert new[position]["step"] == first_step
    assert new[position]["last_reviewed"] == TODAY
    assert [s["id"] for s in new if s["id"] in ids] == ids


def test_next_id_continues_the_phases_prefix_and_skips_ids_used_elsewhere() -> None:
    assert next_id("billing", ["BIL-01", "BIL-09"], {"BIL-10"}) == "BIL-11"
    assert next_id("room-service", [], set()) == "RS-01"


def test_a_reused_id_is_reported_in_both_files(project: Path) -> None:
    path = phase_file(project)
    text = path.read_text(encoding="utf-8")
    first_id = yaml.safe_load(text)["standards"][0]["id"]
    other = path.with_name("later.yaml")
    other_text = text.replace(f"phase: {path.stem}", "phase: later").replace("order: 1", "order: 1")
    other.write_text(other_text, encoding="utf-8")
    errors = load(project).errors
    reused = [p for p in errors if f"standard ID '{first_id}'" in p.message]
    assert {Path(p.path).name for p in reused} == {path.name, "later.yaml"}
    orders = [p for p in errors if p.message.startswith("order '1' ")]
    assert {Path(p.path).name for p in orders} == {path.name, "later.yaml"}
    order_line = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("order:"))
    assert all(p.line == order_line for p in orders)


def test_checking_one_file_still_shows_a_clash_with_another(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = phase_file(project)
    text = path.read_text(encoding="utf-8")
    (project / "standards" / "later.yaml").write_text(
        text.replace(f"phase: {path.stem}", "phase: later").replace("order: 1", "order: 2"),
        encoding="utf-8",
    )
    code, out = run(project, "check", "standards/later.yaml", capsys=capsys)
    assert code == 1
    assert "standards/later.yaml:" in out and "is already used at standards/" in out
    assert not any(line.startswith(f"standards/{path.name}:") for line in out.splitlines())


def test_require_translations_turns_a_missing_translation_into_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = phase_file(project)
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("ar:"))
    path.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    assert run(project, "check", capsys=capsys)[0] == 0
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  handbook:\n", "  handbook:\n    require_translations: true\n"
        ),
        encoding="utf-8",
    )
    code, out = run(project, "check", capsys=capsys)
    assert code == 1
    assert "has no Arabic (ar) translation; mkdocs.yml requires every translation" in out


def test_init_without_english_keeps_every_text_readable(tmp_path: Path) -> None:
    """The starter's one-line texts start with en: removing that first key keeps the rest."""
    project = starter_project(tmp_path / "pl", ("pl", "de"))
    result = load(project, ("pl", "de"))
    assert result.errors == []
    data = yaml.safe_load(phase_file(project).read_text(encoding="utf-8"))
    assert set(data["title"]) == {"pl"} and data["title"]["pl"] == "Pierwszy kontakt"


def test_init_refuses_before_it_removes_anything(project: Path) -> None:
    (project / "mkdocs.yml").unlink()
    before = sorted(p.name for p in (project / "standards").iterdir())
    with pytest.raises(InitRefused, match=r"no mkdocs\.yml"):
        init_handbook(project, "Other", Languages(("en", "de")), TODAY, force=True)
    assert sorted(p.name for p in (project / "standards").iterdir()) == before


def test_a_name_with_quotes_and_backslashes_is_written_as_yaml(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "p")
    name = 'C:\\Office "North"'
    init_handbook(project, name, Languages(("en", "ar")), TODAY, force=True)
    config = yaml.safe_load(
        "\n".join(
            line
            for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
            if line.startswith(("site_name:", "copyright:"))
        )
    )
    assert config["site_name"] == name
    assert name in config["copyright"]


def test_checking_a_file_the_checker_does_not_read_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(project, "check", "mkdocs.yml", capsys=capsys)
    assert code == 1
    assert "mkdocs.yml:1:1: error: not a handbook file" in out


def test_new_standard_refuses_a_broken_file_and_leaves_it_alone(project: Path) -> None:
    path = phase_file(project)
    broken = path.read_text(encoding="utf-8") + "standards: [\n"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(NewRefused, match="fix this first"):
        new_standard(project / "standards", path.stem, None, Languages(("en",)), TODAY)
    assert path.read_text(encoding="utf-8") == broken


def test_a_language_spelled_otherwise_than_in_mkdocs_yml_is_named(project: Path) -> None:
    path = phase_file(project)
    text = path.read_text(encoding="utf-8")
    assert ", pl: " in text
    path.write_text(text.replace(", pl: ", ", PL: ", 1), encoding="utf-8")
    messages = [p.message for p in load(project).errors]
    assert messages == [
        "'title' has text in 'PL'; write it as 'pl', as the language is spelled in mkdocs.yml"
    ]
