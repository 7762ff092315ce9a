"""The large handbook the search engines are measured on: ~3,000 standards in 3 languages.

The bulk is ``bench.generate``'s seeded synthetic corpus (pseudo-words with a realistic
word-frequency curve, so index sizes are honest). The real hotel phases are added to it, so
the query table of the browser tests (``tests.browser.queries``) has its targets among
3,000 distractors and recall can be measured at that size too.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bench.generate import SIZES, build_corpus, write_standards
from tests.sitebuild import ROOT, project_copy

REAL_ORDER_OFFSET = 100
"""Real phases go after the synthetic ones; the synthetic corpus has its own principles."""


def write_large_project(target: Path, standards: int = 3000) -> Path:
    """A site project in ``target`` with the synthetic corpus plus the real phases."""
    data = target.parent / f"{target.name}-standards"
    for folder in (data, target):
        shutil.rmtree(folder, ignore_errors=True)
    write_standards(build_corpus(SIZES[standards]), data)
    add_real_phases(ROOT / "standards", data)
    project = project_copy(target, data)
    shutil.rmtree(data)
    return project


def add_real_phases(real: Path, data: Path) -> None:
    """Copy the real phases into ``data`` as ordinary phases, merging their vocabulary.

    The real handbook's other files (its words and glossary) replace the synthetic ones:
    they name what the real phases' texts say.
    """
    vocabulary = _load(data / "vocabulary.yaml")
    for section, entries in _load(real / "vocabulary.yaml").items():
        vocabulary[section] = {**vocabulary.get(section, {}), **entries}
    _dump(vocabulary, data / "vocabulary.yaml")
    for path in sorted(real.glob("*.yaml")):
        if path.name == "vocabulary.yaml":
            continue
        phase = _load(path)
        if not isinstance(phase.get("phase"), str):  # labels.yaml has a word "phase"
            shutil.copyfile(path, data / path.name)
            continue
        phase.pop("kind", None)  # one principles file only: the synthetic corpus has it
        phase["order"] = REAL_ORDER_OFFSET + int(phase["order"])
        _dump(phase, data / path.name)


def _load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), path
    return loaded


def _dump(data: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
