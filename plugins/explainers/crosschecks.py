"""Checks across files: what no single file's reader can see.

A glossary entry that no article names, an article sidecar that corrects a
quote's speaker to a misspelt glossary name, an alias to ignore that no
actor has: each file is valid alone, and wrong together.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from .model import Problem
from .sources import LineDict, LineList, did_you_mean

if TYPE_CHECKING:
    from .newsroom import Explainer, Newsroom

_ID_SHAPED = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
# Two names this alike are one name misspelt ("Elena Ramires"), not two people.
_NEAR_MISS = 0.85


def cross_checks(newsroom: Newsroom) -> list[Problem]:
    """Every problem that needs the whole newsroom to be seen."""
    problems = unmentioned_actors(newsroom)
    for explainer in newsroom.explainers:
        problems += ignored_alias_problems(explainer, newsroom)
        problems += speaker_problems(explainer, newsroom)
    return problems


def unmentioned_actors(newsroom: Newsroom) -> list[Problem]:
    """A warning for each actor that no article mentions or quotes and no event names.

    An actor only named by events still has a use (the timeline links to its
    page), so it is not reported. Without any article there is nothing to
    compare with, and nothing is reported.
    """
    if not newsroom.explainers:
        return []
    used = {actor_id for explainer in newsroom.explainers for actor_id in explainer.actor_ids}
    used |= {actor_id for event in newsroom.events for actor_id in event.actors}
    return [
        Problem(
            actor.path,
            actor.line,
            f"no article mentions {actor.name} (`{actor.id}`), and no event names it",
            "check that `name` or `aliases` is spelt exactly as the articles spell it, capitals too, "
            "or delete the entry if it is not needed",
            severity="warning",
        )
        for actor in sorted(newsroom.actors.values(), key=lambda a: a.id)
        if actor.id not in used
    ]


def ignored_alias_problems(explainer: Explainer, newsroom: Newsroom) -> list[Problem]:
    """``ignore_aliases`` entries that are no actor's alias: they would silently do nothing."""
    article = explainer.article
    raw = article.corrections.get("ignore_aliases")
    if not isinstance(raw, list):
        return []  # a wrong type is reported where the sidecar is read
    key_line = article.corrections.get("_lines", {}).get("ignore_aliases", 1)
    known = newsroom.matcher.owners
    problems = []
    for i, alias in enumerate(raw):
        if not isinstance(alias, str) or alias in known:
            continue
        line = raw.line_of(i) if isinstance(raw, LineList) else key_line
        hint = did_you_mean(alias, known) or "list only aliases from the glossary, exactly as written there"
        problems.append(Problem(article.sidecar_path, line, f"unknown alias `{alias}` in `ignore_aliases`", hint))
    return problems


def speaker_problems(explainer: Explainer, newsroom: Newsroom) -> list[Problem]:
    """Quote corrections whose ``speaker`` is an actor id, or a glossary name misspelt."""
    article = explainer.article
    entries = article.corrections.get("quotes")
    if not isinstance(entries, LineList):
        return []
    names = {name: ids for name, ids in newsroom.matcher.owners.items() if " " in name}
    problems = []
    for entry in entries:
        if not isinstance(entry, LineDict) or not isinstance(entry.get("speaker"), str):
            continue
        speaker = entry["speaker"].strip()
        if not speaker or newsroom.resolve_speaker(speaker) or speaker in newsroom.matcher.owners:
            continue
        line = entry.line_of("speaker")
        if _ID_SHAPED.match(speaker):
            problems.append(_id_as_speaker(speaker, line, article.sidecar_path, newsroom))
            continue
        close = difflib.get_close_matches(speaker, list(names), n=1, cutoff=_NEAR_MISS)
        if close:
            problems.append(
                Problem(
                    article.sidecar_path,
                    line,
                    f"the speaker `{speaker}` is not in the glossary",
                    f"did you mean `{close[0]}`? (write the name exactly as the glossary has it)",
                    severity="warning",
                )
            )
    return problems


def _id_as_speaker(speaker: str, line: int, path: str, newsroom: Newsroom) -> Problem:
    # Editors who know the glossary write ids; a quote card would then read "nicolas-maduro".
    actor = newsroom.actors.get(speaker)
    if actor is not None:
        return Problem(
            path, line, f"`speaker` takes the speaker's name, not the actor id `{speaker}`", f"write `{actor.name}`"
        )
    close = difflib.get_close_matches(speaker, list(newsroom.actors), n=1, cutoff=0.6)
    if close:
        hint = f"did you mean `{close[0]}`? then write its name: `{newsroom.actors[close[0]].name}`"
    else:
        hint = "write the speaker's name as the article gives it"
    return Problem(path, line, f"unknown actor `{speaker}` as `speaker`", hint)
