"""Agendas: plan a participant or facilitator agenda, then write it as Word or Markdown.

Owns the public agenda API; what each audience sees is planned in `plan/agenda.py`, the Word
layout is `docx/agenda.py`'s (python-docx is imported only when a document is written),
Markdown `_agenda_md.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render._agenda_md import write_agenda_markdown
from compassion_kit.render.plan.agenda import (
    AgendaPlan,
    AgendaRequest,
    AgendaRow,
    Note,
    PrintLine,
    RunSheet,
    plan_agenda,
)
from compassion_kit.render.slide_refs import resolve_slide_refs

if TYPE_CHECKING:
    from pathlib import Path

    from compassion_kit.render import RenderedFile

__all__ = [
    "AgendaPlan",
    "AgendaRequest",
    "AgendaRow",
    "Note",
    "PrintLine",
    "RunSheet",
    "plan_agenda",
    "resolve_slide_refs",
    "write_agenda_docx",
    "write_agenda_markdown",
]


def write_agenda_docx(
    plan: AgendaPlan, request: AgendaRequest, template: Path | None = None
) -> RenderedFile:
    """The agenda as a Word document: A4 (or Letter), logo and organisation in the header,
    the source credit and page numbers in the footer, Heading styles, and the agenda as a
    table whose header row repeats on each page; on the organisation's Word `template` when
    given (see `render/docx/document.new_document`). Identical input gives identical bytes.
    """
    from compassion_kit.render.docx.agenda import write_agenda  # python-docx only when writing

    return write_agenda(plan, request, template)
