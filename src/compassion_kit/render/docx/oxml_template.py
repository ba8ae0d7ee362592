"""What python-docx 1.2 has no API for when a document adopts someone else's Word template.

Owns the reaches below python-docx's public API that adopting a template needs (its body,
what its headers and footers hold, copying their blocks); each function says which API is
missing. `oxml.py` holds those every document needs.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PICTURES = (qn("w:drawing"), qn("w:pict"), qn("w:object"))
_BLOCKS = (qn("w:p"), qn("w:tbl"), qn("w:sdt"))
_EAST_ASIAN, _SPEC_VANISH = qn("w:eastAsianLayout"), qn("w:specVanish")


def clear_body(document: Document) -> None:
    """No API for deleting body blocks: everything but the final page setup (w:sectPr) goes,
    so a template's sample letter or "put your logo here" box is not printed."""
    body = document.element.body
    for block in list(body):
        if block.tag != qn("w:sectPr"):
            body.remove(block)


def has_picture(part: _Header | _Footer) -> bool:
    """No API for a header's drawings: whether it shows a picture, shape or embedded object."""
    element = part._element
    return any(True for _ in element.iter(*_PICTURES))


def has_field(part: _Header | _Footer, name: str) -> bool:
    """No API for fields: whether a field (`PAGE`, `NUMPAGES`) is in the header or footer."""
    wanted = name.upper()
    for instruction in part._element.iter(qn("w:instrText")):
        if (instruction.text or "").strip().upper().startswith(wanted):
            return True
    return any(
        (simple.get(qn("w:instr")) or "").strip().upper().startswith(wanted)
        for simple in part._element.iter(qn("w:fldSimple"))
    )


def text_of(part: _Header | _Footer) -> str:
    """No API for all of a header's text (text boxes and content controls included)."""
    return "".join(t.text or "" for t in part._element.iter(qn("w:t")))


def is_blank(part: _Header | _Footer) -> bool:
    """Whether a header or footer shows nothing: no text, picture or field."""
    return not text_of(part).strip() and not has_picture(part) and not has_field(part, "")


def blocks_of(part: _Header | _Footer) -> list[Any]:
    """No API for a header's blocks as elements: copies of its paragraphs and tables."""
    return [copy.deepcopy(block) for block in part._element if block.tag in _BLOCKS]


def copy_blocks(blocks: list[Any], source: _Header | _Footer, target: _Header | _Footer) -> None:
    """No API for copying content between parts: `blocks` (from `source`) become all of
    `target`'s content, each relationship they name (a picture, a hyperlink) made again."""
    for old in [child for child in target._element if child.tag in _BLOCKS]:
        target._element.remove(old)
    anchor = target._element[0] if len(target._element) else None
    for block in blocks:
        copied = copy.deepcopy(block)
        for element in copied.iter():
            for attribute, value in list(element.attrib.items()):
                if attribute.startswith(_R) and value in source.part.rels:
                    element.set(attribute, _relate(source.part.rels[value], target.part))
        if anchor is None:
            target._element.append(copied)
        else:
            anchor.addprevious(copied)


def _relate(rel: Any, part: Any) -> str:
    if rel.is_external:
        return str(part.relate_to(rel.target_ref, rel.reltype, is_external=True))
    return str(part.relate_to(rel.target_part, rel.reltype))


def language_default(document: Document, language: str) -> None:
    """No API for the document defaults (w:docDefaults): the language of all text, made where
    a template has no run defaults (LibreOffice writes none for some)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_default = defaults.find(qn("w:rPrDefault"))
    if r_default is None:
        r_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_default)
    r_pr = r_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_default.append(r_pr)
    found = r_pr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        # w:lang comes after every other run property but w:eastAsianLayout and w:specVanish
        later = [child for child in r_pr if child.tag in (_EAST_ASIAN, _SPEC_VANISH)]
        if later:
            later[0].addprevious(found)
        else:
            r_pr.append(found)
    found.set(qn("w:val"), language)


def numbering(document: Document) -> Any:
    """NumberingPart.new is not implemented (python-docx 1.2): the document's numbering
    definitions (w:numbering), made empty when the template has none (LibreOffice's)."""
    part = document.part
    try:
        found: Any = part.part_related_by(RT.NUMBERING)
        return found.element
    except KeyError:
        blob = f"<w:numbering {nsdecls('w')}/>".encode()
        name = PackURI("/word/numbering.xml")
        made = NumberingPart.load(name, CT.WML_NUMBERING, blob, part.package)
        part.relate_to(made, RT.NUMBERING)
        return made.element


def copy_list(style: Any, source: Any, document: Document) -> None:
    """No API for numbering: the list a copied paragraph style numbers with (its w:numId in
    `source`, the bundled template's w:numbering) copied into `document` under new ids."""
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is None:
        return
    abstract_id = source.num_having_numId(int(num_id.get(qn("w:val")))).abstractNumId.val
    abstract = next(
        a
        for a in source.iterchildren(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(abstract_id)
    )
    target = numbering(document)
    have = [int(a.get(qn("w:abstractNumId"))) for a in target.iterchildren(qn("w:abstractNum"))]
    copied = copy.deepcopy(abstract)
    copied.set(qn("w:abstractNumId"), str(max(have, default=-1) + 1))
    # w:abstractNum definitions come before every w:num (ECMA-376 part 1, 17.9.17)
    later = next(target.iterchildren(qn("w:num"), qn("w:numIdMacAtCleanup")), None)
    if later is None:
        target.append(copied)
    else:
        later.addprevious(copied)
    num = target.add_num(int(copied.get(qn("w:abstractNumId"))))
    num_id.set(qn("w:val"), str(num.numId))


def add_theme(document: Document, blob: bytes) -> None:
    """No API for adding a theme part: `blob` as the document's theme when the template has
    none (LibreOffice writes none; the validator requires one)."""
    part = document.part
    if any(rel.reltype == RT.THEME for rel in part.rels.values()):
        return
    theme = Part(PackURI("/word/theme/theme1.xml"), CT.OFC_THEME, blob, part.package)
    part.relate_to(theme, RT.THEME)
