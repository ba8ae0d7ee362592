"""`kit feedback` outputs: the figures in the slides' charts, the report's tables and
results.json are the same numbers; nothing that identifies a respondent reaches any byte;
the files are valid, open in LibreOffice and are byte-identical from run to run."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from compassion_kit.feedback import FeedbackOptions, build_feedback
from compassion_kit.feedback.exports import read_export
from compassion_kit.feedback.platforms import metadata_kind
from support.office import assert_valid_ooxml, pdf_pages, pdf_text, to_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "feedback"
GOOGLE = FIXTURES / "google-may.csv"
ALL = [
    FIXTURES / "msforms-march.xlsx",
    FIXTURES / "msforms-april.csv",
    GOOGLE,
    FIXTURES / "smartsurvey-june.csv",
]
ORG = ROOT / "examples" / "wye-valley" / "org.yaml"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small") / "report"
    build_feedback([GOOGLE], out, FeedbackOptions(org=ORG))
    return out


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sessions") / "report"
    build_feedback(ALL, out, FeedbackOptions(org=ORG, by="Staff group"))
    return out


def _charts(pptx: Path) -> dict[str, dict[str, object]]:
    """Slide title -> categories and {series name: values} of the chart on that slide."""
    found = {}
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                found[slide.shapes.title.text] = {
                    "categories": list(plot.categories),
                    "series": {s.name: list(s.values) for s in plot.series},
                }
    return found


def _tables(docx: Path) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in Document(str(docx)).tables
    ]


def test_the_figures_in_chart_table_and_json_are_the_hand_count(small: Path):
    # google-may.csv by hand: overall 4 of 6 positive, relevant 4 of 6, recommend 3 of 6.
    data = json.loads((small / "results.json").read_text(encoding="utf-8"))
    assert [(s["positive"], s["n"], s["percent_positive"]) for s in data["scales"]] == [
        (4, 6, 66.7),
        (4, 6, 66.7),
        (3, 6, 50.0),
    ]
    charts = _charts(small / "summary.pptx")
    positive = charts["Percentage positive"]
    assert positive["series"] == {"% positive": pytest.approx([4 / 6, 4 / 6, 3 / 6])}
    assert positive["categories"][0] == "Overall, how was today's workshop? (n=6)"
    scale = charts["Answers on the very good to very poor scale"]["series"]
    assert scale["Very good"] == pytest.approx([3 / 6]) and scale["Poor"] == pytest.approx([1 / 6])
    assert scale["Very poor"] == [0.0]
    tables = _tables(small / "report.docx")
    assert tables[0][1:] == [
        ["Overall, how was today's workshop?", "Very good + Good", "6", "66.7%"],
        ["The session was relevant to my role", "Strongly agree + Agree", "6", "66.7%"],
        ["How likely are you to recommend this workshop to a colleague? (0 to 10)", "10 + 9",
         "6", "50.0%"],
    ]  # fmt: skip
    useful = next(t for t in tables if t[0][0] == "Choice" and t[1][0] == "Group discussion")
    assert useful[1:] == [
        ["Group discussion", "3", "60.0%"],
        ["Case studies", "2", "40.0%"],
        ["Presentation", "2", "40.0%"],
        ["Worksheets", "1", "20.0%"],
    ]
    choice = data["choices"][0]
    assert [(c["choice"], c["count"]) for c in choice["choices"]] == [
        (row[0], int(row[1])) for row in useful[1:]
    ]
    useful_chart = charts["Which parts did you find most useful? (n=5)"]
    assert useful_chart["series"]["Responses"] == [3.0, 2.0, 2.0, 1.0]


def test_every_comment_is_in_the_report_grouped_under_its_question(small: Path):
    text = [p.text for p in Document(str(small / "report.docx")).paragraphs]
    start = text.index("What one thing would you change?")
    assert text[start + 1 : start + 6] == [
        "4 comments.",
        "More time for the case studies",
        "Email me at [email removed] for the slides",
        "Call me on [phone number removed] to discuss",
        "Room too warm",
    ]


def test_several_sessions_give_a_run_chart_with_its_median(sessions: Path):
    charts = _charts(sessions / "summary.pptx")
    run = charts["Run chart: Overall, how was today's workshop?"]
    assert run["categories"] == ["msforms-march", "msforms-april", "google-may", "smartsurvey-june"]
    assert run["series"]["% positive"] == pytest.approx([0.75, 0.75, 0.667, 0.75])
    assert run["series"]["Median"] == pytest.approx([0.75] * 4)
    groups = charts["% positive by Staff group: Overall, how was\u2026"]
    assert groups["categories"] == ["Admin (n=13)", "Nursing (n=16)"]  # Medical (1) hidden
    data = json.loads((sessions / "results.json").read_text(encoding="utf-8"))
    assert data["suppressed_groups"] == ["Medical"]
    assert "Medical" not in json.dumps(data["groups"])


def _identifiers() -> set[str]:
    """Every name, email, id, IP address, phone number and time in the fixtures (the days
    alone are allowed: the report gives the range of dates in its methods note)."""
    found = {"07700 900123", "01632 960 001", "Aisha", "tom.okafor", "example.nhs.uk"}
    for path in ALL:
        export = read_export(path)
        for index, header in enumerate(export.headers):
            kind = metadata_kind(header)
            if kind is None:
                continue
            for row in export.rows:
                cell = row[index].strip()
                if kind == "timestamp":
                    found.add(cell)
                    found.update(re.findall(r"\d{1,2}:\d\d:\d\d", cell))
                elif len(cell) >= 5 and cell != "anonymous":
                    found.add(cell)
                    found.update(w for w in re.split(r"[\s,]+", cell) if len(w) >= 4)
    return found


def _every_part(data: bytes) -> list[tuple[str, bytes]]:
    """Every part of an Office file, the parts of embedded workbooks included."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            blob = package.read(name)
            parts.append((name, blob))
            if blob[:2] == b"PK":
                parts += [(f"{name}/{n}", b) for n, b in _every_part(blob)]
    return parts


def test_no_identifier_from_the_exports_reaches_any_output_byte(sessions: Path):
    identifiers = _identifiers()
    assert {"Aisha Karim", "48213900", "198.51.100.20", "4/16/26 9:10:30"} <= identifiers
    for path in sorted(sessions.iterdir()):
        blob = path.read_bytes()
        parts = _every_part(blob) if path.suffix in (".pptx", ".docx") else [(path.name, blob)]
        for name, data in parts:
            text = data.decode("utf-8", errors="ignore")
            leaked = sorted(i for i in identifiers if i in text)
            assert not leaked, f"{path.name}:{name} holds {leaked}"


def test_keep_identifiers_keeps_names_with_comments(tmp_path: Path):
    result = build_feedback(
        [FIXTURES / "smartsurvey-june.csv"], tmp_path / "r", FeedbackOptions(keep_identifiers=True)
    )
    comments = result.results.comments[0].comments
    assert "Thanks, Aisha. Loved the stories (Aisha Karim / aisha.karim@example.nhs.uk)" in comments
    assert result.results.identifiers_kept


def test_two_runs_are_byte_identical(small: Path, tmp_path: Path):
    again = tmp_path / "again"
    build_feedback([GOOGLE], again, FeedbackOptions(org=ORG))
    for name in ("summary.pptx", "report.docx", "results.json", "manifest.json"):
        assert (again / name).read_bytes() == (small / name).read_bytes(), name


def test_outputs_pass_the_ooxml_validator(sessions: Path):
    assert_valid_ooxml(sessions / "summary.pptx")
    assert_valid_ooxml(sessions / "report.docx")


def test_outputs_open_in_libreoffice(sessions: Path, tmp_path: Path):
    deck = to_pdf(sessions / "summary.pptx", tmp_path)
    assert pdf_pages(deck) == len(Presentation(str(sessions / "summary.pptx")).slides)
    report = to_pdf(sessions / "report.docx", tmp_path)
    assert pdf_pages(report) >= 3
    assert "How these figures were made" in pdf_text(report)


def test_pictures_and_charts_have_alt_text_with_the_numbers(small: Path):
    document = Document(str(small / "report.docx"))
    descriptions = [
        d.get("descr")
        for d in document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert descriptions and all(descriptions)
    assert any("66.7% (n=6)" in d for d in descriptions)
    assert all(len(d) <= 150 for d in descriptions)
    deck = Presentation(str(small / "summary.pptx"))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart or shape.shape_type == 13:  # 13: picture
                assert shape._element.xpath("./*[1]/p:cNvPr/@descr")[0].strip()


def test_the_bundled_example_builds(tmp_path: Path):
    example = ROOT / "examples" / "feedback"
    exports = sorted(example.glob("*.csv"), key=lambda p: p.name != "march-workshop.csv")
    result = build_feedback(exports, tmp_path / "out", FeedbackOptions(org=ORG))
    assert result.results.responses == sum(
        len(list(csv.reader(p.read_text(encoding="utf-8-sig").splitlines()))) - 1 for p in exports
    )
    assert [s.name for s in result.results.sessions] == ["march-workshop", "april-workshop"]
