"""Handout Word files: contents with python-docx, the strict validator, LibreOffice pages.

Each document that LibreOffice needs is built and converted once per module.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from compassion_kit.library import load_library
from compassion_kit.model import Handout
from compassion_kit.render.handout import plan_handouts, write_handouts
from compassion_kit.render.plan.printing import PrintRequest
from support.office import assert_valid_ooxml, pdf_pages, pdf_text, to_pdf, words
from support.word import styled_paragraphs
from test_docx_foundation import NORTHSHIRE, assert_accessible, pdf_words, sha, small_logo
from test_handout_plan import handout

LIBRARY = load_library()
MAX_PAGES = 4  # the longest article (the menu of staff-support approaches) takes three
ONE_PAGE = ("business-case-infographic",)


def build(*items: Handout) -> bytes:
    request = PrintRequest(items=tuple(items), brand=NORTHSHIRE, logo=small_logo())
    return write_handouts(plan_handouts(request), request).data


def library_handout(item_id: str) -> Handout:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Handout)
    return item


def check_complete(item: Handout, data: bytes) -> None:
    found = styled_paragraphs(data)
    texts = [t for _, t in found]
    assert ("Heading 1", item.title) in found
    for section in item.sections:
        assert ("Heading 2", section.heading) in found
        for text in section.paragraphs + section.bullets:
            assert text in texts, text
        if section.table is not None:
            assert section.table.caption in texts
            for row in section.table.rows:
                for cell in row:
                    assert cell in texts
        if section.chart is not None:
            assert all(c in texts for c in section.chart.categories)
    joined = "\n".join(texts)
    for figure in [*item.figures, *(f for s in item.sections for f in s.figures)]:
        assert figure.value in joined
    bullets = [t for s, t in found if s in ("List Bullet", "Compact Bullet")]
    assert bullets == [b for s in item.sections for b in s.bullets]


@pytest.mark.parametrize("item_id", LIBRARY.ids("handout"))
def test_every_library_handout_builds_valid_accessible_and_complete(
    item_id: str, tmp_path: Path
) -> None:
    item = library_handout(item_id)
    data = build(item)
    path = tmp_path / f"{item_id}.docx"
    path.write_bytes(data)
    assert_valid_ooxml(path)
    assert_accessible(path)
    check_complete(item, data)


def test_fixture_case_study_is_valid_accessible_and_complete(tmp_path: Path) -> None:
    item = handout("ho-case-study")
    data = build(item)
    path = tmp_path / "case.docx"
    path.write_bytes(data)
    assert_valid_ooxml(path)
    assert_accessible(path)
    check_complete(item, data)
    assert ("Subtitle", "Northshire NHS Trust") in styled_paragraphs(data)


def test_key_figures_are_a_shaded_table_with_numbers_as_its_header_row() -> None:
    document = Document(io.BytesIO(build(handout("ho-case-study"))))
    panels = [t for t in document.tables if t.style.name == "Kit Panel"]
    assert [len(t.columns) for t in panels] == [3, 2, 1]  # 3 + 2 on top, 1 in a section
    first = panels[0]
    assert [c.text for c in first.rows[0].cells] == ["5 days", "93%", "82%"]
    assert first.rows[1].cells[0].text == "of leave a year for volunteering"
    header = first._tbl.find(qn("w:tr"))
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    fills = {s.get(qn("w:fill")) for s in first._tbl.iter(qn("w:shd"))}
    assert fills == {"FFB81C"}
    caption = first._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    assert caption is not None and caption.get(qn("w:val")) == "Key figures"


def test_chart_is_a_data_table_with_its_caption_kept_as_text() -> None:
    found = styled_paragraphs(build(handout("ho-case-study")))
    texts = [t for _, t in found]
    assert ("Caption", "Volunteers (%)") in found
    start = texts.index("Awareness")
    assert start < texts.index("93%", start) < texts.index("Empathy")
    assert ("Table Note", "Most volunteers said their awareness of social issues grew.") in found
    xml = (
        zipfile.ZipFile(io.BytesIO(build(handout("ho-case-study"))))
        .read("word/document.xml")
        .decode()
    )
    assert "<c:chart" not in xml and "<wp:anchor" not in xml


def test_infographic_sections_are_in_two_columns() -> None:
    data = build(handout("ho-infographic"))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert re.search(r'<w:cols [^>]*w:num="2"', xml)
    assert '<w:type w:val="continuous"/>' in xml
    found = styled_paragraphs(data)
    assert ("Figure Line", "900+ staff posted ideas online") in found
    assert ("Compact Bullet", "Take a lunch break") in found


def test_rebuilds_are_byte_identical() -> None:
    item = library_handout("case-nhse-volunteering")
    assert sha(build(item)) == sha(build(item))


# --- LibreOffice ----------------------------------------------------------------------------

Printed = Callable[..., Path]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """Build and convert a set of handouts once; later calls reuse the PDF."""
    folder = tmp_path_factory.mktemp("handouts")
    cache: dict[tuple[str, ...], Path] = {}

    def get(*item_ids: str) -> Path:
        if item_ids not in cache:
            items = [handout(i) if i.startswith("ho-") else library_handout(i) for i in item_ids]
            path = folder / ("+".join(item_ids) + ".docx")
            path.write_bytes(build(*items))
            cache[item_ids] = to_pdf(path, folder)
        return cache[item_ids]

    return get


@pytest.mark.parametrize("item_id", LIBRARY.ids("handout"))
def test_library_handout_prints_within_its_page_budget(item_id: str, printed: Printed) -> None:
    pdf = printed(item_id)
    pages = pdf_pages(pdf)
    assert pages == 1 if item_id in ONE_PAGE else 1 <= pages <= MAX_PAGES
    # Word by word in drawing order: -layout text interleaves the infographic's columns.
    text = [w for found in pdf_words(pdf) for w in words(found.text)]
    item = library_handout(item_id)
    for heading in [item.title, *(s.heading for s in item.sections)]:
        wanted = words(heading)
        assert any(text[i : i + len(wanted)] == wanted for i in range(len(text))), heading


def test_business_case_infographic_is_exactly_one_page(printed: Printed) -> None:
    pdf = printed("business-case-infographic")
    assert pdf_pages(pdf) == 1
    assert "Page 1 of 1" in pdf_text(pdf)


def test_short_infographic_is_one_page(printed: Printed) -> None:
    assert pdf_pages(printed("ho-infographic")) == 1


def test_each_handout_starts_a_new_page_with_its_own_credit(printed: Printed) -> None:
    pdf = printed("ho-case-study", "ho-infographic", "why-compassion-matters")
    pages = pdf_pages(pdf)
    starts = {}
    for page in range(1, pages + 1):
        text = pdf_text(pdf, page)
        for title in (
            "A made-up case study",
            "A short infographic",
            "Why workplace compassion matters",
        ):
            # A title near the top of the page (under the header lines) starts a handout.
            if title in text[:600]:
                starts.setdefault(title, page)
    assert sorted(starts.values()) == list(starts.values())
    assert len(set(starts.values())) == 3
    last = pdf_text(pdf, pages)
    # The credit may wrap in the footer ("written for compassion-kit, based on ...").
    assert "Resource pack to support workplace compassion" in " ".join(last.split())
    assert f"Page {pages} of {pages}" in last


def test_every_library_handout_in_one_document(tmp_path: Path) -> None:
    items = [library_handout(i) for i in LIBRARY.ids("handout")]
    data = build(*items)
    path = tmp_path / "all.docx"
    path.write_bytes(data)
    assert_valid_ooxml(path)
    assert_accessible(path)
    headings = [t for s, t in styled_paragraphs(data) if s == "Heading 1"]
    assert headings == [i.title for i in items]
