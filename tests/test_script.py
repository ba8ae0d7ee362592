"""`kit script`: a facilitator's script with one section per slide and the notes complete.

The plan is tested with plain values; one deck is scripted end to end (one LibreOffice run).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pptx import Presentation
from typer.testing import CliRunner

from compassion_kit import build
from compassion_kit.check.sources import SlideFacts, deck_slides
from compassion_kit.cli import app
from compassion_kit.render.plan.materials import exercise_materials, materials_line
from compassion_kit.render.plan.script import ScriptSession, plan_script, split_time_slot
from support.office import assert_valid_ooxml, require_tools

runner = CliRunner()
LONG_NOTES = "\n\n".join(
    f"Paragraph {n}: " + " ".join(["Say this slowly and clearly."] * 40) for n in range(12)
)


def test_the_time_slot_is_split_from_the_notes():
    notes = "Time slot: 09:30-09:50, Arrival and coffee.\n\nWelcome everyone."
    assert split_time_slot(notes) == ("09:30-09:50, Arrival and coffee", "Welcome everyone.")
    assert split_time_slot("Welcome everyone.") == ("", "Welcome everyone.")
    assert split_time_slot("Time slot: not in the agenda.\n\nMore.")[0] == "not in the agenda"


def test_every_slide_gets_a_section_with_all_its_notes():
    slides = [
        SlideFacts(1, "Welcome", "Room 4\nA. Host", "Time slot: 13:30-13:40, Welcome.\n\nHello."),
        SlideFacts(2, "", "Only text", LONG_NOTES),
        SlideFacts(3, "Close", "", ""),
    ]
    plan = plan_script("Compassion", slides)
    assert plan.title == "Facilitator's script: Compassion"
    assert [s.heading for s in plan.slides] == ["Slide 1: Welcome", "Slide 2", "Slide 3: Close"]
    assert plan.slides[0].alt == "Slide 1: Welcome. Room 4 A. Host"
    assert plan.slides[0].time_slot == "13:30-13:40, Welcome"
    assert "\n\n".join(plan.slides[1].notes) == LONG_NOTES  # never cut, however long
    assert plan.slides[2].notes == ("(No notes.)",)
    assert plan.run_sheet == (
        ("1", "Welcome", "13:30-13:40, Welcome"),
        ("2", "Slide 2", "-"),
        ("3", "Close", "-"),
    )


PANEL = "Talk in pairs\n10 minutes\nIn pairs"
NEEDS = materials_line(["Sticky notes", "Pens (one each)"])


def test_an_exercise_slide_lists_its_materials_and_session():
    assert NEEDS == "You will need: Sticky notes; Pens (one each)."
    assert exercise_materials(f"Go.\n\n{NEEDS}") == ("Sticky notes", "Pens (one each)")
    assert exercise_materials("No materials here\nPens") == ()
    slides = [
        SlideFacts(1, "Pairs", PANEL, f"Time slot: 13:30-13:40, Warm up.\n\nGo.\n\n{NEEDS}"),
        SlideFacts(2, "Aside", "", "Time slot: not in the agenda.\n\nMore."),
    ]
    plan = plan_script("Deck", slides)
    assert plan.slides[0].session == "Warm up"
    assert plan.slides[0].materials == ("Sticky notes", "Pens (one each)")
    assert (plan.slides[1].session, plan.slides[1].materials) == ("", ())
    assert plan.sessions == (("13:30-13:40", "Warm up", "Sticky notes; Pens (one each)"),)


def test_the_agendas_sessions_add_their_materials_to_every_slide_in_them():
    notes = "Time slot: 13:30-13:40, Warm up.\n\n" + materials_line(["Pens", "Sticky notes"])
    slides = [SlideFacts(1, "Pairs", PANEL, notes)]
    sessions = [
        ScriptSession("13:30-13:40", "Warm up", ("Timer", "Pens")),
        ScriptSession("13:40-14:00", "Close", ("Feedback forms",)),
    ]
    plan = plan_script("Deck", slides, sessions)
    assert plan.slides[0].materials == ("Timer", "Pens", "Sticky notes")
    assert plan.sessions == (
        ("13:30-13:40", "Warm up", "Timer; Pens; Sticky notes"),
        ("13:40-14:00", "Close", "Feedback forms"),  # listed on the cover though no slide shows it
    )


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kit deck built with an agenda (time slots in the notes), one slide's notes made long."""
    folder = tmp_path_factory.mktemp("script")
    options = build.DeckOptions(agenda="community-conversation", start="13:30")
    build.build_deck(["compassionate-leadership"], folder / "deck.pptx", options)
    prs = Presentation(str(folder / "deck.pptx"))
    notes = prs.slides[2].notes_slide.notes_text_frame
    notes.text = notes.text.split("\n")[0] + "\n\n" + LONG_NOTES  # keep its time slot
    prs.save(str(folder / "deck.pptx"))
    return folder / "deck.pptx"


def _sections(document: docx.document.Document) -> dict[str, list[str]]:
    """Heading 2 text -> the text of every paragraph until the next Heading 2."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Heading 2":
            current = sections.setdefault(paragraph.text, [])
        else:
            current.append(paragraph.text)
    return sections


def test_kit_script_writes_every_slide_with_its_complete_notes(deck: Path, tmp_path: Path):
    require_tools("soffice")
    out = tmp_path / "script.docx"
    result = runner.invoke(app, ["script", str(deck), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr
    slides = Presentation(str(deck)).slides
    sections = _sections(docx.Document(str(out)))
    slide_sections = {k: v for k, v in sections.items() if k.startswith("Slide ")}
    assert len(slide_sections) == len(slides)
    for number, slide in enumerate(slides, start=1):
        heading = next(k for k in slide_sections if k.split(":")[0] == f"Slide {number}")
        written = "\n".join(slide_sections[heading])
        notes = slide.notes_slide.notes_text_frame.text
        slot, rest = split_time_slot(notes)
        hidden = slide.element.get("show") == "0"  # extra slides have no time slot
        assert hidden or (slot and f"Time slot: {slot}" in written)
        for line in filter(None, (part.strip() for part in rest.splitlines())):
            assert line in written, (number, line[:60])
    facts = deck_slides(Presentation(str(deck)))
    exercise = next(f for f in facts if "You will need: " in f.notes)
    assert "You will need" not in exercise.text  # the screen is left to the steps
    needs = exercise_materials(exercise.notes)
    heading = f"Slide {exercise.number}"
    section = next(v for k, v in slide_sections.items() if k.split(":")[0] == heading)
    line = next(p for p in section if p.startswith("Materials: "))
    assert needs and all(need in line for need in needs)
    assert any(p.startswith("Session: ") for p in section)
    alts = [s._inline.docPr.get("descr") for s in docx.Document(str(out)).inline_shapes]
    shown = [s for s in slides if s.element.get("show") != "0"]  # hidden: not in the PDF
    assert len(alts) == len(shown)  # one thumbnail per slide (the logo is in the header)
    assert alts[0].startswith("Slide 1: ")
    assert_valid_ooxml(out)


def test_kit_script_refuses_a_file_that_is_not_a_deck(tmp_path: Path):
    fake = tmp_path / "deck.pptx"
    fake.write_bytes(b"%PDF-1.7\n")
    result = runner.invoke(app, ["script", str(fake), "-o", str(tmp_path / "s.docx")])
    assert result.exit_code == 1
    assert f"{fake}: error: the file is a PDF file, not a .pptx or .docx" in result.stderr
    assert not (tmp_path / "s.docx").exists()
