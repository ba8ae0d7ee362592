"""Every library deck (and the fixture decks) built for an example organisation, then checked
with independent tools: python-pptx, the strict OOXML validator and LibreOffice.

New decks in content/ are covered automatically. Each deck is built and converted once.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

from compassion_kit.errors import ContentError
from compassion_kit.library import load_library
from compassion_kit.model import DeckModule
from compassion_kit.render.deck import DeckRequest, plan_deck, write_deck
from compassion_kit.render.plan.deck_spec import DeckPlan
from support.decks import example_brand, module
from support.office import assert_valid_ooxml, pdf_pages, pdf_text, require_tools, to_pdf, words

FIXTURES = ("fixture-deck", "stress")
LIBRARY_BROKEN = "library-does-not-load"


def _library_decks() -> tuple[list[str], str]:
    try:
        return load_library().ids("deck"), ""
    except ContentError as exc:  # reported by a failing test, not a collection error
        return [LIBRARY_BROKEN], str(exc)


LIBRARY_IDS, LIBRARY_ERROR = _library_decks()


@dataclass
class Built:
    """One deck built for the example organisation, with its plan and files."""

    plan: DeckPlan
    data: bytes
    pptx: Path
    pdf: Path | None = None


def modules_for(name: str) -> tuple[DeckModule, ...]:
    if name in FIXTURES:
        item = module(name)
    else:
        if name == LIBRARY_BROKEN:
            pytest.fail(f"the content library does not load:\n{LIBRARY_ERROR}")
        item = load_library().get(name)
    assert isinstance(item, DeckModule)
    return (item,)


def build(name: str) -> tuple[DeckPlan, bytes]:
    brand, logo = example_brand()
    request = DeckRequest(
        modules_for(name),
        brand,
        logo,
        date="12 March 2025",
        venue="Seminar room 2",
        facilitator="Sam Patel",
    )
    plan = plan_deck(request)
    return plan, write_deck(plan, request).data


class Builds:
    """Decks built lazily, once per test module, and converted to PDF at most once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.done: dict[str, Built] = {}

    def get(self, name: str) -> Built:
        if name not in self.done:
            plan, data = build(name)
            path = self.folder / f"{name}.pptx"
            path.write_bytes(data)
            self.done[name] = Built(plan, data, path)
        return self.done[name]

    def pdf(self, name: str) -> Path:
        built = self.get(name)
        if built.pdf is None:
            built.pdf = to_pdf(built.pptx, self.folder)
        return built.pdf


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("decks"))


CASES = [*FIXTURES, *LIBRARY_IDS]


@pytest.mark.parametrize("name", CASES)
def test_deck_opens_with_one_slide_per_planned_slide(builds: Builds, name: str) -> None:
    built = builds.get(name)
    deck = Presentation(io.BytesIO(built.data))
    assert len(deck.slides) == len(built.plan.slides)
    for number, slide in enumerate(deck.slides, start=1):
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        assert slide.notes_slide.notes_text_frame.text.strip(), f"slide {number}"


@pytest.mark.parametrize("name", CASES)
def test_logo_links_qr_codes_and_charts(builds: Builds, name: str) -> None:
    built = builds.get(name)
    deck = Presentation(io.BytesIO(built.data))
    for spec, slide in zip(built.plan.slides, deck.slides, strict=True):
        (logo,) = [s for s in slide.shapes if s.shape_type == 13 and s.name == "Logo"]
        width, height = logo.image.size
        assert abs(logo.width / logo.height - width / height) <= 0.01 * width / height
        assert logo._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [
            "Northshire Community Health NHS Trust logo"
        ]
        kind = spec.layout
        if kind == "Kit Video" and spec.page == 1:
            links = [
                r.hyperlink.address
                for sh in slide.shapes
                if sh.has_text_frame
                for p in sh.text_frame.paragraphs
                for r in p.runs
                if r.hyperlink.address
            ]
            assert links, spec.id
            (qr,) = [s for s in slide.shapes if s.name == "QR code"]
            assert qr._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0].startswith("QR code")
        if kind == "Kit Chart":
            (frame,) = [s for s in slide.shapes if s.has_chart]
            assert frame.chart.part.partname.startswith("/ppt/charts/chart")
            assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0].strip()


@pytest.mark.parametrize("name", CASES)
def test_deck_passes_strict_ooxml_validation(builds: Builds, name: str) -> None:
    assert_valid_ooxml(builds.get(name).pptx)


@pytest.mark.parametrize("name", CASES)
def test_building_twice_gives_the_same_bytes(builds: Builds, name: str) -> None:
    _plan, again = build(name)
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(builds.get(name).data).hexdigest()


@pytest.mark.parametrize("name", CASES)
def test_libreoffice_shows_every_slide_and_every_word(builds: Builds, name: str) -> None:
    require_tools("soffice", "pdfinfo", "pdftotext")
    built = builds.get(name)
    pdf = builds.pdf(name)
    deck = Presentation(io.BytesIO(built.data))
    assert pdf_pages(pdf) == len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        expected = set(words(" ".join(_slide_texts(slide))))
        missing = expected - set(words(pdf_text(pdf, number)))
        assert not missing, f"slide {number} of {name}: {sorted(missing)} not in the PDF"


def _slide_texts(slide: object) -> list[str]:
    texts = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_chart", False):
            texts.extend(str(c) for c in shape.chart.plots[0].categories)
    return texts
