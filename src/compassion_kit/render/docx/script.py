"""The facilitator's script in Word: a run sheet, then each slide's thumbnail, time and notes.

Owns writing a `ScriptPlan`; what it says is planned in `plan/script.py`, pages, branding and
saving come from `document.py`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.shared import Twips

from compassion_kit.render import RenderedFile
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.document import finish, new_document, start_section
from compassion_kit.render.docx.table import add_table
from compassion_kit.render.docx.text import add_paragraph, add_run, keep_with_next

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand
    from compassion_kit.render.docx.document import Draft
    from compassion_kit.render.plan.script import ScriptPlan, ScriptSlide

THUMBNAIL_SHARE = 0.55  # of the text width: legible slide, room for notes below it
RUN_SHEET = ("Slide", "Title", "Time slot")
RUN_SHEET_SHARES = (0.12, 0.58, 0.30)
SESSIONS = ("Time slot", "Session", "Materials")
SESSIONS_SHARES = (0.2, 0.35, 0.45)


def write_script(
    plan: ScriptPlan, brand: Brand, logo: Logo | None, thumbnails: Sequence[bytes]
) -> RenderedFile:
    """The .docx for `plan`: a cover with the run sheet, then one section per slide.

    `thumbnails` are PNGs, one per slide in order; a slide without one (LibreOffice made
    fewer pages) is written without a picture. Notes flow across pages, never cut.
    """
    draft = new_document(brand, logo, plan.credit)
    add_paragraph(draft, plan.title, "Heading 1")
    widths = [int(draft.width * share) for share in RUN_SHEET_SHARES]
    if plan.sessions:
        add_paragraph(draft, "Sessions and materials", "Heading 2")
        session_widths = [int(draft.width * share) for share in SESSIONS_SHARES]
        rows = [list(row) for row in plan.sessions]
        add_table(draft, SESSIONS, rows, session_widths, caption="Sessions and materials")
    add_paragraph(draft, "Run sheet", "Heading 2")
    add_table(draft, RUN_SHEET, [list(row) for row in plan.run_sheet], widths, caption="Run sheet")
    for index, slide in enumerate(plan.slides):
        start_section(draft)
        _write_slide(draft, slide, thumbnails[index] if index < len(thumbnails) else None)
    return RenderedFile(finish(draft, plan.title), "docx")


def _write_slide(draft: Draft, slide: ScriptSlide, thumbnail: bytes | None) -> None:
    keep_with_next(add_paragraph(draft, slide.heading, "Heading 2"))
    if thumbnail is not None:
        paragraph = add_paragraph(draft)
        keep_with_next(paragraph)
        width = Twips(int(draft.width * THUMBNAIL_SHARE))
        picture = paragraph.add_run().add_picture(io.BytesIO(thumbnail), width=width)
        oxml.describe_picture(picture, f"Slide {slide.number}", slide.alt)
    if slide.time_slot:
        slot = add_paragraph(draft)
        add_run(slot, "Time slot: ", bold=True)
        add_run(slot, slide.time_slot)
    if slide.session:
        session = add_paragraph(draft)
        add_run(session, "Session: ", bold=True)
        add_run(session, slide.session)
    if slide.session or slide.materials:
        needs = add_paragraph(draft)
        add_run(needs, "Materials: ", bold=True)
        add_run(needs, "; ".join(slide.materials) or "none listed")
    for text in slide.notes:
        add_paragraph(draft, text)
