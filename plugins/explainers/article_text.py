"""An article's paragraphs as a reader gets them: escaped text, the source's formatting, quotes, mentions.

An explainer's paragraphs are written as finished HTML: the newsroom has
already found their mentions, and Python-Markdown parsing a thousand
articles' text again was the largest part of a build. Every string is
escaped here and a source's URLs must be http(s), so the text needs no
sanitiser. Headings stay Markdown: they make the page's table of contents.

Quotes are ``<span class="xp-quote" id="q-N">``. Overlapping ranges are cut
so that every tag closes inside the one around it: a quote holds links, a
link holds strong, strong holds emphasis, emphasis holds a mention. A
mention is never linked inside a source's own link.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from .model import Block, Mark, Mention, Quote
from .render import esc, escape_text, markdown_heading, safe_url

# Characters that do not belong in a URL as written; percent-encoded they mean the same URL.
_URL_UNSAFE = re.compile(r"[\s()<>\[\]`\\\"'*_{}|^~!$]")
_NESTING = ("quote", "link", "strong", "em", "mention")  # outermost first

Wrapper = tuple[str, str]  # (kind, what: the quote id, the link URL, or a mention's opening tag)
MentionTag = Callable[[Mention, bool], str]  # the opening tag of a mention, linked or not


def _encoded(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def _open(wrapper: Wrapper) -> str:
    kind, what = wrapper
    if kind == "quote":
        return f'<span class="xp-quote" id="{esc(what)}">'
    if kind == "link":
        return f'<a href="{esc(what)}">'
    return what if kind == "mention" else f"<{kind}>"


def _close(wrapper: Wrapper) -> str:
    kind, what = wrapper
    if kind == "link":
        return "</a>"
    if kind == "mention":
        return "</a>" if what.startswith("<a ") else "</span>"
    return "</span>" if kind == "quote" else f"</{kind}>"


def _image(mark: Mark) -> str:
    url = safe_url(mark.url)
    alt = escape_text(mark.alt).strip()
    return f'<img alt="{alt}" src="{esc(_encoded(url))}">' if url else alt


def _ranges(block: Block, quotes: Iterable[Quote]) -> list[tuple[int, int, Wrapper]]:
    """Quotes and the source's formatting; a link whose URL is not safe is left out, its text kept."""
    ranges: list[tuple[int, int, Wrapper]] = []
    position = 0
    for quote in sorted((q for q in quotes if 0 <= q.start < q.end <= len(block.text)), key=lambda q: q.start):
        if quote.start >= position:  # overlapping quotes: keep the first
            ranges.append((quote.start, quote.end, ("quote", quote.id)))
            position = quote.end
    for mark in block.marks:
        if mark.kind == "image" or not 0 <= mark.start < mark.end <= len(block.text):
            continue
        if mark.kind == "link":
            url = safe_url(mark.url)
            if url:
                ranges.append((mark.start, mark.end, ("link", _encoded(url))))
        else:
            ranges.append((mark.start, mark.end, (mark.kind, "")))
    return ranges


def _mentions_shown(block: Block, ranges: list[tuple[int, int, Wrapper]], mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that can be wrapped whole: none inside a source's link, none cut by formatting."""
    links = [(start, end) for start, end, (kind, _) in ranges if kind == "link"]
    cuts = {c for start, end, _ in ranges for c in (start, end)} | {m.start for m in block.marks if m.kind == "image"}
    return [
        m
        for m in mentions
        if 0 <= m.start < m.end <= len(block.text)
        and not any(start < m.end and m.start < end for start, end in links)
        and not any(m.start < c < m.end for c in cuts)
    ]


def _wrappers_at(ranges: list[tuple[int, int, Wrapper]], start: int, end: int) -> list[Wrapper]:
    """The wrappers around the text between two cuts, outermost first, one of each kind."""
    by_kind: dict[str, Wrapper] = {}
    for r_start, r_end, wrapper in ranges:
        if r_start <= start and end <= r_end:
            by_kind.setdefault(wrapper[0], wrapper)  # the first link wins where links overlap
    return [by_kind[kind] for kind in _NESTING if kind in by_kind]


def _pieces(block: Block, ranges: list[tuple[int, int, Wrapper]]) -> Iterator[str]:
    text = block.text
    points = sorted((m for m in block.marks if m.kind == "image" and m.url), key=lambda m: m.start)
    images = {start: list(marks) for start, marks in groupby(points, key=lambda m: m.start)}
    cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges), *images})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    stack: list[Wrapper] = []
    for index, cut in enumerate(cuts):
        nxt = cuts[index + 1] if index + 1 < len(cuts) else None
        wanted = _wrappers_at(ranges, cut, nxt) if nxt is not None else []
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        # An image at a cut sits inside what stays open there; a link may not be opened around it twice.
        while len(stack) > keep:
            yield _close(stack.pop())
        yield from (_image(m) for m in images.get(cut, ()))
        for wrapper in wanted[keep:]:
            stack.append(wrapper)
            yield _open(wrapper)
        if nxt is not None:
            yield escape_text(text[cut:nxt])


def blocks_html(
    blocks: Iterable[Block],
    quotes_of: Mapping[str, Sequence[Quote]],
    mentions_of: Mapping[str, Sequence[Mention]],
    mention_tag: MentionTag,
) -> Iterator[str]:
    """Headings as Markdown (they make the page's table of contents), paragraphs and lists as HTML.

    The first mention of each actor that is shown is the one linked (or every
    one, where the newsroom links all): a mention inside a source's link is not shown.
    """
    linked: set[str] = set()

    def paragraph(block: Block) -> str:
        ranges = _ranges(block, quotes_of.get(block.anchor, ()))
        for mention in _mentions_shown(block, ranges, mentions_of.get(block.anchor, ())):
            tag = mention_tag(mention, mention.link or mention.actor_id not in linked)
            ranges.append((mention.start, mention.end, ("mention", tag)))
            linked.add(mention.actor_id)
        return "".join(_pieces(block, ranges)).strip()

    for listed, run in groupby(blocks, key=lambda b: b.listed if b.kind == "paragraph" else ""):
        if listed:
            tag = "ol" if listed == "ol" else "ul"
            items = "\n".join(f'<li id="{esc(b.anchor)}">{paragraph(b)}</li>' for b in run)
            yield f"<{tag}>\n{items}\n</{tag}>"
            continue
        for block in run:
            if block.kind == "heading":
                yield markdown_heading(2, block.text, block.anchor)
            else:
                yield f'<p id="{esc(block.anchor)}">{paragraph(block)}</p>'
