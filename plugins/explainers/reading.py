"""The close reading of each article: its quotes and the dates it mentions, found without the glossary.

Finding quotes and dates reads every sentence and is the costly part of
loading a newsroom, yet it depends on nothing but the article's own text. So
a ``ReadingDesk`` does it on every core when there are many articles, and
remembers what each text yielded: under ``mkdocs serve`` an edit to the
glossary, the timeline or one article re-reads only the articles whose text
changed. Who a speaker is in the glossary is decided afterwards, on every
build (``FoundQuote.resolved``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, NamedTuple

from .dates import ArticleDate, article_dates
from .model import Article, Block
from .quotes import FoundQuote, find_quotes

# Below this many unread articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 64

Text = tuple[str, tuple[Block, ...]]  # what the reading depends on: the slug (quote ids) and the blocks


class Reading(NamedTuple):
    """What one article's text yields."""

    quotes: tuple[FoundQuote, ...]
    dates: tuple[ArticleDate, ...]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ReadingDesk:
    """Reads many articles, in parallel, remembering each text's result."""

    def __init__(self, workers: int = 0) -> None:
        self.requested = workers  # as configured: 0 means one per core
        self.workers = workers or available_cores()
        self._read: dict[Text, Reading] = {}
        self.last_read = 0  # how many articles the last call had to read (the rest were remembered)

    def read(self, articles: Iterable[Article]) -> list[Reading]:
        """The reading of each article, in the order given."""
        with self.reading(articles) as readings:
            return readings()

    @contextlib.contextmanager
    def reading(self, articles: Iterable[Article]) -> Iterator[Callable[[], list[Reading]]]:
        """Start reading the articles, and give what to call for the readings, in the order given.

        Worker processes read while the caller goes on with work that needs
        no quotes (the glossary, the mentions); the call waits for them.
        """
        articles = list(articles)
        texts = [(a.slug, a.blocks) for a in articles]
        unread = [a for a, text in zip(articles, texts, strict=True) if text not in self._read]
        pool = None
        if self.workers >= 2 and len(unread) >= PARALLEL_FROM:
            pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(_start_method()))
            chunk = max(1, len(unread) // (self.workers * 8))
            found: Iterator[Reading] = pool.map(_read_one, unread, chunksize=chunk)  # submitted now, run meanwhile
        else:
            found = map(_read_one, unread)  # read when asked

        def readings() -> list[Reading]:
            for article, reading in zip(unread, found, strict=False):  # a second call finds nothing more
                self._read[(article.slug, article.blocks)] = reading
            self.last_read = len(unread)
            # Forget texts that are gone, so that a long preview session does not grow without bound.
            self._read = {text: self._read[text] for text in texts}
            return [self._read[text] for text in texts]

        try:
            yield readings
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)  # at once if the caller failed before asking


def _start_method() -> str:
    # fork is cheapest and needs no importable main script, but forking a process that runs
    # threads (as `mkdocs serve` does after its first build) is unsafe: then a fork server.
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _read_one(article: Article) -> Reading:
    return Reading(tuple(find_quotes(article)), tuple(article_dates(article)))
