"""Names in speaker phrases: words, titles, honorifics and runs of capitalised names.

``parse_head`` reads one comma-free phrase ("energy analyst Carlos Ramirez",
"Harlan's statement", "the ministry") into a ``SpeakerPhrase``; ``speakers.py``
puts phrases of several comma-separated parts together. No outside knowledge:
only the shape of English news attribution and the word lists in
``quotes_vocabulary.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .quotes_vocabulary import (
    DOCUMENT_WORDS,
    DOMAIN_WORDS,
    FEMALE_WORDS,
    GENERIC_PLURALS,
    HONORIFICS,
    MALE_WORDS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORGANISATION_DESCRIPTIONS,
    ORGANISATION_WORDS,
    PRONOUNS,
    ROLE_WORDS,
)

_TOKEN = re.compile(r"\w(?:[\w'’\-]|\.(?=\w))*\.?|[^\w\s]")
# Abbreviations whose final period belongs to the word, not to the sentence.
_KEEPS_PERIOD = frozenset(("dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "capt", "lt", "col",
                           "sgt", "adm", "jr", "sr", "st", "rev", "hon", "no", "vs", "inc", "corp", "ltd", "co",
                           "fr", "mt"))  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_JUNK = frozenset(("and", "but", "or", "so", "then", "however", "also", "with", "yet", "meanwhile", "while"))
_ORGANISATION_JOINERS = frozenset(("of", "for", "on"))
# Particles that may open a name in lowercase ("von May said"); not "la", "do" or "ten".
_LEADING_PARTICLES = frozenset(("de", "da", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
                                "bin", "ibn", "al", "el", "bint", "abu"))  # fmt: skip
AFFILIATION = frozenset(("of", "for", "from"))
COMPLEMENT = frozenset(("of", "for", "to", "at", "from", "in", "on"))
DETERMINERS = frozenset(("the", "a", "an"))
POSSESSIVE_DETERMINERS = frozenset(("his", "her", "their", "its", "our", "my", "your"))
# Chunks opening this way are circumstances ("in remarks to the press"), not roles.
ADVERBIAL = frozenset((
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "since", "although", "though",
    "despite", "following", "who", "which", "whose", "where", "that", "according", "citing", "if",
    "because", "to", "with", "by", "under", "over", "through", "not", "also", "however", "meanwhile",
    "speaking", "writing", "adding", "asked", "noting", "saying", "yesterday", "today", "earlier", "later",
))  # fmt: skip


class Token:
    """A word of a speaker phrase, with its offsets in the text it came from.

    A plain slotted class: an article makes tens of thousands of tokens, and
    every rule reads ``lower``, so it is computed once, when the token is made.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.lower = text.lower().rstrip(".")

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    @property
    def bare(self) -> str:
        """The word without a possessive "'s"."""
        return _POSSESSIVE.sub("", self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker as an attribution gives it, before it is resolved against the article."""

    kind: str  # "name" | "pronoun" | "description"
    text: str  # the phrase as written ("Dr. Elena Ramirez", "she", "the ministry")
    name: str | None = None  # honorifics and titles stripped ("Elena Ramirez")
    role: str | None = None
    organisation: bool = False
    plural: bool = False
    gender: str | None = None  # "f" | "m" | None when the text does not say
    evidence: bool = False  # a title, honorific or role word marks the name as a person's
    start: int = -1  # offset of the name (or pronoun) in the paragraph


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation, keeping the period of "Dr." or "U.S." but not of a sentence."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start() + offset
        if len(word) > 1 and word.endswith(".") and not _keeps_period(word):
            stop = start + len(word) - 1
            tokens += [Token(word[:-1], start, stop), Token(".", stop, stop + 1)]
        else:
            tokens.append(Token(word, start, start + len(word)))
    return tokens


def _keeps_period(word: str) -> bool:
    core = word[:-1]
    return "." in core or len(core) == 1 or core.lower() in _KEEPS_PERIOD


def is_title(token: Token) -> bool:
    """An honorific or a role word ("Dr.", "Senator", "spokeswoman")."""
    return _is_title_word(token.lower)


@lru_cache(maxsize=4096)
def _is_title_word(lower: str) -> bool:
    return lower in HONORIFICS or lower in ROLE_WORDS or all(p in ROLE_WORDS for p in lower.split("-"))


def is_name_word(token: Token) -> bool:
    """A capitalised word that may belong to a name ("Ramirez", "U.S.", "al-Amr")."""
    return _is_name_text(token.text, token.lower)


@lru_cache(maxsize=65536)  # asked for every word of every paragraph, several times over
def _is_name_text(word: str, lower: str) -> bool:
    if lower in NAME_PARTICLES or not word[:1].isalpha():
        return False
    if not word[:1].isupper():
        # "al-Amr", "el-Sisi": a lowercase particle joined to a capitalised name
        head, _, rest = word.partition("-")
        return head in NAME_PARTICLES and rest[:1].isupper()
    return lower not in NOT_NAMES and not _is_title_word(lower)


def name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of consecutive name words; particles join them ("Lula da Silva")."""
    runs = []
    i = 0
    while i < len(tokens):
        particle_first = (
            (tokens[i].capitalised and tokens[i].lower in NAME_PARTICLES) or tokens[i].text in _LEADING_PARTICLES
        ) and _after_particle(tokens, i + 1)  # "von May said", "Van Gogh"
        if not is_name_word(tokens[i]) and not particle_first:
            i += 1
            continue
        j = i + 1 if not particle_first else i + 2
        while j < len(tokens) and not _POSSESSIVE.search(tokens[j - 1].text):
            if is_name_word(tokens[j]):
                j += 1
            elif tokens[j].lower in NAME_PARTICLES and _after_particle(tokens, j + 1):
                j += 2
            elif (
                tokens[j].text in _ORGANISATION_JOINERS
                and j + 1 < len(tokens)
                and is_name_word(tokens[j + 1])
                and is_organisation(tokens[i:j])
            ):
                j += 2  # "Ministry of Defence", "Council on Hemispheric Affairs"
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _after_particle(tokens: list[Token], k: int) -> bool:
    # After "da"/"von" any capitalised word is a name, even one like "May".
    return k < len(tokens) and tokens[k].capitalised and tokens[k].text[:1].isalpha() and not is_title(tokens[k])


def is_organisation(words: list[Token]) -> bool:
    """A capitalised phrase naming an organisation or place rather than a person."""
    if any(w.bare.lower().rstrip(".") in ORGANISATION_WORDS for w in words):
        return True
    return len(words) == 1 and len(words[0].bare) > 1 and words[0].bare.replace(".", "").isupper()


def gender_of(tokens: list[Token]) -> str | None:
    """The speaker's gender when an honorific or role word states it."""
    lowers = {t.lower for t in tokens}
    female, male = bool(lowers & FEMALE_WORDS), bool(lowers & MALE_WORDS)
    return "f" if female and not male else "m" if male and not female else None


def complement_name(run: list[Token], tokens: list[Token], i: int) -> list[Token] | None:
    """The name inside "Minister of Health Elena Russo", or None when there is none.

    After "title of/to (the)" a capitalised run holds the title's object first
    and the name last; names in English news run to two words in this position.
    """
    k = i - 1
    while k >= 0 and tokens[k].lower in DETERMINERS:
        k -= 1
    if k < 1 or tokens[k].lower not in COMPLEMENT or not is_title(tokens[k - 1]):
        return run
    name = None
    organisation_at = [n for n, t in enumerate(run) if t.bare.lower().rstrip(".") in ORGANISATION_WORDS]
    if organisation_at:
        # "President of the European Commission Ursula von der Leyen": the name follows the organisation.
        rest = run[organisation_at[-1] + 1 :]
        joined = any(t.lower in _ORGANISATION_JOINERS for t in rest)
        return rest if 2 <= len(rest) <= 4 and not joined and not is_organisation(rest) else None
    if len(run) >= 3:
        name = run[-3:] if run[-3].lower in NAME_PARTICLES else run[-2:]
    elif len(run) == 2 and run[0].lower in DOMAIN_WORDS:
        name = run[1:]
    if name is None or is_organisation(name) or any(t.lower in DOMAIN_WORDS for t in name):
        return None  # "Secretary for Western Hemisphere Affairs": the title's object, no name
    return name


def parse_head(
    tokens: list[Token], text: str, *, sentence_initial: frozenset[str] = frozenset()
) -> SpeakerPhrase | None:
    """Read one comma-free phrase ("energy analyst Carlos Ramirez") into a speaker phrase.

    ``text`` is the string the token offsets point into. ``sentence_initial``
    holds lowercase words known as common words in this article: one of them
    capitalised at the start of the phrase is not a name ("Officials said").
    """
    words = [t for t in tokens if t.text not in {".", '"', "“", "”", "'", "‘", "’"}]
    while words and words[0].lower in _LEADING_JUNK:
        words = words[1:]
    if not words:
        return None
    phrase_text = text[words[0].start : words[-1].end]
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return SpeakerPhrase("pronoun", phrase_text, start=words[0].start, plural=words[0].lower in {"they", "we"})
    first = words[0]
    generic = len(words) == 1 or not is_name_word(words[1])
    if first.capitalised and generic and _is_generic_noun(first.lower):
        words = [Token(first.text.lower(), first.start, first.end), *words[1:]]  # "Critics say", "Police said"
    elif (
        first.capitalised
        and first.lower in sentence_initial
        and first.lower not in NOT_NAMES | NAME_PARTICLES
        and (generic or (len(words) > 2 and is_name_word(words[2])))
    ):
        # A common word capitalised only because it opens the sentence ("Officials said",
        # "Independent Ruth Lam"), but not a first name that is also a word ("Mark Hill").
        words = [Token(first.text.lower(), first.start, first.end), *words[1:]]
    head, tail = _split_affiliation(words)
    runs = name_runs(head)
    if not runs:
        return _description(head, text, tail)
    i, j = runs[-1]
    run = head[i:j]
    if j < len(head):
        owner = run[-1]
        if _POSSESSIVE.search(owner.text) and head[j].lower in DOCUMENT_WORDS:
            return SpeakerPhrase("name", phrase_text, name=_join(run, text), start=run[0].start)
        return _description(head, text, tail)
    name = complement_name(run, head, i)
    if name is None:
        return _description(head, text, tail)
    before = head[: head.index(name[0])]
    role_words = [t for t in before if t.lower not in HONORIFICS]
    role = _role_text(role_words, text)
    if tail:
        role = f"{role}, {_join(tail, text)}" if role else _join(tail, text)
    return SpeakerPhrase(
        "name",
        phrase_text,
        name=_join(name, text),
        role=role,
        organisation=is_organisation(name),
        gender=gender_of(before),
        evidence=any(is_title(t) for t in before),
        start=name[0].start,
    )


def _is_generic_noun(word: str) -> bool:
    """A common noun for people or institutions, singular or plural: "critics", "police"."""
    if word in ORGANISATION_DESCRIPTIONS:
        return True
    singulars = (word[:-1], word[:-2], word[:-3] + "y") if word.endswith("s") else ()
    return any(w in ROLE_WORDS or w in ORGANISATION_DESCRIPTIONS for w in singulars)


def _split_affiliation(words: list[Token]) -> tuple[list[Token], list[Token]]:
    # "Jane Jonssen for Water Safety Scotland": the name ends where
    # "of/for/from" follows a person's name (not a title or an organisation).
    for k in range(1, len(words)):
        if words[k].lower in AFFILIATION and is_name_word(words[k - 1]):
            runs = [r for r in name_runs(words[:k]) if r[1] == k]
            if runs and not is_organisation(words[runs[0][0] : k]):
                return words[:k], words[k:]
    return words, []


def _description(head: list[Token], text: str, tail: list[Token]) -> SpeakerPhrase:
    words = head + tail
    last = head[-1].lower if head else ""
    organisation = last in ORGANISATION_DESCRIPTIONS
    plural = not organisation and bool(GENERIC_PLURALS.match(last)) and not last.endswith("ss")
    role = None
    role_at = [k for k, w in enumerate(head) if w.lower in ROLE_WORDS]
    if role_at:
        # "KCNA quoted an army officer", "a spokesman for the CPS": the noun phrase around the role word.
        determiners = [k for k in range(role_at[0] + 1) if head[k].lower in DETERMINERS | POSSESSIVE_DETERMINERS]
        role = _join(head[determiners[-1] if determiners else 0 :] + tail, text)
    return SpeakerPhrase(
        "description",
        _join(words, text),
        role=role,
        organisation=organisation,
        plural=plural,
        gender=gender_of(head),
        start=head[0].start if head else -1,
    )


def _role_text(words: list[Token], text: str) -> str | None:
    if not words or words[0].lower in ADVERBIAL or all(w.lower in DETERMINERS for w in words):
        return None
    return _join(words, text)


def _join(words: list[Token], text: str) -> str:
    joined = text[words[0].start : words[-1].end]
    return _POSSESSIVE.sub("", joined).strip(" ,")
