"""Compiled templates shared between the Jinja environments of one build or one preview."""

from __future__ import annotations

from pathlib import Path

import jinja2

from handbook.site.compiled import CompiledTemplates


def environment(folder: Path, cache: CompiledTemplates) -> jinja2.Environment:
    """A new environment over ``folder``, as MkDocs makes one per build."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)


def test_a_later_environment_renders_an_unchanged_template_without_compiling_it(
    tmp_path: Path, compiled: list[str | None]
) -> None:
    (tmp_path / "page.html").write_text("<p>{{ text | upper }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    first = environment(tmp_path, cache).get_template("page.html").render(text="en")
    second = environment(tmp_path, cache).get_template("page.html").render(text="pl")
    assert (first, second) == ("<p>EN</p>", "<p>PL</p>")
    assert compiled == ["page.html"]


def test_a_changed_template_is_compiled_again(tmp_path: Path, compiled: list[str | None]) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    assert environment(tmp_path, cache).get_template("page.html").render(text="a") == "<p>a</p>"
    page.write_text("<h1>{{ text }}</h1>", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(text="a") == "<h1>a</h1>"
    assert compiled == ["page.html", "page.html"]
