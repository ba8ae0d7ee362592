"""What a pack build is asked for and what it reports: options, outcomes, progress.

Owns these plain records only; building is `batch.py`'s and `pool.py`'s, printing `console.py`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from compassion_kit.errors import Problem
from compassion_kit.orgs import OrgSource
from compassion_kit.records import FileRecord


@dataclass(frozen=True)
class PackOptions:
    """What `kit build` can be told besides the spec and the output folder.

    `orgs` is a CSV file or a folder of profiles (one pack each); `jobs` is how many packs
    are built at once (default: one per processor); `pdf` adds a PDF of every file.
    """

    orgs: Path | None = None
    jobs: int | None = None
    pdf: bool = False


@dataclass(frozen=True)
class PackOutcome:
    """How one organisation's pack went: its manifest when built, its problems when not."""

    organisation: str
    slug: str
    where: str
    records: tuple[FileRecord, ...] = ()
    problems: tuple[Problem, ...] = ()
    bug: bool = False
    manifest: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems


def failed(source: OrgSource, problems: Sequence[Problem], bug: bool = False) -> PackOutcome:
    """The outcome of an organisation that could not be built, with why."""
    return PackOutcome(source.name, source.slug, source.where, problems=tuple(problems), bug=bug)


class Progress(Protocol):
    """Told about a batch as it goes (console.py shows a progress bar or one line each)."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: PackOutcome) -> None: ...

    def note(self, message: str) -> None: ...


class Quiet:
    """A `Progress` that says nothing, for calls from Python."""

    def start(self, total: int) -> None:
        pass

    def done(self, outcome: PackOutcome) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class PackResult:
    """What `kit build` made: one pack, or a batch of packs with each organisation's outcome."""

    out: Path
    batch: bool
    outcomes: tuple[PackOutcome, ...]
    manifest: dict[str, Any]
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> tuple[PackOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def exit_code(self) -> int:
        """0 when every pack was built, 1 when some organisation failed, 3 for a bug."""
        if any(o.bug for o in self.outcomes):
            return 3
        return 1 if self.failed else 0
