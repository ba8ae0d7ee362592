"""What a .pptx or .docx says about itself that its PDF must carry (title, language, alt texts),
and a deck's slides (title, text, notes) for the facilitator's script.

Owns reading those facts through python-pptx/python-docx (imported lazily) for `pdf_finish` and
`build.script`; it does not judge them (the rules do).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_LANGUAGE = "en-GB"
# Pictures and charts (graphic frames) are what LibreOffice exports as /Figure elements.
_PPTX_FIGURES = (
    ".//p:pic/p:nvPicPr/p:cNvPr/@descr | .//p:graphicFrame/p:nvGraphicFramePr/p:cNvPr/@descr"
)
_DOCX_FIGURES = ".//wp:docPr/@descr"
# Shapes marked decorative (PowerPoint's "Mark as decorative"): LibreOffice 7.4 still exports
# them as /Figure elements, with nothing to say.
_PPTX_DECORATIVE = ".//p:cNvPr[a:extLst/a:ext/*[local-name()='decorative'][@val='1']]"
# Placeholder types that repeat on every slide (PP_PLACEHOLDER values): not the slide's text.
_FURNITURE = frozenset({13, 15, 16})  # slide number, footer, date


@dataclass(frozen=True)
class SourceFacts:
    """The facts of one source file.

    `alt_texts` holds one tuple per slide for a deck, one tuple for the whole of a document,
    each in document order; empty descriptions are left out.
    """

    title: str
    language: str
    alt_texts: tuple[tuple[str, ...], ...]
    per_page: bool  # True for decks: alt_texts[i] belongs to page i of the PDF
    decorative: tuple[int, ...] = ()  # decks: shapes marked decorative on each slide


def source_facts(path: Path) -> SourceFacts:
    """Title, language (en-GB when none is set) and figure alt texts of a .pptx or .docx.

    Raises:
        ValueError: the file is neither a .pptx nor a .docx.
    """
    suffix = path.suffix.lower()
    if suffix == ".pptx":
        return _deck_facts(path)
    if suffix == ".docx":
        return _document_facts(path)
    raise ValueError(f"{path}: not a .pptx or .docx")


def _deck_facts(path: Path) -> SourceFacts:
    from pptx import Presentation

    deck = Presentation(str(path))
    props = deck.core_properties
    # python-pptx has no public API for a shape's description (p:cNvPr/@descr): `.element`.
    slides = tuple(
        tuple(str(alt) for alt in slide.element.xpath(_PPTX_FIGURES) if str(alt).strip())
        for slide in deck.slides
    )
    decorative = tuple(len(slide.element.xpath(_PPTX_DECORATIVE)) for slide in deck.slides)
    language = props.language or DEFAULT_LANGUAGE
    return SourceFacts(props.title or "", language, slides, True, decorative)


def _document_facts(path: Path) -> SourceFacts:
    from docx import Document

    document = Document(str(path))
    props = document.core_properties
    # python-docx has no public API for a picture's description (wp:docPr/@descr): `.element`.
    alts = tuple(str(alt) for alt in document.element.body.xpath(_DOCX_FIGURES) if str(alt).strip())
    return SourceFacts(props.title or "", props.language or DEFAULT_LANGUAGE, (alts,), False)


@dataclass(frozen=True)
class SlideFacts:
    """What a facilitator's script needs from one slide: its number, title, the text on it
    (title left out) and its presenter notes, complete."""

    number: int
    title: str
    text: str
    notes: str


def deck_slides(deck: Any) -> tuple[SlideFacts, ...]:
    """Every slide of a python-pptx Presentation, in order.

    A slide without a title placeholder gets "" (the script says "Slide N" for it); text in
    tables and groups is left out of `text`, which only feeds a thumbnail's alt text.
    """
    result = []
    for number, slide in enumerate(deck.slides, start=1):
        title_shape = slide.shapes.title
        title = title_shape.text_frame.text.strip() if title_shape is not None else ""
        texts = [
            shape.text_frame.text.strip()
            for shape in slide.shapes
            if shape.has_text_frame
            and shape is not title_shape
            and shape.text_frame.text.strip() not in ("", title)
            and not (shape.is_placeholder and shape.placeholder_format.type in _FURNITURE)
        ]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        result.append(SlideFacts(number, " ".join(title.split()), "\n".join(texts), notes or ""))
    return tuple(result)
