"""`kit preview`: contact sheets of decks, documents and pack folders, as PNGs or a tagged PDF.

The layout is tested as a plan; the sheets by counting what the plan placed and looking at the
pixels where it placed them (a red slide must show red there)."""

from __future__ import annotations

from pathlib import Path

import docx
import pikepdf
import pytest
from docx.enum.text import WD_BREAK
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu
from tests.support.office import require_tools
from typer.testing import CliRunner

from compassion_kit import pdf as pdf_module
from compassion_kit.check import check_files
from compassion_kit.cli import app
from compassion_kit.preview import make_preview, sheet_paths
from compassion_kit.preview.layout import FileShape, plan_sheets, sheet_size

runner = CliRunner()
WIDE = 16 / 9
A4_PORTRAIT = 210 / 297


# --- the plan -------------------------------------------------------------------------------


def test_every_page_gets_one_tile_in_order_with_its_number() -> None:
    files = [
        FileShape("deck.pptx", "slide", (WIDE,) * 7),
        FileShape("sheet.docx", "page", (A4_PORTRAIT,) * 3),
    ]
    sheets = plan_sheets(files, sheet_size("screen", "medium"))
    tiles = [tile for sheet in sheets for tile in sheet.tiles]
    assert [(t.file, t.page) for t in tiles] == [(0, n) for n in range(1, 8)] + [
        (1, n) for n in range(1, 4)
    ]
    assert [t.caption for t in tiles[:2]] == ["Slide 1", "Slide 2"]
    assert tiles[-1].caption == "Page 3"
    assert [h.text for h in sheets[0].headings] == ["deck.pptx, 7 slides", "sheet.docx, 3 pages"]


def test_tiles_stay_on_the_sheet_and_never_overlap() -> None:
    size = sheet_size("a4", "large")
    files = [FileShape(f"f{n}.pptx", "slide", (WIDE,) * 9) for n in range(4)]
    for sheet in plan_sheets(files, size):
        boxes = [(t.x, t.y, t.x + t.width, t.y + t.height + size.caption) for t in sheet.tiles]
        for left, top, right, bottom in boxes:
            assert size.margin <= left and right <= size.width - size.margin
            assert size.margin + size.title <= top and bottom <= size.height - size.margin
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_a_long_file_continues_on_more_sheets_with_its_name() -> None:
    sheets = plan_sheets(
        [FileShape("big.pdf", "page", (A4_PORTRAIT,) * 150)], sheet_size("a4", "medium")
    )
    assert len(sheets) > 2
    assert sum(len(s.tiles) for s in sheets) == 150
    assert sheets[0].headings[0].text == "big.pdf, 150 pages"
    assert all(s.headings[0].text == "big.pdf (continued)" for s in sheets[1:])


def test_portrait_pages_sit_more_to_a_row_than_slides() -> None:
    size = sheet_size("screen", "medium")
    slides = plan_sheets([FileShape("d.pptx", "slide", (WIDE,) * 30)], size)[0].tiles
    pages = plan_sheets([FileShape("d.docx", "page", (A4_PORTRAIT,) * 30)], size)[0].tiles
    per_row = lambda tiles: sum(1 for t in tiles if t.y == tiles[0].y)  # noqa: E731
    assert per_row(pages) > 2 * per_row(slides) >= 8


def test_nothing_to_show_gives_no_sheets() -> None:
    assert plan_sheets([], sheet_size("screen", "small")) == []


def test_more_sheets_are_named_after_the_first() -> None:
    assert sheet_paths(Path("out/sheet.png"), 3) == [
        Path("out/sheet.png"),
        Path("out/sheet-2.png"),
        Path("out/sheet-3.png"),
    ]


# --- files ----------------------------------------------------------------------------------


def red_deck(path: Path, slides: int) -> Path:
    """A 16:9 deck whose slides are filled red (so its thumbnails can be found by colour)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    for number in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = f"Slide number {number + 1}"
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = RGBColor(0xFF, 0, 0)
    prs.save(str(path))
    return path


def paged_document(path: Path, pages: int) -> Path:
    document = docx.Document()
    for number in range(pages):
        paragraph = document.add_paragraph(f"Page number {number + 1}")
        if number < pages - 1:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def blank_pdf(path: Path, pages: int) -> Path:
    made = pikepdf.new()
    for _ in range(pages):
        made.add_blank_page(page_size=(595, 842))
    made.save(path)
    return path


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 80 and pixel[2] < 80


def has_ink(picture: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """True when some pixel in `box` is dark (text was drawn there)."""
    return picture.crop(box).convert("L").getextrema()[0] < 140  # type: ignore[operator]


def test_deck_sheet_shows_each_slide_with_number_and_file_name(tmp_path: Path) -> None:
    require_tools("soffice")
    deck = red_deck(tmp_path / "talk.pptx", 3)
    result = make_preview([deck], tmp_path / "sheet.png")
    assert result.paths == (tmp_path / "sheet.png",)
    (sheet,) = result.sheets
    assert [t.caption for t in sheet.tiles] == ["Slide 1", "Slide 2", "Slide 3"]
    assert [h.text for h in sheet.headings] == ["talk.pptx, 3 slides"]
    picture = Image.open(result.paths[0]).convert("RGB")
    assert picture.size == (sheet.width, sheet.height)
    for tile in sheet.tiles:
        assert is_red(picture.getpixel((tile.x + tile.width // 2, tile.y + tile.height // 2)))
        caption = (tile.x, tile.y + tile.height, tile.x + tile.width, tile.y + tile.height + 25)
        assert has_ink(picture, caption)
    heading = sheet.headings[0]
    assert has_ink(picture, (heading.x, heading.y, heading.x + 300, heading.y + 40))
    # Red is found only where a tile is: nothing was drawn twice or elsewhere.
    assert not is_red(picture.getpixel((sheet.width - 5, sheet.height - 5)))


def test_document_sheet_shows_each_page(tmp_path: Path) -> None:
    require_tools("soffice")
    document = paged_document(tmp_path / "notes.docx", 2)
    result = make_preview([document], tmp_path / "sheet.png")
    assert [t.caption for t in result.sheets[0].tiles] == ["Page 1", "Page 2"]
    assert result.sheets[0].headings[0].text == "notes.docx, 2 pages"


def test_pack_folder_converts_in_one_run_and_skips_print_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_tools("soffice")
    pack = tmp_path / "pack"
    pack.mkdir()
    red_deck(pack / "deck.pptx", 2)
    paged_document(pack / "handout.docx", 2)
    blank_pdf(pack / "deck.pdf", 2)  # the deck's print copy: not shown twice
    blank_pdf(pack / "poster.pdf", 1)
    (pack / "checklist.md").write_text("# not shown\n")
    calls: list[list[list[Path]]] = []
    real = pdf_module.export_pdfs

    def spy(batches, outdir):  # type: ignore[no-untyped-def]
        calls.append([list(b) for b in batches])
        return real(batches, outdir)

    monkeypatch.setattr(pdf_module, "export_pdfs", spy)
    out = tmp_path / "sheet.png"
    result = runner.invoke(app, ["preview", str(pack), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    assert calls == [[[pack / "deck.pptx", pack / "handout.docx"]]]
    assert '"thumbnails": 5' in result.stdout
    made = make_preview([pack], tmp_path / "again.png")
    assert made.files == ("deck.pptx", "handout.docx", "poster.pdf")
    assert [h.text for h in made.sheets[0].headings] == [
        "deck.pptx, 2 slides",
        "handout.docx, 2 pages",
        "poster.pdf, 1 page",
    ]
    assert out.read_bytes() == (tmp_path / "again.png").read_bytes()


def test_large_input_gives_numbered_sheets(tmp_path: Path) -> None:
    source = blank_pdf(tmp_path / "long.pdf", 120)
    result = runner.invoke(app, ["preview", str(source), "-o", str(tmp_path / "s.png")])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in tmp_path.glob("s*.png"))
    assert len(written) >= 2
    assert written == sorted(p.name for p in sheet_paths(tmp_path / "s.png", len(written)))
    for path in written:
        assert f"wrote {tmp_path / path}" in result.stderr


def test_pdf_proof_is_tagged_with_a_page_per_sheet_and_alt_text(tmp_path: Path) -> None:
    source = blank_pdf(tmp_path / "long.pdf", 70)
    out = tmp_path / "proof.pdf"
    result = make_preview([source], out, as_pdf=True, paper="letter")
    assert result.paths == (out,)
    with pikepdf.open(out) as proof:
        assert len(proof.pages) == len(result.sheets) >= 2
        assert proof.Root.MarkInfo.Marked is True
        assert str(proof.docinfo.Title) == "Contact sheet: long.pdf"
        figures = [k for k in proof.Root.StructTreeRoot.K[0].K if k.S == "/Figure"]
        assert len(figures) == 70
        assert str(figures[4].Alt) == "long.pdf, page 5 of 70"
        width, height = proof.pages[0].mediabox[2], proof.pages[0].mediabox[3]
        assert (round(float(width)), round(float(height))) == (792, 612)
    report = check_files([out], None, "screen")
    assert not report.failed, [f.message for f in report.findings]
    again = make_preview([source], tmp_path / "proof2.pdf", as_pdf=True, paper="letter")
    assert again.paths[0].read_bytes() == out.read_bytes()


def test_missing_libreoffice_is_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = red_deck(tmp_path / "talk.pptx", 1)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "sheet.png"
    result = runner.invoke(app, ["preview", str(deck), "-o", str(out)])
    assert result.exit_code == 1
    assert "LibreOffice (soffice), which is not installed" in result.stderr
    assert "apt-get install libreoffice-impress" in result.stderr
    assert not out.exists()
    # PDFs need no LibreOffice.
    pdf = blank_pdf(tmp_path / "a.pdf", 1)
    assert runner.invoke(app, ["preview", str(pdf), "-o", str(out)]).exit_code == 0


def test_existing_output_needs_force_and_an_input_is_never_replaced(tmp_path: Path) -> None:
    source = blank_pdf(tmp_path / "a.pdf", 1)
    out = tmp_path / "sheet.png"
    out.write_bytes(b"old")
    result = runner.invoke(app, ["preview", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{out}: error: the file already exists; nothing was written" in result.stderr
    assert out.read_bytes() == b"old"
    assert runner.invoke(app, ["preview", str(source), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    over = runner.invoke(app, ["preview", str(source), "-o", str(source), "--pdf", "--force"])
    assert over.exit_code == 1
    assert source.read_bytes().startswith(b"%PDF")


def test_unsupported_missing_and_damaged_inputs_are_named_together(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    missing = tmp_path / "gone.pptx"
    result = runner.invoke(app, ["preview", str(text), str(missing), "-o", str(tmp_path / "s.png")])
    assert result.exit_code == 1
    assert (
        f"{text}: error: kit preview shows .pptx, .docx and .pdf files, not '.txt'" in result.stderr
    )
    assert str(missing) in result.stderr
    damaged = tmp_path / "broken.pdf"
    damaged.write_bytes(b"%PDF-1.7 nothing else")
    result = runner.invoke(app, ["preview", str(damaged), "-o", str(tmp_path / "s.png")])
    assert result.exit_code == 1
    assert f"{damaged}: error: the PDF cannot be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_kind_must_match_pdf_flag(tmp_path: Path) -> None:
    source = blank_pdf(tmp_path / "a.pdf", 1)
    result = runner.invoke(app, ["preview", str(source), "-o", str(tmp_path / "p.pdf")])
    assert result.exit_code == 2
    assert "--pdf" in result.stderr
    result = runner.invoke(
        app, ["preview", str(source), "-o", str(tmp_path / "p.png"), "--paper", "A3"]
    )
    assert result.exit_code == 2


def test_a_proof_inside_the_folder_is_not_shown_again(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    blank_pdf(pack / "poster.pdf", 2)
    proof = pack / "proof.pdf"
    for _ in range(2):
        result = make_preview([pack], proof, as_pdf=True, force=True)
        assert result.files == ("poster.pdf",)
        assert result.thumbnails == 2


def test_a_sheet_left_from_a_longer_run_is_warned_about(tmp_path: Path) -> None:
    out = tmp_path / "s.png"
    first = make_preview([blank_pdf(tmp_path / "long.pdf", 120)], out)
    assert len(first.paths) >= 2 and not first.warnings
    result = runner.invoke(
        app, ["preview", str(blank_pdf(tmp_path / "short.pdf", 1)), "-o", str(out), "--force"]
    )
    assert result.exit_code == 0, result.stderr
    assert (
        f"{tmp_path / 's-2.png'} is left from an earlier preview (this one has 1 sheet)"
        in result.stderr
    )
