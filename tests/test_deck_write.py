"""Deck writing: reopen the .pptx and check titles, notes, logo, links, charts and the package."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from compassion_kit.errors import ContentError
from compassion_kit.profile import DEFAULT_BRAND, load_brand
from compassion_kit.render.deck import (
    DeckRequest,
    check_template,
    default_template,
    describe_template,
    plan_deck,
    write_deck,
)
from compassion_kit.render.pptx.template import read_template
from support.decks import example_brand, module
from support.office import assert_valid_ooxml

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "dc": "http://purl.org/dc/elements/1.1/",
}
PICTURE_NAME = re.compile(r"\.(png|jpe?g|gif|svg|emf|wmf|bmp|tiff?)$|^Picture \d+$", re.I)


def build(*names: str, template: Path | None = None, **kwargs: object) -> bytes:
    brand, logo = example_brand()
    request = DeckRequest(tuple(module(n) for n in names), brand, logo, template=template, **kwargs)  # type: ignore[arg-type]
    rendered = write_deck(plan_deck(request), request)
    assert rendered.kind == "pptx"
    return rendered.data


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    return build("fixture-deck", date="12 March 2025", venue="Room 2", facilitator="Sam Patel")


@pytest.fixture(scope="module")
def deck(deck_bytes: bytes) -> Presentation:  # type: ignore[valid-type]
    return Presentation(io.BytesIO(deck_bytes))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def test_slide_count_matches_the_plan(deck_bytes: bytes, deck: Presentation) -> None:  # type: ignore[valid-type]
    brand, logo = example_brand()
    plan = plan_deck(DeckRequest((module("fixture-deck"),), brand, logo))
    assert len(deck.slides) == len(plan.slides) == 11


def test_every_slide_has_a_real_title_and_notes(deck: Presentation) -> None:  # type: ignore[valid-type]
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), number
        assert title.placeholder_format.type in (1, 3)  # TITLE or CENTER_TITLE
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), number


def test_title_is_first_in_reading_order(deck: Presentation) -> None:  # type: ignore[valid-type]
    for slide in deck.slides:
        assert slide.shapes[0].shape_id == slide.shapes.title.shape_id


def test_logo_on_every_slide_top_right_unstretched_with_alt_text(deck: Presentation) -> None:  # type: ignore[valid-type]
    for number, slide in enumerate(deck.slides, start=1):
        logos = [s for s in slide.shapes if s.shape_type == 13 and s.name == "Logo"]
        assert len(logos) == 1, number
        logo = logos[0]
        descr = logo._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0]
        assert descr == "Northshire Community Health NHS Trust logo"
        width, height = logo.image.size
        assert abs(logo.width / logo.height - width / height) < 0.01 * width / height
        assert logo.left + logo.width > Emu(deck.slide_width) * 0.75
        assert logo.top < Emu(deck.slide_height) * 0.15


def test_no_picture_alt_text_is_a_file_name(deck: Presentation) -> None:  # type: ignore[valid-type]
    for slide in deck.slides:
        for descr in slide.shapes._spTree.xpath(".//p:cNvPr/@descr"):
            assert descr.strip() and not PICTURE_NAME.search(descr)
        for frame in slide.shapes._spTree.xpath("./p:graphicFrame/p:nvGraphicFramePr/p:cNvPr"):
            assert frame.get("descr", "").strip()


def test_video_slide_has_descriptive_link_and_qr_image(deck: Presentation) -> None:  # type: ignore[valid-type]
    slide = next(s for s in deck.slides if s.shapes.title.text_frame.text.startswith("A short"))
    links = [
        (r.text, r.hyperlink.address)
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]
    assert {url for _t, url in links} == {"https://example.org/videos/listening"}
    text = "".join(t for t, _u in links)
    assert text == "Watch the film about a team that made time to listen to each other"
    (qr,) = [s for s in slide.shapes if s.name == "QR code"]
    assert qr.width == qr.height
    descr = qr._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0]
    assert descr.startswith("QR code: Watch the film")


def test_chart_slides_hold_native_editable_charts(deck: Presentation) -> None:  # type: ignore[valid-type]
    charts = [sh for s in deck.slides for sh in s.shapes if sh.has_chart]
    assert len(charts) == 3
    bar = charts[0].chart
    assert list(bar.plots[0].categories) == ["A kind word", "Time to talk", "A proper break"]
    assert list(bar.series[0].values) == [71.0, 58.0, 64.0]
    assert bar.part.chart_workbook.xlsx_part is not None  # data editable in PowerPoint


def test_bullet_levels_and_explicit_sizes(deck: Presentation) -> None:  # type: ignore[valid-type]
    slide = deck.slides[2]
    body = next(s for s in slide.shapes if s.name == "Body")
    assert [p.level for p in body.text_frame.paragraphs] == [0, 1, 2, 0]
    for paragraph in body.text_frame.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is not None and run.font.size.pt >= 18
    body_pr = body.text_frame._txBody.find("a:bodyPr", NS)
    assert body_pr.find("a:noAutofit", NS) is not None


def test_package_has_notes_master_list_language_and_title(deck_bytes: bytes) -> None:
    presentation = part(deck_bytes, "ppt/presentation.xml")
    assert presentation.find("p:notesMasterIdLst/p:notesMasterId", NS) is not None
    languages = presentation.xpath("p:defaultTextStyle//a:defRPr/@lang", namespaces=NS)
    assert languages and set(languages) == {"en-GB"}
    size = presentation.find("p:sldSz", NS)
    assert (size.get("cx"), size.get("cy")) == ("12192000", "6858000")
    core = part(deck_bytes, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=NS) == "Kindness at work, a test module"


def test_a_title_too_long_for_the_core_properties_is_cut_there_only() -> None:
    title = "Workshop: " + "; ".join(f"A rather long session title {n}" for n in range(12))
    data = build("fixture-deck", title=title)
    stored = part(data, "docProps/core.xml").findtext("dc:title", namespaces=NS)
    assert len(title) > 255 >= len(stored) and stored.endswith("\u2026")
    assert stored.startswith("Workshop: A rather long session title 0;")
    shown = Presentation(io.BytesIO(data)).slides[0].shapes.title.text_frame.text
    assert len(shown) > 255  # the title slide keeps its own (longer) limit


def test_core_dates_come_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    deck = Presentation(io.BytesIO(build("fixture-deck")))
    assert deck.core_properties.created.isoformat() == "2023-11-14T22:13:20"
    assert deck.core_properties.last_modified_by == "compassion-kit"


@pytest.mark.parametrize(
    ("epoch", "created"),
    [("4354819200", "2108-01-01T00:00:00"), ("99999999999999", "9999-12-31T23:59:59")],
)
def test_a_source_date_epoch_past_what_a_zip_can_hold_still_writes_the_deck(
    monkeypatch: pytest.MonkeyPatch, epoch: str, created: str
) -> None:
    # A zip entry's date ends in 2107 and Python's datetime in 9999: both were exit 3.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    data = build("fixture-deck")
    assert Presentation(io.BytesIO(data)).core_properties.created.isoformat() == created
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {i.date_time for i in package.infolist()} == {(2107, 12, 31, 23, 59, 58)}


@pytest.mark.parametrize("epoch", ["\u00b2", "-5", "1.5", "soon"])
def test_a_source_date_epoch_that_is_not_whole_seconds_is_ignored(
    monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    data = build("fixture-deck")
    assert Presentation(io.BytesIO(data)).core_properties.created.year == 2020


def test_shape_ids_are_unique_on_every_slide(deck: Presentation) -> None:  # type: ignore[valid-type]
    for slide in deck.slides:
        ids = slide.shapes._spTree.xpath(".//p:cNvPr/@id")
        assert len(ids) == len(set(ids))


def test_every_run_is_british_english(deck: Presentation) -> None:  # type: ignore[valid-type]
    for slide in deck.slides:
        langs = slide.shapes._spTree.xpath(".//a:r/a:rPr/@lang")
        runs = slide.shapes._spTree.xpath(".//a:r")
        assert len(langs) == len(runs) and set(langs) == {"en-GB"}


def test_brand_colours_and_font_reach_the_theme(tmp_path: Path) -> None:
    profile = tmp_path / "org.yaml"
    profile.write_text('name: Teal Trust\nfont: Verdana\ncolours:\n  primary: "#00636B"\n')
    brand = load_brand(profile)
    request = DeckRequest((module("fixture-deck"),), brand, None)
    data = write_deck(plan_deck(request), request).data
    theme = part(data, "ppt/theme/theme1.xml")
    assert theme.xpath("//a:accent1/a:srgbClr/@val", namespaces=NS) == ["00636B"]
    assert set(theme.xpath("//a:fontScheme//a:latin/@typeface", namespaces=NS)) == {"Verdana"}


def test_python_pptx_is_imported_only_when_a_deck_is_written(tmp_path: Path) -> None:
    # `kit --help`, `list`, `show` and `validate` import the deck API but never write a deck.
    fixtures = Path(__file__).resolve().parent / "fixtures" / "decks"
    code = (
        "import sys\n"
        "import compassion_kit.render.deck\n"
        "from compassion_kit.cli import main\n"
        "loaded = lambda: sorted({n.split('.')[0] for n in sys.modules} & {'pptx', 'xlsxwriter'})\n"
        "print(loaded())\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print(loaded())\n"
    )
    out = tmp_path / "deck.pptx"
    content, org = fixtures / "fixture-deck.yaml", fixtures / "org.yaml"
    args = ["build-deck", "fixture-deck", "--content", str(content), "--org", str(org)]
    done = subprocess.run(
        [sys.executable, "-c", code, *args, "-o", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert (lines[0], lines[-1]) == ("[]", "['pptx', 'xlsxwriter']")
    charts = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("ppt/charts/chart")]
    assert charts  # the chart path ran too


def test_building_twice_gives_identical_bytes(deck_bytes: bytes) -> None:
    again = build("fixture-deck", date="12 March 2025", venue="Room 2", facilitator="Sam Patel")
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(deck_bytes).hexdigest()


def entries(data: bytes) -> dict[str, bytes]:
    """Every entry of a zip, with the entries of zips inside it (a chart's workbook) inlined."""
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            blob = package.read(name)
            if name.endswith(".xlsx"):
                found.update({f"{name}!{n}": b for n, b in entries(blob).items()})
            else:
                found[name] = blob
    return found


def test_source_date_epoch_changes_only_the_dates(
    deck_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    later = build("fixture-deck", date="12 March 2025", venue="Room 2", facilitator="Sam Patel")
    before, after = entries(deck_bytes), entries(later)
    assert list(before) == list(after)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == [
        "docProps/core.xml",
        *sorted(n for n in before if n.endswith("!docProps/core.xml")),
    ]
    assert len(changed) == 4  # the deck and its three chart workbooks
    for name in changed:
        assert before[name].replace(b"2020-01-01T00:00:00Z", b"2023-11-14T22:13:20Z") == after[name]


def test_fixture_decks_pass_strict_ooxml_validation(tmp_path: Path, deck_bytes: bytes) -> None:
    for name, data in (("fixture", deck_bytes), ("stress", build("stress"))):
        path = tmp_path / f"{name}.pptx"
        path.write_bytes(data)
        assert_valid_ooxml(path)


def test_deck_without_logo_names_the_organisation_top_right() -> None:
    request = DeckRequest((module("fixture-deck"),), DEFAULT_BRAND, None)
    deck = Presentation(io.BytesIO(write_deck(plan_deck(request), request).data))
    for slide in deck.slides:
        (name,) = [s for s in slide.shapes if s.name == "Organisation name"]
        assert name.text_frame.text == "Your organisation"
        assert not [s for s in slide.shapes if s.shape_type == 13 and s.name == "Logo"]


# ---- organisation templates ------------------------------------------------------------


def edited_template(
    tmp_path: Path, edits: dict[str, tuple[str, str]], drop: tuple[str, ...] = ()
) -> Path:
    """A copy of the bundled template with text replaced in some parts and parts removed."""
    out = tmp_path / "org-template.pptx"
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = source.read(info.filename)
            if info.filename in edits:
                old, new = edits[info.filename]
                assert old.encode() in data, (info.filename, old)
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)
    return out


def test_template_missing_a_kit_layout_or_placeholder_falls_back_to_another(
    tmp_path: Path,
) -> None:
    path = edited_template(
        tmp_path,
        {
            "ppt/slideLayouts/slideLayout8.xml": ('name="Kit Video"', 'name="Video clip"'),
            "ppt/slideLayouts/slideLayout10.xml": ('name="QR"', 'name="Picture 3"'),
        },
    )
    assert check_template(path) == []
    rows = {kind: (layout, parts) for kind, layout, parts in describe_template(path).rows}
    assert rows["Video"][0] != "Kit Video"  # the renamed layout is an ordinary one now
    assert rows["Closing"][0] == "Kit Closing"
    assert "QR: 'Picture 3'" in rows["Closing"][1]  # found by its type instead of its name
    brand, logo = example_brand()
    plan = plan_deck(DeckRequest((module("fixture-deck"),), brand, logo, template=path))
    assert "Kit Video" not in {slide.layout for slide in plan.slides}


def test_template_that_is_not_a_presentation_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "notes.pptx"
    path.write_text("just text")
    (problem,) = check_template(path)
    assert "not a readable PowerPoint file" in problem.message


def test_template_part_that_is_not_xml_is_named_before_anything_is_written(
    tmp_path: Path,
) -> None:
    path = edited_template(
        tmp_path, {"ppt/notesMasters/notesMaster1.xml": ("<p:cSld>", "<p:cSld><<")}
    )
    (problem,) = check_template(path)
    assert problem.message.startswith("the deck template is not a readable PowerPoint file")
    assert "ppt/notesMasters/notesMaster1.xml" in problem.message
    assert problem.location.path == path and problem.hint
    with pytest.raises(ContentError) as raised:
        build("fixture-deck", template=path)
    assert raised.value.problems == [problem]


def test_template_tokens_are_replaced_and_notes_master_listed(tmp_path: Path) -> None:
    # An organisation's template: no notes master of its own and a {{token}} footer that
    # PowerPoint split across runs.
    path = edited_template(
        tmp_path,
        {
            "ppt/slideLayouts/slideLayout4.xml": (
                "<a:t>Text</a:t></a:r>",
                '<a:t>Text</a:t></a:r><a:r><a:rPr lang="en-GB"/><a:t> {{org_</a:t></a:r>'
                '<a:r><a:rPr lang="en-GB"/><a:t>name}}, {{venue}}</a:t></a:r>',
            ),
            "ppt/presentation.xml": (
                '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>',
                "",
            ),
            "ppt/_rels/presentation.xml.rels": (
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/notesMaster" '
                'Target="notesMasters/notesMaster1.xml"/>',
                "",
            ),
            "[Content_Types].xml": (
                '<Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"/>',
                "",
            ),
        },
        drop=(
            "ppt/notesMasters/notesMaster1.xml",
            "ppt/notesMasters/_rels/notesMaster1.xml.rels",
            "ppt/theme/theme2.xml",
        ),
    )
    assert check_template(path) == []
    data = build("fixture-deck", template=path, venue="Room 2")
    layout_texts = "".join(part(data, "ppt/slideLayouts/slideLayout4.xml").itertext())
    assert "Northshire Community Health NHS Trust, Room 2" in layout_texts
    assert "{{" not in layout_texts
    presentation = part(data, "ppt/presentation.xml")
    assert presentation.find("p:notesMasterIdLst/p:notesMasterId", NS) is not None
    out = tmp_path / "built.pptx"
    out.write_bytes(data)
    assert_valid_ooxml(out)


def test_bundled_template_is_exactly_what_its_script_builds() -> None:
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "templates" / "make_deck_template.py"
    spec = importlib.util.spec_from_file_location("make_deck_template", script)
    assert spec is not None and spec.loader is not None
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    assert maker.build() == default_template().read_bytes()


# Layout name -> the placeholder types pandoc fills in it ("obj": a placeholder without a type).
PANDOC_LAYOUTS = {
    "Title Slide": ["ctrTitle", "subTitle"],
    "Title and Content": ["title", "obj"],
    "Section Header": ["title", "body"],
    "Two Content": ["title", "obj", "obj"],
    "Comparison": ["title", "body", "obj", "body", "obj"],
    "Content with Caption": ["title", "obj", "body"],
    "Blank": [],
}


def test_bundled_template_also_has_the_layouts_pandoc_looks_for() -> None:
    layouts = read_template(default_template()).layouts
    assert list(layouts)[-len(PANDOC_LAYOUTS) :] == list(PANDOC_LAYOUTS)  # after the Kit ones
    for name, kinds in PANDOC_LAYOUTS.items():
        assert [p.kind for p in layouts[name].placeholders.values()] == kinds, name


def test_pandoc_builds_its_slides_on_the_bundled_template(tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("needs pandoc")
    source = tmp_path / "talk.md"
    source.write_text(
        "---\ntitle: A talk\n---\n\n# Part one\n\n## Why it matters\n\n- One\n- Two\n\n"
        "::: notes\nSay hello.\n:::\n",
        encoding="utf-8",
    )
    out = tmp_path / "talk.pptx"
    done = subprocess.run(
        [pandoc, str(source), "-o", str(out), f"--reference-doc={default_template()}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Couldn't find layout" not in done.stderr
    slides = Presentation(str(out)).slides
    assert [s.slide_layout.name for s in slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
    ]


def test_a_powerpoint_template_file_builds_a_plain_presentation(tmp_path: Path) -> None:
    main = "application/vnd.openxmlformats-officedocument.presentationml."
    path = edited_template(
        tmp_path,
        {"[Content_Types].xml": (main + "presentation.main+xml", main + "template.main+xml")},
    )
    assert check_template(path) == []
    data = build("fixture-deck", template=path)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
    assert main + "presentation.main+xml" in types and "template.main" not in types
