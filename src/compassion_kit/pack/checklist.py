"""The facilitator's checklist (checklist.md): what to print, how many copies, what to bring.

Owns the checklist's wording; a pure function of the spec, the library, the pack's files and
its print plan (`print_plan.py`, shared with the facilitator agenda's run sheet and the manifest).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from compassion_kit.model import DeckModule, Worksheet
from compassion_kit.model.workshop import Workshop
from compassion_kit.pack.plan import FACILITATOR, SCRIPT, PackFile
from compassion_kit.pack.prints import pack_prints, pack_schedules
from compassion_kit.print_plan import Printout, PrintPlan

if TYPE_CHECKING:
    from compassion_kit.library import Library
    from compassion_kit.timing import Schedule


def checklist(
    workshop: Workshop,
    library: Library,
    schedules: Mapping[str, Schedule],
    organisation: str,
    files: Sequence[PackFile],
    formats: Sequence[str],
    slides: int | None = None,
    prints: PrintPlan | None = None,
) -> str:
    """The checklist as Markdown, with a tick box on every line to print or bring.

    Files to print are named in the format that prints best (PDF when the pack has PDFs).
    Worksheets and handouts come from `prints`, the pack's print plan (made here from the
    spec and its agendas when not given): copies and the sessions that use each item.
    """
    if prints is None:
        prints = pack_prints(workshop, library, schedules)
    lines = [f"# Facilitator checklist: {workshop.title}", "", _summary(workshop, organisation)]
    lines += ["", "## Print", ""]
    lines += _print_lines(workshop, library, files, formats, prints)
    deck = next((f for f in files if f.kind == "deck"), None)
    if deck is not None:
        shown = deck.name if "pptx" in formats else f"{deck.stem}.pdf"
        count = f" ({slides} slides)" if slides else ""
        lines += [
            "",
            "## Show",
            "",
            f"- [ ] The slide deck `{shown}`{count}: try it on the "
            "room's screen before the day; the presenter notes say what to say and when",
        ]
    bring = _materials(workshop, library, schedules)
    if bring:
        lines += ["", "## Bring", "", *bring]
    ready = _ready(workshop, schedules)
    if ready:
        lines += ["", "## Have ready, session by session", ""] + ready
    return "\n".join(lines) + "\n"


def _summary(workshop: Workshop, organisation: str) -> str:
    parts = [organisation]
    parts += [p for p in (workshop.display_date, workshop.venue) if p]
    if workshop.start:
        parts.append(f"starts {workshop.start}")
    line = " · ".join(parts)
    if workshop.facilitators:
        line += "  \nFacilitators: " + ", ".join(workshop.facilitators)
    if workshop.participants:
        line += f"  \nParticipants: {workshop.participants}"
    return line


def _count(copies: int) -> str:
    return f"{copies} {'copy' if copies == 1 else 'copies'}"


def _item_line(item: Printout, prints: PrintPlan) -> str:
    """'  - [ ] Title (id): 30 copies (one per participant); used in: Session A; Session B'."""
    where = prints.used_in_text(item)
    if item.uses:
        where = f"used in: {where}"
    if not item.listed:
        where += "; added from the agenda (not listed in the spec)"
    return f"  - [ ] {item.title} ({item.id}): {item.copies_text}" + (f"; {where}" if where else "")


def _copies(workshop: Workshop) -> str:
    if workshop.participants:
        return f"{workshop.participants} copies (one per participant)"
    return "one per participant"


def _print_name(file: PackFile, formats: Sequence[str]) -> str:
    return f"{file.stem}.pdf" if "pdf" in formats else file.name


def _print_lines(
    workshop: Workshop,
    library: Library,
    files: Sequence[PackFile],
    formats: Sequence[str],
    prints: PrintPlan,
) -> list[str]:
    lines = []
    facilitators = max(len(workshop.facilitators), 1)
    for file in files:
        name = f"`{_print_name(file, formats)}`"
        if file.kind == "agenda":
            title = library.get(file.items[0]).title
            if file.audience == FACILITATOR:
                copies = _count(facilitators)
                lines.append(f"- [ ] Facilitator agenda, {title}: {copies} of {name}")
            else:
                lines.append(f"- [ ] Agenda, {title}: {_copies(workshop)} of {name}")
        elif file.kind in ("worksheets", "handouts") and file.audience == FACILITATOR:
            titles = ", ".join(library.get(i).title for i in file.items)
            lines.append(f"- [ ] Facilitator sheets ({titles}): {_count(facilitators)} of {name}")
        elif file.kind in ("worksheets", "handouts"):
            lines.append(f"- [ ] {file.kind.capitalize()}, from {name}:")
            lines += [_item_line(p, prints) for p in prints.items if p.id in file.items]
        elif file.kind == "deck" and "pdf" in formats:  # packs with PDFs add its script
            script = f"`{file.stem.removesuffix('-deck')}-{SCRIPT}.pdf`"
            lines.append(
                f"- [ ] Facilitator's script (each slide beside its complete notes, time slot, "
                f"session and materials): {_count(facilitators)} of {script}"
            )
    return lines or ["Nothing to print."]


def _materials(
    workshop: Workshop, library: Library, schedules: Mapping[str, Schedule]
) -> list[str]:
    """Materials named by the agendas' sessions and the deck's exercises, then per worksheet."""
    found: list[str] = []
    for timed in pack_schedules(workshop, schedules):
        for slot in timed.sessions:
            found += slot.session.materials
    for module_id in workshop.deck.modules if workshop.deck else []:
        module = library.get(module_id)
        if isinstance(module, DeckModule):
            for slide in module.slides:
                exercise = getattr(slide, "exercise", None)
                found += exercise.materials if exercise is not None else []
    lines = [f"- [ ] {m}" for m in _unique(found)]
    for printed in workshop.worksheets:
        sheet = library.get(printed.id)
        if isinstance(sheet, Worksheet) and sheet.materials:
            lines.append(f"- [ ] For '{sheet.title}': " + "; ".join(sheet.materials))
    return lines


def _ready(workshop: Workshop, schedules: Mapping[str, Schedule]) -> list[str]:
    lines: list[str] = []
    for timed in pack_schedules(workshop, schedules):
        for slot in timed.sessions:
            notes = slot.session.facilitator
            if notes is not None and notes.ready:
                lines.append(f"- {slot.slot} {slot.session.title}")
                lines += [f"  - [ ] {item}" for item in notes.ready]
    return lines


def _unique(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for text in texts:
        key = " ".join(text.lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(text)
    return kept
