"""Quote extraction measured on the development set: guards against regressions.

The set (tests/data/quotes-dev) is scored with its own score.py by
scripts/quote_accuracy.py; these tests hold the project's thresholds.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_script():
    spec = importlib.util.spec_from_file_location("quote_accuracy", ROOT / "scripts" / "quote_accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


quote_accuracy = _load_script()


@pytest.fixture(scope="module")
def results():
    return quote_accuracy.measure()


@pytest.mark.parametrize(
    ("run", "measure", "minimum"), quote_accuracy.THRESHOLDS, ids=[f"{r}: {m}" for r, m, _ in quote_accuracy.THRESHOLDS]
)
def test_threshold(results, run, measure, minimum):
    assert getattr(results[run], measure) >= minimum, results[run].report


def test_every_article_is_scored():
    predictions = quote_accuracy.predictions()
    articles = sorted(p.stem for p in (quote_accuracy.DEV_SET / "articles").glob("*.txt"))
    assert sorted(predictions) == articles
    assert sum(len(quotes) for quotes in predictions.values()) >= 40


def test_check_flag_fails_below_thresholds(monkeypatch, capsys):
    monkeypatch.setattr(quote_accuracy, "THRESHOLDS", (("all quotes", "precision", 1.01),))
    assert quote_accuracy.main(["--check"]) == 1
    assert "BELOW THRESHOLD" in capsys.readouterr().out
