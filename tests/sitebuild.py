"""Build the real handbook site with the real MkDocs, for tests that read the built HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_TODAY = "2026-11-25"
TEST_EPOCH = "1795564800"
"""SOURCE_DATE_EPOCH of test builds (TEST_TODAY, 00:00 UTC): MkDocs and the exports take the
build time from it (sitemap dates, the gzip header), so two builds give the same bytes."""
SITE_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")


def project_copy(target: Path, standards: Path | None = None) -> Path:
    """A copy of the site sources in ``target``, with ``standards`` as its data if given."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("*.egg-info"))
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(standards or ROOT / "standards", target / "standards")
    if standards is not None:
        write_phase_pages(target)
    return target


def write_phase_pages(project: Path) -> None:
    """One page per phase file of ``project``, as an editor adding a phase would write it."""
    pages = project / "docs" / "phases"
    shutil.rmtree(pages)
    pages.mkdir()
    for phase_file in (project / "standards").glob("*.yaml"):
        if phase_file.name != "vocabulary.yaml":
            slug = phase_file.stem
            (pages / f"{slug}.md").write_text(f'{{{{ phase_content("{slug}") }}}}\n')


def mkdocs_build(
    project: Path, *extra_args: str, strict: bool = True, today: str = TEST_TODAY
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` in ``project`` as a user would; the caller checks the result."""
    env = {
        **os.environ,
        "HANDBOOK_TODAY": today,
        "SOURCE_DATE_EPOCH": TEST_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site", *extra_args]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


def build_site(target: Path, standards: Path | None = None, strict: bool = True) -> Path:
    """Copy the project, build it and return the site folder; fail with MkDocs' output."""
    project = project_copy(target, standards)
    result = mkdocs_build(project, strict=strict)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return project / "site"
