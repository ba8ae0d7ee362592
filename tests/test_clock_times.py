"""Slides never fix a clock time: times are stamped from the agenda when a deck is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import DeckModule
from compassion_kit.model.rules import clock_times

BAD = Path(__file__).parent / "fixtures" / "content" / "bad" / "clock-in-slides.yaml"
HINT = "hint: say 'after the break'; times are stamped from the agenda"
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Break at 11:15, then case studies", ["11:15"]),
        ("Plan a workshop: 09:30 to 15:15", ["09:30", "15:15"]),
        ("Close at 9.30am or 2 pm", ["9.30am", "2 pm"]),
        ("Arrive for 09.30, as the pack's agenda writes it", ["09.30"]),
        ("Back by 1p.m. sharp", ["1p.m."]),
        ("Tickets cost £12.50 and 2.30 is a decimal", []),
        ("A 3:1 ratio, a 20-day campaign, 40% of staff, 2018", []),
        ("Section 1.4 of the pack; Project Lift, 9 March 2021", []),
        ("Allow about ten minutes after the break", []),
    ],
)
def test_clock_times_are_found_and_nothing_else(text: str, found: list[str]):
    assert clock_times(text) == found


def test_validate_rejects_every_clock_time_in_slides_at_its_line():
    result = runner.invoke(app, ["validate", str(BAD)])
    assert result.exit_code == 1, result.output
    err = result.stderr
    assert (
        'clock-in-slides.yaml:15:9: error: slides.0.bullets.1: hard-codes the clock time "11:15"'
        in err
    )
    assert (
        'clock-in-slides.yaml:16:9: error: slides.0.bullets.2: hard-codes the clock time "1pm"'
        in err
    )
    assert (
        'clock-in-slides.yaml:23:12: error: slides.1.notes: hard-codes the clock time "13.15pm"'
        in err
    )
    assert err.count(HINT) == 3
    # The title "Plan for the day" and the slide without a time are not reported.
    assert "slides.0.title" not in err and "slides.0.notes" not in err
    assert "nothing was written" in err and result.stdout == ""


def test_video_running_time_and_ids_are_not_clock_times(tmp_path: Path):
    text = (
        BAD.read_text(encoding="utf-8")
        .replace("Break at 11:15", "Welcome")
        .replace("Close by 1pm", "Close")
        .replace("at 13.15pm.", "after the discussion.")
    )
    text += (
        "  - id: cs-clip\n    kind: video\n    title: A short film\n"
        "    notes: Play the clip, then ask what people noticed.\n"
        "    video: {url: 'https://example.org/clip', link_text: Watch the film, length: '3:45',"
        " description: A ward team at handover}\n"
    )
    path = tmp_path / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stderr


def test_bundled_library_passes_and_its_decks_name_no_clock_time():
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.stderr
    decks = [item for item in load_library().items("deck") if isinstance(item, DeckModule)]
    assert len(decks) >= 6
    for deck in decks:
        for slide in deck.slides:
            assert clock_times(slide.notes) == [], (deck.id, slide.id)
            assert clock_times(slide.title) == [], (deck.id, slide.id)
