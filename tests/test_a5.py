"""A5, A4 and Letter: the one-page infographic stays one page on each, at the 12 pt print floor.

The plan decides the infographic's layout from the page's text width (two columns, or stacked
on A5); LibreOffice renders each paper once per module to check what a printer would get.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from compassion_kit.library import load_library
from compassion_kit.model import Handout
from compassion_kit.profile import Brand
from compassion_kit.render.handout import plan_handouts, write_handouts
from compassion_kit.render.plan.handout import infographic_columns
from compassion_kit.render.plan.page import PAPER, text_width_for
from compassion_kit.render.plan.printing import PrintRequest
from support.office import pdf_pages, pdf_text, to_pdf
from test_docx_foundation import NORTHSHIRE, PdfWord, pdf_words, small_logo
from test_handout_plan import handout

LIBRARY = load_library()
INFOGRAPHIC = "business-case-infographic"
PAPERS = tuple(PAPER)  # A4, Letter, A5
FLOOR = 12.0  # points: the print floor of ACCESSIBILITY.md (KIT009)


def library_handout(item_id: str) -> Handout:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Handout)
    return item


def on(paper: str) -> Brand:
    return Brand(NORTHSHIRE.organisation.replace(paper=paper))


def request(item: Handout, paper: str) -> PrintRequest:
    return PrintRequest(items=(item,), brand=on(paper), logo=small_logo())


# --- plan -----------------------------------------------------------------------------------


def test_two_columns_only_where_each_holds_a_readable_line() -> None:
    assert infographic_columns(text_width_for("A4")) == 2
    assert infographic_columns(text_width_for("Letter")) == 2
    assert infographic_columns(text_width_for("A5")) == 1


def test_a5_infographic_stacks_its_small_paper_sections_under_key_figures_two_by_two() -> None:
    item = library_handout(INFOGRAPHIC)
    page = plan_handouts(request(item, "A5")).pages[0]
    assert page.infographic and page.columns == 1
    assert page.panel is not None
    assert [len(row) for row in page.panel.rows] == [2, 2]
    kept = [s.heading for s in item.sections if s.small_paper]
    assert 0 < len(kept) < len(item.sections)  # A5 has room for some of it, not all
    assert [s.heading for s in page.sections] == kept
    for section in page.sections:  # stacked: each section takes the full width
        if section.panel is not None:
            assert section.panel.width == text_width_for("A5")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_larger_paper_keeps_every_section_in_two_columns(paper: str) -> None:
    item = library_handout(INFOGRAPHIC)
    page = plan_handouts(request(item, paper)).pages[0]
    assert page.columns == 2
    assert page.panel is not None and [len(row) for row in page.panel.rows] == [4]
    assert [s.heading for s in page.sections] == [s.heading for s in item.sections]


def test_a_section_not_for_small_paper_is_left_out_only_when_stacked() -> None:
    item = handout("ho-infographic")
    first, *rest = item.sections
    marked = item.replace(sections=[first.replace(small_paper=False), *rest])
    stacked = plan_handouts(request(marked, "A5"))
    assert [s.heading for s in stacked.pages[0].sections] == [s.heading for s in rest]
    said = [w for w in stacked.warnings if "small_paper: false" in w]
    assert len(said) == 1 and f"'{first.heading}'" in said[0] and "A5" in said[0]
    wide = plan_handouts(request(marked, "A4"))
    assert [s.heading for s in wide.pages[0].sections] == [s.heading for s in item.sections]
    assert not [w for w in wide.warnings if "small_paper" in w]


def test_other_handouts_keep_every_section_on_a5() -> None:
    for item_id in LIBRARY.ids("handout"):
        item = library_handout(item_id)
        page = plan_handouts(request(item, "A5")).pages[0]
        if item.layout != "infographic":
            assert [s.heading for s in page.sections] == [s.heading for s in item.sections]


def test_figure_cells_leave_room_for_the_longest_caption_word() -> None:
    item = handout("ho-case-study")
    long = item.replace(
        figures=[f.replace(caption="engagement " * 3) for f in item.figures],
    )
    panel = plan_handouts(request(long, "A5")).pages[0].panel
    assert panel is not None
    assert max(len(row) for row in panel.rows) < len(long.figures)
    for widths in panel.widths:
        assert sum(widths) == text_width_for("A5")


# --- Word file and LibreOffice --------------------------------------------------------------


Printed = Callable[[str], tuple[Path, Path]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The infographic on `paper`: its .docx and PDF, each built and converted once."""
    folder = tmp_path_factory.mktemp("a5")
    cache: dict[str, tuple[Path, Path]] = {}

    def get(paper: str) -> tuple[Path, Path]:
        if paper not in cache:
            wanted = request(library_handout(INFOGRAPHIC), paper)
            path = folder / f"{INFOGRAPHIC}-{paper}.docx"
            path.write_bytes(write_handouts(plan_handouts(wanted), wanted).data)
            cache[paper] = (path, to_pdf(path, folder))
        return cache[paper]

    return get


def test_short_infographic_with_every_section_is_one_a5_page(tmp_path: Path) -> None:
    wanted = request(handout("ho-infographic"), "A5")
    path = tmp_path / "short.docx"
    path.write_bytes(write_handouts(plan_handouts(wanted), wanted).data)
    assert pdf_pages(to_pdf(path, tmp_path)) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_infographic_is_one_page_on_every_paper(paper: str, printed: Printed) -> None:
    _, pdf = printed(paper)
    assert pdf_pages(pdf) == 1
    assert "Page 1 of 1" in pdf_text(pdf)


def _sizes(path: Path) -> list[tuple[float, str]]:
    """(points, text) of every run with text in the body, tables, headers and footers,
    resolved as Word does: the run, its character style, the paragraph style's chain, then
    the document defaults."""
    document = Document(str(path))
    styles = {s.style_id: s.element for s in document.styles}

    def own(element: object) -> float | None:
        size = element.find(f"{qn('w:rPr')}/{qn('w:sz')}")  # type: ignore[attr-defined]
        return None if size is None else int(size.get(qn("w:val"))) / 2

    def chain(style_id: str | None) -> float | None:
        while style_id is not None and style_id in styles:
            found = own(styles[style_id])
            if found is not None:
                return found
            based = styles[style_id].find(qn("w:basedOn"))
            style_id = None if based is None else based.get(qn("w:val"))
        return None

    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    default = own(defaults) if defaults is not None else None
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    found: list[tuple[float, str]] = []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            paragraph_size = chain(style.get(qn("w:val")) if style is not None else "Normal")
            for run in paragraph.iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
                if not text:
                    continue
                run_style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
                size = own(run) or chain(
                    run_style.get(qn("w:val")) if run_style is not None else None
                )
                found.append((size or paragraph_size or default or 10.0, text))
    return found


@pytest.mark.parametrize("paper", PAPERS)
def test_no_text_in_the_infographic_is_below_12_pt(paper: str, printed: Printed) -> None:
    path, _ = printed(paper)
    sizes = _sizes(path)
    assert len(sizes) > 20  # every figure, heading and bullet was read
    small = [(size, text) for size, text in sizes if size < FLOOR]
    assert not small, small


def test_the_size_reader_sees_small_text(tmp_path: Path) -> None:
    wanted = request(library_handout(INFOGRAPHIC), "A5")
    path = tmp_path / "small.docx"
    path.write_bytes(write_handouts(plan_handouts(wanted), wanted).data)
    document = Document(str(path))
    run = document.paragraphs[0].runs[0]
    run.font.size = 9 * 12700  # EMU per point
    document.save(str(path))
    assert (9.0, run.text.strip()) in _sizes(path)


def _broken(found: list[PdfWord], whole: set[str]) -> list[str]:
    """Caption words LibreOffice printed in two pieces on consecutive lines."""
    broken = []
    for here, after in zip(found, found[1:], strict=False):
        if here.text + after.text in whole and here.text not in whole and after.top > here.top:
            broken.append(f"{here.text}/{after.text}")
    return broken


@pytest.mark.parametrize("paper", PAPERS)
def test_no_key_figure_caption_word_breaks_across_lines(paper: str, printed: Printed) -> None:
    _, pdf = printed(paper)
    item = library_handout(INFOGRAPHIC)
    figures = [*item.figures, *(f for s in item.sections for f in s.figures)]
    whole = {w for f in figures for w in re.findall(r"\S+", f.caption) if len(w) > 3}
    printed_words = pdf_words(pdf)
    assert not _broken(printed_words, whole)
    texts = {w.text for w in printed_words}
    for figure in item.figures:  # the key figures at the top print on every paper, whole
        assert set(re.findall(r"\S+", figure.caption)) <= texts, figure.caption


def test_broken_caption_words_are_caught() -> None:
    found = [PdfWord(1, 100, 110, "engage"), PdfWord(1, 112, 122, "ment")]
    assert _broken(found, {"engagement"}) == ["engage/ment"]
