"""The newsroom's vocabulary for attributing quotes: speech verbs, titles, roles.

Plain word lists, kept apart from the rules that use them so that adding a
word never means reading a regular expression. Everything here is general
English news usage; nothing is tuned to particular articles.
"""

from __future__ import annotations

import re

# --- speech cues ---------------------------------------------------------

# Verbs that report speech. Their base form ("they say") is recognised only
# when it cannot be read as a noun ("a note", "the report").
_SPEECH_VERBS = (
    "say", "tell", "explain", "note", "observe", "conclude", "argue", "warn", "add", "ask", "state",
    "write", "insist", "claim", "reply", "respond", "answer", "remark", "comment", "admit", "acknowledge",
    "announce", "declare", "suggest", "recall", "predict", "stress", "emphasise", "emphasize", "assert",
    "confirm", "complain", "exclaim", "shout", "joke", "quip", "tweet", "reason", "caution", "urge",
    "concede", "continue", "counter", "lament", "boast", "promise", "vow", "pledge", "testify", "muse",
    "mention", "reiterate", "wonder", "maintain", "contend", "agree", "believe", "recount", "elaborate",
    "whisper", "plead", "demand", "speculate", "retort", "proclaim", "affirm", "allege", "indicate",
    "report", "describe", "speak",
)  # fmt: skip
# Verbs that characterise something in the speaker's words: `called the plan "reckless"`.
_CHARACTERISE_VERBS = ("call", "describe", "characterise", "characterize", "dub", "brand", "label", "term")
_NOUN_LIKE_BASES = frozenset((
    "report", "note", "state", "answer", "reply", "comment", "claim", "tweet", "joke", "reason", "counter",
    "promise", "vow", "pledge", "muse", "mention", "remark", "demand", "call", "label", "term", "brand",
    "continue", "shout", "whisper", "plead", "wonder", "caution", "lament", "boast", "quip",
))  # fmt: skip
_IRREGULAR_FORMS = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "testify": ("testifies", "testified", "testifying"),
    "reply": ("replies", "replied", "replying"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
}
_DOUBLED_FINAL = frozenset(("admit", "quip", "dub", "plan"))


def verb_forms(base: str) -> tuple[str, ...]:
    """The inflected forms of a regular English verb, plus its base when it is not noun-like."""
    if base in _IRREGULAR_FORMS:
        forms: tuple[str, ...] = _IRREGULAR_FORMS[base]
    else:
        stem = base + base[-1] if base in _DOUBLED_FINAL else base
        third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
        past = base + "d" if base.endswith("e") else stem + "ed"
        gerund = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else stem + "ing"
        forms = (third, past, gerund)
    return forms if base in _NOUN_LIKE_BASES else (base, *forms)


SPEECH_FORMS = frozenset(f for v in _SPEECH_VERBS for f in verb_forms(v))
CHARACTERISE_FORMS = frozenset(f for v in _CHARACTERISE_VERBS for f in verb_forms(v))
# Multiword cues that behave like a speech verb.
CUE_PHRASES = (
    r"(?:issue[sd]?|issuing|release[sd]?|releasing|put out|puts out|putting out)"
    r" (?:a|an|the) (?:statement|communiqu[eé])",
    r"point(?:s|ed|ing)? out",
    r"call(?:s|ed|ing)? for",
    r"quoted as saying",
    r"went on to (?:say|add)",
)
# Verbs of naming introduce names and titles, never quotes: `a ship named "Endeavour"`.
NAMING_WORDS = frozenset(("named", "titled", "entitled", "nicknamed", "known", "labelled", "labeled", "so-called"))
# Nouns that announce a quoted term or title rather than speech: `adding the words "and Emergency"`.
METALINGUISTIC_NOUNS = frozenset((
    "word", "words", "term", "terms", "phrase", "name", "names", "title", "label", "slogan", "motto",
    "headline", "caption", "banner", "sign", "stamp", "book", "film", "movie", "song", "album", "novel",
    "poem", "hashtag", "nickname", "expression", "catchphrase", "chant", "chanting", "chanted",
))  # fmt: skip
# Words that open an embedded question or relative clause: what follows is not the speaker's wording.
CLAUSE_WORDS = frozenset(("how", "why", "where", "whether", "who", "whom", "whose", "which", "what", "when", "if"))
# Words allowed between the subject and its speech verb: `Smith also said`, `Smith has said`.
AUXILIARIES = (
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can", "may", "might", "been",
    "also", "later", "then", "once", "again", "further", "previously", "earlier", "recently", "reportedly",
    "publicly", "privately", "repeatedly", "often", "simply", "only", "even", "quickly", "immediately",
    "subsequently", "separately", "frequently", "angrily", "bluntly", "flatly", "firmly", "candidly",
    "openly", "jokingly", "initially", "first", "finally", "famously",
)  # fmt: skip

# --- people and organisations --------------------------------------------

# Courtesy titles: never part of a name, never a role.
HONORIFICS = frozenset((
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "fr", "hon", "mme", "mlle", "herr", "frau", "sr", "sra",
))  # fmt: skip
# Office titles and role nouns: part of a role, never part of a name.
ROLE_WORDS = frozenset((
    "president", "vice", "prime", "minister", "secretary", "senator", "sen", "representative", "rep",
    "congressman", "congresswoman", "governor", "gov", "mayor", "ambassador", "administrator", "director",
    "chairman", "chairwoman", "chair", "chairperson", "chancellor", "commissioner", "chief", "ceo", "cfo",
    "coo", "founder", "judge", "justice", "general", "gen", "colonel", "col", "major", "captain", "capt",
    "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "commander", "officer", "inspector",
    "detective", "superintendent", "sheriff", "constable", "king", "queen", "prince", "princess", "pope",
    "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh", "pastor", "undersecretary", "deputy",
    "assistant", "spokesman", "spokeswoman", "spokesperson", "head", "leader", "premier", "speaker",
    "attorney", "counsel", "mp", "mep", "mla", "msp", "lawmaker", "legislator", "councillor", "councilor",
    "councilman", "councilwoman", "alderman", "treasurer", "auditor", "coach", "manager", "editor",
    "emir", "sultan", "ayatollah", "executive", "principal", "dean", "provost", "rector", "official",
    "analyst", "historian", "expert", "researcher", "scientist", "economist", "lecturer", "member",
    "fellow", "reporter", "journalist", "correspondent", "columnist", "writer", "author", "lawyer",
    "adviser", "advisor", "aide", "consultant", "strategist", "activist", "campaigner", "candidate",
    "politician", "diplomat", "envoy", "negotiator", "soldier", "student", "teacher", "doctor",
    "physician", "nurse", "surgeon", "engineer", "architect", "worker", "employee", "resident", "witness",
    "owner", "partner", "investor", "trader", "banker", "scholar", "academic", "observer", "commentator",
    "critic", "blogger", "poster", "user", "voter", "mother", "father", "son", "daughter", "wife",
    "husband", "brother", "sister", "friend", "neighbour", "neighbor", "victim", "survivor", "delegate",
    "priest", "cleric", "volunteer", "staffer", "specialist", "physicist", "psychologist", "sociologist",
    "coordinator", "organiser", "organizer", "pilot", "astronaut", "player", "farmer", "entrepreneur",
    "republican", "democrat", "conservative", "liberal", "socialist", "independent", "scientologist",
    "director-general", "secretary-general", "chief-executive", "vice-president", "businessman",
    "businesswoman", "actor", "actress", "singer", "artist", "producer", "host", "presenter", "anchor",
    "protester", "protestor", "supporter", "opponent", "parent", "local", "fan", "official", "investigator",
    "prosecutor", "organiser", "participant", "passenger", "relative", "colleague", "source", "villager",
    "striker", "goalkeeper", "midfielder", "defender", "forward", "winger", "referee", "midfield", "skipper",
    "rapper", "musician", "composer", "director", "filmmaker", "novelist", "poet", "photographer",
    "chef", "designer", "athlete", "runner", "swimmer", "cyclist", "boxer", "golfer", "champion",
))  # fmt: skip
# Offices held by one named person in a story: "the judge said" is the judge named earlier.
# Not "official" or "spokesman": news quotes unnamed ones all the time.
OFFICE_TITLES = frozenset((
    "judge", "governor", "mayor", "president", "minister", "senator", "ambassador", "chancellor", "premier",
    "king", "queen", "pope", "sheriff", "coach", "commissioner", "prosecutor", "administrator", "chairman",
    "chairwoman", "ceo", "captain", "manager", "bishop", "archbishop", "director", "headteacher", "principal",
))  # fmt: skip
# Words that make a capitalised phrase an organisation or a place rather than a person.
ORGANISATION_WORDS = frozenset((
    "ministry", "department", "agency", "council", "committee", "commission", "party", "government",
    "administration", "office", "authority", "court", "university", "college", "school", "institute",
    "center", "centre", "association", "organisation", "organization", "foundation", "union", "league",
    "federation", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "bank", "church",
    "museum", "society", "board", "bureau", "service", "services", "police", "army", "navy", "force",
    "forces", "military", "parliament", "senate", "congress", "assembly", "embassy", "consulate", "city",
    "municipality", "team", "club", "network", "news", "press", "times", "post", "journal", "gazette",
    "herald", "tribune", "television", "radio", "channel", "station", "newspaper", "magazine", "firm",
    "campaign", "movement", "coalition", "alliance", "cabinet", "secretariat", "regime", "hospital",
    "clinic", "laboratory", "program", "programme", "project", "fund", "trust", "states", "kingdom",
    "republic", "nations", "emirates", "county", "province", "region", "district", "island", "islands",
    "river", "mountain", "street", "road", "avenue", "square", "park", "hall", "airport", "bridge",
    "space", "shuttle", "facility", "base", "complex", "system", "house", "court", "industries",
    "media", "studios", "airlines", "motors", "holdings", "partners", "capital", "international",
    "standards", "community", "wiki", "website", "conference", "committee", "tribunal", "gallery",
    "affairs", "relations", "studies", "economics", "institution", "sciences", "resources", "operations",
    "initiative", "observatory", "review", "daily", "weekly", "online", "agency", "watch", "forum",
))  # fmt: skip
# Nouns naming a statement or publication: `Harlan's statement said` quotes Harlan.
DOCUMENT_WORDS = frozenset((
    "statement", "letter", "post", "blog", "tweet", "message", "email", "e-mail", "release", "website",
    "speech", "remarks", "testimony", "column", "article", "op-ed", "memo", "essay", "book", "filing",
    "submission", "account", "posting", "video", "address", "announcement", "communique", "communiqué",
))  # fmt: skip
PRONOUNS = frozenset(("he", "she", "they", "i", "we", "it"))
FEMALE_WORDS = frozenset((
    "mrs", "ms", "miss", "dame", "lady", "mme", "mlle", "frau", "sra", "spokeswoman", "chairwoman",
    "congresswoman", "councilwoman", "businesswoman", "actress", "queen", "princess", "mother", "wife",
    "daughter", "sister", "widow", "grandmother", "girl", "woman",
))  # fmt: skip
MALE_WORDS = frozenset((
    "mr", "sir", "lord", "herr", "sr", "spokesman", "chairman", "congressman", "councilman", "businessman",
    "king", "prince", "father", "husband", "son", "brother", "widower", "grandfather", "boy", "man",
))  # fmt: skip
# Lowercase particles inside names: "Lula da Silva", "Ludwig van Beethoven", "Hassan al-Amin".
NAME_PARTICLES = frozenset((
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin",
    "ibn", "al", "el", "la", "le", "y", "abu", "bint", "ben", "ten",
))  # fmt: skip
# Capitalised words that start sentences but never names.
NOT_NAMES = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "with", "by", "to",
    "of", "and", "but", "or", "nor", "so", "yet", "however", "also", "after", "before", "when", "while",
    "where", "why", "how", "what", "which", "who", "if", "as", "since", "despite", "although", "though",
    "even", "meanwhile", "moreover", "still", "then", "now", "here", "there", "today", "yesterday",
    "tomorrow", "last", "next", "it", "he", "she", "they", "we", "i", "you", "his", "her", "its",
    "their", "our", "my", "your", "some", "many", "most", "other", "others", "every", "each", "all",
    "both", "such", "several", "few", "no", "not", "only", "just", "writing", "speaking", "according",
    "citing", "asked", "image", "photo", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "one", "two", "three", "another", "any", "among",
    "during", "under", "over", "about", "against", "between", "through", "without", "within", "because",
    "unlike", "like", "instead", "once", "until", "unless", "whether", "whose", "whom", "sources",
))  # fmt: skip
# Subjects that turn out to be generic people: no name can be published for them.
GENERIC_PLURALS = re.compile(r"^(?:[a-z]+s|people|police|staff|media|public)$")
# Common nouns that stand for an organisation as a speaker: "the ministry said".
ORGANISATION_DESCRIPTIONS = frozenset((
    "ministry", "department", "agency", "council", "committee", "commission", "government", "administration",
    "authority", "authorities", "court", "university", "company", "corporation", "firm", "bank", "police",
    "army", "military", "navy", "city", "municipality", "embassy", "party", "union", "board", "office",
    "organisation", "organization", "group", "campaign", "regime", "cabinet", "parliament", "senate",
    "congress", "federation", "association", "foundation", "institute", "church", "club", "team", "state",
))  # fmt: skip
# Subjects of an office title: in "Minister of Health Elena Russo" the
# first capitalised word after "of" belongs to the title, not the name.
DOMAIN_WORDS = frozenset((
    "state", "education", "defense", "defence", "health", "finance", "justice", "interior", "energy",
    "labor", "labour", "commerce", "agriculture", "culture", "environment", "transport", "transportation",
    "housing", "treasury", "trade", "homeland", "foreign", "security", "economy", "industry", "science",
    "technology", "tourism", "sport", "sports", "information", "communications", "immigration", "welfare",
    "development", "veterans", "police", "staff", "operations", "communication", "research", "policy",
))  # fmt: skip
