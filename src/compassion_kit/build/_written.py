"""Write one command's file once no problem is left, and describe it; shared by build/."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.errors import Location, Problem, ProblemLog, warning_lines
from compassion_kit.output import writable_path, write_atomic
from compassion_kit.records import FileRecord, record

if TYPE_CHECKING:
    from compassion_kit.render import RenderedFile


def finish(
    out: Path | None,
    rendered: RenderedFile,
    what: tuple[str, Iterable[str], str],
    log: ProblemLog,
    force: bool = False,
) -> FileRecord:
    """Write `rendered` to `out` (unless it goes to stdout) once no problem is left.

    `what` is (kind, item ids, audience) for the record; `force` writes through a link.

    Raises:
        KitError: every problem in `log`, or an output name with the wrong extension.
    """
    named = out is None or log.attempt(lambda: writable_path(out, force=force)) is not None
    if out is not None and named and out.suffix.lower() != f".{rendered.kind}":
        log.add(
            Problem(
                f"this command writes a .{rendered.kind} file, but the output name ends in "
                f"'{out.suffix or '(nothing)'}'",
                Location(out),
                hint=f"name it {out.stem}.{rendered.kind}, so that the right program opens it",
            )
        )
    log.raise_if_any()
    if out is not None:
        write_atomic(out, rendered.data, force=force)
    kind, items, audience = what
    slides = rendered.units if rendered.kind == "pptx" else None
    path = str(out) if out is not None else "-"
    return record(
        path,
        kind,
        rendered.kind,
        items,
        audience,
        rendered.data,
        slides=slides,
        warnings=(*warning_lines(log.problems), *rendered.warnings),
    )
