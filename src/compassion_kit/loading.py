"""Read YAML files safely: bounded reading, decoding, and the checks PyYAML reports badly.

Owns turning a file into a `YamlDocument` (values with their positions); the values are built
from parser events by `yaml_events.py`, and what they mean is the model's business.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import yaml
from yaml.events import MappingStartEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import KINDS, read_input
from compassion_kit.yaml_events import MAX_DEPTH, Builder, Path_, Refused, YamlDocument, mark

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Path_", "YamlDocument", "read_yaml", "read_yaml_text"]

MAX_FILE_BYTES = KINDS["yaml"].limit
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class _PureParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python event parser, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:
    # libyaml scans and parses about 10x faster. Only its events are used: values are built
    # by `yaml_events.Builder`, never by libyaml's composer, which would accept anchors and aliases.
    from yaml._yaml import CParser as _CParser

    FAST_LOADER: type[_CParser] | None = _CParser
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    FAST_LOADER = None


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
    raw = read_input(path, "yaml", shown=shown)
    if raw.startswith(_UTF16_BOMS) or _looks_utf16(raw):
        raise ContentError(
            [
                Problem(
                    "the file is saved as UTF-16 text; the kit reads UTF-8",
                    Location(shown, 1, 1),
                    hint="save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                )
            ]
        )
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


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of plain text is zero."""
    head = raw[:64]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


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


def _build(text: str, shown: Path) -> YamlDocument:
    """Parse `text` into a document whose top level is a mapping, or raise every problem."""
    doc = YamlDocument(shown, None, lines=text.splitlines())
    problems: list[Problem] = []
    parser = FAST_LOADER(text) if FAST_LOADER is not None else _PureParser(text)
    try:
        doc.data, root = Builder(parser, doc, problems).document()
    except Refused as exc:
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
        at = exc.problem_mark or exc.context_mark
        loc = Location(shown, at.line + 1, at.column + 1) if at else Location(shown)
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
        line, col = mark(root)
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
