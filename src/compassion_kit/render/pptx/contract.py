"""The deck template contract: any PowerPoint template that python-pptx can read, has a
layout with a title and slides of a sensible size can be used; `describe` says how.

Owns the problems and the report for a template; reading it is `template.py`'s, choosing
layouts `plan/deck_layouts.py`'s.
"""

from __future__ import annotations

from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.render.plan.deck_layouts import Unusable, map_layouts
from compassion_kit.render.plan.deck_spec import LOGO, TITLE, TemplateReport
from compassion_kit.render.pptx.template import read_template


def check_template(path: Path) -> list[Problem]:
    """Every reason a deck template cannot be used at all; empty when it can (with "Kit ..."
    layouts or with any others: see `describe`)."""
    try:
        map_layouts(read_template(path))
    except ContentError as exc:
        return list(exc.problems)
    except Unusable as exc:
        return [
            Problem(
                f"the deck template cannot be used: {exc}",
                Location(Path(path)),
                hint="add a layout with a title in View > Slide Master (Insert Layout)",
            )
        ]
    return []


def describe(path: Path) -> TemplateReport:
    """Each kind of slide with its layout and what fills each part, plus the compromises.

    Raises:
        ContentError: the template cannot be used at all.
    """
    problems = check_template(path)
    if problems:
        raise ContentError(problems)
    template = read_template(path)
    mapped = map_layouts(template)
    rows = []
    for kind, layout in mapped.layouts.items():
        parts = []
        for role, holder in layout.placeholders.items():
            if role == TITLE:
                where = f"'{holder.name}'"
            elif holder.ordinal < 0:
                where = "drawn by the kit"
            else:
                where = f"'{holder.name}'"
            parts.append(f"{role}: {where}")
        if LOGO not in layout.placeholders:
            parts.append("Logo: " + ("the template's own" if layout.own_logo else "beside title"))
        rows.append((kind.removeprefix("Kit "), layout.name, "; ".join(parts)))
    return TemplateReport(Path(path), template.slide_size, tuple(rows), tuple(mapped.warnings()))
