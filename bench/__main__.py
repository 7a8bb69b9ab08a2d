"""Time Explainers builds against plain Material and Material's abbr glossary (issue #7).

    python -m bench                      # (a) plain, (b) abbr glossary, (c) Explainers at G and 10×G
    python -m bench --scaling            # (c) at N = 100, 500, 1,000, 2,000: seconds per article
    python -m bench --serve              # live preview: rebuild after a glossary edit, against (a)
    python -m bench --matcher            # mention matching in MB/s, and the example site's build

Every result is a ratio between builds of the same invocation, on the same
generated articles; progress goes to stderr, the report to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from . import compare

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="N, articles of about 1,200 words (default 1000)")
    parser.add_argument("--glossary", type=int, default=1000, help="G, glossary entries (default 1000)")
    parser.add_argument("--big-glossary", type=int, help="the larger glossary of (c) (default 10×G)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each variant, interleaved (default 3)")
    parser.add_argument(
        "--limit",
        type=float,
        default=600,
        metavar="SECONDS",
        help="stop a build after this long and report it as at least this (default 600): (b) as documented\n"
        "re-parses its whole abbreviations file on every page and takes hours at N=1,000",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate into DIR and keep it (default: a temp dir)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--scaling", action="store_true", help="time (c) at several article counts")
    mode.add_argument("--serve", action="store_true", help="time a live-preview rebuild after a glossary edit")
    mode.add_argument("--matcher", action="store_true", help="mention matching speed and the example site's build")
    parser.add_argument("--sizes", default="100,500,1000,2000", help="article counts for --scaling")
    args = parser.parse_args(argv)

    print(f"Explainers benchmark at {revision()}, {sys.platform}, Python {sys.version.split()[0]}", flush=True)
    started, code = time.monotonic(), plugin_code()
    if args.matcher:
        from . import matcher

        print(matcher.report())
        return 0
    with _workdir(args.keep) as folder:
        if args.scaling:
            counts = [int(n) for n in args.sizes.split(",")]
            print(
                f"Scaling: Explainers at N={', '.join(f'{n:,}' for n in counts)}, G={args.glossary:,}, "
                f"{args.runs} run(s) each, interleaved",
                flush=True,
            )
            print(compare.scaling(folder, counts, args.glossary, args.runs, args.limit))
        elif args.serve:
            from . import serve

            print(
                f"Live preview: Explainers at N={args.articles:,}, G={args.glossary:,}, against a plain build; "
                f"{args.runs} run(s)",
                flush=True,
            )
            print(serve.report(folder, args.articles, args.glossary, args.runs))
        else:
            big = args.big_glossary or 10 * args.glossary
            print(
                f"Builds: N={args.articles:,} articles, G={args.glossary:,} and {big:,} glossary entries, "
                f"{args.runs} run(s) each, interleaved",
                flush=True,
            )
            print(compare.comparison(folder, args.articles, args.glossary, big, args.runs, args.limit))
    print(f"({time.monotonic() - started:.0f} s in all)")
    if plugin_code() != code:
        print(
            "NOTE: the plugin's code changed during this run (an editable install): the builds did not all measure "
            "the same code"
        )
    return 0


def revision() -> str:
    """The commit measured, marked when the plugin's code differs from it."""

    def git(*command: str) -> str:
        done = subprocess.run(  # noqa: S603 - fixed arguments
            ["git", *command],  # noqa: S607 - the developer's git, from PATH
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip()

    commit = git("log", "-1", "--format=%h") or "unknown commit"
    return commit + (" + uncommitted changes to plugins/" if git("status", "--porcelain", "--", "plugins") else "")


def plugin_code() -> str:
    """A fingerprint of the installed plugin's Python files: each build imports them afresh."""
    spec = importlib.util.find_spec("explainers")
    digest = hashlib.sha256()
    for folder in spec.submodule_search_locations or [] if spec else []:
        for path in sorted(Path(folder).glob("*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    """``--keep DIR``, or a temporary folder removed afterwards."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="explainers-bench-") as temp:
        yield Path(temp)


if __name__ == "__main__":
    sys.exit(main())
