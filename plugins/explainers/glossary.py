"""The glossary: one YAML file per actor in ``sources/glossary/``, validated."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .articles import slugify
from .dates import DateError, EventDate
from .model import ACTOR_KINDS, Actor, Problem
from .sources import LineDict, check_fields, did_you_mean, load_yaml, text_field, text_list_field

ACTOR_FIELDS = ("name", "kind", "aliases", "summary", "description", "links", "as_of")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SUMMARY_MAX = 200


def load_actor(path: Path, problems: list[Problem]) -> Actor | None:
    """Read one glossary entry; None (with problems recorded) if it is unusable."""
    where = str(path)
    if not _ID.match(path.stem):
        problems.append(
            Problem(
                where,
                None,
                f"`{path.stem}` is not a usable actor id: the file name is the id",
                f"rename the file to `{slugify(path.stem) or 'some-name'}.yml`",
            )
        )
        return None
    data = load_yaml(path, problems)
    if data is None:
        if not any(p.path == where for p in problems):
            problems.append(Problem(where, 1, "the file is empty", "add at least `name`, `kind` and `summary`"))
        return None
    if not isinstance(data, LineDict):
        problems.append(Problem(where, 1, "a glossary entry must be a mapping of fields", "start with `name: ...`"))
        return None
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
                did_you_mean(kind, ACTOR_KINDS) or "use one of: " + ", ".join(ACTOR_KINDS),
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
    if any(p.severity == "error" for p in problems[before:]):
        return None
    return Actor(
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


def load_glossary(folder: Path, problems: list[Problem]) -> list[Actor]:
    """Every valid actor in the folder, sorted by id; shared aliases are reported as warnings."""
    actors = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                actor = load_actor(path, problems)
                if actor:
                    actors.append(actor)
    ids = [a.id for a in actors]
    for actor_id in {i for i in ids if ids.count(i) > 1}:
        paths = ", ".join(a.path for a in actors if a.id == actor_id)
        problems.append(Problem(paths, None, f"two files define the actor id `{actor_id}`", "keep one of them"))
    problems.extend(shared_alias_warnings(actors))
    return actors


def shared_alias_warnings(actors: list[Actor]) -> list[Problem]:
    """One note per alias that names more than one actor.

    Not a warning: sharing is legitimate ("Ramirez"), and each occurrence
    that cannot be resolved is reported on its own where it is found.
    """
    owners: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        for name in actor.names:
            owners[name].append(actor)
    return [
        Problem(
            sharing[-1].path,
            sharing[-1].line,
            f"the alias `{alias}` names {len(sharing)} actors ({', '.join(a.id for a in sharing)})",
            "it is linked only where the nearest earlier full name tells which one is meant",
            severity="info",
        )
        for alias, sharing in sorted(owners.items())
        if len(sharing) > 1
    ]
