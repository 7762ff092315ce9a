"""Property tests: whatever an editor (or an attacker) writes, the loader reports, never raises.

Hypothesis feeds the parser and the whole load path arbitrary text, arbitrary YAML trees and
trees shaped almost like a phase file, which reach the deeper field readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.reading.contract import PHASE, STANDARD, STEP
from handbook.reading.labels import LABELS_FILE
from handbook.reading.loader import load_handbook
from handbook.reading.problems import Place
from handbook.reading.vocabulary import VOCABULARY_FILE
from handbook.reading.yamlsource import parse_yaml
from handbook.tools.marking import mark_text
from handbook.tools.report import Outcome, github_report, text_report
from tests.hotel import HOTEL_LANGUAGES, hotel_policy

POLICY = hotel_policy()
BASE = Path(__file__).parent / "base"
# How many examples: the profile loaded in tests/conftest.py (fewer in `make test-fast`).
SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

any_text = st.text(st.characters(exclude_categories=()), max_size=30)
KEYS = sorted(
    {*PHASE.names, *STEP.names, *STANDARD.names, "en", "pl", "ar", "based_on", "qualities"}
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | any_text
    | st.dates()
    | st.sampled_from(["CHK-01", "greeting", "front-office-manager", "basic", "2026-02-30"])
)
trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=12,
)
texts = st.fixed_dictionaries(
    {}, optional={"en": scalars, "pl": scalars, "ar": scalars, "based_on": trees}
)


def record(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """A map with some of ``names``, each a text, a scalar or any tree."""
    return st.fixed_dictionaries({}, optional={name: texts | trees for name in names})


phase_like = st.fixed_dictionaries(
    {"phase": st.just("fuzz")},
    optional={
        "order": trees,
        "title": texts | trees,
        "summary": texts,
        "kind": trees,
        "steps": st.lists(record(STEP.names), max_size=3),
        "standards": st.lists(record(STANDARD.names), max_size=3),
    },
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One handbook folder, its phase file rewritten by every example; with the valid base
    phase in its place it loads clean, so the examples reach the phase readers."""
    standards = tmp_path_factory.mktemp("fuzz")
    for name in (VOCABULARY_FILE, LABELS_FILE):
        (standards / name).write_bytes((BASE / name).read_bytes())
    valid = (BASE / "base.yaml").read_text(encoding="utf-8").replace("phase: base", "phase: fuzz")
    (standards / "fuzz.yaml").write_text(valid, encoding="utf-8")
    assert load_handbook(standards, POLICY, HOTEL_LANGUAGES).problems == []
    return standards


def load_text(folder: Path, text: str) -> None:
    """Write ``text`` as the phase file (any code point, even a lone surrogate) and load."""
    (folder / "fuzz.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))
    result = load_handbook(folder, POLICY, HOTEL_LANGUAGES)
    assert result.handbook is not None or result.errors


def dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True)


@SETTINGS
@given(any_text | st.text())
def test_parser_never_raises_on_any_text(text: str) -> None:
    node, problems = parse_yaml(text, "fuzz.yaml")
    assert node is not None or problems


@SETTINGS
@given(any_text | st.text())
def test_loader_never_raises_on_any_text(folder: Path, text: str) -> None:
    load_text(folder, text)


@SETTINGS
@given(trees)
def test_loader_never_raises_on_any_yaml_tree(folder: Path, tree: Any) -> None:
    load_text(folder, dump(tree))


@SETTINGS
@given(phase_like)
def test_loader_never_raises_on_almost_a_phase(folder: Path, tree: dict[str, Any]) -> None:
    load_text(folder, dump(tree))


printable = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
translated = st.fixed_dictionaries(
    {"en": printable, "pl": printable},
    optional={
        "ar": printable,
        "based_on": st.fixed_dictionaries(
            {}, optional={"pl": st.sampled_from(["0badf00d", "12345678"])}
        ),
    },
)
translated_phase = st.fixed_dictionaries(
    {
        "phase": st.just("fuzz"),
        "title": translated,
        "standards": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["A-1", "B-2"]), "text": translated, "check": translated}
            ),
            max_size=3,
        ),
    }
)


@SETTINGS
@given(
    translated_phase | phase_like,
    st.booleans(),
    st.integers(20, 200),
    st.sampled_from([("pl",), ("pl", "ar")]),
)
def test_marking_never_raises_and_is_done_once(
    tree: dict[str, Any], flow: bool, width: int, languages: Any
) -> None:
    """Marking succeeds or explains why; marking the result again changes nothing."""
    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow, width=width)
    marking = mark_text(text, "fuzz.yaml", HOTEL_LANGUAGES, languages, [])
    if not marking.problems:
        again = mark_text(marking.text, "fuzz.yaml", HOTEL_LANGUAGES, languages, [])
        assert (again.text, again.marked, again.problems) == (marking.text, (), ())


@SETTINGS
@given(st.text(), st.text(max_size=20))
def test_reports_cannot_be_forged_by_what_a_file_contains(message: str, path: str) -> None:
    """Echoed text never breaks a report line or starts a new GitHub workflow command."""
    outcome = Outcome((Place(path or "x", 3, 4).error(message),), 1)
    text_lines = text_report(outcome).splitlines()
    github_lines = github_report(outcome).splitlines()
    assert len(text_lines) == 2
    assert len(github_lines) == 2 and github_lines[0].startswith("::error file=")
    assert not github_lines[1].startswith("::")
