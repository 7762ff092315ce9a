"""An editor's ordinary pull request keeps the suite green.

Each test copies the repository's shipped handbook (its ``mkdocs.yml``, ``docs/`` and
``standards/``, with the tool), makes one change an editor legitimately makes (a new phase,
a translation left for later), and runs ``tests/test_shipped.py`` on the copy in a fresh
pytest, as ``make test`` would run it on the changed repository. The rest of the suite
reads only its own fixtures, which a last test keeps so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from handbook.model import Level, StandardType
from handbook.reading.loader import LoadResult, load_handbook, phase_files
from handbook.reading.vocabulary import VOCABULARY_FILE
from handbook.reading.yamlsource import end_of_lines
from handbook.tools.commands import settings_from
from tests.hotel import hotel_policy
from tests.sitebuild import ROOT, handbook_setting, project_copy

pytestmark = pytest.mark.build

TODAY = date.today()
POLICY = hotel_policy(TODAY)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the shipped handbook with the tool: what a pull request would change."""
    return project_copy(tmp_path / "project", content=ROOT)


def data_of(project: Path) -> Path:
    return project / handbook_setting(project, "standards")


def loaded(project: Path) -> LoadResult:
    languages = settings_from(str(project / "mkdocs.yml")).languages
    result = load_handbook(data_of(project), POLICY, languages)
    assert result.errors == [], "\n".join(str(p) for p in result.errors)
    assert result.handbook is not None
    return result


def run_shipped_tests(project: Path, tmp_path: Path) -> None:
    """``pytest tests/test_shipped.py`` on ``project``: it must pass, every test run."""
    env = {**os.environ, "HANDBOOK_PROJECT": str(project)}
    command = [sys.executable, "-m", "pytest", "tests/test_shipped.py", "-q"]
    command += ["-p", "no:cacheprovider", "--basetemp", str(tmp_path / "inner")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = output.strip().splitlines()[-1]
    assert re.search(r"\b\d+ passed\b", summary), output
    for other in ("skipped", "failed", "error", "xfail", "xpass", "deselected"):
        assert other not in summary, output


# --- a new phase --------------------------------------------------------------------------


def free_name(taken: set[str], candidates: tuple[str, ...]) -> str:
    return next(name for name in candidates if name not in taken)


def add_phase(project: Path) -> str:
    """A new phase file after the last phase, with its own ID prefix, in English only, and
    its one-line page; returns its slug."""
    data = data_of(project)
    vocabulary = yaml.safe_load((data / VOCABULARY_FILE).read_text(encoding="utf-8"))
    records = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in phase_files(data)]
    ids = {str(s["id"]) for r in records for s in r.get("standards") or []}
    prefixes = {standard_id.split("-")[0] for standard_id in ids}
    slug = free_name({p.stem for p in phase_files(data)}, ("after-care", "after-care-2"))
    prefix = free_name(prefixes, ("AFT", "AFC", "AFTER"))
    order = max(int(r["order"]) for r in records) + 1
    quality, owner = next(iter(vocabulary["qualities"])), next(iter(vocabulary["owners"]))
    reviewed = (TODAY - timedelta(days=20)).isoformat()
    kinds, levels = [t.value for t in StandardType], [lv.value for lv in Level]
    (data / f"{slug}.yaml").write_text(
        f"""# yaml-language-server: $schema=../schema/phase.schema.json
phase: {slug}
order: {order}
title: {{en: After care}}
summary:
  en: >-
    What we do once the service is over, so that nothing promised is forgotten.
steps:
  - id: follow-up
    title: {{en: We follow up on what was promised}}
    qualities: [{quality}]
standards:
  - id: {prefix}-01
    step: follow-up
    type: {kinds[0]}
    level: {levels[0]}
    owner: {owner}
    last_reviewed: {reviewed}
    text:
      en: Follow up on every open request within **two working days**.
    check:
      en: Each open request has a follow-up recorded within two working days.
  - id: {prefix}-02
    type: {kinds[-1]}
    level: {levels[-1]}
    owner: {owner}
    last_reviewed: {reviewed}
    review_months: 6
    text:
      en: |-
        Keep a list of open requests:
        - who asked
        - what was promised
    check:
      en: The list is up to date when an auditor asks for it.
""",
        encoding="utf-8",
    )
    pages = project / "docs" / handbook_setting(project, "phase_pages")
    (pages / f"{slug}.md").write_text(f'{{{{ phase_content("{slug}") }}}}\n', encoding="utf-8")
    return slug


def test_a_new_phase_keeps_the_shipped_tests_green(project: Path, tmp_path: Path) -> None:
    slug = add_phase(project)
    handbook = loaded(project).handbook
    assert handbook is not None
    assert handbook.sequence[-1].slug == slug
    assert len(handbook.phase(slug).standards) == 2
    run_shipped_tests(project, tmp_path)


# --- a translation left for later ---------------------------------------------------------


def _pair(mapping: yaml.MappingNode, key: str) -> int | None:
    return next((i for i, (k, _) in enumerate(mapping.value) if k.value == key), None)


def _span_of_pair(text: str, mapping: yaml.MappingNode, index: int) -> tuple[int, int]:
    """The characters to delete to take pair ``index`` out of ``mapping``, as an editor
    would: its lines in block style, the pair and one comma in flow style."""
    pairs = mapping.value
    key, value = pairs[index]
    if mapping.flow_style:
        if index > 0:
            return pairs[index - 1][1].end_mark.index, value.end_mark.index
        return key.start_mark.index, pairs[1][0].start_mark.index
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    if index + 1 < len(pairs):
        end = text.rfind("\n", 0, pairs[index + 1][0].start_mark.index) + 1
    else:
        end = end_of_lines(text, value.end_mark.index)
    return start, end


def remove_translation(project: Path, language: str) -> str | None:
    """Delete the ``language`` text of the first standard that has one (and its ``based_on``
    fingerprint); returns the standard's ID, or None when no standard has that language."""
    for path in phase_files(data_of(project)):
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        assert isinstance(root, yaml.MappingNode), path
        found = _pair(root, "standards")
        standards = root.value[found][1].value if found is not None else []
        for standard in standards:
            fields = dict((k.value, v) for k, v in standard.value)
            texts = fields.get("text")
            found = _pair(texts, language) if isinstance(texts, yaml.MappingNode) else None
            if texts is None or found is None:
                continue
            cuts = [_span_of_pair(text, texts, found)]
            marks = _pair(texts, "based_on")
            if marks is not None:
                based_on = texts.value[marks][1]
                mark = _pair(based_on, language)
                if mark is not None and len(based_on.value) > 1:
                    cuts.append(_span_of_pair(text, based_on, mark))
                elif mark is not None:
                    cuts.append(_span_of_pair(text, texts, marks))
            for start, end in sorted(cuts, reverse=True):
                text = text[:start] + text[end:]
            path.write_text(text, encoding="utf-8")
            return str(fields["id"].value)
    return None


def test_a_translation_left_for_later_keeps_the_shipped_tests_green(
    project: Path, tmp_path: Path
) -> None:
    """The first translation found of the handbook's other languages is removed; a
    handbook with no translation at all is already in that state, and warned as such."""
    before = loaded(project)
    removed = None
    for language in settings_from(str(project / "mkdocs.yml")).languages.translated:
        standard_id = remove_translation(project, language)
        if standard_id is not None:
            removed = (standard_id, language)
            break
    after = loaded(project)
    assert after.handbook is not None
    if removed is None:
        assert any("translation" in p.message for p in before.warnings)
    else:
        standard_id, language = removed
        standard = next(s for s in after.handbook.standards() if s.id == standard_id)
        assert not standard.text.has(language)
        new = [str(p) for p in after.warnings if p not in before.warnings]
        assert len(new) == 1 and f"({language})" in new[0], new
    run_shipped_tests(project, tmp_path)


# --- nobody reads the shipped content again -----------------------------------------------

ALLOWED = {"test_shipped.py", "test_editor_changes.py", "sitebuild.py"}
"""The only modules that may read the shipped handbook; the rest read tests/fixtures."""
SHIPPED_CONTENT = re.compile(
    r"""ROOT\s*/\s*["'](?:standards|mkdocs\.yml|docs(?!/assets)\b)(?!["']\s*/\s*["']assets)"""
    r"""|ROOT\s*\.\s*joinpath\(\s*["'](?:standards|mkdocs\.yml|docs)"""
    r"""|content\s*=\s*ROOT\b|cwd\s*=\s*ROOT\b"""
)


@pytest.mark.parametrize(
    ("line", "reads"),
    [
        ('STANDARDS = ROOT / "standards"', True),
        ("(ROOT / 'docs' / 'index.md').read_text()", True),
        ('load_config(config_file=str(ROOT / "mkdocs.yml"))', True),
        ('ROOT / "docs/phases"', True),
        ('ROOT.joinpath("standards")', True),
        ("project_copy(target, content=ROOT)", True),
        ("subprocess.run(command, cwd=ROOT)", True),
        ('ROOT / "docs" / "assets" / "review.js"', False),
        ('ROOT / "schema" / "phase.schema.json"', False),
        ('HOTEL / "standards"', False),
    ],
)
def test_the_scan_knows_a_read_of_the_shipped_content(line: str, reads: bool) -> None:
    assert bool(SHIPPED_CONTENT.search(line)) is reads


def test_no_other_test_module_reads_the_shipped_content() -> None:
    tests = ROOT / "tests"
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(tests.rglob("*.py"))
        if path.name not in ALLOWED or path.parent != tests
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SHIPPED_CONTENT.search(line)
    ]
    assert found == [], "read tests/fixtures (sitebuild.HOTEL) instead:\n" + "\n".join(found)
