"""The blank audit form as Chromium prints it (print to PDF, the browser's own print): A4
portrait, only the form (no header, navigation or footer), its heading row on every page,
and right to left in Arabic.
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.harness import page_url
from tests.hotel import HOTEL
from tests.test_audit_forms import form_order

pytestmark = pytest.mark.browser

A4 = (595, 842)
"""A4 portrait in whole PDF points: 210 by 297 mm."""
CHECK_IN_IDS = [str(s["id"]) for s in form_order(HOTEL / "standards" / "check-in.yaml")]


def printed(page: Page) -> list[str]:
    """The text of each printed page, spaces joined; every page must be A4 portrait."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    for sheet in reader.pages:
        box = sheet.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


def test_a_phase_form_prints_on_one_a4_sheet_without_the_site_around_it(
    page: Page, site_url: str
) -> None:
    page.goto(page_url(site_url, "en", "audit-forms/check-in/"))
    sheets = printed(page)
    assert len(sheets) == 1  # eleven standards fit one sheet
    text = sheets[0]
    assert text.startswith("Audit form: Check-in")
    assert all(text.count(sid) == 1 for sid in CHECK_IN_IDS)
    for heading in ("How to check", "pass", "fail", "not applicable", "Note", "Auditor"):
        assert heading in text
    assert "Spreadsheet (CSV)" not in text  # the screen's download link
    assert "Search" not in text and "Service principles" not in text  # header and navigation


def test_a_long_form_repeats_its_heading_row_on_every_sheet(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "pl", "audit-forms/check-in/"))
    page.evaluate(
        """() => {
          const table = document.querySelector('.hb-audit-form__table');
          const groups = [...table.tBodies];
          for (let copy = 0; copy < 5; copy++)
            groups.forEach(group => table.appendChild(group.cloneNode(true)));
        }"""
    )
    sheets = printed(page)
    assert len(sheets) > 1
    assert all("Jak sprawdzić" in sheet for sheet in sheets)  # the heading row of the table
    for sid in CHECK_IN_IDS:
        assert sum(sheet.count(sid) for sheet in sheets) == 6  # every row printed, once each


def test_the_arabic_form_prints_right_to_left(page: Page, site_url: str) -> None:
    page.goto(page_url(site_url, "ar", "audit-forms/check-in/"))
    page.emulate_media(media="print")
    table = page.locator(".hb-audit-form__table")
    assert table.evaluate("element => getComputedStyle(element).direction") == "rtl"
    first = page.locator(".hb-audit-form__table tr[data-standard] td")
    identifier, check = first.nth(0).bounding_box(), first.nth(1).bounding_box()
    assert identifier is not None and check is not None
    assert identifier["x"] > check["x"]  # the ID column is the rightmost
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar").first.is_hidden()
    sheets = printed(page)
    assert len(sheets) == 1
    assert all(sheets[0].count(sid) == 1 for sid in CHECK_IN_IDS)
