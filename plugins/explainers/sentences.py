"""Sentence boundaries in news prose, aware of "U.S." and "Dr." style abbreviations."""

from __future__ import annotations

import re

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen lt col capt sgt maj adm gov sen rep rev hon pres supt
    no vs etc inc corp co ltd dept univ jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave blvd approx est fig e.g i.e a.m p.m""".split()
)
# A candidate end: . ! or ? (maybe closed by a quote mark or bracket), then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Þ])")
_WORD_BEFORE = re.compile(r"(\S+)$")


def _is_abbreviation(text: str, end: int) -> bool:
    word = _WORD_BEFORE.search(text[:end])
    if not word:
        return False
    token = word.group(1).rstrip(".").lstrip("\"'“‘(").lower()
    # Initials and dotted abbreviations: "U.S.", "J.", "D.C."
    if re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
        return True
    return token in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, covering all of it but the spaces between."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end], and that span's offsets within it."""
    for s_start, s_end in sentence_spans(text):
        if s_start <= start < s_end:
            return text[s_start:s_end], start - s_start, min(end, s_end) - s_start
    return text, start, end
