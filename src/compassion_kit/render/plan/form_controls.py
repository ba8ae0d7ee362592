"""How a worksheet's controls are sized and worded (pure): tick-box columns wide enough for
their labels, and a scale's instruction matching the tick boxes it is drawn as.

Owns those two decisions; the sheets and parts are `plan/worksheet.py`'s.
"""

from __future__ import annotations

import re

from compassion_kit.render.plan.page import CELL_PADDING, CHAR_WIDTH, longest_word

OPTION_MIN, OPTION_MAX = 1300, 2000  # tick-box column widths (twips): 2.3 to 3.5 cm
SCALE_INSTRUCTION = "Tick one box."  # a scale is drawn as a row of tick boxes, one per point
# An instruction for another control ("Circle one number.") in a scale's prompt: replaced.
OTHER_CONTROL = re.compile(r"(?:^|(?<=[.?!:]))\s*(circle|ring|underline)\b[^.?!]*[.?!]?\s*$", re.I)
TICK_INSTRUCTION = re.compile(r"\btick\b", re.I)


def scale_prompt(prompt: str) -> str:
    """`prompt` with the instruction for the control the scale is drawn as (tick boxes),
    in place of one written for another control ("Circle one number.")."""
    if TICK_INSTRUCTION.search(prompt):
        return prompt
    return f"{OTHER_CONTROL.sub('', prompt).rstrip()} {SCALE_INSTRUCTION}".lstrip()


def tick_widths(options: tuple[str, ...], width: int) -> tuple[int, ...]:
    """Equal option columns, wide enough for labels on two lines and their longest word; the
    statement gets the rest (at least a quarter of the width)."""
    longest = max(len(option) for option in options)
    option = min(max((longest + 1) // 2 * CHAR_WIDTH + CELL_PADDING, OPTION_MIN), OPTION_MAX)
    option = min(option, width * 6 // 10 // len(options))
    # Never narrower than the widest word of a label (bold header), or it breaks inside it.
    whole_words = longest_word(options, bold=True) + CELL_PADDING
    option = max(option, min(whole_words, width * 3 // 4 // len(options)))
    return (width - option * len(options), *(option,) * len(options))
