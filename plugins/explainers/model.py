"""The newsroom's model: plain frozen dataclasses shared by every module.

Nothing here imports mkdocs or markdown; the core takes and returns these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

# "info" is for things worth knowing that need no fix (an alias two actors share).
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with editor data, located so an editor can fix it."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line or 1}"  # editors and their tools expect path:line, always
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class EditorDataError(Exception):
    """Raised by the command line and plugin when problems must stop the work."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


ActorKind = Literal["person", "organization", "country", "place", "group", "event", "concept"]
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "place", "group", "event", "concept")


@dataclass(frozen=True)
class Actor:
    """A glossary entry: a person, organisation, country … that articles mention."""

    id: str
    name: str
    kind: str
    summary: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    links: tuple[tuple[str, str], ...] = ()
    as_of: str = ""
    path: str = ""
    line: int = 1

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that refers to this actor, the full name first."""
        return (self.name, *(a for a in self.aliases if a != self.name))


BlockKind = Literal["heading", "paragraph"]
MarkKind = Literal["em", "strong", "link", "image"]


@dataclass(frozen=True, slots=True)  # a newsroom holds tens of thousands
class Mark:
    """Formatting a source gave to part of a block's text: ``text[start:end]``.

    Marks sit beside the plain text instead of inside it, so quotes, dates
    and mentions are found in plain text while the page keeps the source's
    emphasis, links and images. ``url`` is an http(s) address checked by the
    reader; an image is a point (``start == end``) with ``alt`` text.
    """

    start: int
    end: int
    kind: MarkKind
    url: str = ""
    alt: str = ""


@dataclass(frozen=True, slots=True)  # a newsroom holds tens of thousands
class Block:
    """One heading or paragraph of an article, with its stable anchor.

    ``text`` is plain text: every word of the source, no markup. ``listed``
    is "ul" or "ol" when the paragraph is an item of a list in the source.
    """

    kind: BlockKind
    text: str
    anchor: str
    line: int = 0
    marks: tuple[Mark, ...] = ()
    listed: str = ""


@dataclass(frozen=True)
class ArticleMeta:
    """What an article says about itself: front matter or sidecar fields."""

    title: str = ""
    date: str = ""
    publisher: str = ""
    url: str = ""
    author: str = ""
    summary: str = ""
    topics: tuple[str, ...] = ()
    licence: str = ""


@dataclass(frozen=True)
class Article:
    """A source article, read and split into blocks."""

    slug: str
    path: str
    meta: ArticleMeta
    blocks: tuple[Block, ...]
    # Editor corrections from the sidecar, kept raw for the modules that own them
    # (quotes, ignored aliases); each knows how to validate its own part.
    corrections: dict = field(default_factory=dict, compare=False, hash=False)
    sidecar_path: str = ""

    @property
    def title(self) -> str:
        return self.meta.title or self.slug

    @cached_property  # asked for once per paragraph by some readers: filter the blocks once
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "paragraph")


@dataclass(frozen=True, slots=True)  # a newsroom holds tens of thousands
class Mention:
    """An alias of an actor found in a text, as character offsets.

    ``link`` is false for later mentions of an actor already linked on the
    page: they carry the tooltip but not another link.
    """

    start: int
    end: int
    actor_id: str
    alias: str
    link: bool = True


@dataclass(frozen=True, slots=True)  # a newsroom holds tens of thousands
class Quote:
    """A direct quote found in (or added to) an article."""

    text: str
    speaker: str | None
    actor_id: str | None
    role: str | None
    cue: str | None
    article: str  # article slug
    paragraph: str  # paragraph anchor
    start: int = -1  # offsets of ``text`` in the paragraph; -1 when added by an editor
    end: int = -1
    id: str = ""  # anchor of the quote in the explainer, e.g. "q-3"
