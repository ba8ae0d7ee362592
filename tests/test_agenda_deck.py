"""Slide references in facilitator agendas match the deck they are used with.

With module ids (`--deck MODULE`) the numbers come from `render.deck.slide_numbers` of the
deck `kit build-deck MODULE` plans with the same options; with a built deck (`--deck
DECK.pptx`) from the slide ids the kit wrote into it, so the agenda and the deck cannot
disagree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from compassion_kit.build import (
    AgendaOptions,
    DeckOptions,
    build_agenda,
    build_deck,
    deck_request,
)
from compassion_kit.errors import ProblemLog
from compassion_kit.library import SLIDE_TOKEN, Library, load_library
from compassion_kit.model import Agenda
from compassion_kit.render.agenda import plan_agenda
from compassion_kit.render.slide_refs import join_and
from test_agenda_plan import fixture_library, make_request, notes_of, row_titled, slide_titles

deck = pytest.importorskip("compassion_kit.render.deck", reason="render/deck.py is not written yet")


def deck_numbers(
    library: Library, modules: tuple[str, ...], agenda_id: str | None
) -> dict[str, int]:
    """Slide numbers of the deck built for `modules` (and `agenda_id`, when given), the way
    `kit build-deck` builds it."""
    log = ProblemLog()
    request = deck_request(library, modules, DeckOptions(agenda=agenda_id), log)
    assert request is not None, [str(p) for p in log.problems]
    numbers: dict[str, int] = deck.slide_numbers(deck.plan_deck(request))
    return numbers


def test_fixture_agenda_names_the_slide_numbers_of_the_fixture_deck() -> None:
    library = fixture_library()
    numbers = deck_numbers(library, ("fixture-deck",), "fixture-planning-day")
    plan = plan_agenda(make_request("facilitator", numbers=numbers))
    refresh = notes_of(row_titled(plan, "Refreshing the approach"))
    a, b, other = (numbers[s] for s in ("fx-infographic-a", "fx-infographic-b", "fx-another-way"))
    assert refresh["Slides"].text == f"{a} and {b}"
    assert (
        f"showing slides {a} and {b} (the infographics), then slide {other} " in refresh["How"].text
    )
    assert plan.warnings == ()


def agendas_with_decks() -> list[str]:
    """Bundled agendas that name the deck modules they are run with."""
    library = load_library()
    return [a.id for a in library.items("agenda") if isinstance(a, Agenda) and a.deck]


def referenced_slides(agenda: Agenda) -> set[str]:
    """Every slide an agenda points at: `slides:` lists and {slide:ID} tokens in notes."""
    found = {s for session in agenda.sessions for s in session.slides}
    for session in agenda.sessions:
        note = session.facilitator
        if note is not None:
            texts = [note.purpose, note.how, note.produce or "", *note.ready]
            found.update(SLIDE_TOKEN.findall(" ".join(texts)))
    return found


@pytest.mark.parametrize("agenda_id", agendas_with_decks())
def test_bundled_agenda_names_the_slides_of_the_deck_built(agenda_id: str) -> None:
    library = load_library()
    agenda = library.get(agenda_id)
    assert isinstance(agenda, Agenda)
    modules = tuple(agenda.deck)
    numbers = deck_numbers(library, modules, None)  # as `kit build-deck MODULE` alone builds it
    options = AgendaOptions(facilitator=True, deck=modules, format="md")
    result, data = build_agenda(agenda_id, None, options, library)
    text = data.decode("utf-8")
    for session in agenda.sessions:
        if session.slides:
            label = "Slide" if len(session.slides) == 1 else "Slides"
            listed = join_and([str(numbers[s]) for s in session.slides])
            assert f"> **{label}:** {listed}\n" in text
    assert result.warnings == ()


@pytest.mark.parametrize("agenda_id", agendas_with_decks())
def test_numbers_point_at_the_right_slides_of_the_built_pptx(
    tmp_path: Path, agenda_id: str
) -> None:
    """End to end: build the real deck and read each referenced slide's title back."""
    library = load_library()
    agenda = library.get(agenda_id)
    assert isinstance(agenda, Agenda)
    modules = tuple(agenda.deck)
    path = tmp_path / "deck.pptx"
    build_deck(modules, path, DeckOptions(agenda=agenda_id), library)
    titles = [
        s.shapes.title.text if s.shapes.title is not None else ""
        for s in Presentation(str(path)).slides
    ]
    numbers = deck_numbers(library, modules, agenda_id)
    for slide_id in referenced_slides(agenda):
        assert titles[numbers[slide_id] - 1] == slide_titles(library)[slide_id], slide_id


def test_a_deck_without_the_agendas_slides_is_one_warning_also_for_markdown_on_stdout() -> None:
    from typer.testing import CliRunner

    from compassion_kit.cli import app

    args = ["agenda", "improvement-planning", "--facilitator", "--deck", "intro", "--format", "md"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0
    (line,) = [w for w in result.stderr.splitlines() if w.startswith("warning:")]
    assert line.startswith("warning: slides 'ipd-welcome', 'ipd-gratitude', ")
    assert line.endswith(
        "and 'ipd-feedback' are not in the deck given with --deck; the agenda names them by title"
    )
    assert "\u201cWhat a good aim says\u201d" in result.stdout  # named by title instead
