"""Word documents on templates no one here wrote: python-docx's default, LibreOffice's
business letters, letterheads with their own header, a first page of their own, a .dotx and a
macro-enabled file renamed .docx. Each must open, validate and keep the template's look."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Mm
from PIL import Image

from compassion_kit import build
from compassion_kit.errors import KitError
from compassion_kit.render.docx import oxml
from support.office import IN_CI, SOFFICE, assert_valid_ooxml, pdf_pages, pdf_text, require_tools
from support.word import styled_paragraphs

ROOT = Path(__file__).parent.parent
ORG = ROOT / "examples" / "fenmoor-hospice" / "org.yaml"
WORKSHEETS = ["compassion-audit", "six-word-stories"]
LO_LETTERS = Path("/usr/lib/libreoffice/share/template/common/officorr")  # Debian, Ubuntu
LO_NAMES = ("Modern_business_letter_sans_serif", "Modern_business_letter_serif")
LETTERHEAD = "Northshire Letterhead, 1 High Street, Northshire"
REGISTERED = "Registered office: Northshire House"
FIRST_PAGE = "First page letterhead of Northshire"
CONTINUATION = "Continuation sheet"
KIT_LOGO = 'name="Organisation logo"'
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


# --- templates -------------------------------------------------------------------------------


def _picture() -> io.BytesIO:
    image = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 94, 184)).save(image, "PNG")
    image.seek(0)
    return image


def python_docx_default(folder: Path) -> Path:
    path = folder / "python-docx-default.docx"
    docx.Document().save(str(path))
    return path


def letterhead(folder: Path, name: str = "letterhead.docx") -> Path:
    """A letterhead: its own logo and address in the header, a footer, a sample letter."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(216), Mm(279)  # Letter, not the kit's A4
    section.left_margin = section.right_margin = Cm(2.2)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(_picture(), width=Cm(3))
    header.add_run(LETTERHEAD)
    section.footer.paragraphs[0].add_run(REGISTERED)
    document.add_paragraph("Dear Sir or Madam, Lorem ipsum dolor sit amet.")
    document.add_paragraph("Put your LOGO here")
    document.save(str(path := folder / name))
    return path


def first_page_letterhead(folder: Path) -> Path:
    """A letterhead whose first page has a header and footer of its own (w:titlePg)."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run(FIRST_PAGE)
    section.header.paragraphs[0].add_run(CONTINUATION)
    document.add_paragraph("Lorem ipsum dolor sit amet.")
    document.save(str(path := folder / "first-page.docx"))
    return path


def _repackaged(source: Path, target: Path, edit: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, blob in edit.items():
        if blob is None:
            parts.pop(name, None)
        else:
            parts[name] = blob
    with zipfile.ZipFile(target, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return target


def dotx(folder: Path) -> Path:
    """The letterhead as a Word template (.dotx) attached to a template file elsewhere."""
    source = letterhead(folder, "for-dotx.docx")
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = (
            archive.read("word/_rels/settings.xml.rels").decode()
            if _has(archive, "word/_rels/settings.xml.rels")
            else '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
        settings = archive.read("word/settings.xml").decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdT" Type="{ATTACHED}" '
        'Target="file:///C:/Templates/Letterhead.dotm" TargetMode="External"/></Relationships>',
    )
    settings = re.sub(
        r"(<w:settings[^>]*>)",
        r'\1<w:attachedTemplate r:id="rIdT" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>',
        settings,
        count=1,
    )
    edit = {
        "[Content_Types].xml": types.replace(DOCUMENT_TYPE, TEMPLATE_TYPE).encode(),
        "word/_rels/settings.xml.rels": rels.encode(),
        "word/settings.xml": settings.encode(),
    }
    return _repackaged(source, folder / "letterhead.dotx", edit)


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    return name in archive.namelist()


def macro_enabled(folder: Path) -> Path:
    """A .docm (a macro project and all) renamed .docx, as people do to get past a filter."""
    source = python_docx_default(folder)
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    types = types.replace(DOCUMENT_TYPE, MACRO_TYPE).replace(
        "</Types>",
        '<Override PartName="/word/vbaProject.bin" '
        'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdVba" Type="{VBA}" Target="vbaProject.bin"/></Relationships>',
    )
    edit = {
        "[Content_Types].xml": types.encode(),
        "word/_rels/document.xml.rels": rels.encode(),
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really a macro project",
    }
    return _repackaged(source, folder / "macros.docx", edit)


def libreoffice_letters(folder: Path) -> list[Path]:
    """LibreOffice's bundled business letters, converted to .docx by LibreOffice itself."""
    sources = [LO_LETTERS / f"{name}.ott" for name in LO_NAMES]
    if SOFFICE is None or not all(source.is_file() for source in sources):
        message = "needs LibreOffice and its bundled business-letter templates"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    _soffice("docx", sources, folder)
    converted = [folder / f"{name}.docx" for name in LO_NAMES]
    assert all(path.is_file() for path in converted), "LibreOffice did not convert its letters"
    return converted


def _soffice(fmt: str, paths: list[Path], outdir: Path) -> None:
    assert SOFFICE is not None
    profile = outdir / "lo-profile"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    command += ["--norestore", "--convert-to", fmt, "--outdir", str(outdir), *map(str, paths)]
    subprocess.run(command, check=False, capture_output=True, timeout=600)


# --- documents on each template, converted once ----------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path | None]]:
    """Template name -> (worksheets built on it, the template); "bundled" has no template."""
    folder = tmp_path_factory.mktemp("templates")
    templates = {
        "python-docx": python_docx_default(folder),
        "letterhead": letterhead(folder),
        "first-page": first_page_letterhead(folder),
        "dotx": dotx(folder),
        "macros": macro_enabled(folder),
    }
    if SOFFICE is not None or IN_CI:
        for path in libreoffice_letters(folder):
            templates[path.stem] = path
    found: dict[str, tuple[Path, Path | None]] = {}
    for name, template in [("bundled", None), *templates.items()]:
        out = folder / "out" / f"{name}.docx"
        options = build.PrintOptions(org=ORG, template=template)
        build.build_worksheets(WORKSHEETS, out, options)
        found[name] = (out, template)
    return found


@pytest.fixture(scope="module")
def pdfs(built: dict[str, tuple[Path, Path | None]]) -> dict[str, Path]:
    """Each document as LibreOffice prints it (one LibreOffice run for all)."""
    require_tools("soffice", "pdfinfo", "pdftotext")
    outdir = next(iter(built.values()))[0].parent / "pdf"
    _soffice("pdf", [path for path, _ in built.values()], outdir)
    found = {name: outdir / f"{path.stem}.pdf" for name, (path, _) in built.items()}
    for name, pdf in found.items():
        assert pdf.is_file(), f"LibreOffice could not open the document on {name}"
    return found


FOREIGN = ["python-docx", "letterhead", "first-page", "dotx", "macros", *LO_NAMES]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _headers(parts: dict[str, bytes], kind: str = "header") -> list[str]:
    return [
        blob.decode() for name, blob in parts.items() if re.fullmatch(rf"word/{kind}\d*\.xml", name)
    ]


def _text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _template_texts(name: str, template: Path) -> list[str]:
    """The text of the template's headers and footers (written here, or read back)."""
    if name in ("letterhead", "dotx"):
        return [LETTERHEAD, REGISTERED]
    if name == "macros":  # python-docx refuses to open it, and it is python-docx's default
        return []
    texts = []
    for section in docx.Document(str(template)).sections:
        for part in (section.header, section.footer, section.first_page_header):
            text = "".join(p.text for p in part.paragraphs).strip()
            if text and not part.is_linked_to_previous:
                texts.append(text)
    return texts


@pytest.mark.parametrize("name", FOREIGN)
def test_a_document_on_a_foreign_template_is_valid_and_clean(
    built: dict[str, tuple[Path, Path | None]], name: str
) -> None:
    if name not in built:
        pytest.skip("needs LibreOffice to convert its templates")
    path, template = built[name]
    assert template is not None
    assert_valid_ooxml(path)
    parts = _parts(path)
    assert "word/vbaProject.bin" not in parts
    assert DOCUMENT_TYPE in parts["[Content_Types].xml"].decode()
    for rels in (blob.decode() for part, blob in parts.items() if part.endswith(".rels")):
        assert "vbaProject" not in rels and "stylesWithEffects" not in rels
        for relationship in re.findall(r"<Relationship [^>]*/>", rels):
            assert 'TargetMode="External"' not in relationship or "/hyperlink" in relationship
    assert "stylesWithEffects" not in "".join(parts)


@pytest.mark.parametrize("name", FOREIGN)
def test_a_foreign_template_keeps_its_headers_and_gets_the_kits_content(
    built: dict[str, tuple[Path, Path | None]], name: str
) -> None:
    if name not in built:
        pytest.skip("needs LibreOffice to convert its templates")
    path, template = built[name]
    assert template is not None
    parts = _parts(path)
    around = "".join(_text(xml) for xml in _headers(parts) + _headers(parts, "footer"))
    for text in _template_texts(name, template):
        assert text in around, f"the template's {text!r} is gone"
    # The kit's content: its headings, tables and tick boxes, as on the bundled template.
    bundled = built["bundled"][0]
    headings = [t for s, t in styled_paragraphs(path) if s == "Heading 1"]
    assert headings == [t for s, t in styled_paragraphs(bundled) if s == "Heading 1"]
    assert len(docx.Document(str(path)).tables) == len(docx.Document(str(bundled)).tables) > 0
    ticks = oxml.checkboxes(docx.Document(str(path)))
    assert ticks and ticks == oxml.checkboxes(docx.Document(str(bundled)))
    # The template's body (a sample letter, a logo box) is not printed.
    body = _text(parts["word/document.xml"].decode())
    assert "Lorem ipsum" not in body and "LOGO here" not in body and "Dear " not in body
    # Each header shows one logo: the template's own picture, or else the kit's.
    for header in _headers(parts):
        kit = header.count(KIT_LOGO)
        own = header.count("<wp:docPr ") - kit + header.count("<w:pict")
        assert kit <= 1 and not (kit and own), "two logos in one header"
        assert kit or own, "a header without a logo"
    if name in ("letterhead", "dotx"):
        assert all(KIT_LOGO not in header for header in _headers(parts))


@pytest.mark.parametrize("name", FOREIGN)
def test_a_foreign_template_prints_like_the_bundled_one(
    built: dict[str, tuple[Path, Path | None]], pdfs: dict[str, Path], name: str
) -> None:
    if name not in built:
        pytest.skip("needs LibreOffice to convert its templates")
    pages = pdf_pages(pdfs[name])
    assert abs(pages - pdf_pages(pdfs["bundled"])) <= 1
    text = " ".join(pdf_text(pdfs[name]).split())
    assert "Workplace compassion audit and action" in text
    assert "Lorem ipsum" not in text
    if name in ("letterhead", "dotx"):
        assert LETTERHEAD in text and REGISTERED in text
        assert "Fenmoor Hospice" not in text.split("Workplace")[0]  # the letterhead's own header


def test_letterhead_keeps_its_page_setup(built: dict[str, tuple[Path, Path | None]]) -> None:
    section = docx.Document(str(built["letterhead"][0])).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (216, 279)
    assert section.left_margin is not None and round(section.left_margin.cm, 1) == 2.2


def test_a_landscape_template_stays_landscape(tmp_path: Path) -> None:
    template = docx.Document()
    section = template.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    template.save(str(path := tmp_path / "landscape.docx"))
    out = tmp_path / "out.docx"
    build.build_handouts(["why-compassion-matters"], out, build.PrintOptions(template=path))
    written = docx.Document(str(out)).sections
    assert all(s.orientation == WD_ORIENT.LANDSCAPE for s in written)
    assert all(s.page_width == section.page_width for s in written)


def test_a_distinct_first_page_keeps_its_own_header(
    built: dict[str, tuple[Path, Path | None]], pdfs: dict[str, Path]
) -> None:
    path = built["first-page"][0]
    sections = docx.Document(str(path)).sections
    assert sections[0].different_first_page_header_footer
    assert not any(s.different_first_page_header_footer for s in sections[1:])
    first, second = pdf_text(pdfs["first-page"], 1), pdf_text(pdfs["first-page"], 2)
    assert FIRST_PAGE in first and CONTINUATION not in first
    assert CONTINUATION in second and FIRST_PAGE not in second
    assert "Source:" in first and "Source:" in second  # the credit on every page


def test_a_templates_footer_page_number_is_not_repeated(tmp_path: Path) -> None:
    template = docx.Document()
    footer = template.sections[0].footer.paragraphs[0]
    footer.add_run("Page ")
    oxml.add_field(footer, "PAGE", "1")
    template.save(str(path := tmp_path / "numbered.docx"))
    out = tmp_path / "out.docx"
    build.build_worksheets(["six-word-stories"], out, build.PrintOptions(template=path))
    footers = _headers(_parts(out), "footer")
    assert sum(xml.count(" PAGE ") for xml in footers) == len(footers)
    assert all("Source: " in _text(xml) and "NUMPAGES" not in xml for xml in footers)


def test_the_output_may_not_be_the_template(tmp_path: Path) -> None:
    path = letterhead(tmp_path)
    before = path.read_bytes()
    with pytest.raises(KitError) as caught:
        build.build_worksheets(WORKSHEETS, path, build.PrintOptions(template=path))
    assert "letterhead.docx" in str(caught.value)
    assert path.read_bytes() == before


def test_a_pack_uses_the_specs_document_template(tmp_path: Path) -> None:
    letterhead(tmp_path)
    shutil.copy(ORG, tmp_path / "org.yaml")
    (tmp_path / "workshop.yaml").write_text(
        "title: Letterhead day\n"
        "organisation: org.yaml\n"
        "templates:\n  document: letterhead.docx\n"
        "worksheets: [six-word-stories]\n"
        "formats: [docx]\n",
        encoding="utf-8",
    )
    _copy_logo(tmp_path)
    build.build_pack(tmp_path / "workshop.yaml", tmp_path / "pack")
    written = [p for p in (tmp_path / "pack").rglob("*.docx")]
    assert written
    for path in written:
        headers = "".join(_text(xml) for xml in _headers(_parts(path)))
        assert LETTERHEAD in headers


def test_a_pack_uses_the_specs_deck_template(tmp_path: Path) -> None:
    import pptx

    pptx.Presentation().save(str(tmp_path / "office.pptx"))
    shutil.copy(ORG, tmp_path / "org.yaml")
    _copy_logo(tmp_path)
    (tmp_path / "workshop.yaml").write_text(
        "title: Template day\n"
        "organisation: org.yaml\n"
        "templates:\n  deck: office.pptx\n"
        "deck: {modules: [intro]}\n"
        "formats: [pptx]\n",
        encoding="utf-8",
    )
    build.build_pack(tmp_path / "workshop.yaml", tmp_path / "pack")
    (deck,) = (tmp_path / "pack").rglob("*.pptx")
    layouts = {slide.slide_layout.name for slide in pptx.Presentation(str(deck)).slides}
    assert "Title Slide" in layouts  # Office's layout names: the template was used


def test_a_missing_spec_template_is_named_at_its_line(tmp_path: Path) -> None:
    shutil.copy(ORG, tmp_path / "org.yaml")
    _copy_logo(tmp_path)
    (tmp_path / "workshop.yaml").write_text(
        "title: Letterhead day\n"
        "organisation: org.yaml\n"
        "templates:\n  document: nowhere.docx\n"
        "worksheets: [six-word-stories]\n",
        encoding="utf-8",
    )
    with pytest.raises(KitError) as caught:
        build.build_pack(tmp_path / "workshop.yaml", tmp_path / "pack")
    message = str(caught.value)
    assert "workshop.yaml:4" in message and "nowhere.docx" in message
    assert not (tmp_path / "pack").exists()


def _copy_logo(folder: Path) -> None:
    logo = re.search(r"^logo:\s*(\S+)", ORG.read_text(encoding="utf-8"), re.M)
    if logo is not None:
        target = folder / logo.group(1)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ORG.parent / logo.group(1), target)


@pytest.mark.parametrize(
    "command",
    [
        ["agenda", "improvement-planning", "--facilitator"],
        ["worksheet", "six-word-stories"],
        ["handout", "why-compassion-matters"],
    ],
)
def test_each_document_command_takes_a_template(tmp_path: Path, command: list[str]) -> None:
    from typer.testing import CliRunner

    from compassion_kit.cli import app

    template = dotx(tmp_path)
    out = tmp_path / "out.docx"
    args = [*command, "--org", str(ORG), "--template", str(template), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    headers = "".join(_text(xml) for xml in _headers(_parts(out)))
    assert LETTERHEAD in headers
    assert_valid_ooxml(out)
    refused = CliRunner().invoke(app, [*args[:-1], str(template)])
    assert refused.exit_code == 1
    assert "letterhead.dotx" in refused.output


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ({"word/styles.xml": b"<w:styles"}, "cannot read the Word template"),
        ({"word/_rels/document.xml.rels": b"<Relationships"}, "not well-formed"),
        ({"[Content_Types].xml": None}, "cannot read the Word template"),
    ],
)
def test_a_broken_template_is_refused_naming_it(
    tmp_path: Path, damage: dict[str, bytes | None], said: str
) -> None:
    broken = _repackaged(python_docx_default(tmp_path), tmp_path / "broken.docx", damage)
    with pytest.raises(KitError) as caught:
        build.build_worksheets(
            ["six-word-stories"], tmp_path / "out.docx", build.PrintOptions(template=broken)
        )
    assert said in str(caught.value) and "broken.docx" in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def test_a_template_listing_a_part_twice_is_refused(tmp_path: Path) -> None:
    source = python_docx_default(tmp_path)
    twice = tmp_path / "twice.docx"
    shutil.copy(source, twice)
    with zipfile.ZipFile(twice, "a") as archive, pytest.warns(UserWarning, match="Duplicate"):
        archive.writestr("word/document.xml", b"<w:document/>")
    with pytest.raises(KitError) as caught:
        build.build_worksheets(
            ["six-word-stories"], tmp_path / "out.docx", build.PrintOptions(template=twice)
        )
    assert "more than once" in str(caught.value) and "twice.docx" in str(caught.value)
