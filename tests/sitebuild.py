"""Build a handbook site with the real MkDocs, for tests that read the built HTML.

A project is the tool, always from this repository (``TOOL_PARTS``), plus a handbook's
content (``CONTENT_PARTS``) from a content folder: by default ``HOTEL``, the tests' own
frozen copy of the hotel handbook, never the example shipped at the repository root (which
an organisation replaces with its own; ``tests/test_shipped.py`` tests that one).

    project_copy(target)                      # the hotel fixture
    project_copy(target, standards)           # the hotel's pages, other data, its phase pages
    project_copy(target, content=folder)      # another handbook's content
    project_copy(target, standards, audits=folder)  # with that folder as its audits
    build_site(target, standards, strict=False)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from handbook.glue.configfile import read_config_file
from handbook.reading.loader import phase_files
from handbook.settings import PHASE_PAGES, STANDARDS
from tests.fastrun import refuse_in_fast_run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
HOTEL = FIXTURES / "hotel"
"""The tests' own handbook: a frozen copy of the hotel example (mkdocs.yml, docs, standards)."""
TEST_DAY = date(2026, 11, 25)
"""The review date of every test build and check (``HANDBOOK_TODAY``)."""
TEST_TODAY = TEST_DAY.isoformat()
TEST_EPOCH = "1795564800"
"""SOURCE_DATE_EPOCH of test builds (TEST_TODAY, 00:00 UTC): MkDocs and the exports take the
build time from it (sitemap dates, the gzip header), so two builds give the same bytes."""
TOOL_PARTS = ("hooks", "overrides", "docs/assets")
"""What every project takes from this repository: the generator, its theme and its scripts."""
CONTENT_PARTS = ("mkdocs.yml", "docs", "standards", "schema")
"""What a content folder gives a project: its settings, its hand-written pages, its data and
the editors' schemas for its languages, when it has them (``docs/assets`` of a content
folder, if any, is ignored: the tool's own are used)."""
_ASSETS = Path(TOOL_PARTS[-1])


def project_copy(
    target: Path,
    standards: Path | None = None,
    *,
    content: Path = HOTEL,
    audits: Path | None = None,
) -> Path:
    """A project in ``target``: the tool from this repository and the handbook of ``content``.

    With ``standards``, that folder is the data instead of the content's own, and the phase
    pages are written for its phase files (``write_phase_pages``). With ``audits``, that
    folder becomes the project's ``audits/``.
    """
    target.mkdir(parents=True, exist_ok=True)
    data = handbook_setting(content, "standards")
    _copy(content / "mkdocs.yml", target / "mkdocs.yml")
    _copy(content / "docs", target / "docs", leave_out=content / "docs" / "assets")
    _copy(standards or content / data, target / data)
    if (content / "schema").is_dir():
        _copy(content / "schema", target / "schema")
    if audits is not None:
        _copy(audits, target / "audits")
    for part in TOOL_PARTS:
        _copy(ROOT / part, target / part)
    if standards is not None:
        write_phase_pages(target)
    return target


def _copy(source: Path, target: Path, leave_out: Path | None = None) -> None:
    if not source.is_dir():
        shutil.copy2(source, target)
        return
    skip = shutil.ignore_patterns("*.egg-info", "__pycache__")

    def ignore(folder: str, names: list[str]) -> set[str]:
        left_out = {leave_out.name} if leave_out and Path(folder) == leave_out.parent else set()
        return set(skip(folder, names)) | left_out

    shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)


def write_phase_pages(project: Path) -> None:
    """One page per phase file of ``project``, as an editor adding a phase would write it."""
    pages = project / "docs" / handbook_setting(project, "phase_pages")
    shutil.rmtree(pages, ignore_errors=True)
    pages.mkdir()
    for phase_file in phase_files(project / handbook_setting(project, "standards")):
        slug = phase_file.stem
        (pages / f"{slug}.md").write_text(f'{{{{ phase_content("{slug}") }}}}\n')


_FOLDERS = {setting.key: setting.default for setting in (STANDARDS, PHASE_PAGES)}


def read_config(project: Path) -> dict[str, Any]:
    """The ``mkdocs.yml`` of ``project`` as the ``handbook`` command reads it (not validated,
    no plugin loaded)."""
    return read_config_file(project / "mkdocs.yml")


def handbook_setting(project: Path, name: str) -> str:
    """A folder setting of ``extra.handbook`` (``standards``, ``phase_pages``), or its default."""
    extra = read_config(project).get("extra") or {}
    value = (extra.get("handbook") or {}).get(name)
    return str(value) if value else _FOLDERS[name]


def build_env(today: str = TEST_TODAY) -> dict[str, str]:
    """The environment of a test build or check: a fixed review date and build time."""
    return {
        **os.environ,
        "HANDBOOK_TODAY": today,
        "SOURCE_DATE_EPOCH": TEST_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
    }


def mkdocs_build(
    project: Path,
    *extra_args: str,
    strict: bool = True,
    today: str = TEST_TODAY,
    site_dir: Path | str = "site",
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` in ``project`` as a user would; the caller checks the result.

    ``site_dir`` is relative to ``project`` unless absolute (a build into a temporary folder
    leaves the project as it was).
    """
    refuse_in_fast_run("a full build")
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *extra_args]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project, env=build_env(today), capture_output=True, text=True, timeout=600
    )


def build_site(
    target: Path,
    standards: Path | None = None,
    strict: bool = True,
    *,
    content: Path = HOTEL,
    audits: Path | None = None,
) -> Path:
    """Copy the project, build it and return the site folder; fail with MkDocs' output."""
    project = project_copy(target, standards, content=content, audits=audits)
    result = mkdocs_build(project, strict=strict)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return project / "site"
