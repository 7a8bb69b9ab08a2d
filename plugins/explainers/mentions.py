"""Finding actors in text: one compiled pattern, longest alias first.

The aliases are folded into a character trie and written out as a single
regular expression, so a text block is scanned once whatever the glossary
size, and the pattern stays fast at tens of thousands of aliases (a plain
alternation of the aliases collapses as the glossary grows; see
``python -m bench --matcher``). Greedy optional branches make the longest alias
win, and the engine backtracks to a shorter alias when a longer one would
end inside a word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .model import Actor, Mention

# A mention must start and end on a word boundary. Apostrophes are not word
# characters, so "Venezuela’s" and "Maduro's" match "Venezuela" and "Maduro".
_BEFORE = r"(?<!\w)"
_AFTER = r"(?!\w)"


def _trie(aliases: Iterable[str]) -> dict:
    root: dict = {}
    for alias in aliases:
        node = root
        for char in alias:
            node = node.setdefault(char, {})
        node[""] = True  # an alias ends here
    return root


def _trie_pattern(node: dict) -> str:
    """The regex for a trie node; the empty key marks the end of an alias."""
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        child = node[char]
        run = re.escape(char)
        # Fold single-child chains ("Maduro") into one literal: a smaller pattern.
        while len(child) == 1 and "" not in child:
            ((next_char, child),) = child.items()
            run += re.escape(next_char)
        rest = _trie_pattern(child) if len(child) > 1 or "" not in child else ""
        branches.append(run + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        needs_group = len(branches) == 1 and len(body) > 1 and not body.startswith("(?:")
        return f"(?:{body})?" if needs_group or len(branches) > 1 else f"{body}?"
    return body


class Matcher:
    """Finds every glossary alias in a text: longest match, on word boundaries."""

    def __init__(self, actors: Iterable[Actor], ignore: Iterable[str] = ()) -> None:
        owners: dict[str, list[str]] = defaultdict(list)
        ignored = set(ignore)
        for actor in actors:
            for name in actor.names:
                if name.strip() and name not in ignored and actor.id not in owners[name]:
                    owners[name].append(actor.id)
        self.owners: dict[str, tuple[str, ...]] = {alias: tuple(ids) for alias, ids in owners.items()}
        trie = _trie(self.owners)
        self.pattern: re.Pattern[str] | None = (
            re.compile(_BEFORE + "(?:" + _trie_pattern(trie) + ")" + _AFTER) if self.owners else None
        )

    def sole_owner(self, name: str) -> str | None:
        """The actor a name refers to when exactly one actor has it: a shared alias is never guessed."""
        owners = self.owners.get(name, ())
        return owners[0] if len(owners) == 1 else None

    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, alias) of every alias in ``text``, left to right."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match.start(), match.end(), match.group()


@dataclass
class MentionTracker:
    """Resolves aliases to actors across one page or article, in reading order.

    It remembers which actors are already linked (only the first mention is
    linked unless ``link_all``) and where each actor was last named without
    ambiguity, which decides a shared alias such as "Ramirez".
    """

    matcher: Matcher
    link_all: bool = False
    own_actor: str | None = None
    ignore: frozenset[str] = frozenset()
    linked: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)
    _last_named: dict[str, int] = field(default_factory=dict)
    _position: int = 0

    def mentions(self, text: str) -> list[Mention]:
        """The resolved mentions in the next block of text on the page."""
        found = []
        for start, end, alias in self.matcher.scan(text):
            self._position += 1
            if alias in self.ignore:
                continue
            actor_id = self._resolve(alias)
            if actor_id is None:
                self.unresolved.append(alias)
                continue
            self._last_named[actor_id] = self._position
            if actor_id == self.own_actor:
                continue
            link = self.link_all or actor_id not in self.linked
            self.linked.add(actor_id)
            found.append(Mention(start, end, actor_id, alias, link))
        return found

    def _resolve(self, alias: str) -> str | None:
        candidates = self.matcher.owners[alias]
        if len(candidates) == 1:
            return candidates[0]
        named = [(self._last_named[c], c) for c in candidates if c in self._last_named]
        return max(named)[1] if named else None


def split_mentions(text: str, mentions: list[Mention]) -> Iterator[str | Mention]:
    """The text cut into plain strings and mentions, in order, for a renderer."""
    position = 0
    for mention in mentions:
        if mention.start > position:
            yield text[position : mention.start]
        yield mention
        position = mention.end
    if position < len(text):
        yield text[position:]
