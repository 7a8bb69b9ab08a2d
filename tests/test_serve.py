"""`mkdocs serve` rebuilds when an editor changes anything under sources/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import site_config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


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


def test_serve_rebuilds_when_a_glossary_entry_changes(tmp_path, sources_copy):
    config = site_config(tmp_path, sources=sources_copy)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(config)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/explainers/us-venezuela-relations/"
    try:
        assert wait_for(lambda: "Georgetown University" in fetch(url), 60), "the site was not served"
        entry = sources_copy / "glossary" / "georgetown-university.yml"
        entry.write_text(
            entry.read_text(encoding="utf-8").replace("Private university", "A changed summary"), encoding="utf-8"
        )
        assert wait_for(lambda: 'title="A changed summary' in fetch(url), 60), "no rebuild after the change"
        article = sources_copy / "articles" / "us-venezuela-relations.txt"
        article.write_text(article.read_text(encoding="utf-8") + "A new closing paragraph.\n", encoding="utf-8")
        assert wait_for(lambda: "A new closing paragraph." in fetch(url), 60), "no rebuild after the article changed"
    finally:
        server.terminate()
        server.wait(timeout=20)
