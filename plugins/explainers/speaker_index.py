"""The people and organisations an article names, for resolving speakers.

"Okafor said" needs the full name used earlier ("Charles Okafor"); "she
said" needs the last person named who fits; "they said" the last
organisation. The index keeps every name mention in article order and
answers those questions, choosing the nearest preceding mention when two
people share a surname and answering None when it cannot be sure.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .quotes_vocabulary import HONORIFICS
from .speaker_names import (
    SpeakerPhrase,
    Token,
    complement_name,
    gender_of,
    is_organisation,
    is_title,
    name_runs,
    tokenize,
)

Position = tuple[int, int]  # (paragraph index, character offset)

_TYPO_SIMILARITY = 0.8  # "Jonsen" for "Jonssen": a misspelt surname, not another person


@dataclass(frozen=True)
class Mention:
    """A name in the article's text, with what the text says about it."""

    name: str
    position: Position
    sentence: tuple[int, int]  # (paragraph index, sentence index)
    person: bool
    organisation: bool
    evidence: bool  # a title, role or speech verb marks it as a speaker's name
    gender: str | None = None
    role: str | None = None
    in_quote: bool = False
    attributive: bool = False  # "the Cruise video": a name used as a modifier


@dataclass(frozen=True)
class Subject:
    """The subject of a speech verb anywhere in the article ("Okoro says …")."""

    phrase: SpeakerPhrase
    position: Position
    in_quote: bool = False


def find_mentions(
    text: str,
    paragraph: int,
    sentences: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    common: frozenset[str],
) -> list[Mention]:
    """Every capitalised name in a paragraph, with titles and honorifics set aside."""
    text = _without_nicknames(text)
    tokens = tokenize(text)
    mentions = []
    for i, j in name_runs(tokens):
        run = tokens[i:j]
        start = run[0].start
        sentence = _sentence_of(start, sentences)
        if sentences and start == sentences[sentence][0] and run[0].lower in common and len(run) != 2:
            # A common word capitalised because it opens the sentence ("Independent Ruth Lam"),
            # unless only a surname would be left ("Mark Hill").
            run = run[1:]
            i += 1
        name = complement_name(run, tokens, i) if run else None
        if not name:
            continue
        before = tokens[max(0, i - 2) : i]
        evidence = bool(before) and is_title(before[-1])
        titles = _titles_before(tokens, i)
        # "Met Office spokeswoman": a name before a role word is an employer, not a person.
        modifier = j < len(tokens) and is_title(tokens[j]) and tokens[j].lower not in HONORIFICS
        organisation = is_organisation(name) or modifier
        attributive = (
            len(name) == 1 and i > 0 and tokens[i - 1].lower in {"the", "a", "an"}
            and j < len(tokens) and tokens[j].text[:1].islower()
        )  # fmt: skip
        mentions.append(
            Mention(
                name=_name_text(name, text),
                position=(paragraph, name[0].start),
                sentence=(paragraph, sentence),
                person=not organisation and (len(name) > 1 or evidence),
                organisation=organisation,
                evidence=evidence,
                gender=gender_of(before),
                role=text[titles[0].start : titles[-1].end]
                if titles and _whole_role(tokens, i - len(titles))
                else None,
                in_quote=any(a <= start < b for a, b in quoted),
                attributive=attributive,
            )
        )
    return mentions


def _titles_before(tokens: list[Token], i: int) -> list[Token]:
    # "Judge Ruth Adler", "Environment Minister John Moreno": the title words right before a name.
    k = i
    while k > 0 and i - k < 3 and is_title(tokens[k - 1]):
        k -= 1
    return tokens[k:i]


def _whole_role(tokens: list[Token], k: int) -> bool:
    # "Governor Sam Ellis" has a whole role; in "opposition leader Lazarus Chakwera" or "former
    # Governor Sam Ellis" the title words are only part of it, and "leader" alone would mislead.
    return k == 0 or not tokens[k - 1].text[:1].isalpha() or tokens[k - 1].lower in ("the", "a", "an")


def _name_text(name: list[Token], text: str) -> str:
    name_text = _SPACES.sub(" ", text[name[0].start : name[-1].end])
    return name_text.removesuffix("'s").removesuffix("’s")


# `Sam "The Hammer" Ellis`: a quoted nickname between two parts of a name.
_NICKNAME = re.compile(r"(\b[A-Z][\w.’'-]* )([\"“‘'][A-Z][^\"”’]{0,38}[\"”’])(?= [A-Z])")
_SPACES = re.compile(r"\s{2,}")


def _without_nicknames(text: str) -> str:
    """The text with nicknames blanked (offsets kept), so the name around them reads whole."""
    return _NICKNAME.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def _sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return index
    return max(0, len(sentences) - 1)


@dataclass
class SpeakerIndex:
    """Names and speech-verb subjects of one article, in article order."""

    mentions: list[Mention]
    subjects: list[Subject]
    _full: dict[tuple[str, Position], str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.position)
        self.subjects.sort(key=lambda s: s.position)
        self._person_names = {m.name for m in self.mentions if m.person}
        # Each name in lowercase words, split once: resolving a surname compares it with every mention.
        self._lower_words = {m.name: [w.lower() for w in m.name.split()] for m in self.mentions}
        self._by_last_word: dict[str, list[Mention]] = defaultdict(list)  # in article order
        for m in self.mentions:
            self._by_last_word[self._lower_words[m.name][-1]].append(m)
        # Positions in order, so that questions about a stretch of text need not scan the article:
        # a long article would make every such question, asked once per quote, cost its whole length.
        self._mention_positions = [m.position for m in self.mentions]
        self._subject_positions = [s.position for s in self.subjects]
        self._answers: dict[tuple[str, str], str | None] = {}  # (question, full name) → answer
        self._speakers: set[str | None] | None = None

    def mentions_between(self, start: Position, end: Position) -> list[Mention]:
        """The name mentions from ``start`` up to (not including) ``end``, in article order."""
        positions = self._mention_positions
        return self.mentions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]

    def subjects_between(self, start: Position, end: Position) -> list[Subject]:
        """The speech-verb subjects from ``start`` up to (not including) ``end``, in article order."""
        positions = self._subject_positions
        return self.subjects[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]

    # --- names ------------------------------------------------------------

    def full_name(self, name: str, position: Position) -> str:
        """The fullest form of a name: a surname becomes the nearest preceding full name."""
        key = (name, position)
        if key not in self._full:
            self._full[key] = self._resolve_name(name, position)
        return self._full[key]

    def _resolve_name(self, name: str, position: Position) -> str:
        words = name.split()
        lower = [w.lower() for w in words]
        longer = [
            m
            for m in self._by_last_word.get(lower[-1], ()) if not m.organisation
            and _extends(self._lower_words[m.name], lower)
        ]  # fmt: skip
        if not longer and len(words) == 1:
            # A family name written first ("Kim" for "Kim Min-seok") or a known name ("Lula").
            longer = [m for m in self.mentions if m.person and len(m.name.split()) > 1 and words[0] in m.name.split()]
        if not longer and len(words) == 1:
            longer = self._misspelt(words[0])
        if not longer:
            return name
        # The nearest preceding full name wins when two people share a surname;
        # failing that, the first one after (a pull quote before the story).
        before = bisect.bisect_left([m.position for m in longer], position)
        return (longer[before - 1] if before else longer[0]).name

    def _misspelt(self, surname: str) -> list[Mention]:
        similar = [
            m for m in self.mentions if m.person and len(m.name.split()) > 1 and _similar(m.name.split()[-1], surname)
        ]
        return similar if len({m.name for m in similar}) == 1 else []

    def gender(self, full: str) -> str | None:
        """The gender the article states for a person, if it states exactly one."""
        if ("gender", full) not in self._answers:
            self._answers[("gender", full)] = self._gender(full)
        return self._answers[("gender", full)]

    def _gender(self, full: str) -> str | None:
        genders = {m.gender for m in self._mentions_of(full) if m.gender}
        genders |= {s.phrase.gender for s in self.subjects if s.phrase.gender and self._subject_name(s) == full}
        return genders.pop() if len(genders) == 1 else None

    def role(self, full: str) -> str | None:
        """The first role the article gives a person ("energy analyst")."""
        if ("role", full) not in self._answers:
            self._answers[("role", full)] = self._role(full)
        return self._answers[("role", full)]

    def _role(self, full: str) -> str | None:
        for subject in self.subjects:
            if subject.phrase.role and self._subject_name(subject) == full:
                return subject.phrase.role
        # Else a title written before the name anywhere: "Governor Sam Ellis praised …".
        for mention in self.mentions:
            if mention.role and mention.person and self.full_name(mention.name, mention.position) == full:
                return mention.role
        return None

    def person_with_role(self, noun: str, position: Position) -> str | None:
        """The one person given this role or title so far: "the judge" → "Ruth Adler"."""
        holders = {
            self.full_name(m.name, m.position)
            for m in self.mentions
            if m.position < position and m.role and noun in m.role.lower().split()
        }
        holders |= {
            name
            for s in self.subjects
            if s.position < position and s.phrase.role and noun in s.phrase.role.lower().split()
            and (name := self._subject_name(s))
        }  # fmt: skip
        return holders.pop() if len(holders) == 1 else None

    def organisation_named(self, noun: str, position: Position) -> str | None:
        """The organisation a description stands for: "the ministry" → "Ministry of Defence"."""
        for mention in reversed(self.mentions):
            if mention.position < position and mention.organisation and noun in mention.name.lower().split():
                return mention.name
        return None

    # --- pronouns ---------------------------------------------------------

    def person_for_pronoun(self, pronoun: str, position: Position) -> str | None:
        """The person "he" or "she" refers to, or None when two people could fit."""
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
        people = [m for m in self._people_before(position) if not m.attributive]
        antecedent = None
        for mention in reversed(people):
            full = self.full_name(mention.name, mention.position)
            if (mention.evidence or self._is_speaker(full)) and self._fits(full, wanted):
                antecedent = mention
                break
        if antecedent is None:
            return None
        full = self.full_name(antecedent.name, antecedent.position)
        for other in people:
            other_full = self.full_name(other.name, other.position)
            if other_full == full or not self._fits(other_full, wanted):
                continue
            if other.position > antecedent.position or other.sentence == antecedent.sentence:
                return None  # another person was named since, or alongside: not sure who is meant
        return full

    def organisation_for_they(self, position: Position) -> str | None:
        """The organisation "they" refers to: the last subject of a speech verb, if it was one."""
        earlier = [s for s in self.subjects_between((position[0] - 1, 0), position) if not s.in_quote]
        if not earlier:
            return None
        last = earlier[-1].phrase
        if last.kind == "name" and last.organisation and last.name:
            return last.name
        return None

    def names_person_between(self, start: Position, end: Position, speaker: str | None) -> bool:
        """Whether text between two positions names a person other than ``speaker``."""
        for mention in self.mentions_between(start, end):
            if self._is_person(mention) and not mention.in_quote:
                if self.full_name(mention.name, mention.position) != speaker:
                    return True
        return False

    # --- helpers ----------------------------------------------------------

    def _people_before(self, position: Position) -> list[Mention]:
        return [
            m for m in self.mentions_between((position[0] - 1, 0), position) if self._is_person(m) and not m.in_quote
        ]

    def _is_person(self, mention: Mention) -> bool:
        # A lone surname is a person when it stands for a person's full name.
        if mention.person or mention.organisation:
            return mention.person
        full = self.full_name(mention.name, mention.position)
        return full != mention.name and full in self._person_names

    def _mentions_of(self, full: str) -> list[Mention]:
        return [m for m in self.mentions if self.full_name(m.name, m.position) == full]

    def _subject_name(self, subject: Subject) -> str | None:
        name = subject.phrase.name
        return self.full_name(name, subject.position) if subject.phrase.kind == "name" and name else None

    def _is_speaker(self, full: str) -> bool:
        if self._speakers is None:
            self._speakers = {self._subject_name(s) for s in self.subjects}
        return full in self._speakers

    def _fits(self, full: str, wanted: str | None) -> bool:
        gender = self.gender(full)
        return wanted is None or gender is None or gender == wanted


def _extends(full: list[str], words: list[str]) -> bool:
    # Both in lowercase words: case-blind, as "Ten Hag" opening a sentence is "Erik ten Hag".
    return len(full) > len(words) and full[-len(words) :] == words


def _similar(a: str, b: str) -> bool:
    return (
        a[:1] == b[:1]
        and abs(len(a) - len(b)) <= 2
        and difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= _TYPO_SIMILARITY
    )
