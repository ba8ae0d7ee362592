"""`kit check` on slide decks made with python-pptx defaults: every known default is caught,
and what PowerPoint inherits (theme colours, master sizes, autofit) is resolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from compassion_kit.check import Finding, check_files
from compassion_kit.profile import load_brand

ORG = Path(__file__).parent / "fixtures" / "check" / "org.yaml"
LOGO = Path(__file__).parent / "fixtures" / "logos" / "logo.png"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLE_ONLY, TITLE_AND_CONTENT = 5, 1


def check(path: Path, org: Path | None = None, profile: str = "screen") -> list[Finding]:
    brand = load_brand(org) if org else None
    return list(check_files([path], brand, profile).findings)


def codes(found: list[Finding], severity: str = "EWT") -> set[str]:
    return {f.code for f in found if f.severity in severity}


def having(found: list[Finding], code: str, text: str = "") -> list[Finding]:
    return [f for f in found if f.code == code and text in f.message]


def titled(prs: Presentation, title: str, layout: int = TITLE_ONLY):  # type: ignore[no-untyped-def,valid-type]
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    slide.shapes.title.text = title
    return slide


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), "teal").save(path)
    return path


def test_python_pptx_defaults_are_all_caught(tmp_path: Path, picture: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])  # title left empty
    slide.shapes.add_picture(str(picture), Inches(1), Inches(2))
    slide.shapes.add_textbox(Inches(1), Inches(5), Inches(6), Inches(1)).text_frame.text = "Hi"
    path = tmp_path / "defaults.pptx"
    prs.save(path)
    found = check(path)
    assert having(found, "KIT002", "file or default name: 'photo.png'")[0].severity == "E"
    assert having(found, "KIT019", "not 16:9")[0].where == "presentation"
    assert having(found, "KIT003", "empty title placeholder")[0].where == "slide 1"
    assert having(found, "KIT013", "en-US")[0].severity == "W"
    assert having(found, "KIT012")[0].severity == "E"
    assert having(found, "KIT016", "text is set in Calibri")[0].severity == "E"
    assert having(found, "KIT016", "theme's body font is Calibri")[0].severity == "W"


def test_a4_slides_pass_only_for_print(tmp_path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(9906000), Emu(6858000)
    titled(prs, "Welcome")
    path = tmp_path / "a4.pptx"
    prs.save(path)
    assert "KIT019" in codes(check(path), "E")
    assert "KIT019" not in codes(check(path, profile="print"), "E")


def test_low_contrast_run_and_theme_colour_are_caught(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Contrast")
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Pale grey words"
    run.font.color.rgb = RGBColor(0xCC, 0xCC, 0xCC)
    box2 = slide.shapes.add_textbox(Inches(1), Inches(4), Inches(6), Inches(1))
    run2 = box2.text_frame.paragraphs[0].add_run()
    run2.text = "Theme background 2 text"
    run2.font.size = Pt(28)
    # bg2 maps (through the master's colour map) to lt2, #EEECE1 in the default theme.
    fill = etree.SubElement(run2._r.get_or_add_rPr(), f"{A}solidFill")
    etree.SubElement(fill, f"{A}schemeClr", val="bg2")
    path = tmp_path / "contrast.pptx"
    prs.save(path)
    found = having(check(path), "KIT008")
    assert any("#CCCCCC text on #FFFFFF has a contrast of 1.61:1" in f.message for f in found)
    assert any("#EEECE1 text on #FFFFFF" in f.message for f in found)


def test_text_on_a_filled_shape_is_measured_against_the_fill(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Panels")
    panel = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(2))
    panel.fill.solid()
    panel.fill.fore_color.rgb = RGBColor(0x00, 0x5E, 0xB8)  # NHS Blue
    run = panel.text_frame.paragraphs[0].add_run()
    run.text = "White on NHS Blue"
    run.font.size = Pt(24)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    path = tmp_path / "panel.pptx"
    prs.save(path)
    assert not having(check(path), "KIT008")


def test_text_over_a_picture_asks_for_a_manual_check(tmp_path: Path, picture: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Photo")
    photo = slide.shapes.add_picture(str(picture), Inches(1), Inches(2), Inches(6), Inches(4))
    photo._element.nvPicPr.cNvPr.set("descr", "Nurses at a ward handover")
    box = slide.shapes.add_textbox(Inches(2), Inches(3), Inches(4), Inches(1))
    box.text_frame.text = "Caption over the photo"
    path = tmp_path / "over.pptx"
    prs.save(path)
    manual = having(check(path), "KIT008", "manual contrast check")
    assert manual and manual[0].severity == "W"


def test_sizes_come_from_the_master_and_autofit_shrinks_them(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Sizes", TITLE_AND_CONTENT)
    slide.placeholders[1].text = "Body text at the master's 32 pt"
    path = tmp_path / "master.pptx"
    prs.save(path)
    assert not having(check(path), "KIT009")
    body_pr = slide.placeholders[1].text_frame._txBody.bodyPr
    for child in list(body_pr):
        body_pr.remove(child)
    etree.SubElement(body_pr, f"{A}normAutofit", fontScale="50000")
    prs.save(path)
    shrunk = having(check(path), "KIT009", "text is 16 pt")
    assert shrunk and shrunk[0].severity == "E"


def test_small_title_is_a_warning_and_small_body_an_error(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "A small title")
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1))
    box.text_frame.text = "Footnote"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    path = tmp_path / "small.pptx"
    prs.save(path)
    found = check(path)
    assert having(found, "KIT009", "title text is 28 pt")[0].severity == "W"
    assert having(found, "KIT009", "text is 12 pt")[0].severity == "E"


def test_the_organisations_name_in_the_logos_place_is_furniture(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "A slide with a wordmark")
    for name, top in (("Organisation name", 0.2), ("Caption", 3)):
        box = slide.shapes.add_textbox(Inches(6), Inches(top), Inches(3), Inches(0.5))
        box.name = name
        box.text_frame.text = f"{name} at 20 pt"
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    path = tmp_path / "wordmark.pptx"
    prs.save(path)
    small = having(check(path), "KIT009", "20 pt")
    assert len(small) == 1 and small[0].severity == "W"
    assert "other place" not in small[0].message  # the caption alone, not the name


DIAMOND = {"top": (4, 2), "right": (7, 3.5), "bottom": (4, 5), "left": (1, 3.5)}  # inches


@pytest.mark.parametrize(
    ("order", "warned"),
    [
        (["top", "right", "bottom", "left"], False),  # a cycle, read clockwise round it
        (["top", "right", "left"], False),  # three stages, clockwise from the top
        (["bottom", "right", "top", "left"], True),  # not from the top: a column read upwards
        (["right", "left", "top", "bottom"], True),  # a row read from the right
    ],
)
def test_a_cycles_stages_are_read_round_the_ring(
    tmp_path: Path, order: list[str], warned: bool
) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    slide = titled(prs, "A cycle")
    for name in order:
        left, top = DIAMOND[name]
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(2), Inches(1))
        box.name = name
        box.text_frame.text = name
    path = tmp_path / "cycle.pptx"
    prs.save(path)
    assert bool(having(check(path), "KIT005")) == warned


def test_table_without_header_row(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Table")
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r in range(3):
        for c in range(2):
            table.cell(r, c).text = f"{r}{c}"
    path = tmp_path / "table.pptx"
    prs.save(path)
    found = check(path)
    assert not having(found, "KIT006")
    # python-pptx's built-in table style: white header text on accent 1 is not flagged.
    assert not having(found, "KIT008")
    table.first_row = False
    prs.save(path)
    assert having(check(path), "KIT006")[0].severity == "E"


def test_duplicate_titles_and_reading_order(tmp_path: Path) -> None:
    prs = Presentation()
    titled(prs, "Our plan")
    slide = titled(prs, "Our plan ")
    box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1))
    box.text_frame.text = "Read me after the title"
    tree = slide.shapes._spTree
    tree.append(slide.shapes.title._element)  # the title is now read last
    path = tmp_path / "order.pptx"
    prs.save(path)
    found = check(path)
    assert having(found, "KIT004", "also the title of slide 1")[0].where == "slide 2"
    assert having(found, "KIT005", "title is read after 1 other object")[0].where == "slide 2"


def test_link_text_must_describe_the_destination(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Links")
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(2))
    for text, url in (
        ("click here", "https://example.org/a"),
        ("https://www.england.nhs.uk/", "https://www.england.nhs.uk"),
        ("NHS England's guide to compassionate leadership", "https://example.org/b"),
    ):
        paragraph = box.text_frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.hyperlink.address = url
    path = tmp_path / "links.pptx"
    prs.save(path)
    messages = [f.message for f in having(check(path), "KIT011")]
    assert len(messages) == 2
    assert any("'click here'" in m for m in messages)
    assert any("the address itself" in m for m in messages)


def test_typed_lists_are_caught_but_an_attribution_is_not(tmp_path: Path) -> None:
    prs = Presentation()
    slide = titled(prs, "Lists")
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(2))
    box.text_frame.text = "“Kindness is contagious.”"
    box.text_frame.add_paragraph().text = "— A ward sister"
    other = slide.shapes.add_textbox(Inches(1), Inches(4), Inches(8), Inches(2))
    other.text_frame.text = "1. Listen"
    path = tmp_path / "lists.pptx"
    prs.save(path)
    found = having(check(path), "KIT014", "typed list")
    assert [f.message for f in found] == ["'1. Listen' looks like a typed list item"]


def test_logo_is_found_and_judged(tmp_path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    good = titled(prs, "Good logo")
    logo = good.shapes.add_picture(str(LOGO), Emu(9144000), Emu(300000), width=Emu(2400000))
    logo._element.nvPicPr.cNvPr.set("descr", "Riverside Community Health NHS Trust logo")
    bad = titled(prs, "Stretched logo")
    stretched = bad.shapes.add_picture(
        str(LOGO), Emu(9144000), Emu(300000), Emu(2400000), Emu(1200000)
    )
    assert stretched._element.nvPicPr.cNvPr.get("descr") == "logo.png"
    twice = titled(prs, "Two logos")
    for x in (9144000, 6000000):
        again = twice.shapes.add_picture(str(LOGO), Emu(x), Emu(300000), width=Emu(2400000))
        again._element.nvPicPr.cNvPr.set("descr", "RCHT logo")
    titled(prs, "No logo")
    path = tmp_path / "logo.pptx"
    prs.save(path)
    found = having(check(path, ORG), "KIT018")
    where = {f.where: f.message for f in found}
    assert "slide 1" not in where
    assert "stretched" in " ".join(f.message for f in found if f.where == "slide 2")
    assert any("does not name" in f.message for f in found if f.where == "slide 2")
    assert "the logo appears 2 times" in [f.message for f in found if f.where == "slide 3"]
    assert where["slide 4"] == "the slide has no logo"
