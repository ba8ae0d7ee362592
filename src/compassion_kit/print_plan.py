"""The print plan: which worksheets and handouts to print, how many copies, and who uses them.

One plan feeds the facilitator agenda's run sheet, a pack's checklist.md and its manifest.json,
so the three always agree. Pure: model objects in, plain records out; no files, no wording of
the documents that show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compassion_kit.model.workshop import Printed
    from compassion_kit.timing import Schedule

# Copy rules of an agenda's `print:` items, in the order a combined rule is said.
PER_TEXT = {
    "participant": "one per participant",
    "group": "one per group",
    "facilitator": "one per facilitator",
    "room": "one for the room",
}
NOT_USED = "not used in any session"
SET_IN_SPEC = "set in the spec"


@dataclass(frozen=True)
class Counts:
    """How many people, groups and facilitators the day has; None where nobody said."""

    participants: int | None = None
    groups: int | None = None
    facilitators: int | None = None

    def of(self, per: str) -> int | None:
        """Copies one copy rule asks for ('room' is always one)."""
        if per == "room":
            return 1
        return {"participant": self.participants, "group": self.groups}.get(per, self.facilitators)


@dataclass(frozen=True)
class Use:
    """One session that hands an item out."""

    agenda: str  # agenda id; "" for a deck slide outside every session
    session: str  # session id, or the slide's id
    label: str  # the session's title (with its agenda's title when a pack has several)
    slot: str  # "09:30-09:50"; "" for a deck slide


@dataclass(frozen=True)
class Printout:
    """One worksheet or handout to print for the day.

    `copies` is the number to print (None when it depends on a count nobody gave); `given`
    is what the spec set, `needed` what the sessions' copy rules (`rules`) add up to.
    `listed` is False for an item only an agenda names, which the pack adds by itself.
    """

    id: str
    title: str
    kind: str  # "worksheet" or "handout" ("" when unknown, e.g. an agenda built alone)
    copies: int | None
    rules: tuple[str, ...]  # "participant", "group", ...: the copy rules that apply
    uses: tuple[Use, ...]
    listed: bool = True
    given: int | None = None
    needed: int | None = None

    @property
    def rule(self) -> str:
        """'one per group and one for the room'; 'set in the spec' when the spec decides."""
        if self.given is not None and self.given != self.needed:
            return SET_IN_SPEC
        return " and ".join(PER_TEXT[r] for r in self.rules)

    @property
    def copies_text(self) -> str:
        """'6 copies (one per group and one for the room)', or the rule alone without a number."""
        if self.copies is None:
            return self.rule
        count = f"{self.copies} {'copy' if self.copies == 1 else 'copies'}"
        return f"{count} ({self.rule})"

    @property
    def used_in(self) -> tuple[str, ...]:
        """The labels of the sessions that use it, in the order of the day."""
        return tuple(u.label for u in self.uses)

    @property
    def short(self) -> bool:
        """The spec prints fewer copies than the sessions' copy rules need."""
        return self.given is not None and self.needed is not None and self.given < self.needed


@dataclass(frozen=True)
class PrintPlan:
    """Every item to print, in the order of the day: first use first, unused items last.

    `agendas` are the agendas whose sessions were read; with none, no item is "unused".
    """

    items: tuple[Printout, ...] = ()
    agendas: tuple[str, ...] = field(default_factory=tuple)

    def ids(self, kind: str | None = None) -> tuple[str, ...]:
        """Ids of the items of `kind` (every item with None), in plan order."""
        return tuple(p.id for p in self.items if kind is None or p.kind == kind)

    def used_in_text(self, item: Printout) -> str:
        """Where the item is used, as one line: sessions, or that no session uses it."""
        if item.uses:
            return "; ".join(item.used_in)
        return NOT_USED if self.agendas else ""

    @property
    def added(self) -> tuple[Printout, ...]:
        """Items an agenda hands out that the spec did not list."""
        return tuple(p for p in self.items if not p.listed)

    @property
    def unused(self) -> tuple[Printout, ...]:
        """Items the spec lists that no session of its agendas uses (none without an agenda)."""
        return tuple(p for p in self.items if not p.uses) if self.agendas else ()


def plan_prints(
    schedules: Sequence[Schedule],
    titles: Mapping[str, str],
    *,
    kinds: Mapping[str, str] | None = None,
    chosen: Iterable[Printed] | None = None,
    counts: Counts | None = None,
    exercises: Iterable[tuple[str, str, str]] = (),
) -> PrintPlan:
    """The print plan of a day run by `schedules`, with the spec's `chosen` items.

    Items come from the sessions' `print:` lists, from the deck's `exercises` (slide id, slide
    title, worksheet id: used in the session showing the slide, else by the slide itself) and
    from `chosen` (a spec's worksheets and handouts; None for an agenda planned without a spec,
    whose items then all count as listed). Copies: what the spec set, else the sessions' copy
    rules added up (one per group and one for the room: groups + 1), else one per participant.
    `titles` and `kinds` map ids to titles and kinds; an unknown id is its own title.
    """
    kinds = kinds or {}
    counts = counts or Counts()
    uses, rules = _session_uses(schedules)
    for slide, title, item_id in exercises:
        shown = _slide_uses(schedules, slide)
        found = uses.setdefault(item_id, [])
        deck = Use("", slide, f"deck slide '{title}'", "")
        found += [u for u in shown or [deck] if u not in found]
    given = {p.id: p.copies for p in chosen} if chosen is not None else {}
    items = []
    for item_id in [*uses, *(i for i in given if i not in uses)]:
        applied = tuple(r for r in PER_TEXT if r in rules.get(item_id, ()))
        wanted = [counts.of(r) for r in applied]
        needed = None if None in wanted or not applied else sum(w or 0 for w in wanted)
        spec_copies = given.get(item_id)
        fallback = needed if applied else counts.participants
        items.append(
            Printout(
                id=item_id,
                title=titles.get(item_id, item_id),
                kind=kinds.get(item_id, ""),
                copies=spec_copies if spec_copies is not None else fallback,
                rules=applied or ("participant",),  # no session's rule: one per participant
                uses=tuple(uses.get(item_id, ())),
                listed=chosen is None or item_id in given,
                given=spec_copies,
                needed=needed,
            )
        )
    return PrintPlan(tuple(items), tuple(t.agenda.id for t in schedules))


def _label(timed: Schedule, title: str, several: bool) -> str:
    return f"{title} ({timed.agenda.title})" if several else title


def _session_uses(
    schedules: Sequence[Schedule],
) -> tuple[dict[str, list[Use]], dict[str, set[str]]]:
    """Item id -> the sessions printing it, in the order of the day, and -> their copy rules."""
    uses: dict[str, list[Use]] = {}
    rules: dict[str, set[str]] = {}
    several = len(schedules) > 1
    for timed in schedules:
        for slot in timed.sessions:
            label = _label(timed, slot.session.title, several)
            use = Use(timed.agenda.id, slot.session.id, label, slot.slot)
            for printed in slot.session.print:
                found = uses.setdefault(printed.item, [])
                if use not in found:
                    found.append(use)
                rules.setdefault(printed.item, set()).add(printed.per)
    return uses, rules


def _slide_uses(schedules: Sequence[Schedule], slide: str) -> list[Use]:
    """The sessions that show `slide`."""
    several = len(schedules) > 1
    return [
        Use(t.agenda.id, s.session.id, _label(t, s.session.title, several), s.slot)
        for t in schedules
        for s in t.sessions
        if slide in s.session.slides
    ]
