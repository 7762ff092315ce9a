"""Synthetic handbooks of any size: YAML for the generator, plain Markdown for a stock site.

The benchmark compares the handbook build with what a user would build instead: the same
words typed as Markdown pages for MkDocs Material + mkdocs-static-i18n. Both are written
from one seeded synthetic corpus, so every run (and every machine) compares the same content.

Usage: ``python -m bench.generate OUT --standards 3000`` writes ``OUT/handbook`` and
``OUT/baseline``, two MkDocs projects ready for ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from handbook.model import Labels
from handbook.model.languages import Languages
from handbook.model.review import add_months
from handbook.reading.fields import TextReader
from handbook.reading.labels import LABELS_FILE, load_labels
from handbook.render.formats import local_date, local_number
from handbook.tools.init import STARTER
from tests.sitebuild import HOTEL, TEST_TODAY, project_copy

LANGUAGES = ("en", "pl", "ar")
"""The languages of the benchmark's handbook (the hotel fixture's), the source first."""
SOURCE_LANGUAGE = LANGUAGES[0]
STARTER_LABELS = STARTER / "standards" / LABELS_FILE
"""The generator's own words in these languages, which the benchmark's handbook uses."""


@lru_cache(maxsize=1)
def _labels() -> Labels:
    return load_labels(STARTER_LABELS, TextReader(Languages(LANGUAGES)), [])


def label(language: str, key: str) -> str:
    """A word of the generator's own labels in ``language``, as the real site prints it."""
    return _labels().word(key, language)


Words = dict[str, str]
"""One text in every language: language code → text."""

TODAY = date.fromisoformat(TEST_TODAY)
DUE_SOON_DAYS = 30
REVIEW_MONTHS = 12
STEPS_PER_PHASE = 4
QUALITIES = 12
OWNERS = 8
LEXICON_SIZE = 2500
DEFAULT_SEED = 20261125
AUDITS = 20
"""Audit visits of the audited copy: each observes every standard (issue 15's limit)."""
KINDS = {
    "internal": {"en": "Internal audit", "pl": "Audyt wewnętrzny", "ar": "تدقيق داخلي"},
    "mystery-shopper": {
        "en": "Mystery shopper visit",
        "pl": "Wizyta tajemniczego gościa",
        "ar": "زيارة المتسوق الخفي",
    },
}


@dataclass(frozen=True)
class Size:
    """A handbook shape: ``phases`` files (the first is the principles) of ``per_phase``."""

    phases: int
    per_phase: int

    @property
    def standards(self) -> int:
        return self.phases * self.per_phase


SIZES: dict[int, Size] = {
    30: Size(3, 10),
    300: Size(10, 30),
    3000: Size(30, 100),
}
"""Both dimensions grow from 300 to 3,000 (3 times the phases, 3.3 times the standards per
phase), so the scaling
figure catches costs quadratic in the number of pages as well as in the size of a page."""


@dataclass(frozen=True)
class SynthStandard:
    id: str
    step: str | None
    type: str
    level: str
    owner: str
    last_reviewed: date
    text: Words
    check: Words

    @property
    def anchor(self) -> str:
        return self.id.lower()

    @property
    def next_review(self) -> date:
        return add_months(self.last_reviewed, REVIEW_MONTHS)

    @property
    def status(self) -> str:
        """The same rule as handbook.model.review.ReviewPolicy, computed once at generation."""
        if self.next_review < TODAY:
            return "overdue"
        if self.next_review <= TODAY + timedelta(days=DUE_SOON_DAYS):
            return "due-soon"
        return "current"


@dataclass(frozen=True)
class SynthStep:
    id: str
    title: Words
    qualities: tuple[str, ...]


@dataclass(frozen=True)
class SynthPhase:
    slug: str
    order: int
    title: Words
    summary: Words
    steps: tuple[SynthStep, ...]
    standards: tuple[SynthStandard, ...]

    @property
    def is_principles(self) -> bool:
        return self.order == 0


@dataclass(frozen=True)
class Corpus:
    qualities: dict[str, Words]
    owners: dict[str, Words]
    phases: tuple[SynthPhase, ...]

    @property
    def standards(self) -> int:
        return sum(len(p.standards) for p in self.phases)


# --- pseudo-words -------------------------------------------------------------------------


def _sounds(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_LATIN: dict[str, tuple[Sequence[str], Sequence[str], Sequence[str]]] = {
    "en": (
        _sounds("b c d f g h k l m n p r s t v w st tr pl gr ch sh"),
        _sounds("a e i o u ea ou ai"),
        ["", "", "", "n", "r", "s", "t", "l", "nd", "st"],
    ),
    "pl": (
        _sounds("b c d g k l ł m n p r s t w z sz cz rz dz ś ż prz st kr"),
        _sounds("a e i o u y ą ę ó ie"),
        ["", "", "", "ć", "ń", "k", "sz", "m", "ł", "j"],
    ),
}
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


class Lexicon:
    """Plausible pseudo-words of one language, drawn with a Zipf-like frequency.

    Real text repeats its common words; a search index or a compressor sees that, so a
    uniform draw of unique words would misstate the size of the search data.
    """

    def __init__(self, rng: random.Random, language: str, size: int = LEXICON_SIZE) -> None:
        self.language = language
        self._rng = rng
        make = self._arabic_word if language == "ar" else self._latin_word
        seen: dict[str, None] = {}
        while len(seen) < size:
            seen.setdefault(make(), None)
        self.words = list(seen)
        weights = [1.0 / (rank + 3) for rank in range(size)]  # Zipf-Mandelbrot
        total = 0.0
        self._cumulative: list[float] = []
        for weight in weights:
            total += weight
            self._cumulative.append(total)

    def _latin_word(self) -> str:
        onsets, vowels, codas = _LATIN[self.language]
        syllables = self._rng.choice((1, 2, 2, 3, 3, 4))
        return "".join(
            self._rng.choice(onsets) + self._rng.choice(vowels) + self._rng.choice(codas)
            for _ in range(syllables)
        )

    def _arabic_word(self) -> str:
        stem = "".join(self._rng.choice(_ARABIC_LETTERS) for _ in range(self._rng.randint(3, 6)))
        return ("ال" + stem) if self._rng.random() < 0.3 else stem

    def draw(self, count: int) -> list[str]:
        return self._rng.choices(self.words, cum_weights=self._cumulative, k=count)

    def phrase(self, low: int, high: int) -> str:
        """A short title: a few words, capitalised, no full stop."""
        words = self.draw(self._rng.randint(low, high))
        return " ".join(words).capitalize() if self.language != "ar" else " ".join(words)

    def sentences(self, low: int, high: int) -> str:
        """Running text of ``low`` to ``high`` words in sentences, with an occasional **bold**."""
        words = self.draw(self._rng.randint(low, high))
        comma, stop = ("،", ".") if self.language == "ar" else (",", ".")
        out: list[str] = []
        start = True
        for index, word in enumerate(words):
            if start and self.language != "ar":
                word = word.capitalize()
            if self._rng.random() < 0.03:
                word = f"**{word}**"
            last = index == len(words) - 1
            start = last or self._rng.random() < 0.08
            out.append(word + (stop if start else comma if self._rng.random() < 0.08 else ""))
        return " ".join(out)


class Writer:
    """Draws every text of the corpus in all three languages from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lexicons = {language: Lexicon(self.rng, language) for language in LANGUAGES}

    def words(self, make: Callable[[Lexicon], str]) -> Words:
        return {language: make(self.lexicons[language]) for language in LANGUAGES}

    def slug(self, taken: set[str], parts: int = 1) -> str:
        english = self.lexicons[SOURCE_LANGUAGE]
        while True:
            candidate = "-".join(english.draw(parts))
            if candidate not in taken and re.fullmatch(r"[a-z]+(-[a-z]+)*", candidate):
                taken.add(candidate)
                return candidate


def build_corpus(size: Size, seed: int = DEFAULT_SEED) -> Corpus:
    """The synthetic handbook of ``size``; the same seed gives the same corpus, byte for byte."""
    writer = Writer(seed)
    rng = writer.rng
    taken: set[str] = set()
    qualities = {
        writer.slug(taken): writer.words(lambda x: x.phrase(1, 2)) for _ in range(QUALITIES)
    }
    owners = {writer.slug(taken, 2): writer.words(lambda x: x.phrase(2, 3)) for _ in range(OWNERS)}
    quality_names, owner_names = list(qualities), list(owners)
    phases: list[SynthPhase] = []
    width = max(3, len(str(size.per_phase)))
    for order in range(size.phases):
        slug = writer.slug(taken)
        steps = tuple(
            SynthStep(
                id=f"step-{n + 1}",
                title=writer.words(lambda x: x.phrase(4, 9)),
                qualities=tuple(rng.sample(quality_names, rng.randint(1, 4))),
            )
            for n in range(STEPS_PER_PHASE)
        )
        prefix = f"{slug[:3].upper()}{order:02d}"
        standards = tuple(
            SynthStandard(
                id=f"{prefix}-{n + 1:0{width}d}",
                step=rng.choice(steps).id if rng.random() < 0.85 else None,
                type=rng.choice(("personal", "product", "procedure")),
                level=rng.choice(("basic", "expected", "exclusive")),
                owner=rng.choice(owner_names),
                last_reviewed=TODAY - timedelta(days=rng.randint(0, 450)),
                text=writer.words(lambda x: x.sentences(18, 42)),
                check=writer.words(lambda x: x.sentences(8, 20)),
            )
            for n in range(size.per_phase)
        )
        phases.append(
            SynthPhase(
                slug=slug,
                order=order,
                title=writer.words(lambda x: x.phrase(1, 3)),
                summary=writer.words(lambda x: x.sentences(20, 40)),
                steps=steps,
                standards=standards,
            )
        )
    return Corpus(qualities, owners, tuple(phases))


# --- the handbook: YAML in the contract ---------------------------------------------------


def write_standards(corpus: Corpus, folder: Path) -> None:
    """The corpus as ``vocabulary.yaml`` plus one phase file per phase, as editors write them."""
    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = {"qualities": corpus.qualities, "owners": corpus.owners, "audit_kinds": KINDS}
    _dump(vocabulary, folder / "vocabulary.yaml")
    shutil.copy2(STARTER_LABELS, folder / LABELS_FILE)
    for phase in corpus.phases:
        data: dict[str, Any] = {}
        if phase.is_principles:
            data["kind"] = "principles"
        data |= {
            "phase": phase.slug,
            "order": phase.order,
            "title": phase.title,
            "summary": phase.summary,
            "steps": [
                {"id": s.id, "title": s.title, "qualities": list(s.qualities)} for s in phase.steps
            ],
            "standards": [_standard_record(s) for s in phase.standards],
        }
        _dump(data, folder / f"{phase.slug}.yaml")


def _standard_record(standard: SynthStandard) -> dict[str, Any]:
    record: dict[str, Any] = {"id": standard.id}
    if standard.step is not None:
        record["step"] = standard.step
    return record | {
        "type": standard.type,
        "level": standard.level,
        "owner": standard.owner,
        "last_reviewed": standard.last_reviewed,
        "text": standard.text,
        "check": standard.check,
    }


def _dump(data: dict[str, Any], path: Path) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def write_handbook_project(corpus: Corpus, target: Path) -> Path:
    """A copy of this project's site sources with the corpus as its standards."""
    data = target.parent / f"{target.name}-standards"
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    write_standards(corpus, data)
    project = project_copy(target, data)
    shutil.rmtree(data)
    return project


def write_audits(corpus: Corpus, folder: Path, seed: int = DEFAULT_SEED) -> int:
    """``AUDITS`` audit files over the last year, each with a result for every standard;
    returns the number of results written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ids = [s.id for p in corpus.phases for s in p.standards]
    for number in range(AUDITS):
        day = TODAY - timedelta(days=7 + number * 17)
        kind = ("internal", "mystery-shopper")[number % 2]
        results = []
        for standard in ids:
            draw = rng.random()
            result = "pass" if draw < 0.75 else "fail" if draw < 0.93 else "not-applicable"
            entry = {"standard": standard, "result": result}
            if result == "fail":
                entry["note"] = f"Observed on {day.isoformat()}; see the visit report."
            results.append(entry)
        audit = {"date": day, "kind": kind, "auditor": "Quality team", "results": results}
        _dump(audit, folder / f"{day.isoformat()}-{kind}.yaml")
    return AUDITS * len(ids)


def write_audited_project(source: Path, target: Path, corpus: Corpus, seed: int) -> int:
    """A copy of the handbook project ``source`` with ``AUDITS`` audits; the results written."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", "audits"))
    return write_audits(corpus, target / "audits", seed)


# --- the baseline: the same words as Markdown for a stock site ----------------------------

_MACRO = re.compile(r"\{\{\s*(\w+)\(\s*\)\s*\}\}")


def page_language(path: Path) -> str:
    """The language of a suffix-structured page: ``x.pl.md`` is Polish, ``x.md`` English."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else SOURCE_LANGUAGE


def _suffix(language: str) -> str:
    return "" if language == SOURCE_LANGUAGE else f".{language}"


def _comma(language: str) -> str:
    return "،" if language == "ar" else ","


def _date(day: date, language: str) -> str:
    return local_date(day, language)


def phase_markdown(corpus: Corpus, phase: SynthPhase, language: str) -> str:
    """A phase page as a user would type it: one heading per step and per standard."""
    lines = [f"# {phase.title[language]}", "", phase.summary[language], ""]
    for step in phase.steps:
        lines += [f"## {step.title[language]} {{ #step-{step.id} }}", ""]
        names = " · ".join(corpus.qualities[q][language] for q in step.qualities)
        lines += [f"**{label(language, 'qualities')}:** {names}", ""]
        lines += _standards_markdown(corpus, phase, step.id, language)
    general = [s for s in phase.standards if s.step is None]
    if general:
        lines += [f"## {label(language, 'general')} {{ #whole-phase }}", ""]
        lines += _standards_markdown(corpus, phase, None, language)
    return "\n".join(lines)


def _standards_markdown(
    corpus: Corpus, phase: SynthPhase, step: str | None, language: str
) -> list[str]:
    lines: list[str] = []
    for s in phase.standards:
        if s.step != step:
            continue
        lines += [
            f"### {s.id} {{ #{s.anchor} }}",
            "",
            f"{label(language, s.type)} · {label(language, s.level)} · "
            f"**{label(language, s.status)}**{_comma(language)} {label(language, 'review_by')} "
            f"{_date(s.next_review, language)}",
            "",
            s.text[language],
            "",
            f"**{label(language, 'check')}:** {s.check[language]}",
            "",
            f"{label(language, 'owner')}: {corpus.owners[s.owner][language]} · "
            f"{label(language, 'last_reviewed')}: {_date(s.last_reviewed, language)}",
            "",
        ]
    return lines


def sequence_markdown(corpus: Corpus, language: str) -> str:
    """The home page's list of phases, as the handbook's ``service_sequence()`` shows it."""
    lines: list[str] = []
    for number, phase in enumerate(corpus.phases):
        count = (
            _labels()
            .counts["standards_count"]
            .get(language, len(phase.standards), local_number(len(phase.standards), language))
        )
        lead = "-" if phase.is_principles else f"{number}."
        lines += [
            f"{lead} [**{phase.title[language]}**](phases/{phase.slug}.md)",
            "",
            f"    {phase.summary[language]}",
            "",
            f"    {count}",
            "",
        ]
    return "\n".join(lines)


def levels_markdown(corpus: Corpus, language: str) -> str:
    """Every standard listed under its level per phase, as ``levels_overview()`` shows it."""
    lines: list[str] = []
    for phase in corpus.phases:
        lines += [f"## {phase.title[language]} {{ #levels-{phase.slug} }}", ""]
        for level in ("basic", "expected", "exclusive"):
            lines += [f"**{label(language, level)}**", ""]
            items = [
                f"- [{s.id}](phases/{phase.slug}.md#{s.anchor}) {s.text[language]}"
                for s in phase.standards
                if s.level == level
            ]
            lines += [*(items or [label(language, "none_at_level")]), ""]
    return "\n".join(lines)


def write_baseline_project(corpus: Corpus, target: Path) -> list[str]:
    """The stock site: this project's hand-written pages and theme, phases as Markdown.

    Returns notes on anything of the handbook that has no Markdown equivalent here (a macro
    the baseline does not know is left out and named), so the report can say so.
    """
    shutil.rmtree(target, ignore_errors=True)
    docs = target / "docs"
    (docs / "phases").mkdir(parents=True)
    notes: list[str] = []
    known: dict[str, Callable[[str], str]] = {
        "service_sequence": lambda lang: sequence_markdown(corpus, lang),
        "levels_overview": lambda lang: levels_markdown(corpus, lang),
    }
    for page in sorted((HOTEL / "docs").glob("*.md")):
        language = page_language(page)

        def substitute(
            match: re.Match[str], language: str = language, name: str = page.name
        ) -> str:
            make = known.get(match.group(1))
            if make is None:
                notes.append(f"{name}: macro {match.group(1)}() left out of the baseline")
                return ""
            return make(language)

        text = _MACRO.sub(substitute, page.read_text(encoding="utf-8"))
        (docs / page.name).write_text(text, encoding="utf-8")
    for phase in corpus.phases:
        for language in LANGUAGES:
            page = docs / "phases" / f"{phase.slug}{_suffix(language)}.md"
            page.write_text(phase_markdown(corpus, phase, language), encoding="utf-8")
    project = yaml.load((HOTEL / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_KeepTags)
    config = baseline_config(project, corpus)
    (target / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_TagDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return notes


@dataclass(frozen=True)
class _Tagged:
    """A value with a tag MkDocs resolves itself (``!ENV``, ``!relative``, ``!!python/name``)."""

    tag: str
    value: Any


class _KeepTags(yaml.SafeLoader):
    """Reads mkdocs.yml keeping its tags, so the baseline's copy means the same to MkDocs."""


class _TagDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return _Tagged(node.tag, value)


def _dump_tag(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


_KeepTags.add_multi_constructor("!", _keep_tag)
_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_TagDumper.add_representer(_Tagged, _dump_tag)


def baseline_config(project: dict[str, Any], corpus: Corpus) -> dict[str, Any]:
    """This project's ``mkdocs.yml`` minus everything the handbook adds.

    Same site, theme, palette, features, Markdown extensions and i18n languages; no handbook
    plugin, no macros, no custom templates or CSS, the built-in search plugin, and the phase
    pages listed in the nav by hand as a user of a stock site would list them.
    """
    config = {k: v for k, v in project.items() if k not in {"watch", "extra_css"}}
    theme = {k: v for k, v in dict(config.get("theme") or {}).items() if k != "custom_dir"}
    config["theme"] = theme
    extra = {k: v for k, v in dict(config.get("extra") or {}).items() if k != "handbook"}
    if extra:
        config["extra"] = extra
    else:
        config.pop("extra", None)
    plugins: list[Any] = []
    for plugin in config.get("plugins") or ["search"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name in {"search", "i18n"}:
            plugins.append(plugin)
    if not any((p if isinstance(p, str) else next(iter(p))) == "search" for p in plugins):
        plugins.insert(0, "search")
    config["plugins"] = plugins
    pages = [f"phases/{phase.slug}.md" for phase in corpus.phases]
    config["nav"] = _expand_nav(config.get("nav"), "phases/", pages)
    return config


def _expand_nav(nav: Any, marker: str, pages: list[str]) -> Any:
    if nav == marker:
        return pages
    if isinstance(nav, list):
        return [_expand_nav(item, marker, pages) for item in nav]
    if isinstance(nav, dict):
        return {title: _expand_nav(value, marker, pages) for title, value in nav.items()}
    return nav


@dataclass(frozen=True)
class Pair:
    """The two projects of one size, built from one corpus."""

    handbook: Path
    baseline: Path
    standards: int
    notes: tuple[str, ...]
    audited: Path
    """The handbook project with ``AUDITS`` audits of every standard."""
    audit_results: int


def generate(out: Path, size: Size, seed: int = DEFAULT_SEED) -> Pair:
    """Write ``out/handbook`` and ``out/baseline`` for ``size``."""
    corpus = build_corpus(size, seed)
    handbook = write_handbook_project(corpus, out / "handbook")
    notes = write_baseline_project(corpus, out / "baseline")
    results = write_audited_project(handbook, out / "audited", corpus, seed)
    return Pair(
        handbook, out / "baseline", corpus.standards, tuple(notes), out / "audited", results
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--standards", type=int, choices=sorted(SIZES), default=300)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    pair = generate(args.out, SIZES[args.standards], args.seed)
    sys.stdout.write(f"{pair.standards} standards: {pair.handbook} and {pair.baseline}\n")
    for note in pair.notes:
        sys.stdout.write(f"note: {note}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
