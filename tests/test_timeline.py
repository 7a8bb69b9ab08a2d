"""Tests for partial dates, the editors' timeline files and explainer timelines."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest

from explainers.articles import read_article
from explainers.dates import DateError, EventDate
from explainers.model import Article, ArticleMeta, Block, Problem
from explainers.sentences import sentence_spans as sentences
from explainers.timeline import (
    Event,
    TimelineItem,
    article_dates,
    events_json,
    explainer_timeline,
    load_events,
)

SEED_ARTICLE = Path(__file__).resolve().parents[1] / "sources" / "articles" / "us-venezuela-relations.txt"
ACTORS = {"nicolas-maduro", "juan-guaido", "leopoldo-lopez", "united-states", "venezuela"}


# --- EventDate ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", EventDate(2019)),
        ("2019-01", EventDate(2019, 1)),
        ("2019-01-23", EventDate(2019, 1, 23)),
        ("2020-02-29", EventDate(2020, 2, 29)),  # leap year
        ("2000-02-29", EventDate(2000, 2, 29)),  # divisible by 400: leap
        ("1999-12-31", EventDate(1999, 12, 31)),
        (" 2019-04-30 ", EventDate(2019, 4, 30)),
    ],
)
def test_parse_valid(text: str, expected: EventDate) -> None:
    assert EventDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("2019-02-29", "February 2019 has no day 29", "February 2019 has 28 days"),
        ("1900-02-29", "February 1900 has no day 29", "February 1900 has 28 days"),
        ("2019-04-31", "April 2019 has no day 31", "April 2019 has 30 days"),
        ("2019-13", "month 13 is not between 1 and 12", "months run from 01 to 12"),
        ("2019-00", "month 0 is not between 1 and 12", "months run from 01 to 12"),
        ("2019-01-00", "January 2019 has no day 0", "January 2019 has 31 days"),
        ("19", "`19` is not a date", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2019-1-5", "`2019-1-5` is not a date", "`2019-01-05`"),
        ("2019-1", "`2019-1` is not a date", "`2019-01`"),
        ("c. 2019", "`c. 2019` is not a date", "`circa: true`"),
        ("23/01/2019", "`23/01/2019` is not a date", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("January 2019", "`January 2019` is not a date", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0000", "year 0 is not between 1 and 9999", ""),
        ("", "`` is not a date", "YYYY"),
    ],
)
def test_parse_invalid(text: str, message: str, hint: str) -> None:
    with pytest.raises(ValueError, match="is not") as info:
        EventDate.parse(text)
    assert isinstance(info.value, DateError)
    assert message in str(info.value)
    assert hint in info.value.hint


def test_constructor_validates_too() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        EventDate(2019, None, 5)


@pytest.mark.parametrize(
    ("date", "iso", "display"),
    [
        (EventDate(2019), "2019", "2019"),
        (EventDate(2019, 1), "2019-01", "January 2019"),
        (EventDate(2019, 1, 23), "2019-01-23", "23 January 2019"),
        (EventDate(1850, 12, 5), "1850-12-05", "5 December 1850"),
        (EventDate(987), "0987", "987"),
    ],
)
def test_iso_and_display(date: EventDate, iso: str, display: str) -> None:
    assert date.iso == iso
    assert date.display == display
    assert str(date) == iso


def test_partial_dates_sort_before_the_dates_within_them() -> None:
    expected = [
        "2013",
        "2018-12-31",
        "2019",
        "2019-01",
        "2019-01-05",
        "2019-01-23",
        "2019-02",
        "2019-02-01",
        "2019-10",
        "2020",
    ]
    shuffled = [EventDate.parse(t) for t in expected]
    random.Random(4).shuffle(shuffled)
    assert [d.iso for d in shuffled] != expected  # the shuffle did something
    assert [d.iso for d in sorted(shuffled)] == expected


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [("2019", "2019-01"), ("2019-01", "2019-01-05"), ("2019-01-05", "2019-02"), ("2019-12-31", "2020")],
)
def test_comparisons(smaller: str, larger: str) -> None:
    a, b = EventDate.parse(smaller), EventDate.parse(larger)
    assert a < b and b > a and a <= b and not b < a and a != b


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2019", "2019-01-23", True),
        ("2019-01", "2019-01-23", True),
        ("2019-01", "2019", False),
        ("2019", "2020", False),
    ],
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert EventDate.parse(outer).contains(EventDate.parse(inner)) is expected


# --- loading events ----------------------------------------------------------

GOOD_EVENT = """\
- date: 2019-01-23
  title: The United States recognises Juan Guaidó as interim president
  summary: Washington calls Guaidó the legitimate president.
  actors: [united-states, juan-guaido]
  source: https://example.org/recognition
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def only_problem(problems: list[Problem], fragment: str) -> Problem:
    matching = [p for p in problems if fragment in p.message]
    assert len(matching) == 1, problems
    return matching[0]


def test_load_good_events(tmp_path: Path) -> None:
    write(
        tmp_path,
        "venezuela.yml",
        GOOD_EVENT
        + """\
- date: 2013
  end: 2019-01-10
  circa: true
  title: Maduro's first term
  summary: Nicolás Maduro serves his first term.
  actors: nicolas-maduro
  source: Official Gazette of Venezuela
  articles: [us-venezuela-relations]
""",
    )
    events, problems = load_events(tmp_path, ACTORS, {"us-venezuela-relations"})
    assert problems == []
    first, second = events
    assert first.date == EventDate(2019, 1, 23)
    assert first.actors == ("united-states", "juan-guaido")
    assert first.is_url_source
    assert first.path == str(tmp_path / "venezuela.yml") and first.line == 1
    assert first.id == "e-2019-01-23-the-united-states-recognises-juan-guaido-as"
    assert second.date == EventDate(2013) and second.end == EventDate(2019, 1, 10)
    assert second.circa is True
    assert second.actors == ("nicolas-maduro",)
    assert second.articles == ("us-venezuela-relations",)
    assert not second.is_url_source
    assert second.line == 6
    assert second.display_date == "c. 2013 – 10 January 2019"


def test_missing_folder_gives_nothing(tmp_path: Path) -> None:
    assert load_events(tmp_path / "absent", ACTORS) == ([], [])


def test_empty_file_is_harmless(tmp_path: Path) -> None:
    write(tmp_path, "empty.yml", "")
    assert load_events(tmp_path, ACTORS) == ([], [])


@pytest.mark.parametrize(
    ("yaml_text", "line", "message", "hint"),
    [
        pytest.param(
            """\
            - date: 2019-01-23
              title: Recognition
              summary: S
              actors:
                - united-states
                - nicolas-madur
              source: https://example.org/a
            """,
            6,
            "unknown actor `nicolas-madur`",
            "did you mean `nicolas-maduro`?",
            id="unknown actor, misspelt",
        ),
        pytest.param(
            """\
            - date: 2019-01-23
              title: Recognition
              summary: S
              actors: [lopez]
              source: https://example.org/a
            """,
            4,
            "unknown actor `lopez`",
            "did you mean `leopoldo-lopez`?",
            id="unknown actor, surname only",
        ),
        pytest.param(
            """\
            - date: 2019-01-23
              title: Recognition
              summary: S
              actors: [hugo-chavez]
              source: https://example.org/a
            """,
            4,
            "unknown actor `hugo-chavez`",
            "no actor has the id `hugo-chavez`",
            id="unknown actor, nothing close",
        ),
        pytest.param(
            """\
            - title: Recognition
              date: 2019-02-29
              summary: S
              actors: [united-states]
              source: https://example.org/a
            """,
            2,
            "bad `date`: `2019-02-29` is not a date: February 2019 has no day 29",
            "February 2019 has 28 days",
            id="bad date, not a leap year",
        ),
        pytest.param(
            """\
            - date: 2019-1-5
              title: Recognition
              summary: S
              actors: [united-states]
              source: https://example.org/a
            """,
            1,
            "bad `date`: `2019-1-5` is not a date",
            "write months and days with two digits: `2019-01-05`",
            id="bad date, not zero-padded",
        ),
        pytest.param(
            """\
            - date: 2019-05
              end: 2019-04
              title: Recognition
              summary: S
              actors: [united-states]
              source: https://example.org/a
            """,
            2,
            "`end` (2019-04) is before `date` (2019-05)",
            "swap them",
            id="end before date",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
              summary: S
              sumary: S
              actors: [united-states]
              source: https://example.org/a
            """,
            4,
            "unknown field `sumary` in an event",
            "did you mean `summary`?",
            id="unknown field",
        ),
        pytest.param(
            """\
            # Background to the 2019 crisis

            - date: 2019
              summary: S
              actors: [united-states]
              source: https://example.org/a
            """,
            3,
            "missing field `title`",
            "add `title: ...`",
            id="missing title",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
              summary: S
              source: https://example.org/a
            """,
            1,
            "missing field `actors`",
            "add `actors: [glossary-id, ...]`",
            id="missing actors",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
              summary: S
              actors: []
              source: https://example.org/a
            """,
            4,
            "`actors` is empty",
            "list the glossary ids",
            id="empty actors",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
              summary: S
              actors: [united-states]
              circa: maybe
              source: https://example.org/a
            """,
            5,
            "`circa` must be true or false",
            "",
            id="circa not a boolean",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
              summary: S
              actors: [united-states]
              source: javascript:alert(1)
            """,
            5,
            "`source` must be an http(s) address or a named reference",
            "https://",
            id="script as source",
        ),
        pytest.param(
            """\
            date: 2019
            title: Recognition
            """,
            1,
            "a timeline file must be a list of events",
            "start each event with `- ` (a list item)",
            id="not a list",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Recognition
            - just a sentence
            """,
            3,
            "each event must be a mapping of fields",
            "for example `- date: 2019-01-23`",
            id="item not a mapping",
        ),
        pytest.param(
            """\
            - date: 2019
              title: Crisis: the United States acts
              summary: S
            """,
            2,
            "this is not valid YAML: mapping values are not allowed here",
            "a value containing ': ' must be put in quotes",
            id="YAML syntax error",
        ),
    ],
)
def test_validation_problems(tmp_path: Path, yaml_text: str, line: int, message: str, hint: str) -> None:
    path = write(tmp_path, "events.yml", yaml_text)
    events, problems = load_events(tmp_path, ACTORS)
    problem = only_problem(problems, message)
    assert problem.path == str(path)
    assert problem.line == line
    assert problem.message.startswith(message) or message in problem.message
    assert hint in problem.hint
    assert problem.severity == "error"
    assert events == []  # the only event was broken, so it is skipped


def test_broken_event_is_skipped_and_the_others_kept(tmp_path: Path) -> None:
    write(
        tmp_path,
        "events.yml",
        GOOD_EVENT
        + """\
- date: 2019-13
  title: Broken
  summary: S
  actors: [venezuela]
  source: S
- date: 2020
  title: Still here
  summary: S
  actors: [venezuela]
  source: S
""",
    )
    events, problems = load_events(tmp_path, ACTORS)
    assert [e.title for e in events] == [
        "The United States recognises Juan Guaidó as interim president",
        "Still here",
    ]
    assert [(p.line, p.message) for p in problems] == [
        (6, "bad `date`: `2019-13` is not a date: month 13 is not between 1 and 12")
    ]


def test_duplicate_event_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", GOOD_EVENT)
    second = write(tmp_path, "b.yml", "# copied by mistake\n" + GOOD_EVENT)
    events, problems = load_events(tmp_path, ACTORS)
    assert len(events) == 1 and events[0].path == str(tmp_path / "a.yml")
    problem = only_problem(problems, "duplicate event")
    assert (problem.path, problem.line) == (str(second), 2)
    assert f"is already at {tmp_path / 'a.yml'}:1" in problem.message
    assert "2019-01-23" in problem.message


def test_events_with_the_same_anchor_are_duplicates(tmp_path: Path) -> None:
    path = write(tmp_path, "e.yml", GOOD_EVENT + GOOD_EVENT.replace("Juan Guaidó", "Juan Guaido"))
    events, problems = load_events(tmp_path, ACTORS)
    assert len(events) == 1
    assert [(p.path, p.line, p.message, p.hint) for p in problems] == [
        (
            str(path),
            6,
            "this event's anchor `e-2019-01-23-the-united-states-recognises-juan-guaido-as` "
            f"is the same as the event at {path}:1",
            "make the two titles differ in their first words",
        )
    ]


def test_every_actor_is_unknown_when_the_glossary_is_empty(tmp_path: Path) -> None:
    write(tmp_path, "e.yml", GOOD_EVENT)
    events, problems = load_events(tmp_path, set())
    assert events == []
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (4, "unknown actor `united-states`", "there are no actors to refer to yet"),
        (4, "unknown actor `juan-guaido`", "there are no actors to refer to yet"),
    ]


def test_unknown_article_slug_checked_only_when_slugs_are_known(tmp_path: Path) -> None:
    path = write(tmp_path, "events.yml", GOOD_EVENT + "  articles:\n    - us-venezuela-relation\n")
    events, problems = load_events(tmp_path, ACTORS)
    assert problems == [] and events[0].articles == ("us-venezuela-relation",)

    events, problems = load_events(tmp_path, ACTORS, {"us-venezuela-relations", "other"})
    assert events == []
    problem = only_problem(problems, "unknown article `us-venezuela-relation`")
    assert (problem.path, problem.line) == (str(path), 7)
    assert problem.hint == "did you mean `us-venezuela-relations`?"


def test_end_within_a_partial_date_is_not_before_it(tmp_path: Path) -> None:
    write(tmp_path, "e.yml", GOOD_EVENT.replace("- date: 2019-01-23", "- date: 2019-01-23\n  end: 2019-01"))
    events, problems = load_events(tmp_path, ACTORS)
    assert problems == [] and events[0].end == EventDate(2019, 1)


def test_yaml_integer_year_is_a_date(tmp_path: Path) -> None:
    write(tmp_path, "e.yml", GOOD_EVENT.replace("2019-01-23", "2019"))
    events, problems = load_events(tmp_path, ACTORS)
    assert problems == [] and events[0].date == EventDate(2019)


def test_event_id_is_truncated_at_a_word() -> None:
    event = Event(
        date=EventDate(2019, 1, 23),
        title="An extraordinarily long title about the recognition of an interim president by many governments",
        summary="S",
        actors=("venezuela",),
        source="S",
    )
    assert event.id == "e-2019-01-23-an-extraordinarily-long-title-about-the"
    assert Event(EventDate(2019), "¿?", "S", (), "S").id == "e-2019"


def test_events_json(tmp_path: Path) -> None:
    events = [
        Event(EventDate(2019, 1, 23), "Recognition", "Summary.", ("united-states",), "https://example.org/r"),
        Event(EventDate(2013), "First term", "S", ("nicolas-maduro",), "Gazette", EventDate(2019), True, ("a",)),
    ]
    assert events_json(events) == [
        {
            "id": "e-2019-01-23-recognition",
            "date": "2019-01-23",
            "end": None,
            "circa": False,
            "title": "Recognition",
            "summary": "Summary.",
            "actors": ["united-states"],
            "source": "https://example.org/r",
            "articles": [],
        },
        {
            "id": "e-2013-first-term",
            "date": "2013",
            "end": "2019",
            "circa": True,
            "title": "First term",
            "summary": "S",
            "actors": ["nicolas-maduro"],
            "source": "Gazette",
            "articles": ["a"],
        },
    ]


# --- dates in an article's own text --------------------------------------------


def make_article(*paragraphs: str, slug: str = "story") -> Article:
    blocks = [Block("heading", "Since 2001 in 2002", "h-since-2001")]
    blocks += [Block("paragraph", text, f"p-{i}") for i, text in enumerate(paragraphs, start=1)]
    return Article(slug=slug, path=f"{slug}.txt", meta=ArticleMeta(title="Story"), blocks=tuple(blocks))


@pytest.mark.parametrize(
    ("paragraph", "found"),
    [
        ("The talks began in 2019.", [("2019", None, "in", "in 2019")]),
        ("Millions have left since 2014—more than ever.", [("2014", None, "since", "since 2014")]),
        ("By 2020, half had gone.", [("2020", None, "by", "By 2020")]),
        ("Output fell from 2013 to 2019.", [("2013", "2019", "span", "from 2013 to 2019")]),
        ("Output fell between 2013 and 2019.", [("2013", "2019", "span", "between 2013 and 2019")]),
        ("Output fell from 2013–2019.", [("2013", "2019", "span", "from 2013–2019")]),
        ("Talks began on January 23, 2019, in Caracas.", [("2019-01-23", None, "on", "on January 23, 2019")]),
        ("Talks began 23 January 2019.", [("2019-01-23", None, "on", "23 January 2019")]),
        ("The decree (2019-01-23) was published.", [("2019-01-23", None, "on", "2019-01-23")]),
        ("It ended Jan. 5, 2020, after a vote.", [("2020-01-05", None, "on", "Jan. 5, 2020")]),
        ("In January 2019 the crisis deepened.", [("2019-01", None, "in", "In January 2019")]),
        ("Since March 2015 sanctions have grown.", [("2015-03", None, "since", "Since March 2015")]),
        ("Prices collapsed in mid-2014.", [("2014", None, "in", "in mid-2014")]),
        ("Elections are due by the end of 2024.", [("2024", None, "by", "by the end of 2024")]),
        ("It lasted until 1999.", [("1999", None, "until", "until 1999")]),
        (
            "They met in 2018. They met again in 2019.",
            [("2018", None, "in", "in 2018"), ("2019", None, "in", "in 2019")],
        ),
        ("In 2019 it began, and in 2019 it ended.", [("2019", None, "in", "In 2019")]),
        (
            "Talks ran from January 2013 to March 2019.",
            [("2013-01", "2019-03", "span", "from January 2013 to March 2019")],
        ),
    ],
)
def test_article_dates_found(paragraph: str, found: list[tuple[str, str | None, str, str]]) -> None:
    dates = article_dates(make_article(paragraph))
    assert [(d.date.iso, d.end.iso if d.end else None, d.kind, d.phrase) for d in dates] == found
    assert all(d.paragraph == "p-1" for d in dates)


@pytest.mark.parametrize(
    "paragraph",
    [
        "With over 7 million Venezuelans having fled, pressures grew.",
        "In 2,019 cases the courts refused.",
        "The fund paid out $2019 in fees.",
        "He paid £2019 and €2019.",
        "Turnout was 2019.5 on average, or 2019% of target.",
        "In the 1990s oil paid for everything.",
        "2019 people signed the letter.",
        "Room 2019 is on the second floor.",
        "In 1500 the coast was charted; by 2500 it may be gone.",
        "The count rose in 2013-19 polls.",
        "The vote was on February 30, 2019.",  # no such day: a typo, not a date
        "They may 2019 be right.",  # lower-case month is a word, not a date
        "Since then, 12 of 2019's delegates left.",
    ],
)
def test_non_years_are_ignored(paragraph: str) -> None:
    assert article_dates(make_article(paragraph)) == []


def test_headings_are_not_searched_and_sentences_are_exact() -> None:
    article = make_article(
        "Dr. Elena Ramirez arrived in the U.S. in 2019. She stayed.",
        "Nothing dated here.",
        "Mr. Morrow said sanctions began in 2017. “They failed,” he said in 2020.",
    )
    dates = article_dates(article)
    assert [(d.date.iso, d.paragraph, d.sentence) for d in dates] == [
        ("2019", "p-1", "Dr. Elena Ramirez arrived in the U.S. in 2019."),
        ("2017", "p-3", "Mr. Morrow said sanctions began in 2017."),
        ("2020", "p-3", "“They failed,” he said in 2020."),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        (
            "Dr. Smith met Mr. Jones in the U.S. Capitol. Then he left.",
            ["Dr. Smith met Mr. Jones in the U.S. Capitol.", "Then he left."],
        ),
        (
            "John F. Kennedy visited. “Why?” he asked. “Because.” Done.",
            ["John F. Kennedy visited.", "“Why?” he asked.", "“Because.”", "Done."],
        ),
        ("It was Jan. 5. Later, e.g. in May, it changed.", ["It was Jan. 5.", "Later, e.g. in May, it changed."]),
        ("Prices rose 3.5 percent. Then fell.", ["Prices rose 3.5 percent.", "Then fell."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_seed_article_dates() -> None:
    problems: list[Problem] = []
    article = read_article(SEED_ARTICLE, problems)
    assert article is not None and problems == []
    dates = {d.phrase: d for d in article_dates(article)}
    assert set(dates) == {"in 2019", "since 2014"}

    in_2019 = dates["in 2019"]
    assert (in_2019.date, in_2019.kind, in_2019.paragraph) == (EventDate(2019), "in", "p-3")
    assert in_2019.sentence.startswith("Since recognizing opposition leader Juan Guaidó")
    assert in_2019.sentence.endswith("increasingly stringent economic sanctions.")

    since_2014 = dates["since 2014"]
    assert (since_2014.date, since_2014.kind, since_2014.paragraph) == (EventDate(2014), "since", "p-9")
    assert since_2014.sentence.startswith("With over 7 million Venezuelans having fled their homeland since 2014—")
    assert since_2014.sentence.endswith("driving this exodus.")
    # The sentence is a slice of its paragraph, not a reconstruction.
    paragraph = next(b for b in article.blocks if b.anchor == "p-9")
    assert since_2014.sentence in paragraph.text


# --- an explainer's timeline ---------------------------------------------------


def test_explainer_timeline_selects_and_merges_in_date_order() -> None:
    def event(date: str, title: str, actors: tuple[str, ...], articles: tuple[str, ...] = ()) -> Event:
        return Event(EventDate.parse(date), title, "S", actors, "S", articles=articles)

    events = [
        event("2019", "Year of crisis", ("venezuela",)),
        event("2019-01-23", "Recognition", ("united-states", "juan-guaido")),
        event("2014", "Protests", ("leopoldo-lopez",)),  # no shared actor: left out
        event("2010", "Named background", ("someone-else",), ("story",)),  # names the article
        event("2016", "Other story only", ("someone-else",), ("other-story",)),
    ]
    article = make_article("Since 2014, many have left.", "The crisis deepened in 2019.", slug="story")
    timeline = explainer_timeline(events, {"venezuela": 1, "juan-guaido": 1}, article)

    def label(item: TimelineItem) -> str:
        if item.event is not None:
            return item.event.title
        assert item.statement is not None
        return item.statement.phrase

    assert [(item.kind, item.date.iso, label(item)) for item in timeline] == [
        ("event", "2010", "Named background"),
        ("article", "2014", "Since 2014"),
        ("event", "2019", "Year of crisis"),  # equal date: curated event first
        ("article", "2019", "in 2019"),
        ("event", "2019-01-23", "Recognition"),
    ]


def test_a_long_background_keeps_the_events_of_the_articles_main_actors() -> None:
    def event(year: int, actors: tuple[str, ...], articles: tuple[str, ...] = ()) -> Event:
        return Event(EventDate(year), f"Event {year}", "S", actors, "S", articles=articles)

    minor = [event(2000 + n, ("minister",)) for n in range(10)]
    main = [event(1990 + n, ("president",)) for n in range(5)]
    named = event(1980, ("someone-else",), ("story",))
    article = make_article("Nothing dated here.", slug="story")
    timeline = explainer_timeline([*minor, *main, named], {"president": 9, "minister": 1}, article, limit=8)
    titles = [item.event.title for item in timeline if item.event is not None]
    # The event named for the article, then the president's five, then the first two of the minister's.
    assert titles == ["Event 1980", *(f"Event {1990 + n}" for n in range(5)), "Event 2000", "Event 2001"]
    assert len(explainer_timeline([*minor, *main, named], {"president": 9, "minister": 1}, article, limit=0)) == 16


def test_timeline_item_is_one_thing() -> None:
    with pytest.raises(ValueError, match="either an event or an article statement"):
        TimelineItem()
