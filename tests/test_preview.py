"""``handbook.site.preview``: when a build is ``mkdocs serve``'s, and the page of errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

from handbook.reading.problems import Place
from handbook.site.preview import error_page, is_preview


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

    assert "1 error in its files" in page
    assert "<code>standards/check-in.yaml:12:5</code>" in page
    assert "level &#x27;b&lt;i&gt;&#x27; is not allowed" in page
    assert "stay.yaml" not in page  # warnings do not stop a build, so they are not shown
    assert page.startswith('<div class="admonition failure') and 'role="alert"' in page
