"""The newsroom index: what each explainer holds, and what links explainers and actors."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build, site_config
from explainers import newsroom as newsroom_module
from explainers.newsroom import load_newsroom


def test_sidecar_ignore_aliases_keeps_a_word_unlinked(sources_copy):
    (sources_copy / "articles" / "us-venezuela-relations.yml").write_text("ignore_aliases: [Caracas]\n")
    newsroom, problems = load_newsroom(sources_copy)
    assert not [p for p in problems if p.severity != "info"]
    (explainer,) = newsroom.explainers
    aliases = {m.alias for found in explainer.mentions.values() for m in found}
    assert "Caracas" not in aliases and "Venezuela" in aliases


def test_unresolved_shared_alias_in_an_article_is_a_warning(sources_copy):
    (sources_copy / "articles" / "ramirez.txt").write_text("Ramirez speaks\nRamirez said the talks would go on.\n")
    newsroom, problems = load_newsroom(sources_copy)
    warnings = [str(p) for p in problems if p.severity == "warning"]
    assert warnings == [
        f"{sources_copy}/articles/ramirez.txt:2: `Ramirez` could name carlos-ramirez, elena-ramirez and no full name "
        "comes before it; it is left unlinked (write the full name earlier, or add `ignore_aliases: [Ramirez]` to "
        "the sidecar)"
    ]
    ramirez = next(e for e in newsroom.explainers if e.slug == "ramirez")
    assert ramirez.unresolved == ("Ramirez",)
    assert not any(ramirez.mentions.values())


def test_related_explainers_and_actors_mentioned_together(sources_copy):
    (sources_copy / "articles" / "oil.txt").write_text(
        "Oil licences\nChevron resumed work in Venezuela under a US licence, and Maduro welcomed it.\n"
    )
    (sources_copy / "articles" / "kyiv.txt").write_text("Kyiv\nUkraine asked for more air defence.\n")
    newsroom, _ = load_newsroom(sources_copy)
    seed = next(e for e in newsroom.explainers if e.slug == "us-venezuela-relations")
    related = [(e.slug, n) for e, n in newsroom.related(seed)]
    assert related == [("oil", 3), ("kyiv", 1)]
    together = dict((a.id, n) for a, n in newsroom.mentioned_with("chevron"))
    assert together == {"venezuela": 1, "united-states": 1, "nicolas-maduro": 1}
    assert [e.slug for e in newsroom.explainers_of("chevron")] == ["oil"]


def test_related_explainers_of_a_popular_actor_come_from_around_the_same_date(sources_copy, monkeypatch):
    monkeypatch.setattr(newsroom_module, "RELATED_WINDOW", 4)
    articles = sources_copy / "articles"
    for day in range(1, 11):  # ten stories naming Maduro, one a day
        (articles / f"day-{day:02}.txt").write_text(f"Day {day}\nMaduro spoke again.\n")
        (articles / f"day-{day:02}.yml").write_text(f"date: 2024-03-{day:02}\n")
    newsroom, _ = load_newsroom(sources_copy)
    day_5 = next(e for e in newsroom.explainers if e.slug == "day-05")
    # Only the four stories nearest in date are compared (the seed, undated, sorts first).
    assert sorted(e.slug for e, _ in newsroom.related(day_5)) == ["day-03", "day-04", "day-06"]
    first = next(e for e in newsroom.explainers if e.slug == "day-01")
    assert sorted(e.slug for e, _ in newsroom.related(first)) == ["day-02", "day-03", "us-venezuela-relations"]


def test_speakers_resolve_to_actors_through_their_aliases(sources_copy):
    newsroom, _ = load_newsroom(sources_copy)
    assert newsroom.resolve_speaker("Maduro") == "nicolas-maduro"
    assert newsroom.resolve_speaker("Elena Ramirez") == "elena-ramirez"
    assert newsroom.resolve_speaker("Ramirez") is None  # shared: never guessed
    assert newsroom.resolve_speaker("Someone Else") is None


def test_only_actors_something_names_get_a_page(tmp_path: Path, sources_copy: Path) -> None:
    # One entry no source names, one named only on a hand-written page in docs/.
    (sources_copy / "glossary" / "ada-quill.yml").write_text(
        "name: Ada Quill\nkind: person\nsummary: A glossary entry nothing names.\n", encoding="utf-8"
    )
    (sources_copy / "glossary" / "bram-tull.yml").write_text(
        "name: Bram Tull\nkind: person\nsummary: Named only in the newsroom's own pages.\n", encoding="utf-8"
    )
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "about.md").write_text(
        (docs / "about.md").read_text(encoding="utf-8") + "\nOur editor is Bram Tull.\n", encoding="utf-8"
    )
    config = site_config(tmp_path, sources=sources_copy, docs_dir=str(docs))
    result = mkdocs_build(config, strict=False)
    assert result.returncode == 0, result.stderr
    assert "no article mentions Ada Quill" in result.stderr  # the editor hears of the unused entry
    site = tmp_path / "site"
    assert not (site / "actors" / "ada-quill").exists()
    assert (site / "actors" / "bram-tull" / "index.html").is_file()
    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one('a.xp-actor[data-actor="bram-tull"]')["href"] == "../actors/bram-tull/"
    index = BeautifulSoup((site / "actors" / "index.html").read_text(encoding="utf-8"), "html.parser")
    names = {el.get_text(): el.name for el in index.select("dl.xp-actor-index dt > *")}
    assert names["Ada Quill"] == "span" and names["Bram Tull"] == "a" and names["Nicolás Maduro"] == "a"
    assert "A glossary entry nothing names." in index.get_text()
