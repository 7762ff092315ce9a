"""``extra.handbook`` in mkdocs.yml: the review settings are validated, every mistake at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from handbook.glue.configfile import read_config_file
from handbook.model import Level
from handbook.model.review import ReviewPolicy
from handbook.reading.problems import HandbookError
from handbook.settings import DECLARED, read_settings, settings_of
from tests.hotel import HOTEL, HOTEL_LANGUAGES, hotel_policy
from tests.sitebuild import FIXTURES, ROOT, TEST_DAY
from tests.starterkit import POLICY as STARTER_POLICY

CONFIG = "site/mkdocs.yml"


def settings_error(monkeypatch: pytest.MonkeyPatch, **given: Any) -> list[str]:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    with pytest.raises(HandbookError) as raised:
        read_settings({"handbook": given}, CONFIG, HOTEL_LANGUAGES)
    return [str(problem) for problem in raised.value.problems]


def test_defaults_are_a_30_day_window_and_a_12_month_interval(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    settings = read_settings({}, CONFIG, HOTEL_LANGUAGES)
    assert settings.policy.due_soon_days == 30
    assert settings.policy.review_months == 12
    assert settings.policy.today == TEST_DAY
    assert settings.standards == Path("site/standards")


def test_configured_values_reach_the_review_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    given = {"handbook": {"due_soon_days": 0, "review_months": 6}}
    policy = read_settings(given, CONFIG, HOTEL_LANGUAGES).policy
    assert (policy.due_soon_days, policy.review_months) == (0, 6)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("due_soon_days", -1, "extra.handbook.due_soon_days is -1; use a whole number 0-365"),
        ("due_soon_days", 366, "extra.handbook.due_soon_days is 366; use a whole number 0-365"),
        ("due_soon_days", "30", "extra.handbook.due_soon_days is '30'; use a whole number 0-365"),
        ("due_soon_days", True, "extra.handbook.due_soon_days is True; use a whole number 0-365"),
        ("review_months", 0, "extra.handbook.review_months is 0; use a whole number 1-12"),
        ("review_months", 13, "extra.handbook.review_months is 13; use a whole number 1-12"),
        ("review_months", 1.5, "extra.handbook.review_months is 1.5; use a whole number 1-12"),
        ("audit_months", 0, "extra.handbook.audit_months is 0; use a whole number 1-120"),
        ("audit_latest", -1, "extra.handbook.audit_latest is -1; use a whole number 0-100"),
        (
            "level_weights",
            {"basic": 3, "premium": 1},
            "extra.handbook.level_weights is {'basic': 3, 'premium': 1}; use a weight 0-10 for "
            "any of the levels basic, expected, exclusive, e.g. {basic: 3, expected: 2, "
            "exclusive: 1}",
        ),
        (
            "level_weights",
            {"basic": 11},
            "extra.handbook.level_weights is {'basic': 11}; use a weight 0-10 for any of the "
            "levels basic, expected, exclusive, e.g. {basic: 3, expected: 2, exclusive: 1}",
        ),
        (
            "level_weights",
            [3, 2, 1],
            "extra.handbook.level_weights is [3, 2, 1]; use a weight 0-10 for any of the "
            "levels basic, expected, exclusive, e.g. {basic: 3, expected: 2, exclusive: 1}",
        ),
    ],
)
def test_a_wrong_review_setting_names_the_key_and_the_allowed_range(
    monkeypatch: pytest.MonkeyPatch, key: str, value: object, message: str
) -> None:
    assert settings_error(monkeypatch, **{key: value}) == [f"{CONFIG}:1:1: error: {message}"]


def test_every_wrong_setting_is_reported_in_one_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = settings_error(monkeypatch, due_soon_days=-5, review_months=24, badge_days=3)
    assert problems == [
        f"{CONFIG}:1:1: error: extra.handbook.due_soon_days is -5; use a whole number 0-365",
        f"{CONFIG}:1:1: error: extra.handbook.review_months is 24; use a whole number 1-12",
        f"{CONFIG}:1:1: error: unknown setting 'extra.handbook.badge_days'; allowed: "
        "audit_latest, audit_months, audits, due_soon_days, editors, level_weights, phase_pages, "
        "require_translations, review_months, standards",
    ]


def test_the_audit_settings_reach_the_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    given = {
        "handbook": {
            "audits": "visits",
            "audit_months": 6,
            "audit_latest": 4,
            "level_weights": {"basic": 3, "exclusive": 0},
        }
    }
    settings = read_settings(given, CONFIG, HOTEL_LANGUAGES)
    assert settings.audits == Path("site/visits")
    scoring = settings.scoring
    assert (scoring.today, scoring.months, scoring.latest) == (TEST_DAY, 6, 4)
    assert [scoring.weight(level) for level in Level] == [3, 1, 0]
    defaults = read_settings({}, CONFIG, HOTEL_LANGUAGES)
    assert defaults.audits == Path("site/audits")
    assert (defaults.scoring.months, defaults.scoring.latest) == (12, 0)
    assert [defaults.scoring.weight(level) for level in Level] == [1, 1, 1]


def test_a_wrong_handbook_today_is_reported_with_the_form_to_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "25.11.2026")
    with pytest.raises(HandbookError) as raised:
        read_settings({}, CONFIG, HOTEL_LANGUAGES)
    assert [str(p) for p in raised.value.problems] == [
        "environment:1:1: error: HANDBOOK_TODAY='25.11.2026' is not a date; use the form YYYY-MM-DD"
    ]


@pytest.mark.parametrize("section", [5, True, [1], "abc"])
def test_a_handbook_section_that_is_not_a_group_is_an_error(
    monkeypatch: pytest.MonkeyPatch, section: Any
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-25")
    with pytest.raises(HandbookError) as raised:
        read_settings({"handbook": section}, CONFIG, HOTEL_LANGUAGES)
    assert [str(p) for p in raised.value.problems] == [
        "site/mkdocs.yml:1:1: error: extra.handbook must be a group of settings (key: value)"
    ]


def test_folders_must_be_named(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings_error(monkeypatch, standards=None, phase_pages="/") == [
        "site/mkdocs.yml:1:1: error: extra.handbook.phase_pages is '/'; use a folder name, "
        "e.g. phases",
        "site/mkdocs.yml:1:1: error: extra.handbook.standards is None; use a folder name, "
        "e.g. standards",
    ]


def test_the_readme_lists_every_setting_as_declared() -> None:
    def shown(default: object) -> str:
        if isinstance(default, tuple):
            return str(list(default))
        return str(default).lower() if isinstance(default, bool) else str(default)

    expected = [
        f"| `{s.key}` | `{shown(s.default)}` | {s.kind.allowed} | {s.meaning} |" for s in DECLARED
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index("| setting | default | allowed | meaning |") + 2
    rows = readme[start : start + len(expected) + 1]
    assert rows == [*expected, ""]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (HOTEL / "mkdocs.yml", hotel_policy(STARTER_POLICY.today)),
        (FIXTURES / "config" / "mkdocs.yml", STARTER_POLICY),
    ],
)
def test_the_tests_review_rules_are_those_of_their_fixtures(
    monkeypatch: pytest.MonkeyPatch, config: Path, expected: ReviewPolicy
) -> None:
    """``hotel_policy`` and the starter's ``POLICY`` write out what the fixtures' mkdocs.yml
    set, so no test leans on a default kept somewhere else."""
    monkeypatch.setenv("HANDBOOK_TODAY", expected.today.isoformat())
    assert settings_of(read_config_file(config), str(config)).policy == expected


def test_require_translations_is_true_or_false(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings_error(monkeypatch, require_translations="yes") == [
        "site/mkdocs.yml:1:1: error: extra.handbook.require_translations is 'yes'; use true or "
        "false"
    ]
