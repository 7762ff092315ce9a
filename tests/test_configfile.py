"""mkdocs.yml is read the same way by the build and by the ``handbook`` command.

The build's settings come from MkDocs' own config object (``load_config``, as ``mkdocs build``
makes it); the command's from the file parsed by ``handbook.glue.configfile``. Each test gives
both the same mkdocs.yml and expects the same settings: ``!ENV``, ``!relative`` and
``INHERIT`` included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from handbook.build import load_build
from handbook.glue.configfile import read_config_file
from handbook.reading.problems import HandbookError
from handbook.settings import Settings
from handbook.tools.cli import main
from handbook.tools.commands import settings_from
from tests.sitebuild import TEST_TODAY, project_copy

VARIABLE = "HANDBOOK_TEST_DUE_SOON_DAYS"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the hotel fixture, the current folder, on the tests' date."""
    monkeypatch.setenv("HANDBOOK_TODAY", TEST_TODAY)
    monkeypatch.delenv(VARIABLE, raising=False)
    folder = project_copy(tmp_path / "project")
    monkeypatch.chdir(folder)
    return folder


def edit_config(project: Path, old: str, new: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    return config


def both_read(config: Path) -> Settings:
    """The settings of a build and of the command from ``config``; they must be the same."""
    built = load_build(load_config(config_file=str(config))).settings
    assert settings_from(str(config)) == built
    return built


@pytest.mark.parametrize(("value", "expected"), [(None, 30), ("7", 7)])
def test_an_env_setting_reads_the_same_in_the_build_and_the_command(
    project: Path, monkeypatch: pytest.MonkeyPatch, value: str | None, expected: int
) -> None:
    config = edit_config(project, "due_soon_days: 30", f"due_soon_days: !ENV [{VARIABLE}, 30]")
    if value is not None:
        monkeypatch.setenv(VARIABLE, value)
    assert both_read(config).policy.due_soon_days == expected


def test_the_check_reads_the_environment_variable(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_config(project, "due_soon_days: 30", f"due_soon_days: !ENV [{VARIABLE}, 30]")
    assert main(["check"]) == 0
    monkeypatch.setenv(VARIABLE, "-3")
    capsys.readouterr()
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "mkdocs.yml:1:1: error: extra.handbook.due_soon_days is -3; use a whole number 0-365"
    )


def test_a_relative_folder_is_the_one_mkdocs_names(project: Path) -> None:
    (project / "standards").rename(project / "data")
    edit_config(project, "watch:\n  - standards", "watch:\n  - data")
    config = edit_config(project, "standards: standards", "standards: !relative $config_dir/data")
    assert both_read(config).standards == project / "data"


def test_a_page_relative_folder_is_a_wrong_value_not_a_crash(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_config(project, "standards: standards", "standards: !relative")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "mkdocs.yml:1:1: error: extra.handbook.standards is <RelativeDirPlaceholder>; use a "
        "folder name, e.g. standards"
    )


def test_inherited_settings_are_merged_as_mkdocs_merges_them(project: Path) -> None:
    base = project / "base.yml"
    (project / "mkdocs.yml").rename(base)
    base.write_text(
        base.read_text(encoding="utf-8").replace("review_months: 12", "review_months: 6"),
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\nextra:\n  handbook:\n    due_soon_days: 10\n")
    policy = both_read(config).policy
    assert (policy.due_soon_days, policy.review_months) == (10, 6)


def problems_of(text: bytes, tmp_path: Path) -> list[str]:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(text)
    with pytest.raises(HandbookError) as raised:
        read_config_file(config)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            b"site_name: x\n  bad: indent\n",
            "mkdocs.yml:2:6: error: YAML syntax error: mapping values are not allowed here; "
            "check indentation, colons and quotes",
        ),
        (
            b"site_name: !nosuch x\n",
            "mkdocs.yml:1:12: error: a value MkDocs cannot read either: could not determine a "
            "constructor for the tag '!nosuch'; check the tag and that the module it names is "
            "installed",
        ),
        (
            b"- a list\n",
            "mkdocs.yml:1:1: error: mkdocs.yml must be a group of settings (key: value), "
            "e.g. site_name: Handbook",
        ),
        (
            b"42\n",
            "mkdocs.yml:1:1: error: mkdocs.yml must be a group of settings (key: value), "
            "e.g. site_name: Handbook",
        ),
        (
            b"site_name: x\nextra: \xff\n",
            "mkdocs.yml:2:1: error: the file is not UTF-8 text; save it with UTF-8 encoding",
        ),
    ],
)
def test_a_file_mkdocs_cannot_read_is_a_message_at_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: bytes, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems_of(text, tmp_path) == [message]


def test_a_mistake_in_an_inherited_file_is_reported_in_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.yml").write_text("site_name: x\nnav: [\n")
    assert problems_of(b"INHERIT: base.yml\n", tmp_path) == [
        "base.yml:3:1: error: YAML syntax error: expected the node content, but found "
        "'<stream end>' (while parsing a flow node); check indentation, colons and quotes"
    ]
    (tmp_path / "base.yml").unlink()
    assert problems_of(b"INHERIT: base.yml\n", tmp_path) == [
        "mkdocs.yml:1:1: error: cannot read the settings: Inherited config file 'base.yml' "
        f"does not exist at '{tmp_path / 'base.yml'}'."
    ]
