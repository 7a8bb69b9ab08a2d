"""The catalogue of editor mistakes: each is caught by `explainers check` and by `mkdocs build --strict`.

Every case adds its own broken files to a copy of the example sources and
names what the editor must read: the file, the line, error or warning, the
message and the hint. The check runs once per case; the site is built once
with every case at the same time (a build takes seconds), strictly and not.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, site_config, warnings_in

QUOTE = "Talks\n\n“We will talk,” said Nicolás Maduro on Monday.\n"
EVENT = "  summary: S\n  actors: [venezuela]\n  source: https://example.org\n"


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, str | bytes]  # path under sources/ -> content
    expected: tuple[str, ...]  # lines as `explainers check` prints them

    def as_mkdocs_logs(self) -> list[str]:
        """The same problems as the plugin logs them: "WARNING -  explainers: path:line: message (hint)"."""
        logs = []
        for line in self.expected:
            where, severity, message = line.split(": ", 2)
            assert severity in ("error", "warning")
            logs.append(f"WARNING -  explainers: {where}: {message}")
        return logs


CASES = [
    # --- errors: YAML ----------------------------------------------------------
    Case(
        "yaml syntax in a glossary entry",
        {"glossary/bad-yaml.yml": "name: Bad Yaml\n  kind: person\nsummary: s\n"},
        (
            "sources/glossary/bad-yaml.yml:2: error: this is not valid YAML: mapping values are not allowed here "
            "(a value containing ': ' must be put in quotes)",
        ),
    ),
    Case(
        "yaml syntax in a timeline file",
        {"timeline/broken.yml": "- date: 2019-01-23\n  title: [An unclosed list\n"},
        (
            "sources/timeline/broken.yml:2: error: this is not valid YAML: expected ',' or ']', but got "
            "'<stream end>' (check the indentation and quoting on this line and the one before)",
        ),
    ),
    Case(
        "yaml syntax in front matter",
        {"articles/front.md": "---\ntitle: Front\ntopics: [oil\n---\nVenezuela once more.\n"},
        (
            "sources/articles/front.md:3: error: this is not valid YAML: expected ',' or ']', but got "
            "'<stream end>' (check the indentation and quoting on this line and the one before)",
        ),
    ),
    Case(
        "a key written twice",
        {"glossary/twice.yml": "name: Twice\nkind: person\nsummary: s\nname: Again\n"},
        (
            "sources/glossary/twice.yml:4: error: this is not valid YAML: duplicate key 'name' "
            "(each field may appear once; remove or rename the second one)",
        ),
    ),
    # --- errors: fields ------------------------------------------------------
    Case(
        "misspelt field in a glossary entry",
        {"glossary/misspelt.yml": "name: Misspelt Field\nkind: person\nsummary: s\nalias: [MF]\n"},
        (
            "sources/glossary/misspelt.yml:4: error: unknown field `alias` in a glossary entry "
            "(did you mean `aliases`?)",
        ),
    ),
    Case(
        "misspelt field in an event",
        {"timeline/typo.yml": "- date: 2021\n  title: Typo\n  sumary: S\n  actors: [venezuela]\n  source: S\n"},
        (
            "sources/timeline/typo.yml:1: error: missing field `summary` (add `summary: ...`)",
            "sources/timeline/typo.yml:3: error: unknown field `sumary` in an event (did you mean `summary`?)",
        ),
    ),
    Case(
        "misspelt field in a sidecar",
        {"articles/sidecar.txt": QUOTE, "articles/sidecar.yml": "publsher: Wire\n"},
        (
            "sources/articles/sidecar.yml:1: error: unknown field `publsher` in an article sidecar "
            "(did you mean `publisher`?)",
        ),
    ),
    Case(
        "misspelt field in a quote correction",
        {"articles/speakr.txt": QUOTE, "articles/speakr.yml": "quotes:\n  - match: We will talk\n    speakr: X\n"},
        (
            "sources/articles/speakr.yml:3: error: unknown field `speakr` in a quote correction "
            "(did you mean `speaker`?)",
        ),
    ),
    Case(
        "missing required field",
        {"glossary/no-summary.yml": "name: No Summary\nkind: person\n"},
        ("sources/glossary/no-summary.yml:1: error: missing field `summary` (add `summary: ...`)",),
    ),
    Case(
        "a mapping where text is expected",
        {"glossary/wrong-type.yml": "name: Wrong Type\nkind: person\nsummary:\n  text: a mapping\n"},
        (
            "sources/glossary/wrong-type.yml:3: error: `summary` must be a line of text, not a mapping "
            "(write the text after `summary: `, in quotes if it holds `: ` or starts with [ or {)",
        ),
    ),
    Case(
        "a list where an event's title is expected",
        {"timeline/list-title.yml": "- date: 2021\n  title: [A, B]\n" + EVENT},
        (
            "sources/timeline/list-title.yml:2: error: `title` must be a line of text, not a list "
            "(write the text after `title: `, in quotes if it holds `: ` or starts with [ or {)",
        ),
    ),
    Case(
        "unknown kind",
        {"glossary/unknown-kind.yml": "name: Unknown Kind\nkind: persn\nsummary: s\n"},
        (
            "sources/glossary/unknown-kind.yml:2: error: unknown kind `persn` (did you mean `person`? "
            "allowed kinds: person, organization, country, place, group, event, concept)",
        ),
    ),
    # --- errors: ids -----------------------------------------------------------
    Case(
        "the same actor id in x.yml and x.yaml",
        {"glossary/florida.yaml": "name: Florida\nkind: place\nsummary: Another Florida.\n"},
        (
            "sources/glossary/florida.yaml:1: error: the actor id `florida` is already defined in "
            "sources/glossary/florida.yml (an actor's id is its file name: delete or merge one of the two files)",
        ),
    ),
    Case(
        "the same event twice",
        {
            "timeline/x-again.yml": "- date: 2019-01-23\n"
            "  title: The United States recognises Juan Guaidó as interim president\n" + EVENT
        },
        (
            "sources/timeline/x-again.yml:1: error: duplicate event: “The United States recognises Juan Guaidó as "
            "interim president” on 2019-01-23 is already at sources/timeline/us-policy.yml:26 (remove one of them)",
        ),
    ),
    Case(
        "unknown actor id in an event",
        {
            "timeline/unknown.yml": "- date: 2020\n  title: Unknown actor\n  summary: S\n"
            "  actors: [maduro]\n  source: S\n"
        },
        ("sources/timeline/unknown.yml:4: error: unknown actor `maduro` (did you mean `nicolas-maduro`?)",),
    ),
    Case(
        "unknown actor id as a quote's speaker",
        {
            "articles/ids.txt": QUOTE,
            "articles/ids.yml": "quotes:\n  - match: We will talk\n    speaker: nicolas-madur\n",
        },
        (
            "sources/articles/ids.yml:3: error: unknown actor `nicolas-madur` as `speaker` (did you mean "
            "`nicolas-maduro`? then write its name: `Nicolás Maduro`)",
        ),
    ),
    Case(
        "unknown alias to ignore",
        {"articles/ignore.txt": QUOTE, "articles/ignore.yml": "ignore_aliases: [Maduro, Caracass]\n"},
        (
            "sources/articles/ignore.yml:1: error: unknown alias `Caracass` in `ignore_aliases` "
            "(did you mean `Caracas`?)",
        ),
    ),
    # --- errors: dates ---------------------------------------------------------
    Case(
        "impossible event date",
        {"timeline/feb.yml": "- date: 2019-02-30\n  title: Impossible\n" + EVENT},
        (
            "sources/timeline/feb.yml:1: error: bad `date`: `2019-02-30` is not a date: February 2019 has no day 30 "
            "(February 2019 has 28 days)",
        ),
    ),
    Case(
        "impossible as_of",
        {"glossary/as-of.yml": "name: Bad As Of\nkind: person\nsummary: s\nas_of: 2023-02-29\n"},
        (
            "sources/glossary/as-of.yml:4: error: `as_of` must be a date: `2023-02-29` is not a date: "
            "February 2023 has no day 29 (February 2023 has 28 days)",
        ),
    ),
    Case(
        "impossible article date",
        {"articles/dated.md": "---\ntitle: Dated\ndate: 2024-13-01\n---\nVenezuela once more.\n"},
        (
            "sources/articles/dated.md:3: error: bad `date`: `2024-13-01` is not a date: month 13 is not between 1 "
            "and 12 (months run from 01 to 12)",
        ),
    ),
    # --- errors: article files -------------------------------------------------
    Case(
        "non-UTF-8 article",
        {"articles/latin1.txt": "Title\n\nCafé society in Caracas.\n".encode("latin-1")},
        (
            "sources/articles/latin1.txt:3: error: the file is not UTF-8 (byte 0xe9 cannot be decoded) "
            "(save it as UTF-8 in your editor)",
        ),
    ),
    Case(
        "binary article",
        {"articles/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        (
            "sources/articles/photo.txt:1: error: this is a binary file, not text "
            "(save it as UTF-8 plain text, or as .html)",
        ),
    ),
    Case(
        "empty article",
        {"articles/empty.txt": "\n \n"},
        ("sources/articles/empty.txt:1: error: the article is empty (paste the article's title and text into it)",),
    ),
    Case(
        "article with a title and nothing else",
        {"articles/title-only.txt": "Just a title\n"},
        (
            "sources/articles/title-only.txt:1: error: the article has no paragraphs "
            "(add the article text below the title)",
        ),
    ),
    Case(
        "duplicate article slug",
        {"articles/twin.txt": "Twin\n\nVenezuela again.\n", "articles/twin.md": "---\ntitle: Twin\n---\nVenezuela.\n"},
        (
            "sources/articles/twin.txt:1: error: another article already has the slug `twin` "
            "(sources/articles/twin.md) (rename one of the files or set `slug:` in its sidecar)",
        ),
    ),
    # --- warnings --------------------------------------------------------------
    Case(
        "an alias two actors share",
        {
            "glossary/citgo.yml": "name: Citgo\nkind: organization\naliases: [PDVSA]\nsummary: A refiner.\n",
            "articles/citgo.txt": "Refining\n\nCitgo refines oil.\n",
        },
        (
            "sources/glossary/pdvsa.yml:3: warning: the alias `PDVSA` names 2 actors (citgo, pdvsa); it is linked "
            "only where a full name written just before tells which one is meant (remove it from all but one of "
            "them, unless the articles always name them in full first)",
        ),
    ),
    Case(
        "a shared surname that no full name resolves",
        {"articles/ramirez.txt": "Ramirez speaks\n\nRamirez said the talks would go on.\n"},
        (
            "sources/articles/ramirez.txt:3: warning: `Ramirez` could name carlos-ramirez, elena-ramirez and no full "
            "name comes before it; it is left unlinked (write the full name earlier, or add "
            "`ignore_aliases: [Ramirez]` to the sidecar)",
        ),
    ),
    Case(
        "a glossary entry no article mentions",
        {"glossary/nobody.yml": "name: Nobody Named\nkind: person\nsummary: S.\n"},
        (
            "sources/glossary/nobody.yml:1: warning: no article mentions Nobody Named (`nobody`), and no event "
            "names it (check that `name` or `aliases` is spelt exactly as the articles spell it, capitals too, "
            "or delete the entry if it is not needed)",
        ),
    ),
    Case(
        "a summary too long for a tooltip",
        {
            "glossary/orinoco-belt.yml": "name: Orinoco Belt\nkind: place\nsummary: " + "Oil, " * 50 + "oil.\n",
            "articles/orinoco.txt": "Oil\n\nThe Orinoco Belt holds heavy crude.\n",
        },
        (
            "sources/glossary/orinoco-belt.yml:3: warning: the summary is 254 characters long; a tooltip reads best "
            "under 200 (shorten it and move details to `description`)",
        ),
    ),
    Case(
        "a speaker's name misspelt in a quote correction",
        {
            "articles/typo.txt": QUOTE,
            "articles/typo.yml": "quotes:\n  - match: We will talk\n    speaker: Nicolás Madura\n",
        },
        (
            "sources/articles/typo.yml:3: warning: the speaker `Nicolás Madura` is not in the glossary (did you mean "
            "`Nicolás Maduro`? (write the name exactly as the glossary has it))",
        ),
    ),
    Case(
        "a file among the articles that is no article",
        {"articles/notes.docx": b"PK\x03\x04"},
        (
            "sources/articles/notes.docx:1: warning: `notes.docx` is not an article and is left out "
            "(save articles as .txt, .md or .html)",
        ),
    ),
]


def write_case(sources: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = sources / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def check(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainers.cli", "--sources", "sources", "check", *args],
        capture_output=True,
        text=True,
        cwd=site,
        timeout=120,
    )


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line or ": warning: " in line]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check(case, sources_copy):
    write_case(sources_copy, case)
    result = check(sources_copy.parent)
    assert "Traceback" not in result.stderr
    lines = problem_lines(result.stderr)
    for expected in case.expected:
        assert expected in lines, lines
    assert len(lines) == len(case.expected), lines  # nothing else is reported
    has_error = any(": error: " in line for line in case.expected)
    assert result.returncode == (1 if has_error else 0)
    assert check(sources_copy.parent, "--strict").returncode == 1


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """The example site with every case at once, built strictly and then leniently."""
    site = tmp_path_factory.mktemp("broken")
    shutil.copytree(ROOT / "sources", site / "sources")
    for case in CASES:
        write_case(site / "sources", case)
    config = site_config(site, sources=site / "sources")
    return site, mkdocs_build(config), mkdocs_build(config, strict=False)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_mkdocs_build_strict(case, broken_site):
    _, strict, _ = broken_site
    assert strict.returncode != 0
    assert "Traceback" not in strict.stderr
    logged = warnings_in(strict.stderr)
    for expected in case.as_mkdocs_logs():
        assert expected in logged, logged


def test_mkdocs_build_logs_nothing_but_the_catalogue(broken_site):
    _, strict, _ = broken_site
    expected = sum(len(case.expected) for case in CASES)
    assert len(warnings_in(strict.stderr)) == expected
    assert f"Aborted with {expected} warnings in strict mode!" in strict.stdout + strict.stderr


def test_a_plain_build_leaves_out_only_the_broken_items(broken_site):
    site, _, lenient = broken_site
    assert lenient.returncode == 0, lenient.stderr
    assert "Traceback" not in lenient.stderr
    built = site / "site"
    for page in ("explainers/us-venezuela-relations", "explainers/citgo", "actors/nicolas-maduro", "actors/florida"):
        assert (built / page / "index.html").is_file(), page
    for left_out in ("actors/bad-yaml", "actors/unknown-kind", "actors/no-summary", "explainers/photo"):
        assert not (built / left_out).exists(), left_out
    # The first of florida.yml and florida.yaml is the one published.
    assert "Another Florida." not in (built / "actors/florida/index.html").read_text(encoding="utf-8")
    # An event with a mistake is left out; the others stay.
    timeline = (built / "timeline/index.html").read_text(encoding="utf-8")
    assert "Impossible" not in timeline and "The United States recognises Juan Guaidó" in timeline


def test_an_unreadable_article(sources_copy, monkeypatch, capsys, mkdocs_warnings):
    # Tests may run as root, whom file permissions do not stop: the refusal is simulated.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from explainers import cli

    (sources_copy / "articles" / "locked.txt").write_text("Locked\n\nVenezuela.\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.chdir(sources_copy.parent)
    expected = "sources/articles/locked.txt:1: error: cannot read the file: Permission denied"
    assert cli.main(["--sources", "sources", "check"]) == 1
    assert problem_lines(capsys.readouterr().err) == [f"{expected} (check that it is a readable file)"]

    config = load_config(str(site_config(sources_copy.parent, sources=sources_copy)), strict=True)
    with pytest.raises(Abort):
        build(config)
    assert mkdocs_warnings.take() == [
        "explainers: sources/articles/locked.txt:1: cannot read the file: Permission denied "
        "(check that it is a readable file)"
    ]


def _gist(line: str) -> str:
    """The fixed words of a message: "unknown field", "must be a line of text", "the article is empty"."""
    message = re.sub(r"^`[^`]*`\s*", "", line.split(": ", 2)[2])  # "`summary` must be …": the field varies
    return re.split(r"[`“(:,\d]", message)[0].strip()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_editors_guide_explains_it(case):
    guide = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8").replace("`", "")
    for line in case.expected:
        assert len(_gist(line)) >= 3 and _gist(line) in guide, _gist(line)
    assert "Editors’ guide: editors.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
