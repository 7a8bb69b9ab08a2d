"""Which quoted spans of an article are quotes, and how each is attributed.

Every span between quotation marks becomes a candidate with the attribution
found around it (``quotes_cues.py``). A candidate is a quote when a speech
cue attributes it, when it is a full quoted sentence or a paragraph of its
own, or when it continues a quote; titles, names, terms, scare quotes and
source lists are not (`a ship named "Endeavour"`, `"Title" — BBC News`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .quotes_cues import Attribution, attribution_after, attribution_before, words
from .quotes_marks import QuoteSpan, find_quote_spans, writer_sentences
from .quotes_vocabulary import METALINGUISTIC_NOUNS

_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "vs",
                                "with", "from", "de", "la", "nor", "but", "as"))  # fmt: skip
_TITLE_MAX_WORDS = 12
_SENTENCE_MIN_WORDS = 3  # a quoted sentence with no cue: "It will fail."
# `a ship named "Endeavour"`, `the so-called "peace plan"`: the quote names something.
_NAMING_BEFORE = re.compile(
    r"\b(?:named|titled|entitled|nicknamed|labell?ed|so-called|known as|referred to as"
    r"|called|dubbed)\s*[,:]?\s*$",
    re.I,
)
_CONNECTORS = re.compile(r"(?:\(\([^()]*\)\)|\([^()]*\)|\[[^\[\]]*\]|[\s,;]|\b(?:and|or|but|then|that)\b)*")
# `"Title" — Publisher, May 1, 2010` or `"Title?" — BBC News`: a source list, when no person signs it.
_DATED_SOURCE = re.compile(r"\s*[—–-]{1,2}\s*[^\"“”]*\b(?:1[5-9]|20)\d\d\b")
_SIGNED_LINE = re.compile(r"\s*[—–-]{1,2}\s*[^\"“”]+$")


@dataclass(frozen=True)
class Paragraph:
    """A block of the article with its quoted spans and the writer's sentences."""

    index: int
    anchor: str
    text: str
    spans: list[QuoteSpan]
    sentences: list[tuple[int, int]]

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset``."""
        for k, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return k
        return len(self.sentences) - 1 if offset >= self.sentences[-1][0] else 0


@dataclass(frozen=True)
class Candidate:
    """A quoted span on its way to becoming a Quote."""

    paragraph: int
    span: QuoteSpan
    text: str
    attribution: Attribution | None = None
    coordinated: bool = False  # `"dangerous" and "ideological"`: shares the previous quote's cue
    group: int | None = None  # segments of one quote running over several paragraphs
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    mention: str | None = None  # the speaker as written, for resolving the actor


def read_paragraph(index: int, anchor: str, text: str) -> Paragraph:
    """A block's quoted spans and sentences."""
    spans = find_quote_spans(text)
    return Paragraph(index, anchor, text, spans, writer_sentences(text, spans))


def attribute(p: Paragraph, k: int, common: frozenset[str]) -> Candidate:
    """The k-th quoted span of a paragraph with the attribution around it, if any."""
    span = p.spans[k]
    previous = p.spans[k - 1] if k else None
    following = p.spans[k + 1] if k + 1 < len(p.spans) else None
    sentence = p.sentence_at(span.open)
    begin = max(p.sentences[sentence][0], previous.close if previous else 0)
    closing_sentence = p.sentence_at(max(span.close - 1, 0))
    limit = min(p.sentences[closing_sentence][1], following.open if following else len(p.text))
    next_sentence = None
    if closing_sentence + 1 < len(p.sentences):
        start, end = p.sentences[closing_sentence + 1]
        next_sentence = (start, min(end, following.open if following else end))
    attribution = attribution_after(p.text, span, max(limit, span.close), next_sentence, common)
    if attribution is not None and attribution.how == "next-sentence" and not _names_speaker(attribution, p, span):
        attribution = None
    if attribution is None:
        attribution = attribution_before(p.text, span, begin, common)
    coordinated = (
        attribution is None
        and previous is not None
        and p.sentence_at(previous.open) == sentence
        and _CONNECTORS.fullmatch(p.text[previous.close : span.open]) is not None
    )
    return Candidate(p.index, span, span.text(p.text), attribution, coordinated)


def _names_speaker(attribution: Attribution, p: Paragraph, span: QuoteSpan) -> bool:
    # `"… information." Moreno said.` attributes a quoted sentence; `… "severe." Nobody else spoke.` does not.
    phrase = attribution.phrase
    return opens_sentence(p, span) and phrase is not None and phrase.kind in ("name", "pronoun")


def group_continued(candidates: list[Candidate], paragraphs: list[Paragraph]) -> list[Candidate]:
    """Join an unclosed quote to the paragraph that reopens it (the next, or the one after a caption)."""
    groups: dict[tuple[int, int], int] = {}  # (paragraph, span offset) -> group
    for p in paragraphs:
        if not p.spans or p.spans[-1].closed:
            continue
        group = groups.setdefault((p.index, p.spans[-1].open), p.index)
        for later in paragraphs[p.index + 1 : p.index + 3]:
            if later.spans and not later.text[: later.spans[0].open].strip():
                groups[(later.index, later.spans[0].open)] = group
                break
            if later.spans:
                break  # a paragraph with quotes of its own, not reopening the quote, ends it
    return [replace(c, group=groups.get((c.paragraph, c.span.open))) for c in candidates]


# --- what is a quote ------------------------------------------------------


def is_signed(c: Candidate) -> bool:
    """A quote with a cue of its own: the only kind a heading may hold."""
    return c.attribution is not None and c.attribution.strong


def opens_sentence(p: Paragraph, span: QuoteSpan) -> bool:
    """Whether nothing of the writer's precedes the quote in its sentence."""
    return not p.text[p.sentences[p.sentence_at(span.open)][0] : span.open].strip()


def title_like(text: str) -> bool:
    """Capitalised like a title or a name: "A Better Idea of Home", "Hope"."""
    text_words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    if not text_words or len(text_words) > _TITLE_MAX_WORDS:
        return False
    return all(w[0].isupper() or w.lower().rstrip(".") in _TITLE_SMALL_WORDS for w in text_words)


def _announced_as_term(before: str) -> bool:
    """`adding the words "and Emergency"`, `the headline "Gotcha"`: a quoted term or title, not speech."""
    last_words = words(before)[-1:]
    return bool(last_words) and last_words[0].lower() in METALINGUISTIC_NOUNS


def _sentence_like(text: str) -> bool:
    """A full quoted sentence: capitalised, punctuated, long enough to be speech."""
    stripped = text.rstrip("\"'”’)] ")
    return (
        text[:1].isupper()
        and len(words(text)) >= _SENTENCE_MIN_WORDS
        and stripped.endswith((".", "!", "?", "…", ","))
        and not title_like(text)
    )


def quote_only(p: Paragraph) -> bool:
    """A paragraph that is nothing but quoted words (and tags such as "[sic]")."""
    outside = "".join(p.text[a:b] for a, b in _gaps(p))
    return _CONNECTORS.fullmatch(re.sub(r"[.:;!?\"'“”‘’—–-]", " ", outside)) is not None


def _gaps(p: Paragraph) -> list[tuple[int, int]]:
    edges = [0, *(x for s in p.spans for x in (s.open, s.close)), len(p.text)]
    return list(zip(edges[::2], edges[1::2], strict=True))


def is_quote(c: Candidate, paragraphs: list[Paragraph]) -> bool:
    """Whether a quoted span is speech, rather than a title, name, term or source."""
    p = paragraphs[c.paragraph]
    if not re.search(r"[^\W\d_]", c.text) or _NAMING_BEFORE.search(p.text[: c.span.open]):
        return False
    attribution = c.attribution
    if (attribution is None or attribution.how == "partial") and _announced_as_term(p.text[: c.span.open]):
        return False
    cited = _DATED_SOURCE.match(p.text, c.span.close) or (
        opens_sentence(p, c.span) and _SIGNED_LINE.match(p.text, c.span.close)
    )
    if cited and (attribution is None or attribution.how != "dash"):
        return False  # a source list
    if attribution is not None:
        # `performed "We Are the Champions," said …` is a title; `"Yes," he said` is not.
        return not title_like(c.text) or (attribution.how in ("after", "dash") and opens_sentence(p, c.span))
    if c.coordinated:
        return True
    if c.group is not None and len(words(c.text)) >= 3:
        return True
    if _sentence_like(c.text):
        return True
    return quote_only(p) and len(words(c.text)) >= 3 and not title_like(c.text)
