"""The Python-Markdown extension: links actor mentions on a page.

It works on the ElementTree after inline parsing, so headings, code,
existing links and raw HTML are never touched. It needs no MkDocs: under
any Markdown host, ``markdown_extensions: [explainers.extension]`` with a
``glossary`` folder links mentions on every page. The MkDocs plugin shares
one instance across pages and tells it, per page, where the page lives and
which actor it is about.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .glossary import load_glossary
from .mentions import Matcher, MentionTracker, split_mentions
from .model import Actor, Mention, Problem

# Where mentions are never linked: a link inside a heading, code or a link is wrong.
_SKIPPED_TAGS = frozenset(
    {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "pre", "samp", "script", "style"}
)
_SKIPPED_CLASS = "xp-nolink"
log = logging.getLogger(__name__)
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.I)
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


@dataclass
class PageContext:
    """What the extension must know about the page being converted."""

    uri: str = "index.md"  # the page's path in the docs folder, for relative links
    own_actor: str | None = None  # an actor page does not link to itself
    ignore: frozenset[str] = frozenset()
    link: bool = True  # False turns mention linking off for the page
    untrusted: bool = False  # generated from sources: drop script URLs too
    unresolved: list[str] = field(default_factory=list)


class MentionLinker(Treeprocessor):
    """Wraps each actor mention in a link (first mention) or a tooltip span (later ones)."""

    def __init__(self, md: Markdown, extension: ExplainersExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page.untrusted:
            _drop_script_urls(root)
        if not page.link or not self.extension.actors:
            return
        tracker = MentionTracker(
            self.extension.matcher,
            link_all=self.extension.link_all,
            own_actor=page.own_actor,
            ignore=page.ignore,
        )
        self._walk(root, tracker)
        page.unresolved.extend(tracker.unresolved)

    def _walk(self, element: etree.Element, tracker: MentionTracker) -> None:
        # The children as they were: nodes made here are never walked again.
        # A child at index i of the snapshot now sits at i + inserted.
        children = list(element)
        inserted = 0
        if element.text and not isinstance(element.text, AtomicString):
            element.text, made = self._link(element.text, tracker)
            for node in made:
                element.insert(inserted, node)
                inserted += 1
        for index, child in enumerate(children):
            if child.tag not in _SKIPPED_TAGS and _SKIPPED_CLASS not in child.get("class", ""):
                self._walk(child, tracker)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, made = self._link(child.tail, tracker)
                for node in made:
                    element.insert(index + inserted + 1, node)
                    inserted += 1

    def _link(self, text: str, tracker: MentionTracker) -> tuple[str, list[etree.Element]]:
        """The plain text before the first mention, and the nodes that follow it."""
        # Python-Markdown's placeholders ("\x02wzxhzdk:7\x03") hold stashed HTML; an alias
        # such as "7" must not match inside one. Blanking them keeps every offset.
        mentions = tracker.mentions(_PLACEHOLDER.sub(lambda m: " " * len(m.group()), text))
        if not mentions:
            return text, []
        head = ""
        nodes: list[etree.Element] = []
        for piece in split_mentions(text, mentions):
            if isinstance(piece, Mention):
                nodes.append(self._node(piece))
            elif nodes:
                nodes[-1].tail = piece
            else:
                head = piece
        return head, nodes

    def _node(self, mention: Mention) -> etree.Element:
        actor = self.extension.actors[mention.actor_id]
        if mention.link:
            node = etree.Element("a", {"href": self.extension.actor_href(actor.id), "class": "xp-actor"})
        else:
            node = etree.Element("span", {"class": "xp-mention"})
        node.set("title", actor.summary)
        node.set("data-actor", actor.id)
        node.text = AtomicString(mention.alias)
        return node


def _drop_script_urls(root: etree.Element) -> None:
    # MkDocs rewrites every <a href> and <img src> after us and requires the
    # attribute, so an unsafe link becomes plain text and an image its alt text.
    for element in root.iter():
        for attribute in ("href", "src"):
            if _UNSAFE_URL.match(element.get(attribute, "")):
                alt = element.get("alt", "") if element.tag == "img" else ""
                element.tag = "span"
                element.attrib.clear()
                element.text = (element.text or "") + alt


class ExplainersExtension(Extension):
    """Links the glossary's actors wherever a page mentions them."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary": ["sources/glossary", "Folder of glossary YAML files (when no actors are given)"],
            "actor_uri": ["actors/{id}.md", "Where an actor's page is, relative to the docs folder"],
            "link_all": [False, "Link every mention, not only the first one per page"],
        }
        self.actors: dict[str, Actor] = {}
        self.matcher = Matcher(())
        self.page = PageContext()
        self.problems: list[Problem] = []
        actors = kwargs.pop("actors", None)
        matcher = kwargs.pop("matcher", None)  # the plugin's, already compiled for the same actors
        super().__init__(**kwargs)
        if actors is None:
            actors = load_glossary(Path(self.getConfig("glossary")), self.problems)
            # Without the plugin nobody else reports the glossary's problems.
            for problem in self.problems:
                if problem.severity != "info":
                    log.warning("%s", problem)
        self.set_actors(actors, matcher)

    @property
    def link_all(self) -> bool:
        return bool(self.getConfig("link_all"))

    def set_actors(self, actors: Iterable[Actor], matcher: Matcher | None = None) -> None:
        """Use these actors from now on; the pattern is compiled once here, not per page."""
        self.actors = {a.id: a for a in actors}
        self.matcher = matcher or Matcher(self.actors.values())

    def actor_href(self, actor_id: str) -> str:
        target = self.getConfig("actor_uri").format(id=actor_id)
        return posixpath.relpath(target, posixpath.dirname(self.page.uri) or ".")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        # After inline parsing (20) so emphasis and links are elements; before
        # MkDocs' "relpath" (0), which turns our .md links into page URLs.
        md.treeprocessors.register(MentionLinker(md, self), "explainers_mentions", 1)


def makeExtension(**kwargs: Any) -> ExplainersExtension:  # noqa: N802 - Python-Markdown's entry point
    return ExplainersExtension(**kwargs)
