"""What a .pptx or .docx says about itself that its PDF must carry: title, language, alt texts.

Owns reading those facts through python-pptx/python-docx (imported lazily) for the PDF finisher
(`pdf_finish`) and the facilitator's script; it does not judge them (the rules do).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_LANGUAGE = "en-GB"
# Pictures and charts (graphic frames) are what LibreOffice exports as /Figure elements.
_PPTX_FIGURES = (
    ".//p:pic/p:nvPicPr/p:cNvPr/@descr | .//p:graphicFrame/p:nvGraphicFramePr/p:cNvPr/@descr"
)
_DOCX_FIGURES = ".//wp:docPr/@descr"


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
    return SourceFacts(props.title or "", props.language or DEFAULT_LANGUAGE, slides, True)


def _document_facts(path: Path) -> SourceFacts:
    from docx import Document

    document = Document(str(path))
    props = document.core_properties
    # python-docx has no public API for a picture's description (wp:docPr/@descr): `.element`.
    alts = tuple(str(alt) for alt in document.element.body.xpath(_DOCX_FIGURES) if str(alt).strip())
    return SourceFacts(props.title or "", props.language or DEFAULT_LANGUAGE, (alts,), False)
