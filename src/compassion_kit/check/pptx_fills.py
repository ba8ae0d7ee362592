"""What is painted behind slide text: shape fills, artwork underneath, the slide background.

Owns the "nearest fill" of KIT008 for slides (solid colours resolved through the theme;
pictures and gradients reported as such for a manual check); text colour is `pptx_text`'s.
"""

from __future__ import annotations

from compassion_kit.check.colours import colour_child, drawing_colour
from compassion_kit.check.ooxml import El, first, local, whole
from compassion_kit.check.pptx_model import Box, Slide, box, inherited, tree, walk

PICTURE, GRADIENT = "picture", "gradient"  # backdrops that need a person to judge contrast


def shape_fill(slide: Slide, shape: El) -> str | None:
    """What the shape paints behind its text: "#RRGGBB", PICTURE, GRADIENT or None (no fill)."""
    for source in [shape, *inherited(slide, shape)]:
        sp_pr = first(source, "p:spPr")
        painted = _fill_of(slide, sp_pr) if sp_pr is not None else None
        if painted is not None:
            return painted or None
        style_ref = first(source, "p:style/a:fillRef")
        if style_ref is not None and source is shape:
            return _style_fill(slide, style_ref, slide.fill_styles, whole(style_ref, "idx"))
    if local(shape) == "pic":
        return PICTURE
    return None


def _fill_of(slide: Slide, holder: El) -> str | None:
    """A fill stated in `holder`: colour, PICTURE/GRADIENT, "" for an explicit no fill, None."""
    for child in holder:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "solidFill":
            return slide.colour(colour_child(child)) or ""
        if name in ("gradFill", "pattFill"):
            return GRADIENT
        if name == "blipFill":
            return PICTURE
        if name == "noFill":
            return ""
    return None


def _style_fill(slide: Slide, ref: El, styles: list[El], index: int) -> str | None:
    if index <= 0 or index > len(styles):
        return None
    style, colour = styles[index - 1], slide.colour(colour_child(ref)) or ""
    name = local(style)
    if name == "solidFill":
        inner = colour_child(style)
        return (
            drawing_colour(inner, slide.scheme, slide.clr_map, colour)
            if inner is not None
            else colour
        )
    return {"gradFill": GRADIENT, "pattFill": GRADIENT, "blipFill": PICTURE}.get(name)


def background(slide: Slide) -> str:
    """The slide background: the first `p:bg` of slide, layout, master; white when none."""
    for root in (slide.root, slide.layout.root, slide.master.root):
        bg = first(root, "p:cSld/p:bg")
        if bg is None:
            continue
        props = first(bg, "p:bgPr")
        if props is not None:
            return _fill_of(slide, props) or "#FFFFFF"
        ref = first(bg, "p:bgRef")
        if ref is not None:
            index = whole(ref, "idx")
            styles = slide.bg_styles if index >= 1001 else slide.fill_styles
            return _style_fill(slide, ref, styles, index - 1000 if index >= 1001 else index) or (
                slide.colour(colour_child(ref)) or "#FFFFFF"
            )
    return slide.scheme.get(slide.clr_map.get("bg1", "lt1"), "#FFFFFF")


def backdrop(
    slide: Slide, shape: El, shape_box: Box | None, below: list[tuple[El, Box | None]]
) -> str:
    """What is behind the text: the shape's fill, else the topmost filled shape under its
    centre (slide, then layout and master artwork), else the slide background."""
    own = shape_fill(slide, shape)
    if own is not None:
        return own
    if shape_box is not None:
        centre = ((shape_box[0] + shape_box[2]) // 2, (shape_box[1] + shape_box[3]) // 2)
        layers = [below[::-1], _artwork(slide, slide.layout.root)]
        if shows_master_shapes(slide.layout.root):
            layers.append(_artwork(slide, slide.master.root))
        for layer in layers:
            for other, other_box in layer:
                if other_box and _contains(other_box, centre):
                    fill = shape_fill(slide, other)
                    if fill is not None:
                        return fill
    return background(slide)


def _artwork(slide: Slide, root: El) -> list[tuple[El, Box | None]]:
    """Shapes a layout or master draws on every slide (not its placeholders), topmost first."""
    drawn = [
        (s, box(slide, s, t)) for s, t in walk(tree(root)) if first(s, "./*[1]/p:nvPr/p:ph") is None
    ]
    return drawn[::-1]


def _contains(outer: Box, point: tuple[int, int]) -> bool:
    return outer[0] <= point[0] <= outer[2] and outer[1] <= point[1] <= outer[3]


def shows_master_shapes(layout: El) -> bool:
    """False when a layout hides its master's artwork (`showMasterSp="0"`)."""
    return layout.get("showMasterSp") not in ("0", "false")
