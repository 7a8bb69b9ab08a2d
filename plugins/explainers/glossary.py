"""The glossary: one YAML file per actor in ``sources/glossary/``, validated."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .articles import slugify
from .dates import DateError, EventDate
from .entry_cache import EntryCache
from .model import ACTOR_KINDS, Actor, Problem
from .sources import (
    PLACEHOLDER,
    LineDict,
    LineList,
    check_fields,
    did_you_mean,
    load_yaml,
    source_files,
    text_field,
    text_list_field,
)

ACTOR_FIELDS = ("name", "kind", "aliases", "summary", "description", "links", "as_of")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SUMMARY_MAX = 200
GLOSSARY_SUFFIXES = (".yml", ".yaml")


def load_actor(path: Path, problems: list[Problem]) -> Actor | None:
    """Read one glossary entry; None (with problems recorded) if it is unusable."""
    return _read_actor(path, problems)[0]


def _read_actor(path: Path, problems: list[Problem]) -> tuple[Actor | None, dict[str, int]]:
    """The entry, and the line of each of its names (for problems about a shared alias)."""
    where = str(path)
    lines: dict[str, int] = {}
    if not _ID.match(path.stem):
        problems.append(
            Problem(
                where,
                1,
                f"`{path.stem}` is not a usable actor id: the file name is the id",
                f"rename the file to `{slugify(path.stem) or 'some-name'}.yml`",
            )
        )
        return None, lines
    data = load_yaml(path, problems)
    if data is None:
        if not any(p.path == where for p in problems):
            problems.append(Problem(where, 1, "the file is empty", "add at least `name`, `kind` and `summary`"))
        return None, lines
    if not isinstance(data, LineDict):
        problems.append(Problem(where, 1, "a glossary entry must be a mapping of fields", "start with `name: ...`"))
        return None, lines
    before = len(problems)
    check_fields(data, where, ACTOR_FIELDS, problems, "a glossary entry")
    name = text_field(data, "name", where, problems, required=True)
    summary = text_field(data, "summary", where, problems, required=True)
    kind = text_field(data, "kind", where, problems, required=True)
    if kind and kind not in ACTOR_KINDS:
        problems.append(
            Problem(
                where,
                data.line_of("kind"),
                f"unknown kind `{kind}`",
                " ".join(filter(None, [did_you_mean(kind, ACTOR_KINDS), "allowed kinds: " + ", ".join(ACTOR_KINDS)])),
            )
        )
    if summary.startswith(PLACEHOLDER):
        problems.append(
            Problem(
                where,
                data.line_of("summary"),
                "the summary is still the placeholder that `explainers new` wrote",
                "write one factual line: it is the tooltip readers see",
                severity="warning",
            )
        )
    if "\n" in summary:
        problems.append(
            Problem(where, data.line_of("summary"), "the summary must be one line", "move details to `description`")
        )
    elif len(summary) > _SUMMARY_MAX:
        problems.append(
            Problem(
                where,
                data.line_of("summary"),
                f"the summary is {len(summary)} characters long; a tooltip reads best under {_SUMMARY_MAX}",
                "shorten it and move details to `description`",
                severity="warning",
            )
        )
    as_of = text_field(data, "as_of", where, problems)
    if as_of:
        try:
            EventDate.parse(as_of)  # the timeline's reading of dates: one rule for editors everywhere
        except DateError as err:
            hint = err.hint or "write it like 2024-05-01"
            problems.append(Problem(where, data.line_of("as_of"), f"`as_of` must be a date: {err}", hint))
    description = data.get("description") or ""
    if not isinstance(description, str):
        problems.append(Problem(where, data.line_of("description"), "`description` must be Markdown text"))
        description = ""
    links = _links(data, where, problems)
    aliases = text_list_field(data, "aliases", where, problems)
    lines[name] = data.line_of("name")
    raw_aliases = data.get("aliases")
    if isinstance(raw_aliases, LineList):
        for i, alias in enumerate(raw_aliases):
            lines.setdefault(str(alias).strip(), raw_aliases.line_of(i))
    if any(p.severity == "error" for p in problems[before:]):
        return None, lines
    actor = Actor(
        id=path.stem,
        name=name,
        kind=kind,
        summary=summary,
        aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
        description=description.strip(),
        links=links,
        as_of=as_of,
        path=where,
        line=data.line,
    )
    return actor, lines


def _links(data: LineDict, where: str, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    value = data.get("links")
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(
            Problem(where, data.line_of("links"), "`links` must be a mapping", "for example `wikipedia: https://...`")
        )
        return ()
    links = []
    for label, target in value.items():
        line = value.line_of(label) if isinstance(value, LineDict) else data.line_of("links")
        if not isinstance(target, (str, int)) or not str(target).strip():
            problems.append(Problem(where, line, f"link `{label}` must be a URL or an identifier"))
            continue
        target = str(target).strip()
        if label != "wikidata" and not target.startswith(("https://", "http://")):
            problems.append(
                Problem(where, line, f"link `{label}` must start with https:// or http://, not `{target[:40]}`")
            )
            continue
        links.append((str(label), target))
    return tuple(links)


def load_glossary(folder: Path, problems: list[Problem], cache: EntryCache | None = None) -> list[Actor]:
    """Every valid actor in the folder, sorted by id; shared aliases and duplicate ids are reported.

    With a ``cache``, entries whose files have not changed since it was written are not parsed again.
    """
    actors: dict[str, Actor] = {}
    alias_lines: dict[str, dict[str, int]] = {}
    for path in sorted(source_files(folder, GLOSSARY_SUFFIXES, "a glossary entry", problems), key=_yml_first):
        actor, lines = cache.read(path, _read_actor, problems) if cache else _read_actor(path, problems)
        if actor is None:
            continue
        earlier = actors.get(actor.id)
        if earlier is not None:
            # "x.yml" and "x.yaml" both define `x`: keep the first, so the site still builds.
            problems.append(
                Problem(
                    actor.path,
                    1,
                    f"the actor id `{actor.id}` is already defined in {earlier.path}",
                    "an actor's id is its file name: delete or merge one of the two files",
                )
            )
            continue
        actors[actor.id] = actor
        alias_lines[actor.id] = lines
    if cache is not None:
        cache.save()
    problems.extend(shared_alias_warnings(list(actors.values()), alias_lines))
    return sorted(actors.values(), key=lambda a: a.id)


def _yml_first(path: Path) -> tuple[str, int]:
    return (path.stem, path.suffix.lower() != ".yml")


def shared_alias_warnings(actors: list[Actor], alias_lines: dict[str, dict[str, int]] | None = None) -> list[Problem]:
    """One problem per alias that names more than one actor.

    A surname that namesakes share ("Ramirez" for Elena and Carlos Ramirez)
    is ordinary: each occurrence is resolved by the nearest full name before
    it, and one that cannot be is reported where it is found. So that is only
    a note. Any other shared alias ("PDVSA" for two companies) is most likely
    a slip, and a warning.
    """
    owners: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        for name in actor.names:
            owners[name].append(actor)
    problems = []
    for alias, sharing in sorted(owners.items()):
        if len(sharing) < 2:
            continue
        # Point at an entry that has it as an alias: that is where an editor added it.
        last = next((a for a in reversed(sharing) if a.name != alias), sharing[-1])
        line = (alias_lines or {}).get(last.id, {}).get(alias, last.line)
        names = ", ".join(a.id for a in sharing)
        if all(alias != a.name and alias in a.name.split() for a in sharing):
            problems.append(
                Problem(
                    last.path,
                    line,
                    f"the alias `{alias}` names {len(sharing)} actors ({names})",
                    "it is linked only where the nearest earlier full name tells which one is meant",
                    severity="info",
                )
            )
        else:
            problems.append(
                Problem(
                    last.path,
                    line,
                    f"the alias `{alias}` names {len(sharing)} actors ({names}); "
                    "it is linked only where a full name written just before tells which one is meant",
                    "remove it from all but one of them, unless the articles always name them in full first",
                    severity="warning",
                )
            )
    return problems
