"""Shared fixtures: the real handbook and a small fixture handbook, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import ROOT, build_site

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped handbook built with --strict and HANDBOOK_TODAY=2026-11-25."""
    return build_site(tmp_path_factory.mktemp("handbook"))


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/small built non-strict (it lacks translations on purpose)."""
    return build_site(tmp_path_factory.mktemp("small"), FIXTURES / "small", strict=False)


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    return ROOT / "standards"
