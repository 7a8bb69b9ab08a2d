"""Which pages the site generates from ``sources/``, and what each one needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Collection

from .newsroom import Newsroom
from .pages import (
    ACTORS_URI,
    EXPLAINERS_URI,
    HOME_URI,
    QUOTES_URI,
    actor_page,
    actors_index_page,
    explainer_page,
    home_page,
    quotes_index_page,
)
from .render import Links, actor_uri, explainer_uri, set_aside_html
from .timeline_html import timeline_kinds, timeline_page, timeline_uri

UrlOf = Callable[[str, str], str]


@dataclass(frozen=True)
class GeneratedPage:
    """A page to generate: where it goes, how to write it, and what it is about."""

    uri: str
    write: Callable[[Links], str]
    source: str = ""  # the file an editor changes to change this page (its edit link)
    actor: str | None = None  # the actor an actor page is about: not linked on its own page
    ignore: frozenset[str] = frozenset()  # aliases the article's sidecar says not to link
    hidden: bool = False  # reachable through links and indexes, not listed in the navigation

    def render(self, url_of: UrlOf) -> tuple[str, dict[str, str]]:
        """The page's Markdown, and the HTML blocks set aside from it (see ``set_aside_html``)."""
        return set_aside_html(self.write(Links(self.uri, url_of)))


def generated_pages(
    newsroom: Newsroom, *, with_home: bool, site_name: str = "", named_elsewhere: Collection[str] = ()
) -> list[GeneratedPage]:
    """Every page the newsroom's sources make, in a stable order.

    An actor gets a page when the sources name them (``Newsroom.actors_on_record``)
    or a hand-written page does (``named_elsewhere``). A glossary of thousands
    of entries, most of them not in the news this year, then costs the build
    their index entries, not thousands of empty pages.
    """
    with_pages = newsroom.actors_on_record | set(named_elsewhere)
    pages = []
    if with_home:
        pages.append(GeneratedPage(HOME_URI, partial(home_page, newsroom, site_name=site_name)))
    pages.append(GeneratedPage(EXPLAINERS_URI, partial(home_page, newsroom, site_name="Explainers")))
    for explainer in newsroom.explainers:
        pages.append(
            GeneratedPage(
                explainer_uri(explainer.slug),
                partial(explainer_page, newsroom, explainer),
                source=explainer.article.path,
                ignore=explainer.ignored,
                hidden=True,  # the home page lists them; a sidebar of every explainer would not scale
            )
        )
    pages.append(GeneratedPage(ACTORS_URI, partial(actors_index_page, newsroom, with_pages=with_pages)))
    for actor in (a for a in newsroom.actors.values() if a.id in with_pages):
        pages.append(
            GeneratedPage(
                actor_uri(actor.id),
                partial(actor_page, newsroom, actor),
                source=actor.path,
                actor=actor.id,
                hidden=True,
            )
        )
    pages.append(GeneratedPage(QUOTES_URI, partial(quotes_index_page, newsroom)))
    pages.append(GeneratedPage(timeline_uri(), partial(timeline_page, newsroom)))
    for kind in timeline_kinds(newsroom):
        pages.append(GeneratedPage(timeline_uri(kind), partial(timeline_page, newsroom, kind=kind), hidden=True))
    return pages
