"""Opening a file for `kit check`: what it really is, whether it is safe to read, and the
python-pptx/python-docx object for it. Owns refusing damaged or hostile files with one plain
reason; it does not own the rules, nor reading parts (that is `ooxml.Package`).
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.check.ooxml import NotOffice, Package
from compassion_kit.inputs import what_it_is

MAX_FILE = 200 * 1024 * 1024
"""Largest file `kit check` opens (200 MB): a deck of full-screen photos stays well under it."""
MAX_UNPACKED = 1024 * 1024 * 1024
"""Largest total the parts of a file may unpack to (1 GB): the libraries hold every part in
memory, so a zip bomb is refused before they read it."""
MAX_XML_PART = 64 * 1024 * 1024
"""Largest single XML part (64 MB): no real slide, document or theme comes near it."""

_WANTED = {".pptx": "PowerPoint presentation", ".docx": "Word document"}
_MAIN_TYPES = {
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}
_SHRINK = "compress its pictures (File > Compress Pictures), save, and check it again"
# What a file that is not a zip package starts with, and what that makes it.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style (.ppt/.doc) or password-protected file"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"{\\rtf", "a Rich Text (.rtf) file"),
    (b"<", "an XML or web page (text)"),
)
_OFFICE_KINDS = (  # (words in the main part's content type, what the file is), first match wins
    (("presentationml", "powerpoint"), "PowerPoint"),
    (("wordprocessingml", "ms-word"), "Word"),
    (("spreadsheetml", "ms-excel"), "Excel"),
)


def open_package(path: Path) -> Package:
    """The file at `path` opened with python-pptx (.pptx) or python-docx (.docx).

    Raises:
        NotOffice: the path is not a regular file, is too large, is not a zip package, is
            damaged (bad zip, bad deflate data, duplicate entries, a part that is not XML or
            declares a DOCTYPE), or is another kind of file than its name says. The message
            names what it really is or what is damaged, and how to fix it.
    """
    suffix = path.suffix.lower()
    _vet_file(path)
    _vet_zip(path)
    main = _main_part(path, suffix)
    content_type = str(main.content_type)
    if content_type != _MAIN_TYPES[suffix]:
        app, what = _office_kind(content_type)
        raise NotOffice(
            f"is {what}, not a {_WANTED[suffix]}",
            f"rename it to what it is, or open it in {app or 'PowerPoint or Word'} and save it "
            f"as a {suffix}",
        )
    document = main.presentation if suffix == ".pptx" else main.document
    return Package(path, document, main)


def _main_part(path: Path, suffix: str) -> Any:
    """The library's main document part of the file, whatever kind of Office file it is.

    Not Presentation()/Document(): they only say "not a PowerPoint file", while the main part
    says what the file is, so a Word file renamed .pptx can be named as one.
    """
    library_errors: tuple[type[Exception], ...]
    if suffix == ".pptx":
        from pptx.exc import PythonPptxError
        from pptx.package import Package as PptxPackage

        opener: Any = PptxPackage
        library_errors = (PythonPptxError,)
    else:
        from docx.exceptions import PythonDocxError
        from docx.opc.exceptions import OpcError
        from docx.package import Package as DocxPackage

        opener = DocxPackage
        library_errors = (PythonDocxError, OpcError)
    try:
        return opener.open(str(path)).main_document_part
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise NotOffice(f"is damaged: its zip data cannot be unpacked ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise NotOffice(f"is damaged: a part is not well-formed XML ({exc})") from None
    except OSError as exc:  # the file went away or changed under us since it was vetted
        raise NotOffice(f"cannot be read ({exc.strerror or exc})", "check the path") from None
    except KeyError as exc:
        missing = exc.args[0] if exc.args else exc
        raise NotOffice(f"is damaged: a part it needs is missing ({missing})") from None
    except (AttributeError, TypeError, ValueError, *library_errors) as exc:
        # The libraries assume a well-formed [Content_Types].xml and relationships; a file
        # that breaks them fails inside the library's loader, before any rule runs.
        raise NotOffice(
            f"is damaged: its list of parts or relationships is malformed ({exc})"
        ) from None


def _vet_file(path: Path) -> None:
    """Refuse, without opening it, anything but a regular file of a sane size."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise NotOffice(f"cannot be read ({exc.strerror})", "check the path") from None
    kind = what_it_is(info.st_mode)
    if kind is not None:
        raise NotOffice(f"is {kind}, not a file", "give the path of a .pptx or .docx file")
    if info.st_size > MAX_FILE:
        raise NotOffice(
            f"is {info.st_size / 1024 / 1024:.0f} MB, over the {MAX_FILE // 1024 // 1024} MB "
            "limit for checking",
            _SHRINK,
        )
    if info.st_size == 0:
        raise NotOffice("is empty (0 bytes)", "save it again from PowerPoint or Word")
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise NotOffice(f"cannot be read ({exc.strerror})", "check its permissions") from None
    if head.startswith(b"PK"):
        return
    what = next((name for magic, name in _MAGIC if head.lstrip().startswith(magic)), None)
    if what is None:
        raise NotOffice("is not an Office file (it is not a zip package)")
    raise NotOffice(f"is {what}, not a .pptx or .docx")


def _vet_zip(path: Path) -> None:
    """Refuse a zip whose directory is broken, lists an entry twice, is encrypted, uses a
    compression Office does not, or unpacks to more than the limits. Reads no entry."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise NotOffice(f"is damaged: its zip directory cannot be read ({exc})") from None
    names = [e.filename for e in entries]
    seen: set[str] = set()
    for name in names:
        # Part names compare without case (ECMA-376 part 2, 9.1.1.1).
        if name.casefold() in seen:
            raise NotOffice(
                f"is damaged: the zip lists {name} more than once, so apps may read different "
                "copies"
            )
        seen.add(name.casefold())
    if "[Content_Types].xml" not in names:
        what = "an OpenDocument file" if "mimetype" in names else "a zip file"
        raise NotOffice(f"is {what}, not a .pptx or .docx (it has no [Content_Types].xml)")
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise NotOffice(
                f"is password-protected (zip entry {entry.filename})",
                "remove the password (File > Info > Protect), save, and check it again",
            )
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NotOffice(
                f"is damaged: {entry.filename} uses a compression Office does not "
                f"(method {entry.compress_type})"
            )
        if entry.filename.endswith((".xml", ".rels")) and entry.file_size > MAX_XML_PART:
            raise NotOffice(
                f"is damaged: the part {entry.filename} unpacks to {entry.file_size} bytes, over "
                f"the {MAX_XML_PART // 1024 // 1024} MB limit for one XML part"
            )
    if sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise NotOffice(
            f"unpacks to more than {MAX_UNPACKED // 1024 // 1024} MB, the limit for checking",
            _SHRINK,
        )


def _office_kind(content_type: str) -> tuple[str | None, str]:
    """The app and 'a Word document', 'an Excel workbook'... from a main part's content type."""
    low = content_type.lower()
    app = next((name for words, name in _OFFICE_KINDS if any(w in low for w in words)), None)
    if app is None:
        return None, f"not an Office document (its main part is {content_type or 'untyped'})"
    noun = {"PowerPoint": "presentation", "Word": "document", "Excel": "workbook"}[app]
    if "template" in low:
        noun = "template"
    elif "slideshow" in low:
        noun = "slide show"
    macro = " with macros" if "macroenabled" in low else ""
    article = "an" if app == "Excel" else "a"
    return app, f"{article} {app} {noun}{macro}"
