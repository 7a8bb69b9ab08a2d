"""schema.org JSON-LD for explainer and actor pages: what search engines and news aggregators read.

An explainer is a ``NewsArticle`` that ``mentions`` its actors, with a
``Quotation`` for each thing said in it; an actor page describes a
``Person``, ``Organization``, ``Country`` or ``Place`` as the glossary's
``kind`` says. URLs are relative, as on the page: JSON-LD resolves them
against the page's own address, which only the host knows.

Every string here comes from editors or source articles, so the JSON is
written to be safe inside ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .model import Actor, Quote
from .newsroom import Explainer, Newsroom
from .render import Links, safe_url

# Glossary kinds as schema.org types. A "group" (a coalition, a movement) is an
# Organization to schema.org; a concept has no closer type than Thing.
SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "group": "Organization",
    "country": "Country",
    "place": "Place",
    "event": "Event",
    "concept": "Thing",
}
ARTICLE_ID = "#explainer"  # the NewsArticle's node, which the quotations point back to
# ISO 8601 as schema.org reads it; editors may date an article to the year or the month.
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The HTML parser ends a script at "</script" and treats "<!--" specially; JSON
# allows any character as a \u escape, so these never appear raw. U+2028/9 end
# lines in JavaScript, which some consumers feed the text to.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld_script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element holding ``data``; nothing in it can end the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json">{text.translate(_SCRIPT_SAFE)}</script>'


def schema_type(actor: Actor) -> str:
    """The schema.org type for a glossary entry's kind."""
    return SCHEMA_TYPES.get(actor.kind, "Thing")


def same_as(actor: Actor) -> list[str]:
    """The actor's links that are web addresses (a bare Wikidata id becomes its page)."""
    urls = []
    for label, target in actor.links:
        if label == "wikidata" and not target.startswith("http"):
            target = f"https://www.wikidata.org/wiki/{target}"
        url = safe_url(target)
        if url:
            urls.append(url)
    return urls


def _actor_ref(actor: Actor, links: Links) -> dict[str, Any]:
    """An actor as another page's data names it: type, name, summary and its page here."""
    return {
        "@type": schema_type(actor),
        "name": actor.name,
        "description": actor.summary,
        "url": links.actor(actor.id),
    }


def _date(text: str) -> dict[str, str]:
    return {"datePublished": text} if _ISO_DATE.match(text) else {}


def explainer_json_ld(
    newsroom: Newsroom, explainer: Explainer, utterances: list[list[Quote]], links: Links
) -> dict[str, Any]:
    """The explainer as a NewsArticle with its actors as ``mentions``, and one Quotation per utterance.

    ``utterances`` are the article's quotes grouped as the page shows them
    (one card, one Quotation).
    """
    meta = explainer.article.meta
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": ARTICLE_ID,
        "headline": explainer.article.title,
        **({"description": meta.summary} if meta.summary else {}),
        **_date(meta.date),
        **({"author": {"@type": "Person", "name": meta.author}} if meta.author else {}),
        **({"publisher": {"@type": "Organization", "name": meta.publisher}} if meta.publisher else {}),
        **({"isBasedOn": url} if (url := safe_url(meta.url)) else {}),
        **({"keywords": list(meta.topics)} if meta.topics else {}),
        "mentions": [_actor_ref(newsroom.actors[actor_id], links) for actor_id in explainer.actor_ids],
    }
    quotations = [_quotation(newsroom, segments, links) for segments in utterances]
    return {"@context": "https://schema.org", "@graph": [article, *quotations]}


def _quotation(newsroom: Newsroom, segments: list[Quote], links: Links) -> dict[str, Any]:
    quote = segments[0]
    quotation: dict[str, Any] = {
        "@type": "Quotation",
        "text": " … ".join(q.text.rstrip().rstrip(",;") for q in segments),
        "url": f"#{quote.id if quote.start >= 0 else quote.paragraph}",
        "isPartOf": {"@id": ARTICLE_ID},
    }
    actor = newsroom.actors.get(quote.actor_id) if quote.actor_id else None
    if actor is not None:
        quotation["spokenByCharacter"] = _actor_ref(actor, links)
    elif quote.speaker:
        quotation["spokenByCharacter"] = {"@type": "Person", "name": quote.speaker}
    return quotation


def actor_json_ld(actor: Actor) -> dict[str, Any]:
    """The actor as its kind's schema.org type, with its other names and its pages elsewhere."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type(actor),
        "name": actor.name,
        "description": actor.summary,
    }
    if actor.aliases:
        data["alternateName"] = list(actor.aliases)
    if urls := same_as(actor):
        data["sameAs"] = urls
    return data
