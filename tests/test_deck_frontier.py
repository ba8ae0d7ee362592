"""The frontier diagram (two outputs from the same resources): planned inside the body area,
points placed against the line as the content says, written as editable shapes with alt text
on the kit's template and on python-pptx's default, converted by LibreOffice, and refused with
located messages when the content is wrong."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import DeckModule
from compassion_kit.model.deck import FrontierSlide
from compassion_kit.render.deck import DeckRequest, plan_deck, write_deck
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_diagrams import diagram_shapes, text_equivalent
from compassion_kit.render.plan.deck_spec import DiagramDraft, ShapeSpec
from support.decks import NHS_COLOURS as COLOURS
from support.decks import example_brand
from support.office import SOFFICE, require_tools

BAD = Path(__file__).parent / "fixtures" / "content" / "bad" / "frontier"
KIT_BODY = (548640, 1783080, 11094720, 4617720)  # about the kit's content area, 16:9
OFFICE_BODY = (457200, 1600200, 8229600, 4525963)  # python-pptx's default, 4:3
POINTS = (("Push on one target", "you end up inside the line"), ("Both improved", "on the line"))
PLACES = (("inside", "x"), ("on", "both"))


def _draft(
    places: tuple[tuple[str, str], ...] = PLACES, caption: str | None = None
) -> DiagramDraft:
    points = (POINTS + (("Out of reach", "needs more resources"),) * 2)[: len(places)]
    return DiagramDraft(
        "frontier",
        points,
        caption,
        axes=("Patient experience", "Staff experience"),
        curve="The best mixes from the same resources",
        places=places,
    )


def _inside(shape: ShapeSpec, region: tuple[int, int, int, int]) -> bool:
    x, y, cx, cy = shape.box
    return (
        x >= region[0]
        and y >= region[1]
        and x + cx <= region[0] + region[2]
        and y + cy <= region[1] + region[3]
    )


@pytest.mark.parametrize("region", [KIT_BODY, OFFICE_BODY], ids=["kit", "office"])
def test_frontier_is_planned_inside_the_body_area_at_full_size(
    region: tuple[int, int, int, int],
) -> None:
    shapes, trouble = diagram_shapes(_draft(caption="Trade-offs made visible"), region, COLOURS)
    assert not trouble
    assert all(_inside(s, region) for s in shapes), [
        s.name for s in shapes if not _inside(s, region)
    ]
    texts = [s for s in shapes if s.paras]
    assert len(texts) >= 4
    assert {s.size for s in texts} == {design().diagram.text}  # 24 pt, nothing shrank
    assert all(s.alt for s in texts)
    curve = next(s for s in shapes if s.name == "Frontier")
    assert curve.geometry == "freeform" and len(curve.path) > 10 and not curve.closed
    assert curve.line and curve.alt.startswith("Curved line")
    area = next(s for s in shapes if s.name == "Area")
    assert area.closed and area.fill and not area.alt  # decorative: the notes describe it
    names = [s.name for s in shapes]
    assert names.index("Area") < names.index("Frontier") < names.index("Point 1")  # dots on top


def _centre(shape: ShapeSpec) -> tuple[float, float]:
    x, y, cx, cy = shape.box
    return x + cx / 2, y + cy / 2


def test_points_sit_inside_on_or_beyond_the_line_as_the_content_says() -> None:
    places = (("inside", "x"), ("on", "both"), ("beyond", "y"))
    shapes, _ = diagram_shapes(_draft(places), KIT_BODY, COLOURS)
    across = next(s for s in shapes if s.name == "Across axis")
    curve = next(s for s in shapes if s.name == "Frontier")
    origin = curve.path[-1][0], curve.path[0][1]  # the line meets the up axis, the across axis
    rx, ry = curve.path[0][0] - origin[0], origin[1] - curve.path[-1][1]
    reach = []
    for n in (1, 2, 3):
        px, py = _centre(next(s for s in shapes if s.name == f"Point {n}"))
        reach.append(math.hypot((px - origin[0]) / rx, (origin[1] - py) / ry))
    assert reach[0] < 0.8 and abs(reach[1] - 1) < 0.05 and reach[2] > 1.1, reach
    x1, _ = _centre(next(s for s in shapes if s.name == "Point 1"))
    x3, _ = _centre(next(s for s in shapes if s.name == "Point 3"))
    assert x1 > x3  # favouring the across axis puts a point further along it
    assert across.box[1] > curve.box[1]


def test_frontier_words_name_the_axes_the_line_and_each_point_in_order() -> None:
    words = text_equivalent(_draft(caption="Trade-offs made visible"))
    assert words.startswith("Diagram on this slide (two outputs from the same resources")
    assert "Staff experience going up, Patient experience going across" in words
    assert "'The best mixes from the same resources'" in words
    one = words.index("1. Push on one target: you end up inside the line (inside the line,")
    two = words.index("2. Both improved: on the line (on the line, balanced)")
    assert one < two and words.endswith("Trade-offs made visible")


def test_long_key_text_shrinks_with_a_warning_never_below_the_floor() -> None:
    long = ("A label that keeps on going well past a line", "and more detail " * 9)
    draft = DiagramDraft(
        "frontier",
        (long,) * 3,
        None,
        axes=("A", "B"),
        places=(("on", "x"), ("on", "y"), ("on", "both")),
    )
    shapes, trouble = diagram_shapes(draft, OFFICE_BODY, COLOURS)
    assert trouble and all(s.size >= design().diagram.floor for s in shapes if s.paras)


def _built(template: Path | None, out: Path) -> tuple[Path, int]:
    module = load_library().get("leadership-management")
    assert isinstance(module, DeckModule)
    brand, logo = example_brand()
    request = DeckRequest((module,), brand, logo, template=template)
    plan = plan_deck(request)
    assert not [w for w in plan.warnings if "lm-tradeoffs" in w]
    number = next(n for n, s in enumerate(plan.slides, start=1) if s.id == "lm-tradeoffs")
    path = out / f"{'office' if template else 'kit'}.pptx"
    path.write_bytes(write_deck(plan, request).data)
    return path, number


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, int]]:
    out = tmp_path_factory.mktemp("frontier")
    office = out / "office-default.pptx"
    Presentation().save(str(office))
    return [_built(None, out), _built(office, out)]


def test_bundled_tradeoffs_slide_is_a_frontier() -> None:
    module = load_library().get("leadership-management")
    assert isinstance(module, DeckModule)
    slide = next(s for s in module.slides if s.id == "lm-tradeoffs")
    assert isinstance(slide, FrontierSlide)
    assert {p.place for p in slide.points} >= {"inside", "on"}


def test_written_frontier_is_editable_shapes_with_alt_text_and_notes(
    decks: list[tuple[Path, int]],
) -> None:
    for path, number in decks:
        slide = Presentation(str(path)).slides[number - 1]
        pictures = [s.name for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert pictures in ([], ["Logo"]), pictures  # the organisation's logo at most
        assert MSO_SHAPE_TYPE.GROUP not in {s.shape_type for s in slide.shapes}
        curve = next(s for s in slide.shapes if s.name == "Frontier")
        assert curve.shape_type == MSO_SHAPE_TYPE.FREEFORM
        assert curve.element.xpath(".//a:custGeom//a:lnTo")  # points PowerPoint can edit
        texts = [
            s
            for s in slide.shapes
            if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.has_text_frame and s.text.strip()
        ]
        assert len(texts) >= 4
        notes = slide.notes_slide.notes_text_frame.text
        for shape in texts:
            descr = shape.element.xpath("./*[1]/p:cNvPr")[0].get("descr")
            assert descr, shape.name
            assert shape.text_frame.paragraphs[0].text in notes
            sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs]
            assert sizes and min(sizes) >= 18, (shape.name, sizes)
        assert "Patient experience" in notes and "inside the line" in notes


def test_kit_check_finds_nothing_on_the_frontier_slide(decks: list[tuple[Path, int]]) -> None:
    for path, number in decks:
        result = CliRunner().invoke(app, ["check", str(path)])
        assert result.exit_code == 0, result.stderr[-2000:]
        assert f"slide {number}:" not in result.stdout + result.stderr  # reading order, alt text


def test_libreoffice_converts_the_frontier_slide(
    decks: list[tuple[Path, int]], tmp_path: Path
) -> None:
    require_tools("soffice", "pdfinfo")
    assert SOFFICE is not None
    paths = [str(path) for path, _ in decks]
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *paths,
        ],
        check=False,
        capture_output=True,
        timeout=300,
    )
    for path, _ in decks:
        pdf = tmp_path / f"{path.stem}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        pages = int(
            next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
        )
        assert pages == len(Presentation(str(path)).slides)


BAD_CASES = [
    ("missing-axis.yaml", "missing-axis.yaml:9:5:", "slides.0.y_axis: is required but missing"),
    (
        "bad-place.yaml",
        "bad-place.yaml:17:16:",
        "slides.0.points.0.place: must be one of 'inside', 'on' or 'beyond' (got \"outside\")",
    ),
    (
        "same-spot.yaml",
        "same-spot.yaml:9:5:",
        "points 1 and 2 are both 'on' the line favouring 'y'",
    ),
    ("no-points.yaml", "no-points.yaml:15:5:", "slides.0.points: needs at least 1 entry"),
]


@pytest.mark.parametrize(("name", "where", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_frontier_is_reported_with_file_line_and_field(
    name: str, where: str, message: str
) -> None:
    result = CliRunner().invoke(app, ["validate", str(BAD / name)])
    assert result.exit_code == 1, result.output
    assert where in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
