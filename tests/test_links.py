"""No broken link or anchor when the site is published under a sub-path, as GitHub Pages serves a project site.

The example site is built with `site_url` set to where it is served
(`http://127.0.0.1:<port>/newsroom-explainers/`; nothing is served above that
path, as on GitHub Pages) and crawled by LinkChecker with external links off
and its anchor check on. A link written as if the site sat at the root of its
domain ("/data/actors.json") therefore fails here, as it would once published.

LinkChecker drops root privileges to `nobody` before it checks anything; it
reads its configuration first and talks to the site over HTTP only, so the
test's private temporary folders are no obstacle.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser.harness import serve
from conftest import mkdocs_build, site_config, warnings_in

SUB_PATH = "/newsroom-explainers/"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
if not LINKCHECKER.is_file() and not os.environ.get("CI"):
    pytest.skip(
        f"LinkChecker not found at {LINKCHECKER}: link checks skipped; install the test extras "
        "(pip install -e '.[test]')",
        allow_module_level=True,
    )


def link_check(start_url: str, config_dir: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Crawl the site from `start_url` with LinkChecker; every URL it checked, and the failures among them.

    A failure is a URL LinkChecker finds invalid (404, refused) or warns about (an anchor that is not on its page).
    """
    if not LINKCHECKER.is_file():
        pytest.fail(f"LinkChecker not found at {LINKCHECKER}, and CI is set: the link check is mandatory in CI")
    host = start_url[: start_url.index("/", len("http://"))]
    config = config_dir / "linkcheckerrc"
    config.write_text(
        "[checking]\n"
        "maxrequestspersecond=100\n"  # allowed by our server's "LinkChecker" header; the default is ~3 a second
        "[filtering]\n"
        "checkextern=0\n"
        # Everything on the test server is internal, including what lies above the sub-path: a link escaping
        # the project's folder is then checked (and not found) instead of skipped as external.
        f"internlinks=^{host}/\n"
        "[AnchorCheck]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "--verbose", "--output", "csv", start_url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # LinkChecker's own comments start "# "; a row's first field may be an anchor such as "#links".
    rows = [
        row
        for row in csv.DictReader(
            io.StringIO("".join(line for line in result.stdout.splitlines(True) if not line.startswith("# "))),
            delimiter=";",
        )
        if row.get("url")
    ]
    assert rows, f"LinkChecker checked nothing (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    failures = [row for row in rows if row["valid"] != "True" or row["warningstring"]]
    # LinkChecker exits 1 on errors or warnings, 2 on a program error.
    assert result.returncode == (1 if failures else 0), f"exit {result.returncode}:\n{result.stderr}"
    return rows, failures


def describe(failures: list[dict[str, str]]) -> str:
    return "\n".join(
        f"{row['url']} (on {row['parentname']}, line {row['line']}): {row['result']} {row['warningstring']}".strip()
        for row in failures
    )


@pytest.fixture(scope="module")
def project_site(tmp_path_factory) -> Iterator[str]:
    """The example site built for, and served at, a GitHub Pages project address; its URL."""
    folder = tmp_path_factory.mktemp("project-site")
    (folder / "site").mkdir()
    # The server starts first: the port is part of the address the site is built for.
    with serve(folder / "site", under=SUB_PATH) as base_url:
        result = mkdocs_build(site_config(folder, site_url=base_url))
        if result.returncode != 0 or warnings_in(result.stderr):
            pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}")
        yield base_url


def test_site_under_a_sub_path_has_no_broken_link_or_anchor(project_site, tmp_path):
    rows, failures = link_check(project_site, tmp_path)
    assert not failures, f"{len(failures)} broken links or anchors:\n{describe(failures)}"
    checked = {row["url"] for row in rows if row["result"].startswith("200")}
    # The crawl reached every kind of page and what the pages link to, anchors included.
    for expected in (
        "explainers/us-venezuela-relations/",
        "explainers/us-venezuela-relations/#p-2",
        "actors/nicolas-maduro/",
        "actors/nicolas-maduro/#mentioned-in",
        "quotes/",
        "timeline/",
        "about/",
        "data/actors.json",
        "data/events.json",
        "assets/explainers.css",
    ):
        assert project_site + expected in checked, f"{expected} was not checked"
    pages = {url.split("#")[0] for url in checked if url.endswith("/") or "/#" in url}
    assert len(pages) >= 45, f"only {len(pages)} pages reached"


def test_link_check_catches_links_that_escape_the_sub_path_and_missing_anchors(tmp_path):
    # A check that passes must be able to fail: a tiny site with one link of each kind that breaks on GitHub Pages.
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><body><h1 id="top">Home</h1>'
        '<a href="page/">fine</a> <a href="page/#here">fine anchor</a> <a href="#top">fine here</a>'
        '<a href="/page/">root-relative</a> <a href="page/#gone">missing anchor</a> <a href="missing/">missing page</a>'
        "</body></html>",
        encoding="utf-8",
    )
    (site / "page" / "index.html").write_text('<html><body><p id="here">Page</p></body></html>', encoding="utf-8")
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    with serve(site, under=SUB_PATH) as base_url:
        _, failures = link_check(base_url, config_dir)
        host = base_url.removesuffix(SUB_PATH)
        assert {row["url"] for row in failures} == {
            f"{host}/page/",  # escaped the project's folder
            f"{base_url}missing/",
            f"{base_url}page/#gone",
        }, describe(failures)
