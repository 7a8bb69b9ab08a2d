"""Made-up proper names for the synthetic newsroom: people, places, organisations.

Names are assembled from parts so that tens of thousands of distinct ones
exist (a glossary of 10,000 actors plus the many names articles mention that
the glossary lacks), while still reading like names in international news
rather than random syllables. None belong to a real person.
"""

from __future__ import annotations

import random

FIRST_NAMES = """
Aaliyah Abdul Ada Adriana Ahmed Aiko Alejandro Alexei Amara Ana Andrea Anika Antonio Arjun Astrid Aylin
Beatriz Benedikt Bilal Bruno Camila Carmen Chiara Chidi Clara Dario Dmitri Elena Elif Emeka Emil Esther
Fatima Felipe Fernando Freya Gabriel Giulia Grace Hana Hassan Helena Hiroshi Ibrahim Ines Ingrid Isabel
Ivan Jakob Javier Jin Joao Jonas Julia Kamal Karin Kenji Khalid Kofi Lars Laura Leila Lena Lucia Luis
Magnus Malik Marco Mariana Marta Mateo Mei Miguel Milan Mina Nadia Naledi Nikolai Nina Noor Olga Omar
Oscar Paolo Priya Rafael Rania Ravi Rosa Sabine Salma Samuel Sara Sebastian Sergei Simone Sofia Stefan
Tariq Teresa Tomas Valentina Vera Victor Wei Yara Yusuf Zainab Zeynep Zofia
""".split()

# Surnames: onset + vowel + ending. Ending families borrow the shape of
# Spanish, Slavic, Nordic, Italian, Turkish and English surnames.
_ONSETS = """
Al Bar Bel Bran Cal Cas Dal Dor Es Fal Fen Gal Gar Gor Hal Hel Ib Kar Kel Kor Lan Lor Mal Mar Mor Nal
Nor Or Pal Pel Quin Ral Ros Sal Sar Sel Tal Tor Ul Val Var Vel Wal Wes Yar Zal Zan Zel Ves Tam
""".split()
_MIDDLES = ["a", "e", "i", "o", "u", "an", "en", "in", "ar", "er", "or", "el"]
_ENDINGS = """
ez ero ado ski ova enko sen son berg strom ini elli etti oglu can ton ford ley well by ard eau ieu mann
""".split()

_PLACE_STARTS = """
Ar Bel Cor Dar El Gal Har Ist Kal Lor Mar Nev Or Pol Qar Ros Sar Tal Ul Ver Zar Mon Cas Bra Fen Tor
""".split()
_PLACE_ENDS = """
ova ia ana ora esh abad grad burg port stad heim ville mouth minster ento ilia ama ovo aca ina ar
""".split()
_PLACE_PREFIXES = ["", "", "", "", "Port ", "San ", "New ", "Santa ", "North ", "East ", "Lake "]

COMPANY_WORDS = """
Mining Energy Petroleum Shipping Logistics Capital Holdings Telecom Steel Cement Motors Pharma Foods
Airways Textiles Bank Insurance Power Water Rail Media Group Industries Partners Systems Chemicals
""".split()

AGENCY_TYPES = """
Ministry-of-Finance Ministry-of-Energy Ministry-of-Defence Ministry-of-Health Central-Bank Electoral-Commission
Supreme-Court National-Assembly Port-Authority Chamber-of-Commerce Workers-Union Farmers-Union Civic-Alliance
Liberation-Front Democratic-Party Labour-Party People's-Movement Green-Party Trade-Council Water-Board
""".split()

GROUP_TYPES = ["Front", "Movement", "Brigades", "Collective", "Coalition", "Alliance"]

EVENT_TYPES = ["Accord", "Summit", "Crisis", "Protests", "Agreement", "Referendum", "Strike", "Talks"]

CONCEPT_NAMES = """
Blue-Corridor Green-Transition Northern-Route Open-Border-Policy Fiscal-Rule Debt-Swap Grain-Deal
Energy-Compact Coastal-Plan Digital-Charter Security-Pact Water-Accord
""".split()


def surname(rng: random.Random) -> str:
    # An optional second middle part makes ~200,000 surnames: with fewer, a
    # 10,000-entry glossary would share most surnames with the people
    # articles mention who are not in it.
    middle = rng.choice(_MIDDLES) + (rng.choice(_MIDDLES[4:]) if rng.random() < 0.5 else "")
    return rng.choice(_ONSETS) + middle + rng.choice(_ENDINGS)


def person(rng: random.Random) -> tuple[str, str]:
    """(first name, surname)."""
    return rng.choice(FIRST_NAMES), surname(rng)


def place(rng: random.Random) -> str:
    return rng.choice(_PLACE_PREFIXES) + rng.choice(_PLACE_STARTS) + rng.choice(_MIDDLES) + rng.choice(_PLACE_ENDS)


def company(rng: random.Random) -> str:
    return f"{surname(rng)} {rng.choice(COMPANY_WORDS)}"


def adjective(place_name: str) -> str:
    """A demonym-ish adjective: "Korvania" -> "Korvanian"."""
    last = place_name.split()[-1]
    return last + ("n" if last.endswith(("a", "ia")) else "an" if last[-1] in "eiouy" else "ian")


def agency(rng: random.Random, country: str) -> str:
    kind = rng.choice(AGENCY_TYPES).replace("-", " ")
    return f"{adjective(country)} {kind}" if rng.random() < 0.5 else f"{kind} of {country}"


def acronym(name: str) -> str:
    """Initials of the capitalised words: "Central Bank of Korvania" -> "CBK"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())
