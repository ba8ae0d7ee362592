"""`kit check` on PDFs (KIT020-KIT026), with PDFs made here by pikepdf: no LibreOffice.

The real exports (tagged ones from `kit build`, an untagged one from plain `soffice`) are
checked in test_pack_pdf.py, which builds them once.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from typer.testing import CliRunner

from compassion_kit.check import check_file, files_to_check
from compassion_kit.check.sources import SourceFacts
from compassion_kit.cli import app
from compassion_kit.pdf_finish import _carry_alt_text

runner = CliRunner()


def _page(doc: pikepdf.Pdf, font: pikepdf.Dictionary | None = None) -> pikepdf.Page:
    doc.add_blank_page(page_size=(595, 842))
    page = doc.pages[-1]
    if font is not None:
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    return page


def _element(doc: pikepdf.Pdf, kind: str, page: pikepdf.Page, **extra: object) -> pikepdf.Object:
    fields = {
        "Type": pikepdf.Name.StructElem,
        "S": pikepdf.Name("/" + kind),
        "Pg": page.obj,
        "K": 0,
    }
    return doc.make_indirect(pikepdf.Dictionary(**fields, **extra))


def accessible_pdf(path: Path, *, figure_alt: str | None = "A chart", bookmarks: bool = True):
    """A one-page tagged PDF with a heading and a figure, right in every way checked."""
    doc = pikepdf.new()
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontFile2=pikepdf.Stream(doc, b"x")
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name("/Arial"),
        FontDescriptor=doc.make_indirect(descriptor),
    )
    page = _page(doc, doc.make_indirect(font))
    figure = {"Alt": pikepdf.String(figure_alt)} if figure_alt is not None else {}
    kids = pikepdf.Array([_element(doc, "H1", page), _element(doc, "Figure", page, **figure)])
    doc.Root.StructTreeRoot = doc.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=kids)
    )
    doc.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    doc.Root.Lang = pikepdf.String("en-GB")
    doc.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    doc.docinfo.Title = "Why compassion matters"
    if bookmarks:
        with doc.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("Why compassion matters", 0))
    doc.save(path)
    return path


def codes(path: Path) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in check_file(path)]


def test_an_accessible_pdf_has_no_findings(tmp_path: Path):
    assert codes(accessible_pdf(tmp_path / "good.pdf")) == []


def test_an_untagged_pdf_without_title_or_language_fails_each_rule(tmp_path: Path):
    doc = pikepdf.new()
    plain_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica")
    )
    _page(doc, plain_font)
    doc.save(tmp_path / "plain.pdf")
    found = check_file(tmp_path / "plain.pdf")
    assert [(f.code, f.where) for f in found] == [
        ("KIT020", "document"),
        ("KIT021", "document"),
        ("KIT022", "document"),
        ("KIT022", "document"),
        ("KIT023", "document"),
        ("KIT026", "page 1"),
    ]
    assert "the font Helvetica is not embedded" in str(found[-1])
    assert str(found[0]).startswith(f"{tmp_path / 'plain.pdf'}:document: KIT020 error: ")


def test_figure_without_alt_text_is_named_by_page(tmp_path: Path):
    found = check_file(accessible_pdf(tmp_path / "bare.pdf", figure_alt=None))
    assert [(f.code, f.where, f.message) for f in found] == [
        ("KIT025", "page 1", "a figure has no alternate text (/Alt)")
    ]


def test_headings_without_bookmarks_are_found(tmp_path: Path):
    found = check_file(accessible_pdf(tmp_path / "flat.pdf", bookmarks=False))
    assert [(f.code, f.message) for f in found] == [
        ("KIT024", "the PDF has 1 heading but no bookmarks")
    ]


def test_encrypted_and_damaged_pdfs_give_one_kit000(tmp_path: Path):
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(accessible_pdf(tmp_path / "good.pdf")) as doc:
        doc.save(locked, encryption=pikepdf.Encryption(owner="o", user="u"))
    open_but_restricted = tmp_path / "restricted.pdf"
    with pikepdf.open(tmp_path / "good.pdf") as doc:
        doc.save(open_but_restricted, encryption=pikepdf.Encryption(owner="o", user=""))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    renamed = tmp_path / "notes.pdf"
    renamed.write_bytes(b"PK\x03\x04 a zip really")
    for path, words in [
        (locked, "is password-protected"),
        (open_but_restricted, "is encrypted"),
        (damaged, "is damaged"),
        (renamed, "is not a PDF file"),
    ]:
        found = check_file(path)
        assert [f.code for f in found] == ["KIT000"], path.name
        assert words in found[0].message, (path.name, found[0].message)


def test_kit_check_finds_pdfs_in_folders_and_exits_1_on_errors(tmp_path: Path):
    accessible_pdf(tmp_path / "good.pdf")
    accessible_pdf(tmp_path / "bare.pdf", figure_alt=None)
    assert files_to_check([tmp_path]) == [tmp_path / "bare.pdf", tmp_path / "good.pdf"]
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "bare.pdf:page 1: KIT025 error:" in result.stderr
    assert "good.pdf" not in result.stderr
    assert runner.invoke(app, ["check", str(tmp_path / "good.pdf")]).exit_code == 0


def test_alt_text_goes_to_the_bare_figures_of_the_right_slide(tmp_path: Path):
    doc = pikepdf.new()
    first, second = _page(doc), _page(doc)
    kept = _element(doc, "Figure", first, Alt=pikepdf.String("Logo"))
    chart = _element(doc, "Figure", first)
    other = _element(doc, "Figure", second)
    doc.Root.StructTreeRoot = pikepdf.Dictionary(K=pikepdf.Array([kept, chart, other]))
    facts = SourceFacts("Deck", "en-GB", (("Logo", "Bar chart of scores"), ("Photo",)), True)
    _carry_alt_text(doc, facts)
    assert [str(e.Alt) for e in (kept, chart, other)] == ["Logo", "Bar chart of scores", "Photo"]
