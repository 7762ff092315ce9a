"""``make bench``: the handbook build against a stock MkDocs Material site of the same words.

For each size (300 and 3,000 standards by default) it generates both projects from one
seeded corpus, builds each once to warm the file cache (and to prove it builds with
--strict), then builds them in turn ``--runs`` times, alternating which goes first so drift
on a shared machine hits both alike. It prints the medians, the ratios against the targets
of issue 7, ``handbook check`` time and the search data a visitor downloads, and writes the
same as Markdown to ``bench/out/latest.md`` (``--update-results`` also puts it in
``bench/RESULTS.md``). ``--profile`` adds a pyinstrument profile of one handbook build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.generate import (
    AUDITS,
    DEFAULT_SEED,
    DUE_SOON_DAYS,
    LANGUAGES,
    REVIEW_MONTHS,
    SIZES,
    Pair,
    generate,
)
from bench.measure import (
    Machine,
    Run,
    SearchData,
    Summary,
    build_environment,
    load_average,
    machine,
    mkdocs_build,
    run_child,
    search_data,
    wait_for_quiet,
)
from handbook.model.languages import Languages
from handbook.model.review import ReviewPolicy
from handbook.reading.loader import load_handbook
from tests.sitebuild import TEST_TODAY

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

MAX_RATIO = 1.10
RATIO_TARGETS = ((300, 1.15), (3000, 1.00))
"""Issue 18's build ratios against the stock site, by size."""
MAX_MEMORY_RATIO = 1.3
MAX_SCALING = 10.0
MAX_CHECK_SECONDS = 2.0
MAX_AUDIT_RATIO = 1.10
"""Issue 15: the largest handbook with its audits at most 10 % slower than without."""

Reporter = Callable[[str], None]


def stdout_reporter(line: str) -> None:
    """The one place the benchmark prints; T20 keeps ``print`` out of the code."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


@dataclass(frozen=True)
class SizeResult:
    standards: int
    phases: int
    handbook: Summary
    baseline: Summary
    handbook_search: SearchData
    baseline_search: SearchData
    notes: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return self.handbook.wall / self.baseline.wall

    @property
    def cpu_ratio(self) -> float:
        return self.handbook.cpu / self.baseline.cpu

    @property
    def best_ratio(self) -> float:
        return self.handbook.best_wall / self.baseline.best_wall


@dataclass(frozen=True)
class CheckResult:
    """``handbook check`` on the largest handbook: the loader in-process and the CLI."""

    standards: int
    load_seconds: float
    cli: Summary | None


@dataclass(frozen=True)
class Quiet:
    """Start each timed build once the 1-minute load is under ``limit`` (``--quiet-load``)."""

    limit: float
    patience: float

    def wait(self, report: Reporter) -> None:
        if self.limit <= 0:
            return
        waited = wait_for_quiet(self.limit, self.patience)
        if waited >= 1:
            report(f"  waited {waited:.0f} s for the load to drop under {self.limit:g}")


@dataclass(frozen=True)
class AuditCost:
    """The largest handbook built with and without ``AUDITS`` audits of every standard."""

    standards: int
    results: int
    plain: Summary
    audited: Summary
    check: Summary | None

    @property
    def ratio(self) -> float:
        return self.audited.wall / self.plain.wall


def build_audited(pair: Pair, runs: int, report: Reporter, quiet: Quiet) -> AuditCost:
    """Alternating builds of the handbook without and with its audits, then the check."""
    report(f"  with {AUDITS} audits ({pair.audit_results:,} results): warm-up build")
    mkdocs_build(pair.audited)
    without, with_audits = alternate(
        {"no audits": pair.handbook, "audits": pair.audited}, runs, report, quiet
    )
    check = _time_cli(pair.audited, max(runs, 3))
    return AuditCost(pair.standards, pair.audit_results, without, with_audits, check)


def build_pair(pair: Pair, runs: int, report: Reporter, quiet: Quiet) -> tuple[Summary, Summary]:
    """Warm up, then ``runs`` alternating builds of each project."""
    report(f"  warm-up builds ({pair.standards} standards)")
    mkdocs_build(pair.handbook)
    mkdocs_build(pair.baseline)
    return alternate({"handbook": pair.handbook, "baseline": pair.baseline}, runs, report, quiet)


def alternate(
    projects: dict[str, Path], runs: int, report: Reporter, quiet: Quiet
) -> tuple[Summary, Summary]:
    """``runs`` builds of each of two projects, alternating which goes first, so drift on a
    shared machine hits both alike; the summaries in the order of ``projects``."""
    first, second = projects
    timed: dict[str, list[Run]] = {first: [], second: []}
    for index in range(runs):
        order = (first, second) if index % 2 == 0 else (second, first)
        for name in order:
            quiet.wait(report)
            run = mkdocs_build(projects[name])
            timed[name].append(run)
            report(
                f"  run {index + 1}/{runs} {name:9} {run.wall:7.2f} s wall "
                f"{run.cpu:7.2f} s CPU {run.peak_mib:6.0f} MiB"
            )
    return Summary.of(timed[first]), Summary.of(timed[second])


def time_check(project: Path, runs: int) -> CheckResult:
    """The loader alone (what ``handbook check`` spends on the data) and the whole CLI."""
    policy = ReviewPolicy(date.fromisoformat(TEST_TODAY), DUE_SOON_DAYS, REVIEW_MONTHS)
    folder = project / "standards"
    seconds: list[float] = []
    standards = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = load_handbook(folder, policy, Languages(LANGUAGES))
        seconds.append(time.perf_counter() - start)
        if result.handbook is None:
            raise RuntimeError(f"the generated handbook has errors: {result.errors[:3]}")
        standards = sum(1 for _ in result.handbook.standards())
    return CheckResult(standards, statistics.median(seconds), _time_cli(project, runs))


def _time_cli(project: Path, runs: int) -> Summary | None:
    """The installed console script, or the module when the script is not on this venv."""
    script = Path(sys.executable).with_name("handbook")
    if script.is_file():
        command = [str(script), "check"]
    else:
        try:
            import handbook.tools.cli  # noqa: F401
        except ImportError:
            return None
        entry = (
            "import sys; from handbook.tools.cli import main; raise SystemExit(main(sys.argv[1:]))"
        )
        command = [sys.executable, "-c", entry, "check"]
    return Summary.of([run_child(command, project) for _ in range(runs)])


def profile_build(project: Path, target: Path, report: Reporter) -> None:
    """One in-process handbook build under pyinstrument; the text report goes to ``target``."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        report("  pyinstrument is not installed: pip install -r requirements-bench.txt")
        return
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(build_environment())
    here = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(
            config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site")
        )
        profiler = Profiler(interval=0.005)
        with profiler:
            build(config)
    finally:
        os.chdir(here)
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    target.write_text(text, encoding="utf-8")
    report(f"  profile written to {target}")


def markdown(
    host: Machine,
    sizes: list[SizeResult],
    check: CheckResult | None,
    runs: int,
    load: tuple[str, str],
    quiet: Quiet,
    audits: AuditCost | None = None,
) -> list[str]:
    """The results as the Markdown block of RESULTS.md."""
    lines = [
        f"Measured {date.today().isoformat()} on {host.describe()}; {runs} timed builds of each "
        "project per size, `mkdocs build --strict`, HANDBOOK_TODAY fixed. Load average "
        f"(1/5/15 min) {load[0]} at the start, {load[1]} at the end; each timed build "
        f"waited (up to {quiet.patience:.0f} s) for the 1-minute load to drop under "
        f"{quiet.limit:g}.",
        "",
        "Wall and CPU are medians; CPU is user + system of the build and the processes it "
        "waited for (Pagefind included); best is the fastest run of each.",
        "",
        "| standards (phases) | handbook wall | baseline wall | ratio | best ratio "
        "| handbook CPU | baseline CPU | CPU ratio | handbook peak | baseline peak |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sizes:
        lines.append(
            f"| {s.standards:,} ({s.phases}) | {s.handbook.wall:.2f} s | {s.baseline.wall:.2f} s "
            f"| {s.ratio:.2f} | {s.best_ratio:.2f} | {s.handbook.cpu:.2f} s "
            f"| {s.baseline.cpu:.2f} s | {s.cpu_ratio:.2f} | {s.handbook.peak_mib:.0f} MiB "
            f"| {s.baseline.peak_mib:.0f} MiB |"
        )
    lines.append("")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        lines.append(
            f"Scaling {small.standards:,} → {large.standards:,} standards: handbook "
            f"{large.handbook.wall / small.handbook.wall:.2f}x (CPU "
            f"{large.handbook.cpu / small.handbook.cpu:.2f}x), baseline "
            f"{large.baseline.wall / small.baseline.wall:.2f}x (CPU "
            f"{large.baseline.cpu / small.baseline.cpu:.2f}x)."
        )
        lines.append("")
    if check is not None:
        cli = (
            f"`handbook check` (whole command, median of {check.cli.runs}): "
            f"{check.cli.wall:.2f} s wall, {check.cli.cpu:.2f} s CPU"
            if check.cli is not None
            else "`handbook check` CLI not present"
        )
        lines.append(
            f"Checking {check.standards:,} standards: `load_handbook` {check.load_seconds:.2f} s "
            f"in-process; {cli}."
        )
        lines.append("")
    if audits is not None:
        check_line = (
            f"; `handbook check` with them {audits.check.wall:.2f} s wall"
            if audits.check is not None
            else ""
        )
        lines.append(
            f"With {AUDITS} audits of every standard ({audits.results:,} results), the "
            f"{audits.standards:,}-standard handbook builds in {audits.audited.wall:.2f} s "
            f"against {audits.plain.wall:.2f} s without (median of {audits.audited.runs}, "
            f"alternating): {audits.ratio:.2f}x{check_line}."
        )
        lines.append("")
    lines += ["| search data (en) | engine | first query | gzip | all search files |"]
    lines += ["| --- | --- | ---: | ---: | ---: |"]
    for s in sizes:
        for name, data in (("handbook", s.handbook_search), ("baseline", s.baseline_search)):
            lines.append(
                f"| {name}, {s.standards:,} | {data.engine} | {_kib(data.first_query)} "
                f"| {_kib(data.first_query_gzip)} | {_kib(data.total)} in {data.files} files |"
            )
    lines.append("")
    lines += targets(sizes, check, audits)
    notes = sorted({n for s in sizes for n in s.notes})
    if notes:
        lines += ["", *(f"- note: {n}" for n in notes)]
    return lines


def targets(
    sizes: list[SizeResult], check: CheckResult | None, audits: AuditCost | None = None
) -> list[str]:
    """Each target of issues 7, 15 and 18 with the measured figure and whether it is met."""
    out = ["| target | measured | met |", "| --- | ---: | --- |"]

    def row(name: str, value: str, met: bool) -> None:
        out.append(f"| {name} | {value} | {'yes' if met else '**no**'} |")

    large = sizes[-1]
    row(
        f"handbook / baseline at {large.standards:,} ≤ {MAX_RATIO:.2f}",
        f"{large.ratio:.2f}",
        large.ratio <= MAX_RATIO,
    )
    if len(sizes) >= 2:
        scaling = large.handbook.wall / sizes[0].handbook.wall
        row(
            f"{sizes[0].standards:,} → {large.standards:,} ≤ {MAX_SCALING:.0f}x",
            f"{scaling:.2f}x",
            scaling <= MAX_SCALING,
        )
    for size in sizes:
        for standards, limit in RATIO_TARGETS:
            if size.standards == standards:
                row(
                    f"handbook / baseline at {standards:,} ≤ {limit:.2f} (issue 18)",
                    f"{size.ratio:.2f}",
                    size.ratio <= limit,
                )
    memory = large.handbook.peak_mib / large.baseline.peak_mib
    row(
        f"peak memory at {large.standards:,} ≤ {MAX_MEMORY_RATIO:.1f}x the baseline's",
        f"{memory:.2f}x",
        memory <= MAX_MEMORY_RATIO,
    )
    if check is not None:
        seconds = check.cli.wall if check.cli is not None else check.load_seconds
        row(
            f"`handbook check` of {check.standards:,} < {MAX_CHECK_SECONDS:.0f} s",
            f"{seconds:.2f} s",
            seconds < MAX_CHECK_SECONDS,
        )
    if audits is not None:
        row(
            f"with {AUDITS} audits at {audits.standards:,} ≤ {MAX_AUDIT_RATIO:.2f}x without "
            "(issue 15)",
            f"{audits.ratio:.2f}x",
            audits.ratio <= MAX_AUDIT_RATIO,
        )
        if audits.check is not None:
            row(
                f"`handbook check` with {AUDITS} audits < {MAX_CHECK_SECONDS:.0f} s (issue 15)",
                f"{audits.check.wall:.2f} s",
                audits.check.wall < MAX_CHECK_SECONDS,
            )
    return out


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


def update_results(block: list[str], path: Path = RESULTS) -> None:
    """Replace the measured block of RESULTS.md, keeping the prose around it."""
    text = path.read_text(encoding="utf-8") if path.is_file() else f"{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}\n" + "\n".join(block) + f"\n{END}{tail}", encoding="utf-8")


def main(argv: Sequence[str] | None = None, report: Reporter = stdout_reporter) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000], choices=sorted(SIZES))
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--update-results", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--quiet-load",
        type=float,
        default=None,
        help="start each timed build when the 1-minute load is below this (default: the "
        "number of CPUs less 0.2; 0 never waits)",
    )
    parser.add_argument("--patience", type=float, default=120, help="longest wait, seconds")
    args = parser.parse_args(argv)
    host = machine()
    limit = args.quiet_load if args.quiet_load is not None else host.cpus - 0.2
    quiet = Quiet(limit, args.patience)
    start_load = load_average()
    report(f"machine: {host.describe()}; load {start_load}")
    results: list[SizeResult] = []
    largest: Pair | None = None
    for standards in sorted(args.sizes):
        size = SIZES[standards]
        report(f"{standards:,} standards ({size.phases} phases x {size.per_phase})")
        pair = generate(args.out / f"s{standards}", size, args.seed)
        largest = pair
        handbook, baseline = build_pair(pair, args.runs, report, quiet)
        results.append(
            SizeResult(
                standards=standards,
                phases=size.phases,
                handbook=handbook,
                baseline=baseline,
                handbook_search=search_data(pair.handbook / "site"),
                baseline_search=search_data(pair.baseline / "site"),
                notes=pair.notes,
            )
        )
    assert largest is not None
    report("handbook check")
    quiet.wait(report)
    check = time_check(largest.handbook, max(args.runs, 3))
    report("audits")
    audits = build_audited(largest, args.runs, report, quiet)
    load = (start_load, load_average())
    block = markdown(host, results, check, args.runs, load, quiet, audits)
    report("")
    for line in block:
        report(line)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.md").write_text("\n".join(block) + "\n", encoding="utf-8")
    if args.update_results:
        update_results(block)
        report(f"\nwritten to {RESULTS}")
    if args.profile:
        report("profile")
        profile_build(largest.handbook, args.out / f"profile-{largest.standards}.txt", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
