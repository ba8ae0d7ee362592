"""Which files a workshop pack holds and what each is called: a pure plan, no files.

Owns the file names (stable: organisation slug, date, item; safe on Windows, see `names.py`)
and what goes in each file; rendering them is `write.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_kit.library import Library
from compassion_kit.model import Worksheet
from compassion_kit.model.workshop import Workshop
from compassion_kit.names import file_name
from compassion_kit.pack.prints import pack_prints
from compassion_kit.print_plan import PrintPlan

PARTICIPANT = "participant"
FACILITATOR = "facilitator"
SCRIPT = "facilitator-script"  # the facilitator's script: its kind, and the end of its file name


@dataclass(frozen=True)
class PackFile:
    """One document in a pack: its file name, what it holds and who it is for.

    `kind` is deck, agenda, worksheets or handouts; `format` is the Office format it is
    built in (pptx or docx), whatever formats the pack finally keeps.
    """

    name: str
    kind: str
    format: str
    items: tuple[str, ...]
    audience: str

    @property
    def stem(self) -> str:
        """The name without its extension, shared by the file's PDF copy."""
        return self.name.rpartition(".")[0]


def file_prefix(slug: str, date: str | None) -> str:
    """The start of every file name in a pack: 'wvhb-2027-03-09', or 'wvhb' without a date."""
    return f"{slug}-{date}" if date else slug


def plan_files(
    workshop: Workshop, library: Library, prefix: str, prints: PrintPlan | None = None
) -> tuple[PackFile, ...]:
    """Every Office file the pack needs, in a fixed order: deck, agendas, worksheets, handouts.

    Each agenda gives a participant and a facilitator version. Worksheets are one document,
    holding the worksheets of `prints` (the pack's print plan; without one, the spec's own);
    a second, for facilitators, holds those that have facilitator sheets. Handouts likewise.
    """
    if prints is None:
        prints = pack_prints(workshop, library, {})
    files: list[PackFile] = []
    if workshop.deck is not None:
        modules = tuple(workshop.deck.modules)
        files.append(
            PackFile(file_name(f"{prefix}-deck", "pptx"), "deck", "pptx", modules, FACILITATOR)
        )
    for agenda_id in workshop.agendas:
        for audience in (PARTICIPANT, FACILITATOR):
            name = file_name(f"{prefix}-{agenda_id}-{audience}", "docx")
            files.append(PackFile(name, "agenda", "docx", (agenda_id,), audience))
    ids = prints.ids("worksheet")
    if ids:
        name = file_name(f"{prefix}-worksheets", "docx")
        files.append(PackFile(name, "worksheets", "docx", ids, PARTICIPANT))
        # Only worksheets with facilitator sheets: the participant sheets are printed anyway.
        noted = tuple(i for i in ids if _has_facilitator_sheet(library, i))
        if noted:
            name = file_name(f"{prefix}-worksheets-facilitator", "docx")
            files.append(PackFile(name, "worksheets", "docx", noted, FACILITATOR))
    ids = prints.ids("handout")
    if ids:
        name = file_name(f"{prefix}-handouts", "docx")
        files.append(PackFile(name, "handouts", "docx", ids, PARTICIPANT))
    return tuple(files)


def _has_facilitator_sheet(library: Library, item_id: str) -> bool:
    item = library.get(item_id)
    return isinstance(item, Worksheet) and any(b.audience == FACILITATOR for b in item.blocks)
