"""Problems the user can fix, how they are located, and the process exit codes.

Owns the error vocabulary only; printing belongs to `console.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    PROBLEMS = 1  # the input has problems the user can fix
    USAGE = 2  # the command line is wrong (Typer's own code)
    BUG = 3  # an unexpected error: a bug in the kit


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line and column."""

    path: Path | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return "kit"
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with where it is and how to fix it.

    `field` is the dotted path inside the file (``slides.3.title``) when known.
    """

    message: str
    location: Location = field(default_factory=Location)
    field: str | None = None
    hint: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.location}: {self.severity}: "
        what = f"{self.field}: {self.message}" if self.field else self.message
        return where + what + (f" (hint: {self.hint})" if self.hint else "")

    def sort_key(self) -> tuple[str, int, int]:
        loc = self.location
        return (str(loc.path or ""), loc.line or 0, loc.column or 0)


def warning_lines(problems: list[Problem]) -> tuple[str, ...]:
    """The warnings among `problems` as `path:line:col: field: message` lines, for results
    whose warnings are printed after "warning:" (so it is not said twice)."""
    return tuple(
        str(p).replace(f": {p.severity}: ", ": ", 1) for p in problems if p.severity != "error"
    )


class KitError(Exception):
    """A failure the user can fix; carries every problem found before stopping."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[KitError], tuple[list[Problem]]]:
        # Rebuilt from its problems when it crosses a process boundary (default pickling
        # would pass the joined message where the problems belong).
        return (type(self), (self.problems,))


class ContentError(KitError):
    """Problems in content, organisation or workshop files."""


class OutputError(KitError):
    """The output could not be written (unwritable folder, disk full, ...)."""


class ProblemLog:
    """Collects problems across a run so all of them are reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def attempt(self, step: Callable[[], T]) -> T | None:
        """Run one step, keeping its problems so every step's are reported together.

        Returns the step's result, or None when it raised a `KitError`.
        """
        try:
            return step()
        except KitError as exc:
            self.extend(exc.problems)
            return None

    def raise_if_any(self, error: type[KitError] = ContentError) -> None:
        """Raise `error` with every collected problem, if there are any errors."""
        if any(p.severity == "error" for p in self.problems):
            raise error(self.problems)
