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
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float | None  # None when GNU time is missing
    error: str = ""  # the end of the build's output when it failed


@dataclass
class Result:
    """Every run of one variant."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> list[Run]:
        return [run for run in self.runs if not run.error]

    @property
    def median(self) -> float | None:
        return statistics.median(run.seconds for run in self.ok) if self.ok else None

    @property
    def best(self) -> float | None:
        return min(run.seconds for run in self.ok) if self.ok else None

    @property
    def peak_mb(self) -> float | None:
        peaks = [run.peak_mb for run in self.ok if run.peak_mb is not None]
        return max(peaks) if peaks else None


def mkdocs_env() -> dict[str, str]:
    # Material 9.7+ prints a notice about MkDocs 2.0 on every build; it is not ours to measure.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(config: Path) -> Run:
    """One clean `mkdocs build` of ``config``, run from its folder (snippets resolve paths from there)."""
    folder = config.parent
    shutil.rmtree(folder / f"site-{config.stem}", ignore_errors=True)  # deleting the old site is not the build
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config.name]
    gnu_time = Path(GNU_TIME).exists()
    if gnu_time:
        command = [GNU_TIME, "-v", *command]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=mkdocs_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr) if gnu_time else None
    error = ""
    if done.returncode != 0:
        output = (done.stdout + done.stderr).split("\tCommand being timed")[0].strip()
        error = "\n".join(output.splitlines()[-15:]) or f"exit status {done.returncode}"
    return Run(seconds, int(peak.group(1)) / 1024 if peak else None, error)


def interleaved(configs: Sequence[tuple[str, Path]], runs: int, progress: bool = True) -> list[Result]:
    """Build every config ``runs`` times, in turn: A B C A B C …"""
    results = [Result(label) for label, _ in configs]
    for round_ in range(1, runs + 1):
        for result, (label, config) in zip(results, configs, strict=True):
            run = build(config)
            result.runs.append(run)
            if progress:
                status = "FAILED" if run.error else f"{run.seconds:.1f} s"
                print(f"  run {round_}/{runs}  {label:<28} {status}", file=sys.stderr, flush=True)
    return results


def table(results: Sequence[Result], floor: Result) -> str:
    """Variant, runs, median and best seconds, peak RSS, and time and memory ratios to ``floor``."""
    lines = [
        f"{'variant':<28} {'runs':>4} {'median s':>9} {'min s':>8} {'peak RSS MB':>12} {'time ×(a)':>10} "
        f"{'RSS ×(a)':>9}"
    ]
    for result in results:
        failed = len(result.runs) - len(result.ok)
        runs = f"{len(result.ok)}" + (f" ({failed} failed)" if failed else "")
        lines.append(
            f"{result.label:<28} {runs:>4} {_number(result.median, 9, 2)} {_number(result.best, 8, 2)} "
            f"{_number(result.peak_mb, 12, 0)} {_number(ratio(result.median, floor.median), 10, 2)} "
            f"{_number(ratio(result.peak_mb, floor.peak_mb), 9, 2)}"
        )
    return "\n".join(lines)


def ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value is not None and base else None


def verdict(passed: bool | None, text: str) -> str:
    """One target line: PASS, FAIL, or N/A when a build it needs failed."""
    word = "N/A " if passed is None else "PASS" if passed else "FAIL"
    return f"{word}  {text}"


def _number(value: float | None, width: int, digits: int) -> str:
    return f"{value:>{width},.{digits}f}" if value is not None else f"{'-':>{width}}"
