"""Reading editor files: UTF-8 text and YAML that remembers its line numbers.

Every loader in the core goes through here, so that a problem in any editor
file can name the file and the line, and no loader ever shows a traceback.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from pathlib import Path
from typing import Any, Iterable

import yaml

from .model import Problem

# What `explainers new` writes where only an editor knows the words; checks warn until it is replaced.
PLACEHOLDER = "TODO"


class LineDict(dict):
    """A YAML mapping that knows the line of itself and of each key."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows the line of itself and of each item."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records 1-based lines; dates stay strings for us to check."""


# The same loader on libyaml's parser, several times faster: a newsroom's glossary
# runs to thousands of files. Its error messages are terser, so a file it rejects is
# parsed again with the pure-Python loader above to tell the editor what is wrong.
class _FastLineLoader(getattr(yaml, "CSafeLoader", _LineLoader)):  # type: ignore[misc]
    """``_LineLoader`` on libyaml's parser, when PyYAML was built with it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Editors write dates like 2019-01-23; keeping them as text lets the
    # timeline accept partial dates (2019-01) the same way and report bad ones.
    return str(loader.construct_scalar(node))


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a UTF-8 file, or record why it cannot be read and return None."""
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(
            Problem(str(path), 1, f"cannot read the file: {err.strerror or err}", "check that it is a readable file")
        )
        return None
    if b"\0" in data:
        # UTF-8 text never holds a NUL byte; a word-processor file or an image does.
        problems.append(
            Problem(str(path), 1, "this is a binary file, not text", "save it as UTF-8 plain text, or as .html")
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                str(path),
                line,
                f"the file is not UTF-8 (byte 0x{data[err.start]:02x} cannot be decoded)",
                "save it as UTF-8 in your editor",
            )
        )
        return None
    # NFC so that "Guaidó" typed with a combining accent still matches the alias.
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - raises again, with the fuller message


def parse_yaml(text: str, path: str, problems: list[Problem], first_line: int = 1) -> Any:
    """Parse YAML text; on a syntax error record it with its line and return None.

    ``first_line`` is the line of the file where ``text`` starts, for YAML
    front matter embedded in a Markdown article.
    """
    try:
        data = _load_yaml(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        # At the end of the file PyYAML points past the last line; editors look for a line they have.
        last = max(1, len(text.rstrip("\n").split("\n")))
        line = min(mark.line + 1, last) + first_line - 1 if mark else first_line
        problems.append(Problem(path, line, f"this is not valid YAML: {err.problem or err.context}", _yaml_hint(err)))
        return None
    except yaml.YAMLError as err:
        problems.append(Problem(path, first_line, f"this is not valid YAML: {err}"))
        return None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _yaml_hint(err: yaml.MarkedYAMLError) -> str:
    problem = str(err.problem or "")
    if "duplicate key" in problem:
        return "each field may appear once; remove or rename the second one"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be put in quotes"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting on this line and the one before"


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        for value in data:
            _shift_lines(value, offset)


def load_yaml(path: Path, problems: list[Problem]) -> Any:
    """Read and parse a YAML file; None (with a problem recorded) if that fails."""
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, str(path), problems)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean …?" hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def check_fields(
    mapping: LineDict,
    path: str,
    allowed: Iterable[str],
    problems: list[Problem],
    what: str,
) -> None:
    """Report every key of ``mapping`` that is not one of ``allowed``."""
    allowed = list(allowed)
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(key, allowed) or "allowed fields: " + ", ".join(allowed)
            problems.append(Problem(path, mapping.line_of(key), f"unknown field `{key}` in {what}", hint))


def text_field(
    mapping: LineDict,
    key: str,
    path: str,
    problems: list[Problem],
    *,
    required: bool = False,
) -> str:
    """A field that must be a non-empty string (or absent when optional)."""
    value = mapping.get(key)
    if value is None or (required and isinstance(value, str) and not value.strip()):
        if required and key in mapping:
            problems.append(Problem(path, mapping.line_of(key), f"`{key}` is empty", f"write the {key} after `{key}:`"))
        elif required:
            problems.append(Problem(path, mapping.line, f"missing field `{key}`", f"add `{key}: ...`"))
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        hint = f"write the text after `{key}: `, in quotes if it holds `: ` or starts with [ or {{"
        problems.append(
            Problem(path, mapping.line_of(key), f"`{key}` must be a line of text, not {describe(value)}", hint)
        )
        return ""
    return value.strip()


def text_list_field(mapping: LineDict, key: str, path: str, problems: list[Problem]) -> tuple[str, ...]:
    """A field holding a list of strings; a single string is taken as a list of one."""
    value = mapping.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),)
    if not isinstance(value, list):
        problems.append(Problem(path, mapping.line_of(key), f"`{key}` must be a list, not {describe(value)}"))
        return ()
    items = []
    for i, item in enumerate(value):
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            items.append(str(item).strip())
        else:
            line = value.line_of(i) if isinstance(value, LineList) else mapping.line_of(key)
            problems.append(Problem(path, line, f"each item of `{key}` must be text, not {describe(item)}"))
    return tuple(items)


def describe(value: Any) -> str:
    """How a wrong value reads in a problem: "a list", "a mapping", "int 3"."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None or value == "":
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def folder_files(folder: Path) -> list[Path]:
    """The files of a sources folder (links to files included), sorted so that builds are reproducible."""
    return [folder / entry.name for entry in _listing(folder) if _is_file(entry)]


def source_files(folder: Path, suffixes: Iterable[str], what: str, problems: list[Problem]) -> list[Path]:
    """The files of a sources folder named with one of ``suffixes``, sorted.

    An entry named like a source file that is no file (a link in a loop or to
    nothing, a folder) is reported rather than skipped, so that an editor
    whose entry vanished from the site learns why. ``what`` names the file
    for the message: "an article", "a glossary entry".
    """
    wanted = {s.lower() for s in suffixes}
    files = []
    for entry in _listing(folder):
        path = folder / entry.name
        if path.suffix.lower() not in wanted:
            continue
        if _is_file(entry):
            files.append(path)
        elif path.is_dir():
            hint = "move the files in it up into this folder"
            problems.append(Problem(str(path), 1, f"this is a folder, not {what}", hint))
        elif path.is_symlink():
            message = "this link leads to no file: its target is missing, or links lead in a loop"
            problems.append(Problem(str(path), 1, message, "point the link at the file, or replace it with the file"))
        else:
            problems.append(Problem(str(path), 1, "this is not a file that can be read", "save it as a plain file"))
    return files


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    # One listing of the folder: each entry knows whether it is a file without another system call.
    # A folder that vanishes or cannot be listed (mid `mkdocs serve`) holds nothing for this build.
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows links, as reading the file will
    except OSError:
        return False
