"""`oxml.new_notes_slide` makes the same parts as python-pptx's own `slide.notes_slide`."""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation

from compassion_kit.paths import templates_dir
from compassion_kit.render.pptx import oxml


def _deck(shortcut: bool) -> dict[str, bytes]:
    prs = Presentation(str(templates_dir() / "deck.pptx"))
    oxml.drop_template_slides(prs)
    for number in range(4):
        slide = prs.slides.add_slide(prs.slide_layouts[number % 2])
        notes = oxml.new_notes_slide(slide) if shortcut else slide.notes_slide
        notes.notes_text_frame.text = f"notes {number}"
    saved = io.BytesIO()
    prs.save(saved)
    with zipfile.ZipFile(saved) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_new_notes_slide_gives_the_parts_python_pptx_would() -> None:
    ours, library = _deck(shortcut=True), _deck(shortcut=False)
    assert [n for n in ours if "notesSlide" in n] == [n for n in library if "notesSlide" in n]
    assert "ppt/notesSlides/notesSlide4.xml" in ours
    assert ours == library
