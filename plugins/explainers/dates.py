"""Partial dates, and the dated statements an article makes about itself.

Editors date events as precisely as they know them (``2019``, ``2019-01`` or
``2019-01-23``), and articles say "in 2019" or "since January 2014". Both
become an :class:`EventDate`, which sorts a period before the more precise
dates inside it, so a timeline reads from the general to the particular.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from typing import Literal

from .model import Article
from .sentences import sentence_spans

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# News copy writes "Jan. 23, 2019" (AP style) as often as "January 23, 2019".
_MONTH_NUMBERS = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBERS.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)})
_MONTH_NUMBERS["sept"] = 9

# Years a news article can plausibly be talking about; anything else is a count.
FIRST_YEAR, LAST_YEAR = 1800, 2100

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


class DateError(ValueError):
    """A date an editor wrote that we cannot read; ``hint`` says what would be right."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@functools.total_ordering
@dataclass(frozen=True)
class EventDate:
    """A date known to the year, the month or the day.

    Ordering: 2019 < 2019-01 < 2019-01-05 < 2019-02, i.e. a period sorts
    just before the more precise dates within it.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is not between 1 and 9999")
        if self.month is None:
            if self.day is not None:
                raise DateError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} is not between 1 and 12", "months run from 01 to 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(
                    f"{MONTHS[self.month - 1]} {self.year} has no day {self.day}",
                    f"{MONTHS[self.month - 1]} {self.year} has {last} days",
                )

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`DateError` otherwise."""
        text = str(text).strip()
        match = _ISO_DATE.fullmatch(text)
        if match is None:
            raise DateError(f"`{text}` is not a date", _format_hint(text))
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            return cls(year, month, day)  # type: ignore[arg-type]
        except DateError as err:
            raise DateError(f"`{text}` is not a date: {err}", err.hint) from None

    @property
    def iso(self) -> str:
        """The value for ``<time datetime>``: "2019", "2019-01" or "2019-01-23"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @property
    def display(self) -> str:
        """For readers: "2019", "January 2019" or "23 January 2019"."""
        if self.month is None:
            return str(self.year)
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        # 0 is never a real month or day, so a period sorts before its parts.
        return (self.year, self.month or 0, self.day or 0)

    def contains(self, other: EventDate) -> bool:
        """True if ``other`` falls within this date: 2019-01 contains 2019-01-23, not 2019."""
        return all(
            mine is None or mine == theirs
            for mine, theirs in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        return self.iso


def _format_hint(text: str) -> str:
    loose = _LOOSE_DATE.fullmatch(text)
    if loose:
        padded = "-".join([loose.group(1)] + [f"{int(g):02d}" for g in loose.groups()[1:] if g])
        return f"write months and days with two digits: `{padded}`"
    if re.match(r"(?i)(c\.|ca\.|circa|about|~)\s*\d{4}$", text):
        year = text[-4:]
        return f"write `date: {year}` and `circa: true`"
    return "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. `2019-01-23`"


# --- dated statements in an article -----------------------------------------

StatementKind = Literal["in", "on", "since", "by", "until", "before", "after", "span"]


@dataclass(frozen=True)
class ArticleDate:
    """A date an article itself mentions, with the sentence it is in."""

    date: EventDate
    sentence: str  # exactly as in the paragraph
    paragraph: str  # anchor of the paragraph block, e.g. "p-3"
    kind: StatementKind
    phrase: str  # the matched words, e.g. "since 2014" or "from 2013 to 2019"
    end: EventDate | None = None  # only for a span


# Month names must be capitalised: "may 2019" is a verb and a count more often than a month.
_MONTH_NAMES = sorted((m.capitalize() for m in _MONTH_NUMBERS), key=len, reverse=True)
_MONTH = r"\b(?:" + "|".join(_MONTH_NAMES) + r")\b\.?"
# Four digits that are a year, not part of "$2019", "2,019", "2019.5", "2019%", "1990s" or "2013-19".
_YEAR = r"(?<![\w$€£¥#.,/])(?<!\d-)\d{4}(?![\w%]|[.,]\d|-\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Named groups tell the shapes apart; the alternation is tried from most to least precise.
_DATE_IN_TEXT = re.compile(
    rf"(?P<iso>(?<![\d-])\d{{4}}-\d{{2}}-\d{{2}}(?![\d-]))"
    rf"|(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})"
    rf"|(?P<dmy_d>(?<!\d){_DAY})\s+(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>{_YEAR})"
    rf"|(?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR})"
    rf"|(?P<y>{_YEAR})"
)
# The words just before a date: a preposition, perhaps with "early", "the end of" ….
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_QUALIFIER = rf"(?:the\s+)?(?:early|late|mid|(?:end|start|beginning|middle|{_SEASON})\s+of|{_SEASON})[\s-]+"
_PREPOSITION = r"in|since|by|until|till|through|before|after|during|as\s+of|on|from|between"
_LEAD_IN = re.compile(rf"\b(?P<prep>{_PREPOSITION})\s+(?:{_QUALIFIER})?$", re.IGNORECASE)
# What joins the two ends of a span after "from" or "between".
_SPAN_JOIN = {
    "from": re.compile(r"\s*(?:to|until|till|through|–|—)\s*", re.IGNORECASE),
    "between": re.compile(r"\s+and\s+", re.IGNORECASE),
}
_KIND_OF_PREP: dict[str, StatementKind] = {
    "in": "in", "during": "in", "as of": "in", "since": "since", "by": "by",
    "until": "until", "till": "until", "through": "until", "before": "before", "after": "after",
}  # fmt: skip


def _to_date(match: re.Match[str]) -> EventDate | None:
    groups = match.groupdict()
    try:
        if groups["iso"]:
            return EventDate.parse(groups["iso"])
        if groups["mdy_y"]:
            return _named(groups["mdy_y"], groups["mdy_m"], groups["mdy_d"])
        if groups["dmy_y"]:
            return _named(groups["dmy_y"], groups["dmy_m"], groups["dmy_d"])
        if groups["my_y"]:
            return _named(groups["my_y"], groups["my_m"], None)
        return _named(groups["y"], None, None)
    except DateError:  # "February 30, 2019" is a typo in the article, not a date
        return None


def _named(year: str, month: str | None, day: str | None) -> EventDate | None:
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        return None
    month_number = _MONTH_NUMBERS[month.rstrip(".").lower()] if month else None
    day_number = int(re.sub(r"\D", "", day)) if day else None  # "23rd" -> 23
    return EventDate(int(year), month_number, day_number)


def article_dates(article: Article) -> list[ArticleDate]:
    """The dates an article's paragraphs mention, one per date and paragraph.

    Full dates ("January 23, 2019", "23 January 2019", "2019-01-23") and
    months ("January 2019") count wherever they are; a bare year counts only
    after a preposition ("in 2019", "since 2014", "by 2020"), so that "2019
    people" is not a date. "from 2013 to 2019" and "between 2013 and 2019"
    are one span. Headings are never searched.
    """
    found: list[ArticleDate] = []
    for block in article.paragraphs:
        seen: set[tuple[EventDate, EventDate | None]] = set()
        for start, end in sentence_spans(block.text):
            for item in _sentence_dates(block.text[start:end], block.anchor):
                if (item.date, item.end) not in seen:
                    seen.add((item.date, item.end))
                    found.append(item)
    return found


def _sentence_dates(sentence: str, anchor: str) -> list[ArticleDate]:
    matches = [(m, d) for m in _DATE_IN_TEXT.finditer(sentence) if (d := _to_date(m)) is not None]
    items = []
    i = 0
    while i < len(matches):
        match, date = matches[i]
        i += 1
        lead = _LEAD_IN.search(sentence, 0, match.start())
        prep = re.sub(r"\s+", " ", lead.group("prep").lower()) if lead else ""
        phrase_start = lead.start() if lead else match.start()
        if prep in _SPAN_JOIN and i < len(matches):
            nxt, end = matches[i]
            between = sentence[match.end() : nxt.start()]
            if _SPAN_JOIN[prep].fullmatch(between) and date <= end:
                phrase = sentence[phrase_start : nxt.end()]
                items.append(ArticleDate(date, sentence, anchor, "span", phrase, end))
                i += 1
                continue
        precise = match.group("y") is None
        if prep in _KIND_OF_PREP:
            kind = _KIND_OF_PREP[prep]
        elif precise and prep in ("from", "between"):
            kind = "since"  # "from January 2019" with no end
        elif precise:
            kind = "on" if date.day is not None else "in"
        else:
            continue  # a bare year with no preposition may be a count: "2019 people"
        items.append(ArticleDate(date, sentence, anchor, kind, sentence[phrase_start : match.end()]))
    return items
