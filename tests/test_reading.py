"""Tests for the reading desk: quotes and dates found in parallel, and remembered while an article is unchanged."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from explainers import reading
from explainers.articles import read_article
from explainers.dates import article_dates
from explainers.model import Article, Block
from explainers.quotes import extract_quotes
from explainers.reading import ReadingDesk

SEED = Path(__file__).resolve().parent.parent / "sources" / "articles" / "us-venezuela-relations.txt"


def seed_copies(count: int) -> list[Article]:
    seed = read_article(SEED, [])
    assert seed is not None
    return [Article(f"story-{n}", f"story-{n}.txt", seed.meta, seed.blocks) for n in range(count)]


def test_quotes_found_in_worker_processes_are_those_found_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    articles = seed_copies(6)
    parallel = [r.quotes for r in ReadingDesk(workers=2).read(articles)]
    assert [[f.quote for f in found] for found in parallel] == [extract_quotes(a) for a in articles]
    assert [f.quote.article for f in parallel[5][:1]] == ["story-5"]  # ids and slugs belong to each article
    assert len(parallel[0]) == 12  # the seed's six quotes, twelve quoted segments


def test_dates_found_in_worker_processes_are_those_found_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    articles = seed_copies(4)
    parallel = [r.dates for r in ReadingDesk(workers=2).read(articles)]
    assert parallel == [tuple(article_dates(a)) for a in articles]
    assert "2019" in {d.date.iso for d in parallel[3]}


def test_the_desk_rereads_only_changed_articles() -> None:
    desk = ReadingDesk(workers=1)
    articles = seed_copies(3)
    first = [r.quotes for r in desk.read(articles)]
    assert desk.last_read == 3
    assert [r.quotes for r in desk.read(articles)] == first and desk.last_read == 0
    edited = Article("story-1", "story-1.txt", articles[1].meta, (Block("paragraph", '"Enough," she said.', "p-1"),))
    second = [r.quotes for r in desk.read([articles[0], edited, articles[2]])]
    assert desk.last_read == 1
    assert second[0] == first[0] and second[2] == first[2]
    assert [f.quote.text for f in second[1]] == ["Enough,"]


def test_the_workers_read_while_the_caller_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    articles = seed_copies(4)
    desk = ReadingDesk(workers=2)
    with desk.reading(articles) as readings:
        assert len(multiprocessing.active_children()) == 2  # the workers are at it already
        meanwhile = extract_quotes(articles[0])  # the caller's own work, while the workers read
        found = readings()
    assert multiprocessing.active_children() == []
    assert [[f.quote for f in r.quotes] for r in found] == [meanwhile] + [extract_quotes(a) for a in articles[1:]]
    assert readings() == found and desk.last_read == 4


def test_a_failure_meanwhile_stops_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    desk = ReadingDesk(workers=2)
    with pytest.raises(RuntimeError, match="the glossary broke"), desk.reading(seed_copies(8)):
        assert multiprocessing.active_children()
        raise RuntimeError("the glossary broke")
    assert multiprocessing.active_children() == []  # none left running after the failure
    assert desk.read(seed_copies(1)) and desk.last_read == 1  # nothing half-read was kept
