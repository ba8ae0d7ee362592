"""Everything the kit prints: problems and progress on stderr, machine output on stdout.

Owns the terminal; nothing else in the kit prints.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from compassion_kit.errors import Problem

_err = Console(stderr=True, highlight=False, soft_wrap=True)
_out = Console(highlight=False, soft_wrap=True)


def problems(found: Sequence[Problem]) -> None:
    """Print each problem as `path:line:col: error: field: message`, then a count."""
    for problem in found:
        colour = "red" if problem.severity == "error" else "yellow"
        where = escape(str(problem.location))
        what = escape(f"{problem.field}: {problem.message}" if problem.field else problem.message)
        _err.print(f"{where}: [bold {colour}]{problem.severity}[/]: {what}")
        if problem.hint:
            _err.print(f"  [dim]hint:[/] {escape(problem.hint)}")
    errors = sum(1 for p in found if p.severity == "error")
    if errors:
        _err.print(
            f"[bold red]{errors} problem{'s' if errors != 1 else ''} found[/]; nothing was written."
        )


def bug(exc: BaseException) -> None:
    """The short message for an unexpected error (the traceback is shown with --debug)."""
    _err.print(
        f"[bold red]internal error:[/] {escape(type(exc).__name__)}: {escape(str(exc))}\n"
        "This is a bug in compassion-kit, not in your files. Please report it with the "
        "command you ran; add --debug to see the details."
    )


def info(message: str) -> None:
    """A line of progress or a result, for people (stderr)."""
    _err.print(escape(message))


def success(message: str) -> None:
    _err.print(f"[green]✓[/] {escape(message)}")


def warning(message: str) -> None:
    _err.print(f"[yellow]warning:[/] {escape(message)}")


def json_out(data: Any) -> None:
    """Machine-readable output on stdout, nothing else mixed in."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def text_out(text: str) -> None:
    """Plain text on stdout (e.g. Markdown agendas), exactly as given."""
    sys.stdout.write(text)
    sys.stdout.flush()


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table for people; printed to stdout so it can be piped to a pager."""
    grid = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*(escape(cell) for cell in row))
    _out.print(grid)


def markdown_outline(text: str) -> None:
    """An outline for `kit show`, on stdout."""
    _out.print(escape(text))
