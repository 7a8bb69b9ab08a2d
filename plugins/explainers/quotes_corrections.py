"""Editor corrections to an article's quotes, from the article's sidecar.

An editor fixes what the extractor got wrong in ``<stem>.yml`` next to the
article::

    quotes:
      - match: "These preliminary talks"   # the first words of a quote found in the article
        speaker: Elena Ramirez            # set or fix the speaker (null removes it);
                                          # the glossary actor is resolved from the name
        role: professor of international relations   # optional
        cue: explains                     # optional
      - match: "Some scare quote"
        drop: true                        # not a quote: remove it
      - add: "The full text of a missed quote"   # words as the article has them;
        speaker: Someone                  # the paragraph is found automatically
        role: analyst                     # optional
        cue: said                         # optional

``match`` compares the start of each quote ignoring case, spacing and the
style of quotation marks and apostrophes; every quote it matches is
corrected. Unknown fields, a ``match`` that matches no quote, an ``add``
that is in no paragraph and an entry that is not a mapping are reported as
problems with the sidecar's path and line; the rest still applies.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Callable

from .model import Article, Problem, Quote
from .sources import LineDict, LineList, check_fields, describe, text_field

ResolveActor = Callable[[str], "str | None"]

CORRECTION_FIELDS = ("match", "add", "speaker", "role", "cue", "drop")
_EXAMPLE = 'for example `- match: "The first words of the quote"` with `speaker: Full Name` or `drop: true`'
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})


def apply_corrections(
    article: Article, quotes: list[Quote], resolve_actor: ResolveActor = lambda name: None
) -> tuple[list[Quote], list[Problem]]:
    """The quotes with the sidecar's corrections applied, and the problems found in them."""
    entries = article.corrections.get("quotes")
    if entries is None:
        return list(quotes), []
    path = article.sidecar_path or article.path
    key_line = article.corrections.get("_lines", {}).get("quotes") or getattr(entries, "line", None)
    problems: list[Problem] = []
    if not isinstance(entries, list):
        problems.append(Problem(path, key_line, "`quotes` must be a list of corrections", _EXAMPLE))
        return list(quotes), problems
    result = list(quotes)
    for i, entry in enumerate(entries):
        line = entries.line_of(i) if isinstance(entries, LineList) else key_line
        if not isinstance(entry, dict):
            problems.append(
                Problem(path, line, f"quote correction {i + 1} must be a mapping, not {describe(entry)}", _EXAMPLE)
            )
            continue
        result = _apply_entry(_with_lines(entry, line), article, result, resolve_actor, path, problems)
    return _renumber(article, result), problems


def _apply_entry(
    entry: LineDict,
    article: Article,
    quotes: list[Quote],
    resolve_actor: ResolveActor,
    path: str,
    problems: list[Problem],
) -> list[Quote]:
    count = len(problems)
    check_fields(entry, path, CORRECTION_FIELDS, problems, "a quote correction")
    if "match" in entry and "add" in entry:
        problems.append(
            Problem(
                path,
                entry.line_of("add"),
                "a quote correction takes `match:` or `add:`, not both",
                "use `match:` to fix a quote that was found, `add:` for one that was missed",
            )
        )
    elif "match" not in entry and "add" not in entry:
        problems.append(Problem(path, entry.line, "a quote correction needs `match:` or `add:`", _EXAMPLE))
    drop = entry.get("drop", False)
    if not isinstance(drop, bool):
        problems.append(Problem(path, entry.line_of("drop"), "`drop` must be true or false", "write `drop: true`"))
    elif drop and "add" in entry:
        problems.append(Problem(path, entry.line_of("drop"), "an added quote cannot be dropped", "remove `drop:`"))
    fields = {key: text_field(entry, key, path, problems) for key in ("match", "add", "speaker", "role", "cue")}
    if len(problems) > count:
        return quotes  # a broken entry changes nothing rather than something unintended
    if "add" in entry:
        return _add(entry, fields, article, quotes, resolve_actor, path, problems)
    return _correct(entry, fields, bool(drop), quotes, resolve_actor, path, problems)


def _correct(
    entry: LineDict,
    fields: dict[str, str],
    drop: bool,
    quotes: list[Quote],
    resolve_actor: ResolveActor,
    path: str,
    problems: list[Problem],
) -> list[Quote]:
    wanted = _normal(fields["match"])
    matched = [q for q in quotes if wanted and _normal(q.text).startswith(wanted)]
    if not matched:
        message = f"no quote of this article starts with “{fields['match']}”"
        problems.append(Problem(path, entry.line_of("match"), message, _closest_quote(wanted, quotes)))
        return quotes
    if len(matched) > 1:
        problems.append(
            Problem(
                path,
                entry.line_of("match"),
                f"“{fields['match']}” starts {len(matched)} quotes",
                "the correction applies to all of them; quote more words to pick one",
                "warning",
            )
        )
    if drop:
        return [q for q in quotes if q not in matched]
    return [_changed(q, entry, fields, resolve_actor) if q in matched else q for q in quotes]


def _changed(quote: Quote, entry: LineDict, fields: dict[str, str], resolve_actor: ResolveActor) -> Quote:
    speaker, actor_id, role = quote.speaker, quote.actor_id, quote.role
    if "speaker" in entry:
        speaker = fields["speaker"] or None
        actor_id = resolve_actor(speaker) if speaker else None
        if speaker != quote.speaker:
            role = None  # the role found belonged to the speaker being replaced
    if "role" in entry:
        role = fields["role"] or None
    cue = (fields["cue"] or None) if "cue" in entry else quote.cue
    return replace(quote, speaker=speaker, actor_id=actor_id, role=role, cue=cue)


def _add(
    entry: LineDict,
    fields: dict[str, str],
    article: Article,
    quotes: list[Quote],
    resolve_actor: ResolveActor,
    path: str,
    problems: list[Problem],
) -> list[Quote]:
    text = fields["add"].strip().strip("\"“”'‘’").strip()
    for block in article.paragraphs:
        start = block.text.translate(_STRAIGHT).find(text.translate(_STRAIGHT)) if text else -1
        if start < 0:
            continue
        end = start + len(text)
        speaker = fields["speaker"] or None
        added = Quote(
            text=block.text[start:end],
            speaker=speaker,
            actor_id=resolve_actor(speaker) if speaker else None,
            role=fields["role"] or None,
            cue=fields["cue"] or None,
            article=article.slug,
            paragraph=block.anchor,
            start=start,
            end=end,
        )
        # The added quote replaces what the extractor found of it.
        kept = [q for q in quotes if q.paragraph != block.anchor or q.end <= start or q.start >= end]
        return [*kept, added]
    problems.append(
        Problem(
            path,
            entry.line_of("add"),
            f"“{_short(text)}” is in no paragraph of {article.path}",
            "copy the quote's words exactly as the article has them",
        )
    )
    return quotes


def _renumber(article: Article, quotes: list[Quote]) -> list[Quote]:
    order = {block.anchor: n for n, block in enumerate(article.paragraphs)}
    ordered = sorted(quotes, key=lambda q: (order.get(q.paragraph, len(order)), q.start))
    return [replace(q, id=f"q-{n}") for n, q in enumerate(ordered, 1)]


def _normal(text: str) -> str:
    return " ".join(text.translate(_STRAIGHT).strip().strip("\"'").split()).casefold()


def _closest_quote(wanted: str, quotes: list[Quote]) -> str:
    starts = {_normal(q.text)[: max(len(wanted), 20)]: q.text for q in quotes}
    close = difflib.get_close_matches(wanted, list(starts), n=1, cutoff=0.5)
    if close:
        return f"did you mean “{_short(starts[close[0]])}”?"
    return "`match:` takes the first words of a quote found in the article; use `add:` for a missed one"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _with_lines(entry: dict, line: int | None) -> LineDict:
    # Entries built in code (not read from YAML) have no line numbers of their own.
    if isinstance(entry, LineDict):
        return entry
    mapping = LineDict(entry)
    mapping.line = line or 1
    mapping.key_lines = {}
    return mapping
