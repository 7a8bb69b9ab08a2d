"""The editors' command line: ``explainers check | quotes | suggest | new actor | new event``.

Editors are journalists, not programmers: every problem is printed as
``path:line: error|warning: message (hint)``, and no command shows a
traceback (``--debug`` does, for whoever maintains the tool).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from .glossary import load_glossary
from .mentions import Matcher
from .model import ACTOR_KINDS, Problem
from .newsroom import load_newsroom
from .scaffold import ScaffoldError, new_actor, new_event
from .suggest import format_suggestion, suggestions

_ORDER = {"error": 0, "warning": 1, "info": 2}
_LABEL = {"error": "error", "warning": "warning", "info": "note"}


def format_problem(problem: Problem) -> str:
    """``path:line: error: message (hint)``, the form editors' tools and editors both read."""
    text = f"{problem.path}:{problem.line or 1}: {_LABEL[problem.severity]}: {problem.message}"
    return f"{text} ({problem.hint})" if problem.hint else text


def _print_problems(problems: list[Problem], *, notes: bool = True) -> int:
    """Print problems, errors first, each file's in line order; return the number of errors."""
    shown = sorted(problems, key=lambda p: (_ORDER[p.severity], p.path, p.line or 1))
    for problem in shown:
        if notes or problem.severity != "info":
            print(format_problem(problem), file=sys.stderr)
    return sum(p.severity == "error" for p in problems)


def _sources(args: argparse.Namespace) -> Path:
    sources = Path(args.sources)
    if not sources.is_dir():
        raise ScaffoldError(
            f"there is no sources folder at {sources}",
            "run it in the site's folder, or give --sources with the folder that holds articles/, glossary/, timeline/",
        )
    return sources


def cmd_check(args: argparse.Namespace) -> int:
    newsroom, problems = load_newsroom(_sources(args))
    errors = _print_problems(problems, notes=not args.quiet)
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
    actors = {a.id: a for a in load_glossary(Path(args.sources, "glossary"), glossary_problems)}
    found, problems = quotes_by_article([Path(p) for p in args.paths], Matcher(actors.values()).sole_owner, actors)
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
    newsroom, problems = load_newsroom(_sources(args))
    # Only errors: they may hide articles or actors and so change the list; warnings are for `check`.
    _print_problems([p for p in problems if p.severity == "error"])
    rows = suggestions(newsroom, minimum=args.min)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=1))
    elif not rows:
        print("Every frequent name and every quoted speaker is in the glossary.")
    else:
        print("\n\n".join(format_suggestion(row) for row in rows))
    return 0


def cmd_new_actor(args: argparse.Namespace) -> int:
    written = new_actor(
        _sources(args) / "glossary",
        args.name,
        args.kind,
        aliases=tuple(args.alias),
        summary=args.summary,
        today=datetime.date.today().isoformat(),
    )
    print(f"wrote {written.path}: check the aliases and write the summary, then run `explainers check`")
    return 0


def cmd_new_event(args: argparse.Namespace) -> int:
    sources = _sources(args)
    problems: list[Problem] = []
    actors = load_glossary(sources / "glossary", problems)
    actor_ids = [i.strip() for value in args.actor for i in value.split(",") if i.strip()]
    written = new_event(
        sources / "timeline",
        actors,
        date=args.date,
        title=args.title,
        actor_ids=actor_ids,
        summary=args.summary,
        source=args.source,
        to=args.to,
    )
    verb = "added an event at the end of" if written.appended else "wrote"
    print(f"{verb} {written.path}: fill in what is marked TODO, then run `explainers check`")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="explainers", description="Check and explore an Explainers newsroom.")
    top.add_argument("--sources", default="sources", help="folder with articles/, glossary/, timeline/")
    top.add_argument("--debug", action="store_true", help="show a traceback if the tool itself fails")
    commands = top.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate every source file; exit 1 on errors")
    check.add_argument("--strict", action="store_true", help="fail on warnings too, as `mkdocs build --strict`")
    check.add_argument("--quiet", action="store_true", help="leave out notes (things that need no fix)")
    check.set_defaults(run=cmd_check)

    quotes = commands.add_parser("quotes", help="print the quotes found in article files")
    quotes.add_argument("--json", action="store_true", help="one JSON object keyed by file stem")
    quotes.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .md, .html)")
    quotes.set_defaults(run=cmd_quotes)

    suggest = commands.add_parser("suggest", help="list likely actors missing from the glossary")
    suggest.add_argument("--min", type=int, default=2, help="how often a name must appear (default 2)")
    suggest.add_argument("--json", action="store_true", help="print the list as JSON")
    suggest.set_defaults(run=cmd_suggest)

    new = commands.add_parser("new", help="scaffold a glossary entry or a timeline event")
    new_what = new.add_subparsers(dest="what", required=True)
    actor = new_what.add_parser("actor", help='e.g. explainers new actor "Gustavo Petro" --kind person')
    actor.add_argument("name")
    actor.add_argument("--kind", required=True, help="one of: " + ", ".join(ACTOR_KINDS))
    actor.add_argument("--alias", action="append", default=[], help="another spelling the articles use (repeatable)")
    actor.add_argument("--summary", default="", help="the one-line tooltip")
    actor.set_defaults(run=cmd_new_actor)

    event = new_what.add_parser(
        "event", help='e.g. explainers new event --date 2019-01-23 --title "..." --actor juan-guaido --to venezuela'
    )
    event.add_argument("--date", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD")
    event.add_argument("--title", required=True)
    event.add_argument("--actor", action="append", default=[], help="a glossary id (repeatable, or comma-separated)")
    event.add_argument("--summary", default="")
    event.add_argument("--source", default="", help="a web address or a named reference")
    event.add_argument(
        "--to", default="", help="append to this timeline file (created if missing); default: a new file of its own"
    )
    event.set_defaults(run=cmd_new_event)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ScaffoldError as err:
        hint = f" ({err.hint})" if err.hint else ""
        print(f"error: {err}{hint}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # editors get a sentence, not a traceback
        if args.debug:
            raise
        print(
            f"error: explainers failed unexpectedly ({type(err).__name__}: {err}). "
            "Please report it with the output of the same command run with --debug.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
