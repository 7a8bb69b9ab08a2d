"""Likely actors that the glossary lacks: frequent proper names and unknown speakers."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .newsroom import Newsroom

# Runs of capitalised words, allowing "of", "the", "de" … inside: "Council on Hemispheric Affairs".
_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'.-]*[\w.])(?:\s+(?:(?:of|on|the|for|and|de|da|del|la|van|von)\s+)*[A-Z][\w’'.-]*[\w.])*"
)
# Capitalised only because they start a sentence or are too common to be actors.
_COMMON = frozenset(
    """A An The This That These Those It Its In On At For From With By As But And Or If When While Since After
    Before During Despite Even Meanwhile However Recent Any What Some Many Most Such Both Each Other Our Their
    His Her He She They We I You Mr Mrs Ms Dr""".split()
)


_DEMONYM = re.compile(r"(?:ican|ian|ians|ans|ean|ese)$")


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int
    why: str
    places: tuple[str, ...]  # "slug#p-3"


def suggestions(newsroom: Newsroom, minimum: int = 2) -> list[Suggestion]:
    """Names seen at least ``minimum`` times (or quoted as speakers) that match no alias."""
    known = set(newsroom.matcher.owners)
    seen: dict[str, list[str]] = defaultdict(list)
    for explainer in newsroom.explainers:
        for block in explainer.article.paragraphs:
            for match in _NAME.finditer(block.text):
                name = _trim(match.group())
                before = block.text[: match.start()].rstrip(" “\"‘'")
                if " " not in name and (not before or before.endswith((".", "!", "?", ":"))):
                    continue  # one capitalised word opening a sentence says nothing
                if name and name not in known and not any(newsroom.matcher.scan(match.group())):
                    seen[name].append(f"{explainer.slug}#{block.anchor}")
    rows = [Suggestion(n, len(p), "frequent name", tuple(p)) for n, p in seen.items() if len(p) >= minimum]
    speakers: dict[str, list[str]] = defaultdict(list)
    for explainer in newsroom.explainers:
        for quote in explainer.quotes:
            if quote.speaker and not quote.actor_id:
                speakers[quote.speaker].append(f"{explainer.slug}#{quote.id}")
    rows += [Suggestion(n, len(p), "quoted speaker", tuple(p)) for n, p in speakers.items()]
    return sorted(rows, key=lambda r: (-r.count, r.name))


def _trim(name: str) -> str:
    words = re.sub(r"[’']s$", "", name.rstrip(".")).split()
    while words and words[0].strip("’'") in _COMMON:
        words.pop(0)
    if len(words) == 1 and len(words[0]) < 3:
        return ""
    if words and _DEMONYM.search(words[-1]):
        return ""  # "Venezuelans", "Latin American": adjectives and peoples, not actors
    return " ".join(words)
