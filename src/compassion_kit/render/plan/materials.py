"""The "You will need:" line an exercise slide's notes end with: written by the deck planner
(`deck_kinds`), read back from a built deck by the facilitator's script (`script`)."""

from __future__ import annotations

from collections.abc import Sequence

NEED = "You will need: "
_SEPARATOR = "; "


def materials_line(materials: Sequence[str]) -> str:
    """One notes paragraph listing an exercise's materials, in order."""
    return NEED + _SEPARATOR.join(m.strip().rstrip(".;") for m in materials) + "."


def exercise_materials(notes: str) -> tuple[str, ...]:
    """The materials a notes text lists on its "You will need:" line (none without one)."""
    for line in notes.splitlines():
        line = line.strip()
        if line.startswith(NEED):
            items = line[len(NEED) :].rstrip(".").split(_SEPARATOR)
            return tuple(item.strip() for item in items if item.strip())
    return ()
