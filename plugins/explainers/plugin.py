"""The MkDocs plugin: wires MkDocs events to the core, and nothing more.

It reads ``sources/`` once per build, generates the explainer, actor and
index pages in memory, hands the Markdown extension what it needs per page,
and turns the core's problems into log records (``--strict`` fails on them).
"""

from __future__ import annotations

import json
import os
import re
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .data import site_data
from .entry_cache import EntryCache
from .extension import ExplainersExtension, PageContext
from .model import Problem
from .newsroom import Newsroom, load_newsroom
from .reading import ReadingDesk
from .render import hold_places, put_back, restore_html, split_for_search, template_title
from .sitemap import GeneratedPage, generated_pages
from .timeline import BACKGROUND_EVENTS

log = get_plugin_logger(__name__)
CSS_URI = "assets/explainers.css"


class ExplainersConfig(base.Config):
    sources = c.Type(str, default="sources")
    """Folder with articles/, glossary/ and timeline/, relative to mkdocs.yml."""
    link_all = c.Type(bool, default=False)
    """Link every mention of an actor, not only the first one on a page."""
    link_docs = c.Type(bool, default=True)
    """Link mentions on the hand-written pages in docs/ too."""
    background_events = c.Type(int, default=BACKGROUND_EVENTS)
    """Most curated events in an explainer's background, the most relevant kept; 0 for all."""
    workers = c.Type(int, default=0)
    """Processes that read quotes and dates in a large newsroom; 0 uses every core, 1 none but MkDocs' own."""
    cache = c.Type(bool, default=True)
    """Keep parsed glossary entries in .cache/explainers/ next to mkdocs.yml, for the next build."""


class ExplainersPlugin(BasePlugin[ExplainersConfig]):
    """Turns ``sources/`` into explainer, actor, quote and timeline pages."""

    def __init__(self) -> None:
        self.desk: ReadingDesk | None = None  # kept across `mkdocs serve` rebuilds (see on_startup)
        self.extension: ExplainersExtension | None = None
        self.newsroom: Newsroom | None = None
        self.generated: dict[str, GeneratedPage] = {}  # pages to write, until every page is read
        self.written: set[str] = set()  # generated pages written, waiting for their HTML
        self.previewing = False  # under `mkdocs serve`
        self.set_aside: dict[str, dict[str, str]] = {}  # per page: HTML blocks kept out of Markdown
        self.held_back: dict[str, bytes] = {}  # per page: blocks put back when it is written
        self.url_of: Callable[[str, str], str] | None = None  # set once the site's files are known
        self.sources = Path("sources")
        self._reported: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this plugin object across the rebuilds
        # of `mkdocs serve`, and with it the desk's memory of each article's quotes.
        self.desk = None
        self.previewing = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Everything but the desk belongs to one build: a rebuild starts afresh.
        self.extension, self.newsroom, self.generated, self.set_aside, self.held_back = None, None, {}, {}, {}
        self.written = set()
        self._reported = set()
        if self.desk is None or self.desk.requested != self.config.workers:
            self.desk = ReadingDesk(self.config.workers)
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.sources = _as_editors_see_it((config_dir / self.config.sources).resolve())
        if not self.sources.is_dir():
            raise PluginError(
                f"explainers: the sources folder {self.sources} does not exist "
                "(create it with articles/, glossary/ and timeline/, or set `sources:` for the plugin)"
            )
        self.newsroom, problems = load_newsroom(
            self.sources,
            link_all=self.config.link_all,
            desk=self.desk,
            background_events=self.config.background_events,
            cache=self._entry_cache(config_dir),
        )
        self._report(problems)
        if not self.previewing:
            self.desk = None  # what it remembers only pays off in a later rebuild
        self.extension = ExplainersExtension(
            actors=list(self.newsroom.actors.values()), matcher=self.newsroom.matcher, link_all=self.config.link_all
        )
        config.markdown_extensions.append(self.extension)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # paragraph anchors: "{: #p-3 }"
        config.extra_css.append(CSS_URI)
        return config

    def _entry_cache(self, config_dir: Path) -> EntryCache | None:
        if not self.config.cache:
            return None
        # Where Material's own plugins keep theirs: .cache/ next to mkdocs.yml.
        return EntryCache(config_dir / ".cache" / "explainers", self.sources / "glossary")

    @event_priority(50)  # early, so that search, tags and other plugins see the generated pages
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.newsroom is not None
        docs_dir = Path(config.docs_dir).resolve()
        has_home = files.get_file_from_path("index.md") is not None
        pages = generated_pages(
            self.newsroom,
            with_home=not has_home,
            site_name=config.site_name,
            named_elsewhere=self._named_on_hand_written_pages(files),
        )
        self.generated = {}
        for page in pages:
            if files.get_file_from_path(page.uri) is not None:
                log.warning(f"docs/{page.uri} hides the generated page of the same name; rename one of them")
                continue
            inclusion = InclusionLevel.NOT_IN_NAV if page.hidden else InclusionLevel.UNDEFINED
            file = File.generated(config, page.uri, content="", inclusion=inclusion)
            if page.source:
                file.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(file)
            self.generated[page.uri] = page
        # Each generated page is written when MkDocs reads it (on_page_markdown), not all of them
        # here: MkDocs already holds every page's Markdown and HTML until the build ends.
        self.url_of = _url_of(files)
        files.append(File.generated(config, CSS_URI, content=_stylesheet()))
        # Compact and ASCII (non-ASCII as \u escapes): the exports of a newsroom run to megabytes,
        # held in memory until written, and an ASCII string takes one byte a character.
        for name, data in site_data(self.newsroom).items():
            files.append(
                File.generated(config, f"data/{name}.json", content=json.dumps(data, separators=(",", ":")))
            )
        return files

    def _named_on_hand_written_pages(self, files: Files) -> set[str]:
        """Actors the pages in docs/ may link to, so that each has a page to link to."""
        assert self.newsroom is not None
        if not self.config.link_docs:
            return set()
        owners = self.newsroom.matcher.owners
        return {
            actor_id
            for file in files.documentation_pages()
            for _, _, alias in self.newsroom.matcher.scan(file.content_string)
            for actor_id in owners[alias]  # every owner of a shared alias: the linker picks one later
        }

    @event_priority(100)  # first, so that other plugins see a generated page's Markdown
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            self.extension.page = PageContext(uri=page.file.src_uri, link=self.config.link_docs)
        else:
            assert self.url_of is not None
            markdown, self.set_aside[page.file.src_uri] = generated.render(self.url_of)
            self.written.add(page.file.src_uri)
            self.extension.page = PageContext(
                uri=page.file.src_uri, own_actor=generated.actor, ignore=generated.ignore, untrusted=True
            )
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        if page.file.src_uri in self.written:
            # Material prints meta.title as it is and page.title through `striptags`, which
            # unescapes: a title from a source must reach the templates as escaped text.
            page.meta["title"] = template_title(page.title or "")
            # MkDocs keeps every page's Markdown and HTML until the build ends; a generated page's
            # Markdown is ours and no longer needed, and for a newsroom it is tens of megabytes.
            page.markdown = ""
            now, later = split_for_search(self.set_aside.pop(page.file.src_uri, {}))
            if later:
                # Held compressed until the page is written: a tenth of the memory, for microseconds.
                self.held_back[page.file.src_uri] = zlib.compress(json.dumps(later).encode("utf-8"))
            return hold_places(restore_html(html, now), later)
        # A hand-written page (explainers were checked when the sources were read).
        self._report(
            [
                Problem(
                    str(_as_editors_see_it(Path(config.docs_dir) / page.file.src_uri)),
                    _first_line_with(page.file.content_string, alias),
                    f"`{alias}` names several actors and no full name comes before it; left unlinked",
                    "write the full name earlier on the page",
                    severity="warning",
                )
                for alias in dict.fromkeys(self.extension.page.unresolved)
            ]
        )
        return html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page's Markdown is written by now (MkDocs reads them all before it renders
        # templates): the newsroom can go before the templates and the search index need memory.
        self.newsroom, self.generated = None, {}
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.written:
            # Search has read it and the template has printed it: MkDocs would keep a generated
            # page's HTML until the build ends, and a newsroom's runs to tens of megabytes.
            page.content = None
        held = self.held_back.pop(page.file.src_uri, None)
        return put_back(output, json.loads(zlib.decompress(held))) if held else output

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable) -> Any:
        server.watch(str(self.sources))
        return server

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            text = str(problem)
            if text in self._reported:
                continue
            self._reported.add(text)
            if problem.severity == "info":
                log.info(text)
            else:
                log.warning(text)


def _first_line_with(markdown: str, word: str) -> int:
    """The line of a source where a word first stands, for the editor's message (1 if nowhere)."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", markdown)
    return markdown.count("\n", 0, found.start()) + 1 if found else 1


def _as_editors_see_it(path: Path) -> Path:
    """The path relative to the working folder when inside it: problems then read "sources/…:3"."""
    relative = Path(os.path.relpath(path))
    return path if relative.parts[:1] == ("..",) else relative


def _url_of(files: Files) -> Callable[[str, str], str]:
    # Looked up once per page: Files.get_file_from_path builds a PurePath on every call.
    urls = {file.src_uri: file.url for file in files}

    def url_of(from_uri: str, to_uri: str) -> str:
        if from_uri not in urls or to_uri not in urls:
            raise KeyError(f"no page {to_uri if to_uri not in urls else from_uri} in the site")
        return relative_url(urls[to_uri], urls[from_uri])

    return url_of


def relative_url(url: str, other: str) -> str:
    """``mkdocs.utils.get_relative_url`` for the normalised URLs of built pages.

    Generated pages hold tens of thousands of links; splitting each page's
    own URL once instead of once per link keeps link-writing out of the profile.
    """
    other_parts = _folder_parts(other)
    dest_parts = _url_parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):  # noqa: B905 - stops at the shorter one on purpose
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + list(dest_parts[common:])) or "."
    return relative + "/" if url.endswith("/") else relative


@lru_cache(maxsize=4096)
def _folder_parts(url: str) -> tuple[str, ...]:
    folder, _, name = url.rpartition("/")
    return _url_parts(folder if "." in name else url)


@lru_cache(maxsize=65536)
def _url_parts(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part and part != ".")


def _stylesheet() -> str:
    return resources.files("explainers").joinpath("assets/explainers.css").read_text(encoding="utf-8")
