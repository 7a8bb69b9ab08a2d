"""Sentence boundaries in news prose, aware of "U.S." and "Dr." style abbreviations."""

from __future__ import annotations

import re
from functools import lru_cache

# Words ending in "." that do not end a sentence.
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "capt", "sgt",
    "adm", "gov", "sen", "rep", "pres", "rev", "hon", "fr", "inc", "corp", "co", "ltd", "bros",
    "no", "vs", "etc", "approx", "dept", "est", "fig", "vol",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, as (start, end) offsets into ``text``.

    Abbreviations ("Dr.", "Jan."), initials ("John F. Kennedy") and dotted
    acronyms ("U.S.") do not end a sentence.
    """
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word and _is_abbreviation(word.group(1)):
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _is_abbreviation(word: str) -> bool:
    if "." in word:  # U.S. / U.N. / D.C.
        return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word))
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end], and that span's offsets within it."""
    for s_start, s_end in _spans_of(text):
        if s_start <= start < s_end:
            return text[s_start:s_end], start - s_start, min(end, s_end) - s_start
    return text, start, end


@lru_cache(maxsize=1024)
def _spans_of(text: str) -> tuple[tuple[int, int], ...]:
    # Actor pages ask for the sentence around each actor's first mention: one paragraph
    # naming twenty actors would otherwise be split into sentences twenty times.
    return tuple(sentence_spans(text))
