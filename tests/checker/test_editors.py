"""What editors read and run besides the checker: pre-commit, CONTRIBUTING, the PR template."""

from __future__ import annotations

import yaml

from tests.sitebuild import ROOT


def test_pre_commit_runs_the_checker_and_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["handbook-check"]["entry"].endswith("handbook check")
    assert hooks["handbook-check"]["pass_filenames"] is False
    assert {"ruff", "ruff-format"} <= hooks.keys()


def test_contributing_covers_the_editors_tasks() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in (
        "## Change a standard",
        "## Add a standard",
        "## Add a phase",
        '{{ phase_content("room-service") }}',
        "handbook translated standards/check-in.yaml --language pl --id CHK-01",
        "make serve",
        "handbook check --format github",
    ):
        assert needed in text
    assert (ROOT / ".github" / "pull_request_template.md").is_file()
