"""Saving a Word draft: core properties, ids Word needs unique, and identical bytes every time.

Owns what `finish` writes besides the content; building the document is `_docx.py`'s, the
package and its zip `_opc.py`'s (fixed dates and compression from `output.zip_entries`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render._core import TOOL, set_core_properties
from compassion_kit.render._docx_xml import w
from compassion_kit.render._ns import qn
from compassion_kit.render._opc import RT

if TYPE_CHECKING:
    from compassion_kit.render._docx_xml import Draft

DOC_PR = qn("wp:docPr")


def finish(draft: Draft, title: str) -> bytes:
    """Save to bytes that are identical for identical input.

    Sets dc:title, en-GB, fixed author and revision, and build_time() for created and
    modified; numbers wp:docPr ids across body, headers and footers (Word reports a
    document with repeated ids as corrupt) and content-control ids; writes a fixed zip.
    """
    set_core_properties(draft.package.xml(draft.parts.core), title, TOOL)
    _renumber(draft)
    return draft.package.to_bytes()


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
