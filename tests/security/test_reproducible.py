"""The build is reproducible: same standards, HANDBOOK_TODAY and SOURCE_DATE_EPOCH give the
same bytes in every file, so a reviewer can trust a diff of the built site.

The second build runs in another folder under another name: an absolute path or a time
leaking into any file (page, sitemap.xml.gz header, search index, export) shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build_site
from tests.test_audits import AUDITS, audited_standards

pytestmark = pytest.mark.build


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_in_different_folders_are_byte_identical(
    built_site: Path, tmp_path: Path
) -> None:
    again = build_site(tmp_path / "elsewhere" / "second-build")
    first, second = _files(built_site), _files(again)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    for must_exist in ("sitemap.xml.gz", "standards.json", "reviews.ics", "404.html"):
        assert must_exist in first


def test_two_builds_with_audits_are_byte_identical(tmp_path: Path) -> None:
    """The audit pages, the forms, the trend chart and the audit exports too."""
    data = audited_standards(tmp_path / "data")
    first = _files(build_site(tmp_path / "one", data, audits=AUDITS))
    second = _files(build_site(tmp_path / "elsewhere" / "two", data, audits=AUDITS))
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    for must_exist in (
        "audits.json",
        "audits-ar.csv",
        "audits/2026-11-14-mystery-shopper/index.html",
        "ar/audit-forms/check-in/index.html",
        "audit-form-check-in-pl.csv",
    ):
        assert must_exist in first
