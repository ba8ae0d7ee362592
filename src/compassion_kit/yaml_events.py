"""Plain data from PyYAML's parser events, with where every value and key was.

Owns building values event by event and refusing what kit files may not use (anchors, aliases,
tags, merge keys, duplicate keys, deep nesting); reading and decoding files is `loading.py`'s.
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

from compassion_kit.errors import Location, Problem

MAX_DEPTH = 40
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


class Refused(Exception):
    """A YAML feature kit files may not use, at the event that uses it."""

    def __init__(self, node_mark: Any, what: str) -> None:
        self.mark = node_mark
        self.what = what


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


_HIDDEN_COMMENT = re.compile(r"[ \t]+#[A-Za-z0-9]")


def mark(event: Any) -> tuple[int, int]:
    """1-based (line, column) where `event` starts; (1, 1) for no event (an empty file)."""
    if event is None:
        return (1, 1)
    return (event.start_mark.line + 1, event.start_mark.column + 1)


class Builder:
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
        self._doc.value_marks[where] = mark(event)
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
            line, col = mark(event)
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
            line, col = mark(key_event)
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
        Builder(self._parser, scratch, []).value((), depth)


def _refuse(event: Any, depth: int) -> None:
    if isinstance(event, AliasEvent):
        raise Refused(event.start_mark, "aliases (*name)")
    if getattr(event, "anchor", None):
        raise Refused(event.start_mark, "anchors (&name)")
    if depth > MAX_DEPTH:
        raise Refused(event.start_mark, f"lists or blocks nested over {MAX_DEPTH} deep")


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
    line, col = mark(event)
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
    end = event.end_mark
    rest = doc.lines[end.line][end.column :] if end.line < len(doc.lines) else ""
    found = _HIDDEN_COMMENT.match(rest)
    if found:
        column = end.column + found.end() - 1
        problems.append(
            Problem(
                f"'{rest.strip()[:30]}' is read as a comment and lost",
                Location(doc.path, end.line + 1, column),
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
