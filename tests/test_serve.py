"""Live preview: `mkdocs serve` rebuilds when an editor changes anything under sources/,
and the browser-facing live-reload endpoint reports each new build (mkdocs#4032: with
Click 8.3.0–8.3.x `mkdocs serve` silently ran without live reload)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import site_config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


_LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\);")


def reload_epoch(page: str) -> tuple[int, int]:
    """The build a served page belongs to, from the live-reload script MkDocs puts in it."""
    match = _LIVERELOAD.search(page)
    assert match, "the served page has no live-reload script: `mkdocs serve` runs without live reload"
    return int(match[1]), int(match[2])


def newer_build(port: int, epoch: int, request_id: int, seconds: float) -> int:
    """Ask the endpoint the browser polls for a build newer than ``epoch``, as the page's script does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        # The server holds each poll until a newer build is ready, or for a minute at most.
        answer = int(fetch(f"http://127.0.0.1:{port}/livereload/{epoch}/{request_id}", timeout=70))
        if answer > epoch:
            return answer
    return epoch


@pytest.fixture
def served(tmp_path, sources_copy):
    """`mkdocs serve` of a copy of the example site, started the way editors start it (no flags)."""
    config = site_config(tmp_path, sources=sources_copy)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield port, sources_copy
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_live_reload_reports_each_rebuild_after_an_edit(served):
    port, sources = served
    url = f"http://127.0.0.1:{port}/explainers/us-venezuela-relations/"
    assert wait_for(lambda: "Georgetown University" in fetch(url), 60), "the site was not served"
    epoch, request_id = reload_epoch(fetch(url))

    entry = sources / "glossary" / "georgetown-university.yml"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("Private university", "A changed summary"), encoding="utf-8"
    )
    rebuilt = newer_build(port, epoch, request_id, 90)
    assert rebuilt > epoch, "the reload endpoint never reported a new build after the glossary edit"
    page = fetch(url)
    assert 'title="A changed summary' in page  # the tooltip
    assert reload_epoch(page)[0] >= rebuilt  # the browser, reloaded, knows the new build

    events = sources / "timeline" / "us-policy.yml"
    title = "The United States recognises Juan Guaidó as interim president"
    events.write_text(events.read_text(encoding="utf-8").replace(title, "Washington recognises Guaidó"), "utf-8")
    assert newer_build(port, rebuilt, request_id, 90) > rebuilt, "no new build after the event changed"
    timeline = fetch(f"http://127.0.0.1:{port}/timeline/")
    assert "Washington recognises Guaidó" in timeline and title not in timeline

    article = sources / "articles" / "us-venezuela-relations.txt"
    article.write_text(article.read_text(encoding="utf-8") + "A new closing paragraph.\n", encoding="utf-8")
    assert wait_for(lambda: "A new closing paragraph." in fetch(url), 60), "no rebuild after the article changed"


def test_a_broken_edit_is_reported_and_the_fix_shows_up(served):
    port, sources = served
    url = f"http://127.0.0.1:{port}/actors/georgetown-university/"
    assert wait_for(lambda: "Private university" in fetch(url), 60), "the site was not served"
    epoch, request_id = reload_epoch(fetch(url))
    entry = sources / "glossary" / "georgetown-university.yml"
    good = entry.read_text(encoding="utf-8")
    entry.write_text(good.replace("kind: organization", "kind: organisation"), encoding="utf-8")
    broken = newer_build(port, epoch, request_id, 90)
    assert broken > epoch, "no rebuild after the broken edit"
    # The server keeps running; the broken entry is left out until it is fixed.
    assert wait_for(lambda: fetch_status(url) == 404, 30)
    entry.write_text(good.replace("Private university", "Fixed summary"), encoding="utf-8")
    assert newer_build(port, broken, request_id, 90) > broken
    assert "Fixed summary" in fetch(url)
