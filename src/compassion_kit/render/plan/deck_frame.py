"""The slides the kit adds around the content: title, agenda, module dividers and closing.

Owns their wording and structure, before anything is measured (pure, like `deck_kinds.py`);
an agenda deck's session dividers, holding and break slides are `deck_spine.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.model.common import ELEMENT_NAMES
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_spec import (
    SMALL_PT,
    BoxDraft,
    Draft,
    Para,
    PictureSpec,
    Run,
    para,
)
from compassion_kit.timing import clock

if TYPE_CHECKING:
    from compassion_kit.model import DeckModule, Organisation
    from compassion_kit.timing import Schedule

SUBTITLE_PT = design().subtitle  # the organisation's name on the title slide
# A name longer than this takes the subtitle and the top of the details box (two or three
# lines at the 18 pt floor), so the details share one line beneath it.
LONG_NAME = 90
NO_SUPPORT_TEXT = (
    "Talk to your line manager, a colleague you trust or your occupational health team."
)


def title_draft(
    title: str, org: Organisation, date: str | None, venue: str | None, facilitator: str | None
) -> Draft:
    """The opening slide: title, organisation, and the details that were given."""
    labelled = (("Date", date), ("Venue", venue), ("Facilitator", facilitator))
    given = [(label, value) for label, value in labelled if value]
    details = tuple(Para((Run(f"{k}: ", bold=True), Run(v)), space_before=0.2) for k, v in given)
    if len(org.name) > LONG_NAME and given:  # the name takes room: the details share a line
        runs = [(Run(f"{label}: ", bold=True), Run(value)) for label, value in given]
        joined = [run for n, pair in enumerate(runs) for run in ((Run("   "),) * (n > 0) + pair)]
        details = (Para(tuple(joined), space_before=0.2),)
    # A line per language of a bilingual name ("Welsh / English"); a name too long for the
    # subtitle even at the floor moves to the top of the taller details box.
    names = tuple(para(part.strip()) for part in org.name.split(" / ") if part.strip())
    boxes = [BoxDraft("Subtitle", names, target=SUBTITLE_PT, spill_to="Details")]
    boxes.append(BoxDraft("Details", details, target=SMALL_PT))
    notes = (
        f"Welcome everyone to {title}. Introduce yourself and {org.name}, say how long "
        "the session runs and where the breaks, toilets and fire exits are."
    )
    return Draft("#title", "Kit Title", title, notes, tuple(boxes), stamp="#first")


def agenda_drafts(schedule: Schedule) -> tuple[Draft, ...]:
    """The agenda slide: each session's clock times (from the schedule) and title; two slides
    ("Agenda (cont.)") when a long day's sessions would put more
    words on one slide than the design allows; split where the halves' words are closest."""
    rows = [
        Para(
            (Run(f"{clock(t.start)}\u2013{clock(t.end)}", bold=True), Run(f"  {t.session.title}")),
            space_before=0.3,
        )
        for t in schedule.sessions
    ]
    words = [sum(len(run.text.split()) for run in row.runs) for row in rows]
    parts = [rows]
    if sum(words) > design().max_words and len(rows) > 1:
        cut = min(range(1, len(rows)), key=lambda i: abs(sum(words[:i]) - sum(words[i:])))
        parts = [rows[:cut], rows[cut:]]
    notes = (
        f"Walk through the day: it runs from {clock(schedule.start)} to "
        f"{clock(schedule.end)} ({schedule.total_minutes} minutes). Point out the breaks."
    )
    return tuple(
        Draft(
            "#agenda" if page == 1 else f"#agenda#{page}",
            "Kit Agenda",
            "Agenda" if page == 1 else "Agenda (cont.)",
            notes if page == 1 else "The rest of the day.",
            (BoxDraft("Body", tuple(part)),),
            stamp="#first",
        )
        for page, part in enumerate(parts, start=1)
    )


def section_draft(module: DeckModule, part: int | None) -> Draft:
    """A divider before each module, with only what participants need to see.

    With several modules the title is "Part N: <module title>"; a deck of one module already
    shows that title on its title slide, so its divider is "About this session" with the
    module's title beneath (slide titles stay unique for screen-reader users, KIT004). The
    four elements also name their element; the summary written for the kit's user goes into
    the notes (and `kit show`), never onto the slide.
    """
    paras = [] if part else [para(module.title, bold=True)]
    if module.element not in ("intro", "related"):
        paras.append(para(ELEMENT_NAMES[module.element], space_before=0.3 * bool(paras)))
    notes = f"This section is '{module.title}'. " + (
        module.summary or "Introduce what the group will do in it."
    )
    return Draft(
        f"#section:{module.id}",
        "Kit Section",
        f"Part {part}: {module.title}" if part else "About this session",
        notes,
        (BoxDraft("Body", tuple(paras), target=SMALL_PT),),
        stamp=module.slides[0].id,
    )


def closing_draft(org: Organisation, qr_box: tuple[int, int, int, int] | None) -> Draft:
    """The last slide: wellbeing signposting and, with a survey URL, the feedback QR code."""
    paras = [para("If today brought anything up, support is here:")]
    for contact in org.support:
        paras.append(
            Para(
                (Run(f"{contact.name}: ", bold=True), Run(contact.contact)),
                bullet="bullet",
                space_before=0.4,
            )
        )
    if not org.support:
        paras.append(para(NO_SUPPORT_TEXT, bullet="bullet", space_before=0.4))
    pictures: tuple[PictureSpec, ...] = ()
    if org.survey_url:
        # Links get paragraphs of their own: LibreOffice (24.x) draws a link that follows
        # plain text in the same paragraph in the text colour, not the link colour.
        paras.append(para("Tell us what you thought", link=org.survey_url, space_before=0.8))
        paras.append(para("or scan the QR code."))
        if qr_box is not None:
            pictures = (
                PictureSpec(
                    "qr", qr_box, "QR code for the feedback survey on this session", org.survey_url
                ),
            )
    notes = (
        "Thank everyone for taking part. Point out the support on the slide and remind "
        "people that it is fine to use it"
        + (
            ", and ask them to fill in the feedback survey before they leave."
            if org.survey_url
            else "."
        )
    )
    return Draft(
        "#closing",
        "Kit Closing",
        "Thank you",
        notes,
        (BoxDraft("Body", tuple(paras)),),
        pictures,
        stamp="#last",
    )
