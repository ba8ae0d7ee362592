"""`--pdf` / `formats: [pdf]`: every file exported by LibreOffice as tagged, finished PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from compassion_kit import build_pack
from compassion_kit.check.deck_ids import built_slides
from compassion_kit.pack import PackOptions
from compassion_kit.pdf import convert_to, page_count
from support.office import pdf_pages, require_tools

SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"


@pytest.fixture(scope="module")
def pdf_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tools("soffice", "pdfinfo")
    out = tmp_path_factory.mktemp("pdf") / "pack"
    build_pack(SMALL, out, PackOptions(pdf=True))
    return out


def test_every_office_file_has_a_pdf_with_the_counted_pages(pdf_pack: Path):
    manifest = json.loads((pdf_pack / "manifest.json").read_text(encoding="utf-8"))
    by_path = {f["path"]: f for f in manifest["files"]}
    office = [f for f in manifest["files"] if f["format"] in ("pptx", "docx")]
    assert len(office) == 6  # five documents and the facilitator's script
    for entry in office:
        pdf = by_path[entry["path"].rpartition(".")[0] + ".pdf"]
        pages = pdf_pages(pdf_pack / pdf["path"])
        assert pdf["pages"] == entry["pages"] == pages
        if entry["format"] == "pptx":  # hidden extra slides are not exported
            hidden = sum(s.hidden for s in built_slides(pdf_pack / entry["path"]))
            assert pages == entry["slides"] - hidden


def test_the_checklist_prints_from_the_pdfs(pdf_pack: Path):
    text = (pdf_pack / "checklist.md").read_text(encoding="utf-8")
    assert "`tvt-2027-04-14-worksheets.pdf`" in text


def test_pdfs_are_byte_identical_across_runs(pdf_pack: Path, tmp_path: Path):
    build_pack(SMALL, tmp_path / "again", PackOptions(pdf=True))
    for pdf in pdf_pack.glob("*.pdf"):
        assert (tmp_path / "again" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_formats_pdf_alone_keeps_only_pdfs(tmp_path: Path):
    require_tools("soffice")
    folder = tmp_path / "spec"
    shutil.copytree(SMALL.parent, folder)
    with (folder / "workshop.yaml").open("a", encoding="utf-8") as spec:
        spec.write("formats: [pdf]\n")
    build_pack(folder / "workshop.yaml", tmp_path / "out")
    assert {p.suffix for p in (tmp_path / "out").iterdir()} == {".pdf", ".md", ".json"}


def test_every_pdf_is_tagged_titled_and_in_british_english(pdf_pack: Path):
    import pikepdf

    pdfs = sorted(pdf_pack.glob("*.pdf"))
    assert len(pdfs) == 6
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        assert "Tagged:          yes" in info.stdout, pdf.name
        with pikepdf.open(pdf) as doc:
            assert str(doc.Root.Lang) == "en-GB", pdf.name  # LibreOffice says en-US for decks
            assert doc.Root.ViewerPreferences.DisplayDocTitle is True
            assert str(doc.docinfo.Title).strip(), pdf.name
            assert str(doc.docinfo.CreationDate) == "D:20200101000000Z"


def test_the_pack_has_the_facilitators_script_with_every_slide(pdf_pack: Path):
    manifest = json.loads((pdf_pack / "manifest.json").read_text(encoding="utf-8"))
    deck = next(f for f in manifest["files"] if f["kind"] == "deck" and f["format"] == "pptx")
    script = pdf_pack / "tvt-2027-04-14-facilitator-script.pdf"
    text = subprocess.run(
        ["pdftotext", str(script), "-"], capture_output=True, text=True, check=True
    ).stdout
    for number in range(1, deck["slides"] + 1):
        assert f"Slide {number}:" in text or f"Slide {number}\n" in text, number
    assert f"Slide {deck['slides'] + 1}" not in text
    assert "Run sheet" in text
    # the agenda's sessions with what each needs, on the cover and beside every slide in them
    assert "Sessions and materials" in text
    session = "Small-group discussions"
    ready = "A timer, and the broadcast message for time reminders"  # its facilitator's "ready"
    script_docx = docx.Document(str(script.with_suffix(".docx")))
    lines = [p.text for p in script_docx.paragraphs]
    at = [i for i, line in enumerate(lines) if line == f"Session: {session}"]
    assert at and all(ready in lines[i + 1] for i in at), at
    checklist = (pdf_pack / "checklist.md").read_text(encoding="utf-8")
    assert "- [ ] Facilitator's script (" in checklist
    assert "1 copy of `tvt-2027-04-14-facilitator-script.pdf`" in checklist


def test_export_options_ask_for_tagged_pdf_ua_with_the_right_filter():
    deck, document = convert_to(".pptx"), convert_to(".docx")
    assert deck.startswith("pdf:impress_pdf_Export:{") and document.startswith(
        "pdf:writer_pdf_Export:{"
    )
    options = json.loads(deck.split(":", 2)[2])
    assert options["UseTaggedPDF"] == {"type": "boolean", "value": "true"}
    assert options["PDFUACompliance"]["value"] == "true"
    assert options["ExportNotesPages"]["value"] == "false"


def test_pdfinfo_agrees_with_our_page_count(pdf_pack: Path):
    for pdf in pdf_pack.glob("*.pdf"):
        assert pdf_pages(pdf) == page_count(pdf.read_bytes())


def test_a_batch_exports_pdfs_with_one_libreoffice_run_per_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    require_tools("soffice")
    import compassion_kit.pdf as pdf_module

    started: list[list[str]] = []
    real_start = pdf_module._start

    def counting_start(command: list[str]) -> object:
        started.append(command)
        return real_start(command)

    monkeypatch.setattr(pdf_module, "_start", counting_start)
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name,primary\nOne Trust,#005EB8\nTwo Trust,#003087\nThree Trust,#00594F\n")
    result = build_pack(SMALL, tmp_path / "out", PackOptions(orgs=orgs, jobs=2, pdf=True))
    assert result.exit_code == 0
    # three packs in two groups; each group has one run for decks and one for documents, then
    # one for its packs' facilitator's scripts (their thumbnails come from the decks' PDFs)
    assert len(started) == 6
    for slug in ("one-trust", "two-trust", "three-trust"):
        assert len(list((tmp_path / "out" / slug).glob("*.pdf"))) == 6
    assert not list((tmp_path / "out").glob(".*"))
