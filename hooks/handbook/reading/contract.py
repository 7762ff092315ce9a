"""The YAML contract editors write, declared once.

The loader checks files against these declarations and ``handbook schema`` turns the same
declarations into a JSON Schema for editors' autocompletion, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from handbook.model import Level, StandardType
from handbook.model.audits import Result

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STANDARD_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
FINGERPRINT_PATTERN = r"^[0-9a-f]{8}$"
GITHUB_HANDLE_PATTERN = r"^@[A-Za-z0-9](-?[A-Za-z0-9])*(/[A-Za-z0-9_-]+)?$"
"""A GitHub user (``@maria-k``) or team (``@example/front-office``), as CODEOWNERS writes them."""


@dataclass(frozen=True)
class Field:
    """One key of a record. ``kind`` is slug, id, ids, int, text, choice, date, slugs,
    records, word (one plain text, in no particular language) or words (a list of them)."""

    name: str
    kind: str
    help: str
    required: bool = True
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    record: Record | None = None


@dataclass(frozen=True)
class Record:
    name: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        """Looked up for every key of every record read: 60,000 audit results, say."""
        return {f.name: f for f in self.fields}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


STEP = Record(
    "step",
    (
        Field("id", "slug", "short name of the step, unique in the file, e.g. greeting"),
        Field("title", "text", "what happens at this step"),
        Field("qualities", "slugs", "qualities that matter at this step, from vocabulary.yaml"),
    ),
)

STANDARD = Record(
    "standard",
    (
        Field("id", "id", "unique, stable ID used in links, e.g. ABC-01"),
        Field("step", "slug", "the id of a step of this phase", required=False),
        Field(
            "type",
            "choice",
            "what the standard governs",
            choices=tuple(t.value for t in StandardType),
        ),
        Field("level", "choice", "how far it goes", choices=tuple(lv.value for lv in Level)),
        Field("owner", "slug", "the role accountable, from vocabulary.yaml owners"),
        Field("last_reviewed", "date", "date of the last review, YYYY-MM-DD"),
        Field(
            "review_months",
            "int",
            "months between reviews (default from mkdocs.yml)",
            required=False,
            minimum=1,
            maximum=12,
        ),
        Field("text", "text", "the standard itself"),
        Field("check", "text", "the short observable check an auditor uses"),
    ),
)

PHASE = Record(
    "phase file",
    (
        Field(
            "kind",
            "choice",
            "'principles' for the cross-cutting principles file",
            required=False,
            choices=("phase", "principles"),
        ),
        Field("phase", "slug", "the phase's short name; equals the file name"),
        Field("order", "int", "position in the service sequence", minimum=0, maximum=999),
        Field("title", "text", "the phase's name"),
        Field("summary", "text", "one or two sentences on what the phase covers"),
        Field("steps", "records", "the steps of the phase, in time order", record=STEP),
        Field("standards", "records", "the standards of the phase", record=STANDARD),
        Field(
            "removed",
            "ids",
            "IDs of standards taken out of this phase; audits that name them keep their history",
            required=False,
        ),
    ),
)

AUDIT_RESULT = Record(
    "audit result",
    (
        Field("standard", "id", "the ID of the standard observed, e.g. CHK-01"),
        Field("result", "choice", "what was observed", choices=tuple(r.value for r in Result)),
        Field("note", "word", "what the auditor saw, plain text in any language", required=False),
    ),
)

AUDIT = Record(
    "audit",
    (
        Field("date", "date", "the day of the visit, YYYY-MM-DD; not in the future"),
        Field("kind", "slug", "the kind of visit, from vocabulary.yaml audit_kinds"),
        Field("auditor", "word", "who audited: a name, a team or a firm"),
        Field("location", "word", "where, when the organisation has several sites", required=False),
        Field("results", "records", "one entry per standard observed", record=AUDIT_RESULT),
    ),
)

GLOSSARY_ENTRY = Record(
    "glossary entry",
    (
        Field("term", "word", "the preferred term in this language, e.g. guest"),
        Field(
            "avoid",
            "words",
            "variants a text must not use; a trailing * matches any ending, e.g. client*",
            required=False,
        ),
        Field(
            "search",
            "words",
            "other words readers look this up with, e.g. customer, visitor",
            required=False,
        ),
    ),
)
"""One concept's words in one language, in ``glossary.yaml``."""
