"""Planning a fishbone (cause and effect) diagram for a worksheet page: pure geometry.

Owns where the head, spine and bones go and how much writing space each category gets;
drawing it in Word is `render/docx/fishbone.py`'s, the rest of the sheet `plan/worksheet.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from compassion_kit.render.plan.page import CELL_PADDING, CHAR_WIDTH

if TYPE_CHECKING:
    from compassion_kit.model.worksheet import FishboneBlock

# The diagram is drawn as a fish swimming up the page: the head (the problem) on top, the spine
# down the middle, a box per cause category either side of it. All sizes in twips.
SPINE = 510  # 9 mm: wide enough to read as the backbone, narrow enough to leave writing room
HEAD_LINES = 2  # handwriting lines for the problem statement
LABEL = 400  # a one-line label row: 12 pt text and the table's cell margins
BAND_LINE = 290  # a line of 12 pt text on a category's shaded band
BAND_AIR = 190  # the band's padding and the air below it
CELL_MARGINS = 114  # Kit Table's top and bottom cell margins together
GAP = 200  # the spacer paragraph between the head and the bones
# Most the whole diagram may take, as a share of the text width: on A4 and US Letter portrait
# this leaves about 6 cm above it for the title, three lines of details and three short steps.
HEIGHT_PER_WIDTH = (1, 1)
MIN_LINES = 2  # a category always gets at least this many lines to write on


@dataclass(frozen=True)
class Bone:
    """One cause category: its name and hint on a shaded band, then writing lines."""

    name: str
    hint: str | None


@dataclass(frozen=True)
class Fishbone:
    """A fishbone diagram's plan: the head box, then rows of two bones around the spine.

    `widths` are the left bone, spine and right bone columns; a row's second bone is None
    when the categories are odd in number. Each bone has `lines` handwriting lines of
    `line` twips, and each bone row is `row_height` twips high (at least: text may grow it).
    """

    prompt: str
    head_lines: int
    rows: tuple[tuple[Bone, Bone | None], ...]
    widths: tuple[int, int, int]
    lines: int
    line: int
    row_height: int

    @property
    def height(self) -> int:
        """The diagram's planned height in twips (head, gap, spine label row, bone rows)."""
        head = LABEL + self.head_lines * self.line + CELL_MARGINS
        return head + GAP + LABEL + self.row_height * len(self.rows)


def plan_fishbone(block: FishboneBlock, width: int, line: int) -> Fishbone:
    """The diagram for `block`, `width` twips wide, handwriting lines `line` twips high.

    The categories pair up row by row (left, right); the rows share what is left of the
    diagram's height after the head, so fewer categories get more lines. A category never
    gets fewer than MIN_LINES lines, so very narrow paper (A5) may make the diagram taller
    than planned.
    """
    bones = [Bone(c.name, c.hint) for c in block.categories]
    rows = tuple(
        (bones[i], bones[i + 1] if i + 1 < len(bones) else None) for i in range(0, len(bones), 2)
    )
    side = (width - SPINE) // 2
    widths = (side, width - 2 * side, side)
    total = width * HEIGHT_PER_WIDTH[0] // HEIGHT_PER_WIDTH[1]
    head = LABEL + HEAD_LINES * line + CELL_MARGINS + GAP + LABEL
    per_row = (total - head) // len(rows)
    band = _band_lines(bones, side) * BAND_LINE + BAND_AIR
    lines = max((per_row - band - CELL_MARGINS) // line, MIN_LINES)
    row_height = band + CELL_MARGINS + lines * line
    return Fishbone(block.prompt, HEAD_LINES, rows, widths, lines, line, row_height)


def band_text(bone: Bone) -> tuple[str, str]:
    """The name and the hint as printed on the band ("People", ": staffing, skills")."""
    return bone.name, f": {bone.hint}" if bone.hint else ""


def _band_lines(bones: list[Bone], side: int) -> int:
    """Lines the longest band wraps to in a column `side` twips wide (estimated)."""
    per_line = max((side - CELL_PADDING) // CHAR_WIDTH, 1)
    longest = max(len("".join(band_text(bone))) for bone in bones)
    return -(-longest // per_line)
