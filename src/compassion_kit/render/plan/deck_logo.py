"""Where the logo goes on a slide, and the title's box beside it.

Owns the logo's box (a layout's logo area, beside the title, or none when the template shows
its own) and the organisation's name in its place when there is no logo. Pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_layouts import logo_beside_title
from compassion_kit.render.plan.deck_spec import (
    BODY_FLOOR_PT,
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

ORG_NAME_PT = 20.0  # the organisation's name in the logo box when there is no logo


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
