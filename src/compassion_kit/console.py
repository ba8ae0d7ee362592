"""Everything the kit prints: problems and progress on stderr, machine output on stdout.

Owns the terminal; nothing else in the kit prints. Rich draws every message and table: in
colour with a progress bar and boxed tables on a terminal, as plain lines and columns when
the output goes to a file, a pipe or a CI log (Rich decides which, from the stream and from
FORCE_COLOR, NO_COLOR and TTY_COMPATIBLE).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from compassion_kit.errors import Problem

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from compassion_kit.check import CheckReport
    from compassion_kit.feedback import FeedbackResult
    from compassion_kit.pack import PackOutcome, PackResult

# Part of a message: plain text, or text and a Rich style such as ("error", "bold red").
# Text is never read as Rich markup, so brackets in paths and messages need no escaping.
Piece: TypeAlias = str | tuple[str, str]

# Plain output is never wrapped or cut: a path or an id stays whole on its line for grep.
_PLAIN_WIDTH = 100_000

# Rich is imported when something is printed, not when the kit starts (`kit --help` never
# needs it). One console per stream; it looks the stream up on every call, since tests and
# Rich's own progress bar replace sys.stderr.
_consoles: dict[bool, Console] = {}


def _console(stdout: bool = False) -> Console:
    """The console for stdout or stderr: the terminal's, or a plain one for files and pipes."""
    if stdout not in _consoles:
        from rich.console import Console

        _consoles[stdout] = Console(stderr=not stdout, highlight=False, soft_wrap=True)
    terminal = _consoles[stdout]
    if terminal.is_terminal:
        return terminal
    from rich.console import Console

    stream = sys.stdout if stdout else sys.stderr
    return Console(
        file=stream, highlight=False, soft_wrap=True, color_system=None, width=_PLAIN_WIDTH
    )


def _styled(pieces: Sequence[Piece]) -> Text:
    from rich.text import Text

    return Text.assemble(*pieces)


def _say(*pieces: Piece, stdout: bool = False) -> None:
    """Print one message (newlines in it start new lines), on stderr unless `stdout`."""
    _console(stdout).print(_styled(pieces))


def _table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[Piece]], stdout: bool
) -> None:
    """A boxed table on a terminal; elsewhere the title, then columns two spaces apart.

    Plain cells stay on one line (newlines become spaces) so that `grep` finds whole rows.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = _console(stdout)
    plain = not out.is_terminal
    grid = Table(
        title=Text(title, style="table.title"),
        title_justify="left",
        box=None if plain else box.HEAVY_HEAD,
        pad_edge=not plain,
        show_edge=not plain,
    )
    for column in columns:
        grid.add_column(Text(column), overflow="fold", no_wrap=plain)
    for row in rows:
        cells = (_styled([cell]) for cell in row)
        grid.add_row(*(Text(" ").join(c.split()) if plain else c for c in cells))
    if not plain:
        out.print(grid)
        return
    # Rich pads every cell to its column's width; the last column's padding is dropped.
    with out.capture() as captured:
        out.print(grid)
    out.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    out.file.flush()


def problems(found: Sequence[Problem]) -> None:
    """Print each problem as `path:line:col: error: field: message`, then a count."""
    for problem in found:
        colour = "red" if problem.severity == "error" else "yellow"
        what = f"{problem.field}: {problem.message}" if problem.field else problem.message
        _say(f"{problem.location}: ", (problem.severity, f"bold {colour}"), f": {what}")
        if problem.hint:
            _say("  ", ("hint:", "dim"), f" {problem.hint}")
    errors = sum(1 for p in found if p.severity == "error")
    if errors:
        count = f"{errors} problem{'s' if errors != 1 else ''} found"
        _say((count, "bold red"), "; nothing was written.")


def bug(exc: BaseException) -> None:
    """The short message for an unexpected error (the traceback is shown with --debug)."""
    _say(
        ("internal error:", "bold red"),
        f" {type(exc).__name__}: {exc}\n"
        "This is a bug in compassion-kit, not in your files. Please report it with the "
        "command you ran; add --debug to see the details.",
    )


def info(message: str) -> None:
    """A line of progress or a result, for people (stderr)."""
    _say(message)


def success(message: str) -> None:
    _say(("✓", "green"), f" {message}")


def warning(message: str) -> None:
    _say(("warning:", "yellow"), f" {message}")


def json_out(data: Any) -> None:
    """Machine-readable output on stdout, nothing else mixed in."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def text_out(text: str) -> None:
    """Plain text on stdout (e.g. Markdown agendas), exactly as given."""
    sys.stdout.write(text)
    sys.stdout.flush()


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table for people on stdout (so it can be piped to a pager or grep); see `_table`."""
    _table(title, columns, rows, stdout=True)


def markdown_outline(text: str) -> None:
    """An outline for `kit show`, on stdout."""
    _say(text, stdout=True)


# Below: `kit build`.


class PackProgress:
    """Progress of `kit build --orgs`: a Rich bar on a terminal, else one line per organisation.

    Used as a context manager around the build; implements `pack.Progress`.
    """

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None
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
        out = _console()
        if out.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("building packs"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}", markup=False),
                console=out,
                transient=True,
            )
            self._task = self._bar.add_task("", total=total)
            self._bar.start()

    def done(self, outcome: PackOutcome) -> None:
        self._count += 1
        counted = f" {self._count}/{self._total} {outcome.slug}"
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=outcome.slug)
        if outcome.ok:
            if self._bar is None:
                _say(("✓", "green"), counted)
            return
        _say(("✗", "bold red"), f"{counted} ({outcome.where}) failed:")
        for problem in outcome.problems:
            _say(f"  {problem}")

    def note(self, message: str) -> None:
        _say(message)


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
            unit = "slide" if "slides" in entry else "page"
            size = entry.get(f"{unit}s")
            count = f", {size} {unit}{'s' * (size != 1)}" if size else ""
            _say(f"  {entry['path']} ({entry['bytes']:,} bytes{count})")
        return
    rows: list[list[Piece]] = []
    for outcome in result.outcomes:
        if outcome.ok:
            files = str(len(outcome.manifest["files"])) if outcome.manifest else ""
            rows.append([outcome.organisation, outcome.slug, ("built", "green"), files])
        else:
            first = outcome.problems[0] if outcome.problems else None
            reason = f"{first.location}: {first.message}" if first else ""
            rows.append([outcome.organisation, "", ("failed", "red"), reason])
    columns = ("organisation", "folder", "status", "files or problem")
    _table(f"packs in {result.out}", columns, rows, stdout=False)
    built = sum(1 for o in result.outcomes if o.ok)
    total = len(result.outcomes)
    message = f"built {built} of {total} packs in {result.out}"
    if built == total:
        success(message)
    else:
        _say((f"{total - built} failed", "bold red"), f"; {message}")


# Below: `kit check`.

_CHECK_LOOKS = {"E": ("error", "red"), "W": ("warning", "yellow"), "T": ("tip", "cyan")}


def check_report(report: CheckReport, as_json: bool) -> None:
    """`kit check` findings: JSON on stdout, or one line each on stderr and a summary."""
    if as_json:
        json_out(report.as_json())
        return
    for finding in report.findings:
        name, colour = _CHECK_LOOKS.get(finding.severity, (finding.severity, "white"))
        hint: list[Piece] = [" ", (f"({finding.hint})", "dim")] if finding.hint else []
        _say(
            f"{finding.path}:{finding.where}: {finding.code} ",
            (name, f"bold {colour}"),
            f": {finding.message}",
            *hint,
        )
    errors, warnings, tips = (report.count(s) for s in ("E", "W", "T"))
    files = len(report.files)
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
    summary += f"{tips} tip{'s' * (tips != 1)} in {files} file{'s' * (files != 1)}"
    if errors:
        _say((summary, "bold red"))
    else:
        success(summary)


def feedback_report(result: FeedbackResult, as_json: bool) -> None:
    """`kit feedback`: every figure as JSON on stdout, or what was written and the headline
    figures (percentage positive with n) for people."""
    if as_json:
        json_out(result.as_json())
        return
    figures = result.results
    success(f"wrote {', '.join(result.files)} to {result.folder} ({figures.scope})")
    if figures.scales:
        rows = [[s.text, str(s.n), f"{s.percent_positive}%"] for s in figures.scales]
        _table("percentage positive", ["question", "n", "% positive"], rows, stdout=False)
