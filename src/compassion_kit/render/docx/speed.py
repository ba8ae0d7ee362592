"""Work python-docx repeats, done once: the same results, sooner.

Owns only speed: importing this module makes python-docx compile its XPath expressions once per
process (for each run, header and section it looks at), remember its qualified tag names, place
new properties in one pass and parse each prefixed tag name once (`render/library_lookups.py`;
tests compare each with python-docx's own).
"""

from __future__ import annotations

import docx.oxml.parser
import docx.oxml.xmlchemy
from docx.oxml.ns import nsmap
from docx.oxml.xmlchemy import BaseOxmlElement

from compassion_kit.render.library_lookups import remember_lookups

_compiled, qn_once = remember_lookups(BaseOxmlElement, docx.oxml.xmlchemy, docx.oxml.parser, nsmap)
