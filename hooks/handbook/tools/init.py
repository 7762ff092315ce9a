"""``handbook init``: replace the example handbook with a content-neutral starter.

The starter (``handbook/tools/starter/``) is written in English, Polish and Arabic. Init keeps the
languages asked for, writes the source language's text under its own key (English when the
starter has no text in it), and leaves every other language to the translators: the site
shows the source text there, marked as not yet translated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.model.languages import Languages, native_name
from handbook.reading.yamlsource import end_of_lines
from handbook.tools.marking import mark_file
from handbook.tools.schema import write_schema_files

STARTER = Path(__file__).parent / "starter"
STARTER_LANGUAGES = ("en", "pl", "ar")
"""The languages the starter is written in; the first is the one used for any other."""
EXAMPLE_DATE = "2026-11-01"
CONFIG_FILE = "mkdocs.yml"


@dataclass
class Report:
    """What init did, to print: files removed and written, and notes for the editor."""

    removed: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class InitRefused(Exception):
    """Init cannot start a handbook here (a handbook is here, no --force; no mkdocs.yml)."""


def existing_content(root: Path) -> list[str]:
    """The files of a handbook in ``root`` that init would replace."""
    found = [
        *sorted((root / "standards").glob("*.yaml")),
        *sorted((root / "docs").rglob("*.md")),
        *sorted((root / "audits").glob("*.yaml")),  # they name the old handbook's standards
    ]
    return [path.relative_to(root).as_posix() for path in found]


def init_handbook(
    root: Path, name: str, languages: Languages, today: date, force: bool = False
) -> Report:
    """Replace the handbook in ``root`` with the starter, in ``languages``."""
    present = existing_content(root)
    if present and not force:
        raise InitRefused(
            f"{len(present)} handbook file{' is' if len(present) == 1 else 's are'} already here "
            "(standards/, docs/, audits/); "
            "run again with --force to replace them"
        )
    config = _new_config(root / CONFIG_FILE, name, languages)
    report = Report(removed=present)
    for relative in present:
        (root / relative).unlink()
    _write_standards(root, languages, today, report)
    _write_pages(root, languages, report)
    (root / CONFIG_FILE).write_text(config, encoding="utf-8")
    report.written.append(CONFIG_FILE)
    for written in write_schema_files(root / "schema", languages):
        report.written.append(written.relative_to(root).as_posix())
    if languages.source not in STARTER_LANGUAGES:
        report.notes.append(
            f"the starter has no {native_name(languages.source, 'en')} text: the English "
            f"is written under '{languages.source}'; rewrite it in your language"
        )
    return report


def _write_standards(root: Path, languages: Languages, today: date, report: Report) -> None:
    folder = root / "standards"
    folder.mkdir(exist_ok=True)
    for source in sorted((STARTER / "standards").glob("*.yaml")):
        text = keep_languages(source.read_text(encoding="utf-8"), languages)
        target = folder / source.name
        target.write_text(text.replace(EXAMPLE_DATE, today.isoformat()), encoding="utf-8")
        if languages.translated:
            kept = [code for code in languages.translated if code in STARTER_LANGUAGES]
            mark_file(target, languages, kept, [])
        report.written.append(target.relative_to(root).as_posix())


def keep_languages(text: str, languages: Languages) -> str:
    """``text`` (a starter YAML file) with only the texts in ``languages``.

    Edits the file as text at the places PyYAML reports, so comments and layout stay.
    A language the starter lacks is left out (it falls back to the source); a source
    language the starter lacks takes a copy of the English text, and English keeps its own
    when it is one of the languages.
    """
    english = STARTER_LANGUAGES[0]
    wanted = {code for code in languages if code in STARTER_LANGUAGES}
    fallback = languages.source not in STARTER_LANGUAGES
    edits: list[tuple[int, int, str]] = []
    for mapping in _text_maps(yaml.compose(text, Loader=yaml.SafeLoader)):
        pairs = mapping.value
        for position, (key, value) in enumerate(pairs):
            if key.value == english and fallback and english not in wanted:
                edits.append((key.start_mark.index, key.end_mark.index, languages.source))
            elif key.value == english and fallback:
                edits.append(_copy_under(text, mapping, key, value, languages.source))
            elif key.value not in wanted:
                edits.append(_span(text, mapping, pairs, position))
    for start, end, insert in sorted(edits, reverse=True):
        text = text[:start] + insert + text[end:]
    return text


def _copy_under(
    text: str, mapping: yaml.MappingNode, key: yaml.Node, value: yaml.Node, code: str
) -> tuple[int, int, str]:
    """An insertion that repeats the pair ``key: value`` under the key ``code``, before it."""
    if mapping.flow_style:
        pair = text[key.end_mark.index : value.end_mark.index]
        return key.start_mark.index, key.start_mark.index, f"{code}{pair}, "
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    lines = text[start : end_of_lines(text, value.end_mark.index)]
    indent = key.start_mark.index - start
    return start, start, lines[:indent] + code + lines[indent + len(str(key.value)) :]


def _text_maps(node: yaml.Node | None) -> list[yaml.MappingNode]:
    """Every mapping whose keys include ``en``: the translatable texts of a starter file."""
    found: list[yaml.MappingNode] = []
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.MappingNode):
            keys = {key.value for key, _ in current.value}
            if STARTER_LANGUAGES[0] in keys:
                found.append(current)
            else:
                pending += [value for _, value in current.value]
        elif isinstance(current, yaml.SequenceNode):
            pending += current.value
    return found


def _span(
    text: str, mapping: yaml.MappingNode, pairs: list[Any], position: int
) -> tuple[int, int, str]:
    """The characters of one key and its value, with their comma or their lines."""
    key, value = pairs[position]
    if mapping.flow_style and position > 0:
        return pairs[position - 1][1].end_mark.index, value.end_mark.index, ""
    if mapping.flow_style:  # the first key: cut up to the next key, with the comma
        return key.start_mark.index, pairs[position + 1][0].start_mark.index, ""
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    if position + 1 < len(pairs):
        end = text.rfind("\n", 0, pairs[position + 1][0].start_mark.index) + 1
    else:
        end = end_of_lines(text, value.end_mark.index)
    return start, end, ""


def _write_pages(root: Path, languages: Languages, report: Report) -> None:
    """Each hand-written page in each language; a missing language gets the source page."""
    docs = STARTER / "docs"
    for page in sorted(docs.rglob("*.md")):
        stem, _, language = page.name.removesuffix(".md").partition(".")
        if language:
            continue
        relative = page.parent.relative_to(docs)
        source_page = _page_text(page, stem, languages.source)
        for code in languages:
            text = _page_text(page, stem, code)
            if text is None and code == languages.source:
                text = page.read_text(encoding="utf-8")  # the English, to rewrite in place
            if text is None:
                text = _untranslated(source_page or page.read_text(encoding="utf-8"), languages)
            suffix = "" if code == languages.source else f".{code}"
            target = root / "docs" / relative / f"{stem}{suffix}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            report.written.append(target.relative_to(root).as_posix())
            if relative != Path("."):
                break  # a phase page holds only its macro: one file serves every language


def _untranslated(page: str, languages: Languages) -> str:
    """A copy of the source page for a language the starter lacks, marked as such."""
    labels = yaml.safe_load((STARTER / "standards" / "labels.yaml").read_text(encoding="utf-8"))
    notes = labels["not_translated"]
    note = notes.get(languages.source) or notes[STARTER_LANGUAGES[0]]
    heading, _, rest = page.partition("\n")
    return f"{heading}\n\n*{note}*\n{rest}" if heading.startswith("# ") else f"*{note}*\n\n{page}"


def _page_text(english_page: Path, stem: str, language: str) -> str | None:
    if language == STARTER_LANGUAGES[0]:
        return english_page.read_text(encoding="utf-8")
    translated = english_page.with_name(f"{stem}.{language}.md")
    return translated.read_text(encoding="utf-8") if translated.is_file() else None


def _new_config(config: Path, name: str, languages: Languages) -> str:
    """``mkdocs.yml`` with the organisation's name and languages; every other setting stays.

    Raises InitRefused, before anything is written, when the file cannot take them.
    """
    if not config.is_file():
        raise InitRefused(f"no {config.name} here: run handbook init in the repository's folder")
    strings = yaml.safe_load((STARTER / "site.yaml").read_text(encoding="utf-8"))
    words = {code: strings.get(code) or strings[STARTER_LANGUAGES[0]] for code in languages}
    text = config.read_text(encoding="utf-8")
    source = words[languages.source]
    for key, value in (
        ("site_name", name),
        ("site_description", source["site_description"].replace("{name}", name)),
        ("copyright", source["copyright"].replace("{name}", name)),
    ):
        text = _set_line(text, key, f"{key}: {json.dumps(value, ensure_ascii=False)}")
    theme_language = re.compile(r"(?m)^([ \t]+language:) .*$")
    text = theme_language.sub(lambda m: f"{m[1]} {languages.source}", text, count=1)
    sequence = source["sequence"]
    nav_entry = re.compile(r"(?m)^([ \t]*- )[^:\n]+(: phases/)$")
    text = nav_entry.sub(lambda m: m[1] + sequence + m[2], text, count=1)
    return _replace_languages(text, name, languages, words, sequence)


def _set_line(text: str, key: str, line: str) -> str:
    """``text`` with the top-level ``key:`` line replaced by ``line``, taken literally."""
    return re.sub(rf"(?m)^{key}:.*$", lambda _: line, text)


def _replace_languages(
    text: str, name: str, languages: Languages, words: dict[str, Any], sequence: str
) -> str:
    """``text`` with the i18n plugin's ``languages:`` list written for ``languages``."""
    lines = text.splitlines(keepends=True)
    plugin = next((n for n, line in enumerate(lines) if line.strip() == "- i18n:"), None)
    start = next(
        (n for n in range(plugin or 0, len(lines)) if lines[n].strip() == "languages:"), None
    )
    if plugin is None or start is None:
        if len(languages) == 1:
            return text  # one language needs no i18n plugin: the theme's language is set
        raise InitRefused(
            "mkdocs.yml has no i18n plugin with a 'languages:' list (plugins → i18n → "
            "languages), which more than one language needs; add it as in this "
            "repository's mkdocs.yml, then run init again"
        )
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # the blank lines after the list stay
    block = _languages_block(name, languages, words, sequence, " " * indent)
    return "".join([*lines[:start], block, *lines[end:]])


def _languages_block(
    name: str, languages: Languages, words: dict[str, Any], sequence: str, indent: str
) -> str:
    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    item, field = indent + "  ", indent + "    "
    lines = [f"{indent}languages:"]
    for code in languages:
        lines += [f"{item}- locale: {code}"]
        if code == languages.source:
            lines += [f"{field}default: true"]
        lines += [f"{field}name: {quoted(native_name(code))}", f"{field}build: true"]
        if code != languages.source:
            own = words[code]
            description = own["site_description"].replace("{name}", name)
            lines += [
                f"{field}site_name: {quoted(name)}",
                f"{field}site_description: {quoted(description)}",
                f"{field}copyright: {quoted(own['copyright'].replace('{name}', name))}",
                f"{field}nav_translations:",
                f"{field}  {quoted(sequence)}: {quoted(own['sequence'])}",
            ]
    return "\n".join(lines) + "\n"
