"""The effective look of each run of slide text, as PowerPoint resolves it.

Owns the text inheritance chain: run -> paragraph -> shape list style -> shape style (fontRef)
-> layout and master placeholders -> master text styles -> presentation `defaultTextStyle`,
then `normAutofit/@fontScale`. Judging the result is `pptx_rules`'.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from compassion_kit.check.colours import colour_child
from compassion_kit.check.ooxml import El, attr, first, local, new_element, q, sub_element, whole
from compassion_kit.check.pptx_fills import GRADIENT
from compassion_kit.check.pptx_model import (
    TITLE_TYPES,
    Box,
    Slide,
    inherited,
    ph_type,
    placeholder,
)

_T = TypeVar("_T")
DEFAULT_SIZE = 18.0  # points: PowerPoint's size when nothing in the chain sets one
EMU_PER_POINT = 12700
_ON = ("1", "true", "on")
# Where run properties come from: the shape's own list style; its style's font (fontRef);
# then the layout's and master's placeholders and the master's text style.
Chains = tuple[list[El | None], list[El], list[El | None]]
_STYLE_OF = {"title": "titleStyle", "ctrTitle": "titleStyle", "dt": "otherStyle"}
_OTHER = ("dt", "ftr", "sldNum", "hdr")


@dataclass(frozen=True)
class Run:
    """One run of text with its effective properties (size in points after autofit scaling)."""

    text: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    colour: str | None  # "#RRGGBB", GRADIENT, or None when nothing states one
    typeface: str | None
    lang: str | None
    link: str | None  # relationship id of a:hlinkClick


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its runs, alignment and whether it shows a real bullet or number."""

    runs: tuple[Run, ...]
    align: str
    bulleted: bool
    bullet_none: bool

    @property
    def text(self) -> str:
        """The paragraph's text, runs joined."""
        return "".join(r.text for r in self.runs)


def shape_paragraphs(slide: Slide, shape: El, pres: El) -> list[Paragraph]:
    """The paragraphs of a shape's text body (empty when it has none), fully resolved."""
    body = first(shape, "p:txBody")
    if body is None:
        return []
    ph = placeholder(shape)
    sources = [shape, *inherited(slide, shape)]
    lists = [first(s, "p:txBody/a:lstStyle") for s in sources]
    master_style = None
    if ph is not None:
        kind = ph_type(ph)
        name = _STYLE_OF.get(kind, "otherStyle" if kind in _OTHER else "bodyStyle")
        master_style = first(slide.master.root, f"p:txStyles/p:{name}")
    extra = _font_ref(first(shape, "p:style/a:fontRef"))
    scale = _font_scale(sources)
    chains: Chains = (lists[:1], [extra] if extra is not None else [], [*lists[1:], master_style])
    return [_paragraph(slide, p, chains, pres, scale) for p in body.iterfind(q("a:p"))]


def cell_paragraphs(slide: Slide, cell: El, pres: El, style_text: El | None) -> list[Paragraph]:
    """The paragraphs of a table cell; `style_text` is the table style's text properties."""
    body = first(cell, "a:txBody")
    if body is None:
        return []
    chains: Chains = (
        [first(body, "a:lstStyle")],
        [style_text] if style_text is not None else [],
        [],
    )
    return [_paragraph(slide, p, chains, pres, 1.0) for p in body.iterfind(q("a:p"))]


WORDMARK = "Organisation name"  # the kit's shape for an organisation's name where a logo goes


def is_furniture(shape: El) -> bool:
    """True for a date, footer, slide-number or header placeholder (the template's furniture)
    or the organisation's name standing in for its logo: they repeat on every slide."""
    ph = placeholder(shape)
    if ph is not None:
        return ph_type(ph) in _OTHER
    c_nv_pr = first(shape, "./*[1]/p:cNvPr")
    return c_nv_pr is not None and attr(c_nv_pr, "name") == WORDMARK


def is_title(shape: El) -> bool:
    """True for a title or centred-title placeholder."""
    ph = placeholder(shape)
    return ph is not None and ph_type(ph) in TITLE_TYPES


def _font_ref(ref: El | None) -> El | None:
    """A shape style's `a:fontRef` as a synthetic `a:defRPr` (colour and theme typeface)."""
    if ref is None:
        return None
    props = new_element("a:defRPr")
    colour = colour_child(ref)
    if colour is not None:
        sub_element(props, "a:solidFill").append(copy.deepcopy(colour))
    kind = {"major": "+mj-lt", "minor": "+mn-lt"}.get(str(ref.get("idx")))
    if kind:
        sub_element(props, "a:latin", typeface=kind)
    return props


def _font_scale(sources: list[El]) -> float:
    for source in sources:
        body_pr = first(source, "p:txBody/a:bodyPr")
        if body_pr is None:
            continue
        fit = first(body_pr, "a:normAutofit|a:noAutofit|a:spAutoFit")
        if fit is not None:
            if local(fit) == "normAutofit":
                return whole(fit, "fontScale", 100000) / 100000
            return 1.0
    return 1.0


def _levels(holders: list[El | None], level: int) -> list[El]:
    name = q(f"a:lvl{level + 1}pPr")
    return [
        found for h in holders if h is not None for found in [h.find(name)] if found is not None
    ]


def _paragraph(
    slide: Slide,
    para: El,
    chains: Chains,
    pres: El,
    scale: float,
) -> Paragraph:
    p_pr = para.find(q("a:pPr"))
    level = whole(p_pr, "lvl") if p_pr is not None else 0
    own, style_ref, inherited_lists = chains
    near = [*([p_pr] if p_pr is not None else []), *_levels(own, level)]
    far = [*_levels(inherited_lists, level), *_levels([first(pres, "p:defaultTextStyle")], level)]
    # The shape style's font sits after the shape's own list style, before the layout's.
    r_defaults = [*_defaults(near), *style_ref, *_defaults(far)]
    p_chain = [*near, *far]
    align = _get(p_chain, lambda e: e.get("algn")) or "l"
    bullet = _get(p_chain, _bullet) or "none"
    runs = []
    for run in para:
        if isinstance(run.tag, str) and local(run) in ("r", "fld"):
            text = run.findtext(q("a:t")) or ""
            runs.append(_run(slide, text, [run.find(q("a:rPr")), *r_defaults], scale))
    return Paragraph(tuple(runs), align, bullet != "none", bullet == "none")


def _defaults(chain: list[El]) -> list[El]:
    return [found for p in chain for found in [p.find(q("a:defRPr"))] if found is not None]


def _bullet(p_pr: El) -> str | None:
    for child in p_pr:
        if isinstance(child.tag, str) and local(child) in (
            "buNone",
            "buChar",
            "buAutoNum",
            "buBlip",
        ):
            return "none" if local(child) == "buNone" else "yes"
    return None


def _get(chain: list[El], read: Callable[[El], _T | None]) -> _T | None:
    for element in chain:
        if element is not None:
            value = read(element)
            if value is not None:
                return value
    return None


def _run(slide: Slide, text: str, chain: list[El | None], scale: float) -> Run:
    props = [e for e in chain if e is not None]
    size = _get(props, lambda e: whole(e, "sz") if e.get("sz") else None)
    typeface = _get(props, lambda e: _typeface(e))
    link = props[0].find(q("a:hlinkClick")) if chain[0] is not None else None
    return Run(
        text=text,
        size=(size / 100 if size is not None else DEFAULT_SIZE) * scale,
        bold=(_get(props, lambda e: e.get("b")) or "0") in _ON,
        italic=(_get(props, lambda e: e.get("i")) or "0") in _ON,
        underline=(_get(props, lambda e: e.get("u")) or "none") != "none",
        caps=(_get(props, lambda e: e.get("cap")) or "none") == "all",
        colour=_get(props, lambda e: _text_colour(slide, e)),
        typeface=slide.fonts.get(typeface, typeface) if typeface else None,
        lang=chain[0].get("lang") if chain[0] is not None else None,  # the run's own
        link=None if link is None else link.get(q("r:id")),
    )


def _typeface(props: El) -> str | None:
    latin = props.find(q("a:latin"))
    return None if latin is None else latin.get("typeface")


def _text_colour(slide: Slide, props: El) -> str | None:
    for child in props:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "solidFill":
            return slide.colour(colour_child(child))
        if name in ("gradFill", "pattFill", "blipFill"):
            return GRADIENT
    return None


def text_area(slide: Slide, shape: El, shape_box: Box, paragraphs: list[Paragraph]) -> Box:
    """The part of a text shape's box its text fills, estimated: bottom- and middle-anchored
    text leaves the top of its box empty. Lines are counted at 0.55 em per character (wider
    than Arial's average, so the estimate errs towards more text) and 1.2 em per line."""
    anchor = next(
        (
            str(b.get("anchor"))
            for s in [shape, *inherited(slide, shape)]
            for b in [first(s, "p:txBody/a:bodyPr")]
            if b is not None and b.get("anchor")
        ),
        "t",
    )
    left, top, right, bottom = shape_box
    if anchor not in ("b", "ctr") or right <= left:
        return shape_box
    width_pt = (right - left) / EMU_PER_POINT
    height = 0.0
    for para in paragraphs:
        size = max((r.size for r in para.runs), default=DEFAULT_SIZE)
        per_line = max(1.0, width_pt / (0.55 * size))
        lines = max(1, -(-len(para.text) // int(per_line)))
        height += lines * 1.2 * size
    needed = round(height * EMU_PER_POINT) + 2 * 45720  # default top and bottom insets
    if needed >= bottom - top:
        return shape_box
    if anchor == "b":
        return (left, bottom - needed, right, bottom)
    middle = (top + bottom) // 2
    return (left, middle - needed // 2, right, middle + needed // 2)
