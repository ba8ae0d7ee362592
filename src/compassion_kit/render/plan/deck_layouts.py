"""Which layout of a template each kind of slide uses, and where each part of it goes.

Owns choosing layouts by their placeholders' types (with the usual layout names, in a few
languages, as hints; "Kit ..." layouts win), areas the kit draws itself where a layout has
no placeholder, and the compromises reported as warnings. Pure: the template arrives as
plain geometry (`Template`, read by `render/pptx/template.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_roles import (
    NAME_HINTS,
    NOT_CONTENT,
    ROLES,
    TITLE_ONLY,
    TYPE_HINTS,
    Role,
)
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    EMU_PER_INCH,
    LAYOUTS,
    LOGO,
    TITLE,
    Box,
    Layout,
    Placeholder,
    Template,
)
from compassion_kit.template_cache import clear_with_templates

GAP = design().gap  # between two areas the kit divides


@dataclass(frozen=True)
class LayoutMap:
    """Each kind of slide (a key of LAYOUTS) -> its layout with placeholders keyed by the
    kit's role names; what the kit draws itself; and the compromises, per kind."""

    layouts: dict[str, Layout]
    drawn: dict[str, tuple[str, ...]]  # kind -> roles drawn as text boxes or pictures
    notes: dict[str, tuple[str, ...]]  # kind -> compromises, in words
    kit_layouts: bool  # every "Kit ..." layout is there: the kit's own contract

    def warnings(self, kinds: tuple[str, ...] | None = None) -> list[str]:
        """The compromises for `kinds` (default: all), once each, in kind order."""
        found: list[str] = []
        for kind in LAYOUTS:
            if kinds is None or kind in kinds:
                found.extend(n for n in self.notes.get(kind, ()) if n not in found)
        return found


class Unusable(Exception):
    """A template no slide can be drawn on: none of its layouts has a title."""


# Templates' layout maps, by the template's identity: a template is read once per process for
# each version of its file (`read_template`), and each deck of a batch maps it again otherwise.
_mapped: dict[int, tuple[Template, LayoutMap]] = {}
clear_with_templates(_mapped.clear)


def map_layouts(template: Template) -> LayoutMap:
    """The best layout of `template` for every kind of slide, and where each part goes
    (worked out once per template object; callers only read it).

    Raises:
        Unusable: the template has no slide layouts.
    """
    known = _mapped.get(id(template))
    if known is not None and known[0] is template:
        return known[1]
    mapped = _map_layouts(template)
    if len(_mapped) >= 8:  # templates edited while a long process runs: forget the old ones
        _mapped.clear()
    _mapped[id(template)] = (template, mapped)  # the template kept, so its id is not reused
    return mapped


def _map_layouts(template: Template) -> LayoutMap:
    titled = [layout for layout in template.layouts.values() if _title(layout) is not None]
    titled = titled or list(template.layouts.values())  # the kit adds a title to one
    if not titled:
        raise Unusable("it has no slide layouts")
    layouts: dict[str, Layout] = {}
    drawn: dict[str, tuple[str, ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    for kind in LAYOUTS:
        best = max(titled, key=lambda layout, k=kind: _score(layout, k, template))  # type: ignore[misc]
        mapped, own = _resolve(best, kind, template)
        layouts[kind] = mapped
        drawn[kind] = own
        notes[kind] = tuple(_notes(kind, best, mapped, own))
    kit = all(name in template.layouts for name in LAYOUTS)
    return LayoutMap(layouts, drawn, notes, kit)


def _added_title(layout: Layout, template: Template) -> Placeholder:
    """A title the kit adds to a layout without one: at its master's title box, else in a
    band across the top of the slide."""
    width, height = template.slide_size
    margin = width // 20
    box = layout.title_area or (margin, height // 20, width - 2 * margin, height // 6)
    return Placeholder(TITLE, "title", 0, box, DEFAULT_INSETS, moved=True)


def _title(layout: Layout) -> Placeholder | None:
    return next((p for p in layout.holders if p.kind in ("title", "ctrTitle")), None) or (
        layout.placeholders.get(TITLE)
    )


def _content(layout: Layout) -> list[Placeholder]:
    """The layout's content placeholders in reading order (rows top to bottom, then left to
    right)."""
    found = [p for p in layout.holders if p.kind not in NOT_CONTENT or p.kind == "subTitle"]
    found = [p for p in found if p.kind != "title" and p.name != LOGO]
    return sorted(found, key=lambda p: (p.box[1] // (EMU_PER_INCH // 2), p.box[0]))


def _score(layout: Layout, kind: str, template: Template) -> float:
    if layout.name == kind:
        return 1000.0
    roles = ROLES[kind]
    content = _content(layout)
    matched = _match(layout, roles)
    score = 10.0 * sum(1 for r in roles if r.name in matched)
    score -= 4.0 * (len(content) - len(matched))
    name = layout.name.lower()
    if any(hint in name for hint in NAME_HINTS[kind]):
        score += 8
    if layout.type in TYPE_HINTS[kind]:
        score += 8
    if layout.type == "titleOnly" or any(hint in name for hint in TITLE_ONLY):
        score += 2
    title = _title(layout)
    if title is None:
        score -= 20  # the kit would have to add a title
    centred = title is not None and title.kind == "ctrTitle"
    score += (8 if centred else 0) if kind == "Kit Title" else (-8 if centred else 0)
    if kind == "Kit Title" and any(p.kind == "subTitle" for p in content):
        score += 4
    if kind != "Kit Title" and any(p.kind == "subTitle" for p in content):
        score -= 3  # a cover layout: keep it for the title slide
    area = _region(layout, template)
    width, height = template.slide_size
    score += 3.0 * (area[2] * area[3]) / (width * height)  # more room breaks ties
    return score - 0.01 * layout.master


def _match(layout: Layout, roles: tuple[Role, ...]) -> dict[str, Placeholder]:
    """Roles -> the layout's placeholders: by name first (a "Kit ..." layout names them),
    then by type in reading order; a role that shares a host's area must lie to its right
    or below it."""
    matched: dict[str, Placeholder] = {}
    for role in roles:
        named = layout.placeholders.get(role.name)
        if named is not None and named.name == role.name:
            matched[role.name] = named
    used = {p.ordinal for p in matched.values()}
    for role in roles:
        if role.name in matched:
            continue
        host = matched.get(role.host) if role.host else None
        for holder in _content(layout):
            if holder.ordinal in used or holder.kind not in role.accepts:
                continue
            if host is not None and not _beside(host.box, holder.box, role.side):
                continue
            if role.host and host is None:
                continue
            matched[role.name] = holder
            used.add(holder.ordinal)
            break
    return matched


def _beside(host: Box, other: Box, side: str) -> bool:
    if side == "right":
        return other[0] >= host[0] + host[2] // 2
    return other[1] >= host[1] + host[3] // 2


def _region(layout: Layout, template: Template) -> Box:
    """Where a layout's content goes: its content placeholders' extent, else its master's
    body area, else the slide below the title; never over the title."""
    content = [p.box for p in _content(layout)]
    if content:
        return _union(content)
    width, height = template.slide_size
    title = _title(layout)
    margin = width // 20
    region = layout.region or (margin, height // 4, width - 2 * margin, height * 2 // 3)
    if title is None:
        return region
    x, y, cx, cy = region
    top, bottom = title.box[1], title.box[1] + title.box[3]
    if y < bottom and y + cy > top:  # overlaps the title: take the larger part beside it
        below = (x, bottom + GAP, cx, y + cy - bottom - GAP)
        above = (x, y, cx, top - GAP - y)
        region = below if below[3] >= above[3] else above
        if region[3] < height // 5:
            region = (x, bottom + GAP, cx, max(height * 9 // 10 - bottom - GAP, height // 5))
    return region


def _union(boxes: list[Box]) -> Box:
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return (left, top, right - left, bottom - top)


def _resolve(layout: Layout, kind: str, template: Template) -> tuple[Layout, tuple[str, ...]]:
    """The layout with the kind's roles placed: matched placeholders keep their box, the
    rest are areas the kit draws, carved from their host's area (or the content region)."""
    roles = ROLES[kind]
    matched = _match(layout, roles)
    title = _title(layout) or _added_title(layout, template)
    # On a layout not made for the kit, every part the kit fills gets its box written out:
    # LibreOffice places a slide's placeholders by the master, PowerPoint by the layout.
    own = layout.name == kind
    placed: dict[str, Placeholder] = {TITLE: title if own else replace(title, moved=True)}
    drawn: list[str] = []
    for role in roles:
        holder = matched.get(role.name)
        if holder is not None:
            placed[role.name] = holder if own else replace(holder, moved=True)
            continue
        drawn.append(role.name)
        host = placed.get(role.host) if role.host else None
        if host is None:
            placed[role.name] = _area(role.name, _region(layout, template))
            continue
        kept, carved = _split(_grown(host.box, role.side, layout, template), role.side, role.share)
        placed[role.host or ""] = replace(host, box=kept, moved=host.ordinal >= 0)
        placed[role.name] = _area(role.name, carved)
    if "QR" in placed and layout.name != kind:  # a picture area: square, at its top centre
        x, y, cx, cy = placed["QR"].box
        side = min(cx, cy, EMU_PER_INCH * 3)
        placed["QR"] = replace(placed["QR"], box=(x + (cx - side) // 2, y, side, side))
    logo = layout.placeholders.get(LOGO)
    if logo is not None:
        placed[LOGO] = logo
    return replace(layout, placeholders=placed), tuple(drawn)


def _area(name: str, box: Box) -> Placeholder:
    """An area the kit draws itself (a text box or picture), with the default insets."""
    return Placeholder(name, "body", -1, box, DEFAULT_INSETS)


def _grown(box: Box, side: str, layout: Layout, template: Template) -> Box:
    """A host's box grown down to the bottom of its master's body area when a part is to go
    below it and nothing else of the layout is in the way (a cover's short subtitle)."""
    x, y, cx, cy = box
    if side != "below":
        return box
    width, height = template.slide_size
    bottom = sum(layout.region[1::2]) if layout.region else height * 9 // 10
    others = [p for p in _content(layout) if p.box != box and p.box[1] >= y + cy]
    if others:
        bottom = min(bottom, *(p.box[1] - GAP for p in others))
    return (x, y, cx, max(cy, bottom - y))


def _split(box: Box, side: str, share: float) -> tuple[Box, Box]:
    x, y, cx, cy = box
    if side == "right":
        part = round(cx * share)
        return (x, y, cx - part - GAP, cy), (x + cx - part, y, part, cy)
    part = round(cy * share)
    return (x, y, cx, cy - part - GAP // 2), (x, y + cy - part, cx, part)


def _notes(kind: str, chosen: Layout, mapped: Layout, drawn: tuple[str, ...]) -> list[str]:
    what = kind.removeprefix("Kit ").lower()
    notes: list[str] = []
    if _title(chosen) is None:
        notes.append(f"layout '{chosen.name}' has no title placeholder: the kit adds one")
    drawn = tuple(role for role in drawn if role != "Details")  # never on a cover layout
    if chosen.name != kind and drawn:
        parts = ", ".join(f"'{role}'" for role in drawn)
        notes.append(
            f"{what} slides use layout '{chosen.name}', which has no placeholder for "
            f"{parts}: the kit draws {'it' if len(drawn) == 1 else 'them'} as "
            "text boxes or pictures in its content area"
        )
    if chosen.own_logo:
        notes.append(
            f"layout '{chosen.name}' already shows a logo ('{chosen.own_logo}'), "
            "so the kit adds no second logo there"
        )
    del mapped
    return notes
