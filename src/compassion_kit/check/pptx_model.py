"""How PowerPoint inherits: slide -> layout -> master -> presentation, for text, boxes and fills.

Owns resolving what a shape looks like (effective run properties, position, fill, background)
from the XML of a .pptx; the rules that judge the result are `pptx_rules` and `pptx_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compassion_kit.check.colours import drawing_colour, theme_colours
from compassion_kit.check.ooxml import El, NotOffice, Package, first, local, new_element, q

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.presentation import Presentation

Box = tuple[int, int, int, int]  # left, top, right, bottom in EMU
TITLE_TYPES = ("title", "ctrTitle")
# What a slide placeholder type falls back to on the master (ECMA-376 19.3.1.36 in practice).
_MASTER_TYPE = {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
_SHAPES = ("sp", "pic", "graphicFrame", "grpSp", "cxnSp", "contentPart")


@dataclass
class Layer:
    """One slide, layout or master part: its root element and the part it falls back to."""

    part: str
    root: El
    parent: Layer | None = None


@dataclass
class Slide:
    """A slide with everything its inheritance needs: layout, master, theme and colour map."""

    number: int
    part: str
    root: El
    layout: Layer
    master: Layer
    scheme: dict[str, str]
    clr_map: dict[str, str]
    fonts: dict[str, str]  # "+mj-lt"/"+mn-lt" -> typeface
    fill_styles: list[El] = field(default_factory=list)
    bg_styles: list[El] = field(default_factory=list)
    inherits: dict[tuple[str, str | None], list[El]] = field(default_factory=dict)

    def colour(self, element: El | None, placeholder: str = "") -> str | None:
        """A colour element (srgbClr, schemeClr...) resolved for this slide."""
        if element is None:
            return None
        return drawing_colour(element, self.scheme, self.clr_map, placeholder)


def load_slides(pkg: Package) -> tuple[El, list[Slide]]:
    """The presentation root and its slides in show order, each with its inheritance chain.

    Raises:
        NotOffice: the slide list names a missing slide, or a slide has no layout or master
            (PowerPoint offers to repair such a file).
    """
    prs: Presentation = pkg.document
    slides = []
    masters: dict[str, tuple[Layer, dict[str, str], dict[str, str], dict[str, str], El]] = {}
    with _damage(f"{pkg.main}'s slide list names a slide that is missing or malformed"):
        listed = list(prs.slides)
    for number, slide in enumerate(listed, 1):
        with _damage(f"slide {number} has no slide layout or master"):
            layout_obj = slide.slide_layout
            master_obj = layout_obj.slide_master
        master_part = _name(master_obj.part)
        if master_part not in masters:
            masters[master_part] = _master(pkg, master_obj.part)
        master, scheme, clr_map, fonts, theme = masters[master_part]
        layout = Layer(_name(layout_obj.part), layout_obj.element, master)
        root = slide.element
        slide_ = Slide(
            number, _name(slide.part), root, layout, master, scheme, dict(clr_map), fonts
        )
        _override_colour_map(slide_, layout.root, root)
        slide_.fill_styles = list(theme.iterfind(f".//{q('a:fillStyleLst')}/*"))
        slide_.bg_styles = list(theme.iterfind(f".//{q('a:bgFillStyleLst')}/*"))
        slides.append(slide_)
    return prs.element, slides


@contextmanager
def _damage(what: str) -> Iterator[None]:
    """Turn python-pptx's errors on a malformed slide list or relationship into NotOffice."""
    from pptx.exc import InvalidXmlError

    try:
        yield
    except (KeyError, AttributeError, InvalidXmlError) as exc:
        raise NotOffice(f"is damaged: {what} ({exc})") from None


def master_fonts(pkg: Package) -> dict[str, str]:
    """The theme fonts of the presentation's first master ("+mj-lt"/"+mn-lt" -> typeface)."""
    prs: Presentation = pkg.document
    with _damage(f"{pkg.main}'s list of slide masters is malformed"):
        masters = list(prs.slide_masters)
    return _master(pkg, masters[0].part)[3] if masters else {}


def _name(part: Part) -> str:
    return str(part.partname).lstrip("/")


def _master(
    pkg: Package, part: Part
) -> tuple[Layer, dict[str, str], dict[str, str], dict[str, str], El]:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    root = pkg.xml(_name(part))
    try:
        # python-pptx has no theme object: its part is reached by relationship, read as XML.
        theme = pkg.xml(_name(part.part_related_by(RT.THEME)))
    except KeyError:
        theme = new_element("a:theme")
    clr_map_el = first(root, "p:clrMap")
    clr_map = dict(clr_map_el.attrib) if clr_map_el is not None else {}
    fonts = {}
    for key, path in (("+mj-lt", "a:majorFont/a:latin"), ("+mn-lt", "a:minorFont/a:latin")):
        latin = first(theme, f".//a:fontScheme/{path}")
        if latin is not None:
            fonts[key] = str(latin.get("typeface"))
    return Layer(_name(part), root), theme_colours(theme), clr_map, fonts, theme


def _override_colour_map(slide: Slide, *roots: El) -> None:
    for root in roots:
        override = first(root, "p:clrMapOvr/a:overrideClrMapping")
        if override is not None:
            slide.clr_map = dict(override.attrib)


# Shapes -------------------------------------------------------------------------------------


def shapes(tree: El) -> Iterator[El]:
    """Direct shape children of a `p:spTree` or `p:grpSp`, looking inside mc:AlternateContent."""
    for child in tree:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name in _SHAPES:
            yield child
        elif name == "AlternateContent":
            choice = first(child, "mc:Choice") or first(child, "mc:Fallback")
            if choice is not None:
                yield from shapes(choice)


def walk(tree: El) -> Iterator[tuple[El, Callable[[Box], Box]]]:
    """Every shape under `tree`, groups included (after their children), in z-order, with the
    transform that maps a child's box to slide coordinates."""
    yield from _walk(tree, lambda box: box)


def _walk(tree: El, outer: Callable[[Box], Box]) -> Iterator[tuple[El, Callable[[Box], Box]]]:
    for shape in shapes(tree):
        if local(shape) == "grpSp":
            yield from _walk(shape, _group_transform(shape, outer))
        yield shape, outer


def _group_transform(group: El, outer: Callable[[Box], Box]) -> Callable[[Box], Box]:
    xfrm = first(group, "p:grpSpPr/a:xfrm")
    if xfrm is None:
        return outer
    off, ext = _pair(xfrm, "a:off", "x", "y"), _pair(xfrm, "a:ext", "cx", "cy")
    ch_off, ch_ext = _pair(xfrm, "a:chOff", "x", "y"), _pair(xfrm, "a:chExt", "cx", "cy")
    sx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
    sy = ext[1] / ch_ext[1] if ch_ext[1] else 1.0

    def transform(box: Box) -> Box:
        left, top, right, bottom = box
        return outer(
            (
                round(off[0] + (left - ch_off[0]) * sx),
                round(off[1] + (top - ch_off[1]) * sy),
                round(off[0] + (right - ch_off[0]) * sx),
                round(off[1] + (bottom - ch_off[1]) * sy),
            )
        )

    return transform


def _pair(xfrm: El, tag: str, x: str, y: str) -> tuple[int, int]:
    element = first(xfrm, tag)
    if element is None:
        return 0, 0
    return int(element.get(x, "0")), int(element.get(y, "0"))


def placeholder(shape: El) -> El | None:
    """The shape's `p:ph`, or None for an ordinary shape."""
    return first(shape, "./*[1]/p:nvPr/p:ph")


def ph_type(ph: El) -> str:
    """A placeholder's type; "obj" when it has none (ECMA-376's default)."""
    return str(ph.get("type", "obj"))


def c_nv_pr(shape: El) -> El | None:
    """The shape's non-visual properties (`p:cNvPr`: id, name, descr)."""
    return first(shape, "./*[1]/p:cNvPr")


def inherited(slide: Slide, shape: El) -> list[El]:
    """The placeholders `shape` inherits from: its layout placeholder, then the master's."""
    ph = placeholder(shape)
    if ph is None:
        return []
    key = (ph_type(ph), ph.get("idx"))
    if key not in slide.inherits:
        slide.inherits[key] = _inherited(slide, ph)
    return slide.inherits[key]


def _inherited(slide: Slide, ph: El) -> list[El]:
    found = []
    on_layout = _match(slide.layout.root, ph, layout=True)
    if on_layout is not None:
        found.append(on_layout)
        ph = placeholder(on_layout)
    on_master = _match(slide.master.root, ph, layout=False)
    if on_master is not None:
        found.append(on_master)
    return found


def _match(root: El, ph: El, layout: bool) -> El | None:
    kind, idx = ph_type(ph), ph.get("idx")
    candidates = [(s, p) for s, _ in walk(_tree(root)) for p in [placeholder(s)] if p is not None]
    if layout and idx is not None:
        for shape, other in candidates:
            if other.get("idx") == idx:
                return shape
    wanted = kind if layout else _MASTER_TYPE.get(kind, "body")
    for shape, other in candidates:
        other_kind = ph_type(other) if layout else _MASTER_TYPE.get(ph_type(other), "body")
        if other_kind == wanted:
            return shape
    return None


def _tree(root: El) -> El:
    tree = first(root, "p:cSld/p:spTree")
    return tree if tree is not None else root


def tree(root: El) -> El:
    """The `p:spTree` of a slide, layout or master root."""
    return _tree(root)


def box(slide: Slide, shape: El, transform: Callable[[Box], Box]) -> Box | None:
    """The shape's box on the slide, inheriting the position of its placeholder if it has none."""
    for source in [shape, *inherited(slide, shape)]:
        xfrm = first(source, "./p:spPr/a:xfrm|./p:grpSpPr/a:xfrm|./p:xfrm")
        if xfrm is not None and first(xfrm, "a:off") is not None:
            (x, y), (cx, cy) = _pair(xfrm, "a:off", "x", "y"), _pair(xfrm, "a:ext", "cx", "cy")
            return transform((x, y, x + cx, y + cy)) if source is shape else (x, y, x + cx, y + cy)
    return None
