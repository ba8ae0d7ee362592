"""Agendas as Markdown (`--format md`), for emails, wikis and pipelines."""

from __future__ import annotations

import dataclasses

from compassion_kit.render.agenda import (
    AgendaPlan,
    AgendaRow,
    Note,
    plan_agenda,
    write_agenda_markdown,
)
from test_agenda_plan import NUMBERS, make_request


def markdown(audience: str, numbers: dict[str, int] | None = NUMBERS) -> str:
    rendered = write_agenda_markdown(plan_agenda(make_request(audience, numbers=numbers)))
    assert rendered.kind == "md"
    return rendered.data.decode("utf-8")


def test_participant_markdown_is_title_details_and_a_table() -> None:
    text = markdown("participant")
    assert text.startswith(
        "# Fixture planning workshop\n\nParticipant agenda\n\n"
        "- **Organisation:** Your organisation\n"
        "- **Date:** Tuesday 3 March 2026\n"
        "- **Venue:** Seminar room 2, Education Centre\n"
        "- **Time:** 09:30 to 13:10\n\n## Agenda\n\n"
        "| Time | Session | What happens |\n| --- | --- | --- |\n"
        "| 09:30 to 09:50 | Arrival, registration and coffee | Introduction and welcome, "
        "icebreaker and the plan for the day. |\n"
    )
    assert "| 13:05 to 13:10 | Workshop close |  |\n" in text
    assert text.endswith("\n---\n\nSource: Fixture source pack, Test Publisher, 2020, item 3.6\n")


def test_participant_markdown_has_no_facilitator_sections() -> None:
    text = markdown("participant")
    for absent in ("Run sheet", "Facilitator notes", "FACILITATOR-ONLY", "Purpose", "slide"):
        assert absent not in text


def test_facilitator_markdown_has_run_sheet_and_quoted_notes() -> None:
    text = markdown("facilitator")
    assert (
        "## Run sheet\n\n**Total time:** 3 hours 40 minutes, 09:30 to 13:10, including "
        "45 minutes of breaks\n" in text
    )
    assert (
        "### Materials for the day\n\n- Name badges\n- Flip chart and pens\n- Sticky notes\n"
        in text
    )
    assert (
        "| Fixture action plan (`fixture-worksheet`) | one per group and one for the room | "
        "Arrival, registration and coffee; Defining our focus; Ideas generation |" in text
    )
    assert "| 11:20 to 12:05 | 45 | Lunch |" in text
    assert (
        "### 09:50 to 10:20: Refreshing the approach\n\nWhat are we all here for again?\n\n"
        "> **Facilitator notes**\n>\n"
        "> **Purpose:** Remind everyone of the approach (FACILITATOR-ONLY-PURPOSE-2).\n>\n"
        "> **How:** Consider showing slides 3 and 4 (the infographics), then slide 5 "
        "(FACILITATOR-ONLY-HOW-2).\n>\n"
        "> **By the end:** A shared reminder of the approach (FACILITATOR-ONLY-PRODUCE-2).\n>\n"
        "> **Slides:** 3 and 4\n"
    ) in text
    assert "> **Have ready:**\n> - Sign-in sheet (FACILITATOR-ONLY-READY-1)\n" in text


def test_markdown_without_a_deck_names_slides_by_title() -> None:
    assert (
        "> **Slides:** \u201cStaff experience in numbers\u201d and \u201cPatient experience "
        "in numbers\u201d\n" in markdown("facilitator", numbers=None)
    )


def test_markdown_escapes_text_that_would_change_the_layout() -> None:
    plan = plan_agenda(make_request("facilitator"))
    row = AgendaRow(
        "09:00 to 09:30",
        30,
        "Pipes | and *stars*",
        "session",
        "1. not a list",
        (Note("How", "use_under_scores", ("- not nested",)),),
    )
    plan = dataclasses.replace(plan, rows=(row,), title="# Not a second heading")
    text = write_agenda_markdown(plan).data.decode()
    assert text.startswith("# \\# Not a second heading\n")
    assert "| 09:00 to 09:30 | 30 | Pipes \\| and \\*stars\\* |" in text
    assert "\n1\\. not a list\n" in text
    assert "> **How:** use\\_under\\_scores\n> - \\- not nested\n" in text


def test_markdown_is_utf8_and_deterministic() -> None:
    first = write_agenda_markdown(plan_agenda(make_request("facilitator", numbers=None))).data
    second = write_agenda_markdown(plan_agenda(make_request("facilitator", numbers=None))).data
    assert first == second
    assert "\u201c".encode() in first


def test_markdown_carries_the_plan_warnings() -> None:
    numbers = {k: v for k, v in NUMBERS.items() if k != "fx-fishbone"}
    plan: AgendaPlan = plan_agenda(make_request("facilitator", numbers=numbers))
    assert write_agenda_markdown(plan).warnings == (
        "slide 'fx-fishbone' is not in the deck given with --deck; the agenda names it by title",
    )
