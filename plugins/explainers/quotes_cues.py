"""Speech cues: the verb that attributes a quote, and the speaker it names.

A quote is attributed by the words around it, in the same sentence:

- after it, in either order: `"…," said Okafor` / `"…," Moreno said` /
  `"…," according to Dr. Smith` / `"…" - Paul Weber` (a pull quote);
- before it: `Ruiz said, "…"` / `Novak told reporters: "…"`;
- around a partial quote in the writer's sentence: `Russo said a "more
  general reflection" is needed`, `called the ruling "dangerous"`.

The cue is the reporting verb as written, with its auxiliaries and a short
complement ("has called", "told the press", "said in a statement").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes_marks import QuoteSpan, ends_sentence
from .quotes_vocabulary import (
    AUXILIARIES,
    CHARACTERISE_FORMS,
    CLAUSE_WORDS,
    CUE_PHRASES,
    METALINGUISTIC_NOUNS,
    NAMING_WORDS,
    SPEECH_FORMS,
)
from .speakers import AGE, SpeakerPhrase, chunks, is_role_chunk, parse_leading, parse_subject

_VERBS = sorted(SPEECH_FORMS | CHARACTERISE_FORMS, key=len, reverse=True)
CUE = re.compile(
    r"(?<![\w'’-])(?P<aux>(?:(?:" + "|".join(AUXILIARIES) + r")\s+){0,3})"
    r"(?P<verb>" + "|".join(CUE_PHRASES) + "|" + "|".join(map(re.escape, _VERBS)) + r")(?![\w'’-])"
)
# A verb form after one of these is a noun: "in remarks to", "his comments".
_NOUN_MARKERS = frozenset(
    (
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "in",
        "of",
        "with",
        "these",
        "those",
        "this",
        "such",
        "no",
        "any",
        "some",
        "many",
        "few",
        "whose",
    )
)


def cue_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Speech verbs in ``text[start:end]``, leaving out verb forms used as nouns."""
    found = []
    for match in CUE.finditer(text, start, len(text) if end is None else end):
        before = words(text[max(0, match.start() - 30) : match.start()])
        if not match.group("aux") and before and before[-1].lower() in _NOUN_MARKERS:
            continue
        found.append(match)
    return found


ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording to\s+")
# "…" - Paul Weber: a pull quote signed after a dash, to the end of the paragraph.
_DASH_SIGNATURE = re.compile(r"\s*(?P<dash>[-–—]{1,2})\s*(?P<who>[^\d.!?\"“”:;]{2,80}?)\s*\.?\s*$")
# What may sit between a cue and its quote for the cue to be adjacent: "told the press, ".
_ADJACENT_GAP = re.compile(r"\s*(?:that\s*)?[,:]?\s*$|\s+(?P<complement>[^,:;.\"“”]{1,45}?)\s*[,:]\s*$")
_WORD = re.compile(r"[\w'’-]+")
# Words that cannot open the speaker phrase after a quote: `"…" and said he would resign`.
_NOT_A_SUBJECT = frozenset((
    "and", "but", "or", "which", "who", "that", "to", "in", "on", "at", "for", "of", "with", "as",
    "because", "while", "when", "if", "is", "was", "are", "were", "has", "have", "had", "be", "been",
    "so", "than", "from", "by", "into", "about", "after", "before", "it",
))  # fmt: skip
# "said in a report that …": where the words were said is not part of the gap to the quote.
_CUE_COMPLEMENT = re.compile(
    r"^\s*(?:(?:in|on|at|during|to)\s+(?:a|an|the|his|her|their|its)?\s*[\w-]+\s*)?(?:that\s+)?"
)
_CUE_SETTING = re.compile(r"\s+((?:in|on)\s+(?:a|an|the|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?)\s*(?:[,.;:]|$)")
_SUBJECT_MAX_WORDS = 24
_SUBJECT_OPENERS = frozenset(("he", "she", "they", "the", "a", "an", "one", "we", "i"))
_TELL_FORMS = frozenset(("tell", "tells", "told", "telling"))


@dataclass(frozen=True)
class Attribution:
    """How a quote is attributed: the speaker phrase, the cue and where they were found."""

    phrase: SpeakerPhrase | None
    cue: str
    how: str  # "after" | "before" | "partial" | "dash" | "next-sentence"
    position: int  # offset in the paragraph, for resolving pronouns and surnames

    @property
    def strong(self) -> bool:
        return self.how != "partial"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _cue_text(match: re.Match[str], complement: str | None = None) -> str:
    cue = " ".join((match.group("aux") + match.group("verb")).split())
    return f"{cue} {complement.strip()}" if complement else cue


def _is_participle(match: re.Match[str]) -> bool:
    return match.group("verb").split()[0].endswith("ing")


def attribution_after(
    text: str, span: QuoteSpan, limit: int, next_sentence: tuple[int, int] | None, common: frozenset[str]
) -> Attribution | None:
    """A speaker named after the quote, up to ``limit`` (the sentence end or the next quote)."""
    quote = span.text(text)
    signature = _DASH_SIGNATURE.fullmatch(text, span.close)
    if signature:
        phrase = parse_leading(signature.group("who"), signature.start("who"), common=common)
        if _signature_names_person(phrase) and len(words(signature.group("who"))) <= 8:
            return Attribution(phrase, signature.group("dash"), "dash", signature.start("who"))
    rest = text[span.close : limit]
    lead = rest.lstrip()
    comma = lead.startswith(",")
    lead = lead.lstrip(", ")
    base = limit - len(lead)
    punctuated = comma or quote.endswith((",", "!", "?", "…", "—", "–", "-")) or ends_sentence(quote)
    if not lead:
        return _next_sentence(text, next_sentence, common) if ends_sentence(quote) else None
    according = ACCORDING.match(lead)
    if according:
        phrase = parse_leading(lead[according.end() :], base + according.end(), common=common)
        return Attribution(phrase, "according to", "after", base)
    first = CUE.match(lead)
    if first and not _is_participle(first) and first.group("verb") not in _TELL_FORMS and punctuated:
        phrase = parse_leading(lead[first.end() :], base + first.end(), common=common)
        if phrase is not None:
            return Attribution(phrase, _cue_text(first), "after", base)
    cues = cue_matches(lead)
    cue = cues[0] if cues else None
    if cue is None or _is_participle(cue):
        return None
    region = lead[: cue.start()]
    region_words = words(region)
    if not region_words or region_words[0].lower() in _NOT_A_SUBJECT or len(region_words) > _SUBJECT_MAX_WORDS:
        return None
    if not punctuated and region_words[0].islower() and region_words[0] not in _SUBJECT_OPENERS:
        return None  # `"History" section of the site explains`: the quote is part of a noun phrase
    remainder = lead[cue.end() :]
    if not punctuated and not re.match(r"[^,.;:!?]{0,40}(?:[,.;:!?]|$)", remainder):
        return None  # a long clause follows: the verb is the writer's, not an attribution
    phrase = parse_subject(region, base, common=common)
    if phrase is None:
        return None
    return Attribution(phrase, _cue_text(cue, _complement(cue, remainder)), "after", base)


def _signature_names_person(phrase: SpeakerPhrase | None) -> bool:
    # "- Paul Weber", "— Dr. Smith": a person; "— BBC News" or "- Reuters" is a source, not a speaker.
    if phrase is None or phrase.kind != "name" or phrase.organisation:
        return False
    return phrase.evidence or " " in (phrase.name or "")


def _complement(cue: re.Match[str], remainder: str) -> str | None:
    # "told the press", "said in a statement": part of the cue as written.
    setting = _CUE_SETTING.match(remainder)
    if setting:
        return setting.group(1)
    if cue.group("verb") not in _TELL_FORMS:
        return None
    match = re.match(r"\s+([^,:;.\"“”]{1,30}?)\s*(?:[,:;.]|$)", remainder)
    return match.group(1) if match and len(words(match.group(1))) <= 3 else None


def _next_sentence(text: str, sentence: tuple[int, int] | None, common: frozenset[str]) -> Attribution | None:
    # `"… information." Moreno said.` — a sentence that is nothing but the attribution.
    if sentence is None:
        return None
    start, end = sentence
    body = text[start:end]
    cues = cue_matches(body)
    cue = cues[0] if cues else None
    if cue is None or body[cue.end() :].strip(" .!") or len(words(body[: cue.start()])) > 6:
        return None
    phrase = parse_subject(body[: cue.start()], start, common=common)
    if phrase is None:
        return None
    return Attribution(phrase, _cue_text(cue), "next-sentence", start)


def attribution_before(text: str, span: QuoteSpan, begin: int, common: frozenset[str]) -> Attribution | None:
    """A speaker named before the quote in its sentence (from ``begin``), or None."""
    before = text[begin : span.open]
    cues = cue_matches(before)
    according = list(ACCORDING.finditer(before))
    if according and (not cues or according[-1].start() > cues[-1].start()):
        return _according_before(text, span, begin, according[-1], common)
    if not cues:
        return _colon_attribution(text, span, begin, common)
    cue = cues[-1]
    region_start = cues[-2].end() if len(cues) > 1 else 0  # "X said … Y told": Y is the subject
    participle = _is_participle(cue)
    region = before[region_start : cue.start()]
    gap = before[cue.end() :]
    if not region.strip(" ,;") and not participle:
        return _inverted_before(gap, begin + cue.end(), cue, common)
    phrase = parse_subject(region, begin + region_start, participle=participle, common=common)
    adjacent = _ADJACENT_GAP.fullmatch(gap)
    quote = span.text(text)
    if adjacent and cue.group("verb") not in CHARACTERISE_FORMS:
        complement = adjacent.group("complement")
        if complement and len(words(complement)) > 5:
            complement = None
        return Attribution(phrase, _cue_text(cue, complement), "before", begin + region_start)
    if not _partial_quote(cue.group("verb"), gap, quote, words(before[: cue.start()])):
        return None
    return Attribution(phrase, _cue_text(cue), "partial", begin + region_start)


def _inverted_before(gap: str, offset: int, cue: re.Match[str], common: frozenset[str]) -> Attribution | None:
    # `"…," said Smith, a spokesman, "…"`: the second half of a split quote. Only the
    # speaker and roles may stand between the verb and the quote, or the verb is not its cue.
    body = gap.rstrip()
    if not body.endswith((",", ":")):
        return None
    parts = chunks(body[:-1], offset)
    if not all(is_role_chunk(text) or AGE.fullmatch(text) for text, _ in parts[1:]):
        return None
    phrase = parse_leading(body[:-1], offset, common=common)
    if phrase is None or (phrase.kind == "description" and len(words(body)) > 8):
        return None
    return Attribution(phrase, _cue_text(cue), "before", offset)


def _colon_attribution(text: str, span: QuoteSpan, begin: int, common: frozenset[str]) -> Attribution | None:
    # `Johnson: "We will get Brexit done."` — a named person and a colon, nothing else.
    before = text[begin : span.open]
    match = re.fullmatch(r"\s*([^:,;]{2,60}?)\s*:\s*", before)
    if match is None:
        return None
    phrase = parse_subject(match.group(1), begin + match.start(1), common=common)
    if phrase is None or phrase.kind != "name" or phrase.organisation:
        return None
    return Attribution(phrase, ":", "before", begin)


def _according_before(
    text: str, span: QuoteSpan, begin: int, according: re.Match[str], common: frozenset[str]
) -> Attribution | None:
    after = text[begin + according.end() : span.open]
    phrase = parse_leading(after, begin + according.end(), common=common)
    parts = chunks(after)
    gap = parts[-1][0] if len(parts) > 1 else ""  # after the speaker and any role
    if gap.strip(" ,:") and not _partial_quote("said", gap, span.text(text), []):
        return None
    return Attribution(phrase, "according to", "before" if not gap.strip(" ,:") else "partial", begin)


def _partial_quote(verb: str, gap: str, quote: str, subject_words: list[str]) -> bool:
    """Whether a quote inside the writer's sentence is the speaker's wording.

    `said a "more general reflection" is needed` is; `asked officials how
    documents stored in "approved security cabinets" got out` and `adding the
    words "and Emergency"` are not.
    """
    gap_words = [w.lower() for w in words(_CUE_COMPLEMENT.sub("", gap))]
    quote_words = words(quote)
    if not quote_words or (not subject_words and not gap_words):
        return False
    if any(w in CLAUSE_WORDS or w in NAMING_WORDS for w in gap_words):
        return False
    if "that" in gap_words[:5]:
        gap_words = gap_words[gap_words.index("that") + 1 :]  # `told the court that the defendant had shown "…"`
    if any(w in METALINGUISTIC_NOUNS for w in gap_words[-2:]):
        return False  # `adding the words "and Emergency"`
    lowercase = quote[:1].islower()
    if verb in CHARACTERISE_FORMS:
        # `called the ruling "dangerous"` characterises; `a ship called "Endeavour"` names.
        return 1 <= len(gap_words) <= 25 and (lowercase or len(quote_words) >= 4)
    limit = 6 if len(quote_words) <= 3 else 12
    return len(gap_words) <= limit and (lowercase or len(quote_words) >= 3)


def cue_subjects(
    text: str, writer_text: str, sentences: list[tuple[int, int]], quoted: list[QuoteSpan], common: frozenset[str]
) -> list[tuple[SpeakerPhrase, int]]:
    """The subject of every speech verb in the writer's own words, with the verb's offset.

    ``writer_text`` is the paragraph with quoted words blanked, so that verbs
    inside quotes are not read as the writer's.
    """
    found = []
    for match in [*cue_matches(writer_text), *ACCORDING.finditer(writer_text)]:
        start = match.start()
        sentence_start = max((a for a, _ in sentences if a <= start), default=0)
        quote_end = max((q.close for q in quoted if q.close <= start), default=0)
        earlier = [m.end() for m in cue_matches(writer_text, sentence_start, start) if m.end() <= start]
        region_start = max(sentence_start, quote_end, *earlier)
        region = text[region_start:start]
        if "verb" not in match.groupdict():
            end = _sentence_end(sentences, start, len(text))
            phrase = parse_leading(text[match.end() : end], match.end(), common=common)
        elif region.strip(" ,"):
            phrase = parse_subject(region, region_start, participle=_is_participle(match), common=common)
        else:
            end = _sentence_end(sentences, start, len(text))
            phrase = parse_leading(text[match.end() : end], match.end(), common=common)
        if phrase is not None:
            found.append((phrase, start))
    return found


def _sentence_end(sentences: list[tuple[int, int]], offset: int, default: int) -> int:
    return next((b for a, b in sentences if a <= offset < b), default)
