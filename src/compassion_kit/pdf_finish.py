"""Finishing LibreOffice's tagged PDFs: what its export leaves out or gets wrong, set right.

Owns the PDF's language, title, figure alt text, fixed dates and ids (through pikepdf,
imported lazily); the export itself is `pdf.py`'s, reading the source file `check.sources`'.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.check.pdf_rules import structure_elements
from compassion_kit.check.sources import SourceFacts, source_facts
from compassion_kit.output import build_time

if TYPE_CHECKING:
    import pikepdf


def finish_pdf(pdf: Path, source: Path) -> None:
    """Rewrite `pdf` (LibreOffice's export of `source`) so it is accessible and reproducible.

    Sets /Lang to the source's language (LibreOffice 7.4 labels every deck en-US), the title
    from the source and shown in the title bar, MarkInfo /Marked, the source's alt text on
    every /Figure LibreOffice left without one (it drops chart descriptions), and dates from
    `build_time()` with an /ID derived from the content, so one source gives one PDF's bytes.
    """
    import pikepdf

    facts = source_facts(source)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        _label(doc, facts)
        _carry_alt_text(doc, facts)
        _date(doc, facts)
        # Object streams as LibreOffice wrote them (none): `pdf.page_count` reads page objects.
        doc.save(pdf, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)


def _label(doc: pikepdf.Pdf, facts: SourceFacts) -> None:
    import pikepdf

    root = doc.Root
    root.Lang = pikepdf.String(facts.language)
    root.MarkInfo = pikepdf.Dictionary(Marked=True)
    prefs = root.get("/ViewerPreferences")
    if not isinstance(prefs, pikepdf.Dictionary):
        prefs = root.ViewerPreferences = pikepdf.Dictionary()
    prefs.DisplayDocTitle = True
    if facts.title:
        doc.docinfo.Title = pikepdf.String(facts.title)


def _date(doc: pikepdf.Pdf, facts: SourceFacts) -> None:
    stamp = build_time()
    # LibreOffice's random /ID and its /DocChecksum (not in the PDF standard) differ on every
    # run; without an /ID, qpdf derives both halves from the content (deterministic_id).
    for key in ("/ID", "/DocChecksum"):
        if key in doc.trailer:
            del doc.trailer[key]
    doc.docinfo.CreationDate = doc.docinfo.ModDate = stamp.strftime("D:%Y%m%d%H%M%SZ")
    # set_pikepdf_as_editor=False: no producer or MetadataDate stamped with the wall clock.
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = iso
        if facts.title:
            meta["dc:title"] = facts.title


def _carry_alt_text(doc: pikepdf.Pdf, facts: SourceFacts) -> None:
    """Give each /Figure without /Alt the next unused alt text of its slide (or document)."""
    import pikepdf

    tree = doc.Root.get("/StructTreeRoot")
    if tree is None:
        return
    pages = {page.obj.objgen: number for number, page in enumerate(doc.pages)}
    figures = [e for e in structure_elements(tree) if e.get("/S") == pikepdf.Name.Figure]
    unused = [list(group) for group in facts.alt_texts]

    def group_of(figure: pikepdf.Dictionary) -> list[str]:
        if not facts.per_page:
            return unused[0]
        page = figure.get("/Pg")
        number = pages.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None
        return unused[number] if number is not None and number < len(unused) else []

    for figure in figures:  # alt texts LibreOffice kept are used up first
        alt = str(figure.get("/Alt", "")).strip()
        if alt and alt in (group := group_of(figure)):
            group.remove(alt)
    for figure in figures:
        if not str(figure.get("/Alt", "")).strip() and (group := group_of(figure)):
            figure.Alt = pikepdf.String(group.pop(0))
