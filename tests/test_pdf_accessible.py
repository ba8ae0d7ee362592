"""Every PDF the kit writes passes `kit check`'s PDF rules; LibreOffice's own PDFs do not.

Uses LibreOffice sparingly: one example pack, one small chart deck exported by the kit and
once by plain `soffice --convert-to pdf`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from compassion_kit import build_pack
from compassion_kit.check import check_file
from compassion_kit.check.pdf_rules import structure_elements
from compassion_kit.pack import PackOptions
from compassion_kit.pdf import export_pdfs
from support.office import SOFFICE, require_tools

EXAMPLE = Path(__file__).parent.parent / "examples" / "wye-valley" / "workshop.yaml"
CHART_ALT = "Column chart: staff scores rose from 2 in 2025 to 4 in 2026"


@pytest.fixture(scope="module")
def chart_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-slide deck with a described chart (LibreOffice drops a chart's description)."""
    folder = tmp_path_factory.mktemp("chart")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Staff scores"
    data = CategoryChartData()
    data.categories = ["2025", "2026"]
    data.add_series("Score", (2, 4))
    chart = slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data
    )
    chart._element.nvGraphicFramePr.cNvPr.set("descr", CHART_ALT)  # no public API
    prs.core_properties.title = "Staff scores"
    prs.save(str(folder / "scores.pptx"))
    return folder / "scores.pptx"


def test_every_pdf_of_an_example_pack_passes_the_pdf_rules(tmp_path: Path):
    require_tools("soffice", "pdfinfo")
    build_pack(EXAMPLE, tmp_path / "pack", PackOptions(pdf=True))
    pdfs = sorted((tmp_path / "pack").glob("*.pdf"))
    assert len(pdfs) == 6  # two agendas, two worksheet files, the deck and its script
    for pdf in pdfs:
        assert check_file(pdf) == [], pdf.name
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        assert "Tagged:          yes" in info.stdout, pdf.name


def test_the_kit_carries_a_charts_alt_text_into_its_pdf(chart_deck: Path, tmp_path: Path):
    require_tools("soffice")
    pdf = export_pdfs([[chart_deck]], tmp_path)[chart_deck]
    with pikepdf.open(pdf) as doc:
        figures = [e for e in structure_elements(doc.Root.StructTreeRoot) if e.S == "/Figure"]
        assert [str(f.Alt) for f in figures] == [CHART_ALT]
        assert str(doc.Root.Lang) == "en-GB"
    assert check_file(pdf) == []


def test_a_plain_libreoffice_pdf_fails_the_pdf_rules(chart_deck: Path, tmp_path: Path):
    require_tools("soffice")
    assert SOFFICE is not None
    profile = (tmp_path / "profile").resolve().as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(chart_deck)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    found = check_file(tmp_path / "scores.pdf")
    assert [(f.code, f.where) for f in found] == [("KIT020", "document"), ("KIT021", "document")]
    assert "the PDF is not tagged" in found[0].message


def test_a_shape_marked_decorative_is_an_artifact_in_the_pdf_and_no_other(tmp_path: Path):
    from pptx.enum.shapes import MSO_SHAPE

    from compassion_kit.render.pptx.oxml import mark_decorative

    require_tools("soffice")
    prs = Presentation()
    for title, decorative in (("Decorated", True), ("Undescribed", False)):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = title
        arrow = slide.shapes.add_shape(
            MSO_SHAPE.RIGHT_ARROW, Inches(2), Inches(3), Inches(2), Inches(1)
        )
        if decorative:
            mark_decorative(arrow)
    prs.core_properties.title = "Arrows"
    deck = tmp_path / "arrows.pptx"
    prs.save(str(deck))
    pdf = export_pdfs([[deck]], tmp_path / "out")[deck]
    found = [(f.code, f.where) for f in check_file(pdf)]
    assert found == [("KIT025", "page 2")]  # the undescribed arrow is still reported
    with pikepdf.open(pdf) as doc:
        marks = [
            (str(i.operator), str(i.operands[0]))
            for i in pikepdf.parse_content_stream(doc.pages[0])
            if str(i.operator) in ("BDC", "BMC")
        ]
        figures = [e for e in structure_elements(doc.Root.StructTreeRoot) if e.S == "/Figure"]
    assert ("BDC", "/Figure") not in marks and ("BMC", "/Artifact") in marks
    assert len(figures) == 1  # only page 2's arrow is left in the structure tree
