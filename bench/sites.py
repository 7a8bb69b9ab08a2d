"""Write the synthetic newsroom to disk as the sites the benchmark builds.

One folder holds every variant, so that all of them build the same articles:

    docs/                     the articles as ordinary Markdown pages: (a) and (b)
    includes/abbreviations.md `*[Term]: summary` for every name and alias: (b)
    sources-g<G>/             articles, glossary of G actors, timeline: (c)
    sources-g<G>-named/       other articles, naming the whole pool: (c'), for information
    docs-explainers/          empty: Explainers generates every page of (c)
    <variant>.yml             one mkdocs.yml per variant, site_dir site-<variant>/
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .glossary import Actor, generate_actors, generate_events
from .prose import Article, Cast, generate_article, markdown, plain_text

try:  # libyaml writes 10,000 glossary entries in a fraction of the pure-Python time
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]

# Material as a newsroom would set it up; no web fonts, so builds never touch the network.
THEME = {"name": "material", "font": False, "features": ["content.tooltips"]}
MARKDOWN = ["attr_list", "toc"]
ABBREVIATIONS = "includes/abbreviations.md"


@dataclass(frozen=True)
class Variant:
    """One site to build: its config file and a label for the report."""

    key: str
    label: str
    config: Path


def newsroom(
    articles: int, glossaries: Iterable[int], seed: int = 7, *, named: int | None = None
) -> tuple[list[Actor], list[Article]]:
    """The actor pool (as large as the largest glossary) and ``articles`` articles naming its actors.

    ``named`` limits the articles to the pool's first actors: the people in
    this year's news, while a larger glossary also holds the archive's.
    """
    actors = generate_actors(max(glossaries), seed)
    cast = Cast.of(actors[:named] if named else actors)
    return actors, [generate_article(i, cast, seed) for i in range(articles)]


def write_sources(
    folder: Path, articles: list[Article], actors: list[Actor], seed: int = 7, events_among: list[Actor] | None = None
) -> Path:
    """An Explainers ``sources/`` folder: every article with its sidecar, the glossary, the timeline.

    The timeline's events involve ``events_among`` (by default the whole glossary).
    """
    for sub in ("articles", "glossary", "timeline"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / "articles" / f"{article.stem}.txt").write_text(plain_text(article), encoding="utf-8")
        sidecar = {"publisher": article.publisher, "date": article.date, "url": f"https://example.org/{article.stem}"}
        (folder / "articles" / f"{article.stem}.yml").write_text(dump_yaml(sidecar), encoding="utf-8")
    for actor in actors:
        (folder / "glossary" / f"{actor.id}.yml").write_text(dump_yaml(glossary_entry(actor)), encoding="utf-8")
    events = generate_events(events_among or actors, seed)
    per_file = max(1, len(events) // 8 + 1)  # a few files, as editors split the timeline by theme
    for start in range(0, len(events), per_file):
        chunk = events[start : start + per_file]
        (folder / "timeline" / f"events-{start // per_file + 1}.yml").write_text(dump_yaml(chunk), encoding="utf-8")
    return folder


def glossary_entry(actor: Actor) -> dict:
    """The entry as an editor writes it in ``sources/glossary/<id>.yml``."""
    entry: dict = {"name": actor.name, "kind": actor.kind}
    if actor.aliases:
        entry["aliases"] = list(actor.aliases)
    entry["summary"] = actor.summary
    if actor.description:
        entry["description"] = actor.description
    if actor.link:
        entry["links"] = {"wikipedia": actor.link}
    if actor.as_of:
        entry["as_of"] = actor.as_of
    return entry


def write_docs(folder: Path, articles: list[Article]) -> Path:
    """The articles as ordinary Markdown pages, with a home page."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text("# Newsroom\n\nThe latest articles.\n", encoding="utf-8")
    for article in articles:
        (folder / f"{article.stem}.md").write_text(markdown(article), encoding="utf-8")
    return folder


def write_abbreviations(path: Path, actors: list[Actor]) -> Path:
    """Material's documented glossary: one ``*[Term]: summary`` line per name and alias."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"*[{name}]: {actor.summary}" for actor in actors for name in (actor.name, *actor.aliases)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_config(folder: Path, key: str, *, docs_dir: str, plugins: list, extensions: list, **extra: object) -> Path:
    config = {
        "site_name": "Synthetic newsroom",
        "docs_dir": docs_dir,
        "site_dir": f"site-{key}",
        "theme": THEME,
        "plugins": plugins,
        "markdown_extensions": extensions,
        **extra,
    }
    path = folder / f"{key}.yml"
    path.write_text(dump_yaml(config), encoding="utf-8")
    return path


def explainers_site(
    folder: Path, articles: list[Article], actors: list[Actor], key: str, events_among: list[Actor] | None = None
) -> Path:
    """Sources and config for (c): Explainers with default settings."""
    write_sources(folder / f"sources-{key}", articles, actors, events_among=events_among)
    (folder / "docs-explainers").mkdir(exist_ok=True)
    plugins = ["search", {"explainers": {"sources": f"sources-{key}"}}]
    return write_config(folder, key, docs_dir="docs-explainers", plugins=plugins, extensions=MARKDOWN)


def comparison_sites(folder: Path, articles: int, glossary: int, big_glossary: int) -> list[Variant]:
    """The builds of the comparison: four over the same articles, and one for information.

    The articles name the first G actors of the pool, and the timeline
    involves them. The 10×G glossary adds the archive: entries these articles
    never name, which measures what a larger glossary itself costs. The last
    build is for information only: other articles, written to name the whole
    10×G pool, so that every entry has a page of its own to build.
    """
    actors, texts = newsroom(articles, (glossary, big_glossary), named=glossary)
    in_the_news = actors[:glossary]
    write_docs(folder / "docs", texts)
    write_abbreviations(folder / ABBREVIATIONS, actors[:glossary])
    abbr = [
        "abbr",
        *MARKDOWN,
        {"pymdownx.snippets": {"auto_append": [ABBREVIATIONS]}},
    ]
    return [
        Variant(
            "plain",
            "(a) plain Material",
            write_config(folder, "plain", docs_dir="docs", plugins=["search"], extensions=MARKDOWN),
        ),
        Variant(
            "abbr",
            f"(b) abbr+snippets G={glossary:,}",
            write_config(folder, "abbr", docs_dir="docs", plugins=["search"], extensions=abbr),
        ),
        Variant(
            "explainers",
            f"(c) Explainers G={glossary:,}",
            explainers_site(folder, texts, in_the_news, f"g{glossary}"),
        ),
        Variant(
            "explainers-big",
            f"(c) Explainers G={big_glossary:,}",
            explainers_site(folder, texts, actors[:big_glossary], f"g{big_glossary}", events_among=in_the_news),
        ),
        Variant(
            "plain-no-nav",
            "(a') plain, no nav*",
            # The articles out of the sidebar, as Explainers keeps its explainers: Material renders
            # the whole navigation on every page, so (a) grows with the square of the article count.
            write_config(
                folder,
                "plain-no-nav",
                docs_dir="docs",
                plugins=["search"],
                extensions=MARKDOWN,
                nav=["index.md"],
                not_in_nav="/story-*.md",
            ),
        ),
        Variant(
            "explainers-all-named",
            f"(c') G={big_glossary:,}, all named*",
            explainers_site(folder, newsroom(articles, (big_glossary,))[1], actors, f"g{big_glossary}-named"),
        ),
    ]


def dump_yaml(data: object) -> str:
    """YAML as an editor would write it: keys in order, non-ASCII kept."""
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
