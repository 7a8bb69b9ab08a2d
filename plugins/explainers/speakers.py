"""Who is speaking: reading a speaker phrase into a name, a role or a pronoun.

A news attribution names its speaker in a few fixed shapes, which this
module reads without any outside knowledge:

- role before the name: "former State Department official James Morrow",
  "Governor of Oregon Ana Ruiz";
- role as apposition: "Omar Al-Rashid, editor at large at the Daily Courier";
- honorifics, which are never part of the name: "Dr. Elena Ramirez";
- affiliation after the name: "Paul Weber of The Morning Post";
- a document standing for its author: "Harlan's statement";
- a pronoun ("she") or a description ("one poster", "the ministry").

Pure functions over plain strings. ``speaker_names.py`` reads the words of
one phrase; the index that resolves surnames and pronouns across the article
lives in ``speaker_index.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .quotes_vocabulary import NAME_PARTICLES, ORGANISATION_DESCRIPTIONS, ROLE_WORDS
from .speaker_names import (
    ADVERBIAL,
    AFFILIATION,
    COMPLEMENT,
    DETERMINERS,
    POSSESSIVE_DETERMINERS,
    SpeakerPhrase,
    Token,
    gender_of,
    is_name_word,
    is_title,
    parse_head,
    tokenize,
)

__all__ = ["AGE", "SpeakerPhrase", "chunks", "is_role_chunk", "parse_leading", "parse_subject", "tokenize"]

AGE = re.compile(r"\s*\d{1,3}\.?\s*")  # "Trump, 77, said": an age, not a role
_POSSESSIVE = re.compile(r"['’]s$")
_AS = re.compile(r"\s+as\s*$")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Commas and dashes set off appositions; a spaced hyphen does not ("American - Islamic").
_CHUNK_SEPARATOR = re.compile(r"[,;]|\s(?:[–—]|--)\s")
_ROLE_MAX_WORDS = 14  # an apposition longer than this is a clause, not a role
_FUNCTION_WORDS = frozenset(("and", "of", "the", "at", "in", "for", "on", "to", "from", "with", "by", "a", "an", "or"))
# Words that end a speaker phrase read after its verb: "said Okafor *to* the crowd".
_PHRASE_STOPS = frozenset((
    "who", "which", "that", "whose", "whom", "to", "in", "on", "at", "by", "during", "after", "before",
    "when", "while", "as", "because", "yesterday", "today", "tomorrow", "last", "this", "earlier", "later",
    "about", "into", "over", "through", "with", "and", "but", "or", "than", "since",
))  # fmt: skip


def chunks(text: str, offset: int = 0) -> list[tuple[str, int]]:
    """Split at commas and spaced dashes, keeping parentheses whole: (chunk, its offset)."""
    blanked = _PARENTHESES.sub(lambda m: " " * len(m.group()), text)
    parts, start = [], 0
    for match in _CHUNK_SEPARATOR.finditer(blanked):
        parts.append((blanked[start : match.start()], start + offset))
        start = match.end()
    parts.append((blanked[start:], start + offset))
    return parts


def is_role_chunk(chunk: str) -> bool:
    """An apposition giving a role: "editor at large at the Daily Courier", "of the state's school"."""
    words = [t for t in tokenize(chunk) if t.text.isalnum() or "-" in t.text or "." in t.text]
    while words and words[0].lower in {"and", "or"}:
        words = words[1:]
    if not words or len(words) > _ROLE_MAX_WORDS:
        return False
    first = words[0]
    if first.lower in AFFILIATION:
        return True
    if first.capitalised and is_title(first):
        # "Director of the National Nutrition Survey" is a role; "Dr. Mark Hill" a name.
        phrase = parse_head(words, chunk)
        return not (phrase is not None and phrase.kind == "name" and not phrase.organisation)
    if first.lower in DETERMINERS | POSSESSIVE_DETERMINERS:
        # "a virologist at Oxford University", "his lawyer"; not "The Morning Post"
        return any(w.lower in ROLE_WORDS or (w.text.islower() and w.lower not in _FUNCTION_WORDS) for w in words[1:])
    if first.capitalised or first.lower in ADVERBIAL:
        return False
    return first.lower in ROLE_WORDS or not first.lower.endswith(("ing", "ed"))


def is_adverbial_chunk(chunk: str) -> bool:
    """A circumstance between subject and verb: "in remarks to al-Ikhbariya television"."""
    words = tokenize(chunk.strip())
    if not words:
        return True
    first = words[0].lower
    return first in ADVERBIAL or (first.endswith(("ing", "ed")) and first not in ROLE_WORDS)


def parse_subject(
    region: str, offset: int = 0, *, participle: bool = False, common: frozenset[str] = frozenset()
) -> SpeakerPhrase | None:
    """The speaker in the words before a speech verb: "Omar Al-Rashid, editor …, said".

    ``offset`` is where ``region`` starts in the paragraph, so that the
    phrase's ``start`` points into the paragraph.
    """
    parts = chunks(region, offset)
    last_text, last_offset = parts[-1]
    if participle and _AS.search(last_text):
        # "quoted an army officer as saying": the speaker is the object before "as".
        object_text = _AS.sub("", last_text)
        return parse_head(tokenize(object_text, last_offset), _pad(object_text, last_offset), sentence_initial=common)
    if last_text.strip():
        if participle and len(parts) == 1:
            return parse_leading(last_text, last_offset, common=common)
        return parse_head(tokenize(last_text, last_offset), _pad(last_text, last_offset), sentence_initial=common)
    roles: list[str] = []
    for index in range(len(parts) - 2, max(-1, len(parts) - 7), -1):
        text, start = parts[index]
        if index > 0 and (is_adverbial_chunk(text) or AGE.fullmatch(text)):
            continue
        if index > 0 and is_role_chunk(text):
            roles.insert(0, text.strip())
            continue
        if participle:
            phrase = parse_leading(text, start, common=common)
        else:
            phrase = parse_head(tokenize(text, start), _pad(text, start), sentence_initial=common)
        if phrase is None or phrase.kind != "name":
            return phrase
        if index > 0 and is_role_chunk(parts[index - 1][0]) and (index == 1 or is_adverbial_chunk(parts[index - 2][0])):
            roles.insert(0, parts[index - 1][0].strip())
        return with_roles(phrase, roles)
    return None


def parse_leading(region: str, offset: int = 0, *, common: frozenset[str] = frozenset()) -> SpeakerPhrase | None:
    """The speaker at the start of the words after a speech verb: "said Okafor to the crowd"."""
    parts = chunks(region, offset)
    first_text, first_offset = parts[0]
    tokens = tokenize(first_text, first_offset)
    phrase = parse_head(tokens[: _phrase_end(tokens)], _pad(first_text, first_offset), sentence_initial=common)
    rest = parts[1:]
    if phrase is not None and phrase.kind == "description" and rest and phrase.text[:1].islower():
        # "according to the team's coach, Tomas Berg, …": the name follows its role
        following = parse_head(tokenize(rest[0][0], rest[0][1]), _pad(*rest[0]), sentence_initial=common)
        if following is not None and following.kind == "name" and rest[0][0].strip() == following.text:
            phrase, rest = replace(following, role=phrase.text), rest[1:]
    if phrase is None or phrase.kind != "name":
        return phrase
    roles = []
    for text, _ in rest:
        if AGE.fullmatch(text):
            continue  # "Trump, 77, told supporters"
        if not is_role_chunk(text):
            break
        roles.append(text.strip())
    return with_roles(phrase, roles)


def _phrase_end(tokens: list[Token]) -> int:
    """Where the speaker phrase after a verb ends: after its name and any affiliation."""
    seen_name = False
    for k, token in enumerate(tokens):
        lower = token.lower
        if not token.text[:1].isalnum():
            return k
        if is_name_word(token):
            seen_name = True
        elif is_title(token):
            seen_name = False
        elif lower in AFFILIATION:
            if seen_name:
                return next((m for m in range(k, len(tokens)) if tokens[m].lower in _PHRASE_STOPS), len(tokens))
        elif lower in COMPLEMENT and k > 0 and is_title(tokens[k - 1]):
            continue
        elif lower in ROLE_WORDS or lower in ORGANISATION_DESCRIPTIONS or _POSSESSIVE.search(lower):
            seen_name = False  # "the Kenyan team's coach": the capitalised word was a modifier
        elif lower in _PHRASE_STOPS or (seen_name and lower not in NAME_PARTICLES):
            return k
    return len(tokens)


def with_roles(phrase: SpeakerPhrase, roles: list[str]) -> SpeakerPhrase:
    """The phrase with apposition roles added after any role written before the name."""
    parts = [r.rstrip(" .") for r in (phrase.role, *roles) if r]
    gender = phrase.gender or gender_of(tokenize(" ".join(roles)))
    return replace(phrase, role=", ".join(parts) or None, gender=gender, evidence=phrase.evidence or bool(roles))


def _pad(text: str, offset: int) -> str:
    # Token offsets point into the paragraph; padding lets a chunk stand in for it.
    return " " * offset + text
