"""Load a folder of standards into a validated :class:`Handbook`, collecting every problem.

Data flows one way: files → located nodes (yamlsource) → typed fields (fields) → model.
Nothing stops at the first mistake: the editor sees all of them in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from handbook.contract import PHASE, STANDARD, STEP, Field, Record
from handbook.fields import (
    read_choice,
    read_date,
    read_id,
    read_int,
    read_record,
    read_slug,
    read_slugs,
    read_text,
)
from handbook.model import Handbook, Level, Phase, Standard, StandardType, Step, Text, Vocabulary
from handbook.problems import Place, Problem, Severity, display_path
from handbook.review import ReviewPolicy
from handbook.translations import SCALAR_KINDS, outdated_warnings
from handbook.yamlsource import Node, read_yaml

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


def phase_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != VOCABULARY_FILE)


def load_handbook(
    folder: Path, policy: ReviewPolicy, only: Sequence[Path] | None = None
) -> LoadResult:
    """Load ``folder`` (or just the ``only`` phase files in it) against its vocabulary."""
    problems: list[Problem] = []
    vocabulary = _load_vocabulary(folder / VOCABULARY_FILE, problems)
    phases: list[Phase] = []
    id_places: dict[str, Place] = {}
    for path in only if only is not None else phase_files(folder):
        phase = _load_phase_file(path, vocabulary, policy, id_places, problems)
        if phase is not None:
            phases.append(phase)
    _check_orders(phases, problems)
    problems.sort()
    if any(p.severity is Severity.ERROR for p in problems):
        return LoadResult(None, problems)
    phases.sort(key=lambda p: (p.order, p.slug))
    return LoadResult(Handbook(tuple(phases), vocabulary), problems)


def _check_unique_ids(
    places: dict[str, Place], id_places: dict[str, Place], problems: list[Problem]
) -> None:
    """IDs already seen in other files; checked even when a file has other errors."""
    for standard_id, place in places.items():
        if standard_id in id_places:
            first = id_places[standard_id]
            problems.append(
                place.error(
                    f"standard ID '{standard_id}' is already used at "
                    f"{first.path}:{first.line}; IDs must be unique across the handbook"
                )
            )
        else:
            id_places[standard_id] = place


def _check_orders(phases: list[Phase], problems: list[Problem]) -> None:
    seen: dict[int, Phase] = {}
    for phase in phases:
        if phase.order in seen:
            problems.append(
                Place(phase.source_path).error(
                    f"order {phase.order} is also used by {seen[phase.order].source_path}; "
                    "give each phase its own position in the sequence"
                )
            )
        seen[phase.order] = phase


def _load_vocabulary(path: Path, problems: list[Problem]) -> Vocabulary:
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    sections: dict[str, dict[str, Text]] = {name: {} for name in VOCABULARY_SECTIONS}
    if node is None:
        return Vocabulary(**sections)
    problems.extend(outdated_warnings(node))
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
            sections[name] = _read_terms(given[name], name, problems)
    return Vocabulary(**sections)


def _read_terms(node: Node, section: str, problems: list[Problem]) -> dict[str, Text]:
    if node.kind != "map":
        problems.append(node.place.error(f"'{section}' must be a group of names, e.g. friendly:"))
        return {}
    terms: dict[str, Text] = {}
    for key, key_place, value in node.entries:
        slug = read_slug(Node("str", key_place, scalar=key), Field(section, "slug", ""), problems)
        text = read_text(value, Field(key, "text", ""), problems)
        if slug and text:
            terms[slug] = text
    return terms


def _load_phase_file(
    path: Path,
    vocabulary: Vocabulary,
    policy: ReviewPolicy,
    id_places: dict[str, Place],
    problems: list[Problem],
) -> Phase | None:
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    if node is None:
        return None
    problems.extend(outdated_warnings(node))
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
    steps = _read_steps(values.get("steps"), vocabulary, problems)
    step_ids = {step.id for step in steps}
    standards, places = _read_standards(
        values.get("standards"), slug or path.stem, step_ids, vocabulary, policy, problems
    )
    _check_unique_ids(places, id_places, problems)
    kind = _field(values, PHASE, "kind", read_choice, problems) or "phase"
    order = _field(values, PHASE, "order", read_int, problems)
    title = _field(values, PHASE, "title", read_text, problems)
    summary = _field(values, PHASE, "summary", read_text, problems)
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
    node: Node | None, vocabulary: Vocabulary, problems: list[Problem]
) -> tuple[Step, ...]:
    steps: list[Step] = []
    seen: dict[str, Place] = {}
    for item in _records(node, "steps", problems):
        values = read_record(item, STEP, problems)
        if values is None:
            continue
        step_id = _field(values, STEP, "id", read_slug, problems)
        title = _field(values, STEP, "title", read_text, problems)
        qualities = (
            read_slugs(values["qualities"], _contract(STEP, "qualities"), problems)
            if ("qualities" in values)
            else []
        )
        for quality, place in qualities:
            if quality not in vocabulary.qualities:
                problems.append(
                    place.error(
                        f"quality '{quality}' is not in vocabulary.yaml; use one of: "
                        + ", ".join(sorted(vocabulary.qualities))
                    )
                )
        if step_id in seen:
            problems.append(
                values["id"].place.error(
                    f"step id '{step_id}' is already used on line {seen[step_id].line}"
                )
            )
        elif step_id is not None and title is not None:
            seen[step_id] = values["id"].place
            steps.append(Step(step_id, title, tuple(q for q, _ in qualities)))
    return tuple(steps)


def _read_standards(
    node: Node | None,
    phase: str,
    step_ids: set[str],
    vocabulary: Vocabulary,
    policy: ReviewPolicy,
    problems: list[Problem],
) -> tuple[tuple[Standard, ...], dict[str, Place]]:
    standards: list[Standard] = []
    places: dict[str, Place] = {}
    for item in _records(node, "standards", problems):
        values = read_record(item, STANDARD, problems)
        if values is None:
            continue
        id_node = values.get("id")
        if id_node is not None and id_node.kind not in SCALAR_KINDS:
            id_node = None
        repeated = id_node is not None and id_node.scalar in places
        if id_node is not None and repeated:
            problems.append(
                id_node.place.error(
                    f"standard ID '{id_node.scalar}' is already used on line "
                    f"{places[id_node.scalar].line}; IDs must be unique across the handbook"
                )
            )
        elif id_node is not None:
            places[id_node.scalar] = id_node.place
        # Read even a repeated standard, so its other mistakes are reported in the same run.
        standard = _read_standard(values, phase, step_ids, vocabulary, policy, problems)
        if standard is not None and not repeated:
            standards.append(standard)
    return tuple(standards), places


def _read_standard(
    values: dict[str, Node],
    phase: str,
    step_ids: set[str],
    vocabulary: Vocabulary,
    policy: ReviewPolicy,
    problems: list[Problem],
) -> Standard | None:
    before = len(problems)
    standard_id = _field(values, STANDARD, "id", read_id, problems)
    step = _field(values, STANDARD, "step", read_slug, problems)
    if step is not None and step not in step_ids:
        problems.append(
            values["step"].place.error(
                f"step '{step}' is not a step of this phase; use one of: "
                + (", ".join(sorted(step_ids)) or "(no steps defined)")
            )
        )
    owner = _field(values, STANDARD, "owner", read_slug, problems)
    if owner is not None and owner not in vocabulary.owners:
        problems.append(
            values["owner"].place.error(
                f"owner '{owner}' is not in vocabulary.yaml; use one of: "
                + ", ".join(sorted(vocabulary.owners))
            )
        )
    kind = _field(values, STANDARD, "type", read_choice, problems)
    level = _field(values, STANDARD, "level", read_choice, problems)
    last_reviewed = (
        read_date(
            values["last_reviewed"], _contract(STANDARD, "last_reviewed"), problems, policy.today
        )
        if "last_reviewed" in values
        else None
    )
    months = _field(values, STANDARD, "review_months", read_int, problems) or policy.review_months
    text = _field(values, STANDARD, "text", read_text, problems)
    check = _field(values, STANDARD, "check", read_text, problems)
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
        phase=phase,
        step=step,
        type=StandardType(kind),
        level=Level(level),
        owner=owner,
        last_reviewed=last_reviewed,
        review_months=months,
        text=text,
        check=check,
    )
