"""``handbook.site.preview``: when a build is ``mkdocs serve``'s, and the page of errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

from handbook.model import Labels, Text
from handbook.reading.problems import Place
from handbook.site.preview import ADVICE, HEADING, error_page, is_preview


def test_a_serve_build_is_told_from_a_build_by_hand(tmp_path: Path) -> None:
    served_dir = tempfile.mkdtemp(prefix="mkdocs_")  # what mkdocs serve builds into
    try:
        assert is_preview("http://127.0.0.1:8000/", served_dir, "127.0.0.1", 8000)
        assert is_preview("http://127.0.0.1:8000/handbook/", served_dir, "127.0.0.1", 8000)
        assert is_preview("http://::1:8000/", served_dir, "::1", 8000)  # IPv6, as MkDocs writes it
        assert not is_preview("http://127.0.0.1:8001/", served_dir, "127.0.0.1", 8000)
        assert not is_preview("https://example.org/", served_dir, "127.0.0.1", 8000)
    finally:
        Path(served_dir).rmdir()
    assert not is_preview("http://127.0.0.1:8000/", str(tmp_path / "site"), "127.0.0.1", 8000)


def test_the_error_page_names_each_place_and_shows_text_as_text() -> None:
    problems = [
        Place("standards/check-in.yaml", 12, 5).error("level 'b<i>' is not allowed"),
        Place("standards/stay.yaml", 3, 1).warning("the Polish text is missing"),
    ]

    page = error_page(problems)

    assert HEADING in page
    assert "<code>standards/check-in.yaml:12:5</code>" in page
    assert "level &#x27;b&lt;i&gt;&#x27; is not allowed" in page
    assert "stay.yaml" not in page  # warnings do not stop a build, so they are not shown
    assert page.startswith('<div class="admonition failure') and 'role="alert"' in page


def labels(words: dict[str, dict[str, str]]) -> Labels:
    return Labels({key: Text(texts, "en") for key, texts in words.items()}, {})


def test_the_error_page_speaks_the_readers_language_where_labels_have_the_words() -> None:
    problems = [Place("standards/stay.yaml", 3, 1).error("unknown owner 'x'")]
    words = {
        "preview_errors": {"en": "Cannot show it", "pl": "Nie można <pokazać>"},
        "preview_fix": {"en": "Fix and save; {command} helps.", "pl": "Popraw; {command} pomoże."},
    }

    polish = error_page(problems, labels(words), "pl")
    arabic = error_page(problems, labels(words), "ar")  # no Arabic: the source language's

    assert "Nie można &lt;pokazać&gt;" in polish and HEADING not in polish
    assert "<p>Popraw; <code>handbook check</code> pomoże.</p>" in polish
    assert "Cannot show it" in arabic
    assert '<ul lang="en" dir="ltr">' in polish  # the checker's messages are English


def test_without_the_words_in_labels_the_error_page_is_english() -> None:
    problems = [Place("standards/stay.yaml", 3, 1).error("unknown owner 'x'")]

    page = error_page(problems, labels({}), "pl")

    assert HEADING in page
    assert ADVICE.replace("{command}", "<code>handbook check</code>") in page
