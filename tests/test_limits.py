"""Limits: broken files give a clear problem, never a crash; large inputs stay linear.

The full-size measurements (5 MB article, 10,000 entries, 1,000 articles,
a common word as alias) are ``bench/limits.py``; here the same cases run at
sizes a test suite can afford, and growth is checked as a ratio.
"""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, site_config, warnings_in
from explainers.articles import _anchor_blocks, read_articles, read_txt
from explainers.mentions import Matcher
from explainers.model import Actor, Article, ArticleMeta, Problem
from explainers.newsroom import find_mentions, load_newsroom


def messages(problems: list[Problem], folder: Path) -> list[str]:
    return [str(p).replace(str(folder) + "/", "") for p in problems]


def test_a_link_in_a_loop_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "fine.txt").write_text("Title\nText.\n", encoding="utf-8")
    problems: list[Problem] = []
    assert [a.slug for a in read_articles(tmp_path, problems)] == ["fine"]
    assert [m.split(" (")[0] for m in messages(problems, tmp_path)] == [
        f"{name}:1: this link leads to no file: its target is missing, or links lead in a loop"
        for name in ("a.txt", "b.txt", "gone.md")
    ]


def test_links_in_a_loop_among_glossary_entries_and_timeline_files_are_problems(sources_copy):
    glossary, timeline = sources_copy / "glossary", sources_copy / "timeline"
    (glossary / "loop.yml").symlink_to(glossary / "loop.yml")
    (glossary / "gone.yaml").symlink_to(glossary / "missing.yaml")
    (timeline / "old").mkdir()
    (timeline / "archive.yml").mkdir()
    newsroom, problems = load_newsroom(sources_copy)
    assert "nicolas-maduro" in newsroom.actors and len(newsroom.events) > 30  # the rest is read
    found = [m.split(" (")[0] for m in messages(problems, sources_copy)]
    assert {
        "glossary/gone.yaml:1: this link leads to no file: its target is missing, or links lead in a loop",
        "glossary/loop.yml:1: this link leads to no file: its target is missing, or links lead in a loop",
        "timeline/archive.yml:1: this is a folder, not a timeline file",
    } <= set(found)
    assert not any(m.startswith("timeline/old") for m in found)  # not named like a timeline file


def test_a_folder_named_like_an_article_is_a_problem(tmp_path):
    (tmp_path / "archive.html").mkdir()
    problems: list[Problem] = []
    assert read_articles(tmp_path, problems) == []
    assert messages(problems, tmp_path) == [
        "archive.html:1: this is a folder, not an article (move the files in it up into this folder)"
    ]


def test_an_unreadable_article_is_a_problem(tmp_path):
    path = tmp_path / "locked.txt"
    if os.geteuid() != 0:
        path.write_text("Title\nText.\n", encoding="utf-8")
        path.chmod(0)
    else:
        # Root reads any file whatever its mode; this one is a real file that no one can read.
        path.symlink_to("/proc/self/mem")
    problems: list[Problem] = []
    assert read_articles(tmp_path, problems) == []
    assert messages(problems, tmp_path)[0].startswith("locked.txt:1: cannot read the file: ")


def test_files_that_vanish_while_the_sources_are_read_never_crash(sources_copy):
    """What `mkdocs serve` meets when an editor's tool replaces files as the site rebuilds."""
    articles = sources_copy / "articles"
    glossary = sources_copy / "glossary"
    originals = {p: p.read_bytes() for p in [*articles.iterdir(), *glossary.iterdir()]}
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            for path, data in originals.items():
                path.unlink(missing_ok=True)
                time.sleep(0.0005)
                path.write_bytes(data)

    editor = threading.Thread(target=churn)
    editor.start()
    try:
        for _ in range(30):
            newsroom, problems = load_newsroom(sources_copy)
            assert all(isinstance(p, Problem) for p in problems)
    finally:
        stop.set()
        editor.join()
    newsroom, problems = load_newsroom(sources_copy)
    assert len(newsroom.explainers) == 1 and [p for p in problems if p.severity == "error"] == []


def test_a_plain_build_leaves_out_the_broken_article_and_a_strict_build_fails(tmp_path, sources_copy):
    (sources_copy / "articles" / "loop.txt").symlink_to(sources_copy / "articles" / "loop.txt")
    (sources_copy / "articles" / "second.txt").write_text("Second story\nNicolás Maduro spoke.\n", encoding="utf-8")
    config = site_config(tmp_path, sources=sources_copy)
    lenient = mkdocs_build(config, strict=False)
    assert lenient.returncode == 0
    assert any("loop.txt:1: this link leads to no file" in line for line in warnings_in(lenient.stderr))
    site = tmp_path / "site" / "explainers"
    assert (site / "second" / "index.html").is_file() and (site / "us-venezuela-relations" / "index.html").is_file()
    assert not (site / "loop").exists()
    assert mkdocs_build(config).returncode != 0


@pytest.mark.parametrize("alias", ["Maduro", "the"])
def test_a_long_article_is_read_whole_even_with_a_common_word_as_alias(alias):
    # How build time grows with size is measured by bench/limits.py, not asserted here.
    seed = (ROOT / "sources" / "articles" / "us-venezuela-relations.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in seed.split("\n") if len(line) > 100]
    _, raw = read_txt("Title\n" + "\n".join(paragraphs * 100), "long.txt", [])
    article = Article("long", "long.txt", ArticleMeta(title="Long"), _anchor_blocks(raw))
    assert len(article.paragraphs) == len(paragraphs) * 100
    actors = [Actor("a", "Nicolás Maduro", "person", "x", aliases=(alias,))]
    matcher = Matcher(actors)
    scanned = [a for block in article.paragraphs for _, _, a in matcher.scan(block.text)]
    expected = re.findall(rf"(?<!\w)(?:Nicolás Maduro|{alias})(?!\w)", "\n".join(b.text for b in article.paragraphs))
    assert scanned == expected and len(scanned) >= 100
    # Every copy of the text gets the same mentions: the last as many as the first.
    explainer = find_mentions(article, matcher, False, [])
    mentions = [[(m.start, m.alias) for m in explainer.mentions[block.anchor]] for block in article.paragraphs]
    size = len(paragraphs)
    copies = [[m for ms in mentions[k : k + size] for m in ms] for k in range(0, len(mentions), size)]
    assert len(copies) == 100 and all(copy == copies[0] for copy in copies) and copies[0]
