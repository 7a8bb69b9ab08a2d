"""In-process pieces: mention matching speed, and the example site's build time.

Matching: MB/s of the plugin's ``Matcher`` against one plain ``re``
alternation of the same names (longest first), on generated articles, at
glossaries of 1,000 and 10,000 actors. Both must find exactly the same
mentions; the ratio between them is the result.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from explainers.mentions import Matcher
from explainers.model import Actor as GlossaryActor

from .glossary import Actor, generate_actors
from .prose import Cast, generate_article, plain_text
from .timing import build

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_SIZES = (1000, 10000)
TEXT_ARTICLES = 150  # about 1.2 MB of prose
ALTERNATION_ARTICLES = 15  # a plain alternation of 10,000 actors' names runs at well under 1 MB/s


def best_seconds(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def matching() -> list[str]:
    pool = generate_actors(max(GLOSSARY_SIZES))
    cast = Cast.of(pool)
    articles = [plain_text(generate_article(i, cast)) for i in range(TEXT_ARTICLES)]
    text, sample = "\n".join(articles), "\n".join(articles[:ALTERNATION_ARTICLES])
    lines = [
        f"Mention matching, MB/s (best of 3) on {len(text.encode()) / 1e6:.1f} MB of articles; "
        "ratio = Matcher / plain alternation"
    ]
    for size in GLOSSARY_SIZES:
        matcher, matcher_compile = _timed(lambda size=size: Matcher(_model(pool[:size])))
        names = sorted(matcher.owners, key=len, reverse=True)
        pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"
        alternation, alternation_compile = _timed(lambda pattern=pattern: re.compile(pattern))
        found = [alias for _, _, alias in matcher.scan(sample)]
        assert found == [m.group() for m in alternation.finditer(sample)], "Matcher and alternation disagree"
        fast = len(text.encode()) / 1e6 / best_seconds(lambda m=matcher: list(m.scan(text)))
        slow = len(sample.encode()) / 1e6 / best_seconds(lambda p=alternation: list(p.finditer(sample)), 1)
        lines.append(
            f"  G={size:>6,} ({len(names):>6,} names): Matcher {fast:7.1f} MB/s (compiled in {matcher_compile:.2f} s), "
            f"alternation {slow:6.2f} MB/s (compiled in {alternation_compile:.2f} s): {fast / slow:.0f}×"
        )
    return lines


def example_site(runs: int = 3) -> str:
    """The repository's own site, built from its sources into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        text = re.sub(r"^site_url: .*$", "", (ROOT / "mkdocs.yml").read_text("utf-8"), flags=re.MULTILINE)
        config = yaml.safe_load(text)
        config.update(docs_dir=str(ROOT / "docs"), site_dir="site-example")
        config["plugins"] = ["search", {"explainers": {"sources": str(ROOT / "sources")}}]
        path = Path(tmp) / "example.yml"
        path.write_text(yaml.safe_dump(config), encoding="utf-8")
        results = [build(path) for _ in range(runs)]
    failed = next((run.error for run in results if run.error), "")
    if failed:
        return f"Example site build failed:\n{failed}"
    return f"Example site build: {min(run.seconds for run in results):.2f} s (best of {runs})"


def report() -> str:
    return "\n".join([*matching(), example_site()])


def _timed(make: Callable[[], T]) -> tuple[T, float]:
    """What ``make`` returns, and how long it took."""
    start = time.perf_counter()
    value = make()
    return value, time.perf_counter() - start


def _model(actors: list[Actor]) -> list[GlossaryActor]:
    return [GlossaryActor(a.id, a.name, a.kind, a.summary, a.aliases) for a in actors]
