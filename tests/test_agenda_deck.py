"""Slide references in facilitator agendas match the deck `kit build-deck` builds.

The numbers come from `render.deck.slide_numbers` of a deck plan built with the same options
(organisation, agenda, start), so the agenda and the deck cannot disagree.
"""

from __future__ import annotations

import pytest

from compassion_kit.build import AgendaOptions, DeckOptions, build_agenda, deck_request
from compassion_kit.errors import ProblemLog
from compassion_kit.library import Library, load_library
from compassion_kit.render._agenda_slides import join_and
from compassion_kit.render.agenda import plan_agenda
from test_agenda_plan import fixture_library, make_request, notes_of, row_titled

deck = pytest.importorskip("compassion_kit.render.deck", reason="render/deck.py is not written yet")


def deck_numbers(library: Library, modules: tuple[str, ...], agenda_id: str) -> dict[str, int]:
    """Slide numbers of the deck built for `modules`, the way `kit build-deck` builds it."""
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


def test_bundled_improvement_planning_names_the_slides_of_the_deck_built() -> None:
    library = load_library()
    if "improvement-planning" not in library.entries:
        pytest.skip("improvement-planning is not in content/ yet")
    agenda = library.get("improvement-planning")
    assert agenda.kind == "agenda"
    modules = tuple(agenda.deck)
    numbers = deck_numbers(library, modules, "improvement-planning")
    options = AgendaOptions(facilitator=True, deck=modules, format="md")
    result, data = build_agenda("improvement-planning", None, options, library)
    text = data.decode("utf-8")
    for session in agenda.sessions:
        if session.slides and all(s in numbers for s in session.slides):
            label = "Slide" if len(session.slides) == 1 else "Slides"
            listed = join_and([str(numbers[s]) for s in session.slides])
            assert f"> **{label}:** {listed}\n" in text
    assert result.warnings == ()
