"""``mkdocs.yml`` parsed as MkDocs parses it, for the ``handbook`` command.

A build gets MkDocs' parsed config; the command has no build, so it reads the file with
MkDocs' own YAML loading (``!ENV``, ``!relative``, ``INHERIT``) rather than a loader of its
own, and ``handbook.settings.settings_of`` then reads the same values in both. Only that YAML
step of MkDocs is used: its ``load_config`` also imports and sets up every plugin, which takes
longer than the whole check, for checks of options the handbook never reads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from handbook.reading.problems import HandbookError, Place, Problem, display_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class _Paths:
    """What MkDocs' ``!relative`` tag asks of its config: the file, the docs folder, the page.

    The tag's paths are worked out when used, from the config object MkDocs passes to its
    loader. The command has no such object, so this one gives the answers MkDocs' would: the
    file's absolute path, ``docs_dir`` made absolute against its folder as MkDocs validates
    it, and no current page (a plain ``!relative`` then fails as it does in a build's settings).
    """

    _current_page = None

    def __init__(self, config_file_path: str) -> None:
        self.config_file_path = config_file_path
        self.docs_dir = os.path.join(os.path.dirname(config_file_path), "docs")


def read_config_file(config: Path) -> dict[str, Any]:
    """The settings in ``config``; a missing or unreadable file raises HandbookError."""
    shown = display_path(config)
    if not config.is_file():
        raise HandbookError(
            [
                Place(shown).error(
                    "no such file: run handbook in the folder that holds mkdocs.yml, "
                    "or name it with --config"
                )
            ]
        )
    paths = _Paths(os.path.abspath(config))  # MkDocs opens, and names, the absolute path
    loader = get_yaml_loader(config=cast("MkDocsConfig", paths))
    try:
        with open(paths.config_file_path, "rb") as stream:
            data: object = yaml_load(stream, loader)
    except ConfigurationError as error:
        raise HandbookError([_load_problem(error, shown, paths.config_file_path)]) from None
    except (TypeError, AttributeError):  # the file is one value, which INHERIT cannot be in
        data = None
    except (OSError, RecursionError) as error:
        raise HandbookError([Place(shown).error(f"cannot read the settings: {error}")]) from None
    if not isinstance(data, dict):
        raise HandbookError(
            [
                Place(shown).error(
                    f"{shown} must be a group of settings (key: value), e.g. site_name: Handbook"
                )
            ]
        )
    folder, docs = os.path.dirname(paths.config_file_path), data.get("docs_dir", "docs")
    if isinstance(docs, str):  # made absolute against the file's folder, as MkDocs validates it
        paths.docs_dir = os.path.abspath(os.path.join(folder, docs))
    return data


def _load_problem(error: ConfigurationError, shown: str, opened: str) -> Problem:
    """MkDocs' refusal, at the line and column of the YAML error it wraps when there is one."""
    cause = error.__context__  # MkDocs raises its own error inside ``except yaml.YAMLError``
    if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
        mark = cause.problem_mark
        place = Place(_file(mark.name, shown, opened), mark.line + 1, mark.column + 1)
        detail = cause.problem or "invalid YAML"
        if cause.context:
            detail = f"{detail} ({cause.context})"
        if isinstance(cause, yaml.constructor.ConstructorError):
            return place.error(
                f"a value MkDocs cannot read either: {detail}; check the tag and that the "
                "module it names is installed"
            )
        return place.error(f"YAML syntax error: {detail}; check indentation, colons and quotes")
    if isinstance(cause, yaml.reader.ReaderError):
        return _reader_problem(cause, _file(cause.name, shown, opened))
    return Place(shown).error(f"cannot read the settings: {error.message}")


def _file(name: str, shown: str, opened: str) -> str:
    """The file a YAML error names, as the report shows it: an INHERIT-ed file has its own."""
    return shown if name == opened else display_path(Path(name))


def _reader_problem(error: yaml.reader.ReaderError, shown: str) -> Problem:
    """Bytes that are not UTF-8, or a control character, on the line they are on."""
    data = Path(error.name).read_bytes()
    if error.encoding != "unicode":  # a decoding error counts bytes, a character characters
        line = data[: error.position].count(b"\n") + 1
        return Place(shown, line).error("the file is not UTF-8 text; save it with UTF-8 encoding")
    line = data.decode("utf-8", "replace")[: error.position].count("\n") + 1
    return Place(shown, line).error(
        f"the file contains the control character U+{error.character:04X}, "
        "which is not allowed; delete it"
    )
