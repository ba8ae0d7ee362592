"""Saving a Word draft: core properties, ids Word needs unique, and identical bytes every time.

Owns what `finish` writes besides the content; building the document is `_docx.py`'s, the
package and its zip `_opc.py`'s (fixed dates and compression from `output.zip_entries`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from compassion_kit.output import build_time
from compassion_kit.render._docx_xml import w
from compassion_kit.render._ns import qn
from compassion_kit.render._opc import RT

if TYPE_CHECKING:
    from compassion_kit.render._docx_xml import Draft

AUTHOR = "compassion-kit"
TITLE_LIMIT = 255  # Word's dialog keeps no more (and python-docx refused longer ones)
DOC_PR = qn("wp:docPr")
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_TERMS = "{http://purl.org/dc/terms/}"
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` cut at a word to fit core properties' 255-character limit, with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"


def finish(draft: Draft, title: str) -> bytes:
    """Save to bytes that are identical for identical input.

    Sets dc:title, en-GB, fixed author and revision, and build_time() for created and
    modified; numbers wp:docPr ids across body, headers and footers (Word reports a
    document with repeated ids as corrupt) and content-control ids; writes a fixed zip.
    """
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    _set_core(
        draft.package.xml(draft.parts.core),
        (
            (_DC + "title", short_title(title)),
            (_DC + "language", "en-GB"),
            (_DC + "creator", AUTHOR),
            (_CP + "lastModifiedBy", AUTHOR),
            (_CP + "revision", "1"),
            (_TERMS + "created", stamp),
            (_TERMS + "modified", stamp),
        ),
    )
    _renumber(draft)
    return draft.package.to_bytes()


def _set_core(root: Any, values: tuple[tuple[str, str], ...]) -> None:
    """Core properties set in place, new ones appended in the order given."""
    for tag, value in values:
        found = root.find(tag)
        if found is None:
            found = root.makeelement(tag)
            root.append(found)
        found.text = value
        if tag.startswith(_TERMS):
            found.set(_XSI_TYPE, "dcterms:W3CDTF")


def _renumber(draft: Draft) -> None:
    """Number docPr ids, then content-control ids, from 1 through body, headers and footers."""
    parts = [draft.parts.document]
    for _, reltype, target, external in draft.package.rels(draft.parts.document):
        if not external and reltype in (RT + "header", RT + "footer"):
            parts.append(target)
    shape_id = 0
    sdt_id = 0
    for part in parts:
        root = draft.package.xml(part)
        for doc_pr in root.iter(DOC_PR):
            shape_id += 1
            doc_pr.set("id", str(shape_id))
        for sdt_pr in root.iter(w("sdtPr")):
            ident = sdt_pr.find(w("id"))
            if ident is not None:
                sdt_id += 1
                ident.set(w("val"), str(sdt_id))
