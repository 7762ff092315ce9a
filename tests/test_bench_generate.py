"""The benchmark's synthetic handbook: deterministic, valid, and the same words in both sites."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.generate import (
    DUE_SOON_DAYS,
    REVIEW_MONTHS,
    Size,
    build_corpus,
    generate,
    write_standards,
)
from bench.measure import search_data
from handbook.model.review import ReviewPolicy
from handbook.reading.loader import load_handbook
from tests.hotel import HOTEL_LANGUAGES, LANGUAGES
from tests.sitebuild import TEST_TODAY

SMALL = Size(phases=3, per_phase=8)


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_standards(build_corpus(SMALL, seed=1), first)
    write_standards(build_corpus(SMALL, seed=1), second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_the_generated_standards_load_without_any_problem(tmp_path: Path) -> None:
    write_standards(build_corpus(SMALL), tmp_path)
    result = load_handbook(
        tmp_path,
        ReviewPolicy(date.fromisoformat(TEST_TODAY), DUE_SOON_DAYS, REVIEW_MONTHS),
        HOTEL_LANGUAGES,
    )
    assert result.handbook is not None
    assert result.problems == []
    assert sum(1 for _ in result.handbook.standards()) == SMALL.standards


def test_the_baseline_pages_carry_every_standard_in_every_language(tmp_path: Path) -> None:
    corpus = build_corpus(SMALL)
    pair = generate(tmp_path, SMALL)
    assert (pair.handbook / "standards" / "vocabulary.yaml").is_file()
    for phase in corpus.phases:
        for language in LANGUAGES:
            suffix = "" if language == "en" else f".{language}"
            page = (pair.baseline / "docs" / "phases" / f"{phase.slug}{suffix}.md").read_text(
                encoding="utf-8"
            )
            for standard in phase.standards:
                assert f"### {standard.id} {{ #{standard.anchor} }}" in page
                assert standard.text[language] in page
                assert standard.check[language] in page
    config = (pair.baseline / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros" not in config and "hooks" not in config


def test_search_data_reads_a_lunr_index(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text('{"docs": []}', encoding="utf-8")
    data = search_data(tmp_path)
    assert (data.engine, data.first_query, data.files) == ("lunr", index.stat().st_size, 1)


def test_search_data_reads_a_pagefind_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "index").mkdir(parents=True)
    files = {
        "pagefind-entry.json": b"{}",
        "pagefind.js": b"x" * 10,
        "wasm.en.pagefind": b"\x1f\x8b" + b"w" * 98,
        "pagefind.en_1.pf_meta": b"\x1f\x8b" + b"m" * 18,
        "index/en_1.pf_index": b"\x1f\x8b" + b"i" * 48,
        "index/en_2.pf_index": b"\x1f\x8b" + b"i" * 8,
        "fragment/en_1.pf_fragment": b"\x1f\x8b" + b"f" * 8,
    }
    for name, content in files.items():
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_bytes(content)
    data = search_data(tmp_path)
    assert data.engine == "pagefind"
    assert data.first_query == 2 + 10 + 100 + 20 + 50
    assert data.total == sum(len(c) for c in files.values())
    assert data.files == len(files)
