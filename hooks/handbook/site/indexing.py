"""Pagefind runs: the command that indexes a set of pages, in the background, and their merge.

mkdocs-static-i18n writes the languages one after another. Indexing each language's pages
as soon as they are written, while the next language is built, takes Pagefind off the
build's path on a second processor. Each run writes a bundle of its own; ``merge`` puts
them together. That gives the bytes of a single run over the whole site: every file a
language needs carries that language's hash, the scripts are the same in every run, and
only the entry file, which lists the languages, is written anew.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

ENTRY = "pagefind-entry.json"

LONGEST_GLOB = 100_000
"""Bytes of a glob listing pages; Linux takes at most 128 KiB in one argument."""

_WAX_SPECIAL = re.compile(r"([*?$:<>()\[\]{},])")
"""The signs Pagefind's glob syntax (wax) takes as syntax unless escaped with a backslash."""


class PagefindError(RuntimeError):
    """Pagefind could not index; the message says why, in Pagefind's words."""


@dataclass(frozen=True)
class Options:
    """What Pagefind indexes on each page."""

    root_selector: str
    excluded: tuple[str, ...]
    """CSS selectors of elements left out."""


@dataclass(frozen=True)
class _Run:
    process: subprocess.Popen[str]
    bundle: Path


class PagefindRuns:
    """Pagefind processes over one site, each started with the pages it indexes."""

    def __init__(self, site_dir: Path, options: Options) -> None:
        self.site_dir = site_dir.resolve()
        self.options = options
        # Pagefind reads a pagefind.yml or .toml where it runs: a folder of its own has none.
        self._work = tempfile.TemporaryDirectory(prefix="handbook-pagefind-")
        self._runs: list[_Run] = []
        self._left_out = False
        """Some pages were too many for one glob: only a run over the whole site has them."""

    def start(self, pages: Sequence[str]) -> None:
        """Index ``pages`` (paths in the site) in the background."""
        if not pages:
            return
        glob = page_glob(pages)
        if glob is None:
            self._left_out = True
        else:
            self._runs.append(self._run(glob))

    def merge(self, target: Path, whole_site: str) -> None:
        """Wait for every run and write their bundles together as ``target``.

        When two runs found pages of one language (each would hold part of them), or some
        pages or all were never started, one run over ``whole_site`` (a glob) replaces them.
        """
        try:
            bundles = [self._finished(run) for run in self._runs]
            languages = [set(_entry(bundle)["languages"]) for bundle in bundles]
            split = bundles and not self._left_out
            if not split or sum(map(len, languages)) != len(set().union(*languages)):
                bundles = [self._finished(self._run(whole_site))]
            shutil.rmtree(target, ignore_errors=True)  # no stale chunks from an earlier build
            for bundle in bundles:
                shutil.copytree(bundle, target, dirs_exist_ok=True)
            # The languages in a fixed order: Pagefind writes them in hash-map order, which
            # changes from run to run, and a build must give the same bytes (issue 8).
            entry = _entry(bundles[0])
            entry["languages"] = dict(
                sorted(item for bundle in bundles for item in _entry(bundle)["languages"].items())
            )
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
            (target / ENTRY).write_text(text, encoding="utf-8")
        finally:
            self.close()

    def close(self) -> None:
        """Stop the runs still going and remove their bundles: for a build that failed,
        and after ``merge``."""
        for run in self._runs:
            if run.process.poll() is None:
                run.process.kill()
            if run.process.stdout is not None and not run.process.stdout.closed:
                run.process.communicate()  # reaps it and closes its pipe
        self._runs.clear()
        self._work.cleanup()

    def _run(self, glob: str) -> _Run:
        bundle = Path(self._work.name) / str(len(self._runs))
        command = self.command(glob, bundle)
        try:
            process = subprocess.Popen(
                command,
                cwd=self._work.name,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        except OSError as error:
            raise PagefindError(f"Pagefind could not start ({command[0]}): {error}") from error
        return _Run(process, bundle)

    def command(self, glob: str, bundle: Path) -> list[str]:
        """Pagefind's own command line; the Python package only supplies the binary.

        The package's service API reads each answer only after a tenth of a second's pause:
        its four requests cost more than indexing a 300-standard handbook (bench/RESULTS.md).
        """
        binary = get_executable()
        if binary is None:
            raise PagefindError("Pagefind is not installed: pip install -r requirements.txt")
        command = [str(binary), "--site", str(self.site_dir), "--glob", glob]
        command += ["--output-path", str(bundle), "--root-selector", self.options.root_selector]
        for selector in self.options.excluded:
            command += ["--exclude-selectors", selector]
        return [*command, "--silent"]

    @staticmethod
    def _finished(run: _Run) -> Path:
        output, _ = run.process.communicate()
        if run.process.returncode != 0:
            said = dict.fromkeys(line for line in output.splitlines() if line.strip())
            raise PagefindError("\n".join(said) or f"exit status {run.process.returncode}")
        return run.bundle


def page_glob(pages: Sequence[str]) -> str | None:
    """A wax pattern matching exactly ``pages`` (paths in the site); None if there is none:
    no pages, too long for one argument, or a path with a backslash, which wax cannot match."""
    if not pages or any("\\" in page for page in pages):
        return None
    glob = "{" + ",".join(_WAX_SPECIAL.sub(r"\\\1", page) for page in pages) + "}"
    return glob if len(glob.encode()) <= LONGEST_GLOB else None


def _entry(bundle: Path) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads((bundle / ENTRY).read_text("utf-8"))
    return data
