"""``standards.json``: the whole handbook as data, every language, with review status.

The format is versioned by ``format_version`` and described by the JSON Schema in
``schema/standards-export.schema.json``. Adding a field keeps the version; renaming,
removing or changing the meaning of one raises it. Texts keep the editors' small Markdown
subset; a language missing from a text means it is not translated yet.
"""

from __future__ import annotations

import json
from typing import Any

from handbook.export import Publication
from handbook.model import Level, Phase, Standard, Step, Text
from handbook.model.languages import Languages
from handbook.model.review import count_by_status, review_list
from handbook.model.scores import StandardScore, Tally

FORMAT_VERSION = 1


def data_bytes(publication: Publication) -> bytes:
    """The export as UTF-8 JSON text, keys in a fixed order, ending with a newline."""
    return (json.dumps(handbook_data(publication), ensure_ascii=False, indent=2) + "\n").encode()


def handbook_data(publication: Publication) -> dict[str, Any]:
    handbook, policy = publication.handbook, publication.policy
    languages, vocabulary = handbook.languages, handbook.vocabulary
    counts = count_by_status(review_list(handbook.standards(), policy))
    return {
        "format_version": FORMAT_VERSION,
        "status_date": policy.today.isoformat(),
        "due_soon_days": policy.due_soon_days,
        "default_review_months": policy.review_months,
        "source_language": handbook.languages.source,
        "languages": list(handbook.languages),
        "counts": {
            **{status.value: count for status, count in counts.items()},
            "total": sum(counts.values()),
        },
        "vocabulary": {
            "qualities": {k: texts(v, languages) for k, v in vocabulary.qualities.items()},
            "owners": {k: texts(v, languages) for k, v in vocabulary.owners.items()},
        },
        "audit_scoring": scoring_data(publication),
        "phases": [phase_data(publication, p) for p in (*handbook.principles, *handbook.sequence)],
    }


def texts(text: Text, languages: Languages) -> dict[str, str]:
    """The translations that exist, source language first."""
    return {language: text.get(language) for language in languages if text.has(language)}


def phase_data(publication: Publication, phase: Phase) -> dict[str, Any]:
    languages = publication.handbook.languages
    return {
        "slug": phase.slug,
        "order": phase.order,
        "principles": phase.is_principles,
        "title": texts(phase.title, languages),
        "summary": texts(phase.summary, languages),
        "url": {language: publication.phase_url(phase, language) for language in languages},
        "steps": [step_data(step, languages) for step in phase.steps],
        "standards": [standard_data(publication, s) for s in phase.standards],
    }


def step_data(step: Step, languages: Languages) -> dict[str, Any]:
    return {
        "id": step.id,
        "title": texts(step.title, languages),
        "qualities": list(step.qualities),
    }


def standard_data(publication: Publication, standard: Standard) -> dict[str, Any]:
    policy, languages = publication.policy, publication.handbook.languages
    return {
        "id": standard.id,
        "phase": standard.phase,
        "step": standard.step,
        "type": standard.type.value,
        "level": standard.level.value,
        "owner": standard.owner,
        "last_reviewed": standard.last_reviewed.isoformat(),
        "review_months": standard.review_months,
        "next_review": policy.next_review(standard).isoformat(),
        "status": policy.status(standard).value,
        "text": texts(standard.text, languages),
        "check": texts(standard.check, languages),
        "url": {language: publication.standard_url(standard, language) for language in languages},
        "audit": standard_audit_data(publication.scores.of(standard)),
    }


def tally_data(tally: Tally) -> dict[str, Any]:
    compliance = tally.compliance
    return {
        "passed": tally.passed,
        "failed": tally.failed,
        "not_applicable": tally.not_applicable,
        "compliance": None if compliance is None else round(compliance, 4),
    }


def standard_audit_data(found: StandardScore | None) -> dict[str, Any]:
    """A standard's ``audit`` object in ``standards.json``; zeros and nulls when unaudited."""
    if found is None:
        return {
            **tally_data(Tally()),
            "last_result": None,
            "last_date": None,
            "failing_repeatedly": False,
        }
    return {
        **tally_data(found.tally),
        "last_result": found.last.result.result.value,
        "last_date": found.last.audit.date.isoformat(),
        "failing_repeatedly": found.failing_repeatedly,
    }


def scoring_data(publication: Publication) -> dict[str, Any]:
    """Which audits the scores count, so a reader of the numbers can repeat them."""
    policy = publication.scores.policy
    return {
        "since": policy.since().isoformat(),
        "months": policy.months,
        "latest": policy.latest,
        "level_weights": {level.value: policy.weight(level) for level in Level},
        "counted_audits": [audit.slug for audit in publication.scores.counted],
    }
