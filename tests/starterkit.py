"""Small handbooks for the generator's own tests, made with ``handbook init`` in a folder.

The starter is the tool's own content, not the shipped example; a test that needs a
particular mistake writes it into the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.loader import LoadResult, load_handbook
from handbook.tools.init import init_handbook
from tests.sitebuild import ROOT, TEST_DAY

TODAY = TEST_DAY
POLICY = ReviewPolicy(TODAY, due_soon_days=30, review_months=12)
"""The review rules of tests/fixtures/config/mkdocs.yml, the starter projects' settings."""


def starter_project(target: Path, codes: tuple[str, ...] = ("en", "pl", "ar")) -> Path:
    """A project in ``target``: the tool's parts from the repository and a starter handbook."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ("hooks", "overrides", "docs/assets"):
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("*.egg-info"))
    shutil.copy2(ROOT / "tests" / "fixtures" / "config" / "mkdocs.yml", target / "mkdocs.yml")
    init_handbook(target, "Test Office", Languages(codes), TODAY, force=True)
    return target


def load(project: Path, codes: tuple[str, ...] = ("en", "pl", "ar")) -> LoadResult:
    return load_handbook(project / "standards", POLICY, Languages(codes))
