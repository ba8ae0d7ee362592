"""`kit check` on Word documents made with python-docx defaults: the defaults are caught, and
write-in space (ruled lines, answer cells, tick boxes) is not mistaken for bad layout."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from lxml import etree
from PIL import Image

from compassion_kit.check import Finding, check_files
from compassion_kit.profile import load_brand

ORG = Path(__file__).parent / "fixtures" / "check" / "org.yaml"
LOGO = Path(__file__).parent / "fixtures" / "logos" / "logo.png"


def check(path: Path, org: Path | None = None) -> list[Finding]:
    return list(check_files([path], load_brand(org) if org else None).findings)


def having(found: list[Finding], code: str, text: str = "") -> list[Finding]:
    return [f for f in found if f.code == code and text in f.message]


def a4(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    section.page_width, section.page_height = 7560310, 10692130  # 210 x 297 mm in EMU


def test_python_docx_defaults_are_all_caught(tmp_path: Path) -> None:
    picture = tmp_path / "chart.png"
    Image.new("RGB", (200, 100), "white").save(picture)
    doc = Document()
    doc.add_heading("Our results", 1)
    small = doc.add_paragraph().add_run("Ten point text")
    small.font.size = Pt(10)
    faint = doc.add_paragraph().add_run("Faint grey text")
    faint.font.color.rgb = RGBColor(0xCC, 0xCC, 0xCC)
    doc.add_picture(str(picture))
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, "abcd", strict=True):
        cell.text = text
    path = tmp_path / "defaults.docx"
    doc.save(path)
    found = check(path)
    assert having(found, "KIT019", "not A4")[0].where == "section 1"
    assert having(found, "KIT001", "'Picture 1' has no alt text")[0].severity == "E"
    assert having(found, "KIT009", "text is 10 pt")[0].severity == "E"
    assert having(found, "KIT009", "text is 11 pt (style 'Normal')")[0].severity == "E"
    assert having(found, "KIT013", "en-US")[0].where == "styles"
    assert having(found, "KIT008", "#CCCCCC text on #FFFFFF")[0].severity == "E"
    assert having(found, "KIT016", "Cambria")[0].severity == "E"
    assert having(found, "KIT012")[0].where == "properties"
    assert having(found, "KIT006")[0].where == "body table 1"


def test_size_is_inherited_through_based_on_styles(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    styles = doc.styles
    base = styles.add_style("Small Base", 1)
    base.font.size = Pt(9)
    child = styles.add_style("Small Child", 1)
    child.base_style = base
    doc.add_paragraph("Inherits nine point", style="Small Child")
    path = tmp_path / "based-on.docx"
    doc.save(path)
    found = having(check(path), "KIT009", "text is 9 pt (style 'Small Child')")
    assert found and found[0].severity == "E"


def test_cell_shading_and_automatic_colour(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    table = doc.add_table(rows=2, cols=1)
    header, body = table.rows[0].cells[0], table.rows[1].cells[0]
    header._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:fill="003087"/>'))
    header.text = "Automatic colour turns white on dark blue"
    body._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:fill="FFB81C"/>'))
    run = body.paragraphs[0].add_run("White on warm yellow")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    path = tmp_path / "shading.docx"
    doc.save(path)
    found = having(check(path), "KIT008")
    assert [f.message.split(";")[0] for f in found] == [
        "#FFFFFF text on #FFB81C has a contrast of 1.73:1"
    ]


def test_theme_colour_with_tint_is_resolved(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    run = doc.add_paragraph().add_run("Accent one, lightened")
    colour = parse_xml(
        f'<w:color {nsdecls("w")} w:val="4F81BD" w:themeColor="accent1" w:themeTint="66"/>'
    )
    run._r.get_or_add_rPr().append(colour)
    path = tmp_path / "tint.docx"
    doc.save(path)
    assert having(check(path), "KIT008", "text on #FFFFFF")


def test_write_in_lines_and_answer_cells_are_not_layout_problems(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    doc.add_paragraph("What will you do next?")
    for _ in range(4):  # ruled writing lines: empty paragraphs with a bottom border
        line = doc.add_paragraph()
        borders = (
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:color="425563"/></w:pBdr>'
        )
        line._p.get_or_add_pPr().append(parse_xml(borders))
    answers = doc.add_table(rows=4, cols=3)
    for r, row in enumerate(answers.rows):
        row.height = Pt(40)  # fixed row heights: space to write in
        row.cells[0].text = f"Question {r}"
    header = answers.rows[0]._tr.get_or_add_trPr()
    header.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    path = tmp_path / "worksheet.docx"
    doc.save(path)
    found = check(path)
    assert not having(found, "KIT014")
    assert not having(found, "KIT007")
    for row in answers.rows:
        row._tr.get_or_add_trPr().remove(row._tr.trPr.find(qn("w:trHeight")))
    doc.add_paragraph()
    doc.add_paragraph()
    doc.save(path)
    found = check(path)
    assert having(found, "KIT007", "8 of 12 cells are empty")[0].severity == "W"
    assert having(found, "KIT014", "empty paragraphs used for spacing")[0].severity == "W"


def test_tick_box_glyph_needs_no_brand_font(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    paragraph = doc.add_paragraph("Tick if you agree ")
    box = parse_xml(
        f'<w:sdt {nsdecls("w")} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        '<w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>'
        '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/>'
        '<w:sz w:val="36"/></w:rPr><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>'
    )
    paragraph._p.append(box)
    path = tmp_path / "tick.docx"
    doc.save(path)
    found = check(path)
    assert not having(found, "KIT016", "MS Gothic")
    assert not having(found, "KIT008")


def test_heading_levels(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    doc.add_heading("Starts at two", 2)
    doc.add_heading("Then four", 4)
    doc.add_heading("", 2)
    path = tmp_path / "headings.docx"
    doc.save(path)
    messages = [f.message for f in having(check(path), "KIT010")]
    assert "the first heading is level 2, not 1" in messages
    assert "the heading levels jump from 2 to 4" in messages
    assert "an empty heading" in messages
    plain = Document()
    for text in ("One", "Two", "Three"):
        plain.add_paragraph(text)
    plain.save(path)
    assert having(check(path), "KIT010", "no headings")


def test_justified_italic_and_typed_lists(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    doc.add_heading("Readable text", 1)
    justified = doc.add_paragraph("Justified text makes uneven gaps between the words.")
    justified.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    italic = doc.add_paragraph().add_run("A whole paragraph set in italics is hard to read.")
    italic.italic = True
    doc.add_paragraph("• a typed bullet")
    doc.add_paragraph("— A single attribution is not a list")
    path = tmp_path / "readable.docx"
    doc.save(path)
    found = check(path)
    assert having(found, "KIT015", "justified")
    assert having(found, "KIT015", "italics")
    assert [f.where for f in having(found, "KIT014", "typed list")] == [
        'body paragraph 4 "• a typed bullet"'
    ]


def test_header_logo_with_text_beside_it(tmp_path: Path) -> None:
    doc = Document()
    a4(doc)
    doc.add_heading("Logo in the header", 1)
    header = doc.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("Riverside Community Health  ")
    header.add_run().add_picture(str(LOGO), width=Pt(120), height=Pt(40))
    path = tmp_path / "logo.docx"
    doc.save(path)
    messages = [f.message for f in having(check(path, ORG), "KIT018")]
    assert any("shares the logo's line" in m for m in messages)
    assert any("stretched" in m for m in messages)
    assert any("does not name Riverside Community Health NHS Trust" in m for m in messages)
    drawing = doc.sections[0].header._element.xpath(".//wp:docPr")[0]
    drawing.set("descr", "RCHT logo")
    extent = doc.sections[0].header._element.xpath(".//wp:extent")[0]
    extent.set("cy", str(int(extent.get("cx")) // 4))
    for run in header.runs[:1]:
        run.text = ""
    doc.save(path)
    assert not having(check(path, ORG), "KIT018")


def test_a_broken_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    found = check(path)
    assert [(f.code, f.severity) for f in found] == [("KIT000", "E")]
    etree.fromstring(b"<ok/>")  # lxml is still usable after the failure
