"""Building PresentationML, DrawingML and chart elements with lxml, by prefixed name.

Owns making elements named like "a:srgbClr" and small pre-parsed XML fragments; the namespace
table is `_ns.py`'s, what the elements say the shape, chart and package writers' business.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render._ns import NS, qn

R_ID = qn("r:id")
_PARSER = etree.XMLParser(remove_blank_text=True)
_ROOT_NAME = re.compile(r"^<[^\s/>]+")


def child(parent: Any, tag: str, **attrs: str) -> Any:
    """A new last child of `parent` named like "a:srgbClr", with attributes in the order given."""
    return etree.SubElement(parent, qn(tag), attrs)


def element(tag: str, **attrs: str) -> Any:
    """A new element named like "a:pPr", declaring its own prefix (so that copies of it join
    a part's tree without a namespace declaration of their own)."""
    prefix = tag.split(":")[0]
    return etree.Element(qn(tag), attrs, nsmap={prefix: NS[prefix]})


@functools.cache
def _parsed(xml: str) -> Any:
    return etree.fromstring(xml, _PARSER)


def fragment(xml: str, *prefixes: str) -> Any:
    """A fresh copy of the element in `xml`, with the namespaces of `prefixes` declared on it
    (parsed once per process, then deep-copied: cheaper than building it again)."""
    declared = "".join(f' xmlns:{p}="{NS[p]}"' for p in prefixes)
    return copied(_parsed(_ROOT_NAME.sub(lambda m: m.group(0) + declared, xml, count=1)))


def copied(original: Any) -> Any:
    """A copy of an element with everything in it (lxml's shallow-looking copy is deep, and
    twice as fast as copy.deepcopy, whose memo lxml does not need)."""
    return copy.copy(original)
