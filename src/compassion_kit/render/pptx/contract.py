"""The deck template contract: checking a template for the layouts and placeholders the deck
writer needs (`LAYOUTS` in `plan/deck_spec.py`), every missing name reported at once.

Owns the problems reported for a template; reading it is `template.py`'s.
"""

from __future__ import annotations

from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.render.plan.deck_spec import LAYOUTS, TITLE, Layout
from compassion_kit.render.pptx.template import read_template


def check_template(path: Path) -> list[Problem]:
    """Every problem with a deck template at once: unreadable file, missing layouts, missing
    or clashing placeholders. Each message names what the template does have. Empty = usable.
    """
    try:
        template = read_template(path)
    except ContentError as exc:
        return list(exc.problems)
    problems: list[Problem] = []
    where = Location(Path(path))
    have = ", ".join(sorted(template.layouts)) or "none"
    for name, needed in LAYOUTS.items():
        layout = template.layouts.get(name)
        if layout is None:
            problems.append(
                Problem(
                    f"the template has no slide layout named '{name}'",
                    where,
                    hint=f"its layouts are: {have}; rename or add layouts in View > Slide Master",
                )
            )
            continue
        names = ", ".join(sorted(layout.placeholders)) or "none"
        for role in needed:
            if role not in layout.placeholders:
                what = "title placeholder" if role == TITLE else f"placeholder named '{role}'"
                problems.append(
                    Problem(
                        f"layout '{name}' has no {what}",
                        where,
                        hint=f"its placeholders are: {names}; rename one in the Selection Pane",
                    )
                )
        problems.extend(_clashes(layout, needed, where))
    return problems


def _clashes(layout: Layout, needed: tuple[str, ...], where: Location) -> list[Problem]:
    seen: dict[int, str] = {}
    problems = []
    for role in needed:
        found = layout.placeholders.get(role)
        if found is None:
            continue
        if found.idx in seen and role != TITLE:
            problems.append(
                Problem(
                    f"layout '{layout.name}': placeholders '{seen[found.idx]}' and '{role}' share "
                    f"index {found.idx}",
                    where,
                    hint="delete one and insert a new placeholder",
                )
            )
        seen[found.idx] = role
    return problems
