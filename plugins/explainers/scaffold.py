"""New glossary entries and events, written as commented YAML for an editor to finish.

Nothing here overwrites a file. A new actor gets its own file; a new event
goes into a new timeline file, or is appended to the end of an existing one
without changing a byte of what is already there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .articles import slugify
from .dates import DateError, EventDate
from .glossary import load_glossary
from .model import ACTOR_KINDS, Actor, Problem
from .sources import PLACEHOLDER, LineList, did_you_mean, parse_yaml, read_text
from .timeline import TIMELINE_SUFFIXES, Event, load_events


class ScaffoldError(Exception):
    """Why nothing was written, and what to do instead."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Written:
    path: Path
    appended: bool = False


def _yaml_text(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: colons, quotes and "#" stay text.
    return json.dumps(value, ensure_ascii=False)


_ACTOR_TEMPLATE = """\
name: {name}
kind: {kind}            # {kinds}
aliases: {aliases}        # other spellings the articles use, e.g. [{example}]; capitals count
summary: {summary}
# description: |        # optional Markdown for the actor page
#   A paragraph or two.
# links: {{wikipedia: https://...}}
# as_of: {today}        # when the summary was last checked (YYYY-MM-DD)
"""


def new_actor(
    glossary: Path, name: str, kind: str, *, aliases: tuple[str, ...] = (), summary: str = "", today: str
) -> Written:
    """Write ``glossary/<id>.yml`` for a new actor; raise ScaffoldError instead of overwriting anything."""
    name = " ".join(name.split())
    actor_id = slugify(name)
    if not actor_id:
        raise ScaffoldError(f"cannot make an id from {name!r}", "the name needs letters or digits")
    if kind not in ACTOR_KINDS:
        allowed = "allowed kinds: " + ", ".join(ACTOR_KINDS)
        raise ScaffoldError(
            f"unknown kind `{kind}`", " ".join(filter(None, [did_you_mean(kind, ACTOR_KINDS), allowed]))
        )
    for suffix in (".yml", ".yaml"):
        if (glossary / f"{actor_id}{suffix}").exists():
            raise ScaffoldError(f"{glossary / (actor_id + suffix)} already exists", "edit that file instead")
    problems: list[Problem] = []
    for actor in load_glossary(glossary, problems):
        taken = next((n for n in (name, *aliases) if n in actor.names), None)
        if taken:
            raise ScaffoldError(
                f"`{taken}` is already a name of `{actor.id}` ({actor.path})",
                "edit that entry, or give the new actor a fuller name",
            )
    text = _ACTOR_TEMPLATE.format(
        name=_yaml_text(name),
        kind=kind,
        kinds=" | ".join(ACTOR_KINDS),
        aliases="[" + ", ".join(_yaml_text(a) for a in aliases) + "]",
        example=name.split()[-1],
        summary=_yaml_text(summary or f"{PLACEHOLDER}: one factual line; it is the tooltip readers see."),
        today=today,
    )
    path = glossary / f"{actor_id}.yml"
    glossary.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite, even in a race
        out.write(text)
    return Written(path)


_EVENT_TEMPLATE = """\
- date: {date}          # YYYY, YYYY-MM or YYYY-MM-DD
  title: {title}
  summary: {summary}
  actors: [{actors}]    # glossary ids
  source: {source}
  # end: YYYY-MM-DD     # for a span
  # circa: true         # for an approximate date
  # articles: [slug]    # explainers this event is background to, whoever it involves
"""


def new_event(
    timeline: Path,
    actors: list[Actor],
    *,
    date: str,
    title: str,
    actor_ids: list[str],
    summary: str = "",
    source: str = "",
    to: str = "",
) -> Written:
    """Append an event to ``timeline/<to>.yml`` (creating it if needed), or write a new file for it."""
    try:
        when = EventDate.parse(date)
    except DateError as err:
        raise ScaffoldError(f"bad date: {err}", err.hint) from None
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("the event needs a title", 'e.g. --title "The United States recognises Juan Guaidó"')
    anchor = Event(date=when, title=title, summary="", actors=(), source="").id
    existing, _ = load_events(timeline, {a.id for a in actors})
    twin = next((e for e in existing if e.id == anchor), None)
    if twin is not None:
        raise ScaffoldError(
            f"{twin.path}:{twin.line} already has an event on {twin.date.iso} titled “{twin.title}”",
            "edit that event, or make the new title differ in its first words",
        )
    known = {a.id for a in actors}
    for actor_id in actor_ids:
        if actor_id not in known:
            hint = did_you_mean(actor_id, known) or "add the actor first: explainers new actor NAME --kind KIND"
            raise ScaffoldError(f"unknown actor `{actor_id}`", hint)
    if not actor_ids:
        raise ScaffoldError("the event needs at least one actor", "add --actor glossary-id")
    block = _EVENT_TEMPLATE.format(
        date=date,
        title=_yaml_text(title),
        summary=_yaml_text(summary or f"{PLACEHOLDER}: one or two sentences on what happened."),
        actors=", ".join(dict.fromkeys(actor_ids)),
        source=_yaml_text(source or f"{PLACEHOLDER}: a web address, or a named reference such as a newspaper and date"),
    )
    if to:
        path = timeline / (to if to.endswith(TIMELINE_SUFFIXES) else f"{to}.yml")
        if path.parent != timeline:
            raise ScaffoldError(f"`{to}` is not a file name", "name a file in the timeline folder, e.g. --to venezuela")
    else:
        path = timeline / f"{date}-{slugify(title)[:48].rstrip('-')}.yml"
        if path.exists():
            raise ScaffoldError(f"{path} already exists", "add --to with that file's name to append to it")
    timeline.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        with path.open("x", encoding="utf-8") as out:
            out.write(block)
        return Written(path)
    _append(path, block)
    return Written(path, appended=True)


def _append(path: Path, block: str) -> None:
    problems: list[Problem] = []
    text = read_text(path, problems)
    old = parse_yaml(text, str(path), problems) if text is not None else None
    if problems:
        raise ScaffoldError(f"{problems[0]}", "fix that file first (explainers check), or leave out --to")
    if old is not None and not isinstance(old, LineList):
        raise ScaffoldError(f"{path} is not a list of events", "leave out --to to write the event in a file of its own")
    assert text is not None
    separator = ("" if text.endswith("\n") or not text else "\n") + ("\n" if text.strip() else "")
    combined = parse_yaml(text + separator + block, str(path), problems)
    # Appending must add exactly one event and leave every existing one as it was.
    old_items = list(old or [])
    if (
        problems
        or not isinstance(combined, LineList)
        or len(combined) != len(old_items) + 1
        or list(combined[: len(old_items)]) != old_items
    ):
        raise ScaffoldError(
            f"cannot append to {path} without changing what is in it (its list is written in another style)",
            "leave out --to to write the event in a file of its own",
        )
    with path.open("a", encoding="utf-8") as out:
        out.write(separator + block)
