"""``make bench-serve``: the preview as an editor lives it, on a generated handbook.

It starts a real ``mkdocs serve`` of a generated handbook (3,000 standards in ten phases by
default: five phases of 600 would pass the checker's limit of 1 MB per file) on a free port
and waits for the first build. Then, ``--runs`` times, it changes one word of a standard's
text in the previewed language in a phase file and waits, as a browser's live reload does,
until that phase's page has the new word: edit-to-visible. Then it breaks the file (a level
that does not exist) until the page shows the checker's message, and restores the file
until the page is back. With
``--language pl`` the server previews that language only (``HANDBOOK_LANGUAGE``).
Medians of one run; the machine is shared, so compare figures from the same run.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from bench.generate import DEFAULT_SEED, Size, build_corpus, write_handbook_project
from bench.measure import build_environment
from tests.serving import fetch, free_port, mkdocs_serve

ERRORS_SHOWN = "hb-preview-errors"
"""The class of the block that shows the errors, in every language."""
POLL_SECONDS = 0.05
_LIVE_RELOAD = re.compile(r"livereload\((\d+), (\d+)\)")
"""The call that starts live reload in every served page: the build's epoch, a request id."""
FIRST_BUILD_LIMIT = 600.0
CHANGE_LIMIT = 300.0


@dataclass(frozen=True)
class Served:
    """A running ``mkdocs serve`` and the address of the phase page being edited."""

    process: subprocess.Popen[bytes]
    page: str
    log: Path


def seconds_until(served: Served, shown: Callable[[str], bool], limit: float) -> float:
    """Seconds from now until the page passes ``shown``; fails past ``limit``.

    It waits as a browser's live reload does: the page's script asks the server for the
    next build (``/livereload/<epoch>/<id>``, answered once a build is done), and the page
    is fetched again after each. Before the first page there is no script, so it polls.
    """
    start = time.perf_counter()
    html = fetch(served.page, timeout=30) or ""
    while time.perf_counter() - start < limit:
        if served.process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{served.log.read_text()[-3000:]}")
        if shown(html):
            return time.perf_counter() - start
        script = _LIVE_RELOAD.search(html)
        if script is None:
            time.sleep(POLL_SECONDS)
        else:
            fetch(urljoin(served.page, f"/livereload/{script[1]}/{script[2]}"), timeout=limit)
        html = fetch(served.page, timeout=30) or ""
    raise RuntimeError(
        f"the page did not change in {limit:.0f} s:\n{served.log.read_text()[-3000:]}"
    )


@contextmanager
def serving(project: Path, page_path: str, language: str | None) -> Iterator[Served]:
    port = free_port()
    env = {**build_environment(), "HANDBOOK_SITE_URL": f"http://127.0.0.1:{port}/"}
    if language:
        env["HANDBOOK_LANGUAGE"] = language
    log = project / "serve.log"
    with mkdocs_serve(project, port, env, log) as process:
        yield Served(process, f"http://127.0.0.1:{port}/{page_path}", log)


def first_text_word(text: str, language: str) -> tuple[int, str]:
    """Where the first standard's text in ``language`` starts in a phase file, and its first
    word: the word the preview of that language shows."""
    after = text.index("\n  text:\n")
    found = re.compile(rf"^    {language}: (\w+)", flags=re.MULTILINE).search(text, after)
    if found is None:
        raise RuntimeError(f"no standard's {language} text found in the phase file")
    return found.start(1), found.group(1)


def measure(project: Path, runs: int, language: str | None, report: Callable[[str], None]) -> None:
    phase_file = sorted(p for p in (project / "standards").glob("*.yaml") if _is_phase(p))[1]
    original = phase_file.read_text(encoding="utf-8")
    start = time.perf_counter()
    with serving(project, f"phases/{phase_file.stem}/", language) as served:
        seconds_until(served, lambda html: "<h1" in html, FIRST_BUILD_LIMIT)
        report(f"first build and page: {time.perf_counter() - start:.2f} s")
        edits = []
        for run in range(runs):
            at, word = first_text_word(original, language or "en")
            new_word = f"Edited{run}{word}"
            phase_file.write_text(original[:at] + new_word + original[at + len(word) :], "utf-8")
            edits.append(seconds_until(served, _showing(new_word), CHANGE_LIMIT))
            report(f"edit {run + 1}: {edits[-1]:.2f} s")
        broken = re.sub(r"^( *level: )\w+", r"\1basik", original, count=1, flags=re.MULTILINE)
        phase_file.write_text(broken, encoding="utf-8")
        shown = seconds_until(served, lambda html: ERRORS_SHOWN in html, CHANGE_LIMIT)
        phase_file.write_text(original, encoding="utf-8")
        back = seconds_until(
            served, lambda html: ERRORS_SHOWN not in html and "<h1" in html, CHANGE_LIMIT
        )
    report(
        f"edit-to-visible median {statistics.median(edits):.2f} s of {runs} "
        f"(min {min(edits):.2f}, max {max(edits):.2f}); broken file shown in {shown:.2f} s, "
        f"page back in {back:.2f} s"
    )


def _showing(word: str) -> Callable[[str], bool]:
    return lambda html: word in html


def _is_phase(path: Path) -> bool:
    return path.stem not in {"vocabulary", "labels", "glossary"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--standards", type=int, default=3000)
    parser.add_argument("--phases", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", help="preview only this language, e.g. pl")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)

    def report(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    size = Size(args.phases, args.standards // args.phases)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as out:
        project = write_handbook_project(build_corpus(size, args.seed), Path(out) / "handbook")
        shown = args.language or "every language"
        report(f"{size.standards} standards in {size.phases} phases, previewing {shown}")
        measure(project, args.runs, args.language, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
