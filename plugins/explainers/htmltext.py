"""The article inside a saved web page, found and cleaned with BeautifulSoup."""

from __future__ import annotations

import re
from typing import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Elements whose content is never article text, and can run code or load things.
_DROPPED = ("script", "style", "iframe", "noscript", "template", "object", "embed", "frame", "frameset")
# Page furniture around an article body.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "figure", "svg", "dialog")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dd", "dt", "td", "th")
_SPACE = re.compile(r"\s+")
# Elements that separate the loose text before and after them.
_CONTAINERS = ("div", "section", "article", "main", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "hr")


def sanitize(soup: BeautifulSoup | Tag) -> None:
    """Drop executable elements, event-handler attributes and ``javascript:`` URLs in place."""
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    for tag in soup.find_all(True):
        for name in list(tag.attrs):
            value = tag.attrs[name]
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                del tag.attrs[name]
            elif re.sub(r"[\s\x00-\x1f]", "", text).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                del tag.attrs[name]


def _text(tag: Tag) -> str:
    # No separator between inline elements: "<b>para</b>graph" is one word.
    return _SPACE.sub(" ", tag.get_text()).strip()


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
    body = soup.body or soup
    # The largest text block: the element whose own paragraphs hold the most text.
    best, best_len = body, 0
    for candidate in body.find_all(["div", "section", "td"]):
        own = sum(len(p.get_text()) for p in candidate.find_all("p", recursive=False))
        if own > best_len:
            best, best_len = candidate, own
    return best if best_len else body


def _blocks(element: Tag) -> Iterator[tuple[str, str]]:
    """(kind, text) of each block, in order, including text loose in a ``div``.

    Text outside any paragraph (``<div>Text<br>more</div>``) becomes a
    paragraph of its own, so that no word of the article is lost.
    """
    loose: list[str] = []

    def flush() -> Iterator[tuple[str, str]]:
        text = _SPACE.sub(" ", "".join(loose)).strip()
        loose.clear()
        if text:
            yield ("paragraph", text)

    for child in element.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment):
                loose.append(str(child))
        elif isinstance(child, Tag) and child.name in _BLOCKS:
            yield from flush()
            text = _text(child)
            if text:
                yield ("heading" if child.name[0] == "h" and child.name[1:].isdigit() else "paragraph", text)
        elif isinstance(child, Tag) and child.find(_BLOCKS + _CONTAINERS) is None and child.name not in _CONTAINERS:
            loose.append(child.get_text())  # an inline element: part of the loose text around it
        elif isinstance(child, Tag):
            yield from flush()
            yield from _blocks(child)
    yield from flush()


def html_article(html: str) -> tuple[dict, list[tuple[str, str]]]:
    """Metadata and (kind, text) blocks of the article in an HTML page."""
    soup = BeautifulSoup(html, "html.parser")
    sanitize(soup)
    for line_break in soup.find_all("br"):
        line_break.replace_with(" ")
    fields = {
        "title": _meta(soup, "og:title") or (_text(soup.title) if soup.title else ""),
        "date": _meta(soup, "article:published_time", "date", "dc.date")[:10],
        "publisher": _meta(soup, "og:site_name"),
        "url": _meta(soup, "og:url"),
        "author": _meta(soup, "author", "article:author"),
        "summary": _meta(soup, "description", "og:description"),
    }
    canonical = soup.find("link", rel="canonical")
    if not fields["url"] and isinstance(canonical, Tag) and canonical.get("href"):
        fields["url"] = str(canonical["href"])
    main = _main_content(soup)
    for tag in main.find_all(_FURNITURE):
        tag.decompose()
    h1 = main.find("h1") or soup.find("h1")
    if isinstance(h1, Tag) and _text(h1):
        fields["title"] = _text(h1)
    blocks = list(_blocks(main))
    return {k: v for k, v in fields.items() if v}, blocks
