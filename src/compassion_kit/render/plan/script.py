"""Planning the facilitator's script: a run sheet, then one section per slide with its notes.

Owns what the script says (headings, time slots, notes paragraphs, thumbnail alt text), as
plain specs; writing it into Word is `render/docx/script.py`'s, reading the deck `check.sources`'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compassion_kit.render.plan.materials import exercise_materials

if TYPE_CHECKING:
    from compassion_kit.check.sources import SlideFacts

# The deck planner starts notes with "Time slot: 09:30-09:50, Session title." and a blank line
# when the deck is built with an agenda (render/plan/deck.py).
_TIME_SLOT = re.compile(r"\ATime slot:\s*(?P<slot>[^\n]*?)\.?\s*(\n|\Z)")
_SESSION = re.compile(r"\A(?P<clock>\d\d:\d\d-\d\d:\d\d),\s*(?P<title>.+)\Z")
ALT_LIMIT = 1000  # characters of slide text in a thumbnail's alt text; notes follow in full


@dataclass(frozen=True)
class ScriptSlide:
    """One slide's section: heading, the thumbnail's alt text, its time slot ("" when the deck
    has none) and every paragraph of its presenter notes, in order and complete."""

    number: int
    heading: str
    alt: str
    time_slot: str
    notes: tuple[str, ...]
    session: str = ""
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScriptSession:
    """An agenda session: its clock slot ("13:30-13:35"), title and the materials it needs."""

    slot: str
    title: str
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScriptPlan:
    """The whole script: its title, footer credit, run sheet rows (slide, title, time), the
    sessions (time slot, title, materials; empty when the deck has no agenda) and the slides."""

    title: str
    credit: str
    run_sheet: tuple[tuple[str, str, str], ...]
    slides: tuple[ScriptSlide, ...]
    sessions: tuple[tuple[str, str, str], ...] = ()


def plan_script(
    title: str, slides: Sequence[SlideFacts], sessions: Sequence[ScriptSession] = ()
) -> ScriptPlan:
    """The script for a deck called `title` with `slides`.

    A slide without a title is headed "Slide N"; one without notes says so, so a facilitator
    sees the gap rather than a missing section. Each slide lists its session (read from the
    time slot its notes start with) and the materials it needs: its session's, from
    `sessions` when the agenda is known (a pack), and its exercise's (the notes' "You will
    need:" line).
    """
    known = {(s.slot, s.title): s for s in sessions}
    planned = tuple(_slide(slide, known) for slide in slides)
    rows = tuple((str(s.number), _title(s), s.time_slot or "-") for s in planned)
    credit = f"{title or 'the deck'}: its slides and complete presenter notes"
    heading = f"Facilitator's script: {title}" if title else "Facilitator's script"
    return ScriptPlan(heading, credit, rows, planned, _sessions(planned, sessions))


def _sessions(
    planned: Sequence[ScriptSlide], sessions: Sequence[ScriptSession]
) -> tuple[tuple[str, str, str], ...]:
    """Run sheet rows per session: the agenda's when known, else those the slides name."""
    found: dict[tuple[str, str], list[str]] = {(s.slot, s.title): [] for s in sessions}
    for slide in planned:
        clock, _, name = slide.time_slot.partition(", ")
        if slide.session:
            found.setdefault((clock, name), []).extend(slide.materials)
    given = {(s.slot, s.title): s.materials for s in sessions}
    return tuple(
        (clock, name, "; ".join(dict.fromkeys((*given.get((clock, name), ()), *needs))) or "-")
        for (clock, name), needs in found.items()
    )


def _title(slide: ScriptSlide) -> str:
    return slide.heading.partition(": ")[2] or slide.heading


def _slide(slide: SlideFacts, known: dict[tuple[str, str], ScriptSession]) -> ScriptSlide:
    slot, notes = split_time_slot(slide.notes)
    timed = _SESSION.match(slot)
    session = timed.group("title") if timed else ""
    agenda = known.get((timed.group("clock"), session)) if timed else None
    needs = (*(agenda.materials if agenda else ()), *exercise_materials(notes))
    heading = f"Slide {slide.number}: {slide.title}" if slide.title else f"Slide {slide.number}"
    alt_parts = [slide.title or f"Slide {slide.number}", " ".join(slide.text.split())]
    alt = ". ".join(part for part in alt_parts if part)
    if len(alt) > ALT_LIMIT:
        alt = alt[: ALT_LIMIT - 1].rsplit(" ", 1)[0] + "\u2026"
    paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n|\n", notes) if p.strip())
    return ScriptSlide(
        slide.number,
        heading,
        f"Slide {slide.number}: {alt}",
        slot,
        paragraphs or ("(No notes.)",),
        session,
        tuple(dict.fromkeys(needs)),
    )


def split_time_slot(notes: str) -> tuple[str, str]:
    """The time slot a deck built with an agenda puts first in the notes, and the rest.

    Returns ("", notes) when the notes do not start with one (a deck built without an
    agenda, or a hidden extra slide, whose notes start "Extra slide, hidden and untimed").
    """
    found = _TIME_SLOT.match(notes.lstrip())
    if found is None:
        return "", notes
    return found.group("slot").strip(), notes.lstrip()[found.end() :]
