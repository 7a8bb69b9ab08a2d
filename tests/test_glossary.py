"""Glossary entries: valid ones load, each problem names the file and the line."""

from __future__ import annotations

import pytest

from explainers.glossary import load_glossary


def load(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    problems: list = []
    actors = load_glossary(tmp_path, problems)
    return actors, [str(p).replace(str(tmp_path) + "/", "") for p in problems], problems


def test_a_full_entry_loads(tmp_path):
    actors, messages, _ = load(
        tmp_path,
        {
            "nicolas-maduro.yml": (
                "name: Nicolás Maduro\nkind: person\naliases: [Maduro, Nicolás Maduro]\n"
                "summary: President of Venezuela since 2013.\ndescription: |\n  Some *Markdown*.\n"
                "links: {wikipedia: 'https://en.wikipedia.org/wiki/Nicol%C3%A1s_Maduro', wikidata: Q57413}\n"
                "as_of: 2024-05-01\n"
            )
        },
    )
    assert messages == []
    (actor,) = actors
    assert (actor.id, actor.name, actor.kind, actor.aliases, actor.as_of) == (
        "nicolas-maduro",
        "Nicolás Maduro",
        "person",
        ("Maduro",),
        "2024-05-01",
    )
    assert actor.description == "Some *Markdown*."
    assert dict(actor.links)["wikidata"] == "Q57413"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "a.yml",
            "name: A\nkind: persn\nsummary: s\n",
            "a.yml:2: unknown kind `persn` (did you mean `person`? allowed kinds: person, organization,",
        ),
        ("b.yml", "name: B\nkind: person\n", "b.yml:1: missing field `summary` (add `summary: ...`)"),
        (
            "c.yml",
            "name: C\nkind: person\nsummary: s\nalias: [C]\n",
            "c.yml:4: unknown field `alias` in a glossary entry (did you mean `aliases`?)",
        ),
        ("d.yml", "name: D\nkind: person\nsummary: [s]\n", "d.yml:3: `summary` must be a line of text, not a list"),
        ("e.yml", "name: E\n  kind: person\n", "e.yml:2: this is not valid YAML"),
        ("f.yml", "name: F\nkind: person\nsummary: s\nname: G\n", "f.yml:4: this is not valid YAML: duplicate key"),
        (
            "g.yml",
            "name: G\nkind: person\nsummary: s\nas_of: May 2024\n",
            "g.yml:4: `as_of` must be a date: `May 2024` is not a date",
        ),
        (
            "g2.yml",
            "name: G\nkind: person\nsummary: s\nas_of: 2024-02-30\n",
            "g2.yml:4: `as_of` must be a date: `2024-02-30` is not a date: February 2024 has no day 30",
        ),
        (
            "h.yml",
            "name: H\nkind: person\nsummary: s\nlinks: {site: 'javascript:alert(1)'}\n",
            "h.yml:4: link `site` must start with https:// or http://",
        ),
        (
            "i.yml",
            "name: I\nkind: person\nsummary: s\naliases: [I, {x: 1}]\n",
            "i.yml:4: each item of `aliases` must be text, not a mapping",
        ),
        (
            "Bad Name.yml",
            "name: J\nkind: person\nsummary: s\n",
            "Bad Name.yml:1: `Bad Name` is not a usable actor id: the file name is the id "
            "(rename the file to `bad-name.yml`)",
        ),
        ("k.yml", "", "k.yml:1: the file is empty"),
        ("l.yml", "- a list\n", "l.yml:1: a glossary entry must be a mapping of fields"),
    ],
)
def test_problems(tmp_path, name, text, expected):
    actors, messages, _ = load(tmp_path, {name: text})
    assert actors == []
    assert any(m.startswith(expected) for m in messages), messages


def test_a_broken_entry_does_not_hide_the_others(tmp_path):
    actors, messages, _ = load(
        tmp_path, {"ok.yml": "name: OK\nkind: place\nsummary: s\n", "bad.yml": "name: Bad\nkind: nope\nsummary: s\n"}
    )
    assert [a.id for a in actors] == ["ok"]
    assert len(messages) == 1


def test_shared_aliases_are_noted_not_warned(tmp_path):
    _, messages, problems = load(
        tmp_path,
        {
            "elena-ramirez.yml": "name: Elena Ramirez\nkind: person\naliases: [Ramirez]\nsummary: s\n",
            "carlos-ramirez.yml": "name: Carlos Ramirez\nkind: person\naliases: [Ramirez]\nsummary: s\n",
        },
    )
    assert [p.severity for p in problems] == ["info"]
    assert "the alias `Ramirez` names 2 actors (carlos-ramirez, elena-ramirez)" in messages[0]


def test_long_summary_is_a_warning(tmp_path):
    actors, _, problems = load(tmp_path, {"x.yml": "name: X\nkind: person\nsummary: " + "word " * 60 + "\n"})
    assert [a.id for a in actors] == ["x"]
    assert [(p.severity, p.line) for p in problems] == [("warning", 3)]


def test_the_same_id_in_yml_and_yaml_keeps_the_first_and_names_the_second(tmp_path):
    actors, messages, _ = load(
        tmp_path,
        {"florida.yml": "name: Florida\nkind: place\nsummary: s\n", "florida.yaml": "name: Florida\nkind: place\n"},
    )
    assert [a.path for a in actors] == [str(tmp_path / "florida.yml")]
    assert messages == [
        "florida.yaml:1: missing field `summary` (add `summary: ...`)",
    ]
    actors, messages, _ = load(tmp_path, {"florida.yaml": "name: Florida\nkind: place\nsummary: t\n"})
    assert [a.summary for a in actors] == ["s"]
    assert messages == [
        "florida.yaml:1: the actor id `florida` is already defined in florida.yml "
        "(an actor's id is its file name: delete or merge one of the two files)"
    ]


def test_a_shared_alias_that_is_no_shared_surname_is_a_warning_at_its_line(tmp_path):
    _, messages, problems = load(
        tmp_path,
        {
            "pdvsa.yml": "name: PDVSA\nkind: organization\nsummary: s\n",
            "citgo.yml": "name: Citgo\nkind: organization\naliases:\n  - Citgo Petroleum\n  - PDVSA\nsummary: s\n",
        },
    )
    assert [p.severity for p in problems] == ["warning"]
    assert messages == [
        "citgo.yml:5: the alias `PDVSA` names 2 actors (citgo, pdvsa); it is linked only where a full name "
        "written just before tells which one is meant (remove it from all but one of them, unless the articles "
        "always name them in full first)"
    ]


def test_the_scaffolds_placeholder_summary_is_a_warning(tmp_path):
    actors, messages, problems = load(tmp_path, {"x.yml": 'name: X\nkind: person\nsummary: "TODO: one factual line"\n'})
    assert [a.id for a in actors] == ["x"]
    assert [p.severity for p in problems] == ["warning"]
    assert messages == [
        "x.yml:3: the summary is still the placeholder that `explainers new` wrote "
        "(write one factual line: it is the tooltip readers see)"
    ]


def test_an_entry_saved_with_a_capitalised_suffix_is_read(tmp_path):
    actors, messages, _ = load(tmp_path, {"caracas.YML": "name: Caracas\nkind: place\nsummary: The capital.\n"})
    assert [a.id for a in actors] == ["caracas"] and messages == []
