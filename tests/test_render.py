"""Untrusted text reaches the page as text: escaping for Markdown and HTML."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from explainers.render import escape_markdown, safe_url

# What a Material site typically enables; escaped text must survive all of it.
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "toc",
    "admonition",
    "footnotes",
    "abbr",
    "def_list",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.magiclink",
    "pymdownx.betterem",
    "pymdownx.emoji",
    "pymdownx.keys",
    "pymdownx.critic",
    "pymdownx.inlinehilite",
]

TRICKY = [
    "<script>alert('x')</script> and <img src=x onerror=alert(1)>",
    "**not bold** and __not bold__ and *not em* and _not em_",
    "[not a link](javascript:alert(1)) ![no image](x.png) <https://example.org>",
    "`not code` ~~not struck~~ ^^not inserted^^ ==not marked== :smile: ++ctrl+alt++",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "1. not a numbered list",
    "2019. A year in review",
    "{: #not-an-attribute } {++critic++} [^1] *[HTML]: not an abbreviation",
    "Back\\slash \\*and\\* &amp; &copy; &#60; AT&T 5 < 6 > 4",
    "!!! note not an admonition",
    "Term\n: not a definition",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_exactly_as_written(text):
    html = markdown.markdown(escape_markdown(text), extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["p"], html
    assert soup.get_text() == " ".join(text.split())


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("http://x.org/a?b", True),
        ("mailto:a@b.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("/local", False),
    ],
)
def test_safe_url(url, safe):
    assert (safe_url(url) is not None) == safe
