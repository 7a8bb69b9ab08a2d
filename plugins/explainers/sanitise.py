"""The site's HTML sanitiser: nh3 with the newsroom's allowlists.

nh3 binds ammonia, the Rust sanitiser that parses HTML with html5ever (the
parser of a browser engine, so a page is cleaned as a browser would read it)
and keeps only what an allowlist names. Regex or tree-walking filters of our
own miss what browsers forgive: malformed tags, entity-encoded URLs,
``java\tscript:``. Two allowlists live here:

- ``clean_saved_page`` for a saved web page before its article is read out:
  the elements the reader needs to find the article and its formatting;
- ``clean_page_html`` for every page generated from sources, after Markdown:
  a last line that nothing from an article, sidecar or glossary entry gets
  past as script, event handler, ``javascript:``/``data:`` URL, frame,
  plug-in or style.
"""

from __future__ import annotations

import nh3

# Removed with everything inside them: none of it is article text. (An
# ``object`` loses only its tag: what it holds is the text shown without the plug-in.)
_DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "embed",
    "frame",
    "frameset",
    "svg",
    "math",
    "textarea",
    "select",
}

# Inline formatting a source may keep on the page.
_INLINE = {"a", "b", "i", "em", "strong", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite"}
_INLINE |= {"abbr", "time", "code", "kbd", "samp", "span", "br", "img", "dfn"}
_BLOCKS = {"p", "div", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"}
_BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"}

# A saved page also needs its metadata and the landmarks around the article,
# which the reader uses to find the article and then drops.
_SAVED_PAGE_TAGS = _INLINE | _BLOCKS | {"title", "meta", "link", "article", "main", "section", "nav", "header"}
_SAVED_PAGE_TAGS |= {"footer", "aside", "form", "button", "dialog", "label"}
_SAVED_PAGE_ATTRIBUTES = {
    "*": {"role"},
    "a": {"href"},
    "img": {"src", "alt"},
    "meta": {"name", "property", "content"},
    "link": {"rel", "href"},
}

# What generated pages hold: our own markup, escaped article text, and
# glossary descriptions rendered from Markdown.
_PAGE_TAGS = _INLINE | _BLOCKS | {"aside", "nav", "section", "details", "summary"}
_PAGE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden"},
    "a": {"href", "rel", "data-actor"},
    "span": {"data-actor"},
    "li": {"data-actors", "data-kinds"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}


def _page_attribute(element: str, attribute: str, value: str) -> str | None:
    # Glossary Markdown may set classes and ids (attr_list); Material's own
    # ("md-…" classes, "__…" ids) would let a description restyle or hide the
    # page around it, or take over its controls.
    if attribute == "class":
        kept = " ".join(name for name in value.split() if not name.startswith("md-"))
        return kept or None
    if attribute == "id" and value.startswith("__"):
        return None
    return value


_PAGE_CLEANER = nh3.Cleaner(
    tags=_PAGE_TAGS,
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=_PAGE_ATTRIBUTES,
    attribute_filter=_page_attribute,
    link_rel=None,  # our links carry their own rel; relative links are the site's own pages
    url_schemes={"http", "https", "mailto"},
)

_SAVED_PAGE_CLEANER = nh3.Cleaner(
    tags=_SAVED_PAGE_TAGS,
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=_SAVED_PAGE_ATTRIBUTES,
    link_rel=None,
    # Relative links are resolved later against the page's own address.
    url_schemes={"http", "https"},
)


def clean_saved_page(html: str) -> str:
    """A saved web page with nothing executable left: structure, text, links and images only."""
    return _SAVED_PAGE_CLEANER.clean(html)


def clean_page_html(html: str) -> str:
    """The HTML of a generated page, reduced to the allowlist (see the module docstring)."""
    return _PAGE_CLEANER.clean(html)
