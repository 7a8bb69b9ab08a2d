"""Live preview: how long an editor waits after changing one glossary entry.

`mkdocs serve` runs the Explainers site; each round edits one actor's
summary and times, from the file's write to serve's "Reloading browsers" log
line, the rebuild, then checks that an explainer naming the actor now shows
the new tooltip. Plain full builds (a) are timed in between, in the same
invocation, as the yardstick.
"""

from __future__ import annotations

import html
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import yaml

from . import sites
from .glossary import Actor
from .prose import Article, plain_text
from .timing import build, mkdocs_env

FIRST_BUILD_TIMEOUT = 1800  # seconds; a first build of 1,000 articles on a busy machine
REBUILD_TIMEOUT = 1200


class Server:
    """A `mkdocs serve` process whose log lines are read as they come, with the time each arrived."""

    def __init__(self, config: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter running mkdocs
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", "-f", config.name],
            cwd=config.parent,
            env=mkdocs_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.monotonic(), line.rstrip()))

    def wait_for(self, text: str, timeout: float) -> tuple[float, list[str]]:
        """The time the first log line containing ``text`` arrived, and the lines read until then."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            try:
                arrived, line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(
                    f"no {text!r} from mkdocs serve in {timeout} s; last lines:\n" + "\n".join(seen[-10:])
                ) from None
            seen.append(line)
            if text in line:
                return arrived, seen
            if self.process.poll() is not None and self.lines.empty():
                raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(seen[-15:]))

    def fetch(self, path: str) -> str:
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def report(folder: Path, articles: int, glossary: int, runs: int) -> str:
    actors, texts = sites.newsroom(articles, (glossary,))
    sites.write_docs(folder / "docs", texts)
    plain = sites.write_config(folder, "plain", docs_dir="docs", plugins=["search"], extensions=sites.MARKDOWN)
    config = sites.explainers_site(folder, texts, actors, f"g{glossary}")
    sources = folder / f"sources-g{glossary}"
    plain_seconds, rebuilds, detections, shown = [], [], [], []
    server = Server(config)
    try:
        started = time.monotonic()
        served, _ = server.wait_for("Serving on", FIRST_BUILD_TIMEOUT)
        first_build = served - started
        for round_ in range(runs):
            run = build(plain)
            if run.error:
                return f"the plain build failed:\n{run.error}"
            plain_seconds.append(run.seconds)
            print(f"  round {round_ + 1}/{runs}  plain build {run.seconds:.1f} s", file=sys.stderr, flush=True)
            actor, page = _mentioned_actor(actors, texts, round_)
            summary = f"Summary edited in benchmark round {round_ + 1}."
            edited = time.monotonic()
            _edit_summary(sources / "glossary" / f"{actor.id}.yml", summary)
            detected, _ = server.wait_for("Detected file changes", REBUILD_TIMEOUT)
            reloaded, _ = server.wait_for("Reloading browsers", REBUILD_TIMEOUT)
            detections.append(detected - edited)
            rebuilds.append(reloaded - edited)
            shown.append(f'title="{html.escape(summary)}' in server.fetch(f"explainers/{page}/"))
            print(
                f"  round {round_ + 1}/{runs}  edit → reloaded {reloaded - edited:.1f} s", file=sys.stderr, flush=True
            )
    finally:
        server.stop()
    plain_median, rebuild_median = statistics.median(plain_seconds), statistics.median(rebuilds)
    return "\n".join(
        [
            f"{'(a) plain full build, median':<44} {plain_median:8.2f} s  ({runs} runs)",
            f"{'(c) mkdocs serve: start to first page served':<44} {first_build:8.2f} s",
            f"{'(c) glossary edit → browsers reloaded, median':<44} {rebuild_median:8.2f} s  "
            f"({runs} edits; {rebuild_median / plain_median:.2f}× plain full build)",
            f"{'    of which serve noticing the change':<44} {statistics.median(detections):8.2f} s",
            f"{'edited summary in the served tooltip':<44} {sum(shown)}/{len(shown)} edits",
        ]
    )


def _mentioned_actor(actors: list[Actor], texts: list[Article], round_: int) -> tuple[Actor, str]:
    """A popular actor (a different one each round) and the slug of an explainer that names it."""
    for actor in actors[round_:]:
        for article in texts:
            if actor.name in plain_text(article):
                return actor, article.stem
    raise ValueError("no article names a glossary actor")


def _edit_summary(path: Path, summary: str) -> None:
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry["summary"] = summary
    path.write_text(sites.dump_yaml(entry), encoding="utf-8")
