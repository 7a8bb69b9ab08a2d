"""Everything the site knows, read once from ``sources/`` and cross-indexed.

The plugin, the command line and the tests all start here. This module
decides what each explainer holds (mentions, quotes, background) before any
page is rendered, so that cross-page lists such as "mentioned in" need no
second pass over rendered HTML.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .articles import read_articles
from .crosschecks import cross_checks
from .entry_cache import EntryCache
from .glossary import load_glossary
from .mentions import Matcher, MentionTracker
from .model import Actor, Article, Mention, Problem, Quote
from .quotes import apply_corrections
from .reading import ReadingDesk
from .timeline import BACKGROUND_EVENTS, Event, TimelineItem, explainer_timeline, load_events


@dataclass(frozen=True)
class Explainer:
    """One article with what was found in it."""

    article: Article
    mentions: dict[str, tuple[Mention, ...]]  # by paragraph anchor
    quotes: tuple[Quote, ...]
    timeline: tuple[TimelineItem, ...]
    unresolved: tuple[str, ...] = ()
    ignored: frozenset[str] = frozenset()  # aliases the sidecar says not to link here

    @property
    def slug(self) -> str:
        return self.article.slug

    @cached_property
    def actor_ids(self) -> tuple[str, ...]:
        """The actors of the article, in order of first mention."""
        ids = [m.actor_id for block in self.article.paragraphs for m in self.mentions.get(block.anchor, ())]
        ids += [q.actor_id for q in self.quotes if q.actor_id]
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class Newsroom:
    """Actors, explainers and events, with the indexes between them."""

    actors: dict[str, Actor]
    explainers: tuple[Explainer, ...]
    events: tuple[Event, ...]
    matcher: Matcher = field(repr=False, compare=False, hash=False)

    # Indexes built on first use: actor pages ask them once per actor, so a
    # scan of every explainer per question would make a build quadratic.
    @cached_property
    def by_slug(self) -> dict[str, Explainer]:
        return {e.slug: e for e in self.explainers}

    @cached_property
    def _explainers_by_actor(self) -> dict[str, list[Explainer]]:
        index: dict[str, list[Explainer]] = defaultdict(list)
        for explainer in self.explainers:
            for actor_id in explainer.actor_ids:
                index[actor_id].append(explainer)
        return index

    @cached_property
    def _quotes_by_actor(self) -> dict[str, list[Quote]]:
        index: dict[str, list[Quote]] = defaultdict(list)
        for explainer in self.explainers:
            for quote in explainer.quotes:
                if quote.actor_id:
                    index[quote.actor_id].append(quote)
        return index

    @cached_property
    def _events_by_actor(self) -> dict[str, list[Event]]:
        index: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for actor_id in event.actors:
                index[actor_id].append(event)
        return index

    @cached_property
    def actors_on_record(self) -> frozenset[str]:
        """Actors something in the sources names: an explainer, a quote or an event.

        Only these get a page of their own; the actor index lists every entry.
        """
        named = set(self._explainers_by_actor) | set(self._quotes_by_actor) | set(self._events_by_actor)
        return frozenset(named & self.actors.keys())

    def explainers_of(self, actor_id: str) -> list[Explainer]:
        return self._explainers_by_actor.get(actor_id, [])

    def quotes_of(self, actor_id: str) -> list[Quote]:
        return self._quotes_by_actor.get(actor_id, [])

    def events_of(self, actor_id: str) -> list[Event]:
        return self._events_by_actor.get(actor_id, [])

    def mentioned_with(self, actor_id: str, limit: int = 8) -> list[tuple[Actor, int]]:
        """Actors named in the same explainers as this one, most shared first."""
        together: Counter[str] = Counter()
        for explainer in self.explainers_of(actor_id):
            together.update(a for a in explainer.actor_ids if a != actor_id)
        ranked = sorted(together.items(), key=lambda item: (-item[1], self.actors[item[0]].name))
        return [(self.actors[a], n) for a, n in ranked[:limit]]

    def related(self, explainer: Explainer, limit: int = 5) -> list[tuple[Explainer, int]]:
        """Other explainers sharing actors with this one, most shared first.

        Only the ``RELATED_WINDOW`` explainers nearest in date are compared per
        shared actor: a president named in half the archive would otherwise
        make every explainer compare itself with every other one.
        """
        shared: Counter[str] = Counter()
        by_slug = {}
        for actor_id in explainer.actor_ids:
            for other in self._nearest_in_date(actor_id, explainer):
                if other is not explainer:
                    shared[other.slug] += 1
                    by_slug[other.slug] = other
        ranked = sorted(shared.items(), key=lambda item: (-item[1], by_slug[item[0]].article.title, item[0]))
        return [(by_slug[slug], n) for slug, n in ranked[:limit]]

    @cached_property
    def _explainers_by_actor_in_date_order(self) -> dict[str, tuple[list[tuple[str, str]], list[Explainer]]]:
        index = {}
        for actor_id, explainers in self._explainers_by_actor.items():
            ordered = sorted(explainers, key=_date_order)
            index[actor_id] = ([_date_order(e) for e in ordered], ordered)
        return index

    def _nearest_in_date(self, actor_id: str, explainer: Explainer) -> list[Explainer]:
        keys, ordered = self._explainers_by_actor_in_date_order.get(actor_id, ([], []))
        if len(ordered) <= RELATED_WINDOW:
            return ordered
        at = bisect.bisect_left(keys, _date_order(explainer))
        start = min(max(0, at - RELATED_WINDOW // 2), len(ordered) - RELATED_WINDOW)
        return ordered[start : start + RELATED_WINDOW]

    def resolve_speaker(self, name: str) -> str | None:
        """The actor a speaker's name refers to (see ``Matcher.sole_owner``)."""
        return self.matcher.sole_owner(name)


# How many explainers of one actor, nearest in date, are compared when looking for related ones.
RELATED_WINDOW = 30


def _date_order(explainer: Explainer) -> tuple[str, str]:
    return explainer.article.meta.date or "", explainer.slug


def _ignored_aliases(article: Article, problems: list[Problem]) -> frozenset[str]:
    raw = article.corrections.get("ignore_aliases")
    if raw is None:
        return frozenset()
    line = article.corrections.get("_lines", {}).get("ignore_aliases")
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        problems.append(
            Problem(article.sidecar_path, line, "`ignore_aliases` must be a list of aliases", "for example `[Chen]`")
        )
        return frozenset()
    return frozenset(raw)


def find_mentions(article: Article, matcher: Matcher, link_all: bool, problems: list[Problem]) -> Explainer:
    """The article's mentions, paragraph by paragraph, as its explainer page will link them."""
    ignored = _ignored_aliases(article, problems)
    tracker = MentionTracker(matcher, link_all=link_all, ignore=ignored)
    mentions: dict[str, tuple[Mention, ...]] = {}
    first_line: dict[str, int] = {}  # where each unresolved alias first occurs
    for block in article.paragraphs:
        mentions[block.anchor] = tuple(tracker.mentions(block.text))
        for alias in tracker.unresolved:
            first_line.setdefault(alias, block.line or 1)
    for alias in dict.fromkeys(tracker.unresolved):
        owners = ", ".join(matcher.owners[alias])
        problems.append(
            Problem(
                article.path,
                first_line[alias],
                f"`{alias}` could name {owners} and no full name comes before it; it is left unlinked",
                f"write the full name earlier, or add `ignore_aliases: [{alias}]` to the sidecar",
                severity="warning",
            )
        )
    return Explainer(article, mentions, (), (), tuple(dict.fromkeys(tracker.unresolved)), ignored)


def load_newsroom(
    sources: Path,
    *,
    link_all: bool = False,
    desk: ReadingDesk | None = None,
    background_events: int = BACKGROUND_EVENTS,
    cache: EntryCache | None = None,
) -> tuple[Newsroom, list[Problem]]:
    """Read ``sources/`` (glossary, articles, timeline) into a Newsroom and its problems.

    Pass the same ``desk`` on every rebuild to reuse the quotes of unchanged articles,
    and a ``cache`` to reuse the glossary entries of earlier builds.
    """
    problems: list[Problem] = []
    article_problems: list[Problem] = []
    articles = read_articles(sources / "articles", article_problems)
    with (desk or ReadingDesk()).reading(articles) as readings:
        # The desk's workers find quotes and dates meanwhile; none of this needs them.
        actors = load_glossary(sources / "glossary", problems, cache)
        problems.extend(article_problems)
        matcher = Matcher(actors)
        by_id = {a.id: a for a in actors}
        events, event_problems = load_events(sources / "timeline", by_id.keys(), [a.slug for a in articles])
        problems.extend(event_problems)
        mention_problems: list[list[Problem]] = [[] for _ in articles]
        mentions = [find_mentions(a, matcher, link_all, ps) for a, ps in zip(articles, mention_problems, strict=True)]
        read = readings()
    explainers = []
    events_touching = _events_touching(events)
    for article, found, found_problems, reading in zip(articles, mentions, mention_problems, read, strict=True):
        problems.extend(found_problems)
        quotes = [q.resolved(matcher.sole_owner, by_id) for q in reading.quotes]
        quotes, quote_problems = apply_corrections(article, quotes, matcher.sole_owner)
        problems.extend(quote_problems)
        prominence = Counter(m.actor_id for block in found.mentions.values() for m in block)
        prominence.update(q.actor_id for q in quotes if q.actor_id)
        keys = [("article", article.slug), *(("actor", a) for a in prominence)]
        candidates = sorted({n for key in keys for n in events_touching.get(key, ())})
        timeline = explainer_timeline(
            [events[n] for n in candidates], prominence, article, background_events, dates=reading.dates
        )
        explainers.append(
            Explainer(article, found.mentions, tuple(quotes), tuple(timeline), found.unresolved, found.ignored)
        )
    newsroom = Newsroom(by_id, tuple(explainers), tuple(events), matcher)
    return newsroom, problems + cross_checks(newsroom)


def _events_touching(events: Sequence[Event]) -> dict[tuple[str, str], list[int]]:
    """Positions of the events that involve each actor or name each article.

    Each explainer looks up its own actors here instead of scanning every event.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, event in enumerate(events):
        for key in dict.fromkeys([*(("actor", a) for a in event.actors), *(("article", s) for s in event.articles)]):
            index[key].append(n)
    return index


def actors_by_kind(actors: dict[str, Actor]) -> dict[str, list[Actor]]:
    """Actors grouped by kind, each group A–Z."""
    groups: dict[str, list[Actor]] = defaultdict(list)
    for actor in sorted(actors.values(), key=lambda a: a.name.casefold()):
        groups[actor.kind].append(actor)
    return dict(groups)
