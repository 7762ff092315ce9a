"""Load a folder of standards into a validated :class:`Handbook`, collecting every problem.

Data flows one way: files → located nodes (yamlsource) → typed fields (fields) → model.
The vocabulary and the labels are read first, then every phase file against them
(``phases``), with the values that must be unique across files (``crosschecks``).
Nothing stops at the first mistake: the editor sees all of them in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handbook.model import Handbook, Labels, Phase
from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.audits import AuditContext, load_audits
from handbook.reading.crosschecks import check_removed, unique_orders, unique_standard_ids
from handbook.reading.fields import TextReader
from handbook.reading.glossary import GLOSSARY_FILE, load_glossary
from handbook.reading.labels import LABELS_FILE, load_labels
from handbook.reading.phases import FileContext, load_phase_file
from handbook.reading.problems import Problem, Severity
from handbook.reading.vocabulary import VOCABULARY_FILE, load_vocabulary
from handbook.reading.wording import Wording


@dataclass
class LoadResult:
    """The handbook (None when any error was found) and every problem, sorted by place."""

    handbook: Handbook | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


DATA_FILES = frozenset({VOCABULARY_FILE, LABELS_FILE, GLOSSARY_FILE})
"""The files of the data folder that are not phases."""
OPTIONAL_FILES = frozenset({GLOSSARY_FILE})


def phase_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name not in DATA_FILES)


def data_files(folder: Path) -> list[Path]:
    """Every file the loader reads from ``folder``."""
    names = (n for n in sorted(DATA_FILES) if n not in OPTIONAL_FILES or (folder / n).is_file())
    return [*(folder / name for name in names), *phase_files(folder)]


def load_handbook(
    folder: Path,
    policy: ReviewPolicy,
    languages: Languages,
    require_translations: bool = False,
    audits: Path | None = None,
) -> LoadResult:
    """Load every file of ``folder``: the glossary, the vocabulary, the labels and the phases;
    then, with ``audits``, every audit file of that folder against them."""
    problems: list[Problem] = []
    glossary = load_glossary(folder / GLOSSARY_FILE, languages, problems)
    texts = TextReader(languages, require_translations, Wording(glossary))
    vocabulary = load_vocabulary(folder / VOCABULARY_FILE, texts, problems)
    labels = load_labels(folder / LABELS_FILE, texts, problems)
    phases: list[Phase] = []
    context = FileContext(vocabulary, policy, texts, unique_standard_ids(), unique_orders())
    for path in phase_files(folder):
        phase = load_phase_file(path, context, problems)
        if phase is not None:
            phases.append(phase)
    check_removed(context.removed, context.ids, problems)
    visits = () if audits is None else load_audits(audits, _audit_context(context), problems)
    problems.sort()
    if any(p.severity is Severity.ERROR for p in problems):
        return LoadResult(None, problems)
    phases.sort(key=lambda p: (p.order, p.slug))
    handbook = Handbook(tuple(phases), vocabulary, labels, languages, glossary, visits)
    return LoadResult(handbook, problems)


def _audit_context(phases: FileContext) -> AuditContext:
    """Audits are checked against every ID a phase file gave, even one with a mistake of its
    own, so a typo in a phase does not also fill the audits with errors."""
    return AuditContext(
        standards=phases.ids.first.keys(),
        removed={standard_id: place.path for standard_id, place in phases.removed.items()},
        kinds=phases.vocabulary.audit_kinds,
        today=phases.policy.today,
    )


def labels_alone(folder: Path, languages: Languages) -> Labels | None:
    """``labels.yaml`` by itself, for a page that must speak while other files have errors;
    None when it has errors of its own."""
    problems: list[Problem] = []
    labels = load_labels(folder / LABELS_FILE, TextReader(languages), problems)
    return None if any(p.severity is Severity.ERROR for p in problems) else labels
