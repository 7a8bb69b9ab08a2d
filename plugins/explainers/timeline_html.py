"""Timeline markup: an ordered list of ``<time>``-stamped items, and the full timeline pages."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Sequence
from urllib.parse import urlsplit

from .render import KIND_LABELS, SEARCH_EXCLUDE, Links, actor_link, esc, external_link, markdown_heading
from .timeline import Event, TimelineItem

if TYPE_CHECKING:
    from .dates import ArticleDate
    from .newsroom import Explainer, Newsroom

TIMELINE_URI = "timeline/index.md"


def timeline_uri(kind: str | None = None) -> str:
    return TIMELINE_URI if kind is None else f"timeline/{kind}.md"


def _time(item: Event | ArticleDate, circa: bool = False) -> str:
    start = f'<time datetime="{esc(item.date.iso)}">{esc(item.date.display)}</time>'
    if item.end is not None:
        start += f' – <time datetime="{esc(item.end.iso)}">{esc(item.end.display)}</time>'
    return f'<span class="xp-circa" title="approximate date">c.</span> {start}' if circa else start


def _actors(newsroom: Newsroom, actor_ids: Iterable[str], links: Links) -> str:
    known = [newsroom.actors[a] for a in dict.fromkeys(actor_ids) if a in newsroom.actors]
    if not known:
        return ""
    return '<p class="xp-event-actors">' + ", ".join(actor_link(a, links) for a in known) + "</p>"


def _event_item(newsroom: Newsroom, event: Event, links: Links) -> str:
    if event.is_url_source:
        source = "Source: " + external_link(event.source, urlsplit(event.source).netloc.removeprefix("www."))
    else:
        source = f"Source: {esc(event.source)}"
    kinds = " ".join(sorted({newsroom.actors[a].kind for a in event.actors if a in newsroom.actors}))
    return (
        f'<li class="xp-event" id="{esc(event.id)}" data-actors="{esc(" ".join(event.actors))}" '
        f'data-kinds="{esc(kinds)}">'
        f'<p class="xp-event-date">{_time(event, event.circa)}</p>'
        f'<p class="xp-event-title"><strong>{esc(event.title)}</strong></p>'
        f'<p class="xp-event-summary">{esc(event.summary)}</p>'
        f"{_actors(newsroom, event.actors, links)}"
        f'<p class="xp-event-source">{source}</p></li>'
    )


def _statement_item(newsroom: Newsroom, statement: ArticleDate, explainer: Explainer | None, links: Links) -> str:
    actor_ids: list[str] = []
    if explainer is not None:
        block = next((b for b in explainer.article.paragraphs if b.anchor == statement.paragraph), None)
        if block is not None:
            start = block.text.find(statement.sentence)
            end = start + len(statement.sentence)
            actor_ids = [m.actor_id for m in explainer.mentions.get(block.anchor, ()) if start <= m.start < end]
    back = links.explainer(explainer.slug, statement.paragraph) if explainer else "#" + statement.paragraph
    return (
        f'<li class="xp-event xp-from-article">'
        f'<p class="xp-event-date">{_time(statement)}</p>'
        f'<p class="xp-event-title"><span class="xp-badge">From this article</span> '
        f"<q>{esc(statement.sentence)}</q></p>"
        f"{_actors(newsroom, actor_ids, links)}"
        f'<p class="xp-event-source"><a href="{esc(back)}">Paragraph {esc(statement.paragraph.removeprefix("p-"))}'
        f"</a></p></li>"
    )


def timeline_list(
    newsroom: Newsroom,
    items: Sequence[TimelineItem] | Sequence[Event],
    links: Links,
    explainer: Explainer | None = None,
    *,
    searchable: bool = True,
) -> str:
    """An ordered list, oldest first, of events and the article's own dated statements.

    ``searchable=False`` keeps a copy of events (an explainer's background, an
    actor's timeline) out of the search index: the timeline page has them all.
    """
    rows = []
    for item in items:
        if isinstance(item, Event):
            rows.append(_event_item(newsroom, item, links))
        elif item.event is not None:
            rows.append(_event_item(newsroom, item.event, links))
        elif item.statement is not None:
            rows.append(_statement_item(newsroom, item.statement, explainer, links))
    return f'<ol class="xp-timeline"{"" if searchable else SEARCH_EXCLUDE}>' + "".join(rows) + "</ol>"


def timeline_page(newsroom: Newsroom, links: Links, kind: str | None = None) -> str:
    """Every curated event grouped by year, or only those involving actors of one kind.

    Narrowing works without JavaScript: each year has an anchor, each kind a
    page of its own, and each actor page lists that actor's events.
    """
    events = sorted(newsroom.events, key=lambda e: e.date.sort_key)
    if kind is not None:
        events = [e for e in events if any(newsroom.actors[a].kind == kind for a in e.actors if a in newsroom.actors)]
    title = "Timeline" if kind is None else f"Timeline: {KIND_LABELS[kind].lower()}"
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_year[event.date.year].append(event)
    kinds = timeline_kinds(newsroom)
    narrow = [f'<a href="{esc(links.to(timeline_uri()))}">All</a>'] + [
        f'<a href="{esc(links.to(timeline_uri(k)))}">{esc(KIND_LABELS[k])}</a>' for k in kinds
    ]
    years = " · ".join(f'<a href="#y-{year}">{year}</a>' for year in sorted(by_year))
    parts = [
        f"# {esc(title)}",
        f'<nav class="xp-timeline-nav" aria-label="Timeline"><p>{len(events)} events. Narrow to: '
        + " · ".join(narrow)
        + f". Each actor’s page lists that actor’s events.</p><p>Jump to: {years}</p></nav>",
    ]
    for year in sorted(by_year):
        parts.append(markdown_heading(2, str(year), f"y-{year}"))
        parts.append(timeline_list(newsroom, by_year[year], links))
    return "\n\n".join(parts) + "\n"


def timeline_kinds(newsroom: Newsroom) -> list[str]:
    """The actor kinds that some event involves: one narrowed timeline page each."""
    found = {newsroom.actors[a].kind for e in newsroom.events for a in e.actors if a in newsroom.actors}
    return [k for k in KIND_LABELS if k in found]
