"""What each ``handbook`` command does, from its parsed arguments to its exit code.

Every command reads its settings through ``settings_from``: ``mkdocs.yml`` parsed by MkDocs'
own YAML loading, then the same reader the build uses (``handbook.settings.settings_of``), so
the checker and the build never disagree on a setting. Today's date comes from
``HANDBOOK_TODAY`` when set. ``handbook.tools.cli`` declares the arguments.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from handbook.exchange.entries import CURRENT, handbook_entries
from handbook.exchange.export import export_translations
from handbook.export import Publication
from handbook.glue.configfile import read_config_file
from handbook.model import Handbook
from handbook.model.changes import compare
from handbook.model.languages import Languages, english_name
from handbook.model.review import build_today
from handbook.model.scores import score
from handbook.model.status import translation_status
from handbook.reading.audits import audit_files
from handbook.reading.glossary import docs_warnings
from handbook.reading.loader import data_files, load_handbook
from handbook.reading.problems import HandbookError, Place, Problem, display_path
from handbook.settings import Settings, settings_of
from handbook.tools.auditimport import Visit, import_audit
from handbook.tools.codeowners import CODEOWNERS, codeowners_text
from handbook.tools.diffreport import FORMATS as DIFF_FORMATS
from handbook.tools.diffreport import Compared
from handbook.tools.files import write_all
from handbook.tools.github import API_URL, TOKEN_HELP, GitHub, GitHubError
from handbook.tools.importing import import_translations
from handbook.tools.init import InitRefused, init_handbook
from handbook.tools.marking import mark_file
from handbook.tools.new import NewRefused, new_phase, new_standard
from handbook.tools.reminders import carry_out, dry_run_text, plan, read_open_issues, reminders_for
from handbook.tools.report import REPORTERS, Outcome, status_json, status_text, strict, text_report
from handbook.tools.reviewed import ReviewRefused, mark_reviewed
from handbook.tools.revisions import RevisionUnreadable, handbook_at
from handbook.tools.schema import stale_schema_files, write_schema_files

CONFIG_FILE = "mkdocs.yml"
I18N_CODE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
"""The locale codes mkdocs-static-i18n accepts in its ``languages`` list."""


def settings_from(config_file: str, standards: str | None = None) -> Settings:
    """The settings of this run; raise HandbookError naming every wrong setting."""
    settings = settings_of(read_config_file(Path(config_file)), config_file)
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
        if given.is_dir() and given.resolve() == settings.audits.resolve():
            targets[settings.standards] = None
        elif given.is_dir():
            targets[given] = None
        elif given.is_file():
            in_audits = given.resolve().parent == settings.audits.resolve()
            folder = settings.standards if in_audits else given.parent
            readable = audit_files(settings.audits) if in_audits else data_files(folder)
            if given.resolve() not in {path.resolve() for path in readable}:
                missing.append(
                    Place(display_path(given)).error(
                        "not a handbook file: the checker reads the .yaml files of the data "
                        "folder (the phases, vocabulary.yaml, labels.yaml and glossary.yaml) "
                        f"and of the audits folder ({display_path(settings.audits)})"
                    )
                )
                continue
            chosen = targets.setdefault(folder, set())
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
        settings = settings_from(config, standards)
    except HandbookError as error:
        return Outcome(tuple(error.problems), 0)
    targets, problems = _targets(paths, settings)
    files = 0
    for folder, shown in targets.items():
        audits = settings.audits if folder == settings.standards else None
        result = load_handbook(
            folder, settings.policy, settings.languages, settings.require_translations, audits
        )
        read = [*data_files(folder), *(audit_files(audits) if audits else ())]
        if shown is None:
            problems += result.problems
            files += len(read)
        else:
            data = {display_path(path) for path in read}
            problems += [p for p in result.problems if p.path in shown or p.path not in data]
            files += len(shown)
    if not paths:  # the whole handbook: its hand-written pages too, for the glossary's words
        problems += docs_warnings(
            Path(config).parent / "docs", settings.standards, settings.languages
        )
    found = tuple(sorted(problems))
    return Outcome(strict(found) if is_strict else found, files)


def check(args: argparse.Namespace) -> int:
    outcome = run_check(args.paths, args.standards, args.strict, args.config)
    write(REPORTERS[args.format](outcome))
    return outcome.exit_code


def translated(args: argparse.Namespace) -> int:
    path = Path(args.file)
    languages = settings_from(args.config).languages
    unknown = [code for code in args.language or [] if code not in languages.translated]
    if unknown:
        write(not_a_translation(unknown[0], languages))
        return 2
    marking = mark_file(path, languages, args.language or languages.translated, args.id or [])
    if marking.problems:
        write(text_report(Outcome(marking.problems, 1)))
        return 1
    shown = display_path(path)
    write("".join(f"{shown}:{done.describe()}\n" for done in marking.marked))
    count = sum(len(done.languages) for done in marking.marked)
    write(
        f"marked {count} translation{'' if count == 1 else 's'} in {shown}\n"
        if count
        else f"nothing to mark in {shown}: every translation already records the current "
        "source text\n"
    )
    return 0


def translations_export(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    languages = settings.languages
    if args.language not in languages.translated:
        write(not_a_translation(args.language, languages))
        return 2
    project = " ".join(
        str(read_config_file(Path(args.config)).get("site_name") or "handbook").split()
    )
    export = export_translations(
        settings.standards,
        languages,
        args.language,
        policy=settings.policy,
        file_format=args.format,
        only=args.only,
        project=project,
    )
    if export.problems:
        write(text_report(Outcome(tuple(export.problems), 1)))
        return 1
    counts = ", ".join(f"{count} {state}" for state, count in sorted(export.states.items()))
    summary = f"{sum(export.states.values())} texts ({counts or 'none'})"
    if args.output:
        write_all({Path(args.output): export.text.encode("utf-8")})
        write(f"wrote {summary} to {args.output}\n")
    else:
        sys.stdout.write(export.text)
        sys.stderr.write(f"handbook: {summary}\n")
    return 0


def not_a_translation(code: str, languages: Languages) -> str:
    """The refusal of a ``--language`` that is not a translated language of ``mkdocs.yml``."""
    allowed = ", ".join(languages.translated) or "(none: the handbook has one language)"
    return f"handbook: --language {code} is not a translation; use: {allowed}\n"


def translations_import(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    result = import_translations(
        settings.standards, settings.languages, settings.policy, Path(args.file)
    )
    if result.problems:
        write(text_report(Outcome(tuple(result.problems), 1)))
        write("nothing was imported\n")
        return 1
    if not result.changes:
        write(f"nothing to import from {args.file}: the handbook already has every text of it\n")
        return 0
    marked = sum(1 for change in result.changes if change.mark)
    for change in result.changes:
        how = " (fuzzy: its fingerprint left as it was)" if change.fuzzy else ""
        write(f"{change.entry.reference}: {change.entry.context}{how}\n")
    count = len(result.changes)
    write(
        f"imported {count} text{'' if count == 1 else 's'} ({marked} marked as translated from "
        f"the current source text) into {', '.join(result.files)}\n"
    )
    return 0


def audit_import(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    loaded = load_handbook(settings.standards, settings.policy, settings.languages)
    if loaded.handbook is None:
        write(text_report(Outcome(tuple(loaded.errors), 0)))
        return 1
    visit = Visit(args.date, args.kind, args.auditor, args.location)
    output = Path(args.output) if args.output else settings.audits / f"{args.date}-{args.kind}.yaml"
    forms = [Path(form) for form in args.forms]
    result = import_audit(loaded.handbook, settings.policy.today, forms, visit, output)
    outcome = Outcome(tuple(result.problems), len(args.forms))
    if outcome.errors or result.refusals:
        write("".join(f"handbook: {refusal}\n" for refusal in result.refusals))
        write(text_report(outcome) if result.problems else "")
        write("nothing was written\n")
        return 1
    if result.problems:
        write(text_report(outcome))
    count = len(result.results)
    write(f"wrote {display_path(output)}: {count} result{'' if count == 1 else 's'}\n")
    return 0


def _loaded(settings: Settings) -> Handbook | None:
    """The handbook of ``settings``; None after printing every error that stops it."""
    result = load_handbook(
        settings.standards, settings.policy, settings.languages, audits=settings.audits
    )
    if result.handbook is None:
        write(text_report(Outcome(tuple(result.errors), 0)))
    return result.handbook


def status(args: argparse.Namespace) -> int:
    handbook = _loaded(settings_from(args.config, args.standards))
    if handbook is None:
        return 1
    statuses = translation_status(handbook)
    write(status_json(statuses) if args.format == "json" else status_text(statuses))
    complete = all(status.complete for status in statuses)
    return 1 if args.strict and not complete else 0


def schema(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    languages = settings_from(args.config).languages
    if args.check:
        stale = stale_schema_files(folder, languages)
        for name in stale:
            write(f"{display_path(folder / name)}: out of date; run: handbook schema\n")
        return 1 if stale else 0
    for written in write_schema_files(folder, languages):
        write(f"wrote {display_path(written)}\n")
    return 0


def codeowners(args: argparse.Namespace) -> int:
    expected = _codeowners(args.config)
    if expected is None:
        write("handbook codeowners: fix these errors first; nothing was written\n")
        return 1
    path, text = expected
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    if args.check:
        if before == text:
            return 0
        changes = difflib.unified_diff(
            before.splitlines(keepends=True), text.splitlines(keepends=True), "now", "expected"
        )
        write(f"{display_path(path)}: out of date; run: handbook codeowners, and commit it\n")
        write("".join(changes))
        return 1
    if before != text:
        path.parent.mkdir(exist_ok=True)
        write_all({path: text.encode("utf-8")})
    write(f"{'wrote' if before != text else 'up to date:'} {display_path(path)}\n")
    return 0


def _codeowners(config: str) -> tuple[Path, str] | None:
    """Where CODEOWNERS goes and what it should hold; None after reporting the errors."""
    settings = settings_from(config)
    handbook = _loaded(settings)
    if handbook is None:
        return None
    root = Path(config).parent
    text = codeowners_text(handbook, settings.editors, settings.standards, root)
    return root / CODEOWNERS, text


def diff(args: argparse.Namespace) -> int:
    config = Path(args.config)
    policy = settings_from(args.config).policy
    try:
        before = handbook_at(args.base, config)
        after = handbook_at(args.head, config)
    except RevisionUnreadable as error:
        write(f"handbook diff: {error}\n")
        return 1
    compared = Compared(args.base, args.head or "the working tree", compare(before, after, policy))
    write(DIFF_FORMATS[args.format](compared))
    return 0


def reminders(args: argparse.Namespace) -> int:
    publication = _publication(args.config)
    if publication is None:
        return 1
    wanted = reminders_for(publication)
    repository = args.repo or os.environ.get("GITHUB_REPOSITORY", "")
    token = os.environ.get("GITHUB_TOKEN", "")
    if args.dry_run and not (repository and token):
        write("no GITHUB_REPOSITORY and GITHUB_TOKEN: planned as if no reminder issue were open\n")
        write(dry_run_text(plan(wanted, [])))
        return 0
    if not repository or not token:
        missing = (
            "GITHUB_REPOSITORY (or --repo) as owner/name" if not repository else "GITHUB_TOKEN"
        )
        write(f"handbook reminders: set {missing}; {TOKEN_HELP}\n")
        return 2
    client = GitHub(repository, token, os.environ.get("GITHUB_API_URL") or API_URL)
    try:
        actions = plan(wanted, read_open_issues(client))
        if args.dry_run:
            write(dry_run_text(actions))
            return 0
        carry_out(client, actions, lambda line: write(line + "\n"))
    except GitHubError as error:
        write(f"handbook reminders: {error}\n")
        return 1
    count = len(actions)
    write(
        f"{count} reminder change{'' if count == 1 else 's'} made in {repository}\n"
        if actions
        else f"nothing to change: the reminder issues of {repository} are up to date\n"
    )
    return 0


def _publication(config: str) -> Publication | None:
    """The handbook with its published address; None after reporting why it cannot be."""
    site = read_config_file(Path(config))
    settings = settings_of(site, config)
    handbook = _loaded(settings)
    if handbook is None:
        return None
    site_url = str(site.get("site_url") or "")
    if not site_url.startswith(("https://", "http://")):
        write(
            f"{display_path(Path(config))}: site_url {site_url!r} is not a web address; set it "
            "to the published handbook, e.g. https://example.org/handbook/, so the reminders "
            "can link to it\n"
        )
        return None
    directory_urls = bool(site.get("use_directory_urls", True))
    scored = score(handbook, settings.scoring)
    return Publication(
        handbook, settings.policy, site_url, settings.phase_pages, directory_urls, scored
    )


def init(args: argparse.Namespace) -> int:
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
        write(f"handbook init: {error}\n")
        return 1
    if (Path(args.config).parent / CODEOWNERS).is_file():  # the example's owners are gone
        owners = _codeowners(args.config)
        if owners is not None:
            write_all({owners[0]: owners[1].encode("utf-8")})
            report.written.append(CODEOWNERS.as_posix())
    write("".join(f"removed {path}\n" for path in report.removed))
    write("".join(f"wrote {path}\n" for path in report.written))
    write("".join(f"note: {note}\n" for note in report.notes))
    write(
        f"started the handbook '{args.name}' in {', '.join(languages)}; "
        "next: make site, then make test\n"
    )
    return 0


def new(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
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
        write(f"handbook new: {error}\n")
        return 1
    for each in written:
        write(f"wrote {display_path(each.path)}: {each.what}\n")
    write("next: write the empty texts, then run: handbook check\n")
    return 0


def reviewed(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    today = settings.policy.today
    try:
        day = date.fromisoformat(args.date) if args.date else today
    except ValueError:
        write(f"handbook reviewed: --date {args.date} is not a date; write it as YYYY-MM-DD\n")
        return 2
    try:
        reviews = mark_reviewed(settings.standards, args.ids, day, today)
    except ReviewRefused as error:
        write(f"handbook reviewed: {error}\n")
        return 1
    languages = settings.languages
    states = {
        language: {
            e.context: e.state for e in handbook_entries(settings.standards, languages, language)[0]
        }
        for language in languages.translated
    }
    for review in reviews:
        was = f"(was {review.before})"
        write(f"{review.place}: {review.standard} reviewed on {day.isoformat()} {was}\n")
        write(_translations_to_confirm(review.standard, states))
    return 0


def _translations_to_confirm(standard: str, states: dict[str, dict[str, str]]) -> str:
    """Which translations of a reviewed standard to confirm, and which to update first."""
    if not states:
        return ""
    confirm = ", ".join(english_name(language) for language in states)
    stale = [
        f"{english_name(language)} {field} ({state})"
        for language, by_context in states.items()
        for field in ("text", "check")
        if (state := by_context.get(f"{standard}.{field}", CURRENT)) != CURRENT
    ]
    update = f"; to update first: {', '.join(stale)}" if stale else ""
    return f"  translations to confirm against the reviewed {standard}: {confirm}{update}\n"


def write(text: str) -> None:
    """The command's output, on standard output."""
    sys.stdout.write(text)
