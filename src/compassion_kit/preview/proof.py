"""The printable proof of a contact sheet: a tagged PDF, one page per sheet (pikepdf, lazily).

Owns the PDF's pages, structure tree (a /Figure with alt text for each thumbnail; headings and
captions drawn as artifacts), bookmarks and fixed metadata; the pictures are `draw`'s.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compassion_kit.output import build_time
from compassion_kit.preview.layout import DPI

if TYPE_CHECKING:
    import pikepdf
    from PIL import Image

POINTS_PER_INCH = 72
LANGUAGE = "en-GB"  # the kit's own words on the sheet (headings, captions) are British English


@dataclass(frozen=True)
class ProofPage:
    """One sheet for the PDF: its background (title, headings, captions, no thumbnails) and
    each thumbnail with the tile box it fills and its alt text."""

    background: Image.Image
    thumbnails: Sequence[tuple[Image.Image, tuple[int, int, int, int], str]]


def proof_pdf(
    title: str, pages: Sequence[ProofPage], bookmarks: Sequence[tuple[str, int]]
) -> bytes:
    """A tagged PDF (PDF/UA-style) of `pages`, titled `title`, with `bookmarks` as
    (text, 0-based page) outline entries.

    Every thumbnail is a /Figure with its alt text; the background is an artifact (what it
    says is in the alt texts). Dates come from `build_time()` and the /ID from the content,
    so the same pages always give the same bytes.
    """
    import pikepdf

    pdf = pikepdf.new()
    document = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array())
    )
    parents = pikepdf.Array()
    for index, page in enumerate(pages):
        figures = _page(pdf, page, index, document)
        parents.append(index)
        parents.append(pikepdf.Array(figures))
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructTreeRoot,
            K=pikepdf.Array([document]),
            ParentTree=pdf.make_indirect(pikepdf.Dictionary(Nums=parents)),
            ParentTreeNextKey=len(pages),
        )
    )
    document.P = pdf.Root.StructTreeRoot
    _label(pdf, title)
    with pdf.open_outline() as outline:
        outline.root.extend(pikepdf.OutlineItem(text, page) for text, page in bookmarks)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _page(
    pdf: pikepdf.Pdf, page: ProofPage, index: int, document: pikepdf.Dictionary
) -> list[pikepdf.Dictionary]:
    """Add one page; return its /Figure elements in marked-content order."""
    import pikepdf

    scale = POINTS_PER_INCH / DPI
    width, height = (side * scale for side in page.background.size)
    added = pdf.add_blank_page(page_size=(width, height))
    images = pikepdf.Dictionary(Bg=_image(pdf, page.background))
    content = [f"/Artifact BMC q {width:.2f} 0 0 {height:.2f} 0 0 cm /Bg Do Q EMC"]
    figures = []
    for number, (picture, tile_box, alt) in enumerate(page.thumbnails):
        x, y, w, h = tile_box
        name = f"Im{number}"
        images[f"/{name}"] = _image(pdf, picture)
        left, bottom = x * scale, height - (y + h) * scale
        content.append(
            f"/Figure <</MCID {number}>> BDC q {w * scale:.2f} 0 0 {h * scale:.2f} "
            f"{left:.2f} {bottom:.2f} cm /{name} Do Q EMC"
        )
        figure = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem,
                S=pikepdf.Name.Figure,
                P=document,
                Pg=added.obj,
                K=number,
                Alt=pikepdf.String(alt),
            )
        )
        document.K.append(figure)
        figures.append(figure)
    added.obj.Resources = pikepdf.Dictionary(XObject=images)
    added.obj.Contents = pdf.make_stream("\n".join(content).encode("ascii"))
    added.obj.StructParents = index
    added.obj.Tabs = pikepdf.Name.S
    return figures


def _image(pdf: pikepdf.Pdf, picture: Image.Image) -> pikepdf.Stream:
    import pikepdf

    rgb = picture.convert("RGB")
    stream = pdf.make_stream(zlib.compress(rgb.tobytes(), 9))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width, stream.Height = rgb.size
    stream.ColorSpace = pikepdf.Name.DeviceRGB
    stream.BitsPerComponent = 8
    stream.Filter = pikepdf.Name.FlateDecode
    return stream


def _label(pdf: pikepdf.Pdf, title: str) -> None:
    """Title (shown in the title bar), language, tagged marks and fixed dates."""
    import pikepdf

    root = pdf.Root
    root.Lang = pikepdf.String(LANGUAGE)
    root.MarkInfo = pikepdf.Dictionary(Marked=True)
    root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    stamp = build_time()
    pdf.docinfo.Title = pikepdf.String(title)
    pdf.docinfo.CreationDate = pdf.docinfo.ModDate = stamp.strftime("D:%Y%m%d%H%M%SZ")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        meta["pdfuaid:part"] = "1"
