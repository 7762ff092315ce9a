"""Load a folder of standards into a validated :class:`Handbook`, collecting every problem.

Data flows one way: files → located nodes (yamlsource) → typed fields (fields) → model.
Nothing stops at the first mistake: the editor sees all of them in one run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from handbook.model import (
    Handbook,
    Level,
    Phase,
    Standard,
    StandardType,
    Step,
    Text,
    Vocabulary,
)
from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.contract import PHASE, STANDARD, STEP, Field, Record
from handbook.reading.fields import (
    TextReader,
    read_choice,
    read_date,
    read_id,
    read_int,
    read_record,
    read_slug,
    read_slugs,
)
from handbook.reading.fingerprints import SCALAR_KINDS, outdated_warnings
from handbook.reading.glossary import GLOSSARY_FILE, load_glossary
from handbook.reading.labels import LABELS_FILE, load_labels
from handbook.reading.problems import Place, Problem, Severity, display_path
from handbook.reading.wording import Wording
from handbook.reading.yamlsource import Node, read_yaml

T = TypeVar("T")

VOCABULARY_FILE = "vocabulary.yaml"
VOCABULARY_SECTIONS = {
    "qualities": "the service qualities steps refer to",
    "owners": "the roles accountable for standards",
}


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
    folder: Path, policy: ReviewPolicy, languages: Languages, require_translations: bool = False
) -> LoadResult:
    """Load every file of ``folder``: the glossary, the vocabulary, the labels and the phases."""
    problems: list[Problem] = []
    glossary = load_glossary(folder / GLOSSARY_FILE, languages, problems)
    texts = TextReader(languages, require_translations, Wording(glossary))
    vocabulary = _load_vocabulary(folder / VOCABULARY_FILE, texts, problems)
    labels = load_labels(folder / LABELS_FILE, texts, problems)
    phases: list[Phase] = []
    ids = Registry("standard ID", "IDs must be unique across the handbook")
    orders = Registry("order", "give each phase its own position in the sequence")
    for path in phase_files(folder):
        phase = _load_phase_file(path, vocabulary, policy, texts, ids, orders, problems)
        if phase is not None:
            phases.append(phase)
    problems.sort()
    if any(p.severity is Severity.ERROR for p in problems):
        return LoadResult(None, problems)
    phases.sort(key=lambda p: (p.order, p.slug))
    return LoadResult(Handbook(tuple(phases), vocabulary, labels, languages, glossary), problems)


class Registry:
    """The first place of each value that must be unique; a repeat is reported at both.

    An editor who reuses an ID sees the error in the file they changed and in the file
    that had it first, so a pull request shows it inside its own diff.
    """

    def __init__(self, what: str, rule: str) -> None:
        self.what = what
        self.rule = rule
        self.first: dict[str, Place] = {}

    def add(self, value: str, place: Place, problems: list[Problem]) -> bool:
        """Record ``value`` at ``place``; False (and both places reported) if seen before."""
        first = self.first.get(value)
        if first is None:
            self.first[value] = place
            return True
        problems.append(
            place.error(
                f"{self.what} '{value}' is already used at {first.path}:{first.line}; {self.rule}"
            )
        )
        problems.append(
            first.error(
                f"{self.what} '{value}' is used again at {place.path}:{place.line}; {self.rule}"
            )
        )
        return False


def _load_vocabulary(path: Path, texts: TextReader, problems: list[Problem]) -> Vocabulary:
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    sections: dict[str, dict[str, Text]] = {name: {} for name in VOCABULARY_SECTIONS}
    if node is None:
        return Vocabulary(**sections)
    problems.extend(outdated_warnings(node, texts.languages))
    if node.kind != "map":
        problems.append(node.place.error("the vocabulary must list 'qualities' and 'owners'"))
        return Vocabulary(**sections)
    given = {key: value for key, _, value in node.entries}
    for key, key_place, _ in node.entries:
        if key not in VOCABULARY_SECTIONS:
            problems.append(
                key_place.error(
                    f"unknown key '{key}' in the vocabulary; allowed keys: "
                    + ", ".join(VOCABULARY_SECTIONS)
                )
            )
    for name, help_text in VOCABULARY_SECTIONS.items():
        if name not in given:
            problems.append(node.place.error(f"the vocabulary is missing '{name}': {help_text}"))
        else:
            sections[name] = _read_terms(given[name], name, texts, problems)
    return Vocabulary(**sections)


def _read_terms(
    node: Node, section: str, texts: TextReader, problems: list[Problem]
) -> dict[str, Text]:
    if node.kind != "map":
        problems.append(node.place.error(f"'{section}' must be a group of names, e.g. friendly:"))
        return {}
    terms: dict[str, Text] = {}
    for key, key_place, value in node.entries:
        slug = read_slug(Node("str", key_place, scalar=key), Field(section, "slug", ""), problems)
        text = texts(value, Field(key, "text", ""), problems)
        if slug and text:
            terms[slug] = text
    return terms


def _load_phase_file(
    path: Path,
    vocabulary: Vocabulary,
    policy: ReviewPolicy,
    texts: TextReader,
    ids: Registry,
    orders: Registry,
    problems: list[Problem],
) -> Phase | None:
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    if node is None:
        return None
    problems.extend(outdated_warnings(node, texts.languages))
    before = len(problems)
    values = read_record(node, PHASE, problems)
    if values is None:
        return None
    slug = _field(values, PHASE, "phase", read_slug, problems)
    if slug is not None and slug != path.stem:
        problems.append(
            values["phase"].place.error(
                f"phase '{slug}' does not match the file name '{path.name}'; "
                f"rename the file to {slug}.yaml or set phase: {path.stem}"
            )
        )
    steps = _read_steps(values.get("steps"), vocabulary, texts, problems)
    step_ids = {step.id for step in steps}
    context = _StandardContext(slug or path.stem, step_ids, vocabulary, policy, texts)
    standards = _read_standards(values.get("standards"), context, ids, problems)
    kind = _field(values, PHASE, "kind", read_choice, problems) or "phase"
    order = _field(values, PHASE, "order", read_int, problems)
    if order is not None:
        orders.add(str(order), values["order"].place, problems)
    title = _field(values, PHASE, "title", texts, problems)
    summary = _field(values, PHASE, "summary", texts, problems)
    if _has_new_errors(problems, before) or None in (slug, order, title, summary):
        return None
    assert slug is not None and order is not None and title is not None and summary is not None
    return Phase(slug, order, title, summary, steps, standards, shown, kind == "principles")


def _has_new_errors(problems: list[Problem], before: int) -> bool:
    return any(p.severity is Severity.ERROR for p in problems[before:])


def _field(
    values: dict[str, Node],
    record: Record,
    name: str,
    reader: Callable[[Node, Field, list[Problem]], T | None],
    problems: list[Problem],
) -> T | None:
    """Read the field ``name`` of ``record`` with its reader; None when absent or wrong."""
    node = values.get(name)
    if node is None:
        return None
    return reader(node, _contract(record, name), problems)


def _contract(record: Record, name: str) -> Field:
    found = record.field(name)
    assert found is not None, f"{record.name} has no field {name}"
    return found


def _records(node: Node | None, name: str, problems: list[Problem]) -> tuple[Node, ...]:
    if node is None:
        return ()
    if node.kind != "seq":
        problems.append(node.place.error(f"'{name}' must be a list (each item starts with '- ')"))
        return ()
    return node.items


def _read_steps(
    node: Node | None, vocabulary: Vocabulary, texts: TextReader, problems: list[Problem]
) -> tuple[Step, ...]:
    steps: list[Step] = []
    seen = Registry("step id", "give each step of the phase its own id")
    for item in _records(node, "steps", problems):
        values = read_record(item, STEP, problems)
        if values is None:
            continue
        step_id = _field(values, STEP, "id", read_slug, problems)
        title = _field(values, STEP, "title", texts, problems)
        qualities = (
            read_slugs(values["qualities"], _contract(STEP, "qualities"), problems)
            if ("qualities" in values)
            else []
        )
        for quality, place in qualities:
            if quality not in vocabulary.qualities:
                problems.append(
                    place.error(
                        f"quality '{quality}' is not in {VOCABULARY_FILE}; use one of: "
                        + ", ".join(sorted(vocabulary.qualities))
                    )
                )
        unique = step_id is None or seen.add(step_id, values["id"].place, problems)
        if unique and step_id is not None and title is not None:
            steps.append(Step(step_id, title, tuple(q for q, _ in qualities)))
    return tuple(steps)


@dataclass(frozen=True)
class _StandardContext:
    """What a phase file's standards are checked against."""

    phase: str
    step_ids: set[str]
    vocabulary: Vocabulary
    policy: ReviewPolicy
    texts: TextReader


def _read_standards(
    node: Node | None, context: _StandardContext, ids: Registry, problems: list[Problem]
) -> tuple[Standard, ...]:
    standards: list[Standard] = []
    for item in _records(node, "standards", problems):
        values = read_record(item, STANDARD, problems)
        if values is None:
            continue
        id_node = values.get("id")
        unique = (
            id_node is None
            or id_node.kind not in SCALAR_KINDS
            or ids.add(id_node.scalar, id_node.place, problems)
        )
        # Read even a repeated standard, so its other mistakes are reported in the same run.
        standard = _read_standard(values, context, problems)
        if standard is not None and unique:
            standards.append(standard)
    return tuple(standards)


def _read_standard(
    values: dict[str, Node], context: _StandardContext, problems: list[Problem]
) -> Standard | None:
    before = len(problems)
    standard_id = _field(values, STANDARD, "id", read_id, problems)
    step = _field(values, STANDARD, "step", read_slug, problems)
    if step is not None and step not in context.step_ids:
        problems.append(
            values["step"].place.error(
                f"step '{step}' is not a step of this phase; use one of: "
                + (", ".join(sorted(context.step_ids)) or "(no steps defined)")
            )
        )
    owners = context.vocabulary.owners
    owner = _field(values, STANDARD, "owner", read_slug, problems)
    if owner is not None and owner not in owners:
        problems.append(
            values["owner"].place.error(
                f"owner '{owner}' is not in {VOCABULARY_FILE}; use one of: "
                + ", ".join(sorted(owners))
            )
        )
    kind = _field(values, STANDARD, "type", read_choice, problems)
    level = _field(values, STANDARD, "level", read_choice, problems)
    today = context.policy.today
    last_reviewed = (
        read_date(values["last_reviewed"], _contract(STANDARD, "last_reviewed"), problems, today)
        if "last_reviewed" in values
        else None
    )
    months = _field(values, STANDARD, "review_months", read_int, problems)
    text = _field(values, STANDARD, "text", context.texts, problems)
    check = _field(values, STANDARD, "check", context.texts, problems)
    if (
        _has_new_errors(problems, before)
        or standard_id is None
        or owner is None
        or kind is None
        or level is None
        or last_reviewed is None
        or text is None
        or check is None
    ):
        return None
    return Standard(
        id=standard_id,
        phase=context.phase,
        step=step,
        type=StandardType(kind),
        level=Level(level),
        owner=owner,
        last_reviewed=last_reviewed,
        review_months=months or context.policy.review_months,
        text=text,
        check=check,
    )
