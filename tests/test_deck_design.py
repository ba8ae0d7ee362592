"""The designed deck, measured on built and rendered output (issue 16 item 4): slides that fill
the page, one body size per layout, few words on screen, diagrams as editable shapes.

Every bundled deck is built on the kit's template and on python-pptx's default (Office's
layouts, 4:3); the rendered checks convert all of them in one LibreOffice run.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import DeckModule
from compassion_kit.model.deck import CycleSlide, FrontierSlide, GridSlide
from compassion_kit.render.deck import DeckRequest, plan_deck, write_deck
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_diagrams import agenda_timeline_draft, diagram_shapes
from compassion_kit.render.plan.deck_spec import DeckPlan, DiagramDraft
from support.decks import NHS_COLOURS as COLOURS
from support.decks import example_brand
from support.office import SOFFICE, require_tools

DECKS = (
    "intro",
    "culture-values",
    "actions-activities",
    "leadership-management",
    "policies-procedures",
    "appreciative-inquiry",
    "compassionate-leadership",
    "improvement-lab-deck",
    "improvement-planning-day",
)
GENERATED = ("Kit Title", "Kit Section", "Kit Agenda", "Kit Closing")
MAX_WORDS = 45
LOWER = 0.6  # the lower 40% of the slide starts here
FOOTER_BAND = 0.9  # below this a template's footer and slide number sit: not the slide's content
MAX_EMPTY = 0.15
Built = dict[tuple[str, str], tuple[DeckPlan, Path]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """(template, deck) -> its plan and .pptx, for every bundled deck on both templates."""
    out = tmp_path_factory.mktemp("designed")
    office = out / "office-default.pptx"
    Presentation().save(str(office))
    library = load_library()
    brand, logo = example_brand()
    found: Built = {}
    for name, template in (("kit", None), ("office", office)):
        for deck in DECKS:
            module = library.get(deck)
            assert isinstance(module, DeckModule)
            request = DeckRequest((module,), brand, logo, template=template)
            plan = plan_deck(request)
            path = out / f"{name}-{deck}.pptx"
            path.write_bytes(write_deck(plan, request).data)
            found[(name, deck)] = (plan, path)
    return found


def _on_screen(spec_texts: list[str]) -> int:
    return sum(len(text.split()) for text in spec_texts)


FURNITURE = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


def _slide_words(slide: object) -> int:
    texts = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.name in ("Title", "Organisation name") or not shape.has_text_frame:
            continue
        if shape.is_placeholder and shape.placeholder_format.type in FURNITURE:
            continue  # a template's footer and slide number are not the slide's words
        texts.append(shape.text_frame.text)
    return _on_screen(texts)


@pytest.mark.parametrize("template", ["kit", "office"])
def test_no_slide_shows_more_than_45_words(built: Built, template: str) -> None:
    designed, other = [], []
    for (name, deck), (plan, path) in built.items():
        if name != template:
            continue
        slides = Presentation(str(path)).slides
        for number, (spec, slide) in enumerate(zip(plan.slides, slides, strict=True), start=1):
            words = _slide_words(slide)
            if words > MAX_WORDS:
                found = f"{deck} slide {number} ({spec.kind}): {words} words"
                (designed if spec.kind == "Kit Bullets" or spec.shapes else other).append(found)
    assert not designed  # bullets and diagrams keep to the limit
    assert not other  # exercises, figures, videos and generated slides too


def _body_sizes(path: Path) -> dict[str, dict[str, float]]:
    """Layout name -> slide id (from the notes-free order: slide number) -> body size."""
    sizes: dict[str, dict[str, float]] = defaultdict(dict)
    for number, slide in enumerate(Presentation(str(path)).slides, start=1):
        for shape in slide.shapes:
            if shape.name != "Body" or not shape.has_text_frame:
                continue
            found = {
                run.font.size.pt
                for para in shape.text_frame.paragraphs
                for run in para.runs
                if run.font.size is not None
            }
            if found:
                sizes[slide.slide_layout.name][str(number)] = min(found)
    return sizes


def test_body_text_is_one_size_per_layout_unless_warned(built: Built) -> None:
    for (name, deck), (plan, path) in built.items():
        if name != "kit":
            continue
        ids = [spec.id for spec in plan.slides]
        warned = {
            re.search(r"slide '([^']+)'", w).group(1)  # type: ignore[union-attr]
            for w in plan.warnings
            if "slide '" in w
        }
        for layout, by_slide in _body_sizes(path).items():
            if layout not in design().layout_body:
                continue
            expected = design().body_size(layout)
            for number, size in by_slide.items():
                slide_id = ids[int(number) - 1].split("#")[0]
                if slide_id not in warned:
                    assert size == expected, f"{deck} slide {number} ({layout}): {size} pt"


def _diagram_slides(path: Path) -> list[tuple[int, int, bool]]:
    """(slide number, text-bearing autoshapes, notes carry the diagram in words) per slide
    with at least one autoshape carrying text."""
    found = []
    for number, slide in enumerate(Presentation(str(path)).slides, start=1):
        shapes = [
            s
            for s in slide.shapes
            if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.has_text_frame and s.text.strip()
        ]
        if not shapes:
            continue
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        described = "Diagram on this slide" in notes and all(
            s.text_frame.paragraphs[0].text in notes for s in shapes if s.name != "Caption"
        )
        found.append((number, len(shapes), described))
    return found


@pytest.mark.parametrize("template", ["kit", "office"])
def test_six_diagrams_of_four_editable_shapes_each_described_in_notes(
    built: Built, template: str
) -> None:
    diagrams = []
    for (name, deck), (_, path) in built.items():
        if name == template:
            diagrams.extend((deck, *d) for d in _diagram_slides(path))
    big = [d for d in diagrams if d[2] >= 4]
    assert len(big) >= 13, diagrams  # issue 16 asks for six; the bundled decks draw 13
    assert all(described for *_, described in diagrams), diagrams
    for (name, _), (_, path) in built.items():
        if name == template:
            for slide in Presentation(str(path)).slides:
                kinds = {s.shape_type for s in slide.shapes}
                assert MSO_SHAPE_TYPE.GROUP not in kinds  # every shape selectable and editable


def test_diagram_shapes_stay_inside_the_body_area_and_share_one_size() -> None:
    region = (914400, 1828800, 9144000, 4114800)
    parts = (("Discover", "appreciate the best"), ("Dream", "imagine"), ("Design", "agree"))
    for kind in ("cycle", "process", "grid", "timeline"):
        diagram = DiagramDraft(kind, (*parts, ("Destiny", "act")))  # type: ignore[arg-type]
        shapes, trouble = diagram_shapes(diagram, region, COLOURS)
        assert not trouble, (kind, trouble)
        texts = [s for s in shapes if s.paras]
        assert len(texts) >= 4, kind
        for shape in shapes:
            x, y, cx, cy = shape.box
            grace = 914400 // 4 if shape.rotation else 0  # a rotated arrow's corners
            assert x >= region[0] - grace and y >= region[1] - grace, (kind, shape.name)
            assert x + cx <= region[0] + region[2] + grace, (kind, shape.name)
            assert y + cy <= region[1] + region[3] + grace, (kind, shape.name)
        labels = {s.size for s in texts if s.paras[0].bold}
        assert len(labels) == 1, (kind, labels)
        assert all(s.alt for s in texts) and all(not s.alt for s in shapes if not s.paras)


def test_long_labels_shrink_with_a_warning() -> None:
    long = ("A label that keeps on going well past what a shape can hold", "and more " * 15)
    shapes, trouble = diagram_shapes(
        DiagramDraft("cycle", (long,) * 4), (0, 0, 4572000, 2286000), COLOURS
    )
    assert trouble and all(s.size >= design().diagram.floor for s in shapes if s.paras)


def _schedule(count: int) -> SimpleNamespace:
    sessions = [
        SimpleNamespace(
            start=570 + 45 * n,
            end=570 + 45 * (n + 1),
            session=SimpleNamespace(title=f"Session {n + 1}"),
        )
        for n in range(count)
    ]
    return SimpleNamespace(
        start=570, end=570 + 45 * count, total_minutes=45 * count, sessions=sessions
    )


def test_agenda_timeline_uses_the_schedules_clock_times() -> None:
    draft = agenda_timeline_draft(_schedule(4))  # type: ignore[arg-type]
    assert draft is not None and draft.diagram is not None
    assert draft.diagram.parts[0] == ("09:30", "Session 1")
    assert draft.diagram.parts[-1] == ("11:45", "Session 4")
    assert draft.diagram.caption == "The day ends at 12:30."
    assert "Diagram on this slide" in draft.notes
    assert agenda_timeline_draft(_schedule(9)) is None  # too many: the list agenda stays


def test_bundled_decks_choose_diagram_kinds() -> None:
    library = load_library()
    slides = [s for d in library.items("deck") for s in d.slides]  # type: ignore[attr-defined]
    assert any(isinstance(s, CycleSlide) for s in slides)
    assert any(isinstance(s, GridSlide) for s in slides)
    assert any(isinstance(s, FrontierSlide) for s in slides)  # a model drawn, not described


def _ink_pages(pdf: Path, workdir: Path) -> list[bool]:
    """Per page: True when the lower 40% of the page holds no ink."""
    stem = workdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-png", str(pdf), str(stem)], check=True)
    empty = []
    for png in sorted(workdir.glob(f"{pdf.stem}-*.png")):
        image = Image.open(png).convert("L")
        width, height = image.size
        background = image.getpixel((width // 2, height - 2))
        band = (width // 40, int(height * LOWER), width - width // 40, int(height * FOOTER_BAND))
        lower = image.crop(band)
        ink = any(abs(v - int(background)) > 40 for v in lower.tobytes())  # type: ignore[arg-type]
        empty.append(not ink)
    return empty


def test_few_content_slides_leave_the_lower_part_empty(
    built: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    require_tools("soffice", "pdftoppm")
    assert SOFFICE is not None
    out = tmp_path_factory.mktemp("rendered")
    paths = [path for _, path in built.values()]
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        check=False,
        capture_output=True,
        timeout=900,
    )
    report = {}
    for template in ("kit", "office"):
        content = empty = 0
        for (name, _), (plan, path) in built.items():
            if name != template:
                continue
            pages = _ink_pages(out / f"{path.stem}.pdf", out)
            assert len(pages) == len(plan.slides), path.name
            for spec, blank in zip(plan.slides, pages, strict=True):
                if spec.kind not in GENERATED:
                    content += 1
                    empty += blank
        report[template] = empty / content
    assert report["kit"] <= MAX_EMPTY, report
    assert report["office"] <= MAX_EMPTY, report  # python-pptx's default (4:3) template


def test_kit_check_passes_on_designed_decks(built: Built) -> None:
    paths = [str(path) for (name, _), (_, path) in built.items() if name == "kit"]
    result = CliRunner().invoke(app, ["check", *paths])
    assert result.exit_code == 0, result.stderr[-3000:]


def test_agenda_drawn_as_a_timeline_on_the_agenda_layout(tmp_path: Path) -> None:
    from compassion_kit.timing import schedule

    library = load_library()
    timed, problems = schedule(library.get("introductory-workshop"))  # type: ignore[arg-type]
    assert not problems
    brand, logo = example_brand()
    module = library.get("leadership-management")
    assert isinstance(module, DeckModule)
    request = DeckRequest((module,), brand, logo, schedule=timed)
    plan = plan_deck(request)
    agenda = next(s for s in plan.slides if s.id == "#agenda")
    assert [s.paras[0].text for s in agenda.shapes if s.name.startswith("When")] == [
        "09:30",
        "10:00",
        "11:15",
        "11:30",
        "12:15",
        "13:00",
    ]
    # Six sessions: long words in a title may shrink it (warned), but everything fits.
    assert not [w for w in plan.warnings if "#agenda" in w and "does not fit" in w]
    path = tmp_path / "timeline.pptx"
    path.write_bytes(write_deck(plan, request).data)
    slide = Presentation(str(path)).slides[1]
    assert "Body" not in [s.name for s in slide.shapes]  # the list's placeholder is gone


def test_a_long_days_agenda_is_split_over_two_slides_within_the_word_limit(
    tmp_path: Path,
) -> None:
    from compassion_kit.timing import clock, schedule

    library = load_library()
    timed, problems = schedule(library.get("improvement-planning"))  # type: ignore[arg-type]
    assert not problems and len(timed.sessions) > 6  # a list, not a timeline
    assert agenda_timeline_draft(timed) is None
    brand, logo = example_brand()
    module = library.get("improvement-planning-day")
    assert isinstance(module, DeckModule)
    request = DeckRequest((module,), brand, logo, schedule=timed)
    plan = plan_deck(request)
    path = tmp_path / "long-day.pptx"
    path.write_bytes(write_deck(plan, request).data)
    slides = list(Presentation(str(path)).slides)
    assert [s.id for s in plan.slides[1:3]] == ["#agenda", "#agenda#2"]
    assert [slides[i].shapes.title.text for i in (1, 2)] == ["Agenda", "Agenda (cont.)"]
    listed = [
        line
        for slide in slides[1:3]
        for shape in slide.shapes
        if shape.name == "Body"
        for line in shape.text_frame.text.splitlines()
    ]
    expected = [f"{clock(t.start)}\u2013{clock(t.end)}  {t.session.title}" for t in timed.sessions]
    assert listed == expected  # every session once, in order
    assert all(_slide_words(slide) <= MAX_WORDS for slide in slides[1:3])
