"""Measure the limits of issue #8: each case built at two sizes, to show that build time grows linearly.

    python bench/limits.py            # every case, full `mkdocs build` of each site
    python bench/limits.py --quick    # the same cases at a tenth of the size

Cases: one long article (1 MB against 5 MB); a large glossary (1,000
against 10,000 entries); many articles that name no actor (100 against
1,000); an alias that is a common word ("the", on a 1 MB article, against
the same article without it). A ratio near the size ratio is linear growth.
The report goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "articles" / "us-venezuela-relations.txt"
MB = 1_000_000


def _config(folder: Path, sources: Path) -> Path:
    config = {
        "site_name": "Limits",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": str(folder / "docs"),
        "site_dir": str(folder / "site"),
        "theme": {"name": "material", "font": False, "features": ["content.tooltips"]},
        "markdown_extensions": ["attr_list", "toc"],
        "plugins": [{"explainers": {"sources": str(sources)}}],
    }
    (folder / "docs").mkdir(exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(folder: Path, sources: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `mkdocs build` of the sources, as an editor runs it.

    CPU time is the figure to compare on a shared machine: waiting for a core does not count.
    """
    config = _config(folder, sources)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cpu = _cpu()
    start = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own interpreter running mkdocs
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {sources} failed:\n{result.stderr[-3000:]}")
    return seconds, _cpu() - cpu


def _sources(folder: Path, glossary: Path | None = None) -> Path:
    sources = folder / "sources"
    for part in ("articles", "timeline"):
        (sources / part).mkdir(parents=True, exist_ok=True)
    shutil.copytree(glossary or ROOT / "sources" / "glossary", sources / "glossary")
    return sources


def _long_article(size: int) -> str:
    """The seed article's paragraphs repeated until the text is ``size`` characters long."""
    title, *body = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    paragraphs = [line for line in body if len(line) > 100]
    out, length, n = [title], len(title), 0
    while length < size:
        paragraph = paragraphs[n % len(paragraphs)]
        out.append(paragraph)
        length += len(paragraph) + 1
        n += 1
    return "\n".join(out) + "\n"


def long_article(folder: Path, size: int, common_alias: bool = False) -> Path:
    sources = _sources(folder)
    (sources / "articles" / "long.txt").write_text(_long_article(size), encoding="utf-8")
    if common_alias:
        entry = sources / "glossary" / "united-states.yml"
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        data["aliases"] = [*data.get("aliases", []), "the"]
        entry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return sources


def big_glossary(folder: Path, entries: int) -> Path:
    glossary = folder / "glossary"
    glossary.mkdir()
    shutil.copytree(ROOT / "sources" / "glossary", glossary, dirs_exist_ok=True)
    for n in range(entries - len(list(glossary.iterdir()))):
        name = f"Person{n:05d} Surname{n:05d}"
        (glossary / f"person-{n:05d}.yml").write_text(
            f"name: {name}\nkind: person\naliases: [Surname{n:05d}]\nsummary: Member {n} of a large glossary.\n",
            encoding="utf-8",
        )
    sources = _sources(folder, glossary)
    shutil.copy(SEED, sources / "articles" / SEED.name)
    return sources


def many_articles(folder: Path, count: int) -> Path:
    sources = _sources(folder)
    text = "A story about nothing in particular {n}\nThe weather was fine on day {n}, and nobody said anything.\n"
    for n in range(count):
        (sources / "articles" / f"story-{n:04d}.txt").write_text(text.format(n=n), encoding="utf-8")
    return sources


Case = tuple[str, str, Callable[[Path], Path], Callable[[Path], Path], float]


def cases(scale: float) -> list[Case]:
    small, large = int(MB * scale), int(5 * MB * scale)
    return [
        ("one long article", f"{small:,} vs {large:,} characters", lambda f: long_article(f, small),
         lambda f: long_article(f, large), large / small),
        ("a large glossary", f"{int(1000 * scale):,} vs {int(10000 * scale):,} entries",
         lambda f: big_glossary(f, int(1000 * scale)), lambda f: big_glossary(f, int(10000 * scale)), 10.0),
        ("articles naming no actor", f"{int(100 * scale):,} vs {int(1000 * scale):,} articles",
         lambda f: many_articles(f, int(100 * scale)), lambda f: many_articles(f, int(1000 * scale)), 10.0),
        ("a common word as alias", f"{small:,} characters without vs with alias `the`",
         lambda f: long_article(f, small), lambda f: long_article(f, small, common_alias=True), 1.0),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of every size")
    args = parser.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    rows = []
    for name, sizes, make_small, make_large, size_ratio in cases(scale):
        with tempfile.TemporaryDirectory(prefix="explainers-limits-") as tmp:
            times = []
            for label, make in (("small", make_small), ("large", make_large)):
                folder = Path(tmp) / label
                folder.mkdir()
                print(f"{name}: building the {label} site …", file=sys.stderr)
                times.append(_build(folder, make(folder)))
        (small_wall, small_cpu), (large_wall, large_cpu) = times
        rows.append((name, sizes, small_wall, large_wall, small_cpu, large_cpu, size_ratio))
    print(f"{'case':<26} {'sizes':<48} {'wall':>15} {'CPU':>15} {'CPU ×':>6} {'size ×':>6}")
    for name, sizes, small_wall, large_wall, small_cpu, large_cpu, size_ratio in rows:
        print(
            f"{name:<26} {sizes:<48} {small_wall:>6.1f}s {large_wall:>6.1f}s {small_cpu:>6.1f}s {large_cpu:>6.1f}s "
            f"{large_cpu / small_cpu:>6.2f} {size_ratio:>6.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
