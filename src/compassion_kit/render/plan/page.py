"""The printed page, for planning Word documents: paper sizes, margins, text width and
column widths, all in twips (1/1440 inch).

Owns the geometry plans and writers share; setting it on a document is `render/docx`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from compassion_kit.render.plan.deck_fit import text_width

# Portrait width, height; A5 (148 x 210 mm) is a folded A4 sheet, common for handouts.
PAPER = {"A4": (11906, 16838), "Letter": (12240, 15840), "A5": (8391, 11906)}
SIDE_MARGIN = 1134  # 2 cm left and right: the KIT019 minimum, and room for 60-70 characters
COLUMN_GAP = 567  # 1 cm between newspaper columns
CHAR_WIDTH = 125  # an average 12 pt Arial character, for estimating column widths
CELL_PADDING = 2 * 113 + 40  # Kit Table's left and right cell margins, plus a little air
WRAP_CHARS = 40  # a text column wider than this many characters wastes room for the others
TABLE_POINTS = 12  # Table Text and Table Heading (bold) size, for measuring words


def longest_word(texts: Sequence[str], bold: bool = False) -> int:
    """Twips the widest word of `texts` takes at TABLE_POINTS (Arial's metrics); 0 for none.

    A column narrower than this plus CELL_PADDING breaks the word inside ("Sometim/es").
    """
    found = [text_width(word, TABLE_POINTS, bold) for text in texts for word in text.split()]
    return round(max(found, default=0) * 20)


def text_width_for(paper: str) -> int:
    """Twips between the side margins on `paper` ("A4", "Letter" or "A5")."""
    return PAPER[paper][0] - 2 * SIDE_MARGIN


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], total: int, blank_width: int = 2600
) -> tuple[int, ...]:
    """Column widths (twips, summing to `total`) from the text each column holds.

    No column is narrower than its longest word (the header's in bold), unless the words
    of all columns together are wider than `total`; text columns want up to WRAP_CHARS
    characters; a column that is blank in every row (writing space) wants `blank_width`.
    Leftover room is shared in proportion to what each column wants.
    """
    minimum: list[int] = []
    wanted: list[int] = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows if index < len(row)]
        texts = [title, *cells]
        floor = max(longest_word([title], bold=True), longest_word(cells)) + CELL_PADDING
        if not any(cells):
            want = blank_width
        else:
            want = min(max(len(text) for text in texts), WRAP_CHARS) * CHAR_WIDTH + CELL_PADDING
        minimum.append(floor)
        wanted.append(max(want, floor))
    if sum(wanted) <= total or sum(minimum) >= total:
        base = wanted if sum(wanted) <= total else minimum
        widths = [share * total // sum(base) for share in base]
    else:
        spare = total - sum(minimum)
        pairs = list(zip(wanted, minimum, strict=True))
        stretch = sum(want - low for want, low in pairs)
        widths = [low + (want - low) * spare // stretch for want, low in pairs]
    widths[-1] += total - sum(widths)
    return tuple(widths)


def equal_widths(total: int, columns: int) -> tuple[int, ...]:
    """`columns` equal widths summing to `total` twips, the last taking the remainder."""
    widths = [total // columns] * columns
    widths[-1] += total - sum(widths)
    return tuple(widths)
