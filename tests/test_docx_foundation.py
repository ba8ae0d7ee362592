"""The shared Word foundation (render/docx/document.py and friends, on python-docx), and
accessibility checks reused by the worksheet and handout tests (ACCESSIBILITY.md KIT001-KIT019,
as they apply to Word)."""

from __future__ import annotations

import hashlib
import html
import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw

from compassion_kit.branding import AA_LARGE, AA_NORMAL, contrast_ratio
from compassion_kit.errors import ContentError
from compassion_kit.library import load_item_file
from compassion_kit.logo import Logo
from compassion_kit.model import DEFAULT_ORGANISATION, Item
from compassion_kit.profile import Brand
from compassion_kit.render.docx import oxml, template
from compassion_kit.render.docx.document import finish, new_document, start_section
from compassion_kit.render.docx.table import add_table
from compassion_kit.render.docx.text import add_list, add_paragraph
from compassion_kit.render.plan.page import CHAR_WIDTH, column_widths
from compassion_kit.render.worksheet import read_tick_answers, read_ticks
from support.office import assert_valid_ooxml, words

FIXTURES = Path(__file__).parent / "fixtures"
A4 = (11906, 16838)
LETTER = (12240, 15840)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
CREDIT = "Test fixture for compassion-kit, compassion-kit, 2026"
NORTHSHIRE = Brand(DEFAULT_ORGANISATION.replace(name="Northshire NHS Trust"))
LETTER_BRAND = Brand(DEFAULT_ORGANISATION.replace(name="Acme", paper="Letter"))
LIST_STYLES = ("List Bullet", "List Number", "Compact Bullet")


def small_logo() -> Logo:
    """A 300x120 PNG drawn here, so the tests do not depend on a logo file."""
    image = Image.new("RGB", (300, 120), "white")
    ImageDraw.Draw(image).rectangle((180, 20, 290, 100), fill=(0, 94, 184))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return Logo(buffer.getvalue(), 300, 120, "Northshire NHS Trust logo")


def fixture(name: str) -> Item:
    entry, problems = load_item_file(FIXTURES / f"{name}.yaml")
    assert entry is not None, problems
    return entry.item


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- accessibility checks shared by the worksheet and handout tests -------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _style_value(paragraph: Paragraph, getter: str) -> object:
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, getter)
        if getattr(value, "rgb", value) is not None:
            return value
        style = style.base_style
    return None


def _size(run: object, paragraph: Paragraph) -> float:
    size = run.font.size  # type: ignore[attr-defined]
    if size is None and run.style is not None and run.style.font.size is not None:  # type: ignore[attr-defined]
        size = run.style.font.size  # type: ignore[attr-defined]
    if size is None:
        size = _style_value(paragraph, "size")
    return 12.0 if size is None else size.pt  # type: ignore[attr-defined]


def _colour(run: object, paragraph: Paragraph) -> str:
    colour = run.font.color.rgb  # type: ignore[attr-defined]
    if colour is None and run.style is not None:  # type: ignore[attr-defined]
        colour = run.style.font.color.rgb  # type: ignore[attr-defined]
    if colour is None:
        found = _style_value(paragraph, "color")
        colour = getattr(found, "rgb", None)
    return f"#{colour}" if colour is not None else "#231F20"


def _background(p_element: object) -> str:
    shd = p_element.find(f"{qn('w:pPr')}/{qn('w:shd')}")  # type: ignore[attr-defined]
    if shd is not None:
        return "#" + shd.get(qn("w:fill"))
    cell = p_element.getparent()  # type: ignore[attr-defined]
    while cell is not None and cell.tag != qn("w:tc"):
        cell = cell.getparent()
    if cell is not None:
        shd = cell.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
        if shd is not None:
            return "#" + shd.get(qn("w:fill"))
    return "#FFFFFF"


def accessibility_problems(path: Path, paper: tuple[int, int] = A4) -> list[str]:
    """Everything in the file that breaks the Word rules of ACCESSIBILITY.md."""
    data = path.read_bytes()
    parts = _parts(data)
    problems: list[str] = []
    if "word/stylesWithEffects.xml" in parts:
        problems.append("legacy stylesWithEffects part")
    styles = parts["word/styles.xml"].decode()
    if not re.search(r'<w:docDefaults>.*<w:lang w:val="en-GB"', styles, re.S):
        problems.append("docDefaults language is not en-GB")
    core = parts["docProps/core.xml"].decode()
    if not re.search(r"<dc:title>[^<]+</dc:title>", core):
        problems.append("no dc:title")
    ids: list[str] = []
    for name, xml in parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            text = xml.decode()
            if "<wp:anchor" in text:
                problems.append(f"floating object in {name}")
            ids += re.findall(r'<wp:docPr id="(\d+)"', text)
            for descr in re.findall(r"<wp:docPr ([^>]*)>", text):
                if not re.search(r'descr="[^"]+"', descr) or re.search(r"\.png|Picture \d", descr):
                    problems.append(f"picture without proper alt text: {descr}")
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate wp:docPr ids {ids}")
    document = Document(str(path))
    for section in document.sections:
        size = (section.page_width.twips, section.page_height.twips)
        if size != paper:
            problems.append(f"page size {size}, expected {paper}")
        margins = (
            section.left_margin,
            section.right_margin,
            section.top_margin,
            section.bottom_margin,
        )
        if min(m.twips for m in margins) < 1134:
            problems.append("margin under 2 cm")
    body = document.element.body
    for table in body.iter(qn("w:tbl")):
        first = table.find(qn("w:tr"))
        look = table.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
        if first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            problems.append("table without a marked header row")
        if look is None or look.get(qn("w:firstRow")) != "1":
            problems.append("table without tblLook firstRow")
    level = 0
    for element in body.iter(qn("w:p")):
        paragraph = Paragraph(element, document)
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        text = paragraph.text
        match = re.fullmatch(r"Heading (\d)", style)
        if match:
            new = int(match.group(1))
            if (level == 0 and new != 1) or new > level + 1:
                problems.append(f"heading level {new} after {level}: {text!r}")
            if not text.strip():
                problems.append("empty heading")
            level = new
        if style in LIST_STYLES and element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None:
            problems.append(f"list paragraph without numbering: {text!r}")
        # Numbered headings ("1. Is the organisation ready?") are headings, not lists.
        if re.match(r"\s*([\u2022\-*]|\d+\.)\s", text) and style not in LIST_STYLES and not match:
            problems.append(f"fake list: {text!r}")
        background = _background(element)
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            size = _size(run, paragraph)
            if size < 12:
                problems.append(f"{size} pt text: {run.text!r}")
            colour = _colour(run, paragraph)
            bold = bool(run.bold) or bool(_style_value(paragraph, "bold"))
            large = size >= 18 or (size >= 14 and bold)
            need = AA_LARGE if large else AA_NORMAL
            if contrast_ratio(colour, background) < need:
                problems.append(f"{colour} on {background} below {need}:1: {run.text!r}")
    return problems


def assert_accessible(path: Path, paper: tuple[int, int] = A4) -> None:
    problems = accessibility_problems(path, paper)
    assert not problems, "\n".join(problems[:20])


# --- the foundation itself -------------------------------------------------------------------


def build_sample(
    brand: Brand = NORTHSHIRE, logo: Logo | None = None, template: Path | None = None
) -> bytes:
    draft = new_document(brand, logo or small_logo(), CREDIT, template)
    add_paragraph(draft, "Sample document", "Heading 1")
    add_list(draft, ["First step", "Second step"], numbered=True)
    add_list(draft, ["A bullet"])
    add_list(draft, ["Again one", "Again two"], numbered=True)
    add_table(draft, ["Name", "Role"], [["Sam", "Nurse"], ["Alex"]])
    paragraph = add_paragraph(draft, "Tick: ")
    oxml.add_checkbox(paragraph, draft.next_control_id(), "sample/1", "Yes")
    oxml.add_checkbox(paragraph, draft.next_control_id(), "sample/2", "No", checked=True)
    start_section(draft, credit="Second credit, 2026")
    add_paragraph(draft, "Second item", "Heading 1")
    return finish(draft, "Sample")


def test_sample_document_is_valid_and_accessible(tmp_path: Path) -> None:
    path = tmp_path / "sample.docx"
    path.write_bytes(build_sample())
    assert_valid_ooxml(path)
    assert_accessible(path)


def test_letter_paper_comes_from_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(build_sample(LETTER_BRAND))
    assert_accessible(path, LETTER)


def test_identical_input_gives_identical_bytes() -> None:
    assert sha(build_sample()) == sha(build_sample())


def test_source_date_epoch_sets_created_and_modified(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    core = _parts(build_sample())["docProps/core.xml"].decode()
    assert "2023-11-14T22:13:20Z" in core
    assert "<dc:creator>compassion-kit</dc:creator>" in core
    assert "<cp:revision>1</cp:revision>" in core
    assert "<dc:language>en-GB</dc:language>" in core


def test_header_has_logo_with_alt_text_and_organisation_name() -> None:
    parts = _parts(build_sample())
    header = next(v.decode() for k, v in parts.items() if k.startswith("word/header"))
    assert "Northshire NHS Trust" in header
    assert 'descr="Northshire NHS Trust logo"' in header
    assert "<wp:inline" in header and "<wp:anchor" not in header
    assert 'w:jc w:val="right"' in parts["word/styles.xml"].decode()


def test_docpr_ids_are_unique_across_header_and_body() -> None:
    draft = new_document(NORTHSHIRE, small_logo(), CREDIT)
    add_paragraph(draft, "Ids", "Heading 1")
    picture = add_paragraph(draft).add_run().add_picture(io.BytesIO(small_logo().png))
    oxml.describe_picture(picture, "B", "A")
    parts = _parts(finish(draft, "Ids"))
    ids = [
        i
        for name, xml in parts.items()
        if name.endswith(".xml")
        for i in re.findall(r'<wp:docPr id="(\d+)"', xml.decode())
    ]
    assert sorted(ids) == ["1", "2"]


def test_each_item_section_has_its_own_footer_credit() -> None:
    parts = _parts(build_sample())
    footers = sorted(v.decode() for k, v in parts.items() if k.startswith("word/footer"))
    assert len(footers) == 2
    assert any(f"Source: {CREDIT}" in f for f in footers)
    assert any("Source: Second credit, 2026" in f for f in footers)
    for footer in footers:
        assert " PAGE " in footer and " NUMPAGES " in footer


def test_numbered_lists_restart_and_bullets_use_numbering() -> None:
    document = Document(io.BytesIO(build_sample()))
    num_ids = [
        p._p.pPr.numPr.numId.val
        for p in document.paragraphs
        if p.style.name in ("List Number", "List Bullet")
    ]
    assert num_ids[0] == num_ids[1] and num_ids[3] == num_ids[4]
    assert num_ids[0] != num_ids[3]  # the second numbered list starts again at 1
    assert num_ids[2] == 1  # bullets use the template's bullet list


def test_table_header_is_marked_and_rows_do_not_split() -> None:
    document = Document(io.BytesIO(build_sample()))
    table = document.tables[0]
    rows = table._tbl.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert table.cell(2, 1).text == ""  # short rows are padded


def test_checkbox_can_be_ticked_and_read_back() -> None:
    data = build_sample()
    assert read_ticks(data) == [False, True]
    parts = _parts(data)
    xml = parts["word/document.xml"].decode()
    # Tick the first box as Word does: w14:checked and the printed glyph.
    xml = xml.replace('<w14:checked w14:val="0"/>', '<w14:checked w14:val="1"/>', 1)
    xml = xml.replace("\u2610", "\u2612", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, xml.encode() if name == "word/document.xml" else content)
    assert read_ticks(buffer.getvalue()) == [True, True]
    assert read_tick_answers(buffer.getvalue()) == {"sample/1": True, "sample/2": True}


def test_checkbox_is_a_content_control_with_printed_box() -> None:
    xml = _parts(build_sample())["word/document.xml"].decode()
    assert xml.count("<w14:checkbox>") == 2
    assert 'w14:val="2612"' in xml and 'w14:val="2610"' in xml
    assert "\u2610" in xml and "\u2612" in xml


def test_column_widths_fill_the_width_and_fit_the_longest_word() -> None:
    widths = column_widths(
        ["Letter", "Question", "My answer"],
        [["S: Specific", "Do I know exactly what my goal is?", ""]],
        9638,
    )
    assert sum(widths) == 9638
    assert widths[0] >= len("Specific") * CHAR_WIDTH
    assert widths[2] > widths[0]  # the blank writing column gets room


def test_styles_a_template_lacks_come_from_the_bundled_one(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    source = _parts(template.template_path().read_bytes())
    styles = source["word/styles.xml"].decode()
    styles = styles.replace('w:val="Prompt"', 'w:val="Renamed One"')
    styles = styles.replace('w:val="Kit Panel"', 'w:val="Renamed Two"')
    with zipfile.ZipFile(broken, "w") as archive:
        for name, content in source.items():
            archive.writestr(name, styles.encode() if name == "word/styles.xml" else content)
    document = Document(str(broken))
    assert template.add_missing_styles(document) == ["Prompt", "Kit Panel"]
    names = [style.name for style in document.styles]
    assert "Prompt" in names and "Kit Panel" in names and "Renamed One" in names


def test_python_docx_default_template_works_as_a_template(tmp_path: Path) -> None:
    default = tmp_path / "default.docx"
    Document().save(str(default))
    path = tmp_path / "sample.docx"
    path.write_bytes(build_sample(template=default))
    # Not validated: python-docx's default template carries a legacy stylesWithEffects part
    # that the strict validator flags (docs/notes/word.md); the kit's own template has none.
    document = Document(str(path))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert [p.style.name for p in document.paragraphs[1:4]] == ["List Number"] * 2 + ["List Bullet"]
    assert all(p._p.pPr.numPr is not None for p in document.paragraphs[1:4])
    assert document.tables[0].style.name == "Kit Table"  # copied from the bundled template
    assert read_ticks(path.read_bytes()) == [False, True]


def test_an_unreadable_template_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        new_document(NORTHSHIRE, None, CREDIT, path)
    assert "cannot read the Word template" in str(caught.value)
    assert str(path) in str(caught.value)


def test_template_is_rebuilt_byte_for_byte() -> None:
    import importlib.util

    script = Path(__file__).parent.parent / "templates" / "make_docx_template.py"
    spec = importlib.util.spec_from_file_location("make_docx_template", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == template.template_path().read_bytes()


# --- reading a LibreOffice PDF back, word by word, with positions ---------------------------


@dataclass(frozen=True)
class PdfWord:
    page: int  # 1-based
    top: float  # points from the top of the page
    bottom: float
    text: str


def pdf_words(pdf: Path) -> list[PdfWord]:
    """Every word `pdftotext -bbox` finds, in page and reading order."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found: list[PdfWord] = []
    for number, page in enumerate(re.findall(r"<page .*?</page>", out, re.S), start=1):
        for y_min, y_max, text in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            found.append(PdfWord(number, float(y_min), float(y_max), html.unescape(text)))
    return found


def find_text(found: list[PdfWord], text: str, start: int = 0) -> tuple[int, int]:
    """Index of the first and last PDF word of `text` (matched word by word), from `start`."""
    wanted = words(text)
    plain = [words(w.text) for w in found]
    flat: list[tuple[int, str]] = [(i, part) for i, parts in enumerate(plain) for part in parts]
    for begin in range(len(flat)):
        if flat[begin][0] < start:
            continue
        if [part for _, part in flat[begin : begin + len(wanted)]] == wanted:
            return flat[begin][0], flat[begin + len(wanted) - 1][0]
    raise AssertionError(f"{text!r} not found in the PDF")


def test_accessibility_checks_catch_small_text_pale_text_and_skipped_headings(
    tmp_path: Path,
) -> None:
    from docx.shared import Pt, RGBColor

    draft = new_document(NORTHSHIRE, None, CREDIT)
    # python-docx directly: the kit itself never writes these mistakes
    document = Document(io.BytesIO(finish(draft, "Bad")))
    document.add_paragraph("Skipped to level 2", style="Heading 2")
    document.add_paragraph().add_run("tiny").font.size = Pt(10)
    document.add_paragraph().add_run("pale").font.color.rgb = RGBColor(0xFF, 0xB8, 0x1C)
    document.add_paragraph("\u2022 typed bullet")
    document.add_table(rows=1, cols=1)
    path = tmp_path / "bad.docx"
    document.save(str(path))
    found = "\n".join(accessibility_problems(path))
    for expected in (
        "heading level 2 after 0",
        "10.0 pt text",
        "#FFB81C on #FFFFFF",
        "fake list",
        "table without a marked header row",
    ):
        assert expected in found


def test_brand_font_and_colours_are_applied_to_the_styles() -> None:
    org = DEFAULT_ORGANISATION.replace(
        name="Scotland Test Board",
        font="Stone Sans",
        colours=DEFAULT_ORGANISATION.colours.replace(primary="#330072", secondary="#006747"),
    )
    styles = _parts(build_sample(Brand(org)))["word/styles.xml"].decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    assert defaults is not None and 'w:ascii="Stone Sans"' in defaults.group(0)
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading is not None and 'w:color w:val="330072"' in heading.group(0)
    figure = re.search(r'<w:style [^>]*w:styleId="FigureValue".*?</w:style>', styles, re.S)
    assert figure is not None and 'w:color w:val="006747"' in figure.group(0)
    assert "asciiTheme" not in styles


def test_long_titles_are_cut_to_fit_the_core_properties() -> None:
    title = "Worksheets: " + "; ".join(f"A rather long worksheet title {n}" for n in range(20))
    draft = new_document(NORTHSHIRE, None, CREDIT)
    add_paragraph(draft, "Many", "Heading 1")
    core = _parts(finish(draft, title))["docProps/core.xml"].decode()
    found = re.search(r"<dc:title>([^<]+)</dc:title>", core)
    assert found is not None
    assert len(found.group(1)) <= 255 and found.group(1).endswith("\u2026")
    assert found.group(1).startswith("Worksheets: A rather long worksheet title 0;")


def test_source_date_epoch_changes_only_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = _parts(build_sample())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    second = _parts(build_sample())
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == ["docProps/core.xml"]
    dates = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    core = first["docProps/core.xml"], second["docProps/core.xml"]
    assert dates.sub(b"", core[0]) == dates.sub(b"", core[1])
    assert b"2023-11-14T22:13:20Z" in core[0] and b"2027-01-15T08:00:00Z" in core[1]
