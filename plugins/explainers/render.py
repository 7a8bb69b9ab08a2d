"""Small pieces of page markup, with every source string escaped on the way in.

Generated pages are Markdown whose article text is escaped so that nothing
in it is read as Markdown or HTML, and whose structured parts (source box,
who's who, quotes, timelines) are raw HTML built here with ``html.escape``.
The formatting a source gave its text (``model.Mark``) is written back as
Markdown links and images and as ``<em>``/``<strong>`` around escaped text
(``article_text.py``). Whatever Markdown makes of a generated page is then
passed through nh3 (``restore_html``) before the page is written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .model import Actor
from .sanitise import clean_page_html

# Characters that start Markdown or HTML syntax anywhere in a line. Written as
# numeric character references they are plain text to Markdown, and the
# reader sees the same character.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&{}~^=|$:!#+@]")
# Control characters are not text; STX and ETX would be read as Python-Markdown's own placeholders.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
# What starts a block when it opens a line: lists, quotes, headings, indents.
_LINE_START_SYNTAX = re.compile(r"^(\s*)([-+*>#]|\d+(?=[.)]))")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.I)


# Material's search leaves out an element with this attribute. Generated pages repeat what
# other pages hold (summaries, quotes, events, sentences); indexed once, search finds each
# thing once, and the index a reader downloads stays the size of the newsroom's own text.
SEARCH_EXCLUDE = " data-search-exclude"


def escape_markdown(text: str) -> str:
    """Text that Markdown will show exactly as written, on one line.

    Colons and exclamation marks are escaped too: Material sites often
    enable emoji shortcodes (``:flag:``) and image syntax.
    """
    return escape_inline(text).strip()


def escape_inline(text: str) -> str:
    """Like ``escape_markdown``, for a piece of a line: a space at either end is kept, as one space."""
    text = _INLINE_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", one_line(text))
    # A digit is escaped too so that "2019. A year…" is not read as a list item.
    return _LINE_START_SYNTAX.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


def escape_text(text: str) -> str:
    """A piece of a line as HTML text, spaced as ``escape_inline`` spaces it for Markdown."""
    return esc(one_line(text))


def one_line(text: str) -> str:
    """Text without control characters, every run of spaces and line breaks one space."""
    return _SPACES.sub(" ", _CONTROL.sub("", text))


def esc(text: object) -> str:
    """Escape text for HTML content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def template_title(title: str) -> str:
    """A page title for theme templates that insert it unescaped: entities resolved once, then escaped."""
    return html.escape(html.unescape(title), quote=True)


def safe_url(url: str) -> str | None:
    """The URL if it is a web or mail address; sources may not link to anything else."""
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def external_link(url: str, label: str) -> str:
    """A link out of the site, or just the label when the URL is not safe."""
    href = safe_url(url)
    if href is None:
        return esc(label)
    return f'<a href="{esc(href)}" rel="noopener nofollow">{esc(label)}</a>'


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page being written to other pages of the site.

    ``url_of(from_uri, to_uri)`` is given by the host (the MkDocs plugin),
    which knows whether the site uses directory URLs.
    """

    page: str
    url_of: Callable[[str, str], str]

    def to(self, uri: str, anchor: str = "") -> str:
        url = "" if uri == self.page else self.url_of(self.page, uri)
        return f"{url}#{anchor}" if anchor else (url or "#")

    def actor(self, actor_id: str, anchor: str = "") -> str:
        return self.to(actor_uri(actor_id), anchor)

    def explainer(self, slug: str, anchor: str = "") -> str:
        return self.to(explainer_uri(slug), anchor)


def actor_uri(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def explainer_uri(slug: str) -> str:
    return f"explainers/{slug}.md"


def actor_link(actor: Actor, links: Links, label: str | None = None, *, tooltip: bool = True) -> str:
    """A link to an actor page whose title is the summary: Material shows it as a tooltip.

    ``tooltip=False`` where the summary is printed next to the link anyway.
    On the actor's own page the name is shown plain: a page never links to itself.
    """
    if links.page == actor_uri(actor.id):
        return f'<strong class="xp-self">{esc(label or actor.name)}</strong>'
    return f"<a {_actor_link_attributes(actor, links, tooltip)}>{esc(label or actor.name)}</a>"


def mention_tag(actor: Actor, links: Links, link: bool) -> str:
    """The opening tag around an actor's mention in article text, as the Markdown extension writes it.

    The first mention on a page links to the actor; later ones carry only the tooltip.
    """
    if link:
        return f"<a {_actor_link_attributes(actor, links)}>"
    return f'<span class="xp-mention" title="{esc(actor.summary)}" data-actor="{esc(actor.id)}">'


def _actor_link_attributes(actor: Actor, links: Links, tooltip: bool = True) -> str:
    title = f' title="{esc(actor.summary)}"' if tooltip else ""
    return f'class="xp-actor" href="{esc(links.actor(actor.id))}"{title} data-actor="{esc(actor.id)}"'


def speaker_html(name: str | None, actor: Actor | None, links: Links) -> str:
    """The speaker of a quote: linked when in the glossary, plain otherwise."""
    if actor is not None:
        return actor_link(actor, links, name or actor.name)
    return f'<span class="xp-speaker">{esc(name)}</span>' if name else '<span class="xp-speaker">Unattributed</span>'


KIND_LABELS = {
    "person": "People",
    "organization": "Organisations",
    "country": "Countries and governments",
    "place": "Places",
    "group": "Groups",
    "event": "Events",
    "concept": "Concepts",
}


def markdown_heading(level: int, text: str, anchor: str) -> str:
    """A Markdown heading with a fixed anchor (attr_list), its text escaped."""
    return f"{'#' * level} {escape_markdown(text)} {{: #{anchor} }}"


# The anchor line that ends every block of article text; escaped text never has "{".
_ANCHOR_LINE = re.compile(r"\{: #[\w-]+ \}$")


def set_aside_html(markdown: str) -> tuple[str, dict[str, str]]:
    """Replace the raw HTML blocks of a generated page with placeholder paragraphs.

    Python-Markdown re-parses raw HTML blocks with its HTML parser, which
    dominated build time on large sites; our blocks are finished HTML, so
    they skip Markdown and are put back with ``restore_html``. A block is
    ours when it starts with "<" and is not article text, which may start
    with ``<em>`` or a quote's ``<span>`` but always ends with its anchor.
    """
    parts = markdown.split("\n\n")
    fragments: dict[str, str] = {}
    for index, part in enumerate(parts):
        if part.startswith("<") and not _ANCHOR_LINE.search(part):
            token = f"XPHTML{len(fragments)}X"  # the shape _SET_ASIDE and _HELD look for
            fragments[token] = part
            parts[index] = token
    return "\n\n".join(parts), fragments


def restore_html(html: str, fragments: dict[str, str]) -> str:
    """The finished HTML of a generated page.

    What Markdown made of the page (article text, headings, glossary
    descriptions) is sanitised with nh3 first; then the blocks set aside by
    ``set_aside_html``, built here with every source string escaped, are put
    back (they include the JSON-LD script, which the allowlist would drop).
    """
    return _swap_once(_SET_ASIDE, clean_page_html(html), fragments)


# Blocks that search must not read: marked as such, or scripts (the JSON-LD).
_UNSEARCHED = re.compile(r"^(?:<[^>]*\bdata-search-exclude\b[^>]*>|<script\b)")


def split_for_search(fragments: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The set-aside blocks search reads, and those it skips.

    MkDocs holds every page's HTML until the build ends, and the skipped
    blocks (who's who, quote cards, background, JSON-LD) are most of an
    explainer's. They go into the page only when it is written
    (``put_back``), after search has read it.
    """
    now = {t: f for t, f in fragments.items() if not _UNSEARCHED.match(f)}
    later = {t: f for t, f in fragments.items() if _UNSEARCHED.match(f)}
    return now, later


def hold_places(html: str, tokens: Iterable[str]) -> str:
    """Placeholders for blocks put back later, hidden from search meanwhile."""
    return _swap_once(_SET_ASIDE, html, {token: _held(token) for token in tokens})


def put_back(output: str, later: dict[str, str]) -> str:
    """The written page with the blocks ``split_for_search`` held back."""
    return _swap_once(_HELD, output, later)


_SET_ASIDE = re.compile(r"<p>(XPHTML\d+X)</p>")
_HELD = re.compile(r"<div data-search-exclude hidden>(XPHTML\d+X)</div>")


def _swap_once(placeholder: re.Pattern[str], html: str, blocks: dict[str, str]) -> str:
    """Each placeholder's first occurrence replaced by its block, in one pass over the page.

    A page can hold thousands of blocks (the quotes index), and replacing
    them one by one rescanned the whole page for each.
    """
    waiting = dict(blocks)

    def swap(match: re.Match[str]) -> str:
        return waiting.pop(match.group(1), match.group())

    return placeholder.sub(swap, html)


def _held(token: str) -> str:
    return f"<div data-search-exclude hidden>{token}</div>"
