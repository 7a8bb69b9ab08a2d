"""Measure quote extraction on the development set in tests/data/quotes-dev.

Runs the extractor over every article, writes the predictions to a temporary
JSON file and scores them with the set's own score.py, four ways:

    python scripts/quote_accuracy.py            # print the numbers
    python scripts/quote_accuracy.py --check    # exit 1 below the thresholds
    python scripts/quote_accuracy.py --errors   # also list what it gets wrong

The thresholds are the project's targets; unseen articles are judged by the
same ones, so the extractor's rules must stay general (see DESIGN.md).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "quotes-dev"
sys.path.insert(0, str(ROOT / "plugins"))

from explainers.quotes import quotes_by_article  # noqa: E402 - after the path is set

# (name, score.py flags)
RUNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("all quotes", ()),
    ("persons", ("--persons-only",)),
    ("persons, no partial", ("--persons-only", "--no-partial")),
    ("persons, no partial, strict speaker", ("--persons-only", "--no-partial", "--strict-speaker")),
)
# (run name, measure, minimum)
THRESHOLDS: tuple[tuple[str, str, float], ...] = (
    ("all quotes", "precision", 0.95),
    ("all quotes", "recall", 0.90),
    ("persons, no partial", "precision", 0.97),
    ("persons, no partial", "recall", 0.95),
    ("persons, no partial", "speaker", 0.90),
    ("persons, no partial, strict speaker", "speaker", 0.80),
)


@dataclass(frozen=True)
class Scores:
    """What score.py printed for one run."""

    precision: float
    recall: float
    speaker: float
    report: str


def predictions(dev_set: Path = DEV_SET) -> dict[str, list[dict]]:
    """The extractor's quotes for every article of the set, keyed by file stem."""
    found, _problems = quotes_by_article(sorted((dev_set / "articles").glob("*.txt")))
    return {stem: [{"quote": q["quote"], "speaker": q["speaker"]} for q in quotes] for stem, quotes in found.items()}


def _scorer(dev_set: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_dev_score", dev_set / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(dev_set: Path = DEV_SET) -> dict[str, Scores]:
    """Score the extractor every way in RUNS, in this process."""
    scorer = _scorer(dev_set)
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "predictions.json"
        pred_path.write_text(json.dumps(predictions(dev_set), ensure_ascii=False), encoding="utf-8")
        results = {}
        for name, flags in RUNS:
            out = io.StringIO()
            argv = ["score.py", str(dev_set / "quotes.json"), str(pred_path), *flags]
            with contextlib.redirect_stdout(out), _argv(argv):
                scorer.main()
            results[name] = _parse(out.getvalue())
    return results


@contextlib.contextmanager
def _argv(argv: list[str]):
    saved = sys.argv
    sys.argv = argv
    try:
        yield
    finally:
        sys.argv = saved


def _parse(report: str) -> Scores:
    span = re.search(r"quote span\s+P=([\d.]+) R=([\d.]+)", report)
    speaker = re.search(r"speaker acc .*= ([\d.]+)", report)
    assert span and speaker, report
    return Scores(float(span.group(1)), float(span.group(2)), float(speaker.group(1)), report.strip())


def failures(results: dict[str, Scores]) -> list[str]:
    """The thresholds that are not met, as sentences."""
    return [
        f"{run}: {measure_name} {getattr(results[run], measure_name):.3f} < {minimum}"
        for run, measure_name, minimum in THRESHOLDS
        if getattr(results[run], measure_name) < minimum
    ]


def errors(dev_set: Path = DEV_SET) -> list[str]:
    """Missed quotes, extra quotes and wrong speakers, one line each (no flags, strict speaker)."""
    scorer = _scorer(dev_set)
    gold = json.loads((dev_set / "quotes.json").read_text(encoding="utf-8"))
    predicted = predictions(dev_set)
    lines = []
    for article in gold["articles"]:
        found = list(predicted.get(article["id"], []))
        used: set[int] = set()
        for quote in article["quotes"]:
            match = next(
                (i for i, p in enumerate(found) if i not in used and scorer.tok_f1(p["quote"], quote["quote"]) >= 0.8),
                None,
            )
            if match is None:
                lines.append(f"MISSED  {quote['qid']}: “{quote['quote'][:60]}” ({quote['speaker']})")
                continue
            used.add(match)
            if not scorer.speaker_ok(found[match]["speaker"], quote["speaker"], strict=True):
                lines.append(
                    f"SPEAKER {quote['qid']}: {found[match]['speaker']!r}, expected {quote['speaker']!r}"
                    f" ({quote['speaker_type']}{', partial' if quote['partial'] else ''})"
                )
        lines += [f"EXTRA   {article['id']}: “{p['quote'][:60]}”" for i, p in enumerate(found) if i not in used]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a threshold is not met")
    parser.add_argument("--errors", action="store_true", help="list missed and extra quotes and wrong speakers")
    parser.add_argument("--dev-set", type=Path, default=DEV_SET, help="folder with articles/, quotes.json, score.py")
    args = parser.parse_args(argv)
    results = measure(args.dev_set)
    for name, flags in RUNS:
        print(f"== {name} ({' '.join(flags) or 'no flags'})")
        print(results[name].report)
    if args.errors:
        print("== errors")
        print("\n".join(errors(args.dev_set)) or "none")
    missing = failures(results)
    for line in missing:
        print(f"BELOW THRESHOLD: {line}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
