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


def test_check_passes_on_the_example_site():
    result = explainers("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_reports_file_and_line_and_fails(sources_copy):
    (sources_copy / "timeline" / "extra.yml").write_text(
        "- date: 2019-02-30\n  title: T\n  summary: S\n  actors: [nicolas-maduro]\n  source: https://example.org\n"
        "- date: 2020\n  title: U\n  summary: S\n  actors: [nicolas-madur]\n  source: https://example.org\n"
    )
    result = explainers("--sources", str(sources_copy), "check")
    assert result.returncode == 1
    assert f"{sources_copy}/timeline/extra.yml:1:" in result.stderr
    assert (
        f"{sources_copy}/timeline/extra.yml:9:" in result.stderr and "did you mean `nicolas-maduro`?" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_new_actor_scaffolds_a_valid_entry(sources_copy):
    result = explainers("--sources", str(sources_copy), "new", "actor", "Delcy Rodríguez", "--kind", "person")
    assert result.returncode == 0, result.stderr
    path = sources_copy / "glossary" / "delcy-rodriguez.yml"
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (entry["name"], entry["kind"]) == ("Delcy Rodríguez", "person")
    again = explainers("--sources", str(sources_copy), "new", "actor", "Delcy Rodríguez", "--kind", "person")
    assert again.returncode == 1 and "already exists" in again.stderr
    check = explainers("--sources", str(sources_copy), "check")
    assert check.returncode == 0, check.stderr


def test_suggest_lists_names_missing_from_the_glossary(sources_copy):
    (sources_copy / "glossary" / "margaret-chen.yml").unlink()
    result = explainers("--sources", str(sources_copy), "suggest")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Margaret Chen") and "quoted speaker" in line for line in lines), lines
    assert not any(line.startswith("Maduro") for line in lines)
    assert not any(line.startswith(("Venezuelans", "Latin American", "Intelligence")) for line in lines)


def test_suggest_lists_a_longer_name_around_a_known_alias(sources_copy):
    (sources_copy / "glossary" / "us-southern-command.yml").unlink()
    result = explainers("--sources", str(sources_copy), "suggest", "--min", "1")
    assert "U.S. Southern Command  (1×, frequent name)  us-venezuela-relations#p-4" in result.stdout.splitlines()


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
