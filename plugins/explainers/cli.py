"""The editors' command line: ``explainers check | quotes | suggest | new actor``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .articles import slugify
from .glossary import load_glossary
from .mentions import Matcher
from .model import ACTOR_KINDS, Problem
from .newsroom import load_newsroom
from .suggest import suggestions


def _print_problems(problems: list[Problem]) -> int:
    """Print problems, errors first; return the number of errors."""
    order = {"error": 0, "warning": 1, "info": 2}
    for problem in sorted(problems, key=lambda p: order[p.severity]):
        print(f"{problem.severity}: {problem}", file=sys.stderr)
    return sum(p.severity == "error" for p in problems)


def cmd_check(args: argparse.Namespace) -> int:
    newsroom, problems = load_newsroom(Path(args.sources))
    errors = _print_problems(problems)
    warnings = sum(p.severity == "warning" for p in problems)
    print(
        f"{len(newsroom.actors)} actors, {len(newsroom.explainers)} articles, {len(newsroom.events)} events: "
        f"{errors} error(s), {warnings} warning(s)"
    )
    return 1 if errors or (args.strict and warnings) else 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from .quotes import quotes_by_article

    # Speakers resolve to glossary actors when there is a glossary to resolve them with.
    glossary_problems: list[Problem] = []
    matcher = Matcher(load_glossary(Path(args.sources, "glossary"), glossary_problems))
    found, problems = quotes_by_article([Path(p) for p in args.paths], matcher.sole_owner)
    errors = _print_problems(problems)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for stem, quotes in found.items():
            print(f"{stem}: {len(quotes)} quotes")
            for quote in quotes:
                speaker = quote["speaker"] or "(speaker unknown)"
                role = f", {quote['role']}" if quote.get("role") else ""
                print(f"  [{quote['paragraph']}] {speaker}{role}: “{quote['quote']}”")
    return 1 if errors else 0


def cmd_suggest(args: argparse.Namespace) -> int:
    newsroom, problems = load_newsroom(Path(args.sources))
    _print_problems([p for p in problems if p.severity == "error"])
    rows = suggestions(newsroom, minimum=args.min)
    if not rows:
        print("Every frequent name is in the glossary.")
    for row in rows:
        places = ", ".join(row.places[:3]) + (" …" if len(row.places) > 3 else "")
        print(f"{row.name}  ({row.count}×, {row.why})  {places}")
    return 0


_ACTOR_TEMPLATE = """\
name: {name}
kind: {kind}
aliases: []
summary: {summary}
# description: |
#   Markdown shown on the actor page.
# links: {{wikipedia: https://...}}
# as_of: YYYY-MM-DD
"""


def cmd_new_actor(args: argparse.Namespace) -> int:
    actor_id = slugify(args.name)
    if not actor_id:
        print(f"error: cannot make an id from {args.name!r}; use letters or digits", file=sys.stderr)
        return 2
    path = Path(args.sources) / "glossary" / f"{actor_id}.yml"
    if path.exists():
        print(f"error: {path} already exists; edit it instead", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = json.dumps("TODO: one factual line, the tooltip.", ensure_ascii=False)
    path.write_text(
        _ACTOR_TEMPLATE.format(name=json.dumps(args.name, ensure_ascii=False), kind=args.kind, summary=summary),
        encoding="utf-8",
    )
    print(f"wrote {path}: fill in the summary and aliases")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="explainers", description="Check and explore an Explainers newsroom.")
    top.add_argument("--sources", default="sources", help="folder with articles/, glossary/, timeline/")
    commands = top.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate every source file; exit 1 on errors")
    check.add_argument("--strict", action="store_true", help="fail on warnings too, as `mkdocs build --strict`")
    check.set_defaults(run=cmd_check)

    quotes = commands.add_parser("quotes", help="print the quotes found in article files")
    quotes.add_argument("--json", action="store_true", help="one JSON object keyed by file stem")
    quotes.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .md, .html)")
    quotes.set_defaults(run=cmd_quotes)

    suggest = commands.add_parser("suggest", help="list likely actors missing from the glossary")
    suggest.add_argument("--min", type=int, default=2, help="how often a name must appear (default 2)")
    suggest.set_defaults(run=cmd_suggest)

    new = commands.add_parser("new", help="scaffold a glossary entry")
    new_what = new.add_subparsers(dest="what", required=True)
    actor = new_what.add_parser("actor", help='e.g. explainers new actor "Gustavo Petro" --kind person')
    actor.add_argument("name")
    actor.add_argument("--kind", choices=ACTOR_KINDS, required=True)
    actor.set_defaults(run=cmd_new_actor)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
