"""Plain text for streams that are not terminals, written without importing Rich.

Owns the "is this a terminal?" decision and plain layout; what is said belongs to `console.py`.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from typing import TextIO

# Rich's Text drops bell, backspace, vertical tab, form feed and carriage return; so do we,
# so that a message reads the same in a log file as it did when Rich wrote it.
_DROPPED = dict.fromkeys((7, 8, 11, 12, 13))


def is_terminal(stream: TextIO) -> bool:
    """Whether Rich would treat `stream` as a terminal (colours, progress bar, boxed tables).

    Follows `rich.console.Console.is_terminal`: TTY_COMPATIBLE=1 or 0 decides first, then
    FORCE_COLOR (set and not empty: yes; set but empty: no), then the stream's isatty().
    NO_COLOR and TERM=dumb only change how a terminal is drawn, which Rich still does.
    """
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty(), or closed (e.g. at the end of pytest)
        return False


def line(text: str) -> str:
    """`text` as Rich wrote it to a file: control characters dropped, tabs expanded to 8.

    Tab stops count characters; Rich counts terminal cells, which differs only when a wide
    (e.g. Chinese) character comes before a tab on the same line.
    """
    text = text.translate(_DROPPED)
    return text.expandtabs(8) if "\t" in text else text


def write(stream: TextIO, text: str) -> None:
    """Write `text` and a newline, flushed at once as Rich did, so stderr and stdout interleave."""
    stream.write(line(text) + "\n")
    stream.flush()


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The title, then aligned columns two spaces apart, with a rule of dashes under the headers.

    Each cell stays on one line (Rich folded long cells inside an 80-column box), so `grep`
    finds a whole id or organisation name. No trailing spaces; no final newline.
    """
    grid = [[_one_line(cell) for cell in row] for row in [columns, *rows]]
    widths = [max(_width(row[i]) for row in grid) for i in range(len(columns))]
    grid.insert(1, ["-" * width for width in widths])
    lines = [line(title)]
    for row in grid:
        padded = (
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        )
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _one_line(cell: str) -> str:
    return line(cell).replace("\n", " ")


def _width(text: str) -> int:
    """Terminal cells `text` takes: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )
