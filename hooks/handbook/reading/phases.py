"""Read one phase file: the phase's own fields, its steps and its standards.

Every field is read even after a mistake, so the editor sees all of a file's problems in one
run; a record with an error is left out of the model. What a record must agree with outside
itself (unique IDs, the vocabulary, the phase's steps) is checked by ``crosschecks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from handbook.model import Level, Phase, Standard, StandardType, Step, Vocabulary
from handbook.model.review import ReviewPolicy
from handbook.reading.contract import PHASE, STANDARD, STEP
from handbook.reading.crosschecks import (
    Registry,
    check_file_name,
    check_owner,
    check_qualities,
    check_step,
    unique_step_ids,
)
from handbook.reading.fields import (
    TextReader,
    contract_field,
    read_choice,
    read_date,
    read_field,
    read_id,
    read_ids,
    read_int,
    read_record,
    read_slug,
    read_slugs,
)
from handbook.reading.fingerprints import SCALAR_KINDS, outdated_warnings
from handbook.reading.problems import Place, Problem, Severity, display_path
from handbook.reading.yamlsource import Node, read_yaml


@dataclass(frozen=True)
class FileContext:
    """What each phase file is read against: the vocabulary, the settings, and the registries
    of the values that must be unique across all phase files."""

    vocabulary: Vocabulary
    policy: ReviewPolicy
    texts: TextReader
    ids: Registry
    orders: Registry
    removed: dict[str, Place] = field(default_factory=dict)
    """The IDs phase files list under ``removed``, with where each first stands."""


@dataclass(frozen=True)
class _StandardContext:
    """What a phase file's standards are checked against."""

    phase: str
    step_ids: set[str]
    file: FileContext


def load_phase_file(path: Path, context: FileContext, problems: list[Problem]) -> Phase | None:
    """The phase in ``path``; None when it has an error (appended to ``problems``)."""
    shown = display_path(path)
    node, found = read_yaml(path, shown)
    problems.extend(found)
    if node is None:
        return None
    problems.extend(outdated_warnings(node, context.texts.languages))
    before = len(problems)
    values = read_record(node, PHASE, problems)
    if values is None:
        return None
    slug = read_field(values, PHASE, "phase", read_slug, problems)
    if slug is not None:
        check_file_name(slug, values["phase"].place, path, problems)
    steps = _read_steps(values.get("steps"), context, problems)
    standards = _read_standards(
        values.get("standards"),
        _StandardContext(slug or path.stem, {step.id for step in steps}, context),
        problems,
    )
    kind = read_field(values, PHASE, "kind", read_choice, problems) or "phase"
    order = read_field(values, PHASE, "order", read_int, problems)
    if order is not None:
        context.orders.add(str(order), values["order"].place, problems)
    title = read_field(values, PHASE, "title", context.texts, problems)
    summary = read_field(values, PHASE, "summary", context.texts, problems)
    removed = read_field(values, PHASE, "removed", read_ids, problems) or []
    for standard_id, place in removed:
        context.removed.setdefault(standard_id, place)
    if _has_new_errors(problems, before) or None in (slug, order, title, summary):
        return None
    assert slug is not None and order is not None and title is not None and summary is not None
    return Phase(
        slug,
        order,
        title,
        summary,
        steps,
        standards,
        shown,
        kind == "principles",
        tuple(dict.fromkeys(i for i, _ in removed)),
    )


def _has_new_errors(problems: list[Problem], before: int) -> bool:
    return any(p.severity is Severity.ERROR for p in problems[before:])


def _records(node: Node | None, name: str, problems: list[Problem]) -> tuple[Node, ...]:
    if node is None:
        return ()
    if node.kind != "seq":
        problems.append(node.place.error(f"'{name}' must be a list (each item starts with '- ')"))
        return ()
    return node.items


def _read_steps(
    node: Node | None, context: FileContext, problems: list[Problem]
) -> tuple[Step, ...]:
    steps: list[Step] = []
    seen = unique_step_ids()
    for item in _records(node, "steps", problems):
        values = read_record(item, STEP, problems)
        if values is None:
            continue
        step_id = read_field(values, STEP, "id", read_slug, problems)
        title = read_field(values, STEP, "title", context.texts, problems)
        qualities = (
            read_slugs(values["qualities"], contract_field(STEP, "qualities"), problems)
            if ("qualities" in values)
            else []
        )
        check_qualities(qualities, context.vocabulary, problems)
        unique = step_id is None or seen.add(step_id, values["id"].place, problems)
        if unique and step_id is not None and title is not None:
            steps.append(Step(step_id, title, tuple(q for q, _ in qualities)))
    return tuple(steps)


def _read_standards(
    node: Node | None, context: _StandardContext, problems: list[Problem]
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
            or context.file.ids.add(id_node.scalar, id_node.place, problems)
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
    file = context.file
    standard_id = read_field(values, STANDARD, "id", read_id, problems)
    step = read_field(values, STANDARD, "step", read_slug, problems)
    if step is not None:
        check_step(step, values["step"].place, context.step_ids, problems)
    owner = read_field(values, STANDARD, "owner", read_slug, problems)
    if owner is not None:
        check_owner(owner, values["owner"].place, file.vocabulary, problems)
    kind = read_field(values, STANDARD, "type", read_choice, problems)
    level = read_field(values, STANDARD, "level", read_choice, problems)
    reviewed = partial(read_date, today=file.policy.today)
    last_reviewed = read_field(values, STANDARD, "last_reviewed", reviewed, problems)
    months = read_field(values, STANDARD, "review_months", read_int, problems)
    text = read_field(values, STANDARD, "text", file.texts, problems)
    check = read_field(values, STANDARD, "check", file.texts, problems)
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
        review_months=months or file.policy.review_months,
        text=text,
        check=check,
    )
