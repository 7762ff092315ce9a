"""What the benchmark measures: one build, one check, the search data, the machine.

Kept apart from the runner so each measurement is a small function a test can call on a
tiny site, and so the runner only decides what to run how often.
"""

from __future__ import annotations

import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.sitebuild import TEST_TODAY

BUILD_TIMEOUT = 900


@dataclass(frozen=True)
class Run:
    """One child process: wall-clock seconds, CPU seconds (user + system), peak RSS in MiB.

    CPU time is reported next to wall time because other work on a shared two-core machine
    stretches wall time of whichever build it overlaps; CPU time barely moves.
    """

    wall: float
    cpu: float
    peak_mib: float


@dataclass(frozen=True)
class Summary:
    """The medians of several runs of one command, and the highest peak memory seen."""

    wall: float
    cpu: float
    peak_mib: float
    runs: int
    best_wall: float

    @staticmethod
    def of(runs: Sequence[Run]) -> Summary:
        return Summary(
            wall=statistics.median(r.wall for r in runs),
            cpu=statistics.median(r.cpu for r in runs),
            peak_mib=max(r.peak_mib for r in runs),
            runs=len(runs),
            best_wall=min(r.wall for r in runs),
        )


def build_environment() -> dict[str, str]:
    """A fixed build date, so review badges (and the work they cost) are the same every run."""
    return {**os.environ, "HANDBOOK_TODAY": TEST_TODAY, "NO_MKDOCS_2_WARNING": "1"}


def run_child(command: Sequence[str], cwd: Path) -> Run:
    """Run ``command`` to the end and measure it with ``wait4``, which reports the child's
    own CPU time and peak RSS (``getrusage(RUSAGE_CHILDREN)`` would mix in every earlier
    child); fail with the command's output when it fails."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, env=build_environment(), stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{text[-4000:]}")
    # ru_maxrss is in KiB on Linux.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def mkdocs_build(project: Path) -> Run:
    """``mkdocs build --strict`` of ``project`` into ``project/site``, as ``make site`` does."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    return run_child([*command, "--site-dir", "site"], project)


@dataclass(frozen=True)
class SearchData:
    """What search costs a visitor: bytes fetched for a first query, and all search files.

    ``first_query`` is raw bytes on disk; ``first_query_gzip`` what a server sending gzip
    transfers (Pagefind's chunks are already compressed, so the two are close there).
    """

    engine: str
    first_query: int
    first_query_gzip: int
    total: int
    files: int
    detail: str


def search_data(site: Path, language: str = "en") -> SearchData:
    """Measure the search data of a built site, lunr (Material) or Pagefind, whichever it has.

    Material's search fetches ``search/search_index.json`` whole before the first query.
    Pagefind fetches its entry file, its script, the WebAssembly of the page's language, the
    language's metadata and then only the index chunks the query needs: the exact set depends
    on the query, so the largest chunk stands in for "one chunk", an upper bound.
    """
    pagefind = site / "pagefind"
    if (pagefind / "pagefind-entry.json").is_file():
        return _pagefind_data(pagefind, language)
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        data = lunr.read_bytes()
        return SearchData(
            engine="lunr",
            first_query=len(data),
            first_query_gzip=len(gzip.compress(data, 6)),
            total=len(data),
            files=1,
            detail="search/search_index.json, fetched whole",
        )
    return SearchData("none", 0, 0, 0, 0, "no search data found")


def _pagefind_data(folder: Path, language: str) -> SearchData:
    files = [p for p in folder.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    fetched = [folder / "pagefind-entry.json", folder / "pagefind.js"]
    wasm = sorted(folder.glob(f"wasm.{language}*.pagefind")) or sorted(
        folder.glob("wasm.*.pagefind")
    )
    meta = sorted(folder.glob(f"pagefind.{language}*.pf_meta")) or sorted(
        folder.glob("pagefind.*.pf_meta")
    )
    chunks = sorted(folder.glob("index/*.pf_index"), key=lambda p: p.stat().st_size)
    fetched += wasm[:1] + meta[:1] + chunks[-1:]
    present = [p for p in fetched if p.is_file()]
    raw = sum(p.stat().st_size for p in present)
    zipped = sum(_gzip_size(p) for p in present)
    names = ", ".join(p.relative_to(folder).as_posix() for p in present)
    return SearchData("pagefind", raw, zipped, total, len(files), f"pagefind/: {names}")


def _gzip_size(path: Path) -> int:
    """Transfer size: Pagefind's .pf_* and .pagefind files are gzip already, sent as is."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return len(gzip.compress(data, 6))


@dataclass(frozen=True)
class Machine:
    cpus: int
    cpu_model: str
    memory_gib: float
    python: str
    system: str

    def describe(self) -> str:
        return (
            f"{self.cpus} CPU ({self.cpu_model}), {self.memory_gib:.1f} GiB RAM, "
            f"Python {self.python}, {self.system}"
        )


def wait_for_quiet(limit: float, seconds: float) -> float:
    """Wait (at most ``seconds``) until the 1-minute load is under ``limit``; the time waited.

    On a machine other work shares, a build that overlaps a burst of it takes twice as long
    and the median of a few runs cannot hide that; starting each build when the machine is
    quiet keeps the comparison about the two sites. A machine of its own never waits.
    """
    start = time.monotonic()
    while os.getloadavg()[0] >= limit and time.monotonic() - start < seconds:
        time.sleep(2)
    return time.monotonic() - start


def load_average() -> str:
    """The 1/5/15-minute load, so a reader can tell a quiet run from a shared one."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def machine() -> Machine:
    """The facts that decide how comparable two results files are."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    return Machine(
        cpus=len(os.sched_getaffinity(0)),
        cpu_model=model,
        memory_gib=memory,
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}",
    )
