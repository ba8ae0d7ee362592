"""Document properties (docProps/core.xml) of a deck or a Word document: title, author,
language, revision and dates.

Owns finding or adding the core-properties part and what the kit writes in it; the rest of
the package is `_opc.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.output import build_time
from compassion_kit.render._ns import NS, qn
from compassion_kit.render._opc import PACKAGE_RT

if TYPE_CHECKING:
    from compassion_kit.render._opc import Package

CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
CORE_PART = "docProps/core.xml"
CORE_RT = PACKAGE_RT + "core-properties"
LANG = "en-GB"
TOOL = "compassion-kit"
TITLE_LIMIT = 255  # Word's dialog keeps no more (and python-docx and python-pptx refused more)
_CORE_NS = {p: NS[p] for p in ("cp", "dc", "dcterms", "xsi")}
_DATES = ("dcterms:created", "dcterms:modified")


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` cut at a word to fit core properties' 255-character limit, with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"


def core_part(package: Package) -> str:
    """The name of the package's core-properties part, adding an empty one (related from the
    package) when it has none."""
    name = package.related("", CORE_RT)
    if name is None:
        name = CORE_PART
        package.put(name, etree.Element(qn("cp:coreProperties"), nsmap=_CORE_NS), CORE_TYPE)
        package.rels("").relate(CORE_RT, name)
    return name


def set_core_properties(core: Any, title: str, author: str) -> None:
    """Fill in core-properties element `core`: the title (cut by `short_title`), `author`,
    en-GB, revision 1, the kit as last editor and build_time() as created and modified.

    Properties the part already has are set where they are; missing ones are appended in the
    order below.
    """
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    values = {
        "dc:title": short_title(title),
        "dc:creator": author,
        "cp:lastModifiedBy": TOOL,
        "dcterms:created": stamp,
        "dcterms:modified": stamp,
        "cp:revision": "1",
        "dc:language": LANG,
    }
    for tag, value in values.items():
        found = core.find(qn(tag))
        if found is None:
            found = etree.SubElement(core, qn(tag))
        found.text = value
        if tag in _DATES:
            found.set(qn("xsi:type"), "dcterms:W3CDTF")
