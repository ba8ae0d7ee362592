"""The pack's print plan and what it warns about: the spec and its agendas merged.

Owns gathering the plan's inputs from a spec (its agendas, counts, the deck's exercises) and
the warnings, at the spec's lines, the plan gives; the plan itself is `print_plan.py`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from compassion_kit.errors import Problem
from compassion_kit.model import DeckModule
from compassion_kit.print_plan import NOT_USED, PER_TEXT, Counts, Printout, PrintPlan, plan_prints

if TYPE_CHECKING:
    from compassion_kit.library import Library
    from compassion_kit.loading import YamlDocument
    from compassion_kit.model.workshop import Workshop
    from compassion_kit.pack.plan import PackFile
    from compassion_kit.timing import Schedule


def pack_schedules(workshop: Workshop, schedules: Mapping[str, Schedule]) -> list[Schedule]:
    """The agendas of the day, laid out: the spec's agendas, then the deck's if it is another."""
    ids = [*workshop.agendas, *([workshop.deck.agenda] if workshop.deck else [])]
    return [schedules[i] for i in dict.fromkeys(ids) if i is not None and i in schedules]


def pack_prints(
    workshop: Workshop, library: Library, schedules: Mapping[str, Schedule]
) -> PrintPlan:
    """The pack's print plan: the spec's worksheets and handouts merged with what its agendas'
    sessions hand out and its deck's exercises use (items only they name are added), with
    copies and the sessions that use each."""
    items = {i: e.item for i, e in library.entries.items()}
    return plan_prints(
        pack_schedules(workshop, schedules),
        {i: item.title for i, item in items.items()},
        kinds={i: item.kind for i, item in items.items()},
        chosen=[*workshop.worksheets, *workshop.handouts],
        counts=Counts(workshop.participants, workshop.groups, max(len(workshop.facilitators), 1)),
        exercises=_exercises(workshop, library),
    )


def _exercises(workshop: Workshop, library: Library) -> list[tuple[str, str, str]]:
    """(slide id, slide title, worksheet id) of each deck exercise that has a worksheet."""
    found = []
    for module_id in workshop.deck.modules if workshop.deck else []:
        module = library.get(module_id)
        for slide in module.slides if isinstance(module, DeckModule) else []:
            exercise = getattr(slide, "exercise", None)
            if exercise is not None and exercise.worksheet:
                found.append((slide.id, slide.title, exercise.worksheet))
    return found


def print_warnings(workshop: Workshop, prints: PrintPlan, doc: YamlDocument) -> list[Problem]:
    """Warnings, at the spec's lines, for items an agenda adds to the pack, items the spec
    lists that no session uses, copies fewer than the sessions' copy rules need, and copies
    that depend on a count (participants, groups) the spec does not give."""
    lines = {
        p.id: (key, i)
        for key in ("worksheets", "handouts")
        for i, p in enumerate(getattr(workshop, key))
    }
    found = []
    for item in prints.items:
        where = lines.get(item.id, ())
        at = doc.locate(where)
        field = ".".join(str(p) for p in where) or None
        if not item.listed:
            found.append(_added(item, doc))
        elif not item.uses and prints.agendas:
            agendas = " or ".join(f"'{a}'" for a in prints.agendas)
            found.append(
                Problem(
                    f"'{item.id}' is {NOT_USED} of the agenda {agendas}: it is still printed",
                    at,
                    field=field,
                    hint="add it to a session's print: list in the agenda, or remove it here",
                    severity="warning",
                )
            )
        if item.short:
            rules = " and ".join(PER_TEXT[r] for r in item.rules)
            found.append(
                Problem(
                    f"the spec prints {item.given} of '{item.id}' but its sessions need "
                    f"{item.needed} ({rules})",
                    at,
                    field=field,
                    hint="raise its copies, or leave them out to print what the sessions need",
                    severity="warning",
                )
            )
        if item.copies is None:
            found.append(_uncounted(item, doc))
    return found


def _added(item: Printout, doc: YamlDocument) -> Problem:
    first, key = item.uses[0], f"{item.kind}s"
    used = f"'{first.label}' of the agenda '{first.agenda}'" if first.agenda else first.label
    return Problem(
        f"'{item.id}' ({item.title}) is used in {used} but the spec does not list it: "
        f"added to the pack's {key}, {item.copies_text}",
        doc.locate((key,) if key in doc.data else ()),
        hint=f"list it under {key} in the spec to choose its copies",
        severity="warning",
    )


def _uncounted(item: Printout, doc: YamlDocument) -> Problem:
    missing = [f"{r}s" for r in item.rules if r in ("participant", "group")]
    return Problem(
        f"'{item.id}' is printed {item.rule}, but the spec does not say how many "
        + " or ".join(missing)
        + " there are, so the checklist gives no number of copies",
        doc.locate(()),
        hint="add " + " and ".join(f"'{m}: N'" for m in missing) + " to the spec",
        severity="warning",
    )


def print_json(
    prints: PrintPlan, files: Sequence[PackFile], formats: Sequence[str]
) -> list[dict[str, Any]]:
    """The print plan as the manifest lists it: each item, its copies, file and sessions."""
    found = []
    for item in prints.items:
        file = next(
            (
                f
                for f in files
                if f.audience != "facilitator" and item.id in f.items and f.kind != "agenda"
            ),
            None,
        )
        path = None
        if file is not None:
            path = f"{file.stem}.pdf" if "pdf" in formats else file.name
        found.append(
            {
                "id": item.id,
                "title": item.title,
                "kind": item.kind,
                "file": path,
                "copies": item.copies,
                "copies_text": item.copies_text,
                "listed_in_spec": item.listed,
                "used_in": [
                    {"agenda": u.agenda, "session": u.session, "title": u.label, "time": u.slot}
                    for u in item.uses
                ],
            }
        )
    return found
