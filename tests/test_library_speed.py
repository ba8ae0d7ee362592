"""Work python-pptx and python-docx repeat, done once: the same results as their own calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
EXPRESSIONS = ("./*[1]/p:nvPr/p:ph", ".//a:t", "./p:nvSpPr/p:cNvPr/@name", "count(.//p:sp)")


def test_pptx_xpath_is_compiled_once_and_answers_as_lxml_does() -> None:
    from pptx import Presentation
    from pptx.oxml.ns import _nsmap
    from pptx.oxml.xmlchemy import BaseOxmlElement

    from compassion_kit.render.pptx import speed

    prs = Presentation(str(ROOT / "templates" / "deck.pptx"))
    elements = [
        element
        for layout in prs.slide_layouts
        for element in layout.shapes._spTree.iter()
        if isinstance(element, BaseOxmlElement)
    ]
    assert len(elements) > 50
    speed._compiled.cache_clear()
    for element in elements:
        for path in EXPRESSIONS:
            expected = etree.ElementBase.xpath(element, path, namespaces=_nsmap)
            assert element.xpath(path) == expected
    info = speed._compiled.cache_info()
    assert info.misses == len(EXPRESSIONS)
    assert info.hits == len(EXPRESSIONS) * (len(elements) - 1)


def test_docx_xpath_is_compiled_once_and_answers_as_lxml_does() -> None:
    from docx import Document
    from docx.oxml.ns import nsmap
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compassion_kit.render.docx import speed

    document = Document(str(ROOT / "templates" / "document.docx"))
    document.add_paragraph("A paragraph").add_run(" and a run")
    document.add_table(rows=2, cols=2)
    elements = [e for e in document.element.iter() if isinstance(e, BaseOxmlElement)]
    elements += [e for e in document.styles.element.iter() if isinstance(e, BaseOxmlElement)]
    assert len(elements) > 50
    paths = ("./w:r", ".//w:t", "./w:pPr/w:pStyle/@w:val", "count(.//w:tc)")
    speed._compiled.cache_clear()
    for element in elements:
        for path in paths:
            expected = etree.ElementBase.xpath(element, path, namespaces=nsmap)
            assert element.xpath(path) == expected
    info = speed._compiled.cache_info()
    assert (info.misses, info.hits) == (len(paths), len(paths) * (len(elements) - 1))


def test_pictures_added_through_the_remembered_part_match_python_pptx() -> None:
    import io

    from pptx import Presentation
    from pptx.util import Emu

    from compassion_kit.render.pptx import speed

    logo = (ROOT / "examples" / "fenmoor-hospice" / "logo.png").read_bytes()
    decks = []
    for use_speed in (False, True):
        prs = Presentation(str(ROOT / "templates" / "deck.pptx"))
        for number in range(4):
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            box = (Emu(100 + number), Emu(200), Emu(300000), Emu(200000))
            if use_speed:
                speed.add_picture(slide, logo, *box)
            else:
                slide.shapes.add_picture(io.BytesIO(logo), *box)
        saved = io.BytesIO()
        prs.save(saved)
        decks.append(Presentation(saved))
    plain, fast = decks
    images = [[p for p in d.part.package.iter_parts() if "image" in p.content_type] for d in decks]
    assert len(images[0]) == len(images[1]) == 1
    for before, after in zip(plain.slides, fast.slides, strict=True):
        assert before.shapes._spTree.xml == after.shapes._spTree.xml
        assert "Picture" in after.shapes[-1].name
        assert before.part.rels.xml == after.part.rels.xml


def test_qualified_names_are_remembered_and_unchanged() -> None:
    import docx.oxml.ns
    import docx.oxml.xmlchemy
    import pptx.oxml.ns
    import pptx.oxml.xmlchemy

    from compassion_kit.render.docx import speed as docx_speed
    from compassion_kit.render.pptx import speed as pptx_speed

    del docx_speed, pptx_speed  # imported for what importing them does
    for fast, plain, names in (
        (pptx.oxml.xmlchemy.qn, pptx.oxml.ns.qn, ("a:rPr", "p:sp", "a:latin")),
        (docx.oxml.xmlchemy.qn, docx.oxml.ns.qn, ("w:rPr", "w:tcPr", "w:b")),
    ):
        assert fast is not plain
        for name in names:
            assert fast(name) == plain(name)
            assert fast(name) == fast(name)
        assert fast.cache_info().hits >= len(names)


def test_remembered_pictures_do_not_keep_a_deck_alive() -> None:
    import gc

    from pptx import Presentation
    from pptx.util import Emu

    from compassion_kit.render.pptx import speed

    logo = (ROOT / "examples" / "fenmoor-hospice" / "logo.png").read_bytes()
    gc.collect()
    before = len(speed._images)
    prs = Presentation(str(ROOT / "templates" / "deck.pptx"))
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    speed.add_picture(slide, logo, Emu(0), Emu(0), Emu(100000), Emu(100000))
    assert len(speed._images) == before + 1
    del prs, slide
    gc.collect()
    assert len(speed._images) == before


def _library_first_child(element: Any, *tagnames: str) -> Any:
    """python-docx's own `first_child_found_in`, as it ships."""
    from docx.oxml.ns import qn

    for tagname in tagnames:
        child = element.find(qn(tagname))
        if child is not None:
            return child
    return None


def test_one_pass_finds_the_child_the_libraries_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every lookup python-pptx and python-docx make while the example pack is written, on
    the kit's templates and on the libraries' own defaults, answered both ways: the same."""
    import docx.oxml.ns
    import docx.oxml.xmlchemy
    import pptx.oxml.ns
    import pptx.oxml.xmlchemy

    from compassion_kit.pack.spec import load_spec
    from compassion_kit.pack.write import render_pack
    from compassion_kit.render.docx import speed as docx_speed
    from compassion_kit.render.pptx import speed as pptx_speed

    del docx_speed, pptx_speed
    asked = {"docx": 0, "pptx": 0}
    for name, library, qualify in (
        ("docx", docx.oxml.xmlchemy, docx.oxml.ns.qn),
        ("pptx", pptx.oxml.xmlchemy, pptx.oxml.ns.qn),
    ):
        fast = library.BaseOxmlElement.first_child_found_in
        assert fast.__module__ == "compassion_kit.render.library_lookups"

        def checked(
            self: Any, *tagnames: str, fast: Any = fast, qualify: Any = qualify, name: str = name
        ) -> Any:
            found = fast(self, *tagnames)
            expected = next(
                (c for c in (self.find(qualify(t)) for t in tagnames) if c is not None), None
            )
            assert found is expected, (self.tag, tagnames)
            asked[name] += 1
            return found

        monkeypatch.setattr(library.BaseOxmlElement, "first_child_found_in", checked)
    example = ROOT / "examples" / "wye-valley"
    specs = [example / "workshop.yaml"]
    own = tmp_path / "own-templates"
    own.mkdir()
    for item in example.iterdir():
        if item.is_file():
            (own / item.name).write_bytes(item.read_bytes())
    docx.Document().save(str(own / "letterhead.docx"))
    pptx.Presentation().save(str(own / "office.pptx"))
    with (own / "workshop.yaml").open("a", encoding="utf-8") as spec_file:
        spec_file.write("templates: {deck: office.pptx, document: letterhead.docx}\n")
    specs.append(own / "workshop.yaml")
    for number, path in enumerate(specs):
        spec = load_spec(path, own_organisation=True, pdf=False)
        assert spec.brand is not None
        render_pack(spec, spec.brand, spec.logo, tmp_path / f"pack{number}", "org")
    assert asked["docx"] > 1000 and asked["pptx"] > 1000


def test_one_pass_agrees_on_a_busy_parent_and_a_single_tag() -> None:
    from docx import Document

    from compassion_kit.render.docx import speed

    del speed
    document = Document()
    for number in range(40):
        document.add_paragraph(f"paragraph {number}")
    body = document.element.body
    assert len(body) > 40
    for tags in (("w:sectPr",), ("w:tbl", "w:sectPr"), ("w:p",), ("w:tbl",)):
        assert body.first_child_found_in(*tags) is _library_first_child(body, *tags)


@pytest.mark.parametrize("template", ["kit", "python-pptx"])
def test_slides_and_notes_with_copied_placeholders_match_python_pptx(template: str) -> None:
    """Three slides on every layout, each with notes, made by python-pptx's own calls and
    with the placeholders copied: the same shapes on every slide and notes slide."""
    from pptx import Presentation

    from compassion_kit.render.pptx import oxml, speed

    path = str(ROOT / "templates" / "deck.pptx") if template == "kit" else None
    decks = []
    for use_speed in (False, True):
        prs = Presentation(path)
        for _ in range(3):
            for layout in prs.slide_layouts:
                if use_speed:
                    slide = speed.add_slide(prs.slides, layout)
                    oxml.new_notes_slide(slide).notes_text_frame.text = layout.name
                else:
                    slide = prs.slides.add_slide(layout)
                    slide.notes_slide.notes_text_frame.text = layout.name
        decks.append(prs)
    plain, fast = decks
    assert len(plain.slides) == len(fast.slides) >= 9
    assert plain.part._element.xml == fast.part._element.xml  # the slide list and its ids
    assert plain.part.rels.xml == fast.part.rels.xml
    for before, after in zip(plain.slides, fast.slides, strict=True):
        assert before.shapes._spTree.xml == after.shapes._spTree.xml
        assert before.notes_slide.element.xml == after.notes_slide.element.xml
        assert before.part.partname == after.part.partname
        assert before.notes_slide.part.partname == after.notes_slide.part.partname


def test_relationships_are_written_as_python_pptx_writes_them(tmp_path: Path) -> None:
    """Every part's relationships in a built deck and in python-pptx's default template, with
    an external hyperlink and an image: the same bytes as python-pptx's own serialization."""
    from pptx import Presentation

    from compassion_kit.pack.batch import build_pack
    from compassion_kit.render.pptx import speed

    build_pack(ROOT / "examples" / "wye-valley" / "workshop.yaml", tmp_path / "pack")
    logo = ROOT / "examples" / "fenmoor-hospice" / "logo.png"
    compared = 0
    for path in (next((tmp_path / "pack").glob("*.pptx")), None):
        prs = Presentation(str(path) if path else None)
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        link = slide.shapes.add_textbox(0, 0, 100, 100).text_frame.paragraphs[0].add_run()
        link.hyperlink.address = "https://example.org/feedback?team=a&b=c"
        slide.shapes.add_picture(str(logo), 0, 0)
        for part in prs.part.package.iter_parts():
            expected = speed._library_rels_xml(part.rels)
            assert part.rels.xml == expected
            compared += 1
        assert any(b"External" in p.rels.xml for p in prs.part.package.iter_parts())
    assert compared > 80


def test_new_elements_are_made_as_the_libraries_make_them() -> None:
    """Elements made with the remembered tag names: the same tag, namespaces and class."""
    import docx.oxml.ns
    import docx.oxml.parser
    import pptx.oxml.ns
    import pptx.oxml.xmlchemy
    from lxml import etree

    from compassion_kit.render.docx import speed as docx_speed
    from compassion_kit.render.pptx import speed as pptx_speed

    del docx_speed, pptx_speed
    for module, make, names in (
        (docx.oxml.ns, docx.oxml.parser.OxmlElement, ("w:rPr", "w:tcPr", "w:b", "wp:inline")),
        (pptx.oxml.ns, pptx.oxml.xmlchemy.OxmlElement, ("a:rPr", "p:sp", "a:latin", "c:chart")),
    ):
        for name in names:
            tag = module.NamespacePrefixedTag(name)
            made, again = make(name), make(name)
            assert made.tag == again.tag == tag.clark_name
            assert made.nsmap == again.nsmap == tag.nsmap
            assert type(made) is type(again) and made is not again
            assert etree.tostring(made) == etree.tostring(again)
        element = make(names[0])
        assert element._nsptag == names[0]  # from_clark_name still answers


def test_runs_with_copied_properties_match_python_pptx() -> None:
    """Runs in several looks, each look twice and one with a link, written with python-pptx's
    calls and with copied properties: the same paragraphs."""
    from pptx import Presentation
    from pptx.util import Emu, Pt

    from compassion_kit.render.pptx import speed

    looks = [(18.0, None, None, ""), (24.0, True, "#005EB8", "Arial"), (12.5, False, "#231F20", "")]
    paragraphs = []
    for use_speed in (False, True):
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        paragraph = slide.shapes.add_textbox(0, 0, Emu(100), Emu(100)).text_frame.paragraphs[0]
        for number, (size, bold, colour, font) in enumerate(looks * 2):

            def style(
                look: Any,
                size: float = size,
                bold: Any = bold,
                colour: Any = colour,
                font: str = font,
            ) -> None:
                look.size = Pt(size)
                if bold is not None:
                    look.bold = bold
                if colour:
                    look.color.rgb = __import__("pptx").dml.color.RGBColor.from_string(colour[1:])
                if font:
                    look.name = font

            text = f"run {number} & <more>"
            if use_speed:
                look = (__name__, size, bold, colour, font)
                run = speed.add_styled_run(paragraph, text, look, style)
            else:
                run = paragraph.add_run()
                run.text = text
                style(run.font)
            if number == 4:
                run.hyperlink.address = "https://example.org/"
        paragraphs.append(paragraph._p.xml)
    assert paragraphs[0] == paragraphs[1]
    assert paragraphs[1].count("<a:rPr") == 6 and "hlinkClick" in paragraphs[1]


class _Forgetful(dict):  # type: ignore[type-arg]
    """A shape cache that never keeps anything: every table made by python-docx's calls."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def test_tables_copied_from_their_shape_match_tables_made_by_python_docx(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same tables (in the body, in a cell, with and without body rows, two looks),
    made by python-docx each time and copied from the first of their shape: the same bytes."""
    from compassion_kit.render.docx import table as tables
    from compassion_kit.render.docx.document import finish, new_document
    from compassion_kit.render.docx.text import Cell
    from test_docx_foundation import CREDIT, NORTHSHIRE

    plain = tables.TableLook(style="Kit Form", header_style="Prompt", shade_header=False)

    def document() -> bytes:
        draft = new_document(NORTHSHIRE, None, CREDIT)
        for number in range(3):
            tables.add_table(draft, ["What", "Who"], [["a", str(number)], ["", "b"]])
            form = tables.add_table(draft, [f"Question {number}"], [[""]], [draft.width], plain)
            answer = form.rows[1].cells[0]
            assert isinstance(answer, Cell)
            tables.add_table(answer, ["1", "2", "3"], [()], [1000, 1000, 1000])
            tables.add_table(draft, ["Only a header"], [], caption="A caption")
        return finish(draft, "Tables")

    copied = document()
    monkeypatch.setattr(tables, "_shapes", _Forgetful())
    made = document()
    assert made == copied
    import io
    import zipfile

    body = zipfile.ZipFile(io.BytesIO(copied)).read("word/document.xml")
    assert body.count(b"<w:tbl>") == 12 and b"Question 2" in body


def test_one_pass_agrees_with_the_libraries_when_children_are_out_of_order() -> None:
    """A hand-edited template may hold properties out of schema order: the library's answer
    (the first child of the earliest-listed tag present) either way, for every tail of the
    order and many shuffles of the children."""
    import random

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from compassion_kit.render.docx import oxml, speed

    del speed
    order = [f"w:{tag}" for tag in oxml._ORDER["rPr"].split()]
    children = ["b", "i", "color", "sz", "lang", "rFonts", "highlight", "b"]
    shuffles = random.Random(12)
    asked = 0
    for _ in range(40):
        shuffles.shuffle(children)
        inner = "".join(f"<w:{tag}/>" for tag in children)
        r_pr = parse_xml(f"<w:rPr {nsdecls('w')}>{inner}</w:rPr>")
        for start in range(len(order)):
            tail = tuple(order[start:])
            assert r_pr.first_child_found_in(*tail) is _library_first_child(r_pr, *tail)
            asked += 1
    assert asked == 40 * len(order)


def test_slide_ids_follow_python_pptx_past_the_largest_id() -> None:
    """Once the largest slide id is taken, python-pptx reuses free ids from the bottom; the
    remembered numbering must not hand out one of them twice."""
    from pptx import Presentation

    from compassion_kit.render.pptx import speed

    lists = []
    for use_speed in (False, True):
        prs = Presentation()
        layout = prs.slide_layouts[6]
        for number in range(3):
            slide = (
                speed.add_slide(prs.slides, layout) if use_speed else prs.slides.add_slide(layout)
            )
            del slide
            if number == 1:  # a template slide listed with the largest id there is
                prs.slides._sldIdLst[-1].set("id", "2147483647")
        for _ in range(3):
            if use_speed:
                speed.add_slide(prs.slides, layout)
            else:
                prs.slides.add_slide(layout)
        lists.append([int(s.get("id")) for s in prs.slides._sldIdLst])
    assert lists[0] == lists[1]
    assert len(set(lists[1])) == len(lists[1]) == 6
