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
from .speaker_names import ADVERBIAL, Token, is_name_word

# A mention must start and end on a word boundary. Apostrophes are not word
# characters, so "Venezuela’s" and "Maduro's" match "Venezuela" and "Maduro".
_BEFORE = r"(?<!\w)"
_AFTER = r"(?!\w)"
# The word right after a mention, and the word right before one, with nothing but a space between.
_WORD_AFTER = re.compile(r" (\w[\w'’\-]*)")
_WORD_BEFORE = re.compile(r"(?<![\w'’.\-])(\w[\w'’.\-]*) $")
_POSSESSIVE = re.compile(r"['’]s$")
_PLACE_KINDS = frozenset(("place", "country"))
_ORGANISATION_KINDS = frozenset(("organization", "group"))
# Prepositions that open a sentence before a place ("Across Venezuela, …"); the
# name lists of the quote finder hold the commoner ones ("In", "From").
_PREPOSITIONS = frozenset((
    "across", "throughout", "inside", "outside", "beyond", "toward", "towards", "around", "near", "along",
    "beside", "behind", "below", "above", "into", "onto", "upon", "via", "amid", "amidst", "beneath", "past",
))  # fmt: skip


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
        # One-word short names of people and organisations ("Guaidó", "Uleski" for
        # Uleski Petroleum), with the first names of the people who own them ("Juan").
        short_names: dict[str, set[str]] = defaultdict(set)
        places: set[str] = set()
        others: set[str] = set()
        for actor in actors:
            first_name, _, rest = actor.name.partition(" ")
            for name in actor.names:
                if name.strip() and name not in ignored and actor.id not in owners[name]:
                    owners[name].append(actor.id)
                    if actor.kind in _PLACE_KINDS:
                        places.add(name)
                    elif actor.kind == "person" and rest and " " not in name and name != first_name:
                        short_names[name].add(first_name)
                    elif actor.kind in _ORGANISATION_KINDS and " " in actor.name and " " not in name:
                        short_names.setdefault(name, set())  # no first name: a person with it is someone else
                    else:
                        others.add(name)
        self.owners: dict[str, tuple[str, ...]] = {alias: tuple(ids) for alias, ids in owners.items()}
        self.short_names = {alias: frozenset(firsts) for alias, firsts in short_names.items() if alias not in others}
        self.place_names = frozenset(places - others - short_names.keys())
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

    def part_of_longer_name(self, text: str, start: int, end: int, alias: str) -> bool:
        """Whether the alias at ``text[start:end]`` is only part of a longer name.

        A name runs on after it: "Halaski Logistics", "Washington Post" and
        "Donald Trump Jr" are someone or something else than "Halaski",
        "Washington" or "Donald Trump". Or, for a place, a name comes before
        it: "North Korea" is not "Korea", nor "East Galerstad" "Galerstad".
        """
        after = _WORD_AFTER.match(text, end)
        if after is not None and _is_name(after.group(1)):
            return True
        return alias in self.place_names and bool(_names_before(text, start, 1))

    def someone_else(self, text: str, start: int, alias: str) -> bool:
        """Whether a short name at ``start`` comes after another person's first name.

        "Laura Saliini" is not Aaliyah Saliini, and "Sabine Uleski" is not
        Uleski Petroleum. The first name of a person who owns the short name
        keeps the mention theirs ("Juan Gerardo Guaidó").
        """
        first_names = self.short_names.get(alias)
        if first_names is None:
            return False
        words = _names_before(text, start, 2)
        return bool(words) and first_names.isdisjoint(words)


def _is_name(word: str) -> bool:
    """A capitalised word that belongs to a name: not a title ("President"), a
    common word opening a sentence ("But", "Later", "Across"), a possessive
    ("Venezuela’s"), nor an abbreviation ("U.S. Treasury", "EU Commission")."""
    return (
        is_name_word(Token(word, 0, len(word)))
        and not word.isupper()
        and "." not in word
        and word.lower() not in ADVERBIAL
        and word.lower() not in _PREPOSITIONS
        and not _POSSESSIVE.search(word)
    )


def _names_before(text: str, start: int, most: int) -> list[str]:
    """Up to ``most`` name words right before ``start``, nearest first."""
    words: list[str] = []
    while len(words) < most:
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None or not _is_name(before.group(1)):
            break
        words.append(before.group(1))
        start = before.start()
    return words


@dataclass
class MentionTracker:
    """Resolves aliases to actors across one page or article, in reading order.

    It remembers which actors are already linked (only the first mention is
    linked unless ``link_all``) and where each actor was last named without
    ambiguity, which decides a shared alias such as "Ramirez". A short name
    that last came with another first name ("Laura Saliini ... Saliini said")
    is that other person's until the actor's own name comes again.
    """

    matcher: Matcher
    link_all: bool = False
    own_actor: str | None = None
    ignore: frozenset[str] = frozenset()
    linked: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)
    _last_named: dict[str, int] = field(default_factory=dict)
    _someone_elses: dict[str, int] = field(default_factory=dict)  # short name → where another person had it
    _position: int = 0

    def mentions(self, text: str) -> list[Mention]:
        """The resolved mentions in the next block of text on the page."""
        found = []
        for start, end, alias in self.matcher.scan(text):
            self._position += 1
            if alias in self.ignore or self.matcher.part_of_longer_name(text, start, end, alias):
                continue
            if self.matcher.someone_else(text, start, alias):
                self._someone_elses[alias] = self._position
                continue
            if self._still_someone_elses(alias):
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

    def _still_someone_elses(self, alias: str) -> bool:
        """Whether another person had this short name since any of its actors was named."""
        taken = self._someone_elses.get(alias)
        return taken is not None and all(self._last_named.get(c, -1) < taken for c in self.matcher.owners[alias])

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
