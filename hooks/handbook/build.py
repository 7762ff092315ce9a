"""The handbook loaded for one build: its settings, the model and the checker's warnings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from handbook.model import Handbook, Labels
from handbook.model.scores import Scores, score
from handbook.reading.loader import LoadResult, labels_alone, load_handbook
from handbook.reading.problems import HandbookError
from handbook.render.audits import AuditLinks
from handbook.settings import Settings, settings_of


@dataclass(frozen=True)
class Build:
    """The handbook of one build, with its settings and the checker's warnings."""

    settings: Settings
    result: LoadResult

    @property
    def handbook(self) -> Handbook:
        assert self.result.handbook is not None
        return self.result.handbook

    @cached_property
    def scores(self) -> Scores:
        """The audits' figures, added up once for every page and export of the build."""
        return score(self.handbook, self.settings.scoring)

    @cached_property
    def audit_links(self) -> AuditLinks:
        """The audit pages' links to the cards, made once for all of them."""
        return AuditLinks({standard.id: standard for standard in self.handbook.standards()})


def load_build(config: Any) -> Build:
    """Read and validate the standards; raise HandbookError with every problem when invalid."""
    settings = settings_of(config, config["config_file_path"])
    result = load_handbook(
        settings.standards,
        settings.policy,
        settings.languages,
        settings.require_translations,
        settings.audits,
    )
    if result.handbook is None:
        raise HandbookError(result.errors)
    return Build(settings, result)


def readable_labels(config: Any) -> Labels | None:
    """The handbook's own words when ``labels.yaml`` and the settings can be read, even if
    other files have errors; else None."""
    try:
        settings = settings_of(config, config["config_file_path"])
    except HandbookError:
        return None
    return labels_alone(settings.standards, settings.languages)
