"""Data for machines: schema.org JSON-LD on explainer and actor pages, and the JSON exports under data/."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build, page_path, site_config, warnings_in
from explainers.model import Actor
from explainers.newsroom import load_newsroom
from explainers.render import Links, explainer_uri
from explainers.structured_data import explainer_json_ld, json_ld_script, same_as

SEED = "explainers/us-venezuela-relations.md"
GLOSSARY = ROOT / "sources" / "glossary"
# What a glossary kind is to schema.org: the issue asks for these four; the rest fall back to the closest type.
EXPECTED_TYPES = {"person": "Person", "organization": "Organization", "country": "Country", "place": "Place"}
HOSTILE = 'Ends here</script><script>window.pwned = 1</script><!-- & "quoted" \u2028 <b>bold</b>'


def soup_of(site: Path, uri: str) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, uri, True).read_text(encoding="utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    """The page's one JSON-LD block, parsed."""
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0].string)


def glossary(actor_id: str) -> dict:
    return yaml.safe_load((GLOSSARY / f"{actor_id}.yml").read_text(encoding="utf-8"))


def target_of(site: Path, uri: str, href: str) -> Path:
    """The built file a relative URL on page `uri` points at (directory URLs)."""
    page = page_path(site, uri, True)
    target = Path(urlsplit(urljoin("file://" + str(page), href)).path)
    return target / "index.html" if target.is_dir() else target


@pytest.fixture(scope="module")
def site(built_sites) -> Path:
    return built_sites[True]


# --- Explainers ------------------------------------------------------------------------------------------------------


def test_explainer_is_a_news_article_that_mentions_its_actors(site):
    soup = soup_of(site, SEED)
    graph = json_ld(soup)["@graph"]
    article = next(node for node in graph if node["@type"] == "NewsArticle")
    title = soup.select_one("article h1").get_text().rstrip("¶").strip()
    assert article["headline"] == title
    # The actors in the data are exactly the who's who a reader sees, in the same kinds.
    whos_who = [a["data-actor"] for a in soup.select("dl.xp-whos-who a.xp-actor")]
    assert len(whos_who) >= 20
    mentioned = {}
    for thing in article["mentions"]:
        actor_id = Path(urlsplit(thing["url"]).path.rstrip("/")).name
        assert target_of(site, SEED, thing["url"]).is_file(), thing["url"]
        entry = glossary(actor_id)
        assert thing["name"] == entry["name"]
        assert thing["description"] == " ".join(entry["summary"].split())
        if entry["kind"] in EXPECTED_TYPES:
            assert thing["@type"] == EXPECTED_TYPES[entry["kind"]], (actor_id, thing)
        mentioned[actor_id] = thing["@type"]
    assert sorted(mentioned) == sorted(whos_who)
    assert {"Person", "Organization", "Country"} <= set(mentioned.values())


def test_explainer_quotes_are_quotations_with_speakers(site):
    soup = soup_of(site, SEED)
    graph = json_ld(soup)["@graph"]
    quotations = [node for node in graph if node["@type"] == "Quotation"]
    cards = soup.select("figure.xp-quote-card")
    assert len(quotations) == len(cards) >= 5
    for quotation, card in zip(quotations, cards, strict=True):
        assert quotation["text"] == card.blockquote.get_text(), quotation
        assert quotation["isPartOf"] == {"@id": "#explainer"}
        anchor = quotation["url"].removeprefix("#")
        assert soup.find(id=anchor) is not None, f"{quotation['url']} is no anchor on the page"
        speaker = card.figcaption.select_one("a.xp-actor, .xp-speaker").get_text()
        if speaker != "Unattributed":
            assert quotation["spokenByCharacter"]["name"] == speaker
    attributed = [q for q in quotations if "url" in q.get("spokenByCharacter", {})]
    assert attributed, "no quotation is linked to its speaker's actor page"
    ramirez = next(q for q in attributed if q["spokenByCharacter"]["name"] == "Elena Ramirez")
    assert ramirez["spokenByCharacter"]["@type"] == "Person"
    assert ramirez["text"].startswith("These preliminary talks represent")


def test_explainer_data_carries_the_articles_source_facts(sources_copy):
    (sources_copy / "articles" / "us-venezuela-relations.yml").write_text(
        "publisher: Example Wire\ndate: 2024-03-14\nurl: https://example.org/us-venezuela\nauthor: Ana Reyes\n"
        "summary: Talks without a meeting.\ntopics: [diplomacy, sanctions]\n",
        encoding="utf-8",
    )
    newsroom, problems = load_newsroom(sources_copy)
    assert not [p for p in problems if p.severity != "info"], problems
    explainer = newsroom.explainers[0]
    links = Links(explainer_uri(explainer.slug), lambda page, target: f"../../{target.removesuffix('.md')}/")
    article = explainer_json_ld(newsroom, explainer, [], links)["@graph"][0]
    assert article["datePublished"] == "2024-03-14"
    assert article["publisher"] == {"@type": "Organization", "name": "Example Wire"}
    assert article["author"] == {"@type": "Person", "name": "Ana Reyes"}
    assert article["isBasedOn"] == "https://example.org/us-venezuela"
    assert article["description"] == "Talks without a meeting."
    assert article["keywords"] == ["diplomacy", "sanctions"]
    assert article["mentions"][0]["url"] == "../../actors/united-states/"


def test_json_ld_stays_out_of_the_search_index(site):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    # Words only the JSON-LD holds (the About page names schema.org and its types in prose).
    assert "@graph" not in index and "spokenByCharacter" not in index and "@context" not in index


# --- Actors ----------------------------------------------------------------------------------------------------------


def test_actor_pages_describe_the_actor_as_its_kind_says(site):
    seen = set()
    pages = sorted(site.glob("actors/*/index.html"))  # an entry nothing names has no page
    assert len(pages) >= 30
    for page in pages:
        entry = glossary(page.parent.name)
        data = json_ld(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        assert data["@context"] == "https://schema.org"
        assert data["name"] == entry["name"]
        assert data["description"] == " ".join(entry["summary"].split())
        assert data.get("alternateName", []) == entry.get("aliases", [])
        if entry["kind"] in EXPECTED_TYPES:
            assert data["@type"] == EXPECTED_TYPES[entry["kind"]], page
        seen.add(data["@type"])
    assert {"Person", "Organization", "Country", "Place"} <= seen


def test_actor_links_become_same_as(site):
    data = json_ld(soup_of(site, "actors/united-states.md"))
    assert data["sameAs"] == ["https://en.wikipedia.org/wiki/United_States", "https://www.wikidata.org/wiki/Q30"]


# --- Escaping --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "</SCRIPT >", "<!--<script>", "a & b > c", "\u2028\u2029", "\\u003c"],
)
def test_json_ld_script_cannot_be_closed_by_its_content(text):
    script = json_ld_script({"description": text})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set(body) & set("<>&\u2028\u2029"), body
    assert json.loads(body) == {"description": text}


def test_a_hostile_glossary_entry_cannot_break_out_of_the_json_ld(tmp_path, sources_copy):
    entry_path = sources_copy / "glossary" / "nicolas-maduro.yml"
    entry = yaml.safe_load(entry_path.read_text(encoding="utf-8"))
    entry.update(summary=HOSTILE, name="Nicolás </script> Maduro")
    entry_path.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(site_config(tmp_path, sources=sources_copy))
    assert result.returncode == 0 and not warnings_in(result.stderr), result.stderr
    site = tmp_path / "site"
    for uri in ("actors/nicolas-maduro.md", SEED):
        html = page_path(site, uri, True).read_text(encoding="utf-8")
        assert "<script>window.pwned" not in html
        # Exactly one script element per JSON-LD block, and the text round-trips.
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
        assert len(blocks) == 1, uri
        assert "<" not in blocks[0]
        data = json.loads(blocks[0])
        things = [data] if "@graph" not in data else data["@graph"][0]["mentions"]
        maduro = next(t for t in things if t["name"].startswith("Nicolás"))
        assert maduro["name"] == "Nicolás </script> Maduro"
        assert maduro["description"] == HOSTILE
        # Nothing the entry says became markup: the page has the same scripts as any other.
        soup = BeautifulSoup(html, "html.parser")
        assert not [s for s in soup.find_all("script") if "pwned" in (s.string or "") and s.get("type") is None]
        assert not soup.find("b", string="bold")


def test_only_web_addresses_become_same_as():
    # The glossary loader refuses other links already; the data does not rely on it.
    actor = Actor(
        id="x", name="X", kind="person", summary="", links=(("wikipedia", "javascript:alert(1)"), ("wikidata", "Q1"))
    )
    assert same_as(actor) == ["https://www.wikidata.org/wiki/Q1"]


# --- JSON exports ----------------------------------------------------------------------------------------------------

EXPORT_SHAPES = {
    "actors": {"id": str, "name": str, "kind": str, "aliases": list, "summary": str, "links": dict, "explainers": list},
    "explainers": {"slug": str, "title": str, "actors": list},
    "mentions": {"explainer": str, "paragraph": str, "actor": str, "alias": str, "start": int, "end": int},
    "quotes": {"id": str, "explainer": str, "paragraph": str, "quote": str},
    "events": {"date": str, "title": str, "actors": list},
}


def test_json_exports_are_linked_from_the_about_page_and_hang_together(site):
    about = soup_of(site, "about.md")
    hrefs = {Path(a["href"]).stem: a["href"] for a in about.select("article a[href$='.json']")}
    assert set(hrefs) == set(EXPORT_SHAPES), hrefs
    data = {}
    for name, href in hrefs.items():
        path = target_of(site, "about.md", href)
        assert path == site / "data" / f"{name}.json"
        data[name] = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data[name], list) and data[name], name
        for item in data[name]:
            for key, kind in EXPORT_SHAPES[name].items():
                assert isinstance(item.get(key), kind), f"{name}: {key} of {item}"
    actors = {a["id"] for a in data["actors"]}
    explainers = {e["slug"] for e in data["explainers"]}
    assert actors == {p.stem for p in GLOSSARY.glob("*.yml")}
    assert explainers == {"us-venezuela-relations"}
    assert all(set(e["actors"]) <= actors for e in data["explainers"])
    for mention in data["mentions"]:
        assert mention["actor"] in actors and mention["explainer"] in explainers and mention["start"] < mention["end"]
    assert all(q["explainer"] in explainers and (q["actor"] is None or q["actor"] in actors) for q in data["quotes"])
    assert all(set(e["actors"]) <= actors for e in data["events"])
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]) for e in data["events"])
