"""The bundled library: every catalogue item, complete, in our own words."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import Agenda, DeckModule
from compassion_kit.timing import clock, schedule

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
runner = CliRunner()
LIBRARY = load_library()


def _catalogue() -> dict[str, str]:
    """id -> kind from ../shared/CATALOGUE.md."""
    text = (SHARED / "CATALOGUE.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z0-9-]+)` \| (deck|agenda|worksheet|handout) \|", text, re.M))


@pytest.mark.skipif(not (SHARED / "CATALOGUE.md").exists(), reason="needs ../shared")
def test_every_catalogue_id_still_names_an_item_of_its_kind():
    # Catalogue ids are stable: each is listed, or is the former id (alias) of an item of the
    # same kind. The kit may add items the catalogue does not list yet.
    result = runner.invoke(app, ["list", "--json"])
    assert result.exit_code == 0, result.stderr
    listed = {row["id"]: row["kind"] for row in json.loads(result.stdout)}
    for item_id, kind in _catalogue().items():
        current = LIBRARY.aliases.get(item_id, item_id)
        assert listed.get(current) == kind, f"catalogue id {item_id} ({kind})"
    assert not set(LIBRARY.aliases) & set(listed), "an alias is listed as an item"


def test_list_filters_by_kind_and_element():
    rows = json.loads(runner.invoke(app, ["list", "--json", "--kind", "deck"]).stdout)
    assert rows and {r["kind"] for r in rows} == {"deck"}
    rows = json.loads(runner.invoke(app, ["list", "--json", "--element", "3"]).stdout)
    in_folder = len(list((ROOT / "content" / "element-3").glob("*.yaml")))
    assert {r["element"] for r in rows} == {"3"} and len(rows) == in_folder


@pytest.mark.skipif(not (SHARED / "tools" / "seed_overlap.py").exists(), reason="needs ../shared")
def test_content_is_in_our_own_words():
    tool = SHARED / "tools" / "seed_overlap.py"
    result = subprocess.run(
        [sys.executable, str(tool), str(ROOT / "content")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("deck_id", LIBRARY.ids("deck"))
def test_decks_have_8_to_20_slides_each_with_notes(deck_id: str):
    deck = LIBRARY.get(deck_id)
    assert isinstance(deck, DeckModule)
    assert 8 <= len(deck.slides) <= 20
    for slide in deck.slides:
        assert len(slide.notes.split()) >= 25, f"{slide.id} needs fuller presenter notes"


def _times(agenda_id: str) -> list[str]:
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda)
    timed, problems = schedule(agenda)
    assert problems == []
    return [clock(t.start) for t in timed.sessions] + [clock(timed.end)]


def test_introductory_workshop_runs_0930_to_1315_with_break_at_1115():
    times = _times("introductory-workshop")
    assert times[0] == "09:30" and times[-1] == "13:15"
    agenda = LIBRARY.get("introductory-workshop")
    assert isinstance(agenda, Agenda)
    breaks = [t for t, s in zip(times, agenda.sessions, strict=False) if s.kind == "break"]
    assert breaks == ["11:15"]


def test_improvement_planning_keeps_the_source_times():
    times = _times("improvement-planning")
    assert times == [
        "09:30",
        "09:50",
        "10:20",
        "11:20",
        "12:15",
        "13:00",
        "14:00",
        "14:45",
        "15:15",
    ]
    agenda = LIBRARY.get("improvement-planning")
    assert isinstance(agenda, Agenda)
    lunch = agenda.sessions[4]
    assert lunch.kind == "break" and lunch.minutes == 45


def test_community_conversation_is_5_5_30_15_5_minutes():
    agenda = LIBRARY.get("community-conversation")
    assert isinstance(agenda, Agenda)
    assert [s.minutes for s in agenda.sessions] == [5, 5, 30, 15, 5]


@pytest.mark.parametrize("agenda_id", LIBRARY.ids("agenda"))
def test_every_agenda_session_has_participant_text_and_annotation(agenda_id: str):
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda)
    for session in agenda.sessions:
        assert session.participant, session.id
        if session.kind != "break":
            assert session.facilitator is not None, session.id


def test_leadership_deck_has_the_slides_the_facilitator_agenda_points_at():
    deck = LIBRARY.get("leadership-management")
    assert isinstance(deck, DeckModule)
    ids = {s.id for s in deck.slides}
    assert {"lm-infographic-1", "lm-infographic-2", "lm-another-way", "lm-approach"} <= ids
    assert {s.kind for s in deck.slides if s.id.startswith("lm-infographic")} == {"figures"}


def test_feedback_form_has_every_rating_row_with_five_options_and_why():
    sheet = LIBRARY.get("feedback-form")
    ticks = [b for b in sheet.blocks if b.kind == "ticks"]  # type: ignore[union-attr]
    rows = [row.lower() for b in ticks for row in b.rows]
    for words in (
        "useful",
        "model",
        "staff experience",
        "the aim",
        "actions",
        "effective",
        "again",
    ):
        assert any(words in row for row in rows), words
    assert all(len(b.options) == 5 and b.why for b in ticks)


@pytest.mark.parametrize("item_id", LIBRARY.ids())
def test_kit_show_prints_a_readable_outline(item_id: str):
    result = runner.invoke(app, ["show", item_id])
    assert result.exit_code == 0, result.stderr
    assert LIBRARY.get(item_id).title in result.stdout
    assert "source: " in result.stdout
