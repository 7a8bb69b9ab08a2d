"""The comparison of issue #7 and the scaling run: builds timed in one invocation.

Comparison: (a) plain Material, (b) Material's documented abbr glossary,
(c) Explainers at G and at 10×G glossary entries, all over the same
articles, interleaved, then a PASS/FAIL line per target.

Scaling: (c) at several article counts over the same glossary, reported as
seconds per article and its ratio to the smallest count.
"""

from __future__ import annotations

from pathlib import Path

from . import sites
from .timing import Result, Value, at_most, cell, interleaved, ratio, table, time_ratio, times, verdict

# The targets of issue #7, for N = 1,000 and G = 1,000 on two cores.
MAX_TIME_RATIO = 1.5  # Explainers against plain Material
MAX_BIG_GLOSSARY_COST = 0.10  # added by G → 10×G
MAX_MEMORY_RATIO = 2.0  # Explainers' peak RSS against plain Material


def comparison(
    folder: Path, articles: int, glossary: int, big_glossary: int, runs: int, limit: float | None = None
) -> str:
    """Generate the corpus, build every variant ``runs`` times interleaved, and report."""
    variants = sites.comparison_sites(folder, articles, glossary, big_glossary)
    results = interleaved([(v.label, v.config) for v in variants], runs, limit)
    plain, abbr, explainers, big, no_nav, _all_named = results
    lines = [table(results, plain)]
    lines.append(
        "* for information, not a target: (a') the plain site with its articles out of the navigation; "
        f"(c') other articles, naming all {big_glossary:,} actors, so that each gets a page."
    )
    lines.append(f"  Explainers G={glossary:,} against (a'): {times(time_ratio(explainers, no_nav))}")
    lines.append(
        "  Explainers keeps parsed glossary entries in .cache/explainers/, as on an editor's machine: "
        "its first round is a cold cache (times per round on stderr)."
    )
    if any(result.stopped for result in results):
        lines.append(f"(> : stopped at the {limit:.0f} s limit of --limit, so at least this; not built again)")
    lines += ["", f"Targets (set for N=1,000, G=1,000 on 2 cores; measured at N={articles:,}, G={glossary:,}):"]
    lines += targets(plain, abbr, explainers, big, glossary, big_glossary)
    lines += failures(results)
    return "\n".join(lines)


def targets(
    plain: Result, abbr: Result, explainers: Result, big: Result, glossary: int, big_glossary: int
) -> list[str]:
    plain_ratio = time_ratio(explainers, plain)
    abbr_ratio = time_ratio(explainers, abbr)
    big_ratio = time_ratio(big, explainers)
    big_cost = Value(big_ratio.value - 1, big_ratio.bound) if big_ratio else None
    memory_ratio = ratio(explainers.peak_mb, plain.peak_mb)
    return [
        verdict(
            at_most(plain_ratio, MAX_TIME_RATIO), f"Explainers ≤ {MAX_TIME_RATIO}× plain build: {times(plain_ratio)}"
        ),
        verdict(
            at_most(abbr_ratio, 1.0, strictly=True),
            f"Explainers faster than abbr+snippets glossary: {times(abbr_ratio)} of (b)",
        ),
        verdict(
            at_most(big_cost, MAX_BIG_GLOSSARY_COST),
            f"G {glossary:,} → {big_glossary:,} adds ≤ {MAX_BIG_GLOSSARY_COST:.0%}: "
            + (f"{big_cost.bound}{big_cost.value:+.0%}" if big_cost else "-"),
        ),
        verdict(
            at_most(memory_ratio, MAX_MEMORY_RATIO),
            f"Explainers peak memory ≤ {MAX_MEMORY_RATIO:g}× plain build: {times(memory_ratio)}",
        ),
    ]


def scaling(folder: Path, counts: list[int], glossary: int, runs: int, limit: float | None = None) -> str:
    """(c) at each article count: the smaller corpora are the first articles of the largest."""
    actors, texts = sites.newsroom(max(counts), (glossary,))
    configs = [(f"(c) N={n:,}", sites.explainers_site(folder, texts[:n], actors, f"n{n}")) for n in counts]
    results = interleaved(configs, runs, limit)
    first_label = f"×(N={counts[0]:,})"
    lines = [
        f"{'articles':>8} {'runs':>4} {'median s':>9} {'s/article':>10} {first_label:>10} "
        f"{'marginal s/article':>19} {'peak RSS MB':>12}"
    ]
    per_article: list[Value | None] = []
    previous: tuple[int, Value] | None = None
    for n, result in zip(counts, results, strict=True):
        median = result.median
        cost = Value(median.value / n, median.bound) if median else None
        per_article.append(cost)
        # The marginal cost leaves out what every build pays once (startup, actor pages, indexes).
        marginal = None
        if median and previous and not (median.bound or previous[1].bound):
            marginal = Value((median.value - previous[1].value) / (n - previous[0]))
        previous = (n, median) if median else None
        lines.append(
            f"{n:>8,} {len(result.ok):>4} {cell(median, 9, 2)} {cell(cost, 10, 4)} "
            f"{cell(ratio(cost, per_article[0]), 10, 2)} {cell(marginal, 19, 4)} {cell(result.peak_mb, 12, 0)}"
        )
    growth = ratio(per_article[-1], per_article[0])
    lines += [
        "",
        verdict(
            at_most(growth, 1.0),
            f"seconds per article do not grow with N: N={counts[-1]:,} costs {times(growth)} "
            f"per article of N={counts[0]:,}",
        ),
    ]
    lines += failures(results)
    return "\n".join(lines)


def failures(results: list[Result]) -> list[str]:
    """The end of each failed build's output: a benchmark that hides a crash measures nothing."""
    lines = []
    for result in results:
        for run in result.runs:
            if run.error:
                lines += ["", f"{result.label} failed:", run.error]
                break
    return lines
