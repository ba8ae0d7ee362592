"""`kit template check`: how the deck writer would use an organisation's PowerPoint template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compassion_kit.render.deck import TemplateReport


def check_deck_template(path: Path) -> TemplateReport:
    """Each kind of slide with the template layout it would use, the placeholders it fills,
    the parts the kit draws itself, and every compromise (as warnings).

    Raises:
        ContentError: the template cannot be used at all (unreadable, unsafe, an absurd slide
            size, or no layout with a title).
    """
    from compassion_kit.render.deck import describe_template

    return describe_template(path)
