"""Agenda Word files, reopened with python-docx and checked by the validator and LibreOffice."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from compassion_kit.library import load_library
from compassion_kit.logo import Logo
from compassion_kit.model import DEFAULT_ORGANISATION
from compassion_kit.profile import DEFAULT_BRAND, Brand
from compassion_kit.render.agenda import plan_agenda, write_agenda_docx
from support.office import assert_valid_ooxml, pdf_pages, pdf_text, to_pdf
from support.word import styled_paragraphs
from test_agenda_plan import NUMBERS, make_request

A4 = (11906, 16838)
LETTER = (12240, 15840)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def small_logo() -> Logo:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), (0, 94, 184)).save(buffer, format="PNG")
    return Logo(png=buffer.getvalue(), width_px=200, height_px=80, alt="Northshire NHS Trust logo")


NORTHSHIRE = Brand(DEFAULT_ORGANISATION.replace(name="Northshire NHS Trust"))


def write(
    tmp_path: Path,
    audience: str,
    *,
    brand: Brand = NORTHSHIRE,
    logo: Logo | None = None,
    numbers: dict[str, int] | None = NUMBERS,
    name: str | None = None,
) -> Path:
    request = make_request(audience, numbers=numbers, brand=brand)
    request = dataclasses.replace(request, logo=logo)
    path = tmp_path / (name or f"agenda-{audience}.docx")
    path.write_bytes(write_agenda_docx(plan_agenda(request), request).data)
    return path


# --- structure ----------------------------------------------------------------------------------


def test_headings_use_real_heading_styles_in_order(tmp_path: Path) -> None:
    headings = [
        (s, t)
        for s, t in styled_paragraphs(write(tmp_path, "facilitator"))
        if s.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "Fixture planning workshop"),
        ("Heading 2", "Run sheet"),
        ("Heading 3", "Materials for the day"),
        ("Heading 3", "Print list"),
        ("Heading 2", "Agenda"),
    ]


def test_participant_agenda_has_title_details_and_a_time_table(tmp_path: Path) -> None:
    path = write(tmp_path, "participant")
    texts = [t for _, t in styled_paragraphs(path)]
    assert texts[:6] == [
        "Fixture planning workshop",
        "Participant agenda",
        "Organisation: Northshire NHS Trust",
        "Date: Tuesday 3 March 2026",
        "Venue: Seminar room 2, Education Centre",
        "Time: 09:30 to 13:10",
    ]
    table = Document(str(path)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Time", "Session"]
    assert table.rows[1].cells[0].text == "09:30 to 09:50"
    assert table.rows[1].cells[1].text == (
        "Arrival, registration and coffee\n"
        "Introduction and welcome, icebreaker and the plan for the day."
    )


def test_agenda_table_header_row_repeats_and_is_marked_for_screen_readers(tmp_path: Path) -> None:
    for audience in ("participant", "facilitator"):
        document = Document(str(write(tmp_path, audience)))
        table = document.tables[-1]
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:])
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        assert look is not None and look.get(qn("w:firstRow")) == "1"


def test_facilitator_notes_are_a_labelled_style_with_a_left_bar(tmp_path: Path) -> None:
    path = write(tmp_path, "facilitator")
    document = Document(str(path))
    style = document.styles["Facilitator Notes"]
    bar = style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:left')}")
    assert bar is not None and bar.get(qn("w:val")) == "single"
    notes = [t for s, t in styled_paragraphs(path) if s == "Facilitator Notes"]
    assert notes[:4] == [
        "Facilitator notes",
        "Purpose: Settle the room quickly (FACILITATOR-ONLY-PURPOSE-1).",
        "How: Use the gratitude icebreaker again, or one of your own (FACILITATOR-ONLY-HOW-1).",
        "Have ready:",
    ]
    assert (
        "How: Consider showing slides 3 and 4 (the infographics), then slide 5 "
        "(FACILITATOR-ONLY-HOW-2)." in notes
    )
    assert "Slides: 3 and 4" in notes
    labels = [
        p
        for p in document.element.body.iter(qn("w:p"))
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith("Purpose:")
    ]
    first_run = labels[0].find(qn("w:r"))
    assert first_run is not None and first_run.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None


def test_note_lists_are_real_word_bullets(tmp_path: Path) -> None:
    document = Document(str(write(tmp_path, "facilitator")))
    for paragraph in document.paragraphs + [
        p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]:
        assert not re.match(r"^\s*(\u2022|-|\*|\d+\.)\s", paragraph.text)
    bullets = [
        p
        for p in document.element.body.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    ]
    assert len(bullets) >= 3 + 8  # materials for the day, and the lists inside notes


def test_run_sheet_print_list_is_a_table_with_copies(tmp_path: Path) -> None:
    table = Document(str(write(tmp_path, "facilitator"))).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows][:2] == [
        ["Item", "Copies", "Used in"],
        [
            "Fixture action plan (fixture-worksheet)",
            "one per group and one for the room",
            "Arrival, registration and coffee; Defining our focus; Ideas generation",
        ],
    ]


def test_participant_docx_has_no_notes_style_in_use(tmp_path: Path) -> None:
    styles = {s for s, _ in styled_paragraphs(write(tmp_path, "participant"))}
    assert "Facilitator Notes" not in styles
    assert len(Document(str(write(tmp_path, "participant"))).tables) == 1


# --- page, header, footer, properties ----------------------------------------------------------


def test_page_is_a4_by_default_and_letter_from_the_profile(tmp_path: Path) -> None:
    section = Document(str(write(tmp_path, "participant"))).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == A4
    letter = Brand(NORTHSHIRE.organisation.replace(paper="Letter"))
    section = Document(str(write(tmp_path, "participant", brand=letter))).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == LETTER


def test_header_has_the_logo_with_alt_text_and_the_organisation(tmp_path: Path) -> None:
    document = Document(str(write(tmp_path, "participant", logo=small_logo())))
    header = document.sections[0].header
    # The logo has its line to itself (clear space); the name is on the next line.
    assert header.paragraphs[0].text.strip() == ""
    assert "Northshire NHS Trust" in header.paragraphs[1].text
    pictures = list(header._element.iter(f"{WP}docPr"))
    assert [p.get("descr") for p in pictures] == ["Northshire NHS Trust logo"]
    assert not list(document.element.body.iter(f"{WP}anchor"))
    assert not list(header._element.iter(f"{WP}anchor"))


def test_footer_credits_the_source_and_numbers_pages(tmp_path: Path) -> None:
    footer = Document(str(write(tmp_path, "participant"))).sections[0].footer
    text = "\n".join(p.text for p in footer.paragraphs)
    assert "Source: Fixture source pack, Test Publisher, 2020, item 3.6" in text
    instructions = [i.text.strip() for i in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_document_title_and_language_are_set(tmp_path: Path) -> None:
    path = write(tmp_path, "facilitator")
    props = Document(str(path)).core_properties
    assert props.title == "Fixture planning workshop: facilitator agenda"
    assert props.language == "en-GB"
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert re.search(r'<w:docDefaults>.*<w:lang w:val="en-GB"', styles, re.S)


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    first = write(tmp_path, "facilitator", logo=small_logo(), name="a.docx").read_bytes()
    second = write(tmp_path, "facilitator", logo=small_logo(), name="b.docx").read_bytes()
    assert first == second


def test_slide_titles_are_printed_when_no_deck_is_given(tmp_path: Path) -> None:
    texts = [t for _, t in styled_paragraphs(write(tmp_path, "facilitator", numbers=None))]
    assert (
        "Slides: \u201cStaff experience in numbers\u201d and \u201cPatient experience in "
        "numbers\u201d" in texts
    )


# --- independent checks -------------------------------------------------------------------------


@pytest.mark.parametrize("audience", ["participant", "facilitator"])
def test_agenda_passes_the_ooxml_validator(tmp_path: Path, audience: str) -> None:
    assert_valid_ooxml(write(tmp_path, audience, logo=small_logo()))


def test_libreoffice_lays_the_fixture_out_on_a_sane_number_of_pages(tmp_path: Path) -> None:
    participant = to_pdf(write(tmp_path, "participant"), tmp_path)
    assert pdf_pages(participant) == 1
    facilitator = to_pdf(write(tmp_path, "facilitator"), tmp_path)
    assert 2 <= pdf_pages(facilitator) <= 4
    first, last = pdf_text(facilitator, 1), pdf_text(facilitator, pdf_pages(facilitator))
    assert "Run sheet" in first and "Page 1 of" in first
    assert "Time" in last and "Session" in last  # the header row repeated on the last page


def test_bundled_facilitator_agenda_fits_a_sane_number_of_pages(tmp_path: Path) -> None:
    library = load_library()
    if "improvement-planning" not in library.entries:
        pytest.skip("improvement-planning is not in content/ yet")
    request = make_request(
        "facilitator", library=library, agenda_id="improvement-planning", brand=DEFAULT_BRAND
    )
    path = tmp_path / "improvement-planning.docx"
    path.write_bytes(write_agenda_docx(plan_agenda(request), request).data)
    assert_valid_ooxml(path)
    pages = pdf_pages(to_pdf(path, tmp_path))
    assert 2 <= pages <= 8
