"""HTML fragments from autoescaping Jinja templates, which a site can override.

The templates in ``templates/`` write every card, list and table. Values go in as plain
strings and Jinja escapes them, so a value cannot become markup by being forgotten; HTML
that is already safe (the editors' Markdown from ``markup``, dates, nested fragments)
arrives as ``markupsafe.Markup``. A site replaces a template by putting one of the same
name into ``<theme custom_dir>/handbook/`` (README.md, "Adapting a card").
"""

from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from handbook.reading.problems import display_path

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
OVERRIDE_FOLDER = "handbook"
"""The folder under the theme's ``custom_dir`` that holds a site's own templates."""

_LINE_BREAKS = re.compile(r"[ \t]*(?:\n[ \t]*)+")


class FragmentError(Exception):
    """A template cannot be rendered; the message names its file and line."""


class OneLineBlocks(Extension):
    """Line breaks in a template, with the spaces around them, are not output; a blank
    line is output as one blank line.

    A card must stay on one line: ``site.rawhtml`` keeps only whole-line HTML blocks away
    from the Markdown parser, and a blank line would end the HTML block for Markdown. So a
    template is laid out for reading, each fragment comes out as one line, and a blank line
    separates two blocks. Only the template's own text changes, never a value put into it.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == "data":
                yield Token(token.lineno, "data", _LINE_BREAKS.sub(_join, token.value))
            else:
                yield token


def _join(breaks: re.Match[str]) -> str:
    return "\n\n" if breaks.group(0).count("\n") > 1 else ""


class _PackageLoader(FileSystemLoader):
    """The package's templates; one counts as changed as soon as a site adds an override
    of it, so ``mkdocs serve`` shows a new override without a restart."""

    def __init__(self, overrides: Path | None) -> None:
        super().__init__(PACKAGE_TEMPLATES)
        self._overrides = overrides

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if self._overrides is None:
            return source, filename, uptodate
        override = self._overrides / template
        return source, filename, lambda: uptodate() and not override.exists()


@functools.lru_cache(maxsize=8)
def _environment(overrides: Path | None) -> Environment:
    """One environment per override folder, kept across pages and builds: templates are
    compiled once, and Jinja compiles one again when its file changes (``mkdocs serve``)."""
    loaders: list[FileSystemLoader] = [_PackageLoader(overrides)]
    if overrides is not None:
        loaders.insert(0, FileSystemLoader(overrides))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=[OneLineBlocks],
    )
    # A template sees the values its renderer passes and nothing else (no range, lipsum,
    # ...): the logic stays in Python, and Jinja copies no globals into every card.
    environment.globals.clear()
    return environment


class Templates:
    """The templates of one site, for one page: a site's overrides first, then the package's.

    Made per page (it remembers the templates that page used, so each is looked up once
    per page, not once per card); the compiled templates are shared.
    """

    def __init__(self, custom_dir: str | Path | None = None) -> None:
        overrides = Path(custom_dir) / OVERRIDE_FOLDER if custom_dir else None
        self._environment = _environment(overrides)
        self._loaded: dict[str, Template] = {}

    def current(self, names: tuple[str, ...]) -> tuple[Template, ...]:
        """The templates ``names`` as they are now: a template whose file changed, or that
        a site overrode since, is a new object (``render.reuse`` compares them)."""
        try:
            return tuple(self._environment.get_template(name) for name in names)
        except TemplateError as error:
            raise FragmentError(_message(names[0], error)) from None

    def render(self, name: str, values: dict[str, Any]) -> Markup:
        """The template ``name`` with ``values``; its output is safe HTML by construction."""
        try:
            template = self._loaded.get(name)
            if template is None:
                template = self._loaded[name] = self._environment.get_template(name)
            return Markup(template.render(values))
        except TemplateError as error:
            raise FragmentError(_message(name, error)) from None


def _message(name: str, error: TemplateError) -> str:
    """``file:line: error: what`` for a template that does not compile or render."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        place = f"{display_path(Path(error.filename))}:{error.lineno}"
    else:
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.endswith(".html")
        ]
        place = f"{display_path(Path(frames[-1].filename))}:{frames[-1].lineno}" if frames else name
    hint = (
        " (README.md, 'Adapting a card', lists the values each template receives)"
        if isinstance(error, UndefinedError)
        else ""
    )
    return f"{place}: error: {error.message or type(error).__name__}{hint}"
