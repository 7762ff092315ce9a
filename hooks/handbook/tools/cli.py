"""The ``handbook`` command editors and CI run: check, mark translations, status, schema.

``handbook check`` uses the loader the MkDocs build uses, so both print the same messages.
Settings (review rules, the data folder) come from ``extra.handbook`` in ``mkdocs.yml`` when
it is in the current folder, and today's date from ``HANDBOOK_TODAY`` when set.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from handbook.model.languages import Languages
from handbook.model.review import build_today
from handbook.model.status import translation_status
from handbook.reading.glossary import docs_warnings
from handbook.reading.loader import data_files, load_handbook
from handbook.reading.problems import HandbookError, Place, Problem, display_path
from handbook.settings import Settings, languages_of, read_settings
from handbook.tools.init import InitRefused, init_handbook
from handbook.tools.marking import mark_file
from handbook.tools.new import NewRefused, new_phase, new_standard
from handbook.tools.report import REPORTERS, Outcome, status_json, status_text, strict, text_report
from handbook.tools.schema import stale_schema_files, write_schema_files

CONFIG_FILE = "mkdocs.yml"
I18N_CODE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
"""The locale codes mkdocs-static-i18n accepts in its ``languages`` list."""
INTERNAL_ERROR = 3


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely; tags such as ``!ENV`` become nothing instead of failing."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", construct_env_tag)  # as MkDocs reads it


def _config_data(config: Path) -> dict[str, Any]:
    """The settings in ``mkdocs.yml``; a missing or broken file raises HandbookError."""
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
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError, RecursionError) as error:
        raise HandbookError([Place(shown).error(f"cannot read the settings: {error}")]) from None
    return data if isinstance(data, dict) else {}


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    return value if isinstance(value, dict) else {}


def setup(config_file: str, standards: str | None = None) -> Settings:
    """The settings of this run; raise HandbookError naming every wrong setting."""
    data = _config_data(Path(config_file))
    theme = _section(data, "theme")
    languages = languages_of(data.get("plugins"), str(theme.get("language") or "en"), config_file)
    settings = read_settings(_section(data, "extra"), config_file, languages)
    return replace(settings, standards=Path(standards)) if standards else settings


def _targets(
    paths: Sequence[str], settings: Settings
) -> tuple[dict[Path, set[str] | None], list[Problem]]:
    """Folder → the files whose problems to show (None: all), and paths that are not there.

    A named file is checked against the whole handbook of its folder, so an ID it reuses
    from another file is still reported in it.
    """
    if not paths:
        return {settings.standards: None}, []
    targets: dict[Path, set[str] | None] = {}
    missing: list[Problem] = []
    for given in map(Path, paths):
        if given.is_dir():
            targets[given] = None
        elif given.is_file() and given.resolve() not in {
            path.resolve() for path in data_files(given.parent)
        }:
            missing.append(
                Place(display_path(given)).error(
                    "not a handbook file: the checker reads the .yaml files of the data folder "
                    "(the phases, vocabulary.yaml, labels.yaml and glossary.yaml)"
                )
            )
        elif given.is_file():
            chosen = targets.setdefault(given.parent, set())
            if chosen is not None:
                chosen.add(display_path(given))
        else:
            missing.append(Place(display_path(given)).error("no such file or folder"))
    return targets, missing


def run_check(
    paths: Sequence[str], standards: str | None, is_strict: bool, config: str = CONFIG_FILE
) -> Outcome:
    """Every problem of every file named (or of the whole handbook), and the files read."""
    try:
        settings = setup(config, standards)
    except HandbookError as error:
        return Outcome(tuple(error.problems), 0)
    targets, problems = _targets(paths, settings)
    files = 0
    for folder, shown in targets.items():
        result = load_handbook(
            folder, settings.policy, settings.languages, settings.require_translations
        )
        if shown is None:
            problems += result.problems
            files += len(data_files(folder))
        else:
            data = {display_path(path) for path in data_files(folder)}
            problems += [p for p in result.problems if p.path in shown or p.path not in data]
            files += len(shown)
    if not paths:  # the whole handbook: its hand-written pages too, for the glossary's words
        problems += docs_warnings(
            Path(config).parent / "docs", settings.standards, settings.languages
        )
    found = tuple(sorted(problems))
    return Outcome(strict(found) if is_strict else found, files)


def _check(args: argparse.Namespace) -> int:
    outcome = run_check(args.paths, args.standards, args.strict, args.config)
    _write(REPORTERS[args.format](outcome))
    return outcome.exit_code


def _translated(args: argparse.Namespace) -> int:
    path = Path(args.file)
    languages = setup(args.config).languages
    unknown = [code for code in args.language or [] if code not in languages.translated]
    if unknown:
        allowed = ", ".join(languages.translated) or "(none: the handbook has one language)"
        _write(f"handbook: --language {unknown[0]} is not a translation; use: {allowed}\n")
        return 2
    marking = mark_file(path, languages, args.language or languages.translated, args.id or [])
    if marking.problems:
        _write(text_report(Outcome(marking.problems, 1)))
        return 1
    shown = display_path(path)
    _write("".join(f"{shown}:{done.describe()}\n" for done in marking.marked))
    count = sum(len(done.languages) for done in marking.marked)
    _write(
        f"marked {count} translation{'' if count == 1 else 's'} in {shown}\n"
        if count
        else f"nothing to mark in {shown}: every translation already records the current "
        "source text\n"
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    settings = setup(args.config, args.standards)
    result = load_handbook(settings.standards, settings.policy, settings.languages)
    if result.handbook is None:
        _write(text_report(Outcome(tuple(result.errors), 0)))
        return 1
    statuses = translation_status(result.handbook)
    _write(status_json(statuses) if args.format == "json" else status_text(statuses))
    complete = all(status.complete for status in statuses)
    return 1 if args.strict and not complete else 0


def _schema(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    languages = setup(args.config).languages
    if args.check:
        stale = stale_schema_files(folder, languages)
        for name in stale:
            _write(f"{display_path(folder / name)}: out of date; run: handbook schema\n")
        return 1 if stale else 0
    for written in write_schema_files(folder, languages):
        _write(f"wrote {display_path(written)}\n")
    return 0


def _init(args: argparse.Namespace) -> int:
    codes = [code.strip() for code in args.languages.split(",") if code.strip()]
    try:
        for code in codes:
            if not I18N_CODE.match(code):
                raise ValueError(
                    f"'{code}' is not a language code the i18n plugin accepts; write it like "
                    "en, pt_BR or zh-Hant"
                )
        languages = Languages(tuple(dict.fromkeys(codes)))
        if not codes:
            raise ValueError("--languages needs at least one code, e.g. en,de")
        today = build_today()
        report = init_handbook(Path(args.config).parent, args.name, languages, today, args.force)
    except (ValueError, InitRefused) as error:
        _write(f"handbook init: {error}\n")
        return 1
    _write("".join(f"removed {path}\n" for path in report.removed))
    _write("".join(f"wrote {path}\n" for path in report.written))
    _write("".join(f"note: {note}\n" for note in report.notes))
    _write(
        f"started the handbook '{args.name}' in {', '.join(languages)}; "
        "next: make site, then make test\n"
    )
    return 0


def _new(args: argparse.Namespace) -> int:
    settings = setup(args.config)
    try:
        if args.kind == "phase":
            pages = Path(args.config).parent / "docs" / settings.phase_pages
            written = new_phase(settings.standards, pages, args.slug, settings.languages)
        else:
            today = settings.policy.today
            written = [
                new_standard(settings.standards, args.phase, args.step, settings.languages, today)
            ]
    except NewRefused as error:
        _write(f"handbook new: {error}\n")
        return 1
    for each in written:
        _write(f"wrote {display_path(each.path)}: {each.what}\n")
    _write("next: write the empty texts, then run: handbook check\n")
    return 0


def _write(text: str) -> None:
    sys.stdout.write(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Check and maintain the service-standards handbook."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument(
        "--config",
        default=CONFIG_FILE,
        metavar="FILE",
        help="the site settings: languages, review rules (default: mkdocs.yml)",
    )
    check = commands.add_parser(
        "check", parents=[config], help="check the standards; exit 1 on any error"
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all)")
    check.add_argument("--format", choices=REPORTERS, default="text")
    check.add_argument(
        "--strict", action="store_true", help="treat warnings (translations) as errors"
    )
    check.add_argument("--standards", metavar="DIR", help="the data folder (default: mkdocs.yml)")
    check.set_defaults(run=_check)

    translated = commands.add_parser(
        "translated",
        parents=[config],
        help="mark translations in a file as made from the current source text",
    )
    translated.add_argument("file", metavar="FILE")
    translated.add_argument(
        "--language", action="append", help="a language code of mkdocs.yml; default: all"
    )
    translated.add_argument(
        "--id", action="append", help="only the texts of this standard, step, phase or name"
    )
    translated.set_defaults(run=_translated)

    status = commands.add_parser(
        "status", parents=[config], help="translated, missing and outdated, per phase"
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--strict", action="store_true", help="exit 1 unless all are current")
    status.add_argument("--standards", metavar="DIR")
    status.set_defaults(run=_status)

    schema = commands.add_parser(
        "schema", parents=[config], help="write the JSON Schemas for editors"
    )
    schema.add_argument("--output", default="schema", metavar="DIR")
    schema.add_argument("--check", action="store_true", help="exit 1 if they are out of date")
    schema.set_defaults(run=_schema)

    init = commands.add_parser(
        "init", parents=[config], help="replace the example with a starter handbook of your own"
    )
    init.add_argument("--name", required=True, help='the handbook\'s name, e.g. "City Library"')
    init.add_argument(
        "--languages", required=True, help="language codes, the source first, e.g. en,de,fa"
    )
    init.add_argument("--force", action="store_true", help="replace the handbook that is here")
    init.set_defaults(run=_init)

    new = commands.add_parser("new", help="add a phase or a standard to fill in")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="WHAT")
    phase = kinds.add_parser("phase", parents=[config], help="a phase file and its page")
    phase.add_argument("slug", metavar="SLUG", help="the phase's short name, e.g. billing")
    standard = kinds.add_parser("standard", parents=[config], help="a standard in a phase")
    standard.add_argument("--phase", required=True, metavar="SLUG")
    standard.add_argument("--step", metavar="ID", help="the step it belongs to (default: none)")
    for each in (phase, standard):
        each.set_defaults(run=_new)
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
    except HandbookError as error:  # the settings in mkdocs.yml: every command reports alike
        _write(text_report(Outcome(tuple(error.problems), 0)))
        return 1
    except Exception as error:  # the boundary: a bug is reported in one line, not a traceback
        sys.stderr.write(
            f"handbook: internal error ({type(error).__name__}: {error}); please report it "
            "with the file that caused it\n"
        )
        return INTERNAL_ERROR
