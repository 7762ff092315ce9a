"""Fixtures of the security tests: the hostile site, built once and served.

The browser (``chromium``) is the run's one Chromium, from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import serve
from tests.security.attacks import ACCEPTED
from tests.security.hostile import write_hostile_audits, write_hostile_standards
from tests.sitebuild import build_site


@pytest.fixture(scope="session")
def hostile_standards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture plus one phase per accepted attack (see tests.security.hostile)."""
    return write_hostile_standards(tmp_path_factory.mktemp("hostile") / "data", ACCEPTED)


@pytest.fixture(scope="session")
def hostile_audits(hostile_standards: Path) -> Path:
    """One audit per accepted attack, its auditor, location and note the attack."""
    return write_hostile_audits(hostile_standards.parent / "audits", ACCEPTED)


@pytest.fixture(scope="session")
def hostile_site(
    tmp_path_factory: pytest.TempPathFactory, hostile_standards: Path, hostile_audits: Path
) -> Path:
    """The hostile handbook built like the real one, with --strict."""
    target = tmp_path_factory.mktemp("hostile-site")
    return build_site(target, hostile_standards, audits=hostile_audits)


@pytest.fixture(scope="session")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url
