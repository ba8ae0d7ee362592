"""The feedback report (`kit feedback` report.docx) through python-docx: headline figures,
each chart as a picture with its numbers in the alt text and a table beside it, every comment
grouped by question, and a methods note.

Owns the document; figures come from `feedback.figures`, charts from `feedback.plan` and
their pictures from `feedback.images`. The edits python-docx has no API for are the `_xml`
helpers at the end.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, RGBColor

from compassion_kit.feedback.images import DPI as PICTURE_DPI
from compassion_kit.paths import templates_dir

if TYPE_CHECKING:
    from docx.document import Document as Report

    from compassion_kit.feedback.chart_spec import Chart
    from compassion_kit.feedback.results import Results
    from compassion_kit.logo import Logo
    from compassion_kit.model import Organisation

TEMPLATE = "document.docx"
# Styles this writer needs from the template.
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BODY, BULLET, SUBTITLE = "Normal", "List Bullet", "Subtitle"
TABLE, TABLE_TEXT, TABLE_HEADING = "Kit Table", "Table Text", "Table Heading"
PICTURE_WIDTH = Cm(16)
LOGO_HEIGHT = Cm(1.6)


def report_docx(
    results: Results,
    charts: Sequence[Chart],
    pictures: Sequence[bytes],
    org: Organisation,
    logo: Logo | None,
) -> bytes:
    """The report as saved by python-docx (pass it through finish_ooxml); `pictures[i]` is
    the PNG of `charts[i]`."""
    report = Document(str(templates_dir() / TEMPLATE))
    _brand(report, org)
    report.core_properties.title = f"{results.title}: results"
    report.core_properties.author = org.name
    report.core_properties.language = "en-GB"
    if logo is not None:
        _header_logo(report, logo)
    report.add_paragraph(f"{results.title}: results", HEADINGS[0])
    report.add_paragraph(f"{org.name}. {results.scope}.", SUBTITLE)
    _headlines(report, results)
    for chart, picture in zip(charts, pictures, strict=True):
        report.add_paragraph(chart.title, HEADINGS[1])
        shape = report.add_paragraph().add_run().add_picture(io.BytesIO(picture), _width(picture))
        _describe(shape, chart.alt)
        _table(report, chart.table)
    _comments(report, results)
    _methods(report, results)
    out = io.BytesIO()
    report.save(out)
    return out.getvalue()


def _width(png: bytes) -> int:
    """The picture's own width at the resolution it was drawn (so its text prints at the size
    it was set), or the text width when it is wider."""
    pixels = int.from_bytes(png[16:20], "big")  # the PNG header's width field
    return min(PICTURE_WIDTH, round(Cm(2.54) * pixels / PICTURE_DPI))


def _headlines(report: Report, results: Results) -> None:
    report.add_paragraph("Headline figures", HEADINGS[1])
    if not results.scales:
        report.add_paragraph("The export has no rated questions; see the comments below.", BODY)
    for r in results.scales:
        report.add_paragraph(
            f"{r.percent_positive}% positive ({r.positive} of {r.n} answered "
            f"{' or '.join(r.positive_labels)}): {r.text}",
            BULLET,
        )
    for c in results.choices:
        top = ", ".join(f"{o} {n}" for o, n in zip(c.options[:3], c.counts[:3], strict=False))
        report.add_paragraph(f"{c.text} (n={c.n}): {top}", BULLET)


def _table(report: Report, rows: tuple[tuple[str, ...], ...]) -> None:
    table = report.add_table(rows=len(rows), cols=len(rows[0]), style=TABLE)
    for row_index, row in enumerate(rows):
        for cell, text in zip(table.rows[row_index].cells, row, strict=True):
            cell.text = text
            cell.paragraphs[0].style = report.styles[
                TABLE_HEADING if row_index == 0 else TABLE_TEXT
            ]
    _repeat_header(table.rows[0])
    _widths(table, len(rows[0]))
    report.add_paragraph("", BODY)


def _widths(table: Any, columns: int) -> None:
    """The first column (question or answer wording) gets half the width when there are
    three columns or more, the rest share the other half."""
    total = PICTURE_WIDTH
    first = total // 2 if columns >= 3 else total // columns
    other = (total - first) // max(columns - 1, 1)
    table.autofit = False
    for index, column in enumerate(table.columns):
        width = first if index == 0 else other
        column.width = width
        for cell in column.cells:
            cell.width = width


def _comments(report: Report, results: Results) -> None:
    report.add_paragraph("Comments", HEADINGS[1])
    if not any(group.comments for group in results.comments):
        report.add_paragraph("No comments were given.", BODY)
    for group in results.comments:
        if not group.comments:
            continue
        report.add_paragraph(group.text, HEADINGS[2])
        count = len(group.comments)
        report.add_paragraph(f"{count} comment{'s' if count != 1 else ''}.", BODY)
        for comment in group.comments:
            report.add_paragraph(comment, BULLET)
    silent = [group.text for group in results.comments if not group.comments]
    if silent:
        report.add_paragraph("No one commented on: " + "; ".join(silent) + ".", BODY)


def _methods(report: Report, results: Results) -> None:
    report.add_paragraph("How these figures were made", HEADINGS[1])
    sources = "; ".join(f"{f} ({p}, {n} responses)" for f, p, n in results.sources)
    lines = [
        f"Responses: {results.responses}, from {sources}.",
        f"Dates: {results.dates or 'not recorded in the export'}.",
        "Percentage positive is the number of people who gave one of the top two answers "
        "(for example very good or good, strongly agree or agree) divided by everyone who "
        "answered the question, 'Don't know' included; n is that number of people.",
    ]
    if results.identifiers_kept:
        lines.append("Identifiers were kept at the user's request (--keep-identifiers).")
    else:
        dropped = ", ".join(sorted({held for _c, held in results.dropped})) or "none"
        lines.append(
            f"Removed before anything was written: {dropped} columns. Email addresses, phone "
            f"numbers and respondents' names inside comments were masked ({results.masked} "
            "responses)."
        )
    if results.sessions:
        lines.append(
            "Sessions: "
            + "; ".join(f"{s.name} ({s.responses} responses)" for s in results.sessions)
            + ". The run charts show percentage positive by session with the median line."
        )
    if results.by:
        lines.append(
            f"Results by {results.by}: groups with fewer than 5 responses are not shown"
            + (f" ({len(results.suppressed)} left out)." if results.suppressed else ".")
        )
    for line in lines:
        report.add_paragraph(line, BODY)


def _brand(report: Report, org: Organisation) -> None:
    for name in HEADINGS:
        report.styles[name].font.color.rgb = RGBColor.from_string(
            org.colours.primary_text.lstrip("#")
        )
    for style in report.styles:
        if getattr(style, "font", None) is not None and style.font.name:
            style.font.name = org.font
    report.styles[BODY].font.name = org.font


def _header_logo(report: Report, logo: Logo) -> None:
    paragraph = report.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    width = round(LOGO_HEIGHT * logo.width_px / logo.height_px)
    shape = paragraph.add_run().add_picture(io.BytesIO(logo.png), width, LOGO_HEIGHT)
    _describe(shape, logo.alt)


# --- What python-docx 1.2.0 has no API for ----------------------------------------------


def _describe(shape: Any, alt: str) -> None:
    # No alt-text API (python-openxml/python-docx#1048): set wp:docPr/@descr.
    shape._inline.docPr.set("descr", alt)


def _repeat_header(row: Any) -> None:
    # No API for a repeating header row (w:tblHeader): screen readers and page breaks need it.
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))
