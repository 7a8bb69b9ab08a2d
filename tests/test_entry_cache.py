"""The glossary cache: entries parsed once, read again only when their file changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from explainers import glossary
from explainers.entry_cache import EntryCache
from explainers.glossary import load_glossary

ENTRIES = {
    "nicolas-maduro.yml": (
        "name: Nicolás Maduro\nkind: person\naliases: [Maduro]\nsummary: President of Venezuela.\n"
        "links:\n  wikipedia: https://en.wikipedia.org/wiki/Nicol%C3%A1s_Maduro\nas_of: 2024-05-01\n"
    ),
    "caracas.yml": "name: Caracas\nkind: place\nsummary: The capital.\n",
    "broken.yml": "name: Broken\nkind: persn\nsummary: A typo in its kind.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    entries = tmp_path / "glossary"
    entries.mkdir()
    for name, text in ENTRIES.items():
        (entries / name).write_text(text, encoding="utf-8")
    return entries


def load(folder: Path, cache: EntryCache | None) -> tuple[list, list[str]]:
    problems: list = []
    actors = load_glossary(folder, problems, cache)
    return actors, [str(p) for p in problems]


def test_a_cached_glossary_is_the_glossary_and_is_not_parsed_again(folder, tmp_path, monkeypatch):
    first = EntryCache(tmp_path / "cache", folder)
    fresh = load(folder, first)
    assert first.parsed == 3 and first.file.is_file()
    assert any("unknown kind `persn`" in p for p in fresh[1])  # a broken entry's problem, kept with it

    def no_parsing(path, problems):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(glossary, "_read_actor", no_parsing)
    again = EntryCache(tmp_path / "cache", folder)
    assert load(folder, again) == fresh and again.parsed == 0
    assert [a.links for a in fresh[0] if a.id == "nicolas-maduro"] == [
        (("wikipedia", "https://en.wikipedia.org/wiki/Nicol%C3%A1s_Maduro"),)
    ]


def test_an_edited_entry_is_read_again(folder, tmp_path):
    load(folder, EntryCache(tmp_path / "cache", folder))
    path = folder / "caracas.yml"
    before = path.stat()
    path.write_text("name: Caracas\nkind: place\nsummary: The capital of Venezuela, edited.\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # an edit within the clock's tick: the size tells
    cache = EntryCache(tmp_path / "cache", folder)
    actors, _ = load(folder, cache)
    assert cache.parsed == 1
    assert [a.summary for a in actors if a.id == "caracas"] == ["The capital of Venezuela, edited."]


def test_a_removed_entry_leaves_the_cache(folder, tmp_path):
    load(folder, EntryCache(tmp_path / "cache", folder))
    (folder / "broken.yml").unlink()
    actors, problems = load(folder, EntryCache(tmp_path / "cache", folder))
    assert [a.id for a in actors] == ["caracas", "nicolas-maduro"] and problems == []
    entries = json.loads(EntryCache(tmp_path / "cache", folder).file.read_text(encoding="utf-8"))["entries"]
    assert sorted(Path(p).name for p in entries) == ["caracas.yml", "nicolas-maduro.yml"]


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        '{"code": "other code", "entries": {}}',
        "{}",
        None,  # a cache written by this code, then tampered with
    ],
)
def test_a_cache_that_cannot_be_trusted_is_ignored(folder, tmp_path, content):
    expected = load(folder, None)
    cache_file = EntryCache(tmp_path / "cache", folder).file
    load(folder, EntryCache(tmp_path / "cache", folder))
    if content is None:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        for entry in data["entries"].values():
            entry["actor"] = {"id": 3} if entry["actor"] else entry["actor"]
        content = json.dumps(data)
    cache_file.write_text(content, encoding="utf-8")
    assert load(folder, EntryCache(tmp_path / "cache", folder)) == expected


def test_an_unwritable_cache_folder_is_no_error(folder, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    assert load(folder, EntryCache(blocker / "cache", folder)) == load(folder, None)


def test_two_glossaries_sharing_a_cache_folder_keep_their_own_entries(folder, tmp_path):
    other = tmp_path / "other-glossary"
    other.mkdir()
    (other / "caracas.yml").write_text(ENTRIES["caracas.yml"], encoding="utf-8")
    load(folder, EntryCache(tmp_path / "cache", folder))
    load(other, EntryCache(tmp_path / "cache", other))
    again = EntryCache(tmp_path / "cache", folder)
    load(folder, again)
    assert again.parsed == 0
