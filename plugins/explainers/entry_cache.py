"""Glossary entries as last read, kept on disk between builds.

A newsroom's glossary grows to thousands of small YAML files, and parsing
them is most of what a larger glossary costs a build (``python -m bench``).
With the cache an entry is parsed again only when its file changed (size,
modification time or inode) or this package's code did. What the entry gave
is kept whole: the actor, the line of each name, and the problems found in
it, so a broken entry is reported on every build, cached or not.

The cache is JSON, not pickle: reading it can never run code. A cache that
cannot be read or written is ignored; the build goes on without it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .model import Actor, Problem

Entry = tuple["Actor | None", dict[str, int]]  # an actor (None if unusable) and the line of each of its names
ReadEntry = Callable[[Path, list[Problem]], Entry]


class EntryCache:
    """Parsed glossary entries, each valid while its file is unchanged.

    Each glossary folder has its own file in ``folder``: two sites that share
    a cache folder (two mkdocs.yml side by side) do not undo each other's.
    """

    def __init__(self, folder: Path, glossary: Path) -> None:
        where = hashlib.sha256(str(glossary.resolve()).encode("utf-8")).hexdigest()[:16]
        self.file = folder / f"glossary-{where}.json"
        self._before: dict[str, Any] = _load(self.file)
        self._now: dict[str, Any] = {}
        self.parsed = 0  # entries parsed in this build, the others came from the cache

    def read(self, path: Path, read_entry: ReadEntry, problems: list[Problem]) -> Entry:
        """The entry at ``path``: from the cache if its file is unchanged, else ``read_entry(path)``."""
        try:
            stat = path.stat()
        except OSError:
            return read_entry(path, problems)
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        cached = self._before.get(str(path))
        if cached is not None and cached.get("stamp") == stamp:
            try:
                entry, found = _decoded(cached)
            except (KeyError, TypeError, ValueError):
                pass  # not what this code writes: parse the file again
            else:
                self._now[str(path)] = cached
                problems.extend(found)
                return entry
        found = []
        entry = read_entry(path, found)
        self.parsed += 1
        self._now[str(path)] = {"stamp": stamp, **_encoded(entry, found)}
        problems.extend(found)
        return entry

    def save(self) -> None:
        """Write what this build read, if it differs; entries whose files are gone are dropped."""
        if self._now == self._before:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a build stopped halfway, or two at once, never leave half a file.
            with tempfile.NamedTemporaryFile("w", dir=self.file.parent, suffix=".tmp", delete=False) as out:
                json.dump({"code": code_version(), "entries": self._now}, out, separators=(",", ":"))
            os.replace(out.name, self.file)
        except OSError:
            pass  # a read-only checkout builds without a cache


def _load(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("code") != code_version() or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _encoded(entry: Entry, problems: list[Problem]) -> dict[str, Any]:
    actor, lines = entry
    fields = _fields(actor) if actor is not None else None
    return {"actor": fields, "lines": lines, "problems": [_fields(problem) for problem in problems]}


def _fields(record: Actor | Problem) -> dict[str, Any]:
    # Shallow, unlike dataclasses.asdict, which copies every tuple deeply; JSON writes tuples as lists.
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _decoded(cached: dict[str, Any]) -> tuple[Entry, list[Problem]]:
    fields = cached["actor"]
    actor = None
    if fields is not None:
        links = tuple(tuple(link) for link in fields["links"])
        actor = Actor(**{**fields, "aliases": tuple(fields["aliases"]), "links": links})
    return (actor, dict(cached["lines"])), [Problem(**p) for p in cached["problems"]]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A fingerprint of this package's code: a cache written by other code is not trusted."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
