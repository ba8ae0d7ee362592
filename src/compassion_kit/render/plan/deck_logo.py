"""Where the logo goes on a slide, and the title's box beside it.

Owns the logo's box (a layout's logo area, beside the title, or none when the template shows
its own) and the organisation's name in its place when there is no logo. Pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_layouts import GAP
from compassion_kit.render.plan.deck_spec import (
    BODY_FLOOR_PT,
    EMU_PER_INCH,
    LOGO,
    TITLE,
    Box,
    Layout,
    PictureSpec,
    TextSpec,
    para,
)

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model import Organisation

ORG_NAME_PT = design().organisation  # the organisation's name where there is no logo
LOGO_MAX_H = EMU_PER_INCH * 9 // 10
LOGO_MAX_W = EMU_PER_INCH * 5 // 2


def logo_and_title(
    layout: Layout,
    logo: Logo | None,
    org: Organisation,
    primary: str,
    warnings: list[str],
    slide_size: tuple[int, int],
) -> tuple[tuple[PictureSpec, ...], tuple[TextSpec, ...], Box]:
    """The logo (or the organisation's name) and the title's box beside it.

    A layout with a logo area gets the logo there; one that already shows a logo of its own
    gets none; on any other, the logo sits at the right end of the title, which is narrowed.
    """
    title = layout.placeholders[TITLE].box
    area = layout.placeholders.get(LOGO)
    if area is None:
        if layout.own_logo or logo is None:
            return (), (), title  # the template's own logo, or its title, shows who it is
        others = tuple(
            p.box for role, p in layout.placeholders.items() if role not in (TITLE, LOGO)
        )
        title, box = logo_beside_title(
            title, (logo.width_px, logo.height_px), slide_size, layout.graphics, others
        )
        return (PictureSpec("logo", box, logo.alt),), (), title
    box = area.box
    if logo is not None:
        placed = contain(box, logo.width_px, logo.height_px)
        return (PictureSpec("logo", placed, logo.alt),), (), title
    space = fit.frame(box, (0, 0, 0, 0))
    for name in (org.name, org.short_name):
        paragraph = para(name or "", bold=True, colour=primary, align="r")
        size = fit.best_size((paragraph,), space, ORG_NAME_PT, BODY_FLOOR_PT)
        if name and size is not None:
            return (), (TextSpec("", (paragraph,), size, box, name="Organisation name"),), title
    cut = fit.truncate(org.name, space, BODY_FLOOR_PT, True)
    message = (
        "the organisation name is too long for the logo area and was cut short; "
        "add a short_name to the profile"
    )
    if message not in warnings:
        warnings.append(message)
    paragraph = para(cut, bold=True, colour=primary, align="r")
    return (), (TextSpec("", (paragraph,), BODY_FLOOR_PT, box, name="Organisation name"),), title


def contain(box: Box, width_px: int, height_px: int) -> Box:
    """The largest box with the picture's aspect ratio inside `box`, at its top right."""
    x, y, cx, cy = box
    scale = min(cx / width_px, cy / height_px)
    width, height = round(width_px * scale), round(height_px * scale)
    return (x + cx - width, y, width, height)


def logo_beside_title(
    title: Box,
    logo_px: tuple[int, int],
    slide_size: tuple[int, int],
    graphics: tuple[Box, ...] = (),
    others: tuple[Box, ...] = (),
) -> tuple[Box, Box]:
    """For a layout without a logo area: the logo (at most 0.9 in high, 2.5 in wide, aspect
    kept) at the right end of the title, which is narrowed for it; above the title's right
    end; or in the slide's top-right corner; whichever keeps it top right (NHS identity:
    its centre in the right 40% and top quarter of the slide) and off the slide's other text
    (`others`), then covers least of the template's own graphics. Returns (title, logo)."""
    x, y, cx, cy = title
    width_px, height_px = logo_px
    height = min(LOGO_MAX_H, cy * 4 // 5)
    width = round(height * width_px / height_px)
    if width > min(LOGO_MAX_W, cx // 4):
        width = min(LOGO_MAX_W, cx // 4)
        height = round(width * height_px / width_px)
    right = x + cx - width
    margin = slide_size[1] // 24
    choices = [
        ((x, y, cx - width - GAP, cy), (right, y + (cy - height) // 2, width, height)),
        (title, (right, y - height - GAP // 2, width, height)),
        (title, (right, margin, width, height)),
    ]

    def cost(choice: tuple[Box, Box]) -> tuple[bool, int, int]:
        narrowed, logo = choice
        centre_x, centre_y = logo[0] + logo[2] / 2, logo[1] + logo[3] / 2
        top_right = centre_x >= 0.6 * slide_size[0] and centre_y <= 0.25 * slide_size[1]
        on_text = _covered(logo, (*others, narrowed))
        return (not top_right or logo[1] < 0, on_text, _covered(logo, graphics))

    return min(choices, key=cost)


def _covered(box: Box, graphics: tuple[Box, ...]) -> int:
    """How much of `box` the graphics cover (EMU squared, overlaps counted each time)."""
    total = 0
    for other in graphics:
        width = min(box[0] + box[2], other[0] + other[2]) - max(box[0], other[0])
        height = min(box[1] + box[3], other[1] + other[3]) - max(box[1], other[1])
        total += max(0, width) * max(0, height)
    return total
