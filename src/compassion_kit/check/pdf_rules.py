"""The PDF rules of `kit check` (KIT020-KIT026): tagged, marked, titled, language, bookmarks,
figure alt text and embedded fonts, read through pikepdf (imported lazily).

Owns opening a PDF safely (one KIT000 for a damaged or encrypted file) and judging its
structure; it does not judge what the pages look like (that is for the Office rules).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import NotOffice
from compassion_kit.check.opening import MAX_FILE
from compassion_kit.inputs import what_it_is

if TYPE_CHECKING:
    import pikepdf

RESAVE_PDF = "export or save it as PDF again from the app that made it"
TAGGED_HINT = (
    "export it again as tagged PDF: LibreOffice File > Export as PDF > General > "
    "Universal Accessibility (PDF/UA); Word Save as PDF > Options > Document structure tags "
    "for accessibility"
)
_HEADINGS = frozenset(f"/H{level}" for level in ("", "1", "2", "3", "4", "5", "6"))
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
_MAX_NODES = 200_000  # structure elements visited at most: a hostile tree cannot hang a check


def open_pdf(path: Path) -> pikepdf.Pdf:
    """The PDF at `path`, opened with pikepdf for reading.

    Raises:
        NotOffice: not a regular file, too large, not a PDF, damaged, or encrypted (which
            also covers a PDF that opens without a password but restricts copying: assistive
            technology may be refused its text).
    """
    import pikepdf

    try:
        info = os.stat(path)
        kind = what_it_is(info.st_mode)
        if kind is not None:
            raise NotOffice(f"is {kind}, not a file", "give the path of a .pdf file")
        if info.st_size > MAX_FILE:
            raise NotOffice(f"is over the {MAX_FILE // 1024 // 1024} MB limit for checking")
        with path.open("rb") as stream:
            head = stream.read(1024)
    except OSError as exc:
        raise NotOffice(f"cannot be read ({exc.strerror})", "check the path") from None
    if b"%PDF-" not in head:
        raise NotOffice("is not a PDF file (it does not start with %PDF-)", RESAVE_PDF)
    try:
        doc = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise NotOffice(
            "is password-protected", "save a copy without a password and check that"
        ) from None
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise NotOffice(f"is damaged: {exc}", RESAVE_PDF) from None
    if doc.is_encrypted:
        doc.close()
        raise NotOffice(
            "is encrypted (it has permissions set), so assistive technology may be refused "
            "its text",
            "save a copy without security settings and check that",
        )
    return doc


def check_pdf(doc: pikepdf.Pdf, found: Findings) -> None:
    """Add every PDF finding of `doc` to `found` (places: "document", "page N")."""
    import pikepdf

    root = doc.Root
    tree = root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        found.add(
            "document",
            "KIT020",
            "E",
            "the PDF is not tagged (it has no structure tree)",
            TAGGED_HINT,
        )
    mark = root.get("/MarkInfo")
    if not (isinstance(mark, pikepdf.Dictionary) and _is_true(mark.get("/Marked"))):
        found.add(
            "document",
            "KIT021",
            "E",
            "the PDF is not marked as tagged (MarkInfo /Marked)",
            TAGGED_HINT,
        )
    _title(doc, found)
    language = root.get("/Lang")
    if not str(language or "").strip():
        found.add(
            "document",
            "KIT023",
            "E",
            "the PDF has no language (/Lang)",
            "set the document's language (for example en-GB) and export it again",
        )
    if isinstance(tree, pikepdf.Dictionary):
        _structure(doc, tree, found)
    _fonts(doc, found)


def _title(doc: pikepdf.Pdf, found: Findings) -> None:
    import pikepdf

    title = doc.docinfo.get("/Title") if doc.trailer.get("/Info") is not None else None
    if not str(title or "").strip():
        found.add(
            "document",
            "KIT022",
            "E",
            "the PDF has no title",
            "give the file a title (File > Properties) and export it again",
        )
    prefs = doc.Root.get("/ViewerPreferences")
    if not (isinstance(prefs, pikepdf.Dictionary) and _is_true(prefs.get("/DisplayDocTitle"))):
        found.add(
            "document",
            "KIT022",
            "E",
            "the PDF shows its file name, not its title, in the title bar (DisplayDocTitle)",
            "export it again with 'Use document title' (LibreOffice: PDF/UA does it)",
        )


def _structure(doc: pikepdf.Pdf, tree: pikepdf.Dictionary, found: Findings) -> None:
    """Bookmarks when there are headings (KIT024), and alt text on figures (KIT025)."""
    import pikepdf

    pages = {page.obj.objgen: number for number, page in enumerate(doc.pages, start=1)}
    headings = 0
    for element in structure_elements(tree):
        kind = element.get("/S")
        if str(kind) in _HEADINGS:
            headings += 1
        elif kind == pikepdf.Name.Figure and not str(element.get("/Alt", "")).strip():
            page = element.get("/Pg")
            number = pages.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None
            found.add(
                f"page {number}" if number else "document",
                "KIT025",
                "E",
                "a figure has no alternate text (/Alt)",
                "give the picture or chart alt text in the source file and export it again",
            )
    if headings and not _has_bookmarks(doc):
        found.add(
            "document",
            "KIT024",
            "E",
            f"the PDF has {headings} heading{'s' if headings > 1 else ''} but no bookmarks",
            "export it again with bookmarks (LibreOffice: General > Export outlines; Word: "
            "Options > Create bookmarks using headings)",
        )


def _has_bookmarks(doc: pikepdf.Pdf) -> bool:
    import pikepdf

    outlines = doc.Root.get("/Outlines")
    return isinstance(outlines, pikepdf.Dictionary) and outlines.get("/First") is not None


def structure_elements(tree: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `tree`, in document order; each object once, and at most
    `_MAX_NODES` of them."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    stack: list[pikepdf.Object] = [tree]
    visited = 0
    while stack and visited < _MAX_NODES:
        node = stack.pop()
        visited += 1
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if node.get("/S") is not None:
            yield node
        kids = node.get("/K")
        if kids is not None and node.get("/Type") not in (pikepdf.Name.MCR, pikepdf.Name.OBJR):
            stack.append(kids)


def _fonts(doc: pikepdf.Pdf, found: Findings) -> None:
    """KIT026: every font a page uses has its font program embedded (Type 3 fonts always do)."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(doc.pages, start=1):
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for _key, font in fonts.items():
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") == "/Type3":
                continue
            if font.is_indirect:
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
            if not _embedded(font):
                name = str(font.get("/BaseFont", "a font")).lstrip("/")
                found.add(
                    f"page {number}",
                    "KIT026",
                    "E",
                    f"the font {name} is not embedded",
                    "export it again with fonts embedded (PDF/A or 'Embed fonts' options)",
                )


def _is_true(value: object) -> bool:
    """pikepdf gives PDF booleans as Python bools; anything else is not true."""
    return value is True


def _embedded(font: pikepdf.Dictionary) -> bool:
    import pikepdf

    if font.get("/Subtype") == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or len(descendants) == 0:
            return False
        descendant = descendants[0]
        if not isinstance(descendant, pikepdf.Dictionary):
            return False
        font = descendant
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in _FONT_FILES
    )
