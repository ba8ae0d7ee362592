"""`kit check` on files that are damaged, hostile or not what their name says: one KIT000
finding naming what the file really is (or what is damaged) and a fix, exit 1, no traceback."""

from __future__ import annotations

import os
import socket
import time
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from typer.testing import CliRunner

from compassion_kit.check import Finding, check_file, opening
from compassion_kit.cli import app

runner = CliRunner()


def deck(path: Path) -> Path:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "Welcome"
    prs.save(path)
    return path


def word(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Hello")
    document.save(path)
    return path


def rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip `source` with parts replaced (bytes) or dropped (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change.get(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in change.items():
            if data is not None and name not in old.namelist():
                new.writestr(name, data)
    return target


def only_problem(path: Path) -> Finding:
    found = check_file(path)
    assert [(f.code, f.severity, f.where) for f in found] == [("KIT000", "E", "file")], found
    assert found[0].hint
    return found[0]


def slide_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("ppt/slides/slide1.xml")


def test_word_file_named_pptx_is_named_as_a_word_document(tmp_path: Path) -> None:
    renamed = tmp_path / "deck.pptx"
    renamed.write_bytes(word(tmp_path / "real.docx").read_bytes())
    problem = only_problem(renamed)
    assert problem.message == "the file is a Word document, not a PowerPoint presentation"
    assert "open it in Word and save it as a .pptx" in (problem.hint or "")


def test_deck_named_docx_is_named_as_a_presentation(tmp_path: Path) -> None:
    renamed = tmp_path / "notes.docx"
    renamed.write_bytes(deck(tmp_path / "real.pptx").read_bytes())
    problem = only_problem(renamed)
    assert problem.message == "the file is a PowerPoint presentation, not a Word document"


def test_excel_workbook_named_pptx_is_named_as_a_workbook(tmp_path: Path) -> None:
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    book = tmp_path / "book.pptx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        )
    problem = only_problem(book)
    assert problem.message == "the file is an Excel workbook, not a PowerPoint presentation"


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"%PDF-1.7\n", "a PDF file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", "an old-style (.ppt/.doc) or password-protected"),
        (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
        (b"just some text", "not an Office file (it is not a zip package)"),
    ],
)
def test_a_file_that_is_not_a_zip_says_what_it_is(tmp_path: Path, start: bytes, what: str) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(start + b"rest of the file")
    assert only_problem(path).message.startswith(f"the file is {what}")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"")
    assert only_problem(path).message == "the file is empty (0 bytes)"


def test_bad_deflate_stream_is_damage(tmp_path: Path) -> None:
    path = deck(tmp_path / "deck.pptx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("ppt/slides/slide1.xml")
    # The compressed data starts after the 30-byte local header, its name and extra field.
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 40] = b"\xff" * 40
    path.write_bytes(bytes(data))
    problem = only_problem(path)
    assert problem.message.startswith("the file is damaged: its zip data cannot be unpacked")


def test_duplicate_zip_entry_is_damage(tmp_path: Path) -> None:
    path = deck(tmp_path / "deck.pptx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns "Duplicate name"
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("ppt/slides/slide1.xml", b"<p:sld/>")
    problem = only_problem(path)
    assert problem.message == (
        "the file is damaged: the zip lists ppt/slides/slide1.xml more than once, "
        "so apps may read different copies"
    )


def test_part_that_is_not_xml_is_damage(tmp_path: Path) -> None:
    path = rezip(deck(tmp_path / "a.pptx"), tmp_path / "b.pptx", {"ppt/slides/slide1.xml": b"\0"})
    problem = only_problem(path)
    assert problem.message.startswith("the file is damaged: a part is not well-formed XML")


def test_missing_part_is_damage(tmp_path: Path) -> None:
    source = word(tmp_path / "a.docx")
    path = rezip(source, tmp_path / "b.docx", {"word/document.xml": None})
    assert only_problem(path).message.startswith("the file is damaged: a part it needs is missing")


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    source = deck(tmp_path / "a.pptx")
    xml = slide_xml(source).decode()
    declaration, body = xml.split("?>", 1)
    hostile = (
        f'{declaration}?><!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        + body.replace("Welcome", "&xxe;")
    )
    path = rezip(source, tmp_path / "b.pptx", {"ppt/slides/slide1.xml": hostile.encode()})
    problem = only_problem(path)
    assert problem.message.startswith(
        "the file is refused: the part ppt/slides/slide1.xml declares a DOCTYPE"
    )
    result = runner.invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 1
    assert "TOP-SECRET-VALUE" not in result.stdout + result.stderr


def test_doctype_in_a_part_the_library_leaves_as_bytes_is_refused(tmp_path: Path) -> None:
    source = deck(tmp_path / "a.pptx")
    with zipfile.ZipFile(source) as archive:
        theme = archive.read("ppt/theme/theme1.xml").decode()
    declaration, body = theme.split("?>", 1)
    hostile = f'{declaration}?><!DOCTYPE a:theme [<!ENTITY big "{"x" * 100}">]>{body}'
    path = rezip(source, tmp_path / "b.pptx", {"ppt/theme/theme1.xml": hostile.encode()})
    assert "the part ppt/theme/theme1.xml declares a DOCTYPE" in only_problem(path).message


def test_non_numeric_attribute_names_the_part_and_value(tmp_path: Path) -> None:
    source = deck(tmp_path / "a.pptx")
    with zipfile.ZipFile(source) as archive:
        pres = archive.read("ppt/presentation.xml").decode()
    assert 'cx="9144000"' in pres
    changed = pres.replace('cx="9144000"', 'cx="wide"', 1).encode()
    path = rezip(source, tmp_path / "b.pptx", {"ppt/presentation.xml": changed})
    assert only_problem(path).message == (
        'the file is damaged: ppt/presentation.xml has <p:sldSz cx="wide">, '
        "which is not a whole number"
    )


def test_non_numeric_attribute_in_word(tmp_path: Path) -> None:
    source = word(tmp_path / "a.docx")
    with zipfile.ZipFile(source) as archive:
        body = archive.read("word/document.xml").decode()
    changed = body.replace('w:w="12240"', 'w:w="A4"', 1).encode()
    assert changed != body.encode()
    path = rezip(source, tmp_path / "b.docx", {"word/document.xml": changed})
    assert only_problem(path).message == (
        'the file is damaged: word/document.xml has <w:pgSz w:w="A4">, which is not a whole number'
    )


def test_encrypted_zip_entry_is_refused(tmp_path: Path) -> None:
    path = deck(tmp_path / "deck.pptx")
    data = bytearray(path.read_bytes())
    name = b"ppt/slides/slide1.xml"
    # Set the "encrypted" bit (general purpose flag bit 0) in the central directory record,
    # as a password-protecting zip tool would; zipfile itself then refuses to read the entry.
    record = data.find(b"PK\x01\x02")
    while data[record + 46 : record + 46 + len(name)] != name:
        record = data.find(b"PK\x01\x02", record + 4)
    data[record + 8] |= 0x1
    path.write_bytes(bytes(data))
    assert only_problem(path).message == (
        "the file is password-protected (zip entry ppt/slides/slide1.xml)"
    )


def test_compression_office_does_not_use_is_refused(tmp_path: Path) -> None:
    source = deck(tmp_path / "a.pptx")
    path = tmp_path / "bzip.pptx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            method = zipfile.ZIP_BZIP2 if info.filename.endswith("slide1.xml") else None
            new.writestr(info.filename, old.read(info), compress_type=method or info.compress_type)
    assert only_problem(path).message == (
        "the file is damaged: ppt/slides/slide1.xml uses a compression Office does not (method 12)"
    )


def test_size_caps_are_in_the_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.pptx"
    with big.open("wb") as stream:  # sparse: takes no disk space
        stream.truncate(opening.MAX_FILE + 1024 * 1024)
    assert only_problem(big).message == ("the file is 201 MB, over the 200 MB limit for checking")
    monkeypatch.setattr(opening, "MAX_UNPACKED", 1024 * 1024)
    bomb = tmp_path / "bomb.pptx"
    rezip(deck(tmp_path / "a.pptx"), bomb, {"ppt/media/zeros.bin": b"\0" * (2 * 1024 * 1024)})
    assert (
        only_problem(bomb).message == "the file unpacks to more than 1 MB, the limit for checking"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_is_named_at_once_and_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.pptx"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = runner.invoke(app, ["check", str(fifo)])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert f"{fifo}:file: KIT000 error: the file is a named pipe (FIFO), not a file" in (
        result.stderr
    )


def test_socket_is_named(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = tmp_path / "s.pptx"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert only_problem(path).message == "the file is a socket, not a file"


def test_link_to_a_device_is_named(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    assert only_problem(link).message == "the file is a device, not a file"


def test_damaged_files_exit_1_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    renamed = tmp_path / "deck.pptx"
    renamed.write_bytes(word(tmp_path / "real.docx").read_bytes())
    good = deck(tmp_path / "good.pptx")
    result = runner.invoke(app, ["check", str(renamed), str(good)])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert (
        f"{renamed}:file: KIT000 error: the file is a Word document, not a PowerPoint "
        "presentation (rename it to what it is, or open it in Word and save it as a .pptx)"
    ) in result.stderr.splitlines()
    # The damaged file does not stop the others being checked.
    assert any(
        line.startswith(f"{good}:presentation: KIT019") for line in result.stderr.splitlines()
    )
    assert not any(line.startswith(f"{good}:file: KIT000") for line in result.stderr.splitlines())
