"""Properties of the core for any article text and any glossary (hypothesis).

For arbitrary input: nothing raises; every word of the source appears in
the explainer's HTML, in order; the HTML is well formed (tags balanced, no
link inside a link); quotes stay inside their paragraph; marks stay inside
their block. ``CI=true`` runs many more examples than a local run.
"""

from __future__ import annotations

import os
import posixpath
import re
from html.parser import HTMLParser

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explainers.article_text import blocks_html
from explainers.articles import RawBlock, _anchor_blocks, read_md, read_txt
from explainers.extension import ExplainersExtension, PageContext
from explainers.htmltext import html_article
from explainers.mentions import Matcher
from explainers.model import Actor, Article, ArticleMeta, Block, Mark, Quote
from explainers.newsroom import find_mentions
from explainers.quotes import extract_quotes
from explainers.render import Links, mention_tag, restore_html, set_aside_html

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Sized so that the whole module takes well under two minutes on one CI core.
PROPERTY = settings(
    max_examples=400 if IN_CI else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source"}
NAMES = ["Maduro", "Nicolás Maduro", "Guaidó", "Juan Guaidó", "Ramirez", "Elena Ramirez", "Carlos Ramirez", "the"]
# Text that looks like news: names, speech, quotes of every kind, Markdown and HTML syntax, odd characters.
PIECES = st.sampled_from(
    [
        *NAMES,
        *("said", "says", "he", "she", "told", "2019", "in 2014", "since", ",", ".", "!", "?", ":", ";"),
        *('"', "“", "”", "‘", "’", "'", "«", "»", "—", "-", " - ", "(", ")", "*", "**", "_", "`", "#", "> ", "1. "),
        *("<", ">", "&", "&amp;", "<script>", "</a>", "[x](javascript:1)", "{: #x }", ":smile:", "\\", "|", "~"),
        *("\x02", "\x03", "\x00", "\u2028", "\xa0", "\t", "é", "ß", "中文", "🙂", "Z\u0301"),
    ]
)
WORDS = st.from_regex(r"[A-Za-zÀ-ÿ0-9_]{1,8}", fullmatch=True)
LINE = st.lists(st.one_of(PIECES, WORDS), min_size=1, max_size=25).map(" ".join)
ARTICLE_TEXT = st.lists(st.one_of(LINE, st.just(""), st.text(max_size=40)), min_size=2, max_size=12).map("\n".join)


@st.composite
def glossaries(draw) -> list[Actor]:
    """Actors whose names and aliases are drawn from the same words as the articles, shared ones included."""
    actors = []
    for number in range(draw(st.integers(0, 5))):
        name = draw(st.one_of(st.sampled_from(NAMES), WORDS))
        aliases = tuple(draw(st.lists(st.one_of(st.sampled_from(NAMES), WORDS), max_size=3)))
        actors.append(Actor(f"a{number}", name, "person", f"Summary <b>{number}</b> \"'&", aliases=aliases))
    return actors


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


class Balance(HTMLParser):
    """Fails on any end tag that does not close the element open at that point, and on a link in a link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and "a" in self.stack:
            self.errors.append("a link inside a link")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
        else:
            self.stack.pop()


def assert_well_formed(html: str) -> None:
    checker = Balance()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack, html)


def render(blocks: tuple[Block, ...], actors: list[Actor], quotes: list[Quote] = ()) -> str:
    """The explainer's article text as a reader gets it: paragraphs as HTML with the newsroom's
    mentions; headings through Markdown, the mention linker and the sanitiser."""
    quotes_of: dict[str, list[Quote]] = {}
    for quote in quotes:
        quotes_of.setdefault(quote.paragraph, []).append(quote)
    mentions = find_mentions(article_of(blocks), Matcher(actors), False, []).mentions
    by_id = {a.id: a for a in actors}
    links = Links("explainers/story.md", lambda here, there: posixpath.relpath(there, posixpath.dirname(here)))
    text = blocks_html(blocks, quotes_of, mentions, lambda m, link: mention_tag(by_id[m.actor_id], links, link))
    source, fragments = set_aside_html("\n\n".join(text))
    extension = ExplainersExtension(actors=actors)
    extension.page = PageContext(uri="explainers/story.md", untrusted=True)
    md = markdown.Markdown(extensions=["attr_list", "toc", extension])
    return restore_html(md.convert(source), fragments)


def article_of(blocks: tuple[Block, ...]) -> Article:
    return Article("story", "story.txt", ArticleMeta(title="Story"), blocks)


@PROPERTY
@given(text=ARTICLE_TEXT, actors=glossaries())
@example(text="\x02\nMaduro", actors=[])  # a first line of control characters only: the title is "Maduro"
def test_every_word_of_a_text_article_reaches_the_page_in_order(text, actors):
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # line breaks, as every source is read
    problems: list = []
    meta, raw = read_txt(text, "story.txt", problems)
    blocks = _anchor_blocks(raw)
    article = article_of(blocks)
    matcher = Matcher(actors)
    explainer = find_mentions(article, matcher, False, problems)
    quotes = extract_quotes(article, matcher.sole_owner)
    html = render(blocks, actors, quotes)
    assert_well_formed(html)
    shown = BeautifulSoup(html, "html.parser").get_text().replace("¶", " ")
    # Control characters are not text; the first line with text is the title, the rest the page.
    assert words(meta.get("title", "") + "\n" + shown) == words(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text))
    for anchor, mentions in explainer.mentions.items():
        block = next(b for b in blocks if b.anchor == anchor)
        for mention in mentions:
            assert block.text[mention.start : mention.end] == mention.alias


@PROPERTY
@given(text=ARTICLE_TEXT)
def test_quotes_stay_within_their_paragraph(text):
    _, raw = read_txt(text, "story.txt", [])
    blocks = _anchor_blocks(raw)
    paragraphs = {b.anchor: b for b in blocks if b.kind == "paragraph"}
    for quote in extract_quotes(article_of(blocks)):
        block = paragraphs[quote.paragraph]
        assert 0 <= quote.start < quote.end <= len(block.text)
        assert quote.text.strip(" ,;") in block.text[quote.start : quote.end]


@st.composite
def formatted_blocks(draw) -> tuple[Block, ...]:
    """Paragraphs and list items with arbitrary, overlapping marks and quote spans."""
    blocks = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        text = draw(LINE)
        marks = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            kind = draw(st.sampled_from(["em", "strong", "link", "image"]))
            url = draw(st.sampled_from(["https://example.org/a b", "http://x.org/(p)?q=1&r=*_", "https://x.org/]"]))
            if kind == "image":
                marks.append(Mark(start, start, "image", url, draw(LINE)))
            elif start < end:
                marks.append(Mark(start, end, kind, url if kind == "link" else ""))
        listed = draw(st.sampled_from(["", "", "ul", "ol"]))
        blocks.append(Block("paragraph", text, f"p-{number}", marks=tuple(marks), listed=listed))
    return tuple(blocks)


@PROPERTY
@given(blocks=formatted_blocks(), actors=glossaries(), data=st.data())
def test_formatting_and_quotes_nest_and_keep_every_word(blocks, actors, data):
    quotes = []
    for block in blocks:
        if block.text and data.draw(st.booleans()):
            start = data.draw(st.integers(0, len(block.text) - 1))
            end = data.draw(st.integers(start + 1, len(block.text)))
            said, quote_id = block.text[start:end], f"q-{len(quotes) + 1}"
            quotes.append(Quote(said, None, None, None, None, "story", block.anchor, start, end, quote_id))
    html = render(blocks, actors, quotes)
    assert_well_formed(html)
    soup = BeautifulSoup(html, "html.parser")
    source = " ".join(re.sub(r"[\x00-\x1f]", "", b.text) for b in blocks)
    assert words(soup.get_text().replace("¶", " ")) == words(source)
    for block in blocks:
        shown = soup.find(id=block.anchor)
        assert shown is not None and shown.name == ("li" if block.listed else "p")
        assert len(shown.find_all("img")) == len([m for m in block.marks if m.kind == "image"])
        links = {m.url for m in block.marks if m.kind == "link"}
        assert {a["href"] for a in shown.find_all("a") if "xp-actor" not in a.get("class", [])} <= {
            re.sub(r"[ ()\[\]*_]", lambda c: f"%{ord(c.group()):02X}", url) for url in links
        }


HTML_TEXT = st.lists(WORDS, min_size=1, max_size=4).map(lambda ws: " " + " ".join(ws) + " ")
INLINE_TAGS = ["em", "strong", "b", "i", "span", 'a href="https://x.org/p"', 'a href="javascript:alert(1)"', "code"]
BLOCK_TAGS = ["p", "div", "section", "li", "ul", "ol", "h2", "blockquote", "td", "figure", "figcaption"]


def html_trees() -> st.SearchStrategy[tuple[str, list[str]]]:
    """Random nested HTML and the words a reader should get from it, in order."""
    leaves = st.one_of(
        HTML_TEXT.map(lambda t: (t, words(t))),
        st.just(("<br>", [])),
        st.just(('<img src="https://x.org/i.png" alt="pic">', [])),
        st.just(("<script> hidden words </script>", [])),
        st.just(('<img src="x" onerror="alert(1)">', [])),
    )

    def wrap(children: st.SearchStrategy) -> st.SearchStrategy:
        def join(tag: str, kids: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
            name = tag.split()[0]
            return f"<{tag}>" + "".join(k[0] for k in kids) + f"</{name}>", [w for k in kids for w in k[1]]

        return st.builds(join, st.sampled_from(INLINE_TAGS + BLOCK_TAGS), st.lists(children, min_size=1, max_size=4))

    return st.recursive(leaves, wrap, max_leaves=25)


@PROPERTY
@given(tree=html_trees())
def test_html_reader_keeps_every_word_in_order_and_marks_in_bounds(tree):
    html, expected = tree
    _, blocks = html_article(f"<html><body><article>{html}</article></body></html>")
    assert [w for _, text, _, _ in blocks for w in words(text)] == expected
    for _, text, marks, _ in blocks:
        for mark in marks:
            assert 0 <= mark.start <= mark.end <= len(text)
            assert mark.url.startswith("https://") or (mark.kind != "link" and not mark.url)


@PROPERTY
@given(lines=st.lists(st.one_of(LINE, st.just(""), st.sampled_from(["- item", "1. item", "# Heading", "```"]))))
def test_markdown_reader_never_raises_and_marks_stay_in_bounds(lines):
    problems: list = []
    _, raw = read_md("\n".join(lines), "story.md", problems)
    for block in raw:
        assert isinstance(block, RawBlock)
        for mark in block.marks:
            assert 0 <= mark.start <= mark.end <= len(block.text)
