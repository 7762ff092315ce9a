"""The ``handbook`` command editors and CI run: check, mark translations, status, schema.

``handbook check`` uses the loader the MkDocs build uses, so both print the same messages.
Settings (review rules, the data folder) come from ``extra.handbook`` in ``mkdocs.yml`` when
it is in the current folder, and today's date from ``HANDBOOK_TODAY`` when set.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.loader import VOCABULARY_FILE, load_handbook, phase_files
from handbook.marking import mark_file
from handbook.problems import HandbookError, Place, Problem, display_path
from handbook.report import REPORTERS, Outcome, status_json, status_text, strict, text_report
from handbook.review import ReviewPolicy, build_today
from handbook.schema import stale_schema_files, write_schema_files
from handbook.site import read_settings
from handbook.translations import TRANSLATED_LANGUAGES, translation_status

CONFIG_FILE = "mkdocs.yml"
INTERNAL_ERROR = 3


@dataclass(frozen=True)
class Setup:
    """Where the standards are and the review rules to check them with."""

    standards: Path
    policy: ReviewPolicy


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely; tags such as ``!ENV`` become nothing instead of failing."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config_extra(config: Path) -> dict[str, Any]:
    """``extra`` of mkdocs.yml, empty when absent; a broken file raises HandbookError."""
    if not config.is_file():
        return {}
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError, RecursionError) as error:
        raise HandbookError(
            [Place(str(config)).error(f"cannot read the settings: {error}")]
        ) from None
    extra = data.get("extra") if isinstance(data, dict) else None
    if not isinstance(extra, dict):
        return {}
    return extra


def setup(standards: str | None) -> Setup:
    """The settings of this run; raise HandbookError naming every wrong setting."""
    config = Path(CONFIG_FILE)
    extra = _config_extra(config)
    if extra or config.is_file():
        settings = read_settings(extra, CONFIG_FILE)
        folder, policy = settings.standards, settings.policy
    else:
        try:
            policy = ReviewPolicy(today=build_today())
        except ValueError as error:
            raise HandbookError([Place("environment").error(str(error))]) from None
        folder = Path("standards")
    return Setup(Path(standards) if standards else folder, policy)


def _targets(
    paths: Sequence[str], setup: Setup
) -> tuple[dict[Path, list[Path] | None], list[Problem]]:
    """Folder → the phase files to check in it (None: all of them), and paths that are not there."""
    if not paths:
        return {setup.standards: None}, []
    targets: dict[Path, list[Path] | None] = {}
    missing: list[Problem] = []
    for given in map(Path, paths):
        if given.is_dir():
            targets[given] = None
        elif given.is_file():
            chosen = targets.setdefault(given.parent, [])
            if chosen is not None and given.name != VOCABULARY_FILE and given not in chosen:
                chosen.append(given)
        else:
            missing.append(Place(display_path(given)).error("no such file or folder"))
    return targets, missing


def run_check(paths: Sequence[str], standards: str | None, is_strict: bool) -> Outcome:
    """Every problem of every file named (or of the whole handbook), and the files read."""
    try:
        settings = setup(standards)
    except HandbookError as error:
        return Outcome(tuple(error.problems), 0)
    targets, problems = _targets(paths, settings)
    files = 0
    for folder, only in targets.items():
        result = load_handbook(folder, settings.policy, only)
        problems += result.problems
        files += 1 + len(only if only is not None else phase_files(folder))
    found = tuple(sorted(problems))
    return Outcome(strict(found) if is_strict else found, files)


def _check(args: argparse.Namespace) -> int:
    outcome = run_check(args.paths, args.standards, args.strict)
    _write(REPORTERS[args.format](outcome))
    return outcome.exit_code


def _translated(args: argparse.Namespace) -> int:
    path = Path(args.file)
    languages = args.language or list(TRANSLATED_LANGUAGES)
    marking = mark_file(path, languages, args.id or [])
    if marking.problems:
        _write(text_report(Outcome(marking.problems, 1)))
        return 1
    shown = display_path(path)
    _write("".join(f"{shown}:{done.describe()}\n" for done in marking.marked))
    count = sum(len(done.languages) for done in marking.marked)
    _write(
        f"marked {count} translation{'' if count == 1 else 's'} in {shown}\n"
        if count
        else f"nothing to mark in {shown}: every translation already records the current English\n"
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    try:
        settings = setup(args.standards)
        result = load_handbook(settings.standards, settings.policy)
    except HandbookError as error:
        _write(text_report(Outcome(tuple(error.problems), 0)))
        return 1
    if result.handbook is None:
        _write(text_report(Outcome(tuple(result.errors), 0)))
        return 1
    statuses = translation_status(result.handbook)
    _write(status_json(statuses) if args.format == "json" else status_text(statuses))
    complete = all(status.complete for status in statuses)
    return 1 if args.strict and not complete else 0


def _schema(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    if args.check:
        stale = stale_schema_files(folder)
        for name in stale:
            _write(f"{display_path(folder / name)}: out of date; run: handbook schema\n")
        return 1 if stale else 0
    for written in write_schema_files(folder):
        _write(f"wrote {display_path(written)}\n")
    return 0


def _write(text: str) -> None:
    sys.stdout.write(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Check and maintain the service-standards handbook."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check the standards; exit 1 on any error")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all)")
    check.add_argument("--format", choices=REPORTERS, default="text")
    check.add_argument(
        "--strict", action="store_true", help="treat warnings (translations) as errors"
    )
    check.add_argument("--standards", metavar="DIR", help="the data folder (default: mkdocs.yml)")
    check.set_defaults(run=_check)

    translated = commands.add_parser(
        "translated", help="mark translations in a file as made from the current English"
    )
    translated.add_argument("file", metavar="FILE")
    translated.add_argument(
        "--language", action="append", choices=TRANSLATED_LANGUAGES, help="default: all"
    )
    translated.add_argument(
        "--id", action="append", help="only the texts of this standard, step, phase or name"
    )
    translated.set_defaults(run=_translated)

    status = commands.add_parser("status", help="translated, missing and outdated, per phase")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--strict", action="store_true", help="exit 1 unless all are current")
    status.add_argument("--standards", metavar="DIR")
    status.set_defaults(run=_status)

    schema = commands.add_parser("schema", help="write the JSON Schemas for editors")
    schema.add_argument("--output", default="schema", metavar="DIR")
    schema.add_argument("--check", action="store_true", help="exit 1 if they are out of date")
    schema.set_defaults(run=_schema)
    return parser


def _safe_output() -> None:
    """Never fail on printing: an odd character becomes an escape, not an error."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    _safe_output()
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except Exception as error:  # the boundary: a bug is reported in one line, not a traceback
        sys.stderr.write(
            f"handbook: internal error ({type(error).__name__}: {error}); please report it "
            "with the file that caused it\n"
        )
        return INTERNAL_ERROR
