"""Handouts: plan case studies, information sheets and the infographic, then write them.

Owns the public handout API; planning is `plan/handout.py`'s, the Word layout
`docx/handout.py`'s (python-docx is imported only when a document is written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render.plan.handout import HandoutPlan, chart_table, plan_handouts

if TYPE_CHECKING:
    from compassion_kit.render import RenderedFile
    from compassion_kit.render.plan.printing import PrintRequest

__all__ = ["HandoutPlan", "chart_table", "plan_handouts", "write_handouts"]


def write_handouts(plan: HandoutPlan, request: PrintRequest) -> RenderedFile:
    """The .docx for `plan`: each handout starts on a new page, with its own credit."""
    from compassion_kit.render.docx import handout  # python-docx only when writing

    return handout.write_handouts(plan, request)
