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


# Below: `kit build`. Typing-only imports; `import compassion_kit.console` stays light.
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from compassion_kit.pack import PackOutcome, PackResult


class PackProgress:
    """Progress of `kit build --orgs`: a Rich bar on a terminal, else one line per organisation.

    Used as a context manager around the build; implements `pack.Progress`.
    """

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._count = 0
        self._total = 0

    def __enter__(self) -> PackProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def start(self, total: int) -> None:
        self._total = total
        if _err.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("building packs"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=_err,
                transient=True,
            )
            self._task = self._bar.add_task("", total=total)
            self._bar.start()

    def done(self, outcome: PackOutcome) -> None:
        self._count += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=escape(outcome.slug))
        if outcome.ok:
            if self._bar is None:
                _err.print(f"[green]✓[/] {self._count}/{self._total} {escape(outcome.slug)}")
            return
        _err.print(
            f"[bold red]✗[/] {self._count}/{self._total} {escape(outcome.slug)} "
            f"({escape(outcome.where)}) failed:"
        )
        for problem in outcome.problems:
            _err.print(f"  {escape(str(problem))}")

    def note(self, message: str) -> None:
        _err.print(escape(message))


def pack_progress() -> PackProgress:
    """A progress reporter for `kit build`; see `PackProgress`."""
    return PackProgress()


def pack_report(result: PackResult, as_json: bool) -> None:
    """What `kit build` made: the manifest as JSON on stdout, or a summary for people."""
    for message in result.warnings:
        warning(message)
    if as_json:
        json_out(result.manifest)
        return
    if not result.batch:
        files = result.manifest["files"]
        success(f"wrote {result.out}: {len(files)} files")
        for entry in files:
            size = entry.get("slides") or entry.get("pages")
            unit = " slides" if "slides" in entry else " pages" if "pages" in entry else ""
            count = f", {size}{unit}" if size else ""
            _err.print(f"  {escape(entry['path'])} ({entry['bytes']:,} bytes{count})")
        return
    grid = Table(title=f"packs in {escape(str(result.out))}", title_justify="left")
    for column in ("organisation", "folder", "status", "files or problem"):
        grid.add_column(column, overflow="fold")
    for outcome in result.outcomes:
        if outcome.ok:
            files = str(len(outcome.manifest["files"])) if outcome.manifest else ""
            grid.add_row(
                escape(outcome.organisation), escape(outcome.slug), "[green]built[/]", files
            )
        else:
            first = outcome.problems[0] if outcome.problems else None
            reason = f"{first.location}: {first.message}" if first else ""
            grid.add_row(escape(outcome.organisation), "", "[red]failed[/]", escape(reason))
    _err.print(grid)
    built = sum(1 for o in result.outcomes if o.ok)
    total = len(result.outcomes)
    message = f"built {built} of {total} packs in {result.out}"
    if built == total:
        success(message)
    else:
        _err.print(f"[bold red]{total - built} failed[/]; {escape(message)}")


# Below: `kit check`.
if TYPE_CHECKING:
    from compassion_kit.check import CheckReport

_CHECK_COLOURS = {"E": "red", "W": "yellow", "T": "cyan"}


def check_report(report: CheckReport, as_json: bool) -> None:
    """`kit check` findings: JSON on stdout, or one line each on stderr and a summary."""
    if as_json:
        json_out(report.as_json())
        return
    for finding in report.findings:
        colour = _CHECK_COLOURS.get(finding.severity, "white")
        name = {"E": "error", "W": "warning", "T": "tip"}.get(finding.severity, finding.severity)
        hint = f" [dim]({escape(finding.hint)})[/]" if finding.hint else ""
        _err.print(
            f"{escape(finding.path)}:{escape(finding.where)}: {finding.code} "
            f"[bold {colour}]{name}[/]: {escape(finding.message)}{hint}"
        )
    errors, warnings, tips = (report.count(s) for s in ("E", "W", "T"))
    files = len(report.files)
    summary = (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
        f"{tips} tip{'s' * (tips != 1)} in {files} file{'s' * (files != 1)}"
    )
    if errors:
        _err.print(f"[bold red]{summary}[/]")
    else:
        success(summary)
