"""Native charts: the chart python-pptx writes and the workbook embedded for Edit Data."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from compassion_kit.render.deck import DeckRequest, default_template, plan_deck, write_deck
from compassion_kit.render.finish import finish_ooxml
from compassion_kit.render.plan.deck_spec import ChartSpec
from compassion_kit.render.pptx.chart import add_chart
from support.decks import example_brand, module
from support.office import assert_valid_ooxml

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CATEGORIES = ("A & B", "  spaced  ", "2023")
SERIES = (("Wards", (12.0, 18.5, 3.0)), ("Community <teams>", (7.0, 11.0, 0.25)))
FORMAT = '0.0" staff"'


def spec(
    kind: str = "column", series: tuple[tuple[str, tuple[float, ...]], ...] = SERIES
) -> ChartSpec:
    colours = ("#005EB8", "#003087")
    box = (0, 0, 100, 100)
    return ChartSpec(kind, CATEGORIES, series, FORMAT, box, "A chart", colours, 18.0)  # type: ignore[arg-type]


def cells(data: bytes) -> dict[str, str | float]:
    """Cell reference -> text or number, as a spreadsheet reads the workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        strings = [
            "".join(item.itertext())
            for item in etree.fromstring(book.read("xl/sharedStrings.xml")).findall("s:si", NS)
        ]
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    found: dict[str, str | float] = {}
    for cell in sheet.iter(f"{{{NS['s']}}}c"):
        value = cell.findtext("s:v", namespaces=NS)
        assert value is not None
        found[cell.get("r")] = strings[int(value)] if cell.get("t") == "s" else float(value)
    return found


def referenced(formula: str, book: dict[str, str | float]) -> list[str | float]:
    """The cells a chart formula such as Sheet1!$B$2:$B$4 names, in order."""
    match = re.fullmatch(r"Sheet1!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?", formula)
    assert match, formula
    letter, first, _last_letter, last = match.groups()
    rows = range(int(first), int(last or first) + 1)
    return [book[f"{letter}{row}"] for row in rows]


def chart_slide(chart: ChartSpec) -> tuple[etree._Element, bytes]:
    """The chart part and embedded workbook of a one-slide deck holding `chart`, finished."""
    prs = Presentation(str(default_template()))
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    add_chart(slide, chart, "Arial")
    saved = io.BytesIO()
    prs.save(saved)
    with zipfile.ZipFile(io.BytesIO(finish_ooxml(saved.getvalue()))) as deck:
        (name,) = [n for n in deck.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
        (book,) = [n for n in deck.namelist() if n.endswith(".xlsx")]
        return etree.fromstring(deck.read(name)), deck.read(book)


def test_workbook_holds_categories_series_names_and_values_as_typed() -> None:
    book = cells(chart_slide(spec())[1])
    assert [book[f"A{row}"] for row in (2, 3, 4)] == list(CATEGORIES)  # "2023" stays text
    assert (book["B1"], book["C1"]) == ("Wards", "Community <teams>")
    assert [book[f"B{row}"] for row in (2, 3, 4)] == [12.0, 18.5, 3.0]
    assert [book[f"C{row}"] for row in (2, 3, 4)] == [7.0, 11.0, 0.25]


def test_workbook_values_carry_the_charts_number_format() -> None:
    with zipfile.ZipFile(io.BytesIO(chart_slide(spec())[1])) as book:
        styles = etree.fromstring(book.read("xl/styles.xml"))
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    (custom,) = styles.findall("s:numFmts/s:numFmt", NS)
    assert custom.get("formatCode") == FORMAT
    value_style = styles.findall("s:cellXfs/s:xf", NS)[
        int(sheet.find(".//s:c[@r='B2']", NS).get("s"))
    ]
    assert value_style.get("numFmtId") == custom.get("numFmtId")


def test_workbook_is_the_same_bytes_every_time_and_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = chart_slide(spec())[1]
    assert data == chart_slide(spec())[1]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert data != chart_slide(spec())[1]  # its dates are the build's, not the clock's
    path = tmp_path / "data.xlsx"
    path.write_bytes(data)
    assert_valid_ooxml(path)


@pytest.mark.parametrize("kind", ["bar", "column", "pie"])
def test_chart_formulas_name_the_workbook_cells_that_hold_the_cached_data(kind: str) -> None:
    chart, data = chart_slide(spec(kind))
    book = cells(data)
    shown = chart.findall(".//c:ser", NS)
    assert len(shown) == (1 if kind == "pie" else 2)  # a pie shows the first series only
    for series, (name, values) in zip(shown, SERIES, strict=False):
        assert referenced(series.findtext("c:tx//c:f", namespaces=NS), book) == [name]
        categories = series.findtext("c:cat//c:f", namespaces=NS)
        assert referenced(categories, book) == list(CATEGORIES)
        assert series.xpath("c:cat//c:v/text()", namespaces=NS) == list(CATEGORIES)
        assert referenced(series.findtext("c:val//c:f", namespaces=NS), book) == list(values)
        cached = [float(v) for v in series.xpath("c:val//c:v/text()", namespaces=NS)]
        assert cached == list(values)
    assert chart.find("c:externalData", NS).get(R_ID)


def test_axis_ids_are_positive_and_pair_up() -> None:
    chart = chart_slide(spec("bar"))[0]
    ids = [int(e.get("val")) for e in chart.iter(f"{{{NS['c']}}}axId")]
    crossing = [int(e.get("val")) for e in chart.iter(f"{{{NS['c']}}}crossAx")]
    assert ids and all(0 < n < 2**32 for n in ids + crossing)
    assert sorted(set(ids)) == sorted(crossing)
    assert chart.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"


def test_every_chart_in_a_deck_embeds_its_own_data() -> None:
    brand, logo = example_brand()
    request = DeckRequest((module("fixture-deck"),), brand, logo)
    data = write_deck(plan_deck(request), request).data
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        charts = sorted(n for n in deck.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
        assert len(charts) == 3
        for name in charts:
            chart = etree.fromstring(deck.read(name))
            rels = etree.fromstring(deck.read(name.replace("charts/", "charts/_rels/") + ".rels"))
            wanted = chart.find("c:externalData", NS).get(R_ID)
            (target,) = [r.get("Target") for r in rels if r.get("Id") == wanted]
            book = cells(deck.read("ppt/" + target.removeprefix("../")))
            for series in chart.findall(".//c:ser", NS):
                cached = [float(v) for v in series.xpath("c:val//c:v/text()", namespaces=NS)]
                assert referenced(series.findtext("c:val//c:f", namespaces=NS), book) == cached
