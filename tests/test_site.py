"""The example site, built with `mkdocs build --strict`, read as a reader gets it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build, page_path, site_config
from explainers.glossary import load_glossary

SEED = ROOT / "sources" / "articles" / "us-venezuela-relations.txt"
ANALYSTS = {
    "elena-ramirez": "Elena Ramirez",
    "james-morrow": "James Morrow",
    "maria-fernandez": "Maria Fernandez",
    "carlos-ramirez": "Carlos Ramirez",
    "rebecca-johnson": "Rebecca Johnson",
    "margaret-chen": "Margaret Chen",
}


def soup_of(site: Path, uri: str, use_directory_urls: bool) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, uri, use_directory_urls).read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def article_body(soup: BeautifulSoup):
    """The explainer's article text: the paragraphs anchored p-1, p-2, …"""
    return [p for p in content(soup).find_all("p") if re.fullmatch(r"p-\d+", p.get("id", ""))]


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file an internal link of a built page points at."""
    base = "file://" + str(page)
    target = Path(urlsplit(urljoin(base, href)).path)
    return target / "index.html" if target.is_dir() else target


@pytest.fixture(params=[True, False], ids=["directory-urls", "flat-urls"])
def site(request, built_sites):
    return request.param, built_sites[request.param]


def test_seed_explainer_links_at_least_20_actors_with_summaries_as_titles(site):
    use_directory_urls, root = site
    actors = {a.id: a for a in load_glossary(ROOT / "sources" / "glossary", [])}
    soup = soup_of(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    links = [a for p in article_body(soup) for a in p.select("a.xp-actor")]
    linked = {a["data-actor"] for a in links}
    assert len(linked) >= 20, sorted(linked)
    for link in links:
        assert link["title"] == actors[link["data-actor"]].summary
    # Only the first mention is a link; later ones carry the same tooltip.
    assert len(links) == len(linked)
    later = [s for p in article_body(soup) for s in p.select("span.xp-mention")]
    assert later and all(s["title"] == actors[s["data-actor"]].summary for s in later)


def test_every_word_of_the_article_appears_in_order(site):
    use_directory_urls, root = site
    soup = soup_of(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    source_words = re.findall(r"\w+", SEED.read_text(encoding="utf-8"))
    page_words = re.findall(r"\w+", content(soup).get_text(" "))
    position = 0
    for word in source_words:
        position = page_words.index(word, position) + 1  # ValueError names the lost word
    body_words = re.findall(r"\w+", " ".join(p.get_text(" ") for p in article_body(soup)))
    title, *_ = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(body_words) <= len(source_words)
    assert soup.select_one("h1").get_text().rstrip("¶") == title


def test_internal_links_resolve(site):
    use_directory_urls, root = site
    for uri in (
        "explainers/us-venezuela-relations.md",
        "actors/nicolas-maduro.md",
        "actors/index.md",
        "quotes/index.md",
        "timeline/index.md",
        "index.md",
        "about.md",
    ):
        page = page_path(root, uri, use_directory_urls)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in content(soup).select("a[href]"):
            href = link["href"]
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            target = resolve(root, page, href)
            assert target.exists(), f"{uri}: {href} -> {target}"
            fragment = urlsplit(href).fragment
            if fragment and target.suffix == ".html":
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), f"{uri}: {href}"


def test_maduro_page_links_back_to_the_explainer_with_context(site):
    use_directory_urls, root = site
    page = page_path(root, "actors/nicolas-maduro.md", use_directory_urls)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    explainer = page_path(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    back = [a for a in soup.select(".xp-mentioned-in a") if resolve(root, page, a["href"]) == explainer]
    assert back and back[0].get_text() == "Diplomatic Tensions Rise as US-Venezuela Relations Remain at Crossroads"
    context = soup.select_one(".xp-mentioned-in q")
    assert context.select_one("mark").get_text().startswith("Maduro")
    assert "military pressure" in context.get_text()
    # The page does not link Maduro to himself.
    assert not soup.select('a.xp-actor[data-actor="nicolas-maduro"]')


def test_actor_index_groups_by_kind(site):
    use_directory_urls, root = site
    soup = soup_of(root, "actors/index.md", use_directory_urls)
    headings = [h.get_text(strip=True).rstrip("¶") for h in content(soup).find_all("h2")]
    assert headings[:2] == ["People", "Organisations"]
    people = content(soup).select_one("#person + dl")
    names = [a.get_text() for a in people.select("dt a")]
    assert "Nicolás Maduro" in names and names == sorted(names, key=str.casefold)


def test_home_lists_the_explainer(site):
    use_directory_urls, root = site
    soup = soup_of(root, "index.md", use_directory_urls)
    titles = [a.get_text() for a in content(soup).select(".xp-explainer-list a")]
    assert titles == ["Diplomatic Tensions Rise as US-Venezuela Relations Remain at Crossroads"]


def test_hand_written_pages_get_mentions_linked(site):
    use_directory_urls, root = site
    soup = soup_of(root, "about.md", use_directory_urls)
    assert {a["data-actor"] for a in content(soup).select("a.xp-actor")} >= {"united-states", "venezuela"}
    assert not content(soup).select("h1 a.xp-actor, code a.xp-actor")


def test_data_is_exported_as_json(site):
    _, root = site
    actors = json.loads((root / "data" / "actors.json").read_text(encoding="utf-8"))
    maduro = next(a for a in actors if a["id"] == "nicolas-maduro")
    assert maduro["explainers"] == ["us-venezuela-relations"]
    mentions = json.loads((root / "data" / "mentions.json").read_text(encoding="utf-8"))
    first = next(m for m in mentions if m["actor"] == "nicolas-maduro")
    paragraph = first["paragraph"]
    text = next(line for line in SEED.read_text(encoding="utf-8").splitlines() if "Maduro" in line)
    assert paragraph == "p-1" and text[first["start"] : first["end"]] == first["alias"]


def test_edit_links_point_at_the_source_files(tmp_path):
    config = site_config(tmp_path, repo_url="https://github.com/example/newsroom", edit_uri="edit/main/docs/")
    result = mkdocs_build(config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    explainer = BeautifulSoup((site / "explainers/us-venezuela-relations/index.html").read_text(), "html.parser")
    edit = explainer.select_one("a.md-content__button[href*='edit']")["href"]
    assert urljoin(edit, ".").endswith("/edit/main/sources/articles/")
    assert edit.endswith("sources/articles/us-venezuela-relations.txt")
    maduro = BeautifulSoup((site / "actors/nicolas-maduro/index.html").read_text(), "html.parser")
    assert maduro.select_one("a.md-content__button[href*='edit']")["href"].endswith(
        "/edit/main/sources/glossary/nicolas-maduro.yml"
    )


def test_broken_glossary_entry_fails_strict_and_is_skipped_otherwise(tmp_path, sources_copy):
    (sources_copy / "glossary" / "florida.yml").write_text("name: Florida\nkind: stat\nsummary: A US state.\n")
    config = site_config(tmp_path, sources=sources_copy)
    strict = mkdocs_build(config)
    assert strict.returncode != 0
    assert "florida.yml:2: unknown kind `stat`" in strict.stderr
    assert "Traceback" not in strict.stderr
    lenient = mkdocs_build(config, strict=False)
    assert lenient.returncode == 0, lenient.stderr
    assert "florida.yml:2: unknown kind `stat`" in lenient.stderr
    site = tmp_path / "site"
    assert not (site / "actors/florida").exists()
    assert (site / "actors/nicolas-maduro/index.html").exists()


def test_link_docs_false_leaves_hand_written_pages_alone(tmp_path):
    config = site_config(tmp_path, plugin_options={"link_docs": False})
    result = mkdocs_build(config)
    assert result.returncode == 0, result.stderr
    about = BeautifulSoup((tmp_path / "site/about/index.html").read_text(), "html.parser")
    assert not about.select("a.xp-actor")
    explainer = BeautifulSoup(
        (tmp_path / "site/explainers/us-venezuela-relations/index.html").read_text(), "html.parser"
    )
    assert explainer.select("a.xp-actor")


# --- background timelines ---------------------------------------------------


def sort_key(datetime: str) -> tuple[int, ...]:
    parts = [int(p) for p in datetime.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_seed_explainer_has_a_sorted_background_timeline(site):
    use_directory_urls, root = site
    soup = soup_of(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    heading = soup.select_one("h2#background")
    timeline = heading.find_next_sibling("ol")
    assert "xp-timeline" in timeline["class"]
    items = timeline.find_all("li", recursive=False)
    assert len(items) >= 8
    dates = [li.select_one("time")["datetime"] for li in items]
    assert dates == sorted(dates, key=sort_key)
    assert {d[:4] for d in dates} >= {"2014", "2019", "2022"}
    from_article = {li.select_one("time")["datetime"]: li for li in items if "xp-from-article" in li["class"]}
    assert set(from_article) >= {"2014", "2019"}
    assert "since 2014" in from_article["2014"].select_one("q").get_text()
    assert "in 2019" in from_article["2019"].select_one("q").get_text()
    for li in from_article.values():
        anchor = li.select_one(".xp-event-source a")["href"]
        assert anchor.startswith("#p-") and soup.find(id=anchor[1:]) is not None
    curated = [li for li in items if "xp-from-article" not in li["class"]]
    assert any("nicolas-maduro" in li["data-actors"].split() for li in curated)
    assert all(li.select_one(".xp-event-source").get_text().strip() for li in curated)


def test_full_timeline_is_grouped_by_year_and_narrowed_by_kind(site):
    use_directory_urls, root = site
    soup = soup_of(root, "timeline/index.md", use_directory_urls)
    items = content(soup).select("ol.xp-timeline > li")
    assert len(items) >= 12
    years = [h["id"] for h in content(soup).find_all("h2")]
    assert years == sorted(years) and all(re.fullmatch(r"y-\d{4}", y) for y in years)
    for li in items:
        year = li.find_parent("ol").find_previous_sibling("h2")["id"]
        assert li.select_one("time")["datetime"].startswith(year[2:])
    people = soup_of(root, "timeline/person.md", use_directory_urls)
    narrowed = content(people).select("ol.xp-timeline > li")
    assert 0 < len(narrowed) < len(items)
    assert all("person" in li["data-kinds"].split() for li in narrowed)


def test_actor_page_lists_its_events_and_events_are_exported(site):
    use_directory_urls, root = site
    soup = soup_of(root, "actors/juan-guaido.md", use_directory_urls)
    titles = [t.get_text() for t in content(soup).select("#events + ol .xp-event-title")]
    assert "The United States recognises Juan Guaidó as interim president" in titles
    events = json.loads((root / "data" / "events.json").read_text(encoding="utf-8"))
    assert len(events) >= 15 and all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", e["date"]) for e in events)


# --- quotes -----------------------------------------------------------------


def test_seed_explainer_cites_six_quotes_linked_to_the_analysts(site):
    use_directory_urls, root = site
    soup = soup_of(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    cards = soup.select("h2#quotes ~ .xp-quote-list figure.xp-quote-card")
    assert len(cards) == 6
    speakers = [card.select_one("figcaption a.xp-actor") for card in cards]
    assert {a["data-actor"]: a.get_text() for a in speakers} == ANALYSTS
    roles = [card.select_one(".xp-role").get_text() for card in cards]
    assert roles[0] == "professor of international relations at Georgetown University"
    assert "diplomatic historian" in roles
    first = cards[0].select_one("blockquote").get_text()
    assert first.startswith("These preliminary talks represent") and "… Both sides are weighing" in first
    for card in cards:
        back = card.select_one("figcaption a:not(.xp-actor)")["href"]
        quote_span = soup.find(id=back.removeprefix("#"))
        assert quote_span is not None and "xp-quote" in quote_span["class"]
        assert quote_span.find_parent("p")["id"].startswith("p-")
    # In the text, each quote is marked and its speaker linked with the actor's tooltip.
    paragraph = soup.find(id="p-2")
    assert paragraph.select_one("span.xp-quote").get_text().startswith("These preliminary talks")
    assert paragraph.select_one('a.xp-actor[data-actor="elena-ramirez"]')["title"].startswith("Quoted as professor")


def test_quotes_index_and_actor_pages_list_the_quotes(site):
    use_directory_urls, root = site
    index = soup_of(root, "quotes/index.md", use_directory_urls)
    headings = [h.get_text().rstrip("¶") for h in content(index).find_all("h2")]
    assert headings == [
        "Margaret Chen",
        "Maria Fernandez",
        "Rebecca Johnson",
        "James Morrow",
        "Carlos Ramirez",
        "Elena Ramirez",
    ]
    assert len(content(index).select("figure.xp-quote-card")) == 6
    chen = soup_of(root, "actors/margaret-chen.md", use_directory_urls)
    card = content(chen).select_one("#quotes ~ .xp-quote-list figure")
    assert card.select_one("blockquote").get_text().startswith("The current moment represents neither")
    page = page_path(root, "actors/margaret-chen.md", use_directory_urls)
    back = card.select_one("figcaption a")["href"]
    assert resolve(root, page, back) == page_path(root, "explainers/us-venezuela-relations.md", use_directory_urls)
    quotes = json.loads((root / "data" / "quotes.json").read_text(encoding="utf-8"))
    assert {q["actor"] for q in quotes} == set(ANALYSTS)
    assert all(q["quote"] in SEED.read_text(encoding="utf-8") for q in quotes)


def test_shared_alias_on_a_hand_written_page_is_reported(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("# Notes\n\nRamirez said it first. Later Maduro spoke.\n", encoding="utf-8")
    config = site_config(tmp_path, docs_dir=str(docs))
    strict = mkdocs_build(config)
    assert strict.returncode != 0
    assert "notes.md:3: `Ramirez` names several actors and no full name comes before it; left unlinked" in strict.stderr
    lenient = mkdocs_build(config, strict=False)
    notes = BeautifulSoup((tmp_path / "site/notes/index.html").read_text(), "html.parser")
    assert [a["data-actor"] for a in content(notes).select("a.xp-actor")] == ["nicolas-maduro"]
    assert lenient.returncode == 0


def test_search_indexes_each_thing_once(site):
    _, root = site
    docs = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]

    def text_at(prefix: str) -> str:
        return " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].startswith(prefix))

    explainer = text_at("explainers/us-venezuela-relations")
    assert "careful calibration happening on both sides" in explainer  # the article's own words
    # Its who's who, quote cards and background repeat what other pages hold: not indexed here.
    assert "in the article, paragraph" not in explainer and "Source:" not in explainer
    assert "The United States recognises Juan Guaidó as interim president" not in explainer
    assert "The United States recognises Juan Guaidó as interim president" in text_at("timeline")
    maduro = text_at("actors/nicolas-maduro")
    assert "succeeded Hugo Chávez" in maduro and "careful calibration" not in maduro
