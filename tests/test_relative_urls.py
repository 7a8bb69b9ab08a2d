"""The plugin's relative URLs are MkDocs' own, computed faster."""

from __future__ import annotations

import itertools

from mkdocs.utils import get_relative_url

from explainers.plugin import relative_url

# Page URLs as MkDocs gives them, with directory URLs on and off.
URLS = [
    "",
    "./",
    "index.html",
    "about/",
    "about.html",
    "actors/",
    "actors/index.html",
    "actors/nicolas-maduro/",
    "actors/nicolas-maduro.html",
    "explainers/us-venezuela-relations/",
    "explainers/us-venezuela-relations.html",
    "timeline/person/",
    "timeline/person.html",
    "data/actors.json",
    "assets/explainers.css",
]


def test_relative_url_is_mkdocs_get_relative_url() -> None:
    for url, other in itertools.product(URLS, URLS):
        assert relative_url(url, other) == get_relative_url(url, other), (url, other)
