"""Direct quotes in an article: the quoted words, who said them, in what role.

``extract_quotes`` reads every quoted span of every paragraph and keeps the
ones that are speech: spans attributed by a speech verb (`"…," said Okafor`),
partial quotes in the writer's sentence (`said a "more general reflection" is
needed`), quoted sentences, continuation paragraphs and pull quotes. Titles,
names, terms and scare quotes are set aside (`a ship named "Endeavour"`). The
speaker is resolved within the article: a surname becomes the nearest
preceding full name, "he"/"she" the last person named who fits, "they" the
last organisation. Publishing a quote under the wrong name is worse than
leaving the speaker out, so every doubt gives ``speaker=None``.

``apply_corrections`` applies an editor's corrections from the article's
sidecar ``<stem>.yml`` (details in ``quotes_corrections.py``)::

    quotes:
      - match: "These preliminary talks"   # the first words of a quote found
        speaker: Elena Ramirez            # set or fix the speaker (null removes it)
        role: professor of …              # optional; so is `cue:`
      - match: "Some scare quote"
        drop: true                        # not a quote
      - add: "The full text of a missed quote"   # must be in a paragraph
        speaker: Someone
        cue: said

``quotes_by_article`` serves ``explainers quotes --json PATH...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Mapping

from .articles import read_article, slugify
from .model import Actor, Article, Problem, Quote
from .quotes_candidates import (
    Candidate,
    Paragraph,
    attribute,
    group_continued,
    is_quote,
    opens_sentence,
    quote_only,
    read_paragraph,
    title_like,
)
from .quotes_corrections import apply_corrections
from .quotes_cues import cue_subjects, words
from .quotes_marks import masked
from .quotes_vocabulary import OFFICE_TITLES
from .speaker_index import Mention, Position, SpeakerIndex, Subject, find_mentions
from .speaker_names import SpeakerPhrase, tokenize

__all__ = ["FoundQuote", "apply_corrections", "extract_quotes", "find_quotes", "quotes_by_article"]

ResolveActor = Callable[[str], "str | None"]

_DEFINITE_ROLE = re.compile(r"[Tt]he (?:[a-z-]+ )?[a-z-]+")
_ENDS_WITH_COLON = re.compile(r":\s*$")


@dataclass(frozen=True)
class FoundQuote:
    """A quote as the article alone gives it, before the glossary is asked who the speaker is.

    Kept apart from ``Quote.actor_id`` so that what an article yields can be
    remembered across rebuilds while only the glossary changes.
    """

    quote: Quote
    also_named: str | None = None  # the speaker's name as first written, when it differs ("Ramirez")

    def resolved(self, resolve_actor: ResolveActor, actors: Mapping[str, Actor] | None = None) -> Quote:
        """The quote with its speaker's glossary actor, if the glossary has them.

        The name as first written ("Maduro") is asked when the article's fuller
        name ("Nicolás Maduro Moros") is not in the glossary. When that name is
        a surname, the glossary actor must be a person with the same first
        name: "Laura Saliini" is not Aaliyah Saliini, nor Saliini Holdings.
        """
        speaker = self.quote.speaker
        if not speaker:
            return self.quote
        actor_id = resolve_actor(speaker)
        if actor_id is None and self.also_named:
            actor_id = resolve_actor(self.also_named)
            if actor_id and speaker.endswith(" " + self.also_named) and actors is not None:
                actor = actors.get(actor_id)
                if actor is None or actor.kind != "person" or _first_name(actor.name) != _first_name(speaker):
                    actor_id = None
        return replace(self.quote, actor_id=actor_id) if actor_id else self.quote


def _first_name(name: str) -> str:
    return slugify(name.split()[0]) if name.split() else ""


def extract_quotes(
    article: Article, resolve_actor: ResolveActor = lambda name: None, actors: Mapping[str, Actor] | None = None
) -> list[Quote]:
    """The direct quotes of an article, in order, with ids q-1, q-2, …"""
    return [found.resolved(resolve_actor, actors) for found in find_quotes(article)]


def find_quotes(article: Article) -> list[FoundQuote]:
    """The direct quotes of an article with their speakers as written; no glossary needed."""
    paragraphs = [read_paragraph(k, block.anchor, block.text) for k, block in enumerate(article.paragraphs)]
    common = frozenset(w.lower() for p in paragraphs for w in words(masked(p.text, p.spans)) if w.islower())
    index = _index(paragraphs, common)
    candidates = [attribute(p, k, common) for p in paragraphs for k in range(len(p.spans))]
    candidates = group_continued(candidates, paragraphs)
    quotes = [c for c in candidates if is_quote(c, paragraphs)]
    quotes = _resolve_speakers(quotes, paragraphs, index)
    return [_to_quote(c, paragraphs, article.slug, n) for n, c in enumerate(quotes, 1)]


def quotes_by_article(
    paths: list[Path], resolve_actor: ResolveActor = lambda name: None, actors: Mapping[str, Actor] | None = None
) -> tuple[dict[str, list[dict]], list[Problem]]:
    """Quotes of article files for ``explainers quotes --json``, keyed by file stem."""
    problems: list[Problem] = []
    found: dict[str, list[dict]] = {}
    for path in paths:
        article = read_article(Path(path), problems)
        if article is None:
            continue
        quotes = extract_quotes(article, resolve_actor, actors)
        quotes, correction_problems = apply_corrections(article, quotes, resolve_actor)
        problems.extend(correction_problems)
        found[Path(path).stem] = [
            {
                "id": q.id,
                "quote": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "cue": q.cue,
                "paragraph": q.paragraph,
                "actor": q.actor_id,
                "start": q.start,
                "end": q.end,
            }
            for q in quotes
        ]
    return found, problems


# --- reading --------------------------------------------------------------


def _index(paragraphs: list[Paragraph], common: frozenset[str]) -> SpeakerIndex:
    mentions: dict[Position, Mention] = {}
    subjects = []
    for p in paragraphs:
        quoted = [(s.open, s.close) for s in p.spans]
        mentions.update((m.position, m) for m in find_mentions(p.text, p.index, p.sentences, quoted, common))
        for phrase, offset in cue_subjects(p.text, masked(p.text, p.spans), p.sentences, p.spans, common):
            subjects.append(Subject(phrase, (p.index, offset)))
            if phrase.kind == "name" and phrase.name and not phrase.organisation:
                # The subject of a speech verb is a person's name even when it is a lone surname.
                position = (p.index, phrase.start)
                sentence = (p.index, p.sentence_at(phrase.start))
                mentions[position] = Mention(
                    phrase.name,
                    position,
                    sentence,
                    person=True,
                    organisation=False,
                    evidence=True,
                    gender=phrase.gender,
                    role=phrase.role,
                )
    return SpeakerIndex(list(mentions.values()), subjects)


# --- who said it ----------------------------------------------------------


def _resolve_speakers(quotes: list[Candidate], paragraphs: list[Paragraph], index: SpeakerIndex) -> list[Candidate]:
    resolved: list[Candidate] = []
    for c in quotes:
        if c.attribution is not None:
            speaker, role, mention = _resolve_phrase(c.attribution.phrase, (c.paragraph, c.attribution.position), index)
            c = replace(c, speaker=speaker, role=role, cue=c.attribution.cue, mention=mention)
        elif c.coordinated and resolved and resolved[-1].paragraph == c.paragraph:
            last = resolved[-1]
            c = replace(c, speaker=last.speaker, role=last.role, cue=last.cue, mention=last.mention)
        else:
            c = _continue(c, resolved, paragraphs, index)
        resolved.append(c)
    return _share_within_groups(resolved)


def _resolve_phrase(
    phrase: SpeakerPhrase | None, position: Position, index: SpeakerIndex
) -> tuple[str | None, str | None, str | None]:
    """(speaker, role, mention as written) for a speaker phrase; None where unsure."""
    if phrase is None:
        return None, None, None
    where = (position[0], phrase.start if phrase.start >= 0 else position[1])
    if phrase.kind == "name" and phrase.name:
        full = phrase.name if phrase.organisation else index.full_name(phrase.name, where)
        return full, phrase.role or index.role(full), phrase.name
    if phrase.kind == "pronoun":
        pronoun = phrase.text.lower()
        referent: str | None = None  # "I", "we", "it": the writer or something unnamed
        if pronoun in ("he", "she"):
            referent = index.person_for_pronoun(pronoun, where)
        elif pronoun == "they":
            referent = index.organisation_for_they(where)
        return referent, index.role(referent) if referent else None, None
    noun = tokenize(phrase.text)[-1].lower
    if phrase.organisation:
        named = index.organisation_named(noun, where)
        return named or _lower_article(phrase.text), None, phrase.text
    if _DEFINITE_ROLE.fullmatch(phrase.text) and noun in OFFICE_TITLES:
        holder = index.person_with_role(noun, where)  # "the judge said": the one judge named so far
        if holder:
            return holder, index.role(holder) or phrase.role, None
    return None, phrase.role, None


def _lower_article(description: str) -> str:
    # "The ministry said" at the start of a sentence: the speaker is "the ministry".
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", description)


def _continue(c: Candidate, resolved: list[Candidate], paragraphs: list[Paragraph], index: SpeakerIndex) -> Candidate:
    """A quote with no cue of its own: the speaker of the quote it continues, if certain."""
    p = paragraphs[c.paragraph]
    starts = opens_sentence(p, c.span)
    earlier = [q for q in resolved if q.paragraph == c.paragraph and (q.attribution or q.speaker)]
    if earlier and starts and (c.group is None or c.span is not p.spans[0]) and _sentence_like_enough(c.text):
        # `"…," Al-Rashid said. "…"`: the next sentence of the same paragraph.
        return _same_speaker(c, earlier[-1], (c.paragraph, c.span.open), paragraphs, index)
    if earlier and not starts:
        return c  # `"…," said Smith, before Jones interrupted: "…"`: not necessarily Smith
    previous = [q for q in resolved if q.paragraph == c.paragraph - 1]
    if c.span is p.spans[0] and quote_only(p) and previous and previous[-1].speaker:
        # A paragraph that is only a quote, after a paragraph ending with an attributed quote.
        last = previous[-1]
        return _same_speaker(c, last, (last.paragraph, len(paragraphs[last.paragraph].text)), paragraphs, index)
    return _from_preceding_sentence(c, paragraphs, index) if starts else c


def _same_speaker(
    c: Candidate, last: Candidate, until: Position, paragraphs: list[Paragraph], index: SpeakerIndex
) -> Candidate:
    """``c`` with ``last``'s speaker, unless someone else is named after ``last``'s attribution."""
    p = paragraphs[last.paragraph]
    attribution_end = p.sentences[p.sentence_at(max(last.span.close - 1, 0))][1]
    if index.names_person_between((last.paragraph, attribution_end), until, last.speaker):
        return c
    return replace(c, speaker=last.speaker, role=last.role, mention=last.mention)


def _sentence_like_enough(text: str) -> bool:
    return len(words(text)) >= 3 and not title_like(text)


def _from_preceding_sentence(c: Candidate, paragraphs: list[Paragraph], index: SpeakerIndex) -> Candidate:
    """`Harlan issued a statement. "Like many residents, …"` and `X said:` before a quote paragraph."""
    p = paragraphs[c.paragraph]
    sentence = p.sentence_at(c.span.open)
    if sentence > 0:
        start, end = p.sentences[sentence - 1]
        if any(start <= s.open < end for s in p.spans):
            return c
        where = (c.paragraph, start)
    elif c.paragraph > 0 and _ENDS_WITH_COLON.search(paragraphs[c.paragraph - 1].text):
        before = paragraphs[c.paragraph - 1]
        start, end = before.sentences[-1]
        where = (before.index, start)
    else:
        return c
    subjects = index.subjects_between(where, (where[0], end))
    if not subjects:
        return c
    speaker, role, mention = _resolve_phrase(subjects[-1].phrase, subjects[-1].position, index)
    if index.names_person_between(where, (where[0], end), speaker):
        return c  # `Smith said X, and Jones agreed. "…"`: either could be speaking
    return replace(c, speaker=speaker, role=role, mention=mention)


def _share_within_groups(quotes: list[Candidate]) -> list[Candidate]:
    """Every segment of a multi-paragraph quote carries the speaker named in any of them."""
    speakers: dict[int, Candidate] = {}
    for c in quotes:
        if c.group is not None and c.speaker and c.group not in speakers:
            speakers[c.group] = c
    return [
        replace(c, speaker=speakers[c.group].speaker, role=speakers[c.group].role, mention=speakers[c.group].mention)
        if c.group in speakers and not c.speaker and c.attribution is None
        else c
        for c in quotes
    ]


def _to_quote(c: Candidate, paragraphs: list[Paragraph], slug: str, number: int) -> FoundQuote:
    quote = Quote(
        text=c.text,
        speaker=c.speaker,
        actor_id=None,
        role=c.role,
        cue=c.cue,
        article=slug,
        paragraph=paragraphs[c.paragraph].anchor,
        start=c.span.start,
        end=c.span.end,
        id=f"q-{number}",
    )
    return FoundQuote(quote, c.mention if c.speaker and c.mention != c.speaker else None)
