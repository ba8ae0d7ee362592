"""Finishing LibreOffice's tagged PDFs: what its export leaves out or gets wrong, set right.

Owns the PDF's language, title, figure alt text, fixed dates and ids (through pikepdf,
imported lazily); the export itself is `pdf.py`'s, reading the source file `check.sources`'.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit.check.pdf_rules import structure_elements
from compassion_kit.check.sources import SourceFacts, source_facts
from compassion_kit.output import build_time

if TYPE_CHECKING:
    import pikepdf


def finish_pdf(pdf: Path, source: Path) -> None:
    """Rewrite `pdf` (LibreOffice's export of `source`) so it is accessible and reproducible.

    Sets /Lang to the source's language (LibreOffice 7.4 labels every deck en-US), the title
    from the source and shown in the title bar, MarkInfo /Marked, the source's alt text on
    every /Figure LibreOffice left without one (it drops chart descriptions), a shape marked
    decorative in the source as an artifact rather than a /Figure with nothing to say, and
    dates from `build_time()` with an /ID derived from the content, so one source gives one
    PDF's bytes.
    """
    import pikepdf

    facts = source_facts(source)
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        _label(doc, facts)
        _carry_alt_text(doc, facts)
        _decorative_as_artifacts(doc, facts)
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


def _decorative_as_artifacts(doc: pikepdf.Pdf, facts: SourceFacts) -> None:
    """Turn each slide's /Figure left without /Alt into an artifact, up to the number of shapes
    the slide marks decorative: its marked content becomes /Artifact and its structure element
    is taken out of the tree (LibreOffice 7.4 ignores the decorative mark when it exports)."""
    import pikepdf

    tree = doc.Root.get("/StructTreeRoot")
    if tree is None or not facts.per_page or not any(facts.decorative):
        return
    pages = {page.obj.objgen: number for number, page in enumerate(doc.pages)}
    spare = list(facts.decorative)
    chosen: dict[int, dict[int, pikepdf.Dictionary]] = {}
    for figure in structure_elements(tree):
        if figure.get("/S") != pikepdf.Name.Figure or str(figure.get("/Alt", "")).strip():
            continue
        page = figure.get("/Pg")
        number = pages.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None
        kids = figure.get("/K")
        items: list[object] = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        ids = [k for k in items if isinstance(k, int)]  # marked content on the page (MCIDs)
        if number is None or number >= len(spare) or not spare[number] or len(ids) != 1:
            continue
        spare[number] -= 1
        chosen.setdefault(number, {})[ids[0]] = figure
    for number, figures in chosen.items():
        done = _artifact_content(doc, doc.pages[number], set(figures))
        for mcid in done:
            _detach(figures[mcid])


def _artifact_content(doc: pikepdf.Pdf, page: pikepdf.Page, mcids: set[int]) -> set[int]:
    """Mark the /Figure marked content with these MCIDs as /Artifact, in the page's content
    stream or a form it draws (LibreOffice puts a shape with a shadow in a transparency
    group); the MCIDs done."""
    import pikepdf

    done = _rewrite(page, mcids, lambda data: setattr(page.obj, "Contents", doc.make_stream(data)))
    resources = page.obj.get("/Resources")
    forms = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if isinstance(forms, pikepdf.Dictionary):
        for form in forms.values():
            if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == pikepdf.Name.Form:
                done |= _rewrite(form, mcids - done, form.write)
    return done


def _rewrite(holder: Any, mcids: set[int], save: Callable[[bytes], object]) -> set[int]:
    """`holder`'s content stream with /Figure BDC for `mcids` turned into /Artifact BMC."""
    import pikepdf

    if not mcids:
        return set()
    done: set[int] = set()
    operations: list[Any] = []
    for item in pikepdf.parse_content_stream(holder):
        if isinstance(item, pikepdf.ContentStreamInstruction):
            operands, operator = item.operands, item.operator
            if str(operator) == "BDC" and len(operands) == 2 and operands[0] == "/Figure":
                found = operands[1]
                mcid = found.get("/MCID") if isinstance(found, pikepdf.Dictionary) else None
                if mcid is not None and int(mcid) in mcids:
                    done.add(int(mcid))
                    operations.append(([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
                    continue
        operations.append(item)  # inline images and everything else as they were
    if done:
        save(pikepdf.unparse_content_stream(operations))
    return done


def _detach(element: pikepdf.Dictionary) -> None:
    """Take a structure element out of its parent's kids."""
    import pikepdf

    parent = element.get("/P")
    if not isinstance(parent, pikepdf.Dictionary):
        return
    kids = parent.get("/K")
    if isinstance(kids, pikepdf.Array):
        kept = [k for k in kids if not (k.is_indirect and k.objgen == element.objgen)]
        parent.K = pikepdf.Array(kept)
