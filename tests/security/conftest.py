"""Fixtures of the security tests: the hostile site, built once and served.

The browser (``chromium``) is the run's one Chromium, from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import serve
from tests.security.attacks import ACCEPTED
from tests.security.hostile import write_hostile_standards
from tests.sitebuild import build_site


@pytest.fixture(scope="session")
def hostile_standards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture plus one phase per accepted attack (see tests.security.hostile)."""
    return write_hostile_standards(tmp_path_factory.mktemp("hostile") / "data", ACCEPTED)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, hostile_standards: Path) -> Path:
    """The hostile handbook built like the real one, with --strict."""
    return build_site(tmp_path_factory.mktemp("hostile-site"), hostile_standards)


@pytest.fixture(scope="session")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url
