"""Quote extraction, attribution and editor corrections (explainers.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainers.articles import read_article
from explainers.model import Article, ArticleMeta, Block, Quote
from explainers.quotes import apply_corrections, extract_quotes, quotes_by_article
from explainers.sources import LineDict, LineList

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "articles" / "us-venezuela-relations.txt"


def article(*paragraphs: str, corrections: dict | None = None, sidecar: str = "") -> Article:
    """An article made of the given paragraphs, anchored p-1, p-2, …"""
    blocks = tuple(Block("paragraph", text, f"p-{n}") for n, text in enumerate(paragraphs, 1))
    return Article("test", "test.txt", ArticleMeta(title="Test"), blocks, corrections or {}, sidecar)


def found(*paragraphs: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.text, q.speaker, q.role, q.cue) for q in extract_quotes(article(*paragraphs))]


# (paragraphs, expected quotes as (text, speaker, role, cue))
ATTRIBUTED = {
    "curly marks, verb then name, honorific and apposition role": (
        [
            "“These talks are a test,” explains Dr. Elena Ramirez, professor of international relations at "
            "Georgetown University."
        ],
        [
            (
                "These talks are a test,",
                "Elena Ramirez",
                "professor of international relations at Georgetown University",
                "explains",
            )
        ],
    ),
    "straight marks, name then verb": (
        ['"We will not resign," Baird said.'],
        [("We will not resign,", "Baird", None, "said")],
    ),
    "role before the name": (
        ['"The moment is ambiguous," concludes diplomatic historian Margaret Chen.'],
        [("The moment is ambiguous,", "Margaret Chen", "diplomatic historian", "concludes")],
    ),
    "role before the name, then a relative clause that is not a role": (
        [
            '"It is a pressure campaign," notes former State Department official James Morrow, who served as Deputy '
            "Assistant Secretary for Western Hemisphere Affairs."
        ],
        [("It is a pressure campaign,", "James Morrow", "former State Department official", "notes")],
    ),
    "office title and honorific are not part of the name": (
        ['Undersecretary for Education Mr. Toccafondi says "many schools will raise their fees."'],
        [("many schools will raise their fees.", "Toccafondi", "Undersecretary for Education", "says")],
    ),
    "title with an object before the name": (
        ['In a statement, Governor of Washington Chris Gregoire said, "We are disappointed."'],
        [("We are disappointed.", "Chris Gregoire", "Governor of Washington", "said")],
    ),
    "multiword cue before the quote": (
        ['Police chief John Smith told reporters: "We have arrested three men."'],
        [("We have arrested three men.", "John Smith", "Police chief", "told reporters")],
    ),
    "multiword cue after the quote": (
        ['"We will appeal," the company said in a statement.'],
        [("We will appeal,", "the company", None, "said in a statement")],
    ),
    "apposition between the name and the verb": (
        [
            '"Had it happened an hour later it would have been worse," Khaled Al-Maeena, editor at large at the '
            "Saudi Gazette, said."
        ],
        [
            (
                "Had it happened an hour later it would have been worse,",
                "Khaled Al-Maeena",
                "editor at large at the Saudi Gazette",
                "said",
            )
        ],
    ),
    "circumstance between the name and the verb": (
        [
            'Civil Defense director General Suleiman al-Amr, in remarks to al-Ikhbariya television, said "All the '
            'wounded have been taken to hospital."'
        ],
        [("All the wounded have been taken to hospital.", "Suleiman al-Amr", "Civil Defense director General", "said")],
    ),
    "according to, with a role": (
        ['"Talks have stalled," according to Dr. Ann Lee, a virologist at Oxford University.'],
        [("Talks have stalled,", "Ann Lee", "a virologist at Oxford University", "according to")],
    ),
    "past tense, inverted": (
        ['"Prices will rise," warned economist Ann Lee.'],
        [("Prices will rise,", "Ann Lee", "economist", "warned")],
    ),
    "split quote: both segments carry the speaker": (
        ['"We are so interested," team member Rodaba Noori told the press, "to show that we can build robots."'],
        [
            ("We are so interested,", "Rodaba Noori", "team member", "told the press"),
            ("to show that we can build robots.", "Rodaba Noori", "team member", "told the press"),
        ],
    ),
    "second sentence of the same paragraph continues the speaker": (
        ['"We must act now," said Greta Thunberg, the Swedish climate activist. "There is no more time."'],
        [
            ("We must act now,", "Greta Thunberg", "the Swedish climate activist", "said"),
            ("There is no more time.", "Greta Thunberg", "the Swedish climate activist", None),
        ],
    ),
    "dash pull quote": (
        ["\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" - Matthew Ingram"],
        [("So far, it's the Internet: 1, Scientology: 0. But it's a long game.", "Matthew Ingram", None, "-")],
    ),
    "partial quote in the writer's sentence": (
        ['Minister of Education Stefania Giannini said a "more general reflection" is needed.'],
        [("more general reflection", "Stefania Giannini", "Minister of Education", "said")],
    ),
    "a dash after a partial quote is not a source list": (
        ['Governor Ron DeSantis called it "a disaster" — a view shared by many.'],
        [("a disaster", "Ron DeSantis", "Governor", "called")],
    ),
    "characterising verb and coordinated partial quotes": (
        ['Bishop Nunzio Galantino has called the ruling "dangerous" and "ideological".'],
        [
            ("dangerous", "Nunzio Galantino", "Bishop", "has called"),
            ("ideological", "Nunzio Galantino", "Bishop", "has called"),
        ],
    ),
    "a quote inside a quote belongs to the outer quote": (
        ["\"He told me 'never again' and left,\" Brown said."],
        [("He told me 'never again' and left,", "Brown", None, "said")],
    ),
    "single marks as outer quotation marks": (
        ["‘This is wrong,’ said Anna Berg."],
        [("This is wrong,", "Anna Berg", None, "said")],
    ),
    "a document stands for its author": (
        ["Senator John Cornyn issued a statement.", 'Cornyn\'s statement added, "Houston should have been chosen."'],
        [("Houston should have been chosen.", "John Cornyn", "Senator", "added")],
    ),
    "a sentence that is only the attribution": (
        ['"It is neither classified nor secret." Baird said.'],
        [("It is neither classified nor secret.", "Baird", None, "said")],
    ),
    "colon after a bare name": (
        ['Johnson: "We will get it done."'],
        [("We will get it done.", "Johnson", None, ":")],
    ),
    "age is not a role": (
        ['"We are going home," said Maria Lopez, 34, a teacher.'],
        [("We are going home,", "Maria Lopez", "a teacher", "said")],
    ),
    "age at the end of the sentence is not a role": (
        ['"Nobody came to warn us," said Maria Lopes, 67.'],
        [("Nobody came to warn us,", "Maria Lopes", None, "said")],
    ),
    "a title written only in part is no role": (
        ['Opposition leader Lazarus Chakwera thanked supporters. "This is a victory," he said.'],
        [("This is a victory,", "Lazarus Chakwera", None, "said")],
    ),
    "a nickname inside the speaker's name": (
        ['Governor Sam "The Hammer" Ellis praised the judges. "Transparency wins," he wrote.'],
        [("Transparency wins,", "Sam Ellis", "Governor", "wrote")],
    ),
}


@pytest.mark.parametrize(("paragraphs", "expected"), ATTRIBUTED.values(), ids=ATTRIBUTED.keys())
def test_attributed_quotes(paragraphs, expected):
    assert found(*paragraphs) == expected


ACROSS_PARAGRAPHS = {
    "surname resolves to the full name used earlier": (
        [
            "NASA Administrator Charles Bolden announced the new homes of the shuttles.",
            '"This was a very difficult decision," said Bolden.',
        ],
        [("This was a very difficult decision,", "Charles Bolden", "NASA Administrator", "said")],
    ),
    "a shared surname resolves to the nearest preceding full name": (
        [
            "Elena Ramirez teaches at Georgetown University.",
            "Carlos Ramirez is an energy analyst in Houston.",
            '"Oil prices will rise," Ramirez said.',
        ],
        [("Oil prices will rise,", "Carlos Ramirez", None, "said")],
    ),
    "the same surname, the other order": (
        [
            "Carlos Ramirez is an energy analyst in Houston.",
            "Elena Ramirez teaches at Georgetown University.",
            '"Oil prices will rise," Ramirez said.',
        ],
        [("Oil prices will rise,", "Elena Ramirez", None, "said")],
    ),
    "she: the last person named who fits": (
        [
            "Environment Canada spokeswoman Sujata Raisinghani told CBC News the department would investigate.",
            '"We take document security seriously," she said.',
        ],
        [("We take document security seriously,", "Sujata Raisinghani", "Environment Canada spokeswoman", "said")],
    ),
    "he: two people could fit, so no speaker": (
        ['Tom Berg met Mark Lind in Oslo. "We agreed on nothing," he said.'],
        [("We agreed on nothing,", None, None, "said")],
    ),
    "they: the last organisation": (
        ["The World Health Organization said on Monday that cases were rising.", '"The risk remains high," they said.'],
        [("The risk remains high,", "World Health Organization", None, "said")],
    ),
    "an organisation described: the ministry": (
        [
            "The Ministry of Defence released new figures on Monday.",
            '"The situation is under control," the ministry said.',
        ],
        [("The situation is under control,", "Ministry of Defence", None, "said")],
    ),
    "X said: then the quote's own paragraph": (
        ["Mayor Jane Roe told the council:", '"We cannot afford another year of delays."'],
        [("We cannot afford another year of delays.", "Jane Roe", "Mayor", None)],
    ),
    "speaker in the previous sentence": (
        ['Senator John Cornyn issued a statement. "Like many Texans, I am disappointed."'],
        [("Like many Texans, I am disappointed.", "John Cornyn", "Senator", None)],
    ),
    "continuation paragraph": (
        [
            '"Seventeen years ago, this would not have been possible," said Ambassador Hamdullah Mohib.',
            '"These girls will prove that nothing can stop us."',
        ],
        [
            ("Seventeen years ago, this would not have been possible,", "Hamdullah Mohib", "Ambassador", "said"),
            ("These girls will prove that nothing can stop us.", "Hamdullah Mohib", "Ambassador", None),
        ],
    ),
    "multi-paragraph quote: an opening mark with no closing mark": (
        [
            'Governor Chris Gregoire said, "The museum put a tremendous amount of effort into this.',
            '"However, the trainer will soon call the museum home."',
        ],
        [
            ("The museum put a tremendous amount of effort into this.", "Chris Gregoire", "Governor", "said"),
            ("However, the trainer will soon call the museum home.", "Chris Gregoire", "Governor", None),
        ],
    ),
    "the judge: the one person with that title": (
        [
            'Judge Peter Thornton told the court that the defendant had shown "a breathtaking disregard" for security.',
            '"You betrayed the trust placed in you," the judge said.',
        ],
        [
            ("a breathtaking disregard", "Peter Thornton", "Judge", "told"),
            ("You betrayed the trust placed in you,", "Peter Thornton", "Judge", "said"),
        ],
    ),
    "a family name written first": (
        ["Defense Ministry spokesman Kim Min-seok spoke to reporters.", '"We are ready," Kim said.'],
        [("We are ready,", "Kim Min-seok", "Defense Ministry spokesman", "said")],
    ),
    "a name particle opening the phrase": (
        [
            "The study's co-author, Rudolf von May, spent three weeks in the field.",
            '"Every new species tells us something," von May said.',
        ],
        [("Every new species tells us something,", "Rudolf von May", None, "said")],
    ),
    "quoted as saying: the speaker is the object": (
        ['KCNA quoted an army officer as saying the troops were "waiting for the order."'],
        [("waiting for the order.", None, "an army officer", "saying")],
    ),
    "an unclosed mark swallows nothing beyond its paragraph": (
        ['He shouted "stop and ran to the door.', '"We are fine," said Mary Jones.'],
        [("stop and ran to the door.", None, None, "shouted"), ("We are fine,", "Mary Jones", None, "said")],
    ),
}


@pytest.mark.parametrize(("paragraphs", "expected"), ACROSS_PARAGRAPHS.values(), ids=ACROSS_PARAGRAPHS.keys())
def test_quotes_across_paragraphs(paragraphs, expected):
    assert found(*paragraphs) == expected


NOT_QUOTES = {
    "title of a work": 'The film "Gone with the Wind" was shown on Sunday.',
    "title after a speech verb": 'She wrote the book "The Long Road Home" in 2010.',
    "scare quote": 'The so-called "peace plan" was rejected by both sides.',
    "term": 'The girls were granted "parole" status after a long wait.',
    "nickname inside a name": 'Joaquín "El Chapo" Guzmán was extradited to the United States.',
    "name of a thing": 'The team named their robot "Robogee."',
    "quoted words": 'The form added the words "and Emergency" to the name.',
    "unattributed fragment": 'Their entry would be a "significant public benefit."',
    "words the writer attributes to no one in an embedded question": (
        'The minister asked officials how papers kept in "approved security cabinets" ended up on the street.'
    ),
    "source list": '"Sensitive government document found on street" — CBC.ca, August 15, 2008',
    "source list, headline with a question mark": '"Is the economy recovering?" — BBC News',
    "apostrophes": "The teams’ robots were shown at Mecca’s museum, and nobody said they don't work.",
}


@pytest.mark.parametrize("paragraph", NOT_QUOTES.values(), ids=NOT_QUOTES.keys())
def test_not_quotes(paragraph):
    assert found(paragraph) == []


NO_SPEAKER = {
    "no attribution at all": '"The era of cheap oil is over."',
    "an unnamed witness": '"It was terrible," a witness told the BBC.',
    "a generic group": 'Critics called the decision "a betrayal of voters".',
    "a description that is no name": '"Someone emailed me earlier today about the attack," said the post by an '
    "unknown author.",
    "first person": '"We tried everything," I said.',
}


@pytest.mark.parametrize("paragraph", NO_SPEAKER.values(), ids=NO_SPEAKER.keys())
def test_quotes_kept_without_speaker(paragraph):
    quotes = extract_quotes(article(paragraph))
    assert len(quotes) == 1
    assert quotes[0].speaker is None and quotes[0].actor_id is None


def test_offsets_ids_and_anchors():
    paragraphs = ["No quotes here.", '"First one," said Ann Lee. "Second one here now."', '"Third," Ann Lee said.']
    quotes = extract_quotes(article(*paragraphs))
    assert [q.id for q in quotes] == ["q-1", "q-2", "q-3"]
    assert [q.paragraph for q in quotes] == ["p-2", "p-2", "p-3"]
    for quote in quotes:
        text = paragraphs[int(quote.paragraph[2:]) - 1]
        assert text[quote.start : quote.end] == quote.text
    assert all(q.article == "test" for q in quotes)


def test_actor_resolved_from_full_name_or_as_written():
    actors = {"Charles Bolden": "charles-bolden", "KCNA": "kcna"}
    quotes = extract_quotes(
        article("NASA Administrator Charles Bolden spoke.", '"We are proud," Bolden said.', '"No," KCNA said.'),
        actors.get,
    )
    assert [(q.speaker, q.actor_id) for q in quotes] == [("Charles Bolden", "charles-bolden"), ("KCNA", "kcna")]


def test_seed_article_six_quotes():
    problems: list = []
    seed = read_article(SEED, problems)
    assert seed is not None and problems == []
    quotes = extract_quotes(seed)
    by_paragraph: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    expected = [
        ("Elena Ramirez", "professor of international relations at Georgetown University", "explains"),
        ("James Morrow", "former State Department official", "notes"),
        ("Maria Fernandez", "senior fellow at the Council on Hemispheric Affairs", "observes"),
        ("Carlos Ramirez", "energy analyst", "explains"),
        ("Rebecca Johnson", "political analyst", "says"),
        ("Margaret Chen", "diplomatic historian", "concludes"),
    ]
    # Six quotes, each in its own paragraph (each written as two quoted segments).
    assert len(by_paragraph) == 6
    for (speaker, role, cue), segments in zip(expected, by_paragraph.values(), strict=True):
        assert segments[0].cue == cue
        assert all((q.speaker, q.role) == (speaker, role) for q in segments)
    assert quotes[0].text.startswith("These preliminary talks represent")
    assert quotes[-1].text.endswith("hasn’t been abandoned either.")


# --- editor corrections ---------------------------------------------------

SIDECAR = """\
publisher: Test Times
quotes:
  - match: "We will appeal"
    speaker: Jane Roe
    role: company spokeswoman
  - match: "The so called"
    drop: true
  - add: "nobody expected this"
    speaker: John Smith
    cue: said
  - match: "No such quote"
    speaker: Nobody
  - add: "Words that are not in the article"
  - match: "We will appeal"
    speker: Jane
  - just a string
"""
ARTICLE = """\
A test article

"We will appeal," the company said in a statement.

"The so called experts are wrong about this," one reader wrote.

The result, as one observer put it, was that nobody expected this at all.
"""


@pytest.fixture
def corrected(tmp_path: Path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.yml").write_text(SIDECAR, encoding="utf-8")
    problems: list = []
    story = read_article(tmp_path / "story.txt", problems)
    assert story is not None and problems == []
    actors = {"Jane Roe": "jane-roe"}
    quotes, problems = apply_corrections(story, extract_quotes(story, actors.get), actors.get)
    return story, quotes, problems


def test_correction_sets_speaker_actor_and_role(corrected):
    _, quotes, _ = corrected
    appeal = next(q for q in quotes if q.text.startswith("We will appeal"))
    assert (appeal.speaker, appeal.actor_id, appeal.role, appeal.cue) == (
        "Jane Roe",
        "jane-roe",
        "company spokeswoman",
        "said in a statement",
    )


def test_correction_drops_a_quote(corrected):
    _, quotes, _ = corrected
    assert not any(q.text.startswith("The so called") for q in quotes)


def test_correction_adds_a_missed_quote_where_it_is(corrected):
    story, quotes, _ = corrected
    added = next(q for q in quotes if q.text == "nobody expected this")
    paragraph = next(b for b in story.paragraphs if b.anchor == added.paragraph)
    assert paragraph.text[added.start : added.end] == "nobody expected this"
    assert (added.speaker, added.cue, added.actor_id) == ("John Smith", "said", None)
    assert [q.id for q in quotes] == [f"q-{n}" for n in range(1, len(quotes) + 1)]


def test_correction_problems_name_the_sidecar_and_line(corrected):
    story, _, problems = corrected
    assert {p.path for p in problems} == {story.sidecar_path}
    by_line = {p.line: p for p in problems}
    assert "No such quote" in by_line[11].message
    assert "in no paragraph" in by_line[13].message
    assert "unknown field `speker`" in by_line[15].message and "speaker" in by_line[15].hint
    assert "must be a mapping" in by_line[16].message
    assert len(problems) == 4


def test_unmatched_correction_suggests_the_closest_quote():
    entries = LineList([LineDict(match="We will apeal", speaker="Jane Roe")])
    entries.line, entries.item_lines = 2, [3]
    entries[0].line, entries[0].key_lines = 3, {"match": 3, "speaker": 4}
    story = article('"We will appeal," the company said.', corrections={"quotes": entries}, sidecar="story.yml")
    quotes, problems = apply_corrections(story, extract_quotes(story))
    assert quotes[0].speaker == "the company"
    assert [(p.path, p.line) for p in problems] == [("story.yml", 3)]
    assert "We will appeal" in problems[0].hint


def test_quotes_must_be_a_list():
    story = article(
        '"Yes," said Ann Lee.', corrections={"quotes": "drop all", "_lines": {"quotes": 5}}, sidecar="s.yml"
    )
    quotes, problems = apply_corrections(story, extract_quotes(story))
    assert len(quotes) == 1
    assert [(p.path, p.line) for p in problems] == [("s.yml", 5)]


def test_quotes_by_article(tmp_path: Path):
    (tmp_path / "one.txt").write_text('Title\n\n"We will win," said Ann Lee.\n', encoding="utf-8")
    (tmp_path / "two.txt").write_text("Title\n\nNothing quoted here.\n", encoding="utf-8")
    found_quotes, problems = quotes_by_article([tmp_path / "one.txt", tmp_path / "two.txt"], {"Ann Lee": "ann-lee"}.get)
    assert problems == []
    assert found_quotes["two"] == []
    (quote,) = found_quotes["one"]
    assert {k: quote[k] for k in ("quote", "speaker", "role", "cue", "paragraph", "actor")} == {
        "quote": "We will win,",
        "speaker": "Ann Lee",
        "role": None,
        "cue": "said",
        "paragraph": "p-1",
        "actor": "ann-lee",
    }


def test_a_surname_speaker_resolves_only_to_a_glossary_person_with_the_same_first_name():
    from explainers.mentions import Matcher
    from explainers.model import Actor

    glossary = [
        Actor("aaliyah-saliini", "Aaliyah Saliini", "person", "A minister.", ("Saliini",)),
        Actor("uleski-petroleum", "Uleski Petroleum", "organization", "An oil firm.", ("Uleski",)),
        Actor("nicolas-maduro", "Nicolás Maduro", "person", "A president.", ("Maduro",)),
    ]
    actors = {a.id: a for a in glossary}
    story = article(
        "Laura Saliini, an economist, and Sabine Uleski, a farmer, met Nicolas Maduro Moros on Monday.",
        "“Prices keep rising,” Saliini said.",
        "“The harvest is lost,” said Uleski.",
        "“We will not give in,” Maduro said.",
    )
    quotes = extract_quotes(story, Matcher(glossary).sole_owner, actors)
    assert [(q.speaker, q.actor_id) for q in quotes] == [
        ("Laura Saliini", None),
        ("Sabine Uleski", None),
        ("Nicolas Maduro Moros", "nicolas-maduro"),
    ]
    # without the glossary's details, the name as written still resolves, as before
    assert [q.actor_id for q in extract_quotes(story, Matcher(glossary).sole_owner)] == [
        "aaliyah-saliini",
        "uleski-petroleum",
        "nicolas-maduro",
    ]
