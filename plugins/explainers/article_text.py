"""An article's paragraphs as Markdown: escaped text, the source's formatting, quote anchors.

The Markdown extension links actor mentions in what this writes, so
formatting must arrive as elements it understands: source links become
Markdown links (the linker never puts a link inside one), images Markdown
images, emphasis ``<em>``/``<strong>`` around escaped text. Quotes are
``<span class="xp-quote" id="q-N">``. Overlapping ranges are cut so that
every tag closes inside the one around it: a quote holds links, a link
holds strong, strong holds emphasis.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Iterable, Iterator

from .model import Block, Mark, Quote
from .render import esc, escape_inline, markdown_heading

# Characters that would end or break a Markdown link destination; percent-encoded they mean the same URL.
_URL_UNSAFE = re.compile(r"[\s()<>\[\]`\\\"'*_{}|^~!$]")
_NESTING = ("quote", "link", "strong", "em")  # outermost first

Wrapper = tuple[str, str]  # (kind, what: the quote id or link URL)


def _md_url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def _open(wrapper: Wrapper) -> str:
    kind, what = wrapper
    if kind == "quote":
        return f'<span class="xp-quote" id="{esc(what)}">'
    return "[" if kind == "link" else f"<{kind}>"


def _close(wrapper: Wrapper) -> str:
    kind, what = wrapper
    if kind == "quote":
        return "</span>"
    return f"]({_md_url(what)})" if kind == "link" else f"</{kind}>"


def _image(mark: Mark) -> str:
    return f"![{escape_inline(mark.alt).strip()}]({_md_url(mark.url)})"


def _ranges(block: Block, quotes: Iterable[Quote]) -> list[tuple[int, int, Wrapper]]:
    ranges: list[tuple[int, int, Wrapper]] = []
    position = 0
    for quote in sorted((q for q in quotes if 0 <= q.start < q.end <= len(block.text)), key=lambda q: q.start):
        if quote.start >= position:  # overlapping quotes: keep the first
            ranges.append((quote.start, quote.end, ("quote", quote.id)))
            position = quote.end
    for mark in block.marks:
        if mark.kind != "image" and 0 <= mark.start < mark.end <= len(block.text):
            ranges.append((mark.start, mark.end, (mark.kind, mark.url)))
    return ranges


def _wrappers_at(ranges: list[tuple[int, int, Wrapper]], start: int, end: int) -> list[Wrapper]:
    """The wrappers around the text between two cuts, outermost first, one of each kind."""
    by_kind: dict[str, Wrapper] = {}
    for r_start, r_end, wrapper in ranges:
        if r_start <= start and end <= r_end:
            by_kind.setdefault(wrapper[0], wrapper)  # the first link wins where links overlap
    return [by_kind[kind] for kind in _NESTING if kind in by_kind]


def _pieces(block: Block, quotes: Iterable[Quote]) -> Iterator[str]:
    text = block.text
    ranges = _ranges(block, quotes)
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
            yield escape_inline(text[cut:nxt])


def paragraph_markdown(block: Block, quotes: Iterable[Quote] = ()) -> str:
    """A paragraph's Markdown, its anchor on the line after it (attr_list)."""
    # A paragraph with nothing to show still gets its element, so its anchor is never shown as text.
    body = "".join(_pieces(block, quotes)).strip() or "<span></span>"
    return f"{body}\n{{: #{block.anchor} }}"


def blocks_markdown(blocks: Iterable[Block], quotes_of: dict[str, list[Quote]]) -> Iterator[str]:
    """Headings and paragraphs as Markdown parts; consecutive list items make one list."""
    after_list = False
    for listed, run in groupby(blocks, key=lambda b: b.listed if b.kind == "paragraph" else ""):
        if listed:
            if after_list:
                # Markdown would run two lists together; a comment between them ends the first.
                yield "<!-- -->"
            items = [paragraph_markdown(b, quotes_of.get(b.anchor, ())) for b in run]
            marker = "1." if listed == "ol" else "-"
            yield "\n".join(f"{marker} {item}" for item in items)
            after_list = True
            continue
        after_list = False
        for block in run:
            if block.kind == "heading":
                yield markdown_heading(2, block.text, block.anchor)
            else:
                yield paragraph_markdown(block, quotes_of.get(block.anchor, ()))
