"""Background events: loading the editors' timeline files, and each explainer's timeline.

Events live in ``sources/timeline/*.yml``, each file a YAML list. Every
problem names the file and line; an event with any problem is skipped and
the others are kept, so one typo never empties a timeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .articles import slugify
from .dates import ArticleDate, DateError, EventDate, article_dates
from .model import Article, Problem
from .sources import (
    PLACEHOLDER,
    LineDict,
    LineList,
    check_fields,
    did_you_mean,
    load_yaml,
    source_files,
    text_field,
    text_list_field,
)

__all__ = [
    "ArticleDate",
    "Event",
    "EventDate",
    "TimelineItem",
    "article_dates",
    "events_json",
    "explainer_timeline",
    "load_events",
]

EVENT_FIELDS = ("date", "end", "circa", "title", "summary", "actors", "source", "articles")
TIMELINE_SUFFIXES = (".yml", ".yaml")
_ID_SLUG_MAX = 48
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Event:
    """One background event from the editors' timeline."""

    date: EventDate
    title: str
    summary: str
    actors: tuple[str, ...]
    source: str  # an http(s) URL, or a named reference such as "Reuters, 23 January 2019"
    end: EventDate | None = None
    circa: bool = False
    articles: tuple[str, ...] = ()  # slugs of articles this event is background to
    path: str = ""
    line: int = 1

    @property
    def is_url_source(self) -> bool:
        """True if ``source`` can be linked; only http(s) ever is, so no source runs script."""
        return self.source.lower().startswith(("http://", "https://"))

    @property
    def id(self) -> str:
        """A stable anchor: "e-2019-01-23-the-united-states-recognises-juan-guaido-as".

        The title's slug is cut at a word so that anchors stay readable.
        """
        slug = slugify(self.title)
        if len(slug) > _ID_SLUG_MAX:
            cut = slug[: _ID_SLUG_MAX + 1].rfind("-")
            slug = slug[: cut if cut > 0 else _ID_SLUG_MAX]
        return f"e-{self.date.iso}-{slug}" if slug else f"e-{self.date.iso}"

    @property
    def display_date(self) -> str:
        """The date as readers see it: "c. 2019", "2013 – 2019", "23 January 2019"."""
        text = self.date.display if self.end is None else f"{self.date.display} – {self.end.display}"
        return f"c. {text}" if self.circa else text


# --- loading ---------------------------------------------------------------


def load_events(
    folder: Path,
    actor_ids: Collection[str],
    article_slugs: Collection[str] = (),
) -> tuple[list[Event], list[Problem]]:
    """Every event in the folder's timeline files, and every problem found.

    ``actor_ids`` are the glossary ids an event's ``actors`` must come from;
    ``article_slugs``, when given, are the slugs its ``articles`` must come
    from. Never raises on bad editor data.
    """
    problems: list[Problem] = []
    events: list[Event] = []
    if not folder.is_dir():
        return events, problems
    known_actors = set(actor_ids)
    known_articles = set(article_slugs)
    seen: dict[str, Event] = {}
    for path in source_files(folder, TIMELINE_SUFFIXES, "a timeline file", problems):
        for event in _load_file(path, known_actors, known_articles, problems):
            earlier = seen.get(event.id)
            if earlier is not None:
                problems.append(_duplicate(event, earlier))
                continue
            seen[event.id] = event
            events.append(event)
    return events, problems


def _load_file(path: Path, actors: set[str], articles: set[str], problems: list[Problem]) -> list[Event]:
    data = load_yaml(path, problems)
    if data is None:
        # An empty file holds no events and is harmless; a broken one is already reported.
        return []
    if not isinstance(data, LineList):
        is_mapping = isinstance(data, LineDict)
        hint = "start each event with `- ` (a list item)" if is_mapping else "see the editors' guide"
        line = data.line if is_mapping else 1
        problems.append(Problem(str(path), line, "a timeline file must be a list of events", hint))
        return []
    events = []
    for index, item in enumerate(data):
        if not isinstance(item, LineDict):
            problems.append(
                Problem(
                    str(path),
                    data.line_of(index),
                    "each event must be a mapping of fields",
                    "for example `- date: 2019-01-23` then `title:`, `summary:`, `actors:`, `source:`",
                )
            )
            continue
        event = _read_event(item, str(path), actors, articles, problems)
        if event is not None:
            events.append(event)
    return events


def _read_event(
    item: LineDict, path: str, known_actors: set[str], known_articles: set[str], problems: list[Problem]
) -> Event | None:
    """One event, or None if anything about it is wrong (each problem is recorded)."""
    before = len(problems)
    check_fields(item, path, EVENT_FIELDS, problems, "an event")
    date = _date_field(item, "date", path, problems, required=True)
    end = _date_field(item, "end", path, problems)
    if date is not None and end is not None and end < date and not end.contains(date):
        message = f"`end` ({end.iso}) is before `date` ({date.iso})"
        problems.append(Problem(path, item.line_of("end"), message, "swap them"))
    circa = item.get("circa", False)
    if not isinstance(circa, bool):
        problems.append(Problem(path, item.line_of("circa"), "`circa` must be true or false"))
    title = text_field(item, "title", path, problems, required=True)
    summary = text_field(item, "summary", path, problems, required=True)
    source = text_field(item, "source", path, problems, required=True)
    if source:
        _check_source(source, item.line_of("source"), path, problems)
    for key, value in (("summary", summary), ("source", source)):
        if value.startswith(PLACEHOLDER):
            message = f"`{key}` is still the placeholder that `explainers new event` wrote"
            problems.append(Problem(path, item.line_of(key), message, "replace it before publishing", "warning"))
    if "actors" not in item:
        hint = "add `actors: [glossary-id, ...]`"
        problems.append(Problem(path, item.line, "missing field `actors`", hint))
    actors = _ids(item, "actors", path, problems, known_actors, "actor", _actor_hint)
    if "actors" in item and not item["actors"]:
        hint = "list the glossary ids of who took part"
        problems.append(Problem(path, item.line_of("actors"), "`actors` is empty", hint))
    # Article slugs are checked only when the caller knows them (e.g. not in a timeline-only check).
    articles = _ids(item, "articles", path, problems, known_articles or None, "article", did_you_mean)
    if any(p.severity == "error" for p in problems[before:]) or date is None:
        return None
    return Event(
        date=date,
        end=end,
        circa=bool(circa),
        title=title,
        summary=summary,
        actors=actors,
        source=source,
        articles=articles,
        path=path,
        line=item.line,
    )


def _date_field(
    item: LineDict, key: str, path: str, problems: list[Problem], *, required: bool = False
) -> EventDate | None:
    text = text_field(item, key, path, problems, required=required)
    if not text:
        return None
    try:
        return EventDate.parse(text)
    except DateError as err:
        problems.append(Problem(path, item.line_of(key), f"bad `{key}`: {err}", err.hint))
        return None


def _check_source(source: str, line: int, path: str, problems: list[Problem]) -> None:
    # A named reference ("Reuters, 23 January 2019") is fine; something that
    # looks like a link must be one we can safely link to.
    if source.lower().startswith(("http://", "https://")):
        parts = urlsplit(source)
        if not parts.netloc or any(c.isspace() for c in source):
            problems.append(Problem(path, line, f"`source` is not a valid web address: {source}"))
    elif _SCHEME.match(source) and ("://" in source or source.lower().startswith(("javascript:", "data:"))):
        message = "`source` must be an http(s) address or a named reference"
        problems.append(Problem(path, line, message, "e.g. `https://…`"))


def _ids(
    item: LineDict,
    key: str,
    path: str,
    problems: list[Problem],
    known: set[str] | None,
    what: str,
    hinter: Callable[[str, Iterable[str]], str],
) -> tuple[str, ...]:
    """A list of ids, each checked against ``known`` (not checked when it is None)."""
    values = text_list_field(item, key, path, problems)
    raw = item.get(key)
    lines = (
        [raw.line_of(i) for i, v in enumerate(raw) if _is_text(v)]
        if isinstance(raw, LineList)
        else [item.line_of(key)] * len(values)
    )
    ids: list[str] = []
    for value, line in zip(values, lines, strict=True):
        if known is not None and value not in known:
            hint = hinter(value, sorted(known)) or (
                f"no {what} has the id `{value}`" if known else f"there are no {what}s to refer to yet"
            )
            problems.append(Problem(path, line, f"unknown {what} `{value}`", hint))
        elif value not in ids:  # a repeated id is harmless; keep one
            ids.append(value)
    return tuple(ids)


def _is_text(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool) and bool(str(value).strip())


def _actor_hint(word: str, ids: Iterable[str]) -> str:
    """A "did you mean …?" hint: a close spelling, else the one id with the word as a part."""
    ids = list(ids)
    hint = did_you_mean(word, ids)
    if hint:
        return hint
    # Editors often write a surname ("maduro") for "nicolas-maduro".
    word = slugify(word)
    parts = [i for i in ids if word and word in i.split("-")]
    return f"did you mean `{parts[0]}`?" if len(parts) == 1 else ""


def _duplicate(event: Event, earlier: Event) -> Problem:
    same = earlier.title == event.title and earlier.date == event.date
    where = f"{earlier.path}:{earlier.line}"
    message = (
        f"duplicate event: “{event.title}” on {event.date.iso} is already at {where}"
        if same
        else f"this event's anchor `{event.id}` is the same as the event at {where}"
    )
    hint = "remove one of them" if same else "make the two titles differ in their first words"
    return Problem(event.path, event.line, message, hint)


# --- an explainer's timeline ---------------------------------------------


@dataclass(frozen=True)
class TimelineItem:
    """One row of an explainer's timeline: a curated event, or a date from the article itself."""

    event: Event | None = None
    statement: ArticleDate | None = None

    def __post_init__(self) -> None:
        if (self.event is None) == (self.statement is None):
            raise ValueError("a timeline item is either an event or an article statement")

    @property
    def kind(self) -> Literal["event", "article"]:
        return "event" if self.event is not None else "article"

    @property
    def date(self) -> EventDate:
        return self._dated.date

    @property
    def end(self) -> EventDate | None:
        return self._dated.end

    @property
    def _dated(self) -> Event | ArticleDate:
        dated = self.event or self.statement
        assert dated is not None  # __post_init__ makes sure of it
        return dated


# A background longer than this stops being background: a reader skims ten events, not
# every event of every actor the article names (a president may take part in hundreds).
BACKGROUND_EVENTS = 10


def explainer_timeline(
    events: Iterable[Event],
    prominence: Mapping[str, int],
    article: Article,
    limit: int = BACKGROUND_EVENTS,
    dates: Iterable[ArticleDate] | None = None,
) -> list[TimelineItem]:
    """The background timeline of one explainer, in date order.

    Curated events that name the article in ``articles``, and those that
    involve its actors, plus the dates the article itself mentions.
    ``prominence`` counts how often the article names each actor; when more
    than ``limit`` events qualify (0: no limit), the events named for the
    article come first, then those whose actors the article names most.
    The sort is stable and, for equal dates, puts curated events first.
    ``dates`` are the article's own, when already found (``article_dates``).
    """
    chosen = [e for e in events if article.slug in e.articles or any(a in prominence for a in e.actors)]
    if limit and len(chosen) > limit:
        def relevance(event: Event) -> tuple[bool, int]:
            return article.slug in event.articles, sum(prominence.get(a, 0) for a in event.actors)

        chosen = sorted(chosen, key=relevance, reverse=True)[:limit]  # stable: ties keep file order
    items = [TimelineItem(event=e) for e in chosen]
    items += [TimelineItem(statement=d) for d in (article_dates(article) if dates is None else dates)]
    return sorted(items, key=lambda item: (item.date.sort_key, item.kind != "event"))


def events_json(events: Iterable[Event]) -> list[dict]:
    """Events as plain data for the site's JSON export."""
    return [
        {
            "id": e.id,
            "date": e.date.iso,
            "end": e.end.iso if e.end else None,
            "circa": e.circa,
            "title": e.title,
            "summary": e.summary,
            "actors": list(e.actors),
            "source": e.source,
            "articles": list(e.articles),
        }
        for e in events
    ]
