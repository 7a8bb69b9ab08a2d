"""Time whole `mkdocs build` processes: wall time and peak memory, interleaved.

Each build is a fresh process under GNU time (``/usr/bin/time -v``), whose
"Maximum resident set size" is the peak memory. The variants are built in
turn (A B C A B C …) so that a busy machine slows all of them alike, and only
ratios between builds of one invocation are reported as results.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Value:
    """A measurement, or a bound on one: ">" at least (a build stopped at the time limit), "<" at most."""

    value: float
    bound: str = ""

    def __str__(self) -> str:
        return f"{self.bound}{self.value}"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float | None  # None when GNU time is missing or the build was stopped
    error: str = ""  # the end of the build's output when it failed
    stopped: bool = False  # still running at the time limit: ``seconds`` is a lower bound


@dataclass
class Result:
    """Every run of one variant."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> list[Run]:
        return [run for run in self.runs if not run.error]

    @property
    def stopped(self) -> bool:
        return any(run.stopped for run in self.runs)

    @property
    def median(self) -> Value | None:
        # A stopped run counts as the limit: the median is then a lower bound.
        if not self.ok:
            return None
        return Value(statistics.median(run.seconds for run in self.ok), ">" if self.stopped else "")

    @property
    def best(self) -> Value | None:
        if not self.ok:
            return None
        return Value(min(run.seconds for run in self.ok), ">" if all(run.stopped for run in self.ok) else "")

    @property
    def peak_mb(self) -> Value | None:
        peaks = [run.peak_mb for run in self.ok if run.peak_mb is not None]
        return Value(max(peaks), ">" if self.stopped else "") if peaks else None


def mkdocs_env() -> dict[str, str]:
    # Material 9.7+ prints a notice about MkDocs 2.0 on every build; it is not ours to measure.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(config: Path, limit: float | None = None) -> Run:
    """One clean `mkdocs build` of ``config``, run from its folder (snippets resolve paths from there).

    A build still running after ``limit`` seconds is stopped, with all its
    processes, and reported as taking at least that long.
    """
    folder = config.parent
    shutil.rmtree(folder / f"site-{config.stem}", ignore_errors=True)  # deleting the old site is not the build
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config.name]
    gnu_time = Path(GNU_TIME).exists()
    if gnu_time:
        command = [GNU_TIME, "-v", *command]
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter running mkdocs
        command,
        cwd=folder,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so that stopping it stops mkdocs under GNU time too
    )
    try:
        stdout, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate()
        return Run(float(limit or 0), None, stopped=True)
    seconds = time.perf_counter() - start
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr) if gnu_time else None
    error = ""
    if process.returncode != 0:
        output = (stdout + stderr).split("\tCommand being timed")[0].strip()
        error = "\n".join(output.splitlines()[-15:]) or f"exit status {process.returncode}"
    return Run(seconds, int(peak.group(1)) / 1024 if peak else None, error)


def interleaved(
    configs: Sequence[tuple[str, Path]], runs: int, limit: float | None = None, progress: bool = True
) -> list[Result]:
    """Build every config ``runs`` times, in turn: A B C A B C …

    A variant stopped at the time limit is not built again: it would only be
    stopped again, at the cost of the limit each time.
    """
    results = [Result(label) for label, _ in configs]
    for round_ in range(1, runs + 1):
        for result, (label, config) in zip(results, configs, strict=True):
            if result.stopped:
                continue
            run = build(config, limit)
            result.runs.append(run)
            if progress:
                status = (
                    "FAILED" if run.error else f"stopped at {limit:.0f} s" if run.stopped else f"{run.seconds:.1f} s"
                )
                print(f"  run {round_}/{runs}  {label:<28} {status}", file=sys.stderr, flush=True)
    return results


def table(results: Sequence[Result], floor: Result) -> str:
    """Variant, runs, median and best seconds, peak RSS, and time and memory ratios to ``floor``."""
    lines = [
        f"{'variant':<30} {'runs':>4} {'median s':>9} {'min s':>9} {'peak RSS MB':>11} {'time ×(a)':>9} {'RSS ×(a)':>8}"
    ]
    for result in results:
        failed = len(result.runs) - len(result.ok)
        runs = f"{len(result.ok)}" + (f" ({failed} failed)" if failed else "")
        lines.append(
            f"{result.label:<30} {runs:>4} {cell(result.median, 9, 2)} {cell(result.best, 9, 2)} "
            f"{cell(result.peak_mb, 11, 0)} {cell(time_ratio(result, floor), 9, 2)} "
            f"{cell(ratio(result.peak_mb, floor.peak_mb), 8, 2)}"
        )
    lines.append("time ×(a): median of the per-round ratios; RSS ×(a): ratio of the peaks over all runs")
    return "\n".join(lines)


def time_ratio(result: Result, base: Result) -> Value | None:
    """The median over rounds of result's time / base's time in the same round.

    Builds of one round ran back to back, so pairing them cancels most of the
    drift in a shared machine's load between rounds.
    """
    pairs = [
        (run, base_run)
        for run, base_run in zip(result.runs, base.runs, strict=False)  # a stopped variant has fewer runs
        if not (run.error or base_run.error)
    ]
    ratios = [ratio(Value(run.seconds, ">" * run.stopped), Value(b.seconds, ">" * b.stopped)) for run, b in pairs]
    known = [r for r in ratios if r is not None]
    if not known or len(known) < len(ratios):
        return None
    bounds = {r.bound for r in known}
    if len(bounds) > 1:
        return None  # a mix of lower and upper bounds
    return Value(statistics.median(r.value for r in known), bounds.pop())


def ratio(value: Value | None, base: Value | None) -> Value | None:
    """value / base, with its bound: a lower bound over an exact figure stays a lower bound, and so on."""
    if value is None or base is None or not base.value:
        return None
    if value.bound and base.bound:
        return None  # two bounds say nothing about their ratio
    flipped = {">": "<", "<": ">"}
    return Value(value.value / base.value, value.bound or flipped.get(base.bound, ""))


def at_most(value: Value | None, limit: float, strictly: bool = False) -> bool | None:
    """Whether ``value`` is within ``limit``; None when unknown (a failed build, a bound on the wrong side)."""
    if value is None:
        return None
    within = value.value < limit if strictly else value.value <= limit
    if value.bound == ">" and within:
        return None
    if value.bound == "<" and not within:
        return None
    return within


def verdict(passed: bool | None, text: str) -> str:
    """One target line: PASS, FAIL, or N/A when a build it needs failed."""
    word = "N/A " if passed is None else "PASS" if passed else "FAIL"
    return f"{word}  {text}"


def cell(value: Value | None, width: int, digits: int) -> str:
    """A right-aligned table cell: "-" for no value, ">" or "<" before a bound."""
    if value is None:
        return f"{'-':>{width}}"
    return f"{value.bound}{value.value:,.{digits}f}".rjust(width)


def times(value: Value | None) -> str:
    """A ratio for a sentence: "1.32×", ">4.10×"."""
    return f"{value.bound}{value.value:.2f}×" if value is not None else "-"
