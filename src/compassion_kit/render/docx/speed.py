"""Work python-docx repeats, done once: the same results, sooner.

Owns only speed: importing this module makes python-docx compile its XPath expressions once per
process, remember its qualified tag names and place new properties in one pass (tests compare
each with python-docx's own).
"""

from __future__ import annotations

import functools
from typing import Any

import docx.oxml.parser
import docx.oxml.xmlchemy
from docx.oxml.ns import NamespacePrefixedTag, nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render.xml_children import first_child_finder, remembered_tags


@functools.lru_cache(maxsize=512)
def _compiled(path: str) -> Any:
    return etree.XPath(path, namespaces=nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    return _compiled(xpath_str)(self)


# python-docx's `xpath` compiles its expression on every call (for each run, header and section
# it looks at); compiled once per process, with the same result.
BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
# Its child-element machinery qualifies every successor tag name on every insertion.
qn_once = functools.lru_cache(maxsize=1024)(qn)
docx.oxml.xmlchemy.qn = qn_once  # type: ignore[attr-defined]
# To place each property it adds, it searches once for every tag that may follow it: one pass.
BaseOxmlElement.first_child_found_in = first_child_finder(qn_once)  # type: ignore[method-assign]
# Each new element parses its prefixed tag name ("w:rPr") into a new object: one per name.
docx.oxml.parser.NamespacePrefixedTag = remembered_tags(NamespacePrefixedTag)  # type: ignore[attr-defined]
