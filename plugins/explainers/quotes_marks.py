"""Quotation marks in a paragraph: where each quoted span opens and closes.

Marks are read by position, not only by glyph: a mark after a space and
before a word opens, a mark after a word and before a space or punctuation
closes. That handles straight marks ("), curly marks (“ ”), a closing mark
typed the wrong way round, and single marks (‘ ’ ') used as outer quotation
marks, while an apostrophe inside or at the end of a word ("Paris's",
"don't", "the teams' robots") is never taken for a mark. Single marks
inside double marks belong to the outer quote. A mark left open runs to the
end of its paragraph and no further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .sentences import sentence_spans

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‚‹›"
_OPENING_GLYPHS = "“„«‘‚‹"
_CLOSING_GLYPHS = "”»’›"
_BEFORE_OPENING = "([{—–-/" + DOUBLE_MARKS + SINGLE_MARKS
_AFTER_CLOSING = ".,;:!?)]}—–-…" + DOUBLE_MARKS + SINGLE_MARKS
# "'90s", "'em", "rock 'n' roll": elisions, not opening marks.
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|cause\b|n\b|tis\b|twas\b|s\b)", re.I)
_TERMINAL = ".!?…"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted span: the marks' offsets and the stripped text between them."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (the paragraph's end when unclosed)
    start: int  # offsets of the quoted text, surrounding whitespace stripped
    end: int
    closed: bool = True

    def text(self, paragraph: str) -> str:
        return paragraph[self.start : self.end]


def _can_open(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else ""
    before = text[i - 1] if i > 0 else ""
    return bool(after) and not after.isspace() and (not before or before.isspace() or before in _BEFORE_OPENING)


def _can_close(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else ""
    before = text[i - 1] if i > 0 else ""
    return bool(before) and not before.isspace() and (not after or after.isspace() or after in _AFTER_CLOSING)


def _span(text: str, open_at: int, close_at: int | None) -> QuoteSpan | None:
    end = close_at if close_at is not None else len(text)
    inner = text[open_at + 1 : end]
    stripped = inner.strip()
    if not stripped:
        return None
    start = open_at + 1 + (len(inner) - len(inner.lstrip()))
    return QuoteSpan(
        open=open_at,
        close=end + 1 if close_at is not None else len(text),
        start=start,
        end=start + len(stripped),
        closed=close_at is not None,
    )


def _double_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i, char in enumerate(text):
        if char not in DOUBLE_MARKS:
            continue
        opens, closes = _can_open(text, i), _can_close(text, i)
        if opens and closes:  # between two marks or dashes: trust the glyph, then the state
            opens, closes = (char in _OPENING_GLYPHS, char in _CLOSING_GLYPHS)
            if not (opens or closes):
                opens, closes = open_at is None, open_at is not None
        if open_at is None:
            if opens:
                open_at = i
        elif closes:
            span = _span(text, open_at, i)
            spans += [span] if span else []
            open_at = None
        elif opens:
            # A new opening mark while one is open: the earlier one was never closed.
            span = _span(text, open_at, None)
            if span:
                cut = text[open_at + 1 : i].rstrip()
                spans.append(QuoteSpan(span.open, i, span.start, open_at + 1 + len(cut), closed=False))
            open_at = i
    if open_at is not None:
        span = _span(text, open_at, None)
        spans += [span] if span else []
    return spans


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    def inside_double(i: int) -> bool:
        return any(s.open <= i < s.close for s in doubles)

    spans = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "'‘‚‹" and _can_open(text, i) and not _ELISION.match(text, i + 1) and not inside_double(i):
            close = _single_close(text, i, inside_double)
            crossing = close is not None and any(i < d.open < close < d.close - 1 for d in doubles)
            if close is not None and not crossing:
                span = _span(text, i, close)
                if span:
                    spans.append(span)
                    i = close + 1
                    continue
        i += 1
    return spans


def _single_close(text: str, open_at: int, inside_double: Callable[[int], bool]) -> int | None:
    """The mark closing a single-quoted span, skipping plural possessives ("the players' union")."""
    for k in range(open_at + 1, len(text)):
        char = text[k]
        if char in "‘‚‹" and _can_open(text, k) and not inside_double(k):
            return None
        if char not in "'’›" or not _can_close(text, k) or inside_double(k):
            continue
        before, after = text[k - 1], text[k + 1 : k + 3]
        possessive = before in "sS" and after[:1] == " " and after[1:2].islower()
        if not possessive:
            return k
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted span of a paragraph, outermost only, in order."""
    doubles = _double_spans(text)
    singles = _single_spans(text, doubles)
    # British style: single marks outside, double marks inside; keep the outer ones.
    outer_doubles = [d for d in doubles if not any(s.open < d.open and d.close <= s.close for s in singles)]
    return sorted(outer_doubles + singles, key=lambda s: s.open)


def masked(text: str, spans: list[QuoteSpan]) -> str:
    """The paragraph with quoted words blanked, so that the writer's own sentences can be read.

    The first and last characters stay: a quote ending in "." still ends its
    sentence, and one starting with a capital can still start one.
    """
    chars = list(text)
    for span in spans:
        for k in range(span.start + 1, span.end - 1):
            if not chars[k].isspace():
                chars[k] = "x"
    return "".join(chars)


def writer_sentences(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph, ignoring sentence ends inside quotes."""
    return sentence_spans(masked(text, spans)) or [(0, len(text))]


def ends_sentence(quote: str) -> bool:
    """Whether a quote's own punctuation closes a sentence ("… at all.")."""
    return quote.rstrip("\"'”’)]").endswith(tuple(_TERMINAL))
