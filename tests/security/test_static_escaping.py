"""The attack corpus built into a real site: nothing from the data becomes markup or script.

Read as files, before any browser: the hostile site must hold exactly the scripts, tags
and link schemes of a clean build of the same fixture, and no event-handler attribute.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from handbook.reading.loader import load_handbook
from handbook.reading.textrules import text_faults
from handbook.render.markup import block
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES, hotel_policy
from tests.security.attacks import ACCEPTED, REFUSED
from tests.security.hostile import slug, standard_id
from tests.security.htmlscan import Scan, scan_site
from tests.sitebuild import TEST_TODAY

pytestmark = pytest.mark.build

SAFE_SCHEMES = {"", "http", "https", "mailto"}
CHART_TAGS = {"rect", "text"}
"""The elements of the audits page's trend chart, which the renderer draws itself."""


def _union(scans: dict[Path, Scan]) -> Scan:
    total = Scan()
    for scan in scans.values():
        total.tags |= scan.tags
        total.handlers += scan.handlers
        total.schemes |= scan.schemes
        total.scripts |= scan.scripts
    return total


CLASSES = {"script", "event-handler", "svg", "malformed-tag", "link", "template", "markdown"}


def test_the_corpus_covers_every_class_of_attack() -> None:
    accepted = {attack.kind for attack in ACCEPTED}
    refused = {attack.kind for attack in REFUSED}
    assert accepted >= CLASSES | {"long-word", "unicode", "export"}
    assert refused >= CLASSES - {"template"} | {"bidi", "control"}


def test_the_checker_accepts_and_refuses_the_corpus_as_labelled() -> None:
    for attack in ACCEPTED:
        assert text_faults(attack.text) == [], attack.why
    for attack in REFUSED:
        assert text_faults(attack.text) == list(attack.faults), attack.why


def test_every_text_field_of_the_hostile_handbook_holds_its_attack(
    hostile_standards: Path,
) -> None:
    """The fixture writer and the loader keep every string exactly as written."""
    result = load_handbook(
        hostile_standards, hotel_policy(date.fromisoformat(TEST_TODAY)), HOTEL_LANGUAGES
    )
    assert result.handbook is not None, [str(p) for p in result.errors]
    vocabulary = result.handbook.vocabulary
    for number, attack in enumerate(ACCEPTED, 1):
        phase = result.handbook.phase(slug(number))
        (standard,) = phase.standards
        assert standard.id == standard_id(number)
        texts = (
            phase.title,
            phase.summary,
            phase.steps[0].title,
            standard.text,
            standard.check,
            vocabulary.qualities[slug(number)],
            vocabulary.owners[slug(number)],
        )
        for text in texts:
            for language in LANGUAGES:
                assert text.get(language) == attack.text.strip(), (attack.why, language)


def test_every_audit_text_of_the_hostile_handbook_holds_its_attack(
    hostile_standards: Path, hostile_audits: Path
) -> None:
    """Auditor, location and note are kept as written, on one line; the kind's name whole."""
    result = load_handbook(
        hostile_standards,
        hotel_policy(date.fromisoformat(TEST_TODAY)),
        HOTEL_LANGUAGES,
        audits=hostile_audits,
    )
    assert result.handbook is not None, [str(p) for p in result.errors]
    audits = {audit.slug: audit for audit in result.handbook.audits}
    kinds = result.handbook.vocabulary.audit_kinds
    for number, attack in enumerate(ACCEPTED, 1):
        audit = audits[slug(number)]
        one_line = " ".join(attack.text.split())
        (observed,) = audit.results
        assert (audit.auditor, audit.location, observed.note) == (one_line,) * 3, attack.why
        assert observed.standard == standard_id(number)
        for language in LANGUAGES:
            assert kinds[slug(number)].get(language) == attack.text.strip(), attack.why


def test_hostile_site_runs_exactly_the_scripts_of_a_clean_site(
    hostile_site: Path, small_site: Path
) -> None:
    pages = scan_site(hostile_site)
    hostile, clean = _union(pages), _union(scan_site(small_site))
    assert hostile.scripts == clean.scripts
    # The clean site has no audits: the trend chart's SVG bars and labels are the only new
    # tags, and only on the audits page of each language.
    assert hostile.tags - clean.tags <= CHART_TAGS, hostile.tags - clean.tags
    charted = {path.parent.name for path, scan in pages.items() if scan.tags & CHART_TAGS}
    assert charted == {"audits"}


def test_hostile_site_has_no_handler_attributes_or_script_links(hostile_site: Path) -> None:
    scans = scan_site(hostile_site)
    assert len(scans) >= 3 * len(ACCEPTED)
    for page, scan in scans.items():
        assert scan.handlers == [], page
        assert scan.schemes <= SAFE_SCHEMES, (page, scan.schemes)


def test_rendered_text_reaches_every_page_untouched(hostile_site: Path) -> None:
    """The cards are raw HTML to Markdown, and mkdocs-macros renders a page's Markdown as
    Jinja once, before the macros run: their output is never rendered again. So the
    renderer's HTML for each attack, template syntax included, arrives in the page as is."""
    for prefix in ("", "pl/", "ar/"):
        for number, attack in enumerate(ACCEPTED, 1):
            html = (hostile_site / prefix / "phases" / slug(number) / "index.html").read_text(
                encoding="utf-8"
            )
            expected = f'<div class="hb-standard__text">{block(attack.text)}</div>'
            # Python-Markdown expands tabs, even in raw HTML: compare modulo whitespace.
            assert " ".join(expected.split()) in " ".join(html.split()), (prefix, attack.why)
            assert "TEMPLATE-RAN</" not in html
