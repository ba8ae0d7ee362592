"""`kit agenda`: a participant or facilitator agenda, as Word or Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit import requests
from compassion_kit.build._written import finish
from compassion_kit.errors import Problem, ProblemLog
from compassion_kit.inputs import note_input
from compassion_kit.library import Library, load_library
from compassion_kit.records import FileRecord

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand


@dataclass(frozen=True)
class AgendaOptions:
    """Everything `kit agenda` can be told besides the id and output path."""

    facilitator: bool = False
    start: str | None = None
    date: str | None = None
    venue: str | None = None
    org: Path | None = None
    deck: tuple[str, ...] = ()
    deck_title: str | None = None
    format: str = "docx"
    content: tuple[Path, ...] = ()
    template: Path | None = None  # the organisation's Word template (.docx or .dotx)
    force: bool = False  # write through `out` when it is a symbolic link


def build_agenda(
    agenda_id: str,
    out: Path | None,
    options: AgendaOptions | None = None,
    library: Library | None = None,
) -> tuple[FileRecord, bytes]:
    """Build a participant or facilitator agenda (.docx, or Markdown when format is md).

    Returns the result and the bytes (so Markdown can go to stdout when `out` is None).

    Raises:
        KitError: every problem in the inputs; nothing is written.
    """
    options = options or AgendaOptions()
    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    timed = requests.schedule_of(library, agenda_id, options.start, log)
    requests.check_option_text(log, date=options.date, venue=options.venue)
    brand, logo = requests.brand_and_logo(options.org, log)
    requests.note_document_template(options.template)  # never written over
    numbers = _slide_numbers(library, options, agenda_id, brand, logo, log)
    log.raise_if_any()
    assert timed is not None and brand is not None
    audience = "facilitator" if options.facilitator else "participant"
    request = requests.agenda_request(
        timed,
        brand,
        logo,
        audience=audience,
        slide_numbers=numbers,
        titles=(requests.slide_titles(library), requests.item_titles(library)),
        date=options.date,
        venue=options.venue,
    )
    rendered = requests.render_agenda(request, options.format, options.template)
    result = finish(out, rendered, ("agenda", [agenda_id], audience), log, options.force)
    return result, rendered.data


def _slide_numbers(
    library: Library,
    options: AgendaOptions,
    agenda_id: str,
    brand: Brand | None,
    logo: Logo | None,
    log: ProblemLog,
) -> dict[str, int] | None:
    """Slide numbers of the deck given with --deck: read from a built .pptx (the ids the kit
    wrote into it), else those of the deck `kit build-deck MODULE...` builds with the same
    options (no --agenda: give the built .pptx for a deck built for an agenda)."""
    if not options.deck or brand is None:
        return None
    built = [d for d in options.deck if d.lower().endswith(".pptx")]
    if built:
        return _built_numbers(options.deck, log)
    from compassion_kit.render.deck import plan_deck, slide_numbers

    deck_options = requests.DeckOptions(
        org=options.org,
        title=options.deck_title,
        date=options.date,
        venue=options.venue,
    )
    request = requests.deck_request(library, options.deck, deck_options, log, brand, logo)
    if request is None:
        return None
    return slide_numbers(plan_deck(request))


def _built_numbers(decks: tuple[str, ...], log: ProblemLog) -> dict[str, int] | None:
    """The slide numbers of the one built deck in `decks`; a problem when there are others."""
    from compassion_kit.check.deck_ids import built_slides, slide_numbers_of

    if len(decks) > 1:
        log.add(
            Problem(
                "give either one built deck (.pptx) or deck module ids, not both",
                field="--deck",
                hint="give only the .pptx the kit built, e.g. --deck deck.pptx",
            )
        )
        return None
    path = Path(decks[0])
    note_input(path)  # the agenda must never be written over the deck
    slides = log.attempt(lambda: built_slides(path))
    return slide_numbers_of(slides) if slides is not None else None
