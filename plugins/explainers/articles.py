"""Article readers: .txt, .md (YAML front matter) and saved .html pages.

Each reader turns a file into plain-text blocks (headings and paragraphs)
with stable anchors. Blocks hold text, never markup: the emphasis, http(s)
links and images a .md or .html source gives its text travel beside it as
marks (``model.Mark``), read from HTML that nh3 has already cleaned. Text is
escaped when it is rendered, so no article can inject anything.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from pathlib import Path
from typing import Callable, NamedTuple

import markdown

from .dates import DateError, EventDate
from .htmltext import formatted, html_article
from .model import Article, ArticleMeta, Block, Mark, Problem
from .sanitise import clean_saved_page
from .sources import (
    LineDict,
    check_fields,
    folder_files,
    load_yaml,
    parse_yaml,
    read_text,
    source_files,
    text_field,
    text_list_field,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_FIELDS = ("title", "date", "publisher", "url", "author", "summary", "topics", "licence", "slug")
# Corrections an editor may give in a sidecar; their owners (quotes, mentions) check the details.
CORRECTION_FIELDS = ("quotes", "ignore_aliases")

_CLOSING_PUNCTUATION = tuple('.!?:;,"”’)]…')
_HEADING_MAX = 100
_OPENING_MARKS = tuple("\"“‘'«")
# Control characters are no text and no line break; a line of them alone is a blank line.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")



class RawBlock(NamedTuple):
    """A block as a reader finds it, before anchors are given."""

    kind: str
    text: str
    line: int
    marks: tuple[Mark, ...] = ()
    listed: str = ""


def slugify(text: str) -> str:
    """An ASCII, lowercase, hyphenated slug: "Guaidó’s team" -> "guaidos-team"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_article(path: Path, problems: list[Problem]) -> Article | None:
    """Read one article and its optional sidecar; None if nothing usable is in it."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        problems.append(Problem(str(path), None, f"unknown article type `{path.suffix}`", "use .txt, .md or .html"))
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(str(path), 1, "the article is empty", "paste the article's title and text into it"))
        return None
    meta_fields, raw_blocks = reader(text, str(path), problems)
    sidecar = path.with_suffix(".yml")
    corrections: dict = {}
    if sidecar.exists():
        sidecar_fields, corrections = _read_sidecar(sidecar, problems)
        meta_fields.update(sidecar_fields)
    title = meta_fields.pop("title", "")
    if not title:
        first_heading = next((b for b in raw_blocks if b[0] == "heading"), None)
        title = first_heading[1] if first_heading else ""
    elif raw_blocks and raw_blocks[0][0] == "heading" and raw_blocks[0][1] == title:
        raw_blocks = raw_blocks[1:]
    if not title and raw_blocks:
        title = raw_blocks[0][1][:80]
    if not any(b.kind == "paragraph" for b in raw_blocks):
        problems.append(
            Problem(str(path), None, "the article has no paragraphs", "add the article text below the title")
        )
        return None
    slug = slugify(meta_fields.pop("slug", "") or path.stem) or "article"
    meta = ArticleMeta(title=title, topics=tuple(meta_fields.pop("topics", ())), **meta_fields)
    return Article(
        slug=slug,
        path=str(path),
        meta=meta,
        blocks=_anchor_blocks(raw_blocks),
        corrections=corrections,
        sidecar_path=str(sidecar) if sidecar.exists() else "",
    )


def _anchor_blocks(raw_blocks: list[RawBlock]) -> tuple[Block, ...]:
    # Paragraphs are numbered on their own so that adding or renaming a
    # heading never moves a paragraph anchor that a quote links to.
    blocks = []
    paragraph_count = 0
    heading_slugs: dict[str, int] = {}
    for kind, text, line, marks, listed in raw_blocks:
        if kind == "paragraph":
            paragraph_count += 1
            anchor = f"p-{paragraph_count}"
        else:
            base = "h-" + (slugify(text) or "section")
            heading_slugs[base] = heading_slugs.get(base, 0) + 1
            anchor = base if heading_slugs[base] == 1 else f"{base}-{heading_slugs[base]}"
        block = Block(kind=kind, text=text, anchor=anchor, line=line, marks=marks, listed=listed)  # type: ignore[arg-type]
        blocks.append(block)
    return tuple(blocks)


def _read_sidecar(path: Path, problems: list[Problem]) -> tuple[dict, dict]:
    data = load_yaml(path, problems)
    if data is None:
        return {}, {}
    if not isinstance(data, LineDict):
        problems.append(
            Problem(str(path), 1, "a sidecar must be a mapping of fields", "for example `publisher: Wikinews`")
        )
        return {}, {}
    check_fields(data, str(path), META_FIELDS + CORRECTION_FIELDS, problems, "an article sidecar")
    fields = _meta_fields(data, str(path), problems)
    corrections = {key: data[key] for key in CORRECTION_FIELDS if key in data}
    corrections["_lines"] = {key: data.line_of(key) for key in CORRECTION_FIELDS if key in data}
    return fields, corrections


def _meta_fields(data: LineDict, path: str, problems: list[Problem]) -> dict:
    fields: dict = {}
    for key in META_FIELDS:
        if key not in data:
            continue
        if key == "topics":
            fields[key] = text_list_field(data, key, path, problems)
        else:
            fields[key] = text_field(data, key, path, problems)
    if fields.get("date"):
        try:
            EventDate.parse(fields["date"])  # the timeline's rule, so that an article's date sorts among events
        except DateError as err:
            problems.append(Problem(path, data.line_of("date"), f"bad `date`: {err}", err.hint))
            del fields["date"]
    return fields


# --- .txt -----------------------------------------------------------------


def _looks_like_heading(line: str) -> bool:
    # A line opening with a quotation mark is a pull quote ("…" - Name), not a heading.
    return len(line) <= _HEADING_MAX and not line.endswith(_CLOSING_PUNCTUATION) and not line.startswith(_OPENING_MARKS)


def read_txt(text: str, path: str, problems: list[Problem]) -> tuple[dict, list[RawBlock]]:
    """First non-empty line is the title; short unpunctuated lines are headings.

    One paragraph per line, or, for hard-wrapped files (a line running on
    into a lowercase one), one paragraph per blank-line-separated chunk.
    """
    lines = _CONTROL.sub("", text).split("\n")
    numbered = [(i + 1, line.strip()) for i, line in enumerate(lines)]
    content = [(n, line) for n, line in numbered if line]
    if not content:
        return {}, []
    title_line, title = content[0]
    body = [(n, line) for n, line in numbered if n > title_line]
    blocks: list[RawBlock] = []
    for chunk in _chunks(body) if _is_hard_wrapped(body) else [[item] for item in body if item[1]]:
        first_line = chunk[0][0]
        joined = " ".join(line for _, line in chunk)
        kind = "heading" if len(chunk) == 1 and _looks_like_heading(joined) else "paragraph"
        blocks.append(RawBlock(kind, joined, first_line))
    return {"title": title}, blocks


def _chunks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    chunks: list[list[tuple[int, str]]] = [[]]
    for n, line in lines:
        if line:
            chunks[-1].append((n, line))
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


def _is_hard_wrapped(lines: list[tuple[int, str]]) -> bool:
    return any(
        line and nxt and nxt[0].islower() and not line.endswith(_CLOSING_PUNCTUATION)
        for (_, line), (_, nxt) in pairwise(lines)
    )


# --- .md ------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)]|>)\s+")
_MD_ORDERED = re.compile(r"^\d+[.)]\s+")
# Plain Python-Markdown reads the inline syntax of one block at a time; its
# HTML (raw HTML in the article included) then goes through nh3 like a saved page.
_INLINE_MARKDOWN = markdown.Markdown(extensions=[])


def _md_inline(text: str, base_url: str = "") -> tuple[str, tuple[Mark, ...]]:
    """Inline Markdown to plain text and marks: markers go, words and formatting stay."""
    from bs4 import BeautifulSoup  # BeautifulSoup is only needed for .md and .html articles

    html = _INLINE_MARKDOWN.reset().convert(text)
    soup = BeautifulSoup(clean_saved_page(html), "html.parser")
    return formatted(soup.contents, base_url)


def read_md(text: str, path: str, problems: list[Problem]) -> tuple[dict, list[RawBlock]]:
    """YAML front matter (title, date, publisher, …) then Markdown paragraphs."""
    fields: dict = {}
    body_start = 1
    match = _FRONT_MATTER.match(text)
    if match:
        data = parse_yaml(match.group(1) or "", path, problems, first_line=2)
        if isinstance(data, LineDict):
            check_fields(data, path, META_FIELDS, problems, "front matter")
            fields = _meta_fields(data, path, problems)
        elif data is not None:
            problems.append(Problem(path, 2, "front matter must be a mapping of fields", "for example `title: ...`"))
        body_start = text[: match.end()].count("\n") + 1
        text = text[match.end() :]
    blocks: list[RawBlock] = []
    paragraph: list[tuple[int, str]] = []

    listed = ""

    def flush() -> None:
        if paragraph:
            text, marks = _md_inline("\n".join(t for _, t in paragraph), fields.get("url", ""))
            if text or marks:
                blocks.append(RawBlock("paragraph", text, paragraph[0][0], marks, listed))
            paragraph.clear()

    for offset, raw in enumerate(_CONTROL.sub("", text).split("\n")):
        n = body_start + offset
        line = raw.strip()
        heading = _MD_HEADING.match(line)
        if not line or line.startswith("```"):
            flush()
            listed = ""
        elif heading:
            flush()
            listed = ""
            title, _ = _md_inline(heading.group(2))
            blocks.append(RawBlock("heading", title, n))
        else:
            marker = _MD_LIST_MARKER.match(line)
            if marker:
                flush()
                item = not marker.group().startswith(">")
                listed = ("ol" if _MD_ORDERED.match(line) else "ul") if item else ""
                line = line[marker.end() :]
            paragraph.append((n, line))
    flush()
    return fields, blocks


# --- .html ----------------------------------------------------------------


def read_html(text: str, path: str, problems: list[Problem]) -> tuple[dict, list[RawBlock]]:
    """The main content of a saved web page, with everything executable dropped."""
    fields, blocks = html_article(text)
    return fields, [RawBlock(kind, body, 0, marks, listed) for kind, body, marks, listed in blocks]


_READERS: dict[str, Callable[[str, str, list[Problem]], tuple[dict, list[RawBlock]]]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
}


def stray_files(files: list[Path]) -> list[Problem]:
    """Files an editor put among the articles that nothing will read: say so rather than skip them."""
    article_stems = {p.stem for p in files if p.suffix.lower() in ARTICLE_SUFFIXES}
    problems = []
    for path in (p for p in files if not p.name.startswith(".")):
        suffix = path.suffix.lower()
        if suffix in (".yml", ".yaml") and path.stem not in article_stems:
            problems.append(
                Problem(
                    str(path),
                    None,
                    "this sidecar belongs to no article",
                    "name it after its article: <stem>.yml",
                    severity="warning",
                )
            )
        elif suffix not in (*ARTICLE_SUFFIXES, ".yml", ".yaml"):
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"`{path.name}` is not an article and is left out",
                    "save articles as .txt, .md or .html",
                    severity="warning",
                )
            )
    return problems


def read_articles(folder: Path, problems: list[Problem]) -> list[Article]:
    """Every article in the folder; duplicate slugs are reported and the later one skipped."""
    problems.extend(stray_files(folder_files(folder)))
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in source_files(folder, ARTICLE_SUFFIXES, "an article", problems):
        article = read_article(path, problems)
        if article is None:
            continue
        if article.slug in seen:
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"another article already has the slug `{article.slug}` ({seen[article.slug]})",
                    "rename one of the files or set `slug:` in its sidecar",
                )
            )
            continue
        seen[article.slug] = str(path)
        articles.append(article)
    return articles
