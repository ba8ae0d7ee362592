"""Tick boxes: Word checkbox content controls, written and read back from a filled-in copy.

Owns the w14:checkbox markup and its tags; where a box goes is the renderers' business.
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import cache
from typing import Any
from xml.etree import ElementTree

from compassion_kit.render._docx_xml import ON, VAL, W14_NS, W_NS, w
from compassion_kit.render._ns import qn
from compassion_kit.render._opc import parse

CHECKBOX_HALF_POINTS = 36  # 18 pt box: about 5 mm, big enough to tick with a pen
UNCHECKED, CHECKED = "\u2610", "\u2612"  # ballot box, ballot box with X
ALIAS_LIMIT = 255  # characters Word keeps in a content control's title


@cache
def _checkbox() -> Any:
    """An unticked checkbox control with an empty title and tag, copied for each box."""
    size = f'w:val="{CHECKBOX_HALF_POINTS}"'
    prototype: Any = parse(
        f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}">'
        '<w:sdtPr><w:alias w:val=""/><w:tag w:val=""/>'
        '<w:id w:val="0"/>'  # numbered by _docx_save.finish()
        '<w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612"/>'
        '<w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent><w:r><w:rPr><w:sz {size}/><w:szCs {size}/></w:rPr>"
        f"<w:t>{UNCHECKED}</w:t></w:r></w:sdtContent></w:sdt>".encode()
    )
    return prototype


def add_checkbox(p: Any, tag: str, label: str, checked: bool = False) -> None:
    """Append a Word checkbox content control: a printed box on paper, clickable on screen.

    `tag` identifies the answer when a filled-in copy is read back (`read_ticks`); `label`
    becomes the control's title, which screen readers announce.
    """
    sdt = copy.deepcopy(_checkbox())
    alias, tag_element, _, box = sdt[0]
    alias.set(VAL, label[:ALIAS_LIMIT])
    tag_element.set(VAL, tag)
    if checked:
        box[0].set(qn("w14:val"), "1")
        sdt[1][0][1].text = CHECKED
    p.append(sdt)


def _checkboxes(docx_bytes: bytes) -> list[tuple[str, bool]]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    found = []
    for sdt_pr in root.iter(qn("w:sdtPr")):
        box = sdt_pr.find(qn("w14:checkbox"))
        if box is None:
            continue
        tag = sdt_pr.find(w("tag"))
        checked = box.find(qn("w14:checked"))
        value = checked.get(qn("w14:val"), "0") if checked is not None else "0"
        found.append(
            (
                tag.get(VAL, "") if tag is not None else "",
                value.lower() in ON,
            )
        )
    return found


def read_ticks(docx_bytes: bytes) -> list[bool]:
    """Whether each tick box in a (filled-in) document is ticked, in document order."""
    return [checked for _, checked in _checkboxes(docx_bytes)]


def read_tick_answers(docx_bytes: bytes) -> dict[str, bool]:
    """Tick boxes by their tag (`<item>/<block>/<row>/<option>`), ticked or not."""
    return dict(_checkboxes(docx_bytes))
