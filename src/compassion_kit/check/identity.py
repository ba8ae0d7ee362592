"""NHS identity rules shared by both formats: brand colours (KIT017) and the logo (KIT018).

Owns recognising the organisation's logo (by the SHA-256 of its media, or by its aspect and an
alt text naming the organisation) and judging its size, place and alt text; brand fonts are
checked run by run in the format modules.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from compassion_kit.branding import names_organisation
from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, Package, attr, first, local, text_of, whole, xpath
from compassion_kit.check.palette import Identity
from compassion_kit.check.pptx_fills import shape_fill, shows_master_shapes
from compassion_kit.check.pptx_model import Box, Slide, box, c_nv_pr, placeholder, tree, walk
from compassion_kit.check.pptx_text import shape_paragraphs, text_area

if TYPE_CHECKING:
    from compassion_kit.check.pptx_rules import DeckContext

ASPECT_TOLERANCE = 0.01  # 1%: more than this and the logo is visibly stretched


def mentions_organisation(text: str, who: Identity) -> bool:
    """True when `text` names the organisation (see `branding.names_organisation`)."""
    return not who.name or names_organisation(text, who.name, who.short_name)


class LogoFinder:
    """Recognises the organisation's logo among a package's images (results cached per part)."""

    def __init__(self, pkg: Package, who: Identity) -> None:
        self.pkg, self.who = pkg, who
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._hashes: dict[str, str] = {}

    def size(self, media: str) -> tuple[int, int] | None:
        """Pixel size of an image part; None for vector or unreadable images."""
        if media not in self._sizes:
            self._sizes[media] = _pixel_size(self.pkg.data(media)) if self.pkg.has(media) else None
        return self._sizes[media]

    def is_logo(self, media: str | None, descr: str) -> bool:
        """True when the image is the logo: same bytes as the artwork (or our PNG of it), or the
        artwork's aspect within 1% and alt text that names the organisation or says "logo"."""
        if media is None or not self.pkg.has(media):
            return False
        if media not in self._hashes:
            self._hashes[media] = hashlib.sha256(self.pkg.data(media)).hexdigest()
        if self._hashes[media] in self.who.logo_hashes:
            return True
        size, aspect = self.size(media), self.who.logo_aspect
        if not size or not aspect or not size[1]:
            return False
        named = "logo" in descr.casefold() or mentions_organisation(descr, self.who)
        return named and abs(size[0] / size[1] / aspect - 1) <= ASPECT_TOLERANCE


def _pixel_size(data: bytes) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def visible_ratio(size: tuple[int, int], src_rect: El | None) -> float:
    """The pixel aspect of an image after `a:srcRect` cropping (percentages in 1/1000 %)."""
    width, height = float(size[0]), float(size[1])
    if src_rect is not None:
        crop = {k: whole(src_rect, k) / 100000 for k in ("l", "t", "r", "b")}
        width *= 1 - crop["l"] - crop["r"]
        height *= 1 - crop["t"] - crop["b"]
    return width / height if height > 0 else 0.0


def judge_logo(
    found: Findings,
    where: str,
    who: Identity,
    descr: str,
    placed: tuple[int, int],
    artwork: float | None,
) -> None:
    """KIT018 for one placed logo: not stretched, and alt text naming the organisation."""
    if artwork and placed[1] > 0:
        shown = placed[0] / placed[1]
        if abs(shown / artwork - 1) > ASPECT_TOLERANCE:
            found.add(
                where,
                "KIT018",
                "E",
                f"the logo is stretched: placed at {shown:.3f}:1, the artwork is {artwork:.3f}:1",
                "resize the logo from a corner (Shift+drag) so it keeps its proportions",
            )
    if not mentions_organisation(descr, who):
        found.add(
            where,
            "KIT018",
            "E",
            f"the logo's alt text does not name {who.name}: '{descr}'",
            f"use alt text such as '{who.name} logo'",
        )


# Slides ----------------------------------------------------------------------------------


def check_slide_logo(
    deck: DeckContext, slide: Slide, where: str, placed: list[tuple[El, Box | None]]
) -> None:
    """KIT018 for one slide: one logo, top right, unstretched, named, with clear space."""
    finder = LogoFinder(deck.pkg, deck.identity)
    layers: list[tuple[str, list[tuple[El, Box | None]]]] = [(slide.part, placed)]
    for layer in (slide.layout, slide.master):
        if layer is slide.master and not shows_master_shapes(slide.layout.root):
            break
        art = [(s, box(slide, s, t)) for s, t in walk(tree(layer.root)) if placeholder(s) is None]
        layers.append((layer.part, art))
    logos = []
    for part, shapes in layers:
        for shape, shape_box in shapes:
            if local(shape) != "pic":
                continue
            media = deck.pkg.target(part, attr(first(shape, "p:blipFill/a:blip"), "r:embed"))
            if finder.is_logo(media, attr(c_nv_pr(shape), "descr") or ""):
                logos.append((shape, shape_box, media))
    if not logos:
        deck.found.add(
            where,
            "KIT018",
            "E",
            "the slide has no logo",
            "put the organisation's logo top right on every slide",
        )
        return
    if len(logos) > 1:
        deck.found.add(
            where,
            "KIT018",
            "E",
            f"the logo appears {len(logos)} times",
            "use the logo at most once per slide",
        )
    for shape, shape_box, media in logos:
        size = finder.size(media) if media else None
        src = first(shape, "p:blipFill/a:srcRect")
        artwork = visible_ratio(size, src) if size else None
        if shape_box is None:
            continue
        placed_size = (shape_box[2] - shape_box[0], shape_box[3] - shape_box[1])
        judge_logo(
            deck.found,
            where,
            deck.identity,
            attr(c_nv_pr(shape), "descr") or "",
            placed_size,
            artwork,
        )
        _slide_zone(deck, where, shape_box)
        _clear_space(deck, slide, where, shape, shape_box, placed)


def _slide_zone(deck: DeckContext, where: str, logo: Box) -> None:
    width, height = deck.size
    centre_x, centre_y = (logo[0] + logo[2]) / 2, (logo[1] + logo[3]) / 2
    if centre_x < 0.6 * width or centre_y > 0.25 * height:
        deck.found.add(
            where,
            "KIT018",
            "E",
            "the logo is not in the top-right corner",
            "place the organisation's logo top right",
        )


def _clear_space(
    deck: DeckContext,
    slide: Slide,
    where: str,
    logo: El,
    logo_box: Box,
    placed: list[tuple[El, Box | None]],
) -> None:
    margin = round(deck.identity.clear_space * (logo_box[3] - logo_box[1]))
    zone = (logo_box[0] - margin, logo_box[1] - margin, logo_box[2] + margin, logo_box[3] + margin)
    for shape, shape_box in placed:
        if shape is logo or shape_box is None or local(shape) == "grpSp":
            continue
        has_text = bool(text_of(shape, "a:t").strip())
        painted = local(shape) in ("pic", "graphicFrame") or shape_fill(slide, shape) is not None
        if not has_text and not painted:
            continue  # an empty placeholder or an unfilled box draws nothing
        if not has_text and _inside(zone, shape_box):
            continue  # a background behind the logo (a reversed-out logo on a colour panel)
        if has_text and not painted:
            paragraphs = shape_paragraphs(slide, shape, deck.pres)
            shape_box = text_area(slide, shape, shape_box, paragraphs)
        if _overlap(zone, shape_box):
            name = attr(c_nv_pr(shape), "name") or local(shape)
            deck.found.add(
                where,
                "KIT018",
                "E",
                f"'{name}' is inside the logo's clear space ({margin / 360000:.2f} cm around it)",
                "move or shrink it so the space around the logo stays clear",
            )
            return


def _inside(inner: Box, outer: Box) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and inner[3] <= outer[3]
    )


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


# Colours ---------------------------------------------------------------------------------


def check_colours(
    found: Findings, who: Identity, sources: Iterable[tuple[str, Iterable[str]]]
) -> None:
    """KIT017: each colour named in the file is an NHS colour, an organisation colour, or
    near-white/near-black. `sources` pairs a place ("slide 3", "theme") with its colours;
    the file gets one warning that lists every other colour and where it is used."""
    places: dict[str, list[str]] = {}
    for where, colours in sources:
        for value in colours:
            colour = _hex(value)
            if colour and not who.colour_allowed(colour) and where not in places.get(colour, []):
                places.setdefault(colour, []).append(where)
    if not places:
        return
    listed = [
        f"{colour} ({', '.join(wheres[:3])}{', ...' if len(wheres) > 3 else ''})"
        for colour, wheres in list(places.items())[:8]
    ]
    more = f" and {len(places) - 8} more" if len(places) > 8 else ""
    found.add(
        next(iter(places.values()))[0],
        "KIT017",
        "W",
        f"{len(places)} colour{'s are' if len(places) > 1 else ' is'} outside the NHS palette "
        f"and the organisation's colours: {'; '.join(listed)}{more}",
        "use NHS colours (NHS Blue #005EB8, Dark Blue #003087, ...) or add them to the "
        "organisation profile",
    )


def _hex(value: str) -> str | None:
    value = value.strip().lstrip("#")
    return "#" + value.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", value) else None


def theme_slots(theme: El) -> list[str]:
    """Colours of a theme's colour scheme (not its effect and fill styles)."""
    return [str(v) for v in xpath(theme, ".//a:clrScheme/*/a:srgbClr/@val")]


def check_pptx_colours(
    found: Findings, pkg: Package, slides: list[Slide], who: Identity, from_template: bool = False
) -> None:
    """KIT017 for a deck: slides (and their charts), layouts, masters and themes; with
    `from_template` (a deck the kit built, `pptx_setup.built_by_kit`) the slides only, as the
    layouts, masters and theme are its template's, which wins."""
    sources: list[tuple[str, list[str]]] = []
    for slide in slides:
        colours = [str(v) for v in xpath(slide.root, ".//a:srgbClr/@val")]
        for chart in pkg.related(slide.part, "chart"):
            colours += [str(v) for v in xpath(pkg.xml(chart), ".//a:srgbClr/@val")]
        sources.append((f"slide {slide.number}", colours))
    for name in [] if from_template else pkg.names():
        if re.fullmatch(r"ppt/(slideLayouts|slideMasters)/[^/]+\.xml", name):
            where = name.rsplit("/", 1)[-1].removesuffix(".xml")
            sources.append((where, [str(v) for v in xpath(pkg.xml(name), ".//a:srgbClr/@val")]))
        elif re.fullmatch(r"ppt/theme/[^/]+\.xml", name):
            sources.append(("theme", theme_slots(pkg.xml(name))))
    check_colours(found, who, sources)
