"""Mention matching: the core matcher, and the Markdown extension that links what it finds."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from explainers.extension import ExplainersExtension, PageContext
from explainers.mentions import Matcher, MentionTracker
from explainers.model import Actor

ACTORS = [
    Actor("juan-guaido", "Juan Guaidó", "person", "Opposition leader.", ("Guaidó", "Juan Guaido")),
    Actor("venezuela", "Venezuela", "country", "A country.", ("Caracas",)),
    Actor("united-states", "United States", "country", "Another country.", ("US", "U.S.", "Washington")),
    Actor("southcom", "U.S. Southern Command", "organization", "A command.", ("Southern Command",)),
    Actor("elena-ramirez", "Elena Ramirez", "person", "A professor.", ("Ramirez", "Dr. Elena Ramirez")),
    Actor("carlos-ramirez", "Carlos Ramirez", "person", "An analyst.", ("Ramirez",)),
    Actor("nicolas-maduro", "Nicolás Maduro", "person", "A president.", ("Maduro", "Maduro government")),
    Actor("congress", "Congress", "organization", 'A legislature <b>&</b> "more".', ()),
]


def found(text: str, **tracker_options) -> list[tuple[str, str]]:
    tracker = MentionTracker(Matcher(ACTORS), link_all=True, **tracker_options)
    return [(text[m.start : m.end], m.actor_id) for m in tracker.mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # accents, and the same name typed without them as a separate alias
        ("Juan Guaidó spoke; Juan Guaido agreed.", [("Juan Guaidó", "juan-guaido"), ("Juan Guaido", "juan-guaido")]),
        # possessives, curly and straight
        ("Venezuela’s oil and Maduro's men", [("Venezuela", "venezuela"), ("Maduro", "nicolas-maduro")]),
        # the longest alias wins
        ("the Maduro government said", [("Maduro government", "nicolas-maduro")]),
        ("U.S. Southern Command patrols", [("U.S. Southern Command", "southcom")]),
        # overlapping aliases: a longer alias that would end inside a word gives way to a shorter one
        ("the Maduro governments", [("Maduro", "nicolas-maduro")]),
        ("U.S.-Venezuela relations", [("U.S.", "united-states"), ("Venezuela", "venezuela")]),
        # word boundaries: no match inside a word
        ("Venezuelans, USA, FOCUS, Guaidóism", []),
        # case-sensitive
        ("washington and caracas", []),
        # punctuation around a mention
        ("(Caracas) and “Washington”", [("Caracas", "venezuela"), ("Washington", "united-states")]),
    ],
)
def test_matcher(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Elena Ramirez spoke. Later Ramirez added.",
            [("Dr. Elena Ramirez", "elena-ramirez"), ("Ramirez", "elena-ramirez")],
        ),
        (
            "Elena Ramirez, then Carlos Ramirez. Ramirez said.",
            [("Elena Ramirez", "elena-ramirez"), ("Carlos Ramirez", "carlos-ramirez"), ("Ramirez", "carlos-ramirez")],
        ),
        ("Ramirez said first.", []),  # no full name before it: left unlinked, and reported
    ],
)
def test_shared_alias_resolves_to_the_nearest_full_name(text, expected):
    assert found(text) == expected


LONGER_NAMES = [
    *ACTORS,
    Actor("aaliyah-saliini", "Aaliyah Saliini", "person", "A minister.", ("Saliini",)),
    Actor("halaski", "Omar Halaski", "person", "A mayor.", ("Halaski",)),
    Actor("korea", "Korea", "place", "A peninsula.", ()),
    Actor("uleski-petroleum", "Uleski Petroleum", "organization", "An oil firm.", ("Uleski",)),
    Actor("treasury", "U.S. Department of the Treasury", "organization", "A department.", ("Treasury",)),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name running on after the alias is someone or something else
        ("Analysts at Halaski Logistics expect growth.", []),
        ("The Washington Post and the Maduro government.", [("Maduro government", "nicolas-maduro")]),
        ("Juan Guaidó Jr spoke.", []),
        # not a name: a title, a weekday, a lowercase word, punctuation
        ("Maduro Tuesday rejected it; Venezuela said; Halaski, Korea", [
            ("Maduro", "nicolas-maduro"), ("Venezuela", "venezuela"), ("Halaski", "halaski"), ("Korea", "korea"),
        ]),
        ("Halaski Deputy Minister of Trade", [("Halaski", "halaski")]),
        # another first name before a surname: another person, who keeps the surname until the actor is named
        ("Laura Saliini spoke. Saliini left.", []),
        ("Sabine Uleski, a farmer, spoke. Uleski left.", []),
        ("Uleski said. The U.S. Treasury agreed.", [("Uleski", "uleski-petroleum"), ("Treasury", "treasury")]),
        (
            "Laura Saliini spoke. Then Aaliyah Saliini replied, and Saliini left.",
            [("Aaliyah Saliini", "aaliyah-saliini"), ("Saliini", "aaliyah-saliini")],
        ),
        # titles, common words opening a sentence, possessives and the actor's own first name are not
        (
            "President Maduro spoke. But Maduro left. Venezuela’s Maduro. Juan Gerardo Guaidó came.",
            [("Maduro", "nicolas-maduro")] * 2
            + [("Venezuela", "venezuela"), ("Maduro", "nicolas-maduro"), ("Guaidó", "juan-guaido")],
        ),
        # a place after another name is another place; not after a preposition opening the sentence
        ("North Korea and East Caracas", []),
        ("Across Korea, and in Caracas", [("Korea", "korea"), ("Caracas", "venezuela")]),
    ],
)
def test_an_alias_inside_a_longer_name_is_not_a_mention(text, expected):
    tracker = MentionTracker(Matcher(LONGER_NAMES), link_all=True)
    assert [(text[m.start : m.end], m.actor_id) for m in tracker.mentions(text)] == expected
    assert tracker.unresolved == []


def test_a_namesake_of_a_shared_surname_is_not_reported_as_unresolved():
    tracker = MentionTracker(Matcher(ACTORS))
    assert tracker.mentions("Maria Ramirez said so, and Ramirez left.") == []
    assert tracker.unresolved == []


def test_unresolved_shared_alias_is_reported():
    tracker = MentionTracker(Matcher(ACTORS))
    assert tracker.mentions("Ramirez said.") == []
    assert tracker.unresolved == ["Ramirez"]


def test_first_mention_is_a_link_later_ones_only_a_tooltip():
    tracker = MentionTracker(Matcher(ACTORS))
    first = tracker.mentions("Maduro and Venezuela.")
    later = tracker.mentions("Maduro again, and the Maduro government.")
    assert [m.link for m in first] == [True, True]
    assert [m.link for m in later] == [False, False]


def test_ignored_aliases_and_own_actor_are_skipped():
    assert found("Caracas and Venezuela", ignore=frozenset({"Caracas"})) == [("Venezuela", "venezuela")]
    assert found("Maduro and Venezuela", own_actor="nicolas-maduro") == [("Venezuela", "venezuela")]


def test_matcher_scales_to_a_large_glossary():
    actors = [Actor(f"a{i}", f"Person Number{i} Example", "person", "s", (f"Number{i}",)) for i in range(5000)]
    matcher = Matcher([*actors, *ACTORS])
    text = "Then Person Number4999 Example met Number17 in Caracas."
    assert [t for _, _, t in matcher.scan(text)] == ["Person Number4999 Example", "Number17", "Caracas"]


# --- the Markdown extension -------------------------------------------------


def convert(source: str, page: PageContext | None = None, **options) -> BeautifulSoup:
    extension = ExplainersExtension(actors=ACTORS, **options)
    if page is not None:
        extension.page = page
    html = markdown.markdown(source, extensions=[extension, "attr_list", "toc"])
    return BeautifulSoup(html, "html.parser")


def linked(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["data-actor"]) for a in soup.select("a.xp-actor")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Maduro in a heading\n\nMaduro in text.", [("Maduro", "nicolas-maduro")]),
        ("`Maduro` in code, and Venezuela.", [("Venezuela", "venezuela")]),
        ("    Maduro in a code block\n\nVenezuela.", [("Venezuela", "venezuela")]),
        ("[Maduro](https://example.org) already linked; Venezuela.", [("Venezuela", "venezuela")]),
        ("*Maduro* in emphasis", [("Maduro", "nicolas-maduro")]),
        ("Text **with Venezuela** and after it Caracas.", [("Venezuela", "venezuela")]),
        ("<div>Maduro in raw HTML</div>\n\nVenezuela.", [("Venezuela", "venezuela")]),
    ],
)
def test_extension_leaves_headings_code_links_and_html_alone(source, expected):
    assert linked(convert(source)) == expected


def test_extension_links_first_mention_and_titles_the_rest():
    soup = convert("Maduro met Venezuela. Then Maduro left.\n\nMaduro again.")
    assert linked(soup) == [("Maduro", "nicolas-maduro"), ("Venezuela", "venezuela")]
    later = soup.select("span.xp-mention")
    assert [s.get_text() for s in later] == ["Maduro", "Maduro"]
    assert all(s["title"] == "A president." for s in later)
    assert soup.get_text() == "Maduro met Venezuela. Then Maduro left.\nMaduro again."


def test_extension_keeps_text_order_around_nested_elements():
    soup = convert("Maduro and *Caracas* then Guaidó, **Congress** and Venezuela.", link_all=True)
    assert soup.get_text() == "Maduro and Caracas then Guaidó, Congress and Venezuela."
    assert linked(soup) == [
        ("Maduro", "nicolas-maduro"),
        ("Caracas", "venezuela"),
        ("Guaidó", "juan-guaido"),
        ("Congress", "congress"),
        ("Venezuela", "venezuela"),
    ]


def test_extension_link_all_and_relative_hrefs():
    soup = convert("Maduro and Maduro.", PageContext(uri="explainers/story.md"), link_all=True)
    assert [a["href"] for a in soup.select("a.xp-actor")] == ["../actors/nicolas-maduro.md"] * 2


def test_extension_escapes_summaries_in_titles():
    html = markdown.markdown("Congress met.", extensions=[ExplainersExtension(actors=ACTORS)])
    assert 'title="A legislature &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;."' in html


def test_extension_skips_the_own_actor_and_can_be_turned_off():
    soup = convert("Maduro and Venezuela.", PageContext(uri="actors/nicolas-maduro.md", own_actor="nicolas-maduro"))
    assert linked(soup) == [("Venezuela", "venezuela")]
    assert linked(convert("Maduro and Venezuela.", PageContext(link=False))) == []


def test_untrusted_pages_lose_script_urls():
    soup = convert("[x](javascript:alert(1)) and [y](https://example.org)", PageContext(untrusted=True))
    # MkDocs requires the href of every link it rewrites: the unsafe link becomes its text.
    assert [a.get("href") for a in soup.find_all("a")] == ["https://example.org"]
    assert soup.get_text() == "x and y"


def test_extension_loads_a_glossary_folder_without_mkdocs(tmp_path):
    (tmp_path / "venezuela.yml").write_text("name: Venezuela\nkind: country\nsummary: A country.\n")
    html = markdown.markdown(
        "Venezuela.", extensions=["explainers"], extension_configs={"explainers": {"glossary": str(tmp_path)}}
    )
    assert 'href="actors/venezuela.md"' in html and 'title="A country."' in html


def test_extension_reports_glossary_problems_without_mkdocs(tmp_path, caplog):
    (tmp_path / "venezuela.yml").write_text("name: Venezuela\nkind: contry\nsummary: A country.\n")
    markdown.markdown("Venezuela.", extensions=[ExplainersExtension(glossary=str(tmp_path))])
    assert [r.getMessage() for r in caplog.records] == [
        f"{tmp_path}/venezuela.yml:2: unknown kind `contry` (did you mean `country`? allowed kinds: person, "
        "organization, country, place, group, event, concept)"
    ]
