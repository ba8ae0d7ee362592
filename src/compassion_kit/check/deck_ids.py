"""Read back the slide ids the kit writes into the decks it builds, with each slide's number.

Owns reading a built .pptx for `kit agenda --deck DECK.pptx` (python-pptx, imported lazily);
writing the ids is `render/pptx/deck.py`'s, numbering a planned deck `render/deck.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem


@dataclass(frozen=True)
class BuiltSlide:
    """One slide of a built deck: its 1-based number, the kit's id for it ("" when the slide
    has none, e.g. one added by hand in PowerPoint), its title and whether it is hidden."""

    number: int
    id: str
    title: str
    hidden: bool = False


def built_slides(deck: Path) -> tuple[BuiltSlide, ...]:
    """Every slide of `deck` in order, with the id the kit wrote as the slide's name.

    Raises:
        ContentError: `deck` is not a readable .pptx, or no slide carries a kit id (a deck
            the kit did not build, or one from before ids were written).
    """
    from compassion_kit.check.ooxml import NotOffice
    from compassion_kit.check.opening import open_package

    try:
        presentation = open_package(deck).document
    except NotOffice as exc:
        problem = Problem(f"the file {exc.message}", Location(deck), hint=exc.hint)
        raise ContentError([problem]) from None
    found = []
    for number, slide in enumerate(presentation.slides, start=1):
        title = slide.shapes.title
        # python-pptx has no API for whether a slide is hidden (p:sld/@show): `.element`.
        hidden = slide.element.get("show") in ("0", "false")
        text = " ".join(title.text_frame.text.split()) if title is not None else ""
        found.append(BuiltSlide(number, slide.name or "", text, hidden))
    if not any(s.id for s in found):
        raise ContentError(
            [
                Problem(
                    "the deck has no slide ids, so its slide numbers cannot be matched to the "
                    "agenda",
                    Location(deck),
                    hint="build the deck again with this version of the kit (kit build or kit "
                    "build-deck), or give deck module ids with --deck instead",
                )
            ]
        )
    return tuple(found)


def slide_numbers_of(slides: tuple[BuiltSlide, ...]) -> dict[str, int]:
    """Slide id -> slide number; a slide shown twice keeps its first number."""
    numbers: dict[str, int] = {}
    for slide in slides:
        if slide.id:
            numbers.setdefault(slide.id, slide.number)
    return numbers
