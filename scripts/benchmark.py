"""Measure Explainers' speed as ratios against baselines run in the same invocation.

1. Mention matching: MB/s of our trie pattern against a plain alternation of
   the same aliases (longest first), at two glossary sizes.
2. Site build: a synthetic newsroom (N articles in the seed's style, G
   glossary entries) built with the plugin, against a plain Material build of
   the same articles as Markdown pages with no glossary.
3. The example site's build time.

    python scripts/benchmark.py [--articles 300] [--glossary 1000]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from explainers.mentions import Matcher  # noqa: E402
from explainers.model import Actor  # noqa: E402

SEED = ROOT / "sources" / "articles" / "us-venezuela-relations.txt"
SYLLABLES = [consonant + vowel for consonant in "bdklmnrstvz" for vowel in "aeiou"]


def fake_name(rng: random.Random) -> tuple[str, str]:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return word(), word()


def fake_actors(count: int, rng: random.Random) -> list[Actor]:
    actors, seen = [], set()
    while len(actors) < count:
        first, last = fake_name(rng)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        actors.append(Actor(f"a{len(actors)}", f"{first} {last}", "person", f"Person {len(actors)}.", (last,)))
    return actors


def fake_text(actors: list[Actor], paragraphs: list[str], rng: random.Random) -> list[str]:
    """Seed paragraphs with some words swapped for actor names, so that matches are realistic."""
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(actors).name
        out.append(" ".join(words))
    return out


def seconds(function, *args, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


def matching(sizes: tuple[int, ...]) -> None:
    rng = random.Random(7)
    paragraphs = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 120]
    print("Mention matching (MB/s, best of 3; ratio = trie / plain alternation)")
    for aliases in sizes:
        actors = fake_actors(aliases // 2, rng)
        text = "\n".join(fake_text(actors, paragraphs, rng) * 20)
        megabytes = len(text.encode()) / 1e6
        start = time.perf_counter()
        matcher = Matcher(actors)
        compile_trie = time.perf_counter() - start
        names = sorted(matcher.owners, key=len, reverse=True)
        start = time.perf_counter()
        plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        compile_plain = time.perf_counter() - start
        trie_hits = [m[2] for m in matcher.scan(text)]
        plain_hits = [m.group() for m in plain.finditer(text)]
        assert trie_hits == plain_hits, "the trie pattern must find exactly what the alternation finds"
        trie = megabytes / seconds(lambda m=matcher, t=text: list(m.scan(t)))
        alternation = megabytes / seconds(lambda p=plain, t=text: list(p.finditer(t)), repeat=1)
        print(
            f"  {len(names):>6} aliases: trie {trie:7.1f} MB/s (compiled in {compile_trie:.2f} s), "
            f"alternation {alternation:6.2f} MB/s (compiled in {compile_plain:.2f} s): {trie / alternation:.0f}x"
        )


def write_newsroom(folder: Path, articles: int, glossary: int) -> None:
    rng = random.Random(11)
    actors = fake_actors(glossary, rng)
    paragraphs = [line for line in SEED.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    sources, docs, plain_docs = folder / "sources", folder / "docs", folder / "plain-docs"
    for sub in ("articles", "glossary", "timeline"):
        (sources / sub).mkdir(parents=True)
    docs.mkdir()
    plain_docs.mkdir()
    (docs / "index.md").write_text("# Newsroom\n")
    (plain_docs / "index.md").write_text("# Newsroom\n")
    for actor in actors:
        entry = {"name": actor.name, "kind": "person", "aliases": list(actor.aliases), "summary": actor.summary}
        (sources / "glossary" / f"{actor.id}.yml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    for i in range(articles):
        body = fake_text(actors, paragraphs, rng)
        (sources / "articles" / f"article-{i}.txt").write_text(f"Article {i}\n" + "\n".join(body), encoding="utf-8")
        (plain_docs / f"article-{i}.md").write_text(f"# Article {i}\n\n" + "\n\n".join(body), encoding="utf-8")
    theme = {"name": "material", "font": False, "features": ["content.tooltips", "navigation.instant"]}
    for name, docs_dir, plugins in (("plugin", docs, ["search", "explainers"]), ("plain", plain_docs, ["search"])):
        config = {
            "site_name": "Bench",
            "docs_dir": str(docs_dir),
            "site_dir": str(folder / f"site-{name}"),
            "theme": theme,
            "plugins": plugins,
            "markdown_extensions": ["attr_list", "toc"],
        }
        (folder / f"{name}.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


def build_seconds(config: Path) -> float:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, cwd=config.parent, env=env
    )
    return time.perf_counter() - start


def builds(articles: int, glossary: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_newsroom(folder, articles, glossary)
        plain = min(build_seconds(folder / "plain.yml") for _ in range(2))
        plugin = min(build_seconds(folder / "plugin.yml") for _ in range(2))
        print(f"Site build, N={articles} articles, G={glossary} glossary entries (best of 2)")
        print(f"  plain Material: {plain:.1f} s; with explainers: {plugin:.1f} s: {plugin / plain:.2f}x plain")
        shutil.rmtree(folder / "site-plain", ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        config = yaml.safe_load(re.sub(r"^site_url: .*$", "", (ROOT / "mkdocs.yml").read_text("utf-8"), flags=re.M))
        config.update(docs_dir=str(ROOT / "docs"), site_dir=str(Path(tmp) / "site"))
        config["plugins"] = ["search", {"explainers": {"sources": str(ROOT / "sources")}}]
        path = Path(tmp) / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config), encoding="utf-8")
        print(f"Example site build: {min(build_seconds(path) for _ in range(3)):.2f} s (best of 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--glossary", type=int, default=1000)
    parser.add_argument("--skip-builds", action="store_true")
    args = parser.parse_args()
    matching((1452, 12692))
    if not args.skip_builds:
        builds(args.articles, args.glossary)


if __name__ == "__main__":
    main()
