"""Shared fixtures: building the example site, and failing on unexpected warnings."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


class WarningCatcher(logging.Handler):
    """Collects WARNING and above from the mkdocs logger tree (what --strict counts)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[str]:
        """The messages so far, which the test thereby declares expected."""
        messages = [r.getMessage() for r in self.records]
        self.records.clear()
        return messages


@pytest.fixture(autouse=True)
def mkdocs_warnings():
    """Any warning a test does not take fails that test."""
    catcher = WarningCatcher()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(catcher)
    yield catcher
    logger.removeHandler(catcher)
    unexpected = [r.getMessage() for r in catcher.records]
    if unexpected:
        pytest.fail("unexpected warnings:\n" + "\n".join(unexpected))


class MkDocsYamlLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of each `!ENV [NAME, default]`."""


MkDocsYamlLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def site_config(
    tmp_path: Path,
    *,
    use_directory_urls: bool = True,
    sources: Path | None = None,
    plugin_options: dict | None = None,
    **extra,
) -> Path:
    """A copy of the example site's mkdocs.yml that builds into tmp_path."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=MkDocsYamlLoader)
    config["docs_dir"] = str(ROOT / "docs")
    config["site_dir"] = str(tmp_path / "site")
    config["use_directory_urls"] = use_directory_urls
    options = {"sources": str(sources or ROOT / "sources"), **(plugin_options or {})}
    config["plugins"] = ["search", {"explainers": options}]
    config["theme"]["font"] = False  # no network here: Google Fonts requests would hang a browser
    config.update(extra)
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def mkdocs_build(config: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` as an editor would, capturing its log."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner is not ours
    return subprocess.run(command, capture_output=True, text=True, cwd=config.parent, env=env, timeout=300)


def warnings_in(log: str) -> list[str]:
    """The WARNING and ERROR lines of a build log."""
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def page_path(site: Path, uri: str, use_directory_urls: bool) -> Path:
    """Where a source page such as "actors/x.md" lands in the built site."""
    stem = uri.removesuffix(".md")
    if stem.endswith("index"):
        return site / f"{stem}.html"
    return site / (f"{stem}/index.html" if use_directory_urls else f"{stem}.html")


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory) -> dict[bool, Path]:
    """The example site built once each way (directory URLs on and off), with --strict."""
    sites = {}
    for use_directory_urls in (True, False):
        tmp = tmp_path_factory.mktemp(f"site-dirurls-{use_directory_urls}")
        result = mkdocs_build(site_config(tmp, use_directory_urls=use_directory_urls))
        if result.returncode != 0 or warnings_in(result.stderr):
            pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}")
        sites[use_directory_urls] = tmp / "site"
    return sites


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the example sources, for tests that break things."""
    target = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", target)
    return target
