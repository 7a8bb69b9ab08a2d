"""The editors' command line, run as an editor runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from conftest import ROOT

DEV_SET = ROOT / "tests" / "data" / "quotes-dev" / "articles"


def explainers(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainers.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def in_copy(sources_copy, *args: str) -> subprocess.CompletedProcess[str]:
    """Run in the folder holding the copy, so paths print as an editor sees them: sources/…"""
    return explainers("--sources", "sources", *args, cwd=sources_copy.parent)


def test_check_passes_on_the_example_site():
    result = explainers("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout
    # What needs no fix is still said, as a note.
    assert "sources/glossary/elena-ramirez.yml:3: note: the alias `Ramirez` names 2 actors" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_file_and_line_and_fails(sources_copy):
    (sources_copy / "timeline" / "extra.yml").write_text(
        "- date: 2019-02-30\n  title: T\n  summary: S\n  actors: [nicolas-maduro]\n  source: https://example.org\n"
        "- date: 2020\n  title: U\n  summary: S\n  actors: [nicolas-madur]\n  source: https://example.org\n"
    )
    result = in_copy(sources_copy, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "sources/timeline/extra.yml:1: error: bad `date`: `2019-02-30` is not a date: February 2019 has no day 30 "
        "(February 2019 has 28 days)",
        "sources/timeline/extra.yml:9: error: unknown actor `nicolas-madur` (did you mean `nicolas-maduro`?)",
        "sources/glossary/elena-ramirez.yml:3: note: the alias `Ramirez` names 2 actors (carlos-ramirez, "
        "elena-ramirez) (it is linked only where the nearest earlier full name tells which one is meant)",
    ]
    assert "2 error(s), 0 warning(s)" in result.stdout


def test_check_strict_fails_on_warnings_and_quiet_leaves_out_notes(sources_copy):
    (sources_copy / "glossary" / "nobody.yml").write_text("name: Nobody Named\nkind: person\nsummary: S.\n")
    lenient = in_copy(sources_copy, "check", "--quiet")
    assert lenient.returncode == 0
    assert lenient.stderr.splitlines() == [
        "sources/glossary/nobody.yml:1: warning: no article mentions Nobody Named (`nobody`), and no event names it "
        "(check that `name` or `aliases` is spelt exactly as the articles spell it, capitals too, or delete the "
        "entry if it is not needed)"
    ]
    assert in_copy(sources_copy, "check", "--strict").returncode == 1


def test_check_without_a_sources_folder_says_where_it_looked(tmp_path):
    result = explainers("--sources", "nowhere", "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: there is no sources folder at nowhere (run it in the site's folder")
    assert "Traceback" not in result.stderr


def test_new_actor_scaffolds_a_valid_entry(sources_copy):
    result = in_copy(sources_copy, "new", "actor", "Delcy Rodríguez", "--kind", "person")
    assert result.returncode == 0, result.stderr
    path = sources_copy / "glossary" / "delcy-rodriguez.yml"
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (entry["name"], entry["kind"], entry["aliases"]) == ("Delcy Rodríguez", "person", [])
    again = in_copy(sources_copy, "new", "actor", "Delcy Rodríguez", "--kind", "person")
    assert again.returncode == 1
    assert again.stderr == "error: sources/glossary/delcy-rodriguez.yml already exists (edit that file instead)\n"
    check = in_copy(sources_copy, "check")
    assert check.returncode == 0, check.stderr
    # The placeholder summary must not reach readers unnoticed, and no article names her yet.
    assert "sources/glossary/delcy-rodriguez.yml:4: warning: the summary is still the placeholder" in check.stderr
    assert "sources/glossary/delcy-rodriguez.yml:1: warning: no article mentions Delcy Rodríguez" in check.stderr


def test_new_actor_then_check_strict_is_clean(sources_copy):
    # "Caracas" is Venezuela's alias in the example; a fuller name for the city is free.
    article = sources_copy / "articles" / "us-venezuela-relations.txt"
    article.write_text(article.read_text(encoding="utf-8") + "The Metro de Caracas: ran all week.\n", "utf-8")
    result = in_copy(
        sources_copy, "new", "actor", "Metro de Caracas", "--kind", "organization", "--summary", "The city's metro."
    )
    assert result.returncode == 0, result.stderr
    entry = (sources_copy / "glossary" / "metro-de-caracas.yml").read_text(encoding="utf-8")
    assert entry.startswith('name: "Metro de Caracas"\nkind: organization ')
    check = in_copy(sources_copy, "check", "--strict", "--quiet")
    assert (check.returncode, check.stderr) == (0, "")


def test_new_actor_refuses_a_name_the_glossary_has_and_an_unknown_kind(sources_copy):
    taken = in_copy(sources_copy, "new", "actor", "Maduro", "--kind", "person")
    assert taken.returncode == 1
    assert taken.stderr.startswith("error: `Maduro` is already a name of `nicolas-maduro`")
    kind = in_copy(sources_copy, "new", "actor", "Delcy Rodríguez", "--kind", "persn")
    assert kind.stderr.startswith("error: unknown kind `persn` (did you mean `person`? allowed kinds: person,")
    assert not (sources_copy / "glossary" / "delcy-rodriguez.yml").exists()


def test_new_event_in_a_file_of_its_own_then_check_passes(sources_copy):
    result = in_copy(
        sources_copy,
        *("new", "event", "--date", "2024-07-28", "--title", "Venezuela votes: a presidential election"),
        *("--actor", "nicolas-maduro,venezuela", "--summary", "Maduro is declared the winner."),
        *("--source", "https://example.org/election"),
    )
    assert result.returncode == 0, result.stderr
    path = sources_copy / "timeline" / "2024-07-28-venezuela-votes-a-presidential-election.yml"
    (event,) = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert event["title"] == "Venezuela votes: a presidential election"
    assert event["actors"] == ["nicolas-maduro", "venezuela"]
    check = in_copy(sources_copy, "check", "--strict", "--quiet")
    assert (check.returncode, check.stderr) == (0, "")
    again = in_copy(
        sources_copy, "new", "event", "--date", "2024-07-28", "--title", "Venezuela votes: a presidential election"
    )
    assert again.returncode == 1
    assert again.stderr.startswith(f"error: {path.relative_to(sources_copy.parent)}:1 already has an event")


def test_new_event_appends_to_a_timeline_file_without_touching_it(sources_copy):
    timeline = sources_copy / "timeline" / "venezuela.yml"
    before = timeline.read_bytes()
    result = in_copy(
        sources_copy, "new", "event", "--date", "2024-07", "--title", "A new event", "--actor", "venezuela", "--to",
        "venezuela",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added an event at the end of sources/timeline/venezuela.yml")
    after = timeline.read_bytes()
    assert after.startswith(before)
    events = yaml.safe_load(after)
    assert events[:-1] == yaml.safe_load(before)
    assert (events[-1]["title"], events[-1]["actors"]) == ("A new event", ["venezuela"])
    check = in_copy(sources_copy, "check")
    assert check.returncode == 0, check.stderr
    line = after[: after.rindex(b"summary:")].count(b"\n") + 1
    assert f"sources/timeline/venezuela.yml:{line}: warning: `summary` is still the placeholder" in check.stderr


def test_new_event_creates_a_named_file_and_refuses_what_it_cannot_append_to(sources_copy):
    result = in_copy(
        sources_copy, "new", "event", "--date", "2025", "--title", "T", "--actor", "venezuela", "--to", "new"
    )
    assert result.returncode == 0, result.stderr
    assert (sources_copy / "timeline" / "new.yml").read_text(encoding="utf-8").startswith("- date: 2025 ")
    (sources_copy / "timeline" / "flow.yml").write_text("[]\n", encoding="utf-8")
    refused = in_copy(
        sources_copy, "new", "event", "--date", "2025", "--title", "U", "--actor", "venezuela", "--to", "flow"
    )
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: cannot append to sources/timeline/flow.yml without changing what is in it")
    assert (sources_copy / "timeline" / "flow.yml").read_text(encoding="utf-8") == "[]\n"


def test_new_event_names_what_is_wrong_and_writes_nothing(sources_copy):
    files = sorted((sources_copy / "timeline").iterdir())
    unknown = in_copy(sources_copy, "new", "event", "--date", "2024", "--title", "T", "--actor", "nicolas-madur")
    assert unknown.stderr == "error: unknown actor `nicolas-madur` (did you mean `nicolas-maduro`?)\n"
    bad_date = in_copy(sources_copy, "new", "event", "--date", "2023-02-29", "--title", "T", "--actor", "venezuela")
    assert bad_date.stderr == (
        "error: bad date: `2023-02-29` is not a date: February 2023 has no day 29 (February 2023 has 28 days)\n"
    )
    assert (unknown.returncode, bad_date.returncode) == (1, 1)
    assert sorted((sources_copy / "timeline").iterdir()) == files


def test_suggest_names_a_removed_actor_with_its_article_and_a_sentence(sources_copy):
    (sources_copy / "glossary" / "western-hemisphere.yml").unlink()
    result = in_copy(sources_copy, "suggest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n\n") == [
        "Western Hemisphere  (2×, frequent name)\n"
        "    us-venezuela-relations: #p-6, #p-10\n"
        "    e.g. …to gain strategic footholds in the Western Hemisphere.\n"
    ]


def test_suggest_json_lists_a_removed_speaker(sources_copy):
    (sources_copy / "glossary" / "margaret-chen.yml").unlink()
    result = in_copy(sources_copy, "suggest", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    chen = rows["Margaret Chen"]
    assert "quoted speaker" in chen["reasons"]
    assert chen["articles"][0]["slug"] == "us-venezuela-relations"
    assert "Margaret Chen" in chen["sample"]["text"]
    assert not {"Maduro", "Venezuelans", "Latin American", "Intelligence"} & rows.keys()


def test_suggest_leaves_out_sentence_starts_months_and_common_words(tmp_path):
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "glossary").mkdir()
    (sources / "articles" / "talks.txt").write_text(
        "Talks resume\n\n"
        "However, the talks resumed in January. Officials met on Monday with Ana Torres of the Harbour Authority.\n\n"
        "Meanwhile, in March, officials said Ana Torres would return. However, nothing was signed on Monday.\n\n"
        "Officials expect the Harbour Authority to decide in January.\n",
        encoding="utf-8",
    )
    result = explainers("suggest", cwd=tmp_path)
    names = [line.split("  (")[0] for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert names == ["Ana Torres", "Harbour Authority"]


def test_suggest_with_a_full_glossary_says_so():
    result = explainers("suggest")
    assert result.stdout == "Every frequent name and every quoted speaker is in the glossary.\n"


def test_quotes_json_in_the_scorer_format():
    seed = ROOT / "sources" / "articles" / "us-venezuela-relations.txt"
    result = explainers("quotes", "--json", str(seed))
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)["us-venezuela-relations"]
    assert {q["speaker"] for q in quotes} == {
        "Elena Ramirez",
        "James Morrow",
        "Maria Fernandez",
        "Carlos Ramirez",
        "Rebecca Johnson",
        "Margaret Chen",
    }
    for quote in quotes:
        assert {"quote", "speaker", "role", "cue", "paragraph"} <= quote.keys()
        assert quote["quote"] in seed.read_text(encoding="utf-8")
