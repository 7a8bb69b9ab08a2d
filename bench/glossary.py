"""A synthetic glossary of actors and a timeline of events, in the documented formats.

Actors come out in popularity order: actor 0 is the one articles mention
most, and mentions fall off like Zipf's law. A glossary of G entries is the
first G actors of the pool, as a newsroom's glossary holds its most-mentioned
actors first; the same pool therefore serves G = 1,000 and G = 10,000.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from dataclasses import dataclass

from . import names

# Shares of the glossary by kind, roughly those of a foreign desk's glossary.
KINDS = {
    "person": 55,
    "organization": 25,
    "place": 8,
    "country": 4,
    "group": 3,
    "event": 3,
    "concept": 2,
}
PLACE_KINDS = ["Port city", "Province", "Mining town", "Border region", "River valley"]
SHARED_ALIAS_CHANCE = 0.02  # two actors answering to one alias ("Ramirez"): real, but rare
EVENTS_WITH = ["signs an agreement with", "breaks off talks with", "imposes sanctions on", "meets"]
EVENTS_ALONE = ["takes office", "is founded", "holds a vote", "announces reforms"]
ZIPF_EXPONENT = 1.07

PERSON_ROLES = [
    "finance minister of {country}",
    "foreign minister of {country}",
    "president of {country}",
    "opposition leader in {country}",
    "governor of {place}",
    "mayor of {place}",
    "chief executive of {company}",
    "chair of {company}",
    "spokesperson for {agency}",
    "head of {agency}",
    "senior fellow at the {think_tank}",
    "economist at {company}",
    "union leader in {place}",
    "ambassador of {country} to {country2}",
]


@dataclass(frozen=True)
class Actor:
    """One glossary entry, as an editor would write it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    summary: str
    role: str = ""  # how articles introduce a person: "finance minister of Korvania"
    description: str = ""
    link: str = ""
    as_of: str = ""

    @property
    def short(self) -> str:
        """The name a later mention uses: the first alias (a surname, an acronym), else the name."""
        return self.aliases[0] if self.aliases else self.name


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Registry:
    """Names and aliases handed out so far, so that collisions stay rare and deliberate."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.aliases: set[str] = set()
        self.ids: set[str] = set()

    def alias_ok(self, alias: str) -> bool:
        taken = alias in self.aliases or alias in self.names
        return not taken or (alias not in self.names and self.rng.random() < SHARED_ALIAS_CHANCE)

    def claim(self, name: str, aliases: tuple[str, ...]) -> str:
        self.names.add(name)
        self.aliases.update(aliases)
        base = slug(name)
        actor_id = base
        for n in itertools.count(2):
            if actor_id not in self.ids:
                break
            actor_id = f"{base}-{n}"
        self.ids.add(actor_id)
        return actor_id


def generate_actors(count: int, seed: int = 7) -> list[Actor]:
    """``count`` actors, most popular first; the first k are the same for any count ≥ k."""
    rng = random.Random(f"{seed}:glossary")  # noqa: S311 - seeded for a reproducible corpus
    registry = _Registry(rng)
    countries = [names.place(rng).split()[-1] for _ in range(12)]  # the world the news is about
    actors: list[Actor] = []
    kinds, weights = zip(*KINDS.items(), strict=True)
    while len(actors) < count:
        kind = rng.choices(kinds, weights)[0]
        actor = _make(kind, rng, registry, countries)
        if actor is not None:
            actors.append(actor)
    return actors


def _make(kind: str, rng: random.Random, registry: _Registry, countries: list[str]) -> Actor | None:
    """One actor of ``kind``, or None when its name is taken (the caller draws again)."""
    country = rng.choice(countries)
    aliases: tuple[str, ...] = ()
    role = ""
    if kind == "person":
        first, last = names.person(rng)
        name = f"{first} {last}"
        if name in registry.names or not registry.alias_ok(last):
            return None
        aliases = (last,)
        role = _role(rng, countries)
        summary = f"{role[0].upper()}{role[1:]} since {rng.randint(2008, 2024)}."
    elif kind == "organization":
        if rng.random() < 0.5:
            name = names.company(rng)
            summary = f"{names.adjective(country)} {name.split()[-1].lower()} company."
            short = name.split()[0]
        else:
            name = names.agency(rng, country)
            summary = f"Public body in {country}."
            short = names.acronym(name)
        aliases = (short,) if len(short) > 2 and rng.random() < 0.6 and registry.alias_ok(short) else ()
    elif kind == "country":
        name = names.place(rng).split()[-1]
        capital = names.place(rng)
        summary = f"Country; its capital is {capital}."
        aliases = (capital,) if rng.random() < 0.5 and registry.alias_ok(capital) else ()
    elif kind == "place":
        name = names.place(rng)
        summary = f"{rng.choice(PLACE_KINDS)} in {country}."
    elif kind == "group":
        name = f"{names.adjective(country)} {names.surname(rng)} {rng.choice(names.GROUP_TYPES)}"
        summary = f"Armed or political group active in {country}."
        short = names.acronym(name)
        aliases = (short,) if rng.random() < 0.5 and registry.alias_ok(short) else ()
    elif kind == "event":
        name = f"{names.place(rng).split()[-1]} {rng.choice(names.EVENT_TYPES)}"
        summary = f"Events of {rng.randint(1995, 2024)} involving {country}."
    else:
        name = f"{names.adjective(country)} {rng.choice(names.CONCEPT_NAMES).replace('-', ' ')}"
        summary = f"Policy debated in {country}."
    if name in registry.names or name in registry.aliases:
        return None
    actor_id = registry.claim(name, aliases)
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,
        aliases=aliases,
        summary=summary,
        role=role,
        description=_description(rng, name, country) if rng.random() < 0.2 else "",
        link=f"https://example.org/wiki/{name.replace(' ', '_')}" if rng.random() < 0.3 else "",
        as_of=f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-01" if rng.random() < 0.2 else "",
    )


def _role(rng: random.Random, countries: list[str]) -> str:
    country, country2 = rng.sample(countries, 2)
    return rng.choice(PERSON_ROLES).format(
        country=country,
        country2=country2,
        place=names.place(rng),
        company=names.company(rng),
        agency=names.agency(rng, country),
        think_tank=f"{names.surname(rng)} Institute",
    )


def _description(rng: random.Random, name: str, country: str) -> str:
    return (
        f"{name} has been in the news in **{country}** since {rng.randint(1995, 2020)}.\n"
        f"Coverage often turns on its role in the {rng.choice(['energy', 'trade', 'security', 'migration'])} debate.\n"
    )


def zipf_weights(count: int) -> list[float]:
    """Cumulative weights for ``random.choices``: rank r is mentioned ∝ 1 / (r + 1)^s."""
    return list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(count)))


def generate_events(actors: list[Actor], seed: int = 7) -> list[dict]:
    """Background events among ``actors`` (popular actors take part more often), one per five actors."""
    rng = random.Random(f"{seed}:timeline:{len(actors)}")  # noqa: S311 - seeded for a reproducible corpus
    weights = zipf_weights(len(actors))
    events = []
    for _ in range(max(3, len(actors) // 5)):
        involved = list({a.id: a for a in rng.choices(actors, cum_weights=weights, k=rng.randint(1, 3))}.values())
        year = rng.randint(1995, 2024)
        precision = rng.random()
        if precision < 0.2:
            date = str(year)
        elif precision < 0.5:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lead = involved[0].name
        others = " and ".join(a.name for a in involved[1:])
        if others:
            title = f"{lead} {rng.choice(EVENTS_WITH)} {others}"
        else:
            title = f"{lead} {rng.choice(EVENTS_ALONE)}"
        event = {
            "date": date,
            "title": title,
            "summary": f"{title}, a turning point in {rng.choice(['the region', 'the energy sector', 'relations'])}.",
            "actors": [a.id for a in involved],
            "source": f"https://example.org/news/{year}/{slug(title)[:60]}",
        }
        if rng.random() < 0.1:
            event["circa"] = True
        events.append(event)
    return events
