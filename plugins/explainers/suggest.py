"""Likely actors that the glossary lacks: frequent proper names and unknown speakers."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .newsroom import Newsroom
from .sentences import sentence_spans
from .speaker_index import find_mentions

_DEMONYM = re.compile(r"(?:ican|ian|ians|ans|ean|ese)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*")


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
        paragraphs = explainer.article.paragraphs
        # Words the article writes in lower case: capitalised at a sentence start they are no name.
        common = frozenset(w for block in paragraphs for w in _LOWER_WORD.findall(block.text))
        for block in paragraphs:
            # The quote extractor's name finder: it knows titles, particles and sentence starts.
            for mention in find_mentions(block.text, 0, sentence_spans(block.text), [], common):
                name = mention.name
                if not (mention.person or mention.organisation or " " in name) or _DEMONYM.search(name):
                    continue  # "Venezuelans", "Latin American": adjectives and peoples, not actors
                covered = any(end - start == len(name) for start, end, _ in newsroom.matcher.scan(name))
                if name not in known and not covered:  # "U.S. Southern Command" is more than "U.S."
                    seen[name].append(f"{explainer.slug}#{block.anchor}")
    rows = [Suggestion(n, len(p), "frequent name", tuple(p)) for n, p in seen.items() if len(p) >= minimum]
    speakers: dict[str, list[str]] = defaultdict(list)
    for explainer in newsroom.explainers:
        for quote in explainer.quotes:
            if quote.speaker and not quote.actor_id:
                speakers[quote.speaker].append(f"{explainer.slug}#{quote.id}")
    rows += [Suggestion(n, len(p), "quoted speaker", tuple(p)) for n, p in speakers.items()]
    return sorted(rows, key=lambda r: (-r.count, r.name))
