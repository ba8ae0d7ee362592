"""The post-save finishing step: python-pptx/python-docx output made reproducible and valid."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx import Document
from docx.shared import Mm
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from compassion_kit.render.finish import _stamped, finish_ooxml, save_finished

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5e1b3b60000000049454e44ae426082"
)


def _deck() -> bytes:
    out = io.BytesIO()
    _chart_presentation().save(out)
    return out.getvalue()


def _chart_presentation() -> Presentation:
    prs = Presentation()  # python-pptx's default template has no notes master
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Results"
    data = CategoryChartData()
    data.categories = ["Agree", "Disagree"]
    data.add_series("Responses", (12, 3))
    slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data
    )
    slide.notes_slide.notes_text_frame.text = "Read the numbers out."
    return prs


def _document() -> bytes:
    out = io.BytesIO()
    _with_pictures().save(out)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.mark.parametrize("make", [_deck, _document])
def test_saves_a_moment_apart_finish_to_the_same_bytes(make) -> None:  # type: ignore[no-untyped-def]
    first = make()
    time.sleep(2.1)  # zip times have 2-second steps; the libraries stamp the wall clock
    second = make()
    assert first != second
    assert finish_ooxml(first) == finish_ooxml(second)


def test_source_date_epoch_changes_only_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    saved = _deck()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    early = _parts(finish_ooxml(saved))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    late = _parts(finish_ooxml(saved))
    changed = sorted(name for name in early if early[name] != late[name])
    workbook = next(name for name in changed if name.endswith(".xlsx"))
    assert changed == sorted(["docProps/core.xml", workbook])
    assert b"2023-11-14T22:13:20Z" in early["docProps/core.xml"]
    assert b"2027-01-15T08:00:00Z" in late["docProps/core.xml"]
    inner = _parts(early[workbook])
    assert b"2023-11-14T22:13:20Z" in inner["docProps/core.xml"]


def test_content_types_first_and_notes_master_listed() -> None:
    finished = finish_ooxml(_deck())
    with zipfile.ZipFile(io.BytesIO(finished)) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    children = [child.tag.removeprefix(p) for child in presentation]
    assert "notesMasterIdLst" in children
    assert children.index("notesMasterIdLst") == children.index("sldMasterIdLst") + 1
    reopened = Presentation(io.BytesIO(finished))
    assert reopened.slides[0].notes_slide.notes_text_frame.text == "Read the numbers out."


def test_word_drawing_ids_unique_across_body_and_header() -> None:
    saved = _parts(_document())
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"

    def ids(parts: dict[str, bytes]) -> list[str]:
        return [
            doc_pr.get("id")
            for name, blob in sorted(parts.items())
            if name.startswith("word/") and name.endswith(".xml") and b"docPr" in blob
            for doc_pr in etree.fromstring(blob).iter(wp)
        ]

    assert len(set(ids(saved))) < len(ids(saved))  # the defect this step exists for
    finished = ids(_parts(finish_ooxml(_document())))
    assert len(finished) == 2 and len(set(finished)) == 2


def test_a_repeated_shape_id_is_renumbered_and_the_first_use_kept() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    first = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    second = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(2), Inches(1))
    third = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(2), Inches(1))
    second._element.nvSpPr.cNvPr.set("id", str(first.shape_id))  # as a careless copy leaves it
    # Attributes in another order, as another tool may write them: still found.
    cnvpr = third._element.nvSpPr.cNvPr
    name = cnvpr.attrib.pop("name")
    shape_id = cnvpr.attrib.pop("id")
    cnvpr.set("name", name)
    cnvpr.set("id", shape_id)
    out = io.BytesIO()
    prs.save(out)
    before = _parts(out.getvalue())["ppt/slides/slide1.xml"]
    finished = _parts(finish_ooxml(out.getvalue()))["ppt/slides/slide1.xml"]
    ids = [el.get("id") for el in etree.fromstring(finished).iter("{*}cNvPr")]
    assert len(ids) == len(set(ids)) == 4  # the slide's group plus three text boxes
    assert ids[1] == str(first.shape_id) and ids[3] == shape_id
    assert finished != before
    untouched = _parts(finish_ooxml(_deck()))["ppt/slides/slide1.xml"]
    assert untouched == _parts(_deck())["ppt/slides/slide1.xml"]  # unique ids: kept as saved


def _slides(count: int) -> Presentation:
    prs = Presentation()
    for number in range(count):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Slide {number}"
        slide.notes_slide.notes_text_frame.text = "Say this."
    return prs


def _with_pictures() -> Document:
    doc = Document()
    doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(PNG), width=Mm(10))
    doc.add_paragraph().add_run().add_picture(io.BytesIO(PNG), width=Mm(10))
    return doc


@pytest.mark.parametrize("make", [lambda: _slides(3), _with_pictures, _chart_presentation])
def test_finishing_before_and_after_saving_gives_the_bytes_of_finishing_after(
    make, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = io.BytesIO()
    make().save(plain)
    assert save_finished(make()) == finish_ooxml(plain.getvalue())
    # Saved bytes holding a workbook are not stamped in place as they are: the workbook in
    # them is unfinished (save_finished finishes it before saving, then stamps).
    assert (_stamped(plain.getvalue()) is None) == (make is _chart_presentation)


def test_a_package_holding_a_workbook_is_finished_whole() -> None:
    finished = save_finished(_chart_presentation())
    with zipfile.ZipFile(io.BytesIO(finished)) as package:
        assert {info.date_time for info in package.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        workbook = next(n for n in package.namelist() if n.endswith(".xlsx"))
        with zipfile.ZipFile(io.BytesIO(package.read(workbook))) as inner:
            assert {info.date_time for info in inner.infolist()} == {(2020, 1, 1, 0, 0, 0)}
