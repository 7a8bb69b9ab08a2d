"""Hostile sources: a site built from them holds no executable content, and keeps the reader's text.

Every input an editor or the web can fill is attacked at once (articles as
.txt, .md and .html, a sidecar, glossary entries, a timeline), the site is
built, and every HTML file of it is scanned as a browser would run it.
The same site also carries legitimate formatting, which must survive.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build, site_config
from explainers.articles import read_article
from explainers.glossary import load_glossary
from explainers.render import restore_html

XSS = "<script>alert('xss')</script><img src=x onerror=alert(1)>"

HOSTILE_TXT = f"""</title><script>alert('title')</script> Hostile "plain" article
Nicolás Maduro wrote {XSS} and [a link](javascript:alert(2)) in plain text.
Then <iframe src="https://evil.example/"></iframe> and javascript:alert(3) as words.
"""

HOSTILE_SIDECAR = """publisher: '<script>alert("publisher")</script>'
url: 'javascript:alert("url")'
author: '"><img src=x onerror=alert("author")>'
summary: '<svg onload=alert("summary")>'
licence: '<a href="javascript:alert(1)">CC</a>'
"""

HOSTILE_MD = """---
title: '<script>alert("md title")</script> Hostile Markdown'
url: 'javascript:alert("front matter")'
summary: '<b onmouseover=alert(1)>hover</b>'
---
# Heading with <script>alert("heading")</script> inside

Nicolás Maduro said [click me](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD4=) here.
<script>alert("raw md")</script> <img src="x" onerror="alert(5)"> <a href="jAvAsCrIpT:alert(6)">mixed case</a>.

<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay words</div>

![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNyk+) and <iframe src="https://evil.example"></iframe>
{: onclick="alert(8)" style="display:none" }

Words <object data="x.swf">object text</object> <embed src="x.swf"> after.
"""

HOSTILE_HTML = """<!doctype html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=javascript:alert(9)">
<base href="javascript:alert(10)//">
<script>alert("head")</script><style>body{display:none}</style></head>
<body onload="alert(11)"><article><h1 onclick="alert(12)">Hostile HTML</h1>
<p>Nicolás Maduro <a href="javascript:alert(13)" onmouseover="alert(14)">spoke</a> to
<a href="java&#x09;script:alert(15)">encoded</a> and <a href="&#106;avascript:alert(16)">entities</a>.</p>
<p style="position:absolute;top:0">Styled <span style="display:none">hidden</span> words.</p>
<p>A <svg onload="alert(17)"><script>alert(18)</script></svg> svg and <math><mi>x</mi></math> math.</p>
<iframe src="https://evil.example/frame"></iframe><object data="x"></object><embed src="x">
<form action="javascript:alert(19)"><button formaction="javascript:alert(20)">Go</button></form>
<p>Image <img src="data:image/png;base64,iVBORw0KGgo=" onerror="alert(21)" alt="data image"> here.</p>
<p><a href="vbscript:msgbox(22)">vb</a> <a href="  javascript:alert(23)">spaced</a></p>
</article></body></html>
"""

HOSTILE_ACTOR = """name: Nicolás Maduro
kind: person
aliases: [Maduro]
summary: '"><script>alert("summary")</script>'
description: |
  Described with [a script link](javascript:alert(24)) and <script>alert(25)</script>.

  Styled paragraph
  {: onclick="alert(26)" style="position:fixed;inset:0" class="md-dialog" id="__drawer" }

  ![tracker](data:image/gif;base64,R0lGODlhAQABAAAAACw=) and <iframe src="https://evil.example"></iframe>

  A *legitimate* description with a [real link](https://example.org/maduro).
links: {wikipedia: 'https://en.wikipedia.org/wiki/"><script>alert(27)</script>'}
"""

HOSTILE_EVENT = """- date: 2019-01-23
  title: '<script>alert("event")</script> An event'
  actors: [nicolas-maduro]
  summary: '<img src=x onerror=alert(28)>'
  source: 'javascript:alert(29)'
"""

FORMATTED_MD = """---
title: A well formatted story
url: https://news.example/story
---
# A well formatted story

Nicolás Maduro gave *an emphatic* and **strong** speech, says [the report](https://news.example/report).

- first listed point about Maduro
- second listed point

![A photo of the square](https://images.example/square.jpg)
"""

FORMATTED_HTML = """<html><head><meta property="og:url" content="https://paper.example/news/story"></head>
<body><article><h1>Formatted page</h1>
<p>Nicolás Maduro <em>insisted</em> on <strong>talks</strong>, <a href="/news/earlier">an earlier story</a> says.</p>
<ol><li>One point</li><li>Two points</li></ol>
<figure><img src="https://paper.example/photo.jpg" alt="Crowd"><figcaption>The crowd in Caracas.</figcaption></figure>
</article></body></html>
"""

# Attributes through which a URL can run code or load content.
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "srcset", "xlink:href")
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.I)


def _write_sources(target: Path) -> Path:
    shutil.copytree(ROOT / "sources" / "glossary", target / "glossary")
    (target / "articles").mkdir()
    (target / "timeline").mkdir()
    files = {
        "articles/hostile-plain.txt": HOSTILE_TXT,
        "articles/hostile-plain.yml": HOSTILE_SIDECAR,
        "articles/hostile-markdown.md": HOSTILE_MD,
        "articles/hostile-page.html": HOSTILE_HTML,
        "articles/formatted-markdown.md": FORMATTED_MD,
        "articles/formatted-page.html": FORMATTED_HTML,
        "glossary/nicolas-maduro.yml": HOSTILE_ACTOR,
        "timeline/hostile.yml": HOSTILE_EVENT,
    }
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    sources = _write_sources(tmp / "sources")
    result = mkdocs_build(site_config(tmp, sources=sources), strict=False)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def _theme_script(text: str) -> str:
    # Material's inline scripts differ from page to page only by the path to the site's root.
    return re.sub(r'"(?:\.\.|\.|/)"', '"ROOT"', text.replace("../", "").replace('"/assets', '"assets'))


def _theme_scripts(site: Path) -> set[str]:
    """The inline scripts of a hand-written page: Material's own, the same on every page."""
    soup = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {_theme_script(s.get_text()) for s in soup.find_all("script") if not s.get("src")}


def executable_content(page: BeautifulSoup, theme_scripts: set[str]) -> list[str]:
    """Everything in a built page that could run code or cover the page and is not the theme's."""
    found = []
    for script in page.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.get_text())  # data, and valid: nothing broke out of it
        elif script.get("src"):
            if not re.match(r"^(?:\.\./|/)*assets/javascripts/[\w.]+\.min\.js$", str(script["src"])):
                found.append(f"script src {script['src']}")
        elif _theme_script(script.get_text()) not in theme_scripts:
            found.append(f"inline script {script.get_text()[:60]!r}")
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}=…>")
            if name.lower() in _URL_ATTRIBUTES and _BAD_SCHEME.match(re.sub(r"[\s\x00-\x1f]", "", text)):
                found.append(f"<{tag.name} {name}={text[:40]}>")
        if tag.name in ("iframe", "object", "embed", "frame", "frameset", "base", "applet"):
            found.append(f"<{tag.name}>")
        if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
    content = page.select_one("article.md-content__inner")
    if content is not None:
        for tag in content.find_all(True):
            if tag.get("style") or tag.name == "style":
                found.append(f"<{tag.name} style> in the content")
            if any(str(c).startswith("md-") for c in tag.get("class", [])):
                found.append(f"<{tag.name} class={tag['class']}> in the content")
            if str(tag.get("id", "")).startswith("__"):
                found.append(f"<{tag.name} id={tag['id']}> in the content")
    return found


def test_no_executable_content_anywhere_in_the_hostile_site(hostile_site):
    theme_scripts = _theme_scripts(hostile_site)
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    problems = {}
    for path in pages:
        found = executable_content(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"), theme_scripts)
        if found:
            problems[str(path.relative_to(hostile_site))] = found
    assert problems == {}


def test_the_scan_finds_what_it_looks_for():
    page = BeautifulSoup(
        '<article class="md-content__inner"><script>alert(1)</script><p onclick="x">a</p>'
        '<a href=" java\tscript:x">b</a><img src="data:x"><iframe></iframe><p style="display:none">c</p>'
        '<div class="md-dialog" id="__drawer">d</div></article>',
        "html.parser",
    )
    assert len(executable_content(page, set())) == 8


def _page(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "explainers" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def _content_text(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("article.md-content__inner").get_text().split())


def test_plain_text_articles_show_hostile_markup_as_the_words_it_is(hostile_site):
    page = _page(hostile_site, "hostile-plain")
    text = _content_text(page)
    for words in ("<script>alert('xss')</script>", "[a link](javascript:alert(2))", "javascript:alert(3) as words"):
        assert words in text
    assert page.title.get_text().startswith("</title><script>alert('title')</script> Hostile")
    source = page.select_one("aside.xp-source")
    assert '<script>alert("publisher")</script>' in source.get_text()
    assert source.find("a") is None  # the javascript: original URL is not linked


def test_markdown_and_html_articles_keep_their_words_and_lose_their_code(hostile_site):
    markdown_text = _content_text(_page(hostile_site, "hostile-markdown"))
    for words in ("click me", "data", "mixed case", "overlay words", "object text", "after."):
        assert words in markdown_text
    html_text = _content_text(_page(hostile_site, "hostile-page"))
    kept = ("spoke to encoded and entities", "Styled hidden words", "A svg and math.", "Image here.", "vb spaced")
    for words in kept:
        assert words in html_text
    # Markup in .md and .html is markup: its code is dropped, not shown as text.
    assert not re.search(r"alert\((4|5|6|7|\"raw md)", markdown_text)
    assert "alert(" not in html_text.split("Who’s who")[0]


def test_glossary_fields_are_escaped_and_descriptions_sanitised(hostile_site):
    actor = BeautifulSoup((hostile_site / "actors/nicolas-maduro/index.html").read_text("utf-8"), "html.parser")
    content = actor.select_one("article.md-content__inner")
    assert '"><script>alert("summary")</script>' in content.select_one(".xp-summary").get_text()
    assert "a script link" in content.get_text() and "<script>alert(25)</script>" in content.get_text()
    styled = next(p for p in content.find_all("p") if p.get_text().strip() == "Styled paragraph")
    assert styled.attrs == {}
    assert content.select_one('a[href="https://example.org/maduro"]').get_text() == "real link"
    assert content.find("em").get_text() == "legitimate"
    explainer = _page(hostile_site, "hostile-plain")
    link = explainer.select_one("a.xp-actor[data-actor=nicolas-maduro]")
    assert link["title"] == '"><script>alert("summary")</script>'


def test_legitimate_formatting_survives(hostile_site):
    page = _page(hostile_site, "formatted-markdown").select_one("article.md-content__inner")
    first = page.select_one("p#p-1")
    assert first.select_one("em").get_text() == "an emphatic"
    assert first.select_one("strong").get_text() == "strong"
    assert first.select_one('a[href="https://news.example/report"]').get_text() == "the report"
    assert first.select_one("a.xp-actor").get_text() == "Nicolás Maduro"  # mentions are still linked
    assert [li.get("id") for li in page.select("ul > li[id]")] == ["p-2", "p-3"]
    assert page.select_one("ul > li#p-2 .xp-mention, ul > li#p-2 a.xp-actor").get_text() == "Maduro"
    image = page.select_one('img[src="https://images.example/square.jpg"]')
    assert image["alt"] == "A photo of the square"
    html_page = _page(hostile_site, "formatted-page").select_one("article.md-content__inner")
    assert html_page.select_one("p#p-1 em").get_text() == "insisted"
    assert html_page.select_one("p#p-1 strong").get_text() == "talks"
    # A relative link in a saved page points at the page's own site.
    assert html_page.select_one('a[href="https://paper.example/news/earlier"]').get_text() == "an earlier story"
    assert [li.get_text() for li in html_page.select("ol > li")] == ["One point", "Two points"]
    figure = html_page.select_one('img[src="https://paper.example/photo.jpg"]')
    assert figure["alt"] == "Crowd"
    assert "The crowd in Caracas." in figure.parent.get_text()


@pytest.mark.parametrize(
    ("name", "text"),
    [("hostile.txt", HOSTILE_TXT), ("hostile.md", HOSTILE_MD), ("hostile.html", HOSTILE_HTML)],
)
def test_readers_keep_no_unsafe_url(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems: list = []
    article = read_article(path, problems)
    assert article is not None
    urls = [m.url for b in article.blocks for m in b.marks]
    assert all(url == "" or url.startswith(("https://", "http://")) for url in urls), urls
    for block in article.blocks:
        for mark in block.marks:
            assert 0 <= mark.start <= mark.end <= len(block.text)


def test_generated_html_is_sanitised_before_our_blocks_return(tmp_path):
    actors = load_glossary(_write_sources(tmp_path / "sources") / "glossary", [])
    assert any(a.id == "nicolas-maduro" for a in actors)
    html = '<p onclick="x">a<script>b</script></p>\n<p>XPHTML0X</p>'
    fragment = '<script type="application/ld+json">{}</script>'
    assert restore_html(html, {"XPHTML0X": fragment}) == "<p>a</p>\n" + fragment
