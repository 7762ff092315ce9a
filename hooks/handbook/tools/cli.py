"""The ``handbook`` command editors and CI run: its arguments, and the boundary of every run.

``handbook check`` uses the loader the MkDocs build uses, and the settings the build reads
(``extra.handbook`` and the languages of ``mkdocs.yml``, read as MkDocs reads the file), so
both print the same messages. What each command does is in ``handbook.tools.commands``.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence

from handbook.exchange.export import CHOICES, FORMATS
from handbook.reading.problems import HandbookError
from handbook.tools import commands
from handbook.tools.report import REPORTERS, Outcome, text_report

INTERNAL_ERROR = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Check and maintain the service-standards handbook."
    )
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument(
        "--config",
        default=commands.CONFIG_FILE,
        metavar="FILE",
        help="the site settings: languages, review rules (default: mkdocs.yml)",
    )
    check = subcommands.add_parser(
        "check", parents=[config], help="check the standards; exit 1 on any error"
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all)")
    check.add_argument("--format", choices=REPORTERS, default="text")
    check.add_argument(
        "--strict", action="store_true", help="treat warnings (translations) as errors"
    )
    check.add_argument("--standards", metavar="DIR", help="the data folder (default: mkdocs.yml)")
    check.set_defaults(run=commands.check)

    translated = subcommands.add_parser(
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
    translated.set_defaults(run=commands.translated)

    exchange = subcommands.add_parser(
        "translations", help="translation files (PO, XLIFF) for translators' tools"
    )
    actions = exchange.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export", parents=[config], help="one language's texts as a PO or XLIFF file"
    )
    export.add_argument("--language", required=True, help="a translation of mkdocs.yml")
    export.add_argument("--format", choices=FORMATS, default="po")
    export.add_argument("--only", choices=tuple(CHOICES), default="all")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.set_defaults(run=commands.translations_export)
    incoming = actions.add_parser(
        "import", parents=[config], help="a translated PO or XLIFF file back into the YAML"
    )
    incoming.add_argument("file", metavar="FILE", help="a .po, .xlf or .xliff file")
    incoming.set_defaults(run=commands.translations_import)

    reviewed = subcommands.add_parser(
        "reviewed", parents=[config], help="record that standards were reviewed (last_reviewed)"
    )
    reviewed.add_argument("ids", nargs="+", metavar="ID", help="the standards reviewed")
    reviewed.add_argument("--date", metavar="YYYY-MM-DD", help="the review day (default: today)")
    reviewed.set_defaults(run=commands.reviewed)

    status = subcommands.add_parser(
        "status", parents=[config], help="translated, missing and outdated, per phase"
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--strict", action="store_true", help="exit 1 unless all are current")
    status.add_argument("--standards", metavar="DIR")
    status.set_defaults(run=commands.status)

    schema = subcommands.add_parser(
        "schema", parents=[config], help="write the JSON Schemas for editors"
    )
    schema.add_argument("--output", default="schema", metavar="DIR")
    schema.add_argument("--check", action="store_true", help="exit 1 if they are out of date")
    schema.set_defaults(run=commands.schema)

    diff = subcommands.add_parser(
        "diff",
        parents=[config],
        help="what changed in the standards between two git revisions, per language",
    )
    diff.add_argument("base", metavar="BASE", help="a branch, tag or commit, e.g. origin/main")
    diff.add_argument("head", nargs="?", metavar="HEAD", help="default: the working tree")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.set_defaults(run=commands.diff)

    owners = subcommands.add_parser(
        "codeowners",
        parents=[config],
        help="write .github/CODEOWNERS: who reviews each phase file on GitHub",
    )
    owners.add_argument("--check", action="store_true", help="exit 1 if it is out of date")
    owners.set_defaults(run=commands.codeowners)

    reminders = subcommands.add_parser(
        "reminders",
        parents=[config],
        help="keep one GitHub issue per owner role listing its standards to review",
    )
    reminders.add_argument(
        "--dry-run", action="store_true", help="print what would change; change nothing"
    )
    reminders.add_argument(
        "--repo", metavar="OWNER/NAME", help="the repository (default: $GITHUB_REPOSITORY)"
    )
    reminders.set_defaults(run=commands.reminders)

    init = subcommands.add_parser(
        "init", parents=[config], help="replace the example with a starter handbook of your own"
    )
    init.add_argument("--name", required=True, help='the handbook\'s name, e.g. "City Library"')
    init.add_argument(
        "--languages", required=True, help="language codes, the source first, e.g. en,de,fa"
    )
    init.add_argument("--force", action="store_true", help="replace the handbook that is here")
    init.set_defaults(run=commands.init)

    audit = subcommands.add_parser("audit", help="audit visits")
    audit_actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    audit_import = audit_actions.add_parser(
        "import", parents=[config], help="filled audit forms (CSV) into one file in audits/"
    )
    audit_import.add_argument("forms", nargs="+", metavar="FILE", help="filled forms, .csv")
    audit_import.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the visit")
    audit_import.add_argument("--kind", required=True, help="an audit kind of vocabulary.yaml")
    audit_import.add_argument("--auditor", required=True, help="who audited: a name or a firm")
    audit_import.add_argument("--location", default="", help="where (optional)")
    audit_import.add_argument("--output", metavar="FILE", help="default: audits/<date>-<kind>.yaml")
    audit_import.set_defaults(run=commands.audit_import)

    new = subcommands.add_parser("new", help="add a phase or a standard to fill in")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="WHAT")
    phase = kinds.add_parser("phase", parents=[config], help="a phase file and its page")
    phase.add_argument("slug", metavar="SLUG", help="the phase's short name, e.g. billing")
    standard = kinds.add_parser("standard", parents=[config], help="a standard in a phase")
    standard.add_argument("--phase", required=True, metavar="SLUG")
    standard.add_argument("--step", metavar="ID", help="the step it belongs to (default: none)")
    for each in (phase, standard):
        each.set_defaults(run=commands.new)
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
        commands.write(text_report(Outcome(tuple(error.problems), 0)))
        return 1
    except Exception as error:  # the boundary: a bug is reported in one line, not a traceback
        sys.stderr.write(
            f"handbook: internal error ({type(error).__name__}: {error}); please report it "
            "with the file that caused it\n"
        )
        return INTERNAL_ERROR
