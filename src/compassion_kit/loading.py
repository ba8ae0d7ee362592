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
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from compassion_kit.errors import ContentError, Location, Problem

MAX_FILE_BYTES = 1_000_000  # the largest bundled item is ~40 kB; this is a guard, not a budget
MAX_DEPTH = 40
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Path_ = tuple[str | int, ...]


class _KitResolver(BaseResolver):
    """YAML 1.2-style scalars: only true/false, plain numbers and null are not text."""


_KitResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_KitResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_KitResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_KitResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _AliasRefused(Exception):
    def __init__(self, node_mark: yaml.Mark, what: str) -> None:
        self.mark = node_mark
        self.what = what


class _KitComposer(Composer):
    """Builds the node tree, refusing aliases/anchors and very deep nesting."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # check_event/peek_event come from the Parser mixed in beside this class.
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            event = self.peek_event()  # type: ignore[attr-defined]
            raise _AliasRefused(event.start_mark, "aliases (*name)")
        event = self.peek_event()  # type: ignore[attr-defined]
        if getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark, "anchors (&name)")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _AliasRefused(event.start_mark, f"lists or blocks nested over {MAX_DEPTH} deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _KitLoader(Reader, Scanner, Parser, _KitComposer, _KitResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _KitComposer.__init__(self)
        _KitResolver.__init__(self)


try:
    from yaml._yaml import CParser  # libyaml, shipped in PyYAML's wheels

    class _FastKitLoader(CParser, _KitComposer, _KitResolver):
        """libyaml scans and parses (about 10x faster); our composer still builds the nodes.

        The composer methods are called explicitly so libyaml's own composer, which would
        accept anchors and aliases, is never used.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _KitComposer.__init__(self)
            _KitResolver.__init__(self)

        def get_single_node(self) -> Node | None:
            return _KitComposer.get_single_node(self)

    FAST_LOADER: type[_FastKitLoader] | None = _FastKitLoader
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
        # Walk up, skipping parts that are not in the file (pydantic adds union tags).
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
    node = _compose(text, shown)
    if not isinstance(node, MappingNode):
        line, col = _mark(node)
        raise ContentError(
            [
                Problem(
                    "the file must be a set of 'key: value' fields at the top level",
                    Location(shown, line, col),
                    hint="start the file with a line such as 'id: my-item'",
                )
            ]
        )
    doc = YamlDocument(shown, None, lines=text.splitlines())
    problems = []
    doc.data = _construct(node, (), doc, problems)
    if problems:
        raise ContentError(problems)
    return doc


def read_yaml_text(text: str, path: Path) -> YamlDocument:
    """Like `read_yaml` for text already in memory (used for inline profiles and tests)."""
    problems = _scan_text(text, path)
    if problems:
        raise ContentError(problems)
    node = _compose(text, path)
    if not isinstance(node, MappingNode):
        raise ContentError([Problem("expected 'key: value' fields", Location(path, 1, 1))])
    doc = YamlDocument(path, None, lines=text.splitlines())
    errs: list[Problem] = []
    doc.data = _construct(node, (), doc, errs)
    if errs:
        raise ContentError(errs)
    return doc


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


def _hidden_comment(node: ScalarNode, doc: YamlDocument, problems: list[Problem]) -> None:
    """Report a plain value followed by ' #word', which YAML silently drops as a comment.

    A real comment has a space after '#'; '#ShowsWorkplaceCompassion' or '#005EB8' straight
    after a value is almost always meant as text.
    """
    # A plain scalar has no style: None from PyYAML's parser, "" from libyaml's.
    if node.style or doc.lines is None:
        return
    mark = node.end_mark
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


def _compose(text: str, shown: Path) -> Node | None:
    loader = FAST_LOADER(text) if FAST_LOADER is not None else _KitLoader(text)
    try:
        node = loader.get_single_node()
    except _AliasRefused as exc:
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
        loader.dispose()
    return node


def _mark(node: Node | None) -> tuple[int, int]:
    if node is None:
        return (1, 1)
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: Node, where: Path_, doc: YamlDocument, problems: list[Problem]) -> Any:
    doc.value_marks[where] = _mark(node)
    if node.tag not in _STANDARD_TAGS:
        line, col = _mark(node)
        problems.append(
            Problem(
                f"the YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                Location(doc.path, line, col),
                hint="remove the '!' tag; kit files hold plain text, numbers and lists only",
            )
        )
        return None
    if isinstance(node, MappingNode):
        return _construct_mapping(node, where, doc, problems)
    if isinstance(node, SequenceNode):
        return [_construct(item, (*where, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    doc.scalars.add(where)
    _hidden_comment(node, doc, problems)
    return _scalar(node)


def _construct_mapping(
    node: MappingNode, where: Path_, doc: YamlDocument, problems: list[Problem]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, col = _mark(key_node)
        if not isinstance(key_node, ScalarNode) or key_node.tag not in _STANDARD_TAGS:
            problems.append(Problem("a key must be a plain word", Location(doc.path, line, col)))
            continue
        key = str(key_node.value)
        if key == "<<":
            problems.append(
                Problem(
                    "YAML merge keys (<<) are not allowed",
                    Location(doc.path, line, col),
                    hint="write the fields out",
                )
            )
            continue
        if key in result:
            first = doc.key_marks[(*where, key)][0]
            problems.append(
                Problem(
                    f"'{key}' appears twice in the same block (first on line {first})",
                    Location(doc.path, line, col),
                    field=".".join(str(p) for p in (*where, key)),
                    hint="keep one of them; YAML would silently use the last",
                )
            )
            continue
        doc.key_marks[(*where, key)] = (line, col)
        result[key] = _construct(value_node, (*where, key), doc, problems)
    return result


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:null":
        return None
    return value


def dump_yaml(data: Any) -> str:
    """Serialise plain data as block-style YAML (for `kit init` and tests)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
