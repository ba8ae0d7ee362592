"""The agenda as the spine of a deck: sessions in order, each with a divider, its slides or a
holding slide; breaks; module slides no session lists kept as hidden extras at the end.

Owns which slides a deck built for an agenda shows, in which order, and the wording of the
generated divider, holding, break and extras slides. Fitting and notes stamping are `deck.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_spec import SMALL_PT, BoxDraft, Draft, para
from compassion_kit.render.plan.words import lead_sentences
from compassion_kit.timing import clock

if TYPE_CHECKING:
    from compassion_kit.model import Agenda, DeckModule
    from compassion_kit.model.deck import Slide
    from compassion_kit.render.plan.deck_spec import Para, SlideSpec
    from compassion_kit.timing import Schedule, TimedSession

# A session this long or longer opens with a divider before its slides; a shorter one goes
# straight to its slides (a divider for a five-minute slot is only one more click).
DIVIDER_MINUTES = 10
EXTRA = "#extra"  # the stamp of hidden extra slides: they get no time slot
SESSION_STAMP = "@"  # "@3": stamped with the time slot of the agenda's session 3 (0-based)
SlideDraft = Callable[["Slide"], Draft]
# Agenda notes name slides as {slide:ID} (see model/agenda.py); a run of them joined by commas
# or "and" becomes one phrase, as on the facilitator agenda ("slides 5 and 6").
_TOKEN = re.compile(r"\{slide:([a-z0-9-]+)\}")
_RUN = re.compile(r"\{slide:[a-z0-9-]+\}(?:(?:,? and |, )\{slide:[a-z0-9-]+\})*")


@dataclass(frozen=True)
class Spine:
    """The drafts of a deck built for an agenda: the timed ones in agenda order, the hidden
    extras (an "Extra slides" divider, then module slides no session lists) and warnings."""

    timed: tuple[Draft, ...]
    extras: tuple[Draft, ...]
    warnings: tuple[str, ...]


def session_stamp(index: int) -> str:
    """The `Draft.stamp` that gives a slide the time slot of the schedule's session `index`."""
    return f"{SESSION_STAMP}{index}"


def time_slot_note(stamp: str | None, schedule: Schedule | None) -> str:
    """The notes' first line for a draft stamped `stamp`: its session's time slot ("" without
    an agenda); "#first"/"#last" are the first and last sessions, `EXTRA` says untimed."""
    if schedule is None or not schedule.sessions:
        return ""
    stamp = stamp or ""
    if stamp == EXTRA:
        return "Extra slide, hidden and untimed: show it only if the group needs it.\n\n"
    if stamp == "#first":
        timed = schedule.sessions[0]
    elif stamp == "#last":
        timed = schedule.sessions[-1]
    elif stamp.startswith(SESSION_STAMP):
        timed = schedule.sessions[int(stamp.removeprefix(SESSION_STAMP))]
    else:  # a slide id: the session that lists it (every slide of an agenda's deck has one)
        timed = schedule.slot_of_slide(stamp) or schedule.sessions[0]
    return f"Time slot: {timed.slot}, {timed.session.title}.\n\n"


def spine_drafts(
    schedule: Schedule,
    modules: Sequence[DeckModule],
    pool: Mapping[str, Slide],
    slide_draft: SlideDraft,
) -> Spine:
    """The deck's middle (between the agenda slide and the closing slide) and its extras.

    Each session in order: a divider (sessions of `DIVIDER_MINUTES` or more that have
    slides), then its slides found in `pool` (slide id -> slide, from any deck module);
    a session without slides gets a holding slide, a break a break slide; arrival sessions
    show only their slides (the title and agenda slides are up while people arrive). A slide
    listed again in a later session is shown again with the id '<slide id>@<session id>'
    and "(again)" after its title.
    """
    drafts: list[Draft] = []
    warnings: list[str] = []
    shown: set[str] = set()
    titles: set[str] = set()
    for index, timed in enumerate(schedule.sessions):
        session = timed.session
        stamp = session_stamp(index)
        if session.kind == "break":
            drafts.append(_unique(break_draft(timed, stamp), titles, timed))
            continue
        slides = [pool[i] for i in session.slides if i in pool]
        unknown = [i for i in session.slides if i not in pool]
        if unknown:
            warnings.append(_unknown_warning(schedule.agenda, session.id, unknown))
        if not slides and session.kind != "arrival":
            drafts.append(_unique(holding_draft(timed, stamp), titles, timed))
            continue
        if slides and session.kind != "arrival" and session.minutes >= DIVIDER_MINUTES:
            drafts.append(_unique(divider_draft(timed, stamp), titles, timed))
        for slide in slides:
            draft = replace(slide_draft(slide), stamp=stamp)
            if slide.id in shown:  # titles stay unique for screen-reader users (KIT004)
                draft = replace(
                    draft, id=f"{slide.id}@{session.id}", title=f"{draft.title} (again)"
                )
            shown.add(slide.id)
            titles.add(draft.title)
            drafts.append(draft)
    extras, extra_warnings = _extras(schedule.agenda, modules, shown, slide_draft)
    return Spine(tuple(drafts), extras, (*warnings, *extra_warnings))


def _unique(draft: Draft, titles: set[str], timed: TimedSession) -> Draft:
    """Slide titles stay unique for screen-reader users (KIT004): a repeated one gets its time."""
    if draft.title in titles:
        draft = replace(draft, title=f"{draft.title} ({clock(timed.start)})")
    titles.add(draft.title)
    return draft


def _when(timed: TimedSession) -> Para:
    return para(f"{clock(timed.start)}\u2013{clock(timed.end)}", bold=True)


def divider_draft(timed: TimedSession, stamp: str) -> Draft:
    """The divider before a session's slides: its title, aim (participant text) and time."""
    session = timed.session
    paras = [_when(timed)]
    shown = _aim(session.participant, design().max_words - 1)
    if shown:
        paras.append(para(shown, space_before=0.3))
    return Draft(
        f"#session:{session.id}",
        "Kit Section",
        session.title,
        _facilitator_notes(timed, "This divider opens the session.", shown),
        (BoxDraft("Body", tuple(paras), target=SMALL_PT),),
        stamp=stamp,
    )


def holding_draft(timed: TimedSession, stamp: str) -> Draft:
    """The slide left up during a session that has no slides of its own: title, time, what
    the session is for in participants' words, and what is needed on the tables."""
    session = timed.session
    paras = [para(f"{clock(timed.start)}\u2013{clock(timed.end)}", bold=True)]
    needs = 2 + sum(len(m.split()) for m in session.materials) if session.materials else 0
    shown = _aim(session.participant, max(design().max_words - 1 - needs, 12))
    if shown:
        paras.append(para(shown, space_before=0.4))
    if session.materials:
        paras.append(para("You will need:", bold=True, space_before=0.6))
        paras.extend(para(m, bullet="bullet", space_before=0.2) for m in session.materials)
    return Draft(
        f"#hold:{session.id}",
        "Kit Agenda",
        session.title,
        _facilitator_notes(
            timed, "This session has no slides: leave this slide up while the group works.", shown
        ),
        (BoxDraft("Body", tuple(paras)),),
        stamp=stamp,
    )


def break_draft(timed: TimedSession, stamp: str) -> Draft:
    """A break: its title ("Break", "Lunch") and the time to be back."""
    session = timed.session
    return Draft(
        f"#break:{session.id}",
        "Kit Section",
        session.title,
        f"Tell the group when to be back: {clock(timed.end)}.",
        (BoxDraft("Body", (para(f"Back at {clock(timed.end)}", bold=True),), target=SMALL_PT),),
        stamp=stamp,
    )


def _aim(participant: str | None, words: int) -> str:
    """What a divider or holding slide shows of the session's participant text: all of it,
    or its first sentences within `words` (the notes then carry the whole)."""
    return lead_sentences(participant, words) if participant else ""


def _facilitator_notes(timed: TimedSession, lead: str, shown: str = "") -> str:
    notes = timed.session.facilitator
    parts = [lead]
    participant = timed.session.participant
    if participant and shown != participant:
        parts.append(f"The participants' agenda says: {participant}")
    if notes is not None:
        parts += [f"Purpose: {notes.purpose}", f"How: {notes.how}"]
        if notes.produce:
            parts.append(f"By the end: {notes.produce}")
    return "\n\n".join(parts)


def _extras(
    agenda: Agenda, modules: Sequence[DeckModule], shown: set[str], slide_draft: SlideDraft
) -> tuple[tuple[Draft, ...], list[str]]:
    """Module slides no session lists, as hidden drafts after an "Extra slides" divider, and
    one warning per module naming them (none for a module the agenda itself names as its deck)."""
    drafts: list[Draft] = []
    warnings: list[str] = []
    for module in modules:
        left = [s for s in module.slides if s.id not in shown]
        if not left:
            continue
        shown.update(s.id for s in left)
        drafts.extend(replace(slide_draft(s), stamp=EXTRA) for s in left)
        if module.id in agenda.deck:
            continue  # the agenda's own module: leaving slides out was its author's choice
        named = ", ".join(f"'{s.id}'" for s in left)
        warnings.append(
            f"deck module '{module.id}': slide{'s' * (len(left) > 1)} {named} "
            f"{'are' if len(left) > 1 else 'is'} in no session of the agenda '{agenda.id}', "
            "so they were put after the closing slide as hidden extra slides; list them in a "
            "session's 'slides:' in the agenda to show them, or leave the module out of the deck"
        )
    if not drafts:
        return (), warnings
    divider = Draft(
        EXTRA,
        "Kit Section",
        "Extra slides",
        "The slides after this one are hidden: they are not part of the timed plan for the "
        "day. Unhide one in PowerPoint if the group asks about its topic.",
        (BoxDraft("Body", (para("Slides kept for reference"),), target=SMALL_PT),),
        stamp=EXTRA,
    )
    return (divider, *drafts), warnings


def _unknown_warning(agenda: Agenda, session: str, unknown: list[str]) -> str:
    named = ", ".join(f"'{i}'" for i in unknown)
    return (
        f"agenda '{agenda.id}', session '{session}': no deck module in the library has "
        f"slide{'s' * (len(unknown) > 1)} {named}, so the deck leaves "
        f"{'them' if len(unknown) > 1 else 'it'} out; correct the id in the session's 'slides:'"
    )


def mode_warnings(modules: Sequence[DeckModule], agenda: Agenda) -> list[str]:
    """One warning for each deck module made for online sessions used with an in-person agenda,
    or the reverse (a `mode` of "any" fits everything)."""
    found = []
    for module in modules:
        if "any" in (module.mode, agenda.mode) or module.mode == agenda.mode:
            continue
        found.append(
            f"deck module '{module.id}' is made for {module.mode} sessions but the agenda "
            f"'{agenda.id}' is {agenda.mode}; use a deck module made for {agenda.mode} "
            f"sessions with this agenda, or an agenda made for {module.mode} ones"
        )
    return found


def number_slide_refs(slides: Sequence[SlideSpec], titles: Mapping[str, str]) -> list[SlideSpec]:
    """`slides` with each {slide:ID} in their notes replaced by its number in this deck
    ("slides 5 and 6"), or by its title in quotes when the deck does not show it."""
    numbers: dict[str, int] = {}
    for number, slide in enumerate(slides, start=1):
        numbers.setdefault(slide.id, number)

    def phrase(run: re.Match[str]) -> str:
        ids = _TOKEN.findall(run.group(0))
        if all(i in numbers for i in ids):
            listed = [str(numbers[i]) for i in ids]
            joined = (
                listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
            )
            return ("slide " if len(ids) == 1 else "slides ") + joined
        named = [
            f"slide {numbers[i]}" if i in numbers else f"\u201c{titles.get(i, i)}\u201d"
            for i in ids
        ]
        return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]

    return [
        replace(s, notes=_RUN.sub(phrase, s.notes)) if "{slide:" in s.notes else s for s in slides
    ]
