"""Synthetic news articles: about 1,200 words of prose, names, dates and quotes.

Each article is drawn from its own seeded generator, so article i is the same
text whatever the number of articles: a corpus of 100 is the first 100
articles of the corpus of 2,000. Articles name glossary actors with Zipf-like
frequency (full name first, then the surname or acronym), and many more
capitalised names the glossary lacks: the people, companies and places of the
story. Quotes come with speakers in the shapes the quote extractor reads
("said", "says", "according to", role before or after the name, a second
paragraph that continues the quote).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import names
from .glossary import Actor, zipf_weights

MONTHS = "January February March April May June July August September October November December".split()

TOPICS = {
    "energy": (["the pipeline", "oil exports", "the refinery", "fuel prices", "the grid"], "oil output"),
    "elections": (["the vote", "the electoral roll", "the run-off", "the coalition", "the ballot"], "voter turnout"),
    "trade": (["the tariffs", "the port", "the customs union", "grain shipments", "the trade deal"], "export volume"),
    "migration": (["the border", "the asylum rules", "the camps", "the resettlement plan", "remittances"], "migration"),
    "security": (["the ceasefire", "the patrols", "the arms deal", "the peace talks", "the base"], "violence"),
    "health": (["the vaccine rollout", "the hospitals", "the outbreak", "the drug prices", "the clinics"], "caseload"),
}

TITLES = [
    "{Place} Weighs New Rules on {Topic} as {Actor} Faces Pressure",
    "Talks Over {Topic} Stall Between {Actor} and {Actor2}",
    "{Actor} Signals Shift on {Topic} Ahead of Key Vote",
    "In {Place}, {Topic} Becomes a Test for {Actor}",
    "{Company} and {Actor} Clash Over {Topic}",
]
HEADINGS = [
    "A Fragile Consensus",
    "Pressure From the Regions",
    "Markets Take Note",
    "What Comes Next",
    "Voices From {L}",
    "The View From {C}",
    "An Uncertain Timeline",
    "Old Rivalries Resurface",
    "Counting the Cost",
]

# Narrative sentences. Slots: {A} a glossary actor, {P} a person the glossary
# lacks, {C} a company, {L} a place, {D} a date phrase, {T} a topic noun,
# {M} the topic's measure, {N} a number.
SENTENCES = [
    "{A} has pushed for changes to {T} {D}, a move that {P} of {C} called overdue.",
    "Officials in {L} said {T} would be reviewed before the end of the year.",
    "The dispute over {T} has drawn in {A} and {A}, along with several smaller parties.",
    "{D}, {A} announced that {M} had risen by {N} percent, the sharpest increase in a decade.",
    "Critics point out that {T} was never debated in {L}, where {P} leads the local council.",
    "The proposal, first floated by {A} {D}, would shift the cost of {T} onto regional budgets.",
    "Analysts at {C} expect {M} to fall by as much as {N} percent if the plan goes ahead.",
    "Residents of {L} have staged small protests, demanding a say in {T}.",
    "{A} declined to comment on the report, which was first published by {C}.",
    "The agreement covers {T} but leaves open the question of who pays for it.",
    "Since {Y}, {M} has doubled in {L}, according to figures from {A}.",
    "{P}, who runs a cooperative near {L}, said the changes had come too late for many families.",
    "The talks between {A} and {A} were held behind closed doors in {L}.",
    "A spokesperson for {A} said the government remained committed to {T}.",
    "Opposition lawmakers accused {A} of using {T} to win votes in {L}.",
    "According to {P}, a researcher at {C}, the numbers hide wide differences between regions.",
    "The last comparable dispute, {D}, ended with a compromise brokered by {A}.",
    "{C} has already moved part of its operations to {L}, citing uncertainty over {T}.",
    "The government's own estimate puts the cost at {N} million, a figure {A} disputes.",
    "Few expect a decision before the summer, and {P} warned that delays would hurt {L} most.",
    "{A}'s allies in {L} have been quieter, wary of a backlash over {T}.",
    "Business groups, led by {C}, have lobbied for a slower timetable.",
    "Diplomats from {A} met their counterparts from {A} {D} to discuss {T}.",
    "The measure passed its first reading by {N} votes, with {A} abstaining.",
]

QUOTE_LINES = [
    "We will not accept {T} on these terms",
    "Nobody in {L} was consulted, and people feel it",
    "This is about jobs, not ideology",
    "The numbers speak for themselves: {M} is up and confidence is down",
    "We have waited {N} years for a serious plan on {T}",
    "Our door remains open, but the clock is running",
    "It is a good first step, but only a first step",
    "If {T} fails, the whole region pays the price",
    "We are not going to negotiate through the press",
    "There is still time to get this right",
]

# Attributions: {Q} the quote, {S} the speaker, {R} their role.
ATTRIBUTIONS = [
    "“{Q},” said {S}, {R}.",
    "“{Q},” {S} said. “{Q2}.”",
    "“{Q},” says {R} {S}.",
    "{S}, {R}, said: “{Q}.”",
    "“{Q}. {Q2},” explains {S}, {R}.",
    '"{Q}," {S} told reporters in {L}.',
    "“{Q},” {S} added, speaking after a meeting with {A}.",
]
CONTINUATIONS = ["“{Q}. {Q2},” {Short} added.", "“{Q},” {Short} said later. “{Q2}.”"]


@dataclass
class Article:
    """One article as the generator writes it: a title, then headings and paragraphs."""

    stem: str
    title: str
    blocks: list[tuple[str, str]]  # ("heading" | "paragraph", text)
    date: str
    publisher: str

    @property
    def words(self) -> int:
        return len(self.title.split()) + sum(len(text.split()) for _, text in self.blocks)


@dataclass(frozen=True)
class Cast:
    """The actors articles may name, with cumulative Zipf weights (see ``glossary.zipf_weights``)."""

    actors: list[Actor]
    weights: list[float]
    persons: list[Actor]
    person_weights: list[float]  # the persons alone, each keeping its popularity rank

    @classmethod
    def of(cls, actors: list[Actor]) -> Cast:
        weights = zipf_weights(len(actors))
        persons, person_weights, total, previous = [], [], 0.0, 0.0
        for actor, weight in zip(actors, weights, strict=True):
            if actor.kind == "person":
                total += weight - previous
                persons.append(actor)
                person_weights.append(total)
            previous = weight
        return cls(actors, weights, persons, person_weights)


@dataclass
class _Story:
    """What one article is about and who is in it: drawn once, reused in every sentence."""

    rng: random.Random
    cast: Cast
    topic: str
    leads: list[Actor]
    people: list[tuple[str, str, str]]  # (first, last, role) of people the glossary lacks
    companies: list[str]
    places: list[str]
    named: set[str] = field(default_factory=set)  # names written out in full already

    def actor(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:  # a story keeps returning to its protagonists
            return self.mention(rng.choice(self.leads))
        return self.mention(rng.choices(self.cast.actors, cum_weights=self.cast.weights)[0])

    def mention(self, actor: Actor) -> str:
        """Full name on first mention, then mostly the short name, as a news writer would."""
        if actor.name not in self.named:
            self.named.add(actor.name)
            return actor.name
        return actor.short if self.rng.random() < 0.7 else actor.name

    def person(self) -> str:
        first, last, _ = self.rng.choice(self.people)
        if last in self.named:
            return last
        self.named.add(last)
        return f"{first} {last}"

    def date(self) -> str:
        rng = self.rng
        year = rng.randint(1998, 2024)
        return rng.choice(
            [
                f"in {rng.choice(MONTHS)} {year}",
                f"in {year}",
                f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {year}",
                f"in early {year}",
                "last year",
                f"by the end of {year}",
            ]
        )

    def fill(self, template: str) -> str:
        rng = self.rng
        nouns, measure = TOPICS[self.topic]
        # Format slot by slot, left to right, so that a name's first mention
        # is also the first one the reader meets.
        parts = template.split("{")
        out = [parts[0]]
        for part in parts[1:]:
            slot, rest = part.split("}", 1)
            value = {
                "A": self.actor,
                "P": self.person,
                "C": lambda: rng.choice(self.companies),
                "L": lambda: rng.choice(self.places),
                "D": self.date,
                "T": lambda: rng.choice(nouns),
                "M": lambda: measure,
                "N": lambda: str(rng.randint(2, 60)),
                "Y": lambda: str(rng.randint(1998, 2020)),
            }[slot]()
            out.append(value + rest)
        sentence = "".join(out)
        return sentence[0].upper() + sentence[1:]

    def quote_paragraph(self) -> list[str]:
        """A quoted paragraph, sometimes followed by one that continues the quote."""
        rng = self.rng
        if rng.random() < 0.55:
            speaker = rng.choices(self.cast.persons, cum_weights=self.cast.person_weights)[0]
            name, short, role = self.mention(speaker), speaker.short, speaker.role
        else:
            first, last, role = rng.choice(self.people)
            name = last if last in self.named else f"{first} {last}"
            self.named.add(last)
            short = last
        lines = rng.sample(QUOTE_LINES, 4)
        template = rng.choice(ATTRIBUTIONS)
        text = template.replace("{S}", name).replace("{R}", role).replace("{Q}", lines[0]).replace("{Q2}", lines[1])
        paragraphs = [self.fill(text)]
        if rng.random() < 0.25:
            continuation = rng.choice(CONTINUATIONS).replace("{Short}", short)
            paragraphs.append(self.fill(continuation.replace("{Q}", lines[2]).replace("{Q2}", lines[3])))
        return paragraphs


def generate_article(index: int, cast: Cast, seed: int = 7) -> Article:
    """Article ``index``: the same text for the same index, seed and cast."""
    rng = random.Random(f"{seed}:article:{index}")  # noqa: S311 - seeded for a reproducible corpus
    leads = rng.choices(cast.actors, cum_weights=cast.weights, k=rng.randint(2, 4))
    story = _Story(
        rng=rng,
        cast=cast,
        topic=rng.choice(list(TOPICS)),
        leads=list({a.id: a for a in leads}.values()),
        people=[(*names.person(rng), _local_role(rng)) for _ in range(rng.randint(4, 8))],
        companies=[names.company(rng) for _ in range(rng.randint(2, 4))],
        places=[names.place(rng) for _ in range(rng.randint(2, 4))],
    )
    title = _title(story)
    blocks: list[tuple[str, str]] = []
    target = rng.randint(1150, 1250)
    words = len(title.split())
    while words < target:
        if blocks and rng.random() < 0.18 and blocks[-1][0] != "heading":
            block = [("heading", story.fill(rng.choice(HEADINGS)))]
        elif rng.random() < 0.3:
            block = [("paragraph", text) for text in story.quote_paragraph()]
        else:
            sentences = [story.fill(template) for template in rng.sample(SENTENCES, rng.randint(3, 6))]
            block = [("paragraph", " ".join(sentences))]
        blocks.extend(block)
        words += sum(len(text.split()) for _, text in block)
    return Article(
        stem=f"story-{index:05d}",
        title=title,
        blocks=blocks,
        date=f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        publisher=rng.choice(["Example Wire", "The Daily Ledger", "Coastal Times", "Metro Post"]),
    )


def _local_role(rng: random.Random) -> str:
    return rng.choice(
        [
            f"a lawyer in {names.place(rng)}",
            f"an analyst at {names.company(rng)}",
            "a local councillor",
            f"a professor at the University of {names.place(rng)}",
            "a trade union organiser",
            f"a spokesperson for {names.company(rng)}",
        ]
    )


def _title(story: _Story) -> str:
    rng = story.rng
    lead, second = story.leads[0], story.leads[-1]
    return (
        rng.choice(TITLES)
        .replace("{Place}", rng.choice(story.places))
        .replace("{Topic}", story.topic.title())
        .replace("{Actor2}", second.name)
        .replace("{Actor}", lead.name)
        .replace("{Company}", rng.choice(story.companies))
    )


def markdown(article: Article) -> str:
    """The article as an ordinary Markdown page, for the builds without Explainers."""
    lines = [f"# {article.title}", ""]
    for kind, text in article.blocks:
        lines += [f"## {text}" if kind == "heading" else text, ""]
    return "\n".join(lines)


def plain_text(article: Article) -> str:
    """The article as an Explainers ``.txt`` source: title line, then headings and paragraphs."""
    return "\n".join([article.title, *(text for _, text in article.blocks)]) + "\n"
