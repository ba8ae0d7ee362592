"""Read YAML safely and remember where every value came from.

Owns parsing only: what a value means is the model's business. Times like 10:30, words
like NO and dates stay text; anchors, aliases, tags and duplicate keys are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from compassion_kit.errors import ContentError, Location, Problem

MAX_FILE_BYTES = 1_000_000  # the largest bundled item is ~40 kB; this is a guard, not a budget
MAX_DEPTH = 40
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}
# YAML 1.2-style plain scalars: only true/false, plain numbers and null are not text, so
# times like 10:30, words like NO and dates stay text.
_PLAIN_TYPES = re.compile(
    r"(?P<bool>true|True|TRUE|false|False|FALSE)"
    r"|(?P<int>[-+]?[0-9]+)"
    r"|(?P<float>[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<null>~|null|Null|NULL|)"
)

Path_ = tuple[str | int, ...]


class _Refused(Exception):
    """A YAML feature kit files may not use, at the event that uses it."""

    def __init__(self, node_mark: Any, what: str) -> None:
        self.mark = node_mark
        self.what = what


class _PureParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python event parser, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:
    # libyaml scans and parses about 10x faster. Only its events are used: values are built
    # by `_Builder` below, never by libyaml's composer, which would accept anchors and aliases.
    from yaml._yaml import CParser as _CParser

    FAST_LOADER: type[_CParser] | None = _CParser
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    FAST_LOADER = None


@dataclass
class YamlDocument:
    """Plain data read from one YAML file, with the position of every value and key."""

    path: Path
    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    scalars: set[Path_] = field(default_factory=set)
    lines: list[str] | None = None

    def locate(self, loc: Path_, *, key: bool = False) -> Location:
        """The best-known position of `loc`: the value, its key, or the nearest parent.

        With `key`, the key itself (for "unknown field" messages).
        """
        # A plain value is pointed at itself; a block (list or mapping) at its key.
        scalar = loc in self.scalars and not key
        order = (self.value_marks, self.key_marks) if scalar else (self.key_marks, self.value_marks)
        for marks in order:
            if loc in marks:
                line, col = marks[loc]
                return Location(self.path, line, col)
        # Walk up to the nearest parent in the file (a missing key has no position of its own).
        for end in range(len(loc) - 1, -1, -1):
            prefix = loc[:end]
            if prefix in self.value_marks:
                line, col = self.value_marks[prefix]
                return Location(self.path, line, col)
        return Location(self.path, 1, 1)


def read_yaml(path: Path, *, display_path: Path | None = None) -> YamlDocument:
    """Read one YAML file into a `YamlDocument` whose top level is a mapping.

    Raises:
        ContentError: the file is missing, not UTF-8 text, too big, empty, not valid YAML, or
            uses a feature the kit refuses. The message names the file and line.
    """
    shown = display_path or path
    text = _read_text(path, shown)
    problems = _scan_text(text, shown)
    if problems:
        raise ContentError(problems)
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        raise ContentError(
            [
                Problem(
                    "the file is empty",
                    Location(shown, 1, 1),
                    hint="add the fields this kind of file needs",
                )
            ]
        )
    return _build(text, shown)


def read_yaml_text(text: str, path: Path) -> YamlDocument:
    """Like `read_yaml` for text already in memory (used for inline profiles and tests)."""
    problems = _scan_text(text, path)
    if problems:
        raise ContentError(problems)
    return _build(text, path)


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in ("---", "...")


def _read_text(path: Path, shown: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(
                [
                    Problem(
                        f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                        Location(shown),
                        hint="split it into smaller items",
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(
            [Problem("no such file", Location(shown), hint="check the spelling and the folder")]
        ) from None
    except IsADirectoryError:
        raise ContentError(
            [Problem("this is a folder, not a YAML file", Location(shown))]
        ) from None
    except OSError as exc:
        raise ContentError(
            [Problem(f"cannot read the file ({exc.strerror})", Location(shown))]
        ) from None
    if b"\x00" in raw[:8192]:
        raise ContentError(
            [
                Problem(
                    "this is a binary file, not YAML text",
                    Location(shown, 1, 1),
                    hint="point the kit at a .yaml file saved as plain text",
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError(
            [
                Problem(
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read)",
                    Location(shown, line, col),
                    hint="save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                )
            ]
        ) from None


def _scan_text(text: str, shown: Path) -> list[Problem]:
    """Problems PyYAML reports badly or not at all: control characters and tab indents."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = _CONTROL.search(line)
        if found:
            problems.append(
                Problem(
                    f"invalid control character U+{ord(found.group()):04X} in the text",
                    Location(shown, number, found.start() + 1),
                    hint="delete it; it is often pasted in by accident from another program",
                )
            )
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            problems.append(
                Problem(
                    "the line is indented with a tab; YAML needs spaces",
                    Location(shown, number, indent.index("\t") + 1),
                    hint="replace the tab with spaces (two per level is usual)",
                )
            )
    return problems


_HIDDEN_COMMENT = re.compile(r"[ \t]+#[A-Za-z0-9]")


def _build(text: str, shown: Path) -> YamlDocument:
    """Parse `text` into a document whose top level is a mapping, or raise every problem."""
    doc = YamlDocument(shown, None, lines=text.splitlines())
    problems: list[Problem] = []
    parser = FAST_LOADER(text) if FAST_LOADER is not None else _PureParser(text)
    try:
        doc.data, root = _Builder(parser, doc, problems).document()
    except _Refused as exc:
        raise ContentError(
            [
                Problem(
                    f"YAML {exc.what}: not allowed in kit files",
                    Location(shown, exc.mark.line + 1, exc.mark.column + 1),
                    hint="write the value out in full",
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        what = (exc.problem or "invalid YAML").rstrip(".")
        raise ContentError(
            [
                Problem(
                    f"the YAML cannot be read: {what}",
                    loc,
                    hint="check indentation, colons and quotes on this line and the one above; "
                    "text containing ': ' or starting with a symbol needs quotes",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(f"the YAML cannot be read: {exc}", Location(shown))]) from None
    finally:
        parser.dispose()
    if not isinstance(root, MappingStartEvent):
        line, col = _mark(root)
        raise ContentError(
            [
                Problem(
                    "the file must be a set of 'key: value' fields at the top level",
                    Location(shown, line, col),
                    hint="start the file with a line such as 'id: my-item'",
                )
            ]
        )
    if problems:
        raise ContentError(problems)
    return doc


def _mark(event: Any) -> tuple[int, int]:
    if event is None:
        return (1, 1)
    return (event.start_mark.line + 1, event.start_mark.column + 1)


class _Builder:
    """Builds plain data straight from parser events, recording where each value and key
    is, and refusing aliases, anchors, odd tags, merge keys, duplicate keys and deep nesting.

    One pass over the events: a node tree first (PyYAML's composer) costs twice the time.
    """

    def __init__(self, parser: Any, doc: YamlDocument, problems: list[Problem]) -> None:
        self._parser = parser
        self._doc = doc
        self._problems = problems

    def document(self) -> tuple[Any, Any]:
        """The single document's data and its first event (None for an empty stream)."""
        parser = self._parser
        parser.get_event()  # stream start
        if parser.check_event(StreamEndEvent):
            return None, None
        parser.get_event()  # document start
        root = parser.peek_event()
        data = self.value((), 1)
        parser.get_event()  # document end
        if not parser.check_event(StreamEndEvent):
            extra = parser.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                root.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return data, root

    def value(self, where: Path_, depth: int) -> Any:
        event = self._parser.get_event()
        _refuse(event, depth)
        self._doc.value_marks[where] = _mark(event)
        tag = _tag(event)
        if isinstance(event, ScalarEvent):
            value = self._scalar(event, where, tag)
        elif isinstance(event, SequenceStartEvent):
            value = []
            while not self._parser.check_event(SequenceEndEvent):
                value.append(self.value((*where, len(value)), depth + 1))
            self._parser.get_event()
        else:
            value = self._mapping(where, depth)
        if tag not in _STANDARD_TAGS:
            line, col = _mark(event)
            self._problems.append(
                Problem(
                    f"the YAML tag '{tag.replace(_TAG, '!!')}' is not allowed",
                    Location(self._doc.path, line, col),
                    hint="remove the '!' tag; kit files hold plain text, numbers and lists only",
                )
            )
            return None
        return value

    def _scalar(self, event: Any, where: Path_, tag: str) -> Any:
        self._doc.scalars.add(where)
        _hidden_comment(event, self._doc, self._problems)
        return _typed(event.value, tag)

    def _mapping(self, where: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        parser = self._parser
        while not parser.check_event(MappingEndEvent):
            key_event = parser.peek_event()
            line, col = _mark(key_event)
            problem = _key_problem(key_event, result, where, self._doc)
            if problem is not None:
                self._problems.append(problem)
                self._skip(depth + 1)  # the key
                self._skip(depth + 1)  # its value
                continue
            parser.get_event()
            _refuse(key_event, depth + 1)
            key = str(key_event.value)
            self._doc.key_marks[(*where, key)] = (line, col)
            result[key] = self.value((*where, key), depth + 1)
        parser.get_event()
        return result

    def _skip(self, depth: int) -> None:
        """Read past one node (still refusing aliases and anchors), keeping nothing."""
        scratch = YamlDocument(self._doc.path, None)
        _Builder(self._parser, scratch, []).value((), depth)


def _refuse(event: Any, depth: int) -> None:
    if isinstance(event, AliasEvent):
        raise _Refused(event.start_mark, "aliases (*name)")
    if getattr(event, "anchor", None):
        raise _Refused(event.start_mark, "anchors (&name)")
    if depth > MAX_DEPTH:
        raise _Refused(event.start_mark, f"lists or blocks nested over {MAX_DEPTH} deep")


def _tag(event: Any) -> str:
    """The resolved tag: an explicit one as given, else what a plain value looks like."""
    tag: str | None = event.tag
    if tag is not None and tag != "!":
        return tag
    if isinstance(event, SequenceStartEvent):
        return _TAG + "seq"
    if isinstance(event, MappingStartEvent):
        return _TAG + "map"
    if not event.implicit[0]:  # quoted: always text
        return _TAG + "str"
    found = _PLAIN_TYPES.fullmatch(event.value)
    return _TAG + (found.lastgroup or "str") if found else _TAG + "str"


def _key_problem(
    event: Any, result: dict[str, Any], where: Path_, doc: YamlDocument
) -> Problem | None:
    line, col = _mark(event)
    if not isinstance(event, ScalarEvent) or _tag(event) not in _STANDARD_TAGS:
        return Problem("a key must be a plain word", Location(doc.path, line, col))
    key = str(event.value)
    if key == "<<":
        return Problem(
            "YAML merge keys (<<) are not allowed",
            Location(doc.path, line, col),
            hint="write the fields out",
        )
    if key in result:
        first = doc.key_marks[(*where, key)][0]
        return Problem(
            f"'{key}' appears twice in the same block (first on line {first})",
            Location(doc.path, line, col),
            field=".".join(str(p) for p in (*where, key)),
            hint="keep one of them; YAML would silently use the last",
        )
    return None


def _hidden_comment(event: Any, doc: YamlDocument, problems: list[Problem]) -> None:
    """Report a plain value followed by ' #word', which YAML silently drops as a comment.

    A real comment has a space after '#'; '#ShowsWorkplaceCompassion' or '#005EB8' straight
    after a value is almost always meant as text.
    """
    # A plain scalar has no style: None from PyYAML's parser, "" from libyaml's.
    if event.style or doc.lines is None:
        return
    mark = event.end_mark
    rest = doc.lines[mark.line][mark.column :] if mark.line < len(doc.lines) else ""
    found = _HIDDEN_COMMENT.match(rest)
    if found:
        column = mark.column + found.end() - 1
        problems.append(
            Problem(
                f"'{rest.strip()[:30]}' is read as a comment and lost",
                Location(doc.path, mark.line + 1, column),
                hint='put the whole value in quotes, e.g. "#005EB8" or "Tweet #OurTag"',
            )
        )


def _typed(value: str, tag: str) -> Any:
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        try:
            return int(value)
        except ValueError:
            return value
    if tag == _TAG + "float":
        try:
            return float(value)
        except ValueError:
            return value
    if tag == _TAG + "null":
        return None
    return value
