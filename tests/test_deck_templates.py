"""Decks built on templates nobody here wrote: python-pptx's default (Office's own layouts,
4:3), LibreOffice's bundled Impress templates converted to .pptx, a .potx, a macro-enabled
file renamed .pptx, a layout with an external link and a master that carries a logo.

Each deck opens in LibreOffice with its slide count, passes the strict validator, gives every
slide a unique title and has the slides the bundled template gives, give or take "(cont.)".
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.render.deck import DeckRequest, check_template, plan_deck, write_deck
from compassion_kit.render.plan.deck_layouts import map_layouts
from compassion_kit.render.plan.deck_spec import DEFAULT_INSETS as INSETS
from compassion_kit.render.plan.deck_spec import (
    DeckPlan,
    Layout,
    Placeholder,
    Template,
)
from compassion_kit.render.pptx.template import read_template
from support.decks import example_brand, module
from support.office import IN_CI, SOFFICE, assert_valid_ooxml, pdf_pages, require_tools

LIBREOFFICE_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
IMPRESS = ("Vintage", "Piano", "Focus", "Blue_Curve")
MAIN = "application/vnd.openxmlformats-officedocument.presentationml."
CONT = re.compile(r" \(cont\.(?: \d+)?\)$")


def _request(template: Path | None) -> DeckRequest:
    brand, logo = example_brand()
    return DeckRequest(
        (module("fixture-deck"),),
        brand,
        logo,
        date="12 March 2025",
        venue="Seminar room 2",
        facilitator="Sam Patel",
        template=template,
    )


def _build(template: Path | None, out: Path) -> DeckPlan:
    request = _request(template)
    plan = plan_deck(request)
    out.write_bytes(write_deck(plan, request).data)
    return plan


def _soffice(args: list[str], workdir: Path) -> None:
    assert SOFFICE is not None
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", *args],
        check=False,
        capture_output=True,
        timeout=600,
    )


def _office_default(path: Path) -> Path:
    Presentation().save(str(path))  # python-pptx's default: Office's layouts, 4:3
    return path


def _retyped(source: Path, path: Path, main: str, extra: dict[str, bytes] | None = None) -> Path:
    """`source` with its main part's content type replaced (and parts added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace((MAIN + "presentation.main+xml").encode(), main.encode())
                if extra:
                    data = data.replace(
                        b"</Types>",
                        b'<Override PartName="/ppt/vbaProject.bin" '
                        b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                    )
            if info.filename == "ppt/_rels/presentation.xml.rels" and extra:
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            new.writestr(info, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return path


def _potx(tmp: Path) -> Path:
    return _retyped(
        _office_default(tmp / "base.pptx"), tmp / "office.potx", MAIN + "template.main+xml"
    )


def _macros(tmp: Path) -> Path:
    main = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
    base = _office_default(tmp / "base-m.pptx")
    return _retyped(base, tmp / "renamed.pptx", main, {"ppt/vbaProject.bin": b"\xd0\xcf macros"})


def _external_link(tmp: Path) -> Path:
    prs = Presentation()
    layout = prs.slide_layouts[1]  # Title and Content
    run = layout.placeholders[0].text_frame.paragraphs[0].runs[0]
    run.hyperlink.address = "https://example.org/intranet"  # an external relationship
    path = tmp / "linked.pptx"
    prs.save(str(path))
    return path


def _master_logo(tmp: Path) -> Path:
    """Office's default template with a small picture at the top right of its master."""
    prs = Presentation()
    png = Path(__file__).parent / "fixtures" / "logos" / "logo.png"
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    picture = slide.shapes.add_picture(str(png), Inches(8.6), Inches(0.1), Inches(1.2))
    image_part = slide.part.related_part(picture._element.blip_rId)
    master = prs.slide_masters[0]
    rel_id = master.part.relate_to(image_part, RT.IMAGE)
    picture._element.blipFill.blip.rEmbed = rel_id
    picture.name = "Trust logo"
    master.shapes._spTree.append(picture._element)
    path = tmp / "logo-master.pptx"
    prs.save(str(path))  # the sample slide is dropped when a deck is built
    return path


MADE: dict[str, Callable[[Path], Path]] = {
    "office-default-4x3": lambda tmp: _office_default(tmp / "office.pptx"),
    "potx": _potx,
    "macro-enabled-renamed": _macros,
    "external-link-in-layout": _external_link,
    "logo-on-master": _master_logo,
}


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DeckPlan, Path]]:
    """Every deck built once: the bundled template's, then one per foreign template."""
    tmp = tmp_path_factory.mktemp("templates")
    built = {"bundled": (_build(None, tmp / "bundled.pptx"), tmp / "bundled.pptx")}
    templates = {name: make(tmp) for name, make in MADE.items()}
    if SOFFICE is not None and LIBREOFFICE_TEMPLATES.is_dir():
        sources = [str(LIBREOFFICE_TEMPLATES / f"{n}.otp") for n in IMPRESS]
        _soffice(["--convert-to", "pptx", "--outdir", str(tmp / "lo"), *sources], tmp)
        for name in IMPRESS:
            converted = tmp / "lo" / f"{name}.pptx"
            assert converted.exists(), f"LibreOffice did not convert {name}.otp"
            templates[f"libreoffice-{name}"] = converted
    elif IN_CI:
        pytest.fail("needs LibreOffice and its bundled Impress templates")
    for name, template in templates.items():
        out = tmp / f"{name}.pptx"
        built[name] = (_build(template, out), out)
    return built


def _titles(path: Path) -> list[str]:
    prs = Presentation(str(path))
    titles = []
    for slide in prs.slides:
        title = slide.shapes.title
        titles.append(title.text_frame.text if title is not None else "")
    return titles


def test_libreoffice_templates_were_converted(decks: dict[str, tuple[DeckPlan, Path]]) -> None:
    if not any(name.startswith("libreoffice-") for name in decks):
        require_tools("soffice")
        pytest.skip("LibreOffice has no bundled Impress templates here")
    assert sum(name.startswith("libreoffice-") for name in decks) >= 3


def test_every_deck_has_the_bundled_decks_slides_with_unique_titles(
    decks: dict[str, tuple[DeckPlan, Path]],
) -> None:
    expected = [t for t in _titles(decks["bundled"][1]) if not CONT.search(t)]
    for name, (plan, path) in decks.items():
        titles = _titles(path)
        assert all(t.strip() for t in titles), (name, titles)
        assert len(set(titles)) == len(titles), (name, titles)
        assert [t for t in titles if not CONT.search(t)] == expected, name
        assert len(titles) == len(plan.slides), name


def test_every_deck_passes_the_strict_validator(decks: dict[str, tuple[DeckPlan, Path]]) -> None:
    for _, path in decks.values():
        assert_valid_ooxml(path)
        with zipfile.ZipFile(path) as package:  # LibreOffice's own files have none
            assert "ppt/viewProps.xml" in package.namelist()


def test_every_deck_opens_in_libreoffice_with_its_slide_count(
    decks: dict[str, tuple[DeckPlan, Path]], tmp_path: Path
) -> None:
    require_tools("soffice", "pdfinfo")
    paths = [str(path) for _, path in decks.values()]
    _soffice(["--convert-to", "pdf", "--outdir", str(tmp_path), *paths], tmp_path)
    for name, (plan, path) in decks.items():
        pdf = tmp_path / f"{path.stem}.pdf"
        assert pdf.exists(), f"LibreOffice could not open the deck on {name}"
        assert pdf_pages(pdf) == len(plan.slides), name


def test_macros_template_type_and_external_links_do_not_reach_the_deck(
    decks: dict[str, tuple[DeckPlan, Path]],
) -> None:
    for name in ("potx", "macro-enabled-renamed", "external-link-in-layout"):
        with zipfile.ZipFile(decks[name][1]) as package:
            names = package.namelist()
            types = package.read("[Content_Types].xml").decode()
            rels = "".join(  # the template's own parts; the deck's slides link on purpose
                package.read(n).decode()
                for n in names
                if n.endswith(".rels") and ("/slideLayouts/" in n or "/slideMasters/" in n)
            )
        assert not any("vbaProject" in n for n in names), name
        assert MAIN + "presentation.main+xml" in types and "macroEnabled" not in types, name
        assert 'TargetMode="External"' not in rels, name
        assert "example.org/intranet" not in rels, name
    with zipfile.ZipFile(decks["external-link-in-layout"][1]) as package:
        assert "rels" in "".join(package.namelist())  # the check above looked at something


def test_a_master_logo_is_not_doubled(decks: dict[str, tuple[DeckPlan, Path]]) -> None:
    plan, path = decks["logo-on-master"]
    assert any("already shows a logo ('Trust logo')" in w for w in plan.warnings)
    for slide in Presentation(str(path)).slides:
        assert "Logo" not in [shape.name for shape in slide.shapes]
    plain, _ = decks["office-default-4x3"]
    assert all(any(p.kind == "logo" for p in s.pictures) for s in plain.slides)


def test_foreign_templates_keep_their_theme_and_kit_layouts_still_win(
    decks: dict[str, tuple[DeckPlan, Path]],
) -> None:
    plan, _ = decks["office-default-4x3"]
    assert not plan.brand_theme and plan.font == ""
    assert {s.layout for s in plan.slides} <= {
        "Title Slide",
        "Title and Content",
        "Section Header",
        "Two Content",
        "Comparison",
        "Title Only",
    }
    bundled, _ = decks["bundled"]
    assert bundled.brand_theme and all(s.layout.startswith("Kit ") for s in bundled.slides)


def test_office_layouts_map_by_placeholder_type(tmp_path: Path) -> None:
    mapped = map_layouts(read_template(_office_default(tmp_path / "o.pptx")))
    chosen = {kind: layout.name for kind, layout in mapped.layouts.items()}
    assert chosen["Kit Title"] == "Title Slide"
    assert chosen["Kit Section"] == "Section Header"
    assert chosen["Kit Bullets"] == "Title and Content"
    assert chosen["Kit Exercise"] == "Two Content"
    assert mapped.drawn["Kit Quote"] == ("Attribution",)
    assert mapped.drawn["Kit Exercise"] == ()


def test_a_template_without_any_title_gets_titles_from_the_kit(tmp_path: Path) -> None:
    prs = Presentation()
    for layout in prs.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
                shape.element.getparent().remove(shape.element)
    path = tmp_path / "untitled.pptx"
    prs.save(str(path))
    assert check_template(path) == []
    out = tmp_path / "deck.pptx"
    plan = _build(path, out)
    assert any("has no title placeholder: the kit adds one" in w for w in plan.warnings)
    titles = _titles(out)
    assert titles == [slide.title for slide in plan.slides] and all(titles)
    assert_valid_ooxml(out)
    result = CliRunner().invoke(app, ["template", "check", str(path)])
    assert result.exit_code == 0


def test_a_file_that_is_not_a_template_cannot_be_used(tmp_path: Path) -> None:
    path = tmp_path / "notes.pptx"
    path.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(app, ["template", "check", str(path)])
    assert result.exit_code == 1
    assert "not a readable PowerPoint file" in result.stderr


def test_an_absurd_slide_size_is_refused(tmp_path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(40), Inches(1.5)
    path = tmp_path / "banner.pptx"
    prs.save(str(path))
    (problem,) = check_template(path)
    assert "40.00 x 1.50 in" in problem.message


def test_template_check_prints_the_mapping(tmp_path: Path) -> None:
    path = _office_default(tmp_path / "office.pptx")
    result = CliRunner().invoke(app, ["template", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "Two Content" in result.stdout and "Exercise" in result.stdout
    assert "Attribution" in result.output  # the quote's compromise


def test_built_deck_type_is_a_presentation_even_from_a_potx(tmp_path: Path) -> None:
    template = _potx(tmp_path)
    request = _request(template)
    data = write_deck(plan_deck(request), request).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "template.main" not in package.read("[Content_Types].xml").decode()


def _layout(name: str, *kinds: str, kind: str = "cust") -> Layout:
    """A layout of plain geometry: a title across the top, then content placeholders side
    by side (names as PowerPoint gives them)."""
    title = Placeholder("Title 1", "title", 0, (457200, 274320, 8229600, 1143000), INSETS, 0)
    holders = [title]
    width = 8229600 // max(1, len(kinds))
    for n, ph_kind in enumerate(kinds, start=1):
        box = (457200 + (n - 1) * width, 1600200, width - 91440, 4525963)
        holders.append(Placeholder(f"Content Placeholder {n + 1}", ph_kind, n, box, INSETS, n))
    roles = {"Title": title, **{p.name: p for p in holders[1:]}}
    return Layout(name, roles, type=kind, holders=tuple(holders), region=holders[-1].box)


def _template(*layouts: Layout) -> Template:
    return Template(Path("t.pptx"), (9144000, 6858000), {lay.name: lay for lay in layouts})


def test_welsh_layout_names_choose_among_layouts_of_the_same_shape() -> None:
    mapped = map_layouts(
        _template(
            _layout("Teitl yn Unig"),
            _layout("Pennawd Adran", "body"),
            _layout("Teitl a Chynnwys", "body"),
            _layout("Dau Gynnwys", "body", "body"),
        )
    )
    chosen = {kind: layout.name for kind, layout in mapped.layouts.items()}
    assert chosen["Kit Section"] == "Pennawd Adran"
    assert chosen["Kit Bullets"] == "Teitl a Chynnwys"
    assert chosen["Kit Exercise"] == "Dau Gynnwys"
    assert mapped.drawn["Kit Exercise"] == ()


def test_a_kind_with_no_content_layout_is_drawn_on_title_only_in_the_body_area() -> None:
    only = _layout("Title Only", kind="titleOnly")
    only = replace(only, region=(457200, 1600200, 8229600, 4525963))  # the master body
    mapped = map_layouts(_template(only, _layout("Blank", kind="blank")))
    exercise = mapped.layouts["Kit Exercise"]
    assert exercise.name == "Title Only"
    body, panel = exercise.placeholders["Body"], exercise.placeholders["Panel"]
    assert body.ordinal == panel.ordinal == -1  # both drawn as text boxes
    for box in (body.box, panel.box):  # inside the master's body area, side by side
        assert box[0] >= 457200 and box[0] + box[2] <= 457200 + 8229600
        assert box[1] >= 1600200 and box[1] + box[3] <= 1600200 + 4525963
    assert body.box[0] + body.box[2] < panel.box[0]
    assert any("Title Only" in w and "'Body', 'Panel'" in w for w in mapped.warnings())


def test_kit_layouts_win_over_better_typed_ones() -> None:
    kit = _layout("Kit Bullets", "body")
    mapped = map_layouts(_template(_layout("Title and Content", "obj", kind="obj"), kit))
    assert mapped.layouts["Kit Bullets"].name == "Kit Bullets"
    assert mapped.layouts["Kit Agenda"].name == "Title and Content"


def test_an_organisations_footer_and_slide_number_reach_every_slide(tmp_path: Path) -> None:
    # PowerPoint puts a layout's footer and slide number on slides when they are ticked;
    # python-pptx's add_slide skips them, so the kit copies them (dates stay off).
    template = tmp_path / "footer.pptx"
    prs = Presentation()
    for layout in prs.slide_layouts:
        for holder in layout.placeholders:
            if holder.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
                holder.text_frame.text = "Northshire NHS Trust | Internal"
    prs.save(str(template))
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(
        app, ["build-deck", "intro", "--template", str(template), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    slides = list(Presentation(str(out)).slides)
    for slide in slides:
        kinds = [s.placeholder_format.type for s in slide.placeholders]
        assert PP_PLACEHOLDER.SLIDE_NUMBER in kinds and PP_PLACEHOLDER.DATE not in kinds
        footer = next(
            s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER
        )
        assert footer.text_frame.text == "Northshire NHS Trust | Internal"
        ids = [s.shape_id for s in slide.shapes]
        assert len(ids) == len(set(ids))
    xml = zipfile.ZipFile(out).read("ppt/slides/slide2.xml").decode("utf-8")
    assert 'type="slidenum"' in xml and 'lang="en-US"' not in xml
    checked = CliRunner().invoke(app, ["check", str(out)])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert "text repeated on every slide (footer, slide number" in checked.stdout + checked.stderr


def test_the_bundled_template_gets_no_footer_copies(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["build-deck", "intro", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    for slide in Presentation(str(out)).slides:
        kinds = {s.placeholder_format.type for s in slide.placeholders}
        assert not kinds & {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def test_a_templates_own_custom_properties_are_kept_beside_the_kits(tmp_path: Path) -> None:
    # The kit names the template in a custom property (for kit check); an organisation's
    # template may have custom properties of its own (a document code, say): both are kept.
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs = Presentation()
    own = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
        b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        b'name="Document code"><vt:lpwstr>NT-0042</vt:lpwstr></property></Properties>'
    )
    package = prs.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, own)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
    template = tmp_path / "our-trust.pptx"
    prs.save(str(template))
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(
        app, ["build-deck", "intro", "--template", str(template), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    custom = zipfile.ZipFile(out).read("docProps/custom.xml").decode("utf-8")
    assert 'name="Document code"' in custom and "NT-0042" in custom
    assert 'pid="3" name="compassion-kit template"' in custom and "our-trust.pptx" in custom
