"""The article inside a saved web page: sanitised with nh3, read with BeautifulSoup.

The page is first reduced by ``sanitise.clean_saved_page`` (nothing
executable survives it), then the article body is found and cut into
blocks. A block is plain text plus marks (``model.Mark``) for the emphasis,
http(s) links and images the source gave it, so that the explainer keeps
the formatting while quotes, dates and mentions are found in plain text.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

from .model import Mark, MarkKind
from .sanitise import clean_saved_page

# Page furniture around an article body.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "dialog")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dd", "dt", "td", "th", "figure")
_SPACE = re.compile(r"\s+")
# Elements that separate the loose text before and after them.
_CONTAINERS = ("div", "section", "article", "main", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "hr")
_MARKED: dict[str, MarkKind] = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.I)

Formatted = tuple[str, tuple[Mark, ...]]  # plain text and its marks
HtmlBlock = tuple[str, str, tuple[Mark, ...], str]  # (kind, text, marks, listed)


def web_url(href: str, base: str = "") -> str:
    """An absolute http(s) URL for ``href`` (relative ones resolved against ``base``), else ""."""
    href = href.strip()
    if not href:
        return ""
    url = urljoin(base, href) if base else href
    return url if _WEB_URL.match(url) else ""


class InlineText:
    """Plain text with marks, collected node by node; whitespace collapses as a browser shows it."""

    def __init__(self, base_url: str = "") -> None:
        self.base_url = base_url
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[Mark] = []
        self._ends_with_space = True  # nothing yet: a leading space is dropped

    def add_text(self, text: str) -> None:
        text = _SPACE.sub(" ", text)
        if self._ends_with_space:
            text = text.lstrip(" ")
        if text:
            self.parts.append(text)
            self.length += len(text)
            self._ends_with_space = text.endswith(" ")

    def add(self, node: PageElement) -> None:
        """Add a node: text, or an element whose formatting becomes a mark."""
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.add_text(str(node))
            return
        if not isinstance(node, Tag):
            return
        if node.name == "br":
            self.add_text(" ")
            return
        if node.name == "img":
            src = web_url(str(node.get("src") or ""), self.base_url)
            if src:
                alt = _SPACE.sub(" ", str(node.get("alt") or "")).strip()
                self.marks.append(Mark(self.length, self.length, "image", src, alt))
            return
        start = self.length
        for child in node.children:
            self.add(child)
        kind = _MARKED.get(node.name)
        url = web_url(str(node.get("href") or ""), self.base_url) if node.name == "a" else ""
        if url:
            self.marks.append(Mark(start, self.length, "link", url))
        elif kind:
            self.marks.append(Mark(start, self.length, kind))

    def result(self) -> Formatted:
        """The text, stripped, and its marks trimmed to the words they cover."""
        text = "".join(self.parts).rstrip(" ")
        marks = []
        for mark in self.marks:
            start, end = min(mark.start, len(text)), min(mark.end, len(text))
            if mark.kind == "image":
                marks.append(Mark(start, start, "image", mark.url, mark.alt))
                continue
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                marks.append(Mark(start, end, mark.kind, mark.url))
        return text, tuple(sorted(marks, key=lambda m: (m.start, -m.end)))


def formatted(nodes: Iterable[PageElement], base_url: str = "") -> Formatted:
    """The plain text and marks of a run of nodes."""
    inline = InlineText(base_url)
    for node in nodes:
        inline.add(node)
    return inline.result()


def _meta(soup: BeautifulSoup, *keys: str) -> str:
    for key in keys:
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if isinstance(tag, Tag) and tag.get("content"):
            return _SPACE.sub(" ", str(tag["content"])).strip()
    return ""


def _main_content(soup: BeautifulSoup) -> Tag:
    for selector in ("article", "main", "[role=main]"):
        found = soup.select(selector)
        if found:
            return max(found, key=lambda t: len(t.get_text()))
    # The largest text block: the element whose own paragraphs hold the most text.
    best: Tag = soup
    best_len = 0
    for candidate in soup.find_all(["div", "section", "td"]):
        own = sum(len(p.get_text()) for p in candidate.find_all("p", recursive=False))
        if own > best_len:
            best, best_len = candidate, own
    return best


def _blocks(element: Tag, base_url: str) -> Iterator[HtmlBlock]:
    """(kind, text, marks, listed) of each block, in order, including text loose in a ``div``.

    Text outside any paragraph (``<div>Text<br>more</div>``) becomes a
    paragraph of its own, so that no word of the article is lost.
    """
    loose: list[PageElement] = []

    def flush() -> Iterator[HtmlBlock]:
        text, marks = formatted(loose, base_url)
        loose.clear()
        if text or marks:
            yield ("paragraph", text, marks, "")

    for child in element.children:
        if isinstance(child, NavigableString):
            loose.append(child)
        elif isinstance(child, Tag) and child.name in _BLOCKS:
            yield from flush()
            text, marks = formatted([child], base_url)
            if child.name[0] == "h" and child.name[1:].isdigit():
                if text:
                    yield ("heading", text, (), "")
            elif text or marks:
                listed = element.name if child.name == "li" and element.name in ("ul", "ol") else ""
                yield ("paragraph", text, marks, listed)
        elif isinstance(child, Tag) and child.find(_BLOCKS + _CONTAINERS) is None and child.name not in _CONTAINERS:
            loose.append(child)  # an inline element: part of the loose text around it
        elif isinstance(child, Tag):
            yield from flush()
            yield from _blocks(child, base_url)
    yield from flush()


def html_article(html: str) -> tuple[dict, list[HtmlBlock]]:
    """Metadata and (kind, text, marks, listed) blocks of the article in an HTML page."""
    soup = BeautifulSoup(clean_saved_page(html), "html.parser")
    fields = {
        "title": _meta(soup, "og:title") or (_SPACE.sub(" ", soup.title.get_text()).strip() if soup.title else ""),
        "date": _meta(soup, "article:published_time", "date", "dc.date")[:10],
        "publisher": _meta(soup, "og:site_name"),
        "url": _meta(soup, "og:url"),
        "author": _meta(soup, "author", "article:author"),
        "summary": _meta(soup, "description", "og:description"),
    }
    canonical = soup.find("link", rel="canonical")
    if not fields["url"] and isinstance(canonical, Tag) and canonical.get("href"):
        fields["url"] = str(canonical["href"])
    fields["url"] = web_url(fields["url"])
    for head in soup.find_all(["title", "meta", "link"]):
        head.decompose()
    main = _main_content(soup)
    for tag in main.find_all(_FURNITURE):
        tag.decompose()
    h1 = main.find("h1") or soup.find("h1")
    if isinstance(h1, Tag):
        title, _ = formatted([h1])
        if title:
            fields["title"] = title
    blocks = list(_blocks(main, fields["url"]))
    return {k: v for k, v in fields.items() if v}, blocks
