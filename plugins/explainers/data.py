"""The site's machine-readable data: actors, explainers, mentions, quotes and events as JSON."""

from __future__ import annotations

from dataclasses import asdict

from .newsroom import Newsroom
from .timeline import events_json


def site_data(newsroom: Newsroom) -> dict[str, list[dict]]:
    """One list per file under ``data/`` in the built site."""
    actors = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "aliases": list(a.aliases),
            "summary": a.summary,
            "links": dict(a.links),
            "as_of": a.as_of or None,
            "explainers": [e.slug for e in newsroom.explainers_of(a.id)],
        }
        for a in newsroom.actors.values()
    ]
    explainers = [
        {
            "slug": e.slug,
            "title": e.article.title,
            **{k: v for k, v in asdict(e.article.meta).items() if k != "title" and v},
            "actors": list(e.actor_ids),
        }
        for e in newsroom.explainers
    ]
    mentions = [
        {
            "explainer": e.slug,
            "paragraph": anchor,
            "actor": m.actor_id,
            "alias": m.alias,
            "start": m.start,
            "end": m.end,
        }
        for e in newsroom.explainers
        for anchor, found in e.mentions.items()
        for m in found
    ]
    quotes = [
        {
            "id": q.id,
            "explainer": q.article,
            "paragraph": q.paragraph,
            "quote": q.text,
            "speaker": q.speaker,
            "actor": q.actor_id,
            "role": q.role,
            "cue": q.cue,
        }
        for e in newsroom.explainers
        for q in e.quotes
    ]
    return {
        "actors": actors,
        "explainers": explainers,
        "mentions": mentions,
        "quotes": quotes,
        "events": events_json(newsroom.events),
    }
