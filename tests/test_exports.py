"""The export writers: calendar, JSON and CSV from a handbook, without MkDocs."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from icalendar import Calendar

from handbook.export import Publication, build_timestamp
from handbook.export.calendar import calendar_bytes
from handbook.export.data import FORMAT_VERSION, handbook_data
from handbook.export.table import table_bytes
from handbook.export.write import export_files, write_files
from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import ROOT, TEST_DAY

FIXTURE = Path(__file__).parent / "fixtures" / "small"
SCHEMA = ROOT / "schema" / "standards-export.schema.json"
TODAY = TEST_DAY
STAMP = datetime(2026, 11, 25, tzinfo=UTC)


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = load_handbook(FIXTURE, hotel_policy(TODAY), HOTEL_LANGUAGES)
    assert result.handbook is not None, result.problems
    return result.handbook


def publication(handbook: Handbook, today: date = TODAY, **extra: Any) -> Publication:
    settings = {"site_url": "https://example.org/hb/", "phase_pages": "phases", **extra}
    return Publication(handbook, hotel_policy(today), **settings)


def events(ics: bytes) -> list[Any]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_calendar_has_one_all_day_event_per_standard_on_its_next_review(
    handbook: Handbook,
) -> None:
    found = {str(e["UID"]): e for e in events(calendar_bytes(publication(handbook), STAMP))}
    assert sorted(found) == ["CHK-01@example.org", "CHK-02@example.org", "PRI-01@example.org"]
    event = found["CHK-01@example.org"]
    assert event.decoded("DTSTART") == date(2027, 10, 1)
    assert event.decoded("DTEND") == date(2027, 10, 2)
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["SUMMARY"]) == "Review CHK-01 (Front office manager)"
    assert str(event["URL"]) == "https://example.org/hb/phases/check-in/#chk-01"
    assert "How to check: " in str(event["DESCRIPTION"])


def test_calendar_is_the_same_on_any_day_with_the_same_stamp(handbook: Handbook) -> None:
    """Status is not in the calendar, so a later build only changes what really changed."""
    early = calendar_bytes(publication(handbook, date(2026, 1, 1)), STAMP)
    late = calendar_bytes(publication(handbook, date(2028, 1, 1)), STAMP)
    assert early == late


def test_calendar_text_survives_escaping_and_folding_as_written(handbook: Handbook) -> None:
    """Commas, semicolons, backslashes and long Arabic text come back exactly as the
    editor wrote them, in lines of at most 75 octets that never split a character."""
    english = " ".join(["Say: hello, guest; then wait \\ smile."] * 4)
    arabic = " ".join(["رحّب بكل نزيل خلال ثلاثين ثانية، وابتسم 😊"] * 6)
    phase = handbook.phases[0]
    first = phase.standards[0]
    text = replace(first.text, translations={**first.text.translations, "en": english})
    check = replace(first.check, translations={**first.check.translations, "en": arabic})
    changed = replace(
        phase, standards=(replace(first, text=text, check=check), *phase.standards[1:])
    )
    edited = replace(handbook, phases=(changed, *handbook.phases[1:]))

    ics = calendar_bytes(publication(edited), STAMP)

    lines = ics.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") for line in lines[:-1])  # no character cut in two
    found = {str(e["UID"]): e for e in events(ics)}
    description = str(found[f"{first.id}@example.org"]["DESCRIPTION"])
    assert description == f"{english}\n\nHow to check: {arabic}"


def test_calendar_needs_a_site_address_for_its_uids(handbook: Handbook) -> None:
    with pytest.raises(ValueError, match="site_url '' has no host name; set site_url"):
        calendar_bytes(publication(handbook, site_url=""), STAMP)


def test_timestamp_is_the_build_date_or_source_date_epoch() -> None:
    assert build_timestamp(TODAY, {}) == STAMP
    assert build_timestamp(TODAY, {"SOURCE_DATE_EPOCH": "0"}) == datetime(1970, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match=r"SOURCE_DATE_EPOCH='yesterday' is not a Unix"):
        build_timestamp(TODAY, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_data_export_is_valid_against_its_schema(handbook: Handbook) -> None:
    data = handbook_data(publication(handbook))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["format_version"] == FORMAT_VERSION == 1


def test_data_export_has_status_and_only_existing_translations(handbook: Handbook) -> None:
    data = handbook_data(publication(handbook, directory_urls=False))
    assert data["counts"] == {"overdue": 1, "due-soon": 1, "current": 1, "total": 3}
    assert [p["slug"] for p in data["phases"]] == ["principles", "check-in"]
    check_in = {s["id"]: s for s in data["phases"][1]["standards"]}
    untranslated = check_in["CHK-02"]
    assert untranslated["status"] == "due-soon"
    assert untranslated["next_review"] == "2026-12-10"
    assert list(untranslated["text"]) == ["en"]
    assert untranslated["url"]["pl"] == "https://example.org/hb/pl/phases/check-in.html#chk-02"


def test_data_export_schema_rejects_an_unknown_status(handbook: Handbook) -> None:
    data = handbook_data(publication(handbook))
    data["phases"][0]["standards"][0]["status"] = "stale"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'stale' is not one of"):
        jsonschema.validate(data, schema)


def test_table_has_a_row_per_standard_in_the_tables_language(handbook: Handbook) -> None:
    content = table_bytes(publication(handbook), "pl")
    assert content.startswith(b"\xef\xbb\xbf")  # spreadsheets need the BOM for UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [r["Identyfikator"] for r in rows] == ["PRI-01", "CHK-01", "CHK-02"]
    assert rows[0]["Stan"] == "Po terminie"
    assert rows[1]["Odpowiada"] == "Kierownik recepcji"
    assert rows[1]["Następny przegląd"] == "2027-10-01"
    assert rows[2]["Treść standardu"] == "Offer a cold towel on hot days."  # English fallback
    assert rows[1]["Odnośnik"] == "https://example.org/hb/pl/phases/check-in/#chk-01"


LANGS = ("ar", "en", "pl")


def test_exports_are_written_once_and_then_left_alone(handbook: Handbook, tmp_path: Path) -> None:
    files = export_files(publication(handbook), STAMP)
    forms = [f"audit-form-{p}-{lang}.csv" for p in ("check-in", "principles") for lang in LANGS]
    assert sorted(files) == [
        *forms,  # a blank audit form per phase and language, with or without audits
        "reviews.ics",
        "standards-ar.csv",
        "standards-en.csv",
        "standards-pl.csv",
        "standards.json",
    ]
    assert write_files(tmp_path, files) == list(files)
    assert write_files(tmp_path, files) == []  # the next language build: nothing to do
    (tmp_path / "standards.json").write_text("stale")
    assert write_files(tmp_path, files) == ["standards.json"]
    assert (tmp_path / "standards.json").read_bytes() == files["standards.json"]
