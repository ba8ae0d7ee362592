"""`--pdf` / `formats: [pdf]`: every file exported by LibreOffice, with page counts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compassion_kit import build_pack
from compassion_kit.pack import PackOptions
from compassion_kit.pdf import deterministic, page_count
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
    assert len(office) == 5
    for entry in office:
        pdf = by_path[entry["path"].rpartition(".")[0] + ".pdf"]
        pages = pdf_pages(pdf_pack / pdf["path"])
        assert pdf["pages"] == entry["pages"] == pages
        if entry["format"] == "pptx":
            assert pages == entry["slides"]


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


def test_deterministic_keeps_offsets_and_fixes_dates_and_ids():
    data = (
        b"%PDF-1.6\n/CreationDate(D:20261124032309Z')\n<</Type/Page>>\n<</Type /Pages/Count 1>>\n"
        b"/ID [ <E6B3511AEC615A4A68F7F19480E184F7>\n<E6B3511AEC615A4A68F7F19480E184F7> ]\n"
        b"/DocChecksum /11B069644E4920E28050BC075AF4C1A1\n"
    )
    fixed = deterministic(data)
    assert len(fixed) == len(data)
    assert b"D:20200101000000" in fixed and b"E6B3511A" not in fixed and b"11B06964" not in fixed
    assert page_count(fixed) == 1
    other = data.replace(b"20261124032309", b"20270101000000").replace(b"E6B3", b"0000")
    assert deterministic(other) == fixed


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
    assert len(started) == 2  # three packs, two LibreOffice runs
    for slug in ("one-trust", "two-trust", "three-trust"):
        assert len(list((tmp_path / "out" / slug).glob("*.pdf"))) == 5
    assert not list((tmp_path / "out").glob(".*"))
