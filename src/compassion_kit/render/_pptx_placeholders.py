"""Placeholder copies for new slides and notes pages, made as python-pptx 1.0.2 cloned them.

Owns which placeholders a slide gets from its layout, and a notes page from the notes master,
and the bare `p:sp` each becomes: type, index, orientation and size only, everything else
inherited. Filling them is `_pptx_shapes.py`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from compassion_kit.render._ns import qn
from compassion_kit.render._pptx_ns import child, copied, fragment

if TYPE_CHECKING:
    from compassion_kit.render._opc import Package

_TEXT_KINDS = {"title", "ctrTitle", "subTitle", "body", "obj"}  # placeholders with a text body
_LATENT = {"dt", "ftr", "sldNum"}  # date, footer and slide number stay on the layout
_NOTES_NAMES = {
    "sldImg": "Slide Image Placeholder",
    "body": "Notes Placeholder",
    "sldNum": "Slide Number Placeholder",
}
_SHAPES = {qn(f"p:{tag}") for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
_PH_DEFAULTS = (("type", "obj"), ("idx", "0"), ("orient", "horz"), ("sz", "full"))
_PLACEHOLDER = (
    '<p:sp><p:nvSpPr><p:cNvPr id="0" name=""/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
    "<p:nvPr><p:ph/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
)
_NOTES_PAGE = (
    '<p:notes><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
    '</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr></p:spTree></p:cSld>'
    "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
)


class Placeholders:
    """A layout's placeholders as a new slide gets them, in layout order (never modified:
    each slide gets copies)."""

    def __init__(self, layout: Any) -> None:
        self.all = [
            (_bare(ph), _idx(ph)) for ph in _placeholders(layout) if _kind(ph) not in _LATENT
        ]
        # The first placeholder with index 0 is the title (python-pptx's `shapes.title`); for
        # other indexes the last one wins, as in a dict built from `slide.placeholders`.
        self.title = next((shape for shape, idx in self.all if idx == 0), None)
        self.by_idx = {idx: shape for shape, idx in self.all}

    def copy_into(self, tree: Any, indexes: set[int]) -> tuple[Any, dict[int, Any]]:
        """Append copies of the title and of the placeholders with `indexes` to `tree`; returns
        the title's copy (None if the layout has no title) and idx -> copy.

        Raises:
            KeyError: the layout has no placeholder with one of `indexes`.
        """
        wanted = {id(self.by_idx[idx]) for idx in indexes} | {id(self.title)}
        copies: dict[int, Any] = {}
        for shape, _ in self.all:
            if id(shape) in wanted:
                copies[id(shape)] = copied(shape)
                tree.append(copies[id(shape)])
        title = copies.get(id(self.title)) if self.title is not None else None
        return title, {idx: copies[id(self.by_idx[idx])] for idx in indexes}


class NotesPage:
    """The notes page each slide gets a copy of: the notes master's slide image, notes and
    slide number placeholders, named and numbered as python-pptx named them."""

    def __init__(self, master: str, package: Package) -> None:
        self.master = master
        self.page = fragment(_NOTES_PAGE, "a", "p", "r")
        tree = self.page[0][0]
        self._body = -1
        for ph in _placeholders(package.xml(master)):
            kind = _kind(ph)
            if kind not in _NOTES_NAMES:
                continue
            shape_id = len(tree)  # the group is 1, then 2, 3...: tree holds two other elements
            name = _NOTES_NAMES[kind]
            if ph.get("orient") == "vert":
                name = f"Vertical {name}"
            shape = _bare(ph)
            shape[0][0].set("id", str(shape_id))
            shape[0][0].set("name", f"{name} {shape_id - 1}")
            if kind == "body" and self._body < 0:  # the first body holds the notes
                self._body = len(tree)
            tree.append(shape)

    def body(self, page: Any) -> Any:
        """The notes `p:txBody` in a copy of the page, or None without a notes placeholder."""
        if self._body < 0:
            return None
        return page[0][0][self._body].find(qn("p:txBody"))


def _placeholders(part: Any) -> Iterator[Any]:
    """Each `p:ph` of the shapes at the top of a slide-like part, in document order."""
    tree = part.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    for shape in tree if tree is not None else ():
        if shape.tag in _SHAPES and len(shape):
            ph = shape[0].find(f"{qn('p:nvPr')}/{qn('p:ph')}")
            if ph is not None:
                yield ph


def _bare(ph: Any) -> Any:
    """The `p:sp` python-pptx made from a placeholder: its p:ph attributes that differ from
    the defaults, and an empty text body for kinds that hold text."""
    shape = fragment(_PLACEHOLDER, "a", "p")
    new = shape[0][2][0]
    values = {"type": _kind(ph), "idx": str(_idx(ph))}
    for name, default in _PH_DEFAULTS:
        value = values.get(name) or ph.get(name, default)
        if value != default:
            new.set(name, value)
    if _kind(ph) in _TEXT_KINDS:
        body = child(shape, "p:txBody")
        child(body, "a:bodyPr")
        child(body, "a:lstStyle")
        child(body, "a:p")
    return shape


def _kind(ph: Any) -> str:
    return str(ph.get("type", "obj"))


def _idx(ph: Any) -> int:
    return int(ph.get("idx", "0"))
