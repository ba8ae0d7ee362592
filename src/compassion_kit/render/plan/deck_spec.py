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

EMU_PER_PT = 12700
EMU_PER_INCH = 914400
# Hanging indents, in ems of the paragraph's size, shared by measuring and writing.
BULLET_INDENT_EM = 1.1
NUMBER_INDENT_EM = 1.6
LEVEL_INDENT_EM = 1.4

# Target and floor sizes in points (ACCESSIBILITY.md: body >= 24 target, 18 floor).
BODY_PT, BODY_FLOOR_PT = 28.0, 18.0
SMALL_PT = 24.0  # details, attributions, panels, captions
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


def centipoints(size: float) -> int:
    """A text size in points as DrawingML's `sz` (hundredths of a point), rounded down through
    whole EMU as python-pptx's Pt() did."""
    return int(size * EMU_PER_PT) // 127


Bullet = Literal["none", "bullet", "number"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look; `link` makes it a hyperlink to that URL."""

    text: str
    bold: bool = False
    colour: str | None = None  # #RRGGBB, or None to keep the template's colour
    link: str | None = None


@dataclass(frozen=True)
class Para:
    """One paragraph: its runs, list level and marker, and size relative to its box."""

    runs: tuple[Run, ...]
    level: int = 0
    bullet: Bullet = "none"
    number: int | None = None  # for numbered steps: this step's number
    scale: float = 1.0  # font size = the box's fitted size x scale
    space_before: float = 0.0  # in ems of this paragraph's size
    align: Literal["l", "r", "ctr"] = "l"
    continued: bool = False  # the rest of a paragraph split across slides: no marker

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bold(self) -> bool:
        """Measured as bold if any run is bold (wider, so the safe assumption)."""
        return any(run.bold for run in self.runs)


def para(
    text: str,
    *,
    bold: bool = False,
    colour: str | None = None,
    link: str | None = None,
    level: int = 0,
    bullet: Bullet = "none",
    number: int | None = None,
    scale: float = 1.0,
    space_before: float = 0.0,
    align: Literal["l", "r", "ctr"] = "l",
) -> Para:
    """A paragraph of one run: the common case."""
    return Para((Run(text, bold, colour, link),), level, bullet, number, scale, space_before, align)


def indent_pt(p: Para, size: float) -> float:
    """Left margin of a paragraph in points at base size `size` (0 for plain text)."""
    if p.bullet == "none":
        return 0.0
    points = size * p.scale
    first = NUMBER_INDENT_EM if p.bullet == "number" else BULLET_INDENT_EM
    return points * (first + p.level * LEVEL_INDENT_EM)


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
