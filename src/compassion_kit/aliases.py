"""Former item ids (aliases) that keep old specs, content and pipelines working.

Owns the alias rules: which old id names which item, the deprecation warning, and rewriting
an agenda or a workshop spec to current ids. Finding items is `library.py`'s business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from compassion_kit.errors import Location, Problem

if TYPE_CHECKING:
    from compassion_kit.model import Agenda
    from compassion_kit.model.workshop import Workshop

_Where = tuple[str | int, ...]
Locate = Callable[[_Where], Location]


def alias_warning(
    old: str, new: str, location: Location | None = None, field: str | None = None
) -> Problem:
    """The deprecation warning for an old id written at `location` (the command line when
    there is no file)."""
    where = str(location.path) if location is not None and location.path else "your command"
    return Problem(
        f"'{old}' is now '{new}'; the old id still works but will be removed; change it in {where}",
        location or Location(),
        field=field,
        severity="warning",
    )


def current(
    aliases: Mapping[str, str], item_id: str, locate: Locate | None, where: _Where
) -> tuple[str, list[Problem]]:
    """The current id for `item_id`, and a warning (located at `where`) when it is an alias."""
    new = aliases.get(item_id)
    if new is None:
        return item_id, []
    location = locate(where) if locate is not None else None
    field = ".".join(str(p) for p in where) or None
    return new, [alias_warning(item_id, new, location, field)]


def current_agenda(
    agenda: Agenda, aliases: Mapping[str, str], locate: Locate
) -> tuple[Agenda, list[Problem]]:
    """`agenda` with old ids in its `deck` list and `print:` items replaced by current ones."""
    problems: list[Problem] = []

    def fix(item_id: str, where: _Where) -> str:
        new, found = current(aliases, item_id, locate, where)
        problems.extend(found)
        return new

    deck = [fix(d, ("deck", i)) for i, d in enumerate(agenda.deck)]
    sessions = [
        s.replace(
            print=[
                p.replace(item=fix(p.item, ("sessions", i, "print", j, "item")))
                for j, p in enumerate(s.print)
            ]
        )
        for i, s in enumerate(agenda.sessions)
    ]
    if not problems:
        return agenda, []
    return agenda.replace(deck=deck, sessions=sessions), problems


def current_workshop(
    workshop: Workshop, aliases: Mapping[str, str], locate: Locate
) -> tuple[Workshop, list[Problem]]:
    """`workshop` with every old id it names (deck, agendas, worksheets, handouts) replaced
    by the current one, and a warning at each line that names one."""
    problems: list[Problem] = []

    def fix(item_id: str, where: _Where) -> str:
        new, found = current(aliases, item_id, locate, where)
        problems.extend(found)
        return new

    deck = workshop.deck
    if deck is not None:
        modules = [fix(m, ("deck", "modules", i)) for i, m in enumerate(deck.modules)]
        agenda = fix(deck.agenda, ("deck", "agenda")) if deck.agenda else None
        deck = deck.replace(modules=modules, agenda=agenda)
    changed = workshop.replace(
        deck=deck,
        agendas=[fix(a, ("agendas", i)) for i, a in enumerate(workshop.agendas)],
        worksheets=[
            w.replace(id=fix(w.id, ("worksheets", i))) for i, w in enumerate(workshop.worksheets)
        ],
        handouts=[
            h.replace(id=fix(h.id, ("handouts", i))) for i, h in enumerate(workshop.handouts)
        ],
    )
    return (changed, problems) if problems else (workshop, [])


def alias_table(owners: Mapping[str, list[str]], ids: set[str]) -> dict[str, str]:
    """Old id -> current id, from each item's `aliases` (`owners`: item id -> its aliases).

    An alias that is also a real item's id is left out: the item wins (e.g. a user's own
    item that happens to reuse a retired id).
    """
    return {old: new for new, olds in owners.items() for old in olds if old not in ids}
