"""What a print run of worksheets or handouts is asked for: the request both plans read.

Owns the request record only; planning is `plan/worksheet.py`'s and `plan/handout.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from compassion_kit.logo import Logo
    from compassion_kit.model import Handout, Worksheet
    from compassion_kit.profile import Brand


@dataclass(frozen=True)
class PrintRequest:
    """What to print: worksheets or handouts, one per page run, in the organisation's brand.

    `team` and `date` are printed on worksheets when given. `audience="facilitator"` adds each
    worksheet's facilitator-only blocks on a sheet of their own after the participant sheet.
    """

    items: tuple[Worksheet, ...] | tuple[Handout, ...]
    brand: Brand
    logo: Logo | None
    team: str | None = None
    date: str | None = None
    audience: str = "participant"
    template: Path | None = None  # the organisation's Word template; None: the kit's own
