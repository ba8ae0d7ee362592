"""The deck plan's vocabulary: frozen specs of slides, text, pictures and charts, the
template geometry planning measures against, and the names the plan needs from a template.

Owns the data passed from planning to writing; no logic beyond small derived values. Reading
a template into `Template` is `render/pptx/template.py`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_paras import BULLET_INDENT_EM as BULLET_INDENT_EM
from compassion_kit.render.plan.deck_paras import EMU_PER_PT as EMU_PER_PT
from compassion_kit.render.plan.deck_paras import LEVEL_INDENT_EM as LEVEL_INDENT_EM
from compassion_kit.render.plan.deck_paras import NUMBER_INDENT_EM as NUMBER_INDENT_EM
from compassion_kit.render.plan.deck_paras import Bullet as Bullet
from compassion_kit.render.plan.deck_paras import Para as Para
from compassion_kit.render.plan.deck_paras import Run as Run
from compassion_kit.render.plan.deck_paras import centipoints as centipoints
from compassion_kit.render.plan.deck_paras import indent_pt as indent_pt
from compassion_kit.render.plan.deck_paras import para as para

EMU_PER_INCH = 914400

# Target and floor sizes in points (ACCESSIBILITY.md: body >= 24 target, 18 floor), from the
# design file (templates/design.toml).
BODY_PT, BODY_FLOOR_PT = design().body, design().floor
SMALL_PT = design().small  # details, attributions, panels, captions
TITLE = "Title"  # the slide title: any placeholder of type title or ctrTitle
LOGO = "Logo"
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # OOXML defaults: 0.1 in sides, 0.05 in top/bottom
# Layout name -> placeholder names it must have. Placeholders other than the title are found
# by the name shown in PowerPoint's Selection Pane (Home > Arrange > Selection Pane).
LAYOUTS: dict[str, tuple[str, ...]] = {
    "Kit Title": (TITLE, "Subtitle", "Details", LOGO),
    "Kit Agenda": (TITLE, "Body", LOGO),
    "Kit Section": (TITLE, "Body", LOGO),
    "Kit Bullets": (TITLE, "Body", LOGO),
    "Kit Quote": (TITLE, "Quote", "Attribution", LOGO),
    "Kit Figures": (TITLE, "Content", LOGO),
    "Kit Chart": (TITLE, "Content", LOGO),
    "Kit Video": (TITLE, "Body", "QR", LOGO),
    "Kit Exercise": (TITLE, "Body", "Panel", LOGO),
    "Kit Closing": (TITLE, "Body", "QR", LOGO),
}

Box = tuple[int, int, int, int]  # x, y, width, height in EMU


@dataclass(frozen=True)
class TextSpec:
    """Text for a layout placeholder (`role`) or, when `role` is empty, a new text box."""

    role: str
    paras: tuple[Para, ...]
    size: float  # base size in points
    box: Box | None = None  # required for text boxes; placeholders keep the layout's box
    fill: str | None = None
    anchor: Literal["t", "ctr", "b"] = "t"
    name: str = ""  # shape name for new text boxes


Geometry = Literal[
    "chevron", "homePlate", "ellipse", "roundRect", "rect", "rightArrow", "upArrow", "freeform"
]


@dataclass(frozen=True)
class ShapeSpec:
    """A native, editable PowerPoint autoshape (a diagram's part): preset geometry, box, fill,
    rotation, and the text it carries; `alt` is its alt text ("" marks it decorative: an
    arrow or marker whose meaning the shapes' text and the notes already give)."""

    geometry: Geometry
    box: Box
    fill: str
    name: str
    alt: str
    paras: tuple[Para, ...] = ()
    size: float = 0.0  # base text size in points
    insets: tuple[int, int, int, int] = DEFAULT_INSETS
    rotation: float = 0.0  # degrees clockwise
    adjust: float | None = None  # the preset's first adjustment (a chevron's point depth)
    anchor: Literal["t", "ctr", "b"] = "ctr"
    path: tuple[tuple[int, int], ...] = ()  # a freeform's points on the slide (EMU), in order
    closed: bool = False  # a freeform's path returns to its start (and is filled)
    line: str = ""  # outline colour; "" draws none
    line_width: float = 0.0  # outline width in points


@dataclass(frozen=True)
class PictureSpec:
    """A picture placed inside `box` with its aspect ratio kept: the logo or a QR code."""

    kind: Literal["logo", "qr"]
    box: Box
    alt: str
    url: str | None = None  # what the QR code encodes


@dataclass(frozen=True)
class ChartSpec:
    """A native chart: type, categories, named series, number format and colours."""

    kind: Literal["bar", "column", "pie"]
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    number_format: str
    box: Box
    alt: str
    colours: tuple[str, ...]
    font_size: float


@dataclass(frozen=True)
class SlideSpec:
    """One slide of the built deck, in order."""

    id: str  # model slide id, or '#title', '#agenda', '#section:<module>', '#closing'
    layout: str  # the template layout's key (`Template.layouts`)
    title: str
    title_size: float
    notes: str
    texts: tuple[TextSpec, ...] = ()
    pictures: tuple[PictureSpec, ...] = ()
    chart: ChartSpec | None = None
    title_colour: str | None = None
    source: str | None = None  # the model slide this page shows, for continuation pages too
    page: int = 1  # 2, 3... on "(cont.)" slides
    kind: str = ""  # the kit's name for this kind of slide (a key of LAYOUTS)
    title_box: Box | None = None  # the title moved here (to make room for the logo)
    hidden: bool = False  # an extra slide kept after the closing slide, hidden in the show
    shapes: tuple[ShapeSpec, ...] = ()  # a diagram's autoshapes, in reading order


@dataclass(frozen=True)
class DeckPlan:
    """Everything needed to write the deck, computed without opening PowerPoint files."""

    title: str
    slides: tuple[SlideSpec, ...]
    font: str
    colours: Mapping[str, str]  # primary, secondary, accent as #RRGGBB
    tokens: Mapping[str, str]  # {{token}} values for template text
    author: str
    template: str  # path of the template the geometry was read from
    warnings: tuple[str, ...] = field(default_factory=tuple)
    layouts: Mapping[str, Layout] = field(default_factory=dict)  # kind -> its layout's roles
    brand_theme: bool = True  # False: the template's own theme fonts and colours win


@dataclass(frozen=True)
class Placeholder:
    """A layout placeholder: its name, type, index, box and text insets (EMU).

    `ordinal` is its place among the placeholders a new slide gets from the layout (what
    python-pptx clones: all but date, footer and slide number); -1 for an area the kit draws
    itself (a text box or picture where the layout has no placeholder). `moved`: the slide's
    placeholder takes `box` instead of the layout's."""

    name: str
    kind: str  # OOXML ph type; "obj" when the placeholder has none
    idx: int
    box: Box
    insets: tuple[int, int, int, int]
    ordinal: int = -1
    moved: bool = False
    colour: str | None = None  # the colour its sample text shows, when it sets one


@dataclass(frozen=True)
class Layout:
    """A slide layout by key, with its placeholders keyed by role name (TITLE for the title,
    else the placeholder's name).

    As read from a template, `holders` lists every placeholder a slide gets, in order, and
    `region` is its master's body area; `own_logo` names a picture on the master or layout
    that looks like a logo. As mapped to a kind of slide (`deck_layouts.map_layouts`), the
    placeholders are keyed by the kit's role names."""

    name: str
    placeholders: dict[str, Placeholder]
    type: str = ""  # OOXML layout type (title, obj, secHead, twoObj, titleOnly, ...)
    holders: tuple[Placeholder, ...] = ()
    region: Box | None = None
    own_logo: str = ""
    master: int = 1
    title_area: Box | None = None  # its master's title box
    graphics: tuple[Box, ...] = ()  # its and its master's shapes that are not placeholders


@dataclass(frozen=True)
class Template:
    """What planning needs from a template: slide size and the layouts' boxes, keyed by the
    layout's name (with " (master N)" added for a name an earlier master already uses)."""

    path: Path
    slide_size: tuple[int, int]
    layouts: dict[str, Layout]


@dataclass(frozen=True)
class TemplateReport:
    """What `kit template check` prints: for each kind of slide, its layout and what goes
    where (placeholder names, or "drawn" for text boxes and pictures the kit adds)."""

    path: Path
    slide_size: tuple[int, int]
    rows: tuple[tuple[str, str, str], ...]  # (kind, layout, parts)
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class BoxDraft:
    """Paragraphs for one placeholder, with the sizes they may use."""

    role: str
    paras: tuple[Para, ...]
    target: float = BODY_PT
    floor: float = BODY_FLOOR_PT
    repeat: bool = False  # shown again on every continuation slide (e.g. an exercise panel)
    follows: str | None = None  # never set larger than this box (the main text beside it)
    spill_to: str | None = None  # if even the floor is too big, move paragraphs there...
    keep: int = 0  # ...all but the first `keep`
    anchor: Literal["t", "ctr", "b"] = "t"
    uniform: bool = False  # the layout's one body size: shrinking below `target` is warned
    spread: bool = False  # a short list is spread down its box (design bullets.fill)


@dataclass(frozen=True)
class Draft:
    """A slide before fitting: layout, title, notes, boxes and placed objects."""

    id: str
    layout: str
    title: str
    notes: str
    boxes: tuple[BoxDraft, ...] = ()
    pictures: tuple[PictureSpec, ...] = ()
    chart: ChartSpec | None = None
    stamp: str | None = None  # slide id whose agenda time slot stamps the notes
    source: str | None = None
    figures: tuple[tuple[str, str], ...] = ()  # (value, caption) pairs, laid out by the plan
    caption: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    diagram: DiagramDraft | None = None


@dataclass(frozen=True)
class DiagramDraft:
    """A diagram before it is laid out: its kind and (label, detail) parts, in order."""

    kind: Literal["cycle", "process", "grid", "timeline", "frontier"]
    parts: tuple[tuple[str, str], ...]  # detail "" when there is none
    caption: str | None = None
    axes: tuple[str, str] = ("", "")  # a frontier's (across, up) axis labels
    curve: str = ""  # what a frontier's line shows
    places: tuple[tuple[str, str], ...] = ()  # a frontier's (place, favours) per part
