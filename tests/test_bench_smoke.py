"""The benchmark of issue #7 at toy size, so that it cannot rot unnoticed.

This checks that the command builds every variant and prints the table and
the target lines; whether the targets pass is for the full-size run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = [
    "(a) plain Material",
    "(b) abbr+snippets G=20",
    "(c) Explainers G=20",
    "(c) Explainers G=200",
    "(a') plain, no nav*",
    "(c') G=200, all named*",
]
TARGETS = ["≤ 1.5× plain build", "faster than abbr+snippets", "G 20 → 200 adds ≤ 10%", "peak memory ≤ 2× plain"]


def test_the_benchmark_builds_every_variant_and_prints_ratios_and_targets(tmp_path):
    corpus = tmp_path / "corpus"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--articles", "20", "--glossary", "20", "--runs", "1", "--keep", str(corpus)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = done.stdout
    assert "failed" not in report, report
    for variant in VARIANTS:
        row = next((line for line in report.splitlines() if line.startswith(variant)), None)
        assert row is not None, f"no row for {variant}:\n{report}"
        runs, *numbers = row[len(variant) :].replace(",", "").split()
        median, best, peak, time_ratio, memory_ratio = map(float, numbers)
        assert runs == "1"
        assert 0 < best <= median and peak > 0 and time_ratio > 0 and memory_ratio > 0, row
    assert re.search(r"^\(a\) plain Material .* 1\.00 +1\.00$", report, re.MULTILINE), report
    for target in TARGETS:
        assert re.search(rf"^(PASS|FAIL)  .*{re.escape(target)}", report, re.MULTILINE), f"no {target!r}:\n{report}"

    # The corpus is what the issue asks for: long articles with quotes, a glossary with aliases, events.
    articles = sorted((corpus / "sources-g20" / "articles").glob("*.txt"))
    assert len(articles) == 20
    words = [len(path.read_text(encoding="utf-8").split()) for path in articles]
    assert all(1100 <= n <= 1400 for n in words), words
    glossary = [yaml.safe_load(p.read_text("utf-8")) for p in (corpus / "sources-g200" / "glossary").glob("*.yml")]
    assert len(glossary) == 200 and sum(bool(entry.get("aliases")) for entry in glossary) > 100
    events = [e for p in (corpus / "sources-g20" / "timeline").glob("*.yml") for e in yaml.safe_load(p.read_text())]
    assert events and all(e["actors"] for e in events)

    # The larger glossary adds archive entries the same articles do not name (bar a chance
    # likeness with a place or company of a story): almost none gets a page of its own.
    for path in articles:
        assert path.read_bytes() == (corpus / "sources-g200" / "articles" / path.name).read_bytes()

    def actor_pages(site: str) -> set[str]:
        return {p.name for p in (corpus / site / "actors").iterdir() if p.is_dir()}

    archive_pages = actor_pages("site-g200") - actor_pages("site-g20")
    assert len(archive_pages) <= 18, sorted(archive_pages)  # of 180 archive entries
    assert len(actor_pages("site-g200-named")) > len(actor_pages("site-g20")) + 18

    # …and Explainers finds in it what it exists for: linked actors, attributed quotes.
    explainer = (corpus / "site-g20" / "explainers" / "story-00000" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../actors/' in explainer
    quotes = json.loads((corpus / "site-g20" / "data" / "quotes.json").read_text(encoding="utf-8"))
    assert len(quotes) >= 20 and any(quote["actor"] for quote in quotes)
