"""The Markdown of every generated page: explainers, actor pages and indexes.

Each function takes the Newsroom and a ``Links`` for the page it writes and
returns Markdown. Article text is escaped Markdown (so the Markdown
extension links its mentions); everything else is escaped raw HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from .article_text import blocks_html
from .articles import slugify
from .model import Actor, Quote
from .newsroom import Explainer, Newsroom, actors_by_kind
from .render import (
    KIND_LABELS,
    SEARCH_EXCLUDE,
    Links,
    actor_link,
    esc,
    escape_markdown,
    external_link,
    markdown_heading,
    mention_tag,
    speaker_html,
)
from .sentences import sentence_around
from .structured_data import actor_json_ld, explainer_json_ld, json_ld_script
from .timeline_html import TIMELINE_URI, timeline_list

HOME_URI = "index.md"
EXPLAINERS_URI = "explainers/index.md"
ACTORS_URI = "actors/index.md"
QUOTES_URI = "quotes/index.md"


def _title(text: str) -> str:
    return f"# {escape_markdown(text)}"


# --- explainer ------------------------------------------------------------


def explainer_page(newsroom: Newsroom, explainer: Explainer, links: Links) -> str:
    """An article with its actors linked, who's who, quotes, background and related explainers."""
    article = explainer.article
    parts = [_title(article.title), _source_box(explainer)]
    quotes_by_paragraph: dict[str, list[Quote]] = defaultdict(list)
    for quote in explainer.quotes:
        quotes_by_paragraph[quote.paragraph].append(quote)
    parts.extend(
        blocks_html(
            article.blocks,
            quotes_by_paragraph,
            explainer.mentions,
            lambda mention, link: mention_tag(newsroom.actors[mention.actor_id], links, link),
        )
    )
    parts.append(markdown_heading(2, "Who’s who", "whos-who"))
    parts.append(_whos_who(newsroom, explainer, links))
    if explainer.quotes:
        parts.append(markdown_heading(2, "Quotes in this article", "quotes"))
        parts.append(quote_cards(newsroom, explainer.quotes, links, show_article=False))
    if explainer.timeline:
        parts.append(markdown_heading(2, "Background", "background"))
        parts.append(timeline_list(newsroom, explainer.timeline, links, explainer, searchable=False))
    related = newsroom.related(explainer)
    if related:
        parts.append(markdown_heading(2, "Related explainers", "related"))
        items = "".join(
            f'<li><a href="{esc(links.explainer(other.slug))}">{esc(other.article.title)}</a> '
            f'<span class="xp-note">({shared} shared actor{"s" if shared > 1 else ""})</span></li>'
            for other, shared in related
        )
        parts.append(f'<ul class="xp-related"{SEARCH_EXCLUDE}>{items}</ul>')
    parts.append(json_ld_script(explainer_json_ld(newsroom, explainer, utterances(explainer.quotes), links)))
    return "\n\n".join(parts) + "\n"


def _source_box(explainer: Explainer) -> str:
    meta = explainer.article.meta
    facts = []
    if meta.publisher:
        facts.append(f'<span class="xp-publisher">{esc(meta.publisher)}</span>')
    if meta.date:
        facts.append(f'<time datetime="{esc(meta.date)}">{esc(meta.date)}</time>')
    if meta.author:
        facts.append(f"by {esc(meta.author)}")
    if meta.url:
        facts.append(external_link(meta.url, "Read the original"))
    if meta.licence:
        facts.append(f'<span class="xp-licence">{esc(meta.licence)}</span>')
    summary = f"<p>{esc(meta.summary)}</p>" if meta.summary else ""
    counts = (
        f"{len(explainer.actor_ids)} actors · {len(utterances(explainer.quotes))} quotes · "
        f"{len(explainer.timeline)} background items"
    )
    line = " · ".join(facts) or "Publisher and date not recorded"
    return f'<aside class="xp-source" aria-label="Source">{summary}<p>{line}</p><p class="xp-note">{counts}</p></aside>'


def _whos_who(newsroom: Newsroom, explainer: Explainer, links: Links) -> str:
    groups: dict[str, list[Actor]] = defaultdict(list)
    for actor_id in explainer.actor_ids:
        actor = newsroom.actors[actor_id]
        groups[actor.kind].append(actor)
    if not groups:
        return '<p class="xp-note">No glossary actor is named in this article.</p>'
    sections = []
    for kind, label in KIND_LABELS.items():
        if kind in groups:
            items = "".join(
                f"<dt>{actor_link(a, links, tooltip=False)}</dt><dd>{esc(a.summary)}</dd>"
                for a in sorted(groups[kind], key=lambda a: a.name.casefold())
            )
            sections.append(f'<h3 class="xp-kind">{esc(label)}</h3><dl class="xp-whos-who">{items}</dl>')
    return f'<div class="xp-whos-who-list"{SEARCH_EXCLUDE}>' + "".join(sections) + "</div>"


# --- quotes ---------------------------------------------------------------


def utterances(quotes: tuple[Quote, ...] | list[Quote]) -> list[list[Quote]]:
    """Quotes grouped into what one speaker said at once: consecutive segments of a paragraph.

    `"…," she said, "…"` is two quotes (each has its own anchor in the text)
    but one card for the reader.
    """
    groups: list[list[Quote]] = []
    for quote in quotes:
        last = groups[-1][-1] if groups else None
        continues = (
            last is not None
            and quote.speaker is not None
            and (quote.article, quote.paragraph, quote.speaker) == (last.article, last.paragraph, last.speaker)
            and quote.cue in (None, last.cue)  # a continuation carries no cue of its own
        )
        if continues:
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _spoken(segments: list[Quote]) -> str:
    # A segment that ran on into "…," she said is cut at its comma.
    return " … ".join(esc(q.text.rstrip().rstrip(",;")) for q in segments)


def quote_cards(newsroom: Newsroom, quotes: tuple[Quote, ...] | list[Quote], links: Links, show_article: bool) -> str:
    """Cited blockquotes: the words, the speaker and role, and a link back to the paragraph."""
    cards = []
    for segments in utterances(quotes):
        quote = segments[0]
        actor = newsroom.actors.get(quote.actor_id) if quote.actor_id else None
        anchor = quote.id if quote.start >= 0 else quote.paragraph
        back = links.explainer(quote.article, anchor)
        source = newsroom.by_slug.get(quote.article)
        where = f"in “{esc(source.article.title if source else quote.article)}”" if show_article else "in the article"
        role = f', <span class="xp-role">{esc(quote.role)}</span>' if quote.role else ""
        cue = f' <span class="xp-cue">({esc(quote.cue)})</span>' if quote.cue else ""
        cards.append(
            f'<figure class="xp-quote-card" id="cite-{esc(quote.article)}-{esc(quote.id or quote.paragraph)}">'
            f'<blockquote cite="{esc(back)}"><p>{_spoken(segments)}</p></blockquote>'
            f"<figcaption>{speaker_html(quote.speaker, actor, links)}{role}{cue} · "
            f'<a href="{esc(back)}">{where}, paragraph {esc(quote.paragraph.removeprefix("p-"))}</a>'
            "</figcaption></figure>"
        )
    return f'<div class="xp-quote-list"{SEARCH_EXCLUDE}>' + "".join(cards) + "</div>"


def quotes_index_page(newsroom: Newsroom, links: Links) -> str:
    """Every quote on the site, grouped by speaker A–Z; unattributed quotes last."""
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for explainer in newsroom.explainers:
        for quote in explainer.quotes:
            by_speaker[quote.speaker or ""].append(quote)
    parts = [_title("Quotes by speaker")]
    total = sum(len(utterances(q)) for q in by_speaker.values())
    parts.append(f'<p class="xp-note">{total} quotes from {len(newsroom.explainers)} explainers.</p>')
    for speaker in sorted(by_speaker, key=lambda s: (s == "", _surname_key(s))):
        quotes = by_speaker[speaker]
        label = speaker or "Unattributed"
        parts.append(markdown_heading(2, label, "speaker-" + _anchor(label)))
        parts.append(quote_cards(newsroom, quotes, links, show_article=True))
    return "\n\n".join(parts) + "\n"


def _surname_key(name: str) -> tuple[str, str]:
    words = name.split()
    return (words[-1].casefold() if words else "", name.casefold())


def _anchor(text: str) -> str:
    return slugify(text) or "unnamed"


# --- actors ---------------------------------------------------------------


# One actor's kind, as its page names it ("People" has no singular to strip).
_KIND_SINGULAR = {"person": "Person", "organization": "Organisation", "country": "Country or government"}


def actor_page(newsroom: Newsroom, actor: Actor, links: Links) -> str:
    """Summary, description, links, mentions with context, quotes, events, co-mentions."""
    parts = [_title(actor.name)]
    as_of = f" · as of {esc(actor.as_of)}" if actor.as_of else ""
    parts.append(
        f'<p class="xp-summary">{esc(actor.summary)}</p>'
        f'<p class="xp-note">{esc(_KIND_SINGULAR.get(actor.kind, actor.kind.capitalize()))}{as_of}'
        + (f" · also called {esc(', '.join(actor.aliases))}" if actor.aliases else "")
        + "</p>"
    )
    if actor.description:
        # Editors write descriptions in Markdown; raw HTML in them is shown, not run.
        parts.append(actor.description.replace("&", "&amp;").replace("<", "&lt;"))
    if actor.links:
        items = "".join(f"<li>{_actor_link_item(label, target)}</li>" for label, target in actor.links)
        parts.append(markdown_heading(2, "Links", "links"))
        parts.append(f'<ul class="xp-links">{items}</ul>')
    mentioned = newsroom.explainers_of(actor.id)
    parts.append(markdown_heading(2, "Mentioned in", "mentioned-in"))
    if mentioned:
        contexts = "".join(_context(e, actor, links) for e in mentioned)
        parts.append(f'<ul class="xp-mentioned-in"{SEARCH_EXCLUDE}>{contexts}</ul>')
    else:
        parts.append('<p class="xp-note">No explainer mentions this actor yet.</p>')
    quotes = newsroom.quotes_of(actor.id)
    if quotes:
        parts.append(markdown_heading(2, "Quotes", "quotes"))
        parts.append(quote_cards(newsroom, quotes, links, show_article=True))
    events = sorted(newsroom.events_of(actor.id), key=lambda event: event.date.sort_key)  # sources list them by file
    if events:
        parts.append(markdown_heading(2, "Timeline", "events"))
        parts.append(timeline_list(newsroom, events, links, searchable=False))
    together = newsroom.mentioned_with(actor.id)
    if together:
        parts.append(markdown_heading(2, "Often mentioned with", "mentioned-with"))
        items = "".join(
            f'<li>{actor_link(other, links)} <span class="xp-note">({n} explainer{"s" if n > 1 else ""})</span></li>'
            for other, n in together
        )
        parts.append(f'<ul class="xp-mentioned-with">{items}</ul>')
    parts.append(json_ld_script(actor_json_ld(actor)))
    return "\n\n".join(parts) + "\n"


def _actor_link_item(label: str, target: str) -> str:
    if label == "wikidata" and not target.startswith("http"):
        return external_link(f"https://www.wikidata.org/wiki/{target}", f"Wikidata ({target})")
    return external_link(target, label.capitalize())


def _context(explainer: Explainer, actor: Actor, links: Links) -> str:
    """The explainer's title and the sentence where the actor first appears."""
    for block in explainer.article.paragraphs:
        for mention in explainer.mentions.get(block.anchor, ()):
            if mention.actor_id == actor.id:
                sentence, start, end = sentence_around(block.text, mention.start, mention.end)
                snippet = f"{esc(sentence[:start])}<mark>{esc(sentence[start:end])}</mark>{esc(sentence[end:])}"
                return (
                    f'<li><a href="{esc(links.explainer(explainer.slug, block.anchor))}">'
                    f"{esc(explainer.article.title)}</a><br><q>{snippet}</q></li>"
                )
    # Named only as a quote's speaker.
    quote = next(q for q in explainer.quotes if q.actor_id == actor.id)
    return (
        f'<li><a href="{esc(links.explainer(explainer.slug, quote.id))}">{esc(explainer.article.title)}</a>'
        " (quoted)</li>"
    )


def actors_index_page(newsroom: Newsroom, links: Links, with_pages: Collection[str] | None = None) -> str:
    """All actors by kind, each kind A–Z, with an A–Z jump list; linked when they have a page."""
    parts = [_title("Actors")]
    groups = actors_by_kind(newsroom.actors)
    jump = " · ".join(f'<a href="#{kind}">{esc(label)}</a>' for kind, label in KIND_LABELS.items() if kind in groups)
    parts.append(f'<p class="xp-note">{len(newsroom.actors)} actors: {jump}</p>')
    for kind, label in KIND_LABELS.items():
        if kind not in groups:
            continue
        parts.append(markdown_heading(2, label, kind))
        items = "".join(
            f"<dt>{_index_name(a, links, with_pages)}</dt><dd>{esc(a.summary)} "
            f'<span class="xp-note">({len(newsroom.explainers_of(a.id))} explainers)</span></dd>'
            for a in groups[kind]
        )
        # Each entry's name and summary are searchable on its own page; a glossary of thousands
        # would otherwise make this one page a large share of the search index.
        parts.append(f'<dl class="xp-actor-index"{SEARCH_EXCLUDE}>{items}</dl>')
    return "\n\n".join(parts) + "\n"


def _index_name(actor: Actor, links: Links, with_pages: Collection[str] | None) -> str:
    if with_pages is None or actor.id in with_pages:
        return actor_link(actor, links, tooltip=False)
    return f'<span class="xp-actor-name">{esc(actor.name)}</span>'


# --- home -----------------------------------------------------------------


def home_page(newsroom: Newsroom, links: Links, site_name: str) -> str:
    """The explainers, newest first, with their actors and quotes counted."""
    parts = [_title(site_name or "Explainers")]
    explainers = sorted(newsroom.explainers, key=lambda e: (e.article.meta.date, e.article.title), reverse=True)
    if not explainers:
        parts.append('<p class="xp-note">No explainers yet: add an article to <code>sources/articles/</code>.</p>')
    items = []
    for explainer in explainers:
        meta = explainer.article.meta
        summary = f"<p>{esc(meta.summary)}</p>" if meta.summary else ""
        byline = " · ".join(esc(x) for x in (meta.publisher, meta.date) if x)
        items.append(
            f'<li><a href="{esc(links.explainer(explainer.slug))}"><strong>{esc(explainer.article.title)}</strong></a>'
            f'{summary}<p class="xp-note">{byline + " · " if byline else ""}'
            f"{len(explainer.actor_ids)} actors · {len(utterances(explainer.quotes))} quotes</p></li>"
        )
    parts.append('<ul class="xp-explainer-list">' + "".join(items) + "</ul>")
    parts.append(
        f'<p><a href="{esc(links.to(ACTORS_URI))}">All actors</a> · '
        f'<a href="{esc(links.to(QUOTES_URI))}">All quotes</a> · '
        f'<a href="{esc(links.to(TIMELINE_URI))}">Full timeline</a></p>'
    )
    return "\n\n".join(parts) + "\n"
