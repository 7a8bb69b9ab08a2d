"""Likely actors that the glossary lacks: frequent proper names and unknown speakers.

Each suggestion says how often the name occurs, in which explainers and
paragraphs, and shows one sentence, so that an editor can decide without
opening the articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .dates import MONTHS
from .newsroom import Newsroom
from .sentences import sentence_around, sentence_spans
from .speaker_index import find_mentions

_DEMONYM = re.compile(r"(?:ican|ian|ians|ans|ean|ese)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*")
# Capitalised words that name no actor, whatever the articles do with them.
_NEVER_ACTORS = frozenset(
    [*MONTHS, *(m[:3] for m in MONTHS), "Sept", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "AM", "PM", "TV", "CEO"]
)  # fmt: skip
FREQUENT_NAME = "frequent name"
QUOTED_SPEAKER = "quoted speaker"


@dataclass
class Suggestion:
    """A name worth a glossary entry, with where it occurs."""

    name: str
    reasons: list[str] = field(default_factory=list)  # FREQUENT_NAME, QUOTED_SPEAKER
    places: list[tuple[str, str]] = field(default_factory=list)  # (explainer slug, anchor), one per occurrence
    sample: str = ""  # a sentence (or quote) that shows the name in use
    sample_place: str = ""

    @property
    def count(self) -> int:
        return len(self.places)

    @property
    def why(self) -> str:
        return ", ".join(self.reasons)

    @property
    def articles(self) -> dict[str, list[str]]:
        """Anchors by explainer slug, in article order, each anchor once."""
        by_slug: dict[str, list[str]] = defaultdict(list)
        for slug, anchor in self.places:
            if anchor not in by_slug[slug]:
                by_slug[slug].append(anchor)
        return dict(by_slug)

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "count": self.count,
            "reasons": list(self.reasons),
            "articles": [
                {"slug": slug, "count": sum(s == slug for s, _ in self.places), "anchors": anchors}
                for slug, anchors in self.articles.items()
            ],
            "sample": {"text": self.sample, "place": self.sample_place},
        }


def suggestions(newsroom: Newsroom, minimum: int = 2) -> list[Suggestion]:
    """Names seen at least ``minimum`` times, or quoted as speakers, that the glossary lacks; most frequent first."""
    found: dict[str, Suggestion] = {}
    _frequent_names(newsroom, found)
    frequent = {name for name, s in found.items() if s.count >= minimum}
    found = {name: s for name, s in found.items() if name in frequent}
    _quoted_speakers(newsroom, found)
    return sorted(found.values(), key=lambda s: (-s.count, s.name))


def _frequent_names(newsroom: Newsroom, found: dict[str, Suggestion]) -> None:
    known = set(newsroom.matcher.owners)
    # Words any article writes in lower case: capitalised at a sentence start, they are no name.
    common = frozenset(
        w for e in newsroom.explainers for block in e.article.paragraphs for w in _LOWER_WORD.findall(block.text)
    )
    for explainer in newsroom.explainers:
        seen_here: dict[str, Suggestion] = {}
        people: set[str] = set()
        for block in explainer.article.paragraphs:
            # The quote extractor's name finder: it knows titles, particles and sentence starts.
            for mention in find_mentions(block.text, 0, sentence_spans(block.text), [], common):
                name = mention.name
                if not _is_candidate(name, mention.person or mention.organisation, common):
                    continue
                covered = any(end - start == len(name) for start, end, _ in newsroom.matcher.scan(name))
                if name in known or covered:  # "U.S. Southern Command" is more than "U.S."
                    continue
                row = found.setdefault(name, Suggestion(name, [FREQUENT_NAME]))
                row.places.append((explainer.slug, block.anchor))
                seen_here[name] = row
                if mention.person:
                    people.add(name)
                if not row.sample:
                    offset = mention.position[1]
                    sentence, _, _ = sentence_around(block.text, offset, offset + len(name))
                    row.sample = sentence.strip() if name in sentence else block.text
                    row.sample_place = f"{explainer.slug}#{block.anchor}"
        _fold_surnames(seen_here, people, found)


def _is_candidate(name: str, is_name: bool, common: frozenset[str]) -> bool:
    if " " not in name:
        if not is_name or name in _NEVER_ACTORS or name.lower() in common:
            return False  # "Monday", "Administration" (written "the administration" elsewhere)
    return not _DEMONYM.search(name)  # "Venezuelans", "Latin American": adjectives and peoples


def _fold_surnames(seen_here: dict[str, Suggestion], people: set[str], found: dict[str, Suggestion]) -> None:
    """Count "Eastman" with "Cres Eastman" when the article names only one Eastman in full."""
    for name, row in list(seen_here.items()):
        if " " in name or name.isupper():  # an acronym ("DAB") is no surname
            continue
        fuller = [other for other in people if " " in other and other.split()[-1] == name]
        if len(fuller) != 1:
            continue
        target = found[fuller[0]]
        mine = [p for p in row.places if p[0] in {slug for slug, _ in target.places}]
        target.places.extend(mine)
        target.places.sort(key=_reading_order)
        row.places = [p for p in row.places if p not in mine]
        if not row.places:
            del found[name]


def _reading_order(place: tuple[str, str]) -> tuple[str, int]:
    slug, anchor = place
    number = anchor.rpartition("-")[2]
    return (slug, int(number) if number.isdigit() else 0)


def _quoted_speakers(newsroom: Newsroom, found: dict[str, Suggestion]) -> None:
    for explainer in newsroom.explainers:
        for quote in explainer.quotes:
            if not quote.speaker or quote.actor_id or not quote.speaker[0].isupper():
                continue  # "the city said": a description, not a name
            row = found.setdefault(quote.speaker, Suggestion(quote.speaker))
            if QUOTED_SPEAKER not in row.reasons:
                row.reasons.append(QUOTED_SPEAKER)
            if not any(slug == explainer.slug and anchor == quote.paragraph for slug, anchor in row.places):
                row.places.append((explainer.slug, quote.paragraph))
            if not row.sample:
                row.sample = f"“{quote.text}” — {quote.speaker}"
                row.sample_place = f"{explainer.slug}#{quote.id}"


def format_suggestion(row: Suggestion, width: int = 100) -> str:
    """The text an editor reads in a terminal: name and count, where, and one sentence."""
    lines = [f"{row.name}  ({row.count}×, {row.why})"]
    for slug, anchors in row.articles.items():
        shown = ", ".join(f"#{a}" for a in anchors[:6]) + (" …" if len(anchors) > 6 else "")
        lines.append(f"    {slug}: {shown}")
    lines.append(f"    e.g. {_excerpt(row.sample, row.name, width)}")
    return "\n".join(lines)


def _excerpt(text: str, name: str, width: int) -> str:
    """At most about ``width`` characters of ``text``, cut at words so that ``name`` stays in view."""
    if len(text) <= width:
        return text
    at = max(text.find(name), 0)
    start = max(0, min(at - width // 3, at + len(name) - width // 2))
    if start:
        start = text.rfind(" ", 0, start) + 1  # begin at a word
    end = min(len(text), max(start + width, at + len(name)))
    if end < len(text):
        end = max(text.rfind(" ", start, end), at + len(name))
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
