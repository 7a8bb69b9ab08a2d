"""Publishing: `mkdocs gh-deploy` from a newsroom's fork, and the GitHub Actions workflow that builds and deploys.

`mkdocs gh-deploy` is run as the README says, in a fresh git repository
holding a copy of the example site (mkdocs.yml as shipped, docs/, sources/),
pushing to a local bare repository that stands in for GitHub.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

SITE_URL = "https://example-newsroom.github.io/newsroom-explainers/"
REPO_URL = "https://github.com/example-newsroom/newsroom-explainers"
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def git_env(home: Path) -> dict[str, str]:
    """The environment without the machine's own git settings (a global config could sign or hook commits)."""
    return {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> tuple[Path, str]:
    """A fork of the example site deployed with `mkdocs gh-deploy`: the bare remote, and the fork's commit."""
    tmp = tmp_path_factory.mktemp("gh-deploy")
    remote, fork = tmp / "remote.git", tmp / "newsroom"
    env = git_env(tmp)
    git("init", "--quiet", "--bare", str(remote), cwd=tmp, env=env)
    fork.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", fork / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", fork / "docs")
    shutil.copytree(ROOT / "sources", fork / "sources")
    git("init", "--quiet", "--initial-branch=main", cwd=fork, env=env)
    git("config", "user.name", "Newsroom editor", cwd=fork, env=env)
    git("config", "user.email", "editor@example.org", cwd=fork, env=env)
    git("add", "mkdocs.yml", "docs", "sources", cwd=fork, env=env)
    git("commit", "--quiet", "-m", "Our newsroom's explainers", cwd=fork, env=env)
    git("remote", "add", "origin", str(remote), cwd=fork, env=env)
    commit = git("rev-parse", "HEAD", cwd=fork, env=env).strip()
    # The README's command, with the fork's addresses.
    env.update(SITE_URL=SITE_URL, REPO_URL=REPO_URL, EDIT_URI="edit/main/docs/", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict"],
        cwd=fork,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return remote, commit


def published(remote: Path, path: str) -> str:
    return git("show", f"gh-pages:{path}", cwd=remote)


def test_gh_deploy_puts_the_site_on_the_gh_pages_branch(deployed):
    remote, commit = deployed
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    for expected in (
        "index.html",
        ".nojekyll",  # GitHub Pages would otherwise run Jekyll, which drops folders starting with "_"
        "explainers/us-venezuela-relations/index.html",
        "actors/nicolas-maduro/index.html",
        "quotes/index.html",
        "timeline/index.html",
        "data/actors.json",
        "sitemap.xml",
    ):
        assert expected in files, f"{expected} is not on gh-pages"
    assert not any(name.startswith(("sources/", "docs/")) for name in files), "sources leaked into the site"
    # The deployment names the sources it was built from.
    assert f"Deployed {commit[:7]}" in git("log", "-1", "--format=%s", "gh-pages", cwd=remote)
    explainer = BeautifulSoup(published(remote, "explainers/us-venezuela-relations/index.html"), "html.parser")
    assert "Diplomatic Tensions Rise" in explainer.select_one("article h1").get_text()
    assert explainer.select("article a.xp-actor[title]")


def test_published_pages_know_their_address_and_their_sources(deployed):
    remote, _ = deployed
    pages = {
        "explainers/us-venezuela-relations/": "sources/articles/us-venezuela-relations.txt",
        "actors/nicolas-maduro/": "sources/glossary/nicolas-maduro.yml",
        "about/": "docs/about.md",
    }
    for url, source in pages.items():
        soup = BeautifulSoup(published(remote, url + "index.html"), "html.parser")
        assert soup.select_one("link[rel=canonical]")["href"] == SITE_URL + url
        # Material's "Edit this page" button, pointing at the file an editor changes (not at generated Markdown).
        edit = soup.select_one("article a.md-content__button[href*='/edit/']")
        assert edit is not None, f"{url} has no edit link"
        assert edit["href"] == f"{REPO_URL}/edit/main/{source}"
        assert soup.select_one(f"a.md-source[href='{REPO_URL}']"), f"{url} does not link to the repository"
    # Instant navigation follows only links to pages the sitemap lists, at site_url.
    locations = re.findall(r"<loc>([^<]+)</loc>", published(remote, "sitemap.xml"))
    assert len(locations) >= 45 and all(loc.startswith(SITE_URL) for loc in locations)


def test_a_build_without_repository_addresses_has_no_edit_links(built_sites):
    soup = BeautifulSoup(
        (built_sites[True] / "explainers/us-venezuela-relations/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert not soup.select("a.md-content__button, a.md-source")


# --- The workflow ------------------------------------------------------------------------------------------------


def env_variables_in_mkdocs_yml() -> set[str]:
    return set(re.findall(r"!ENV \[(\w+),", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


def test_workflow_builds_strictly_with_the_repositorys_addresses_and_deploys_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = {step.get("run") or step.get("uses"): step for step in build["steps"]}
    assert "explainers check" in steps
    mkdocs = steps["mkdocs build --strict"]
    # Every address mkdocs.yml takes from the environment is given, so a fork publishes as itself.
    assert set(mkdocs["env"]) == env_variables_in_mkdocs_yml() == {"SITE_URL", "REPO_URL", "EDIT_URI"}
    assert mkdocs["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "github.repository" in mkdocs["env"]["REPO_URL"]
    assert steps["actions/upload-pages-artifact@v3"]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert [step["uses"] for step in deploy["steps"]] == ["actions/deploy-pages@v4"]
    assert deploy["environment"]["name"] == "github-pages"


def test_readme_documents_publishing():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publish = readme.split("## Publish", 1)[1].split("\n## ", 1)[0]
    for needed in ("mkdocs gh-deploy", "SITE_URL", "REPO_URL", "EDIT_URI", "publish.yml", "GitHub Actions"):
        assert needed in publish, f"README's Publish section does not mention {needed}"
