"""A deck built for an agenda follows the agenda (issue 15): times, dividers, hidden extras,
slide ids read back by `kit agenda --deck DECK.pptx`, and a warning when modules do not fit.

Every preset and example with a deck timed by an agenda is built as a whole pack and read
back with python-pptx, so what is checked is what a facilitator opens.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from compassion_kit.build import AgendaOptions, DeckOptions, build_agenda, build_deck
from compassion_kit.check.deck_ids import built_slides, slide_numbers_of
from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import Agenda, DeckModule
from compassion_kit.model.validate import build as build_model
from compassion_kit.pack.spec import load_spec
from compassion_kit.render.deck import DeckRequest, plan_deck
from compassion_kit.render.plan.deck_spec import SlideSpec
from compassion_kit.render.slide_refs import join_and
from compassion_kit.timing import Schedule, clock, schedule
from support.decks import example_brand, module

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted(ROOT.glob("examples/*/workshop.yaml")) + sorted(
    (ROOT / "templates" / "presets").glob("*.yaml")
)
CLOCK = re.compile(r"(?<!\d)([01]\d|2[0-3]):[0-5]\d(?!\d)")
KIT_USER_TEXT = re.compile(r"Slides for |About \d+ minutes|Related programmes")
runner = CliRunner()


def timed_specs() -> list[Path]:
    """Presets and examples whose deck is timed by an agenda."""
    found = []
    for spec in SPECS:
        workshop = load_spec(spec).workshop
        if workshop.deck is not None and workshop.deck.agenda is not None:
            found.append(spec)
    return found


@dataclass(frozen=True)
class Built:
    """A pack built from a spec: its deck, the deck's agenda on the clock, and the warnings."""

    deck: Path
    schedule: Schedule
    warnings: tuple[str, ...]


@pytest.fixture(scope="module", params=timed_specs(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    spec: Path = request.param
    out = tmp_path_factory.mktemp("pack") / "pack"
    result = runner.invoke(app, ["build", str(spec), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    (deck,) = [out / f["path"] for f in files if f["kind"] == "deck" and f["format"] == "pptx"]
    loaded = load_spec(spec)
    assert loaded.workshop.deck is not None and loaded.workshop.deck.agenda is not None
    schedule = loaded.schedules[loaded.workshop.deck.agenda]
    warnings = tuple(w for f in files for w in f.get("warnings", ()))
    return Built(deck, schedule, warnings)


def agenda_times(schedule: Schedule) -> set[str]:
    return {clock(m) for t in schedule.sessions for m in (t.start, t.end)}


def slide_texts(slide: object) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)  # type: ignore[attr-defined]


def test_there_is_a_timed_deck_to_check() -> None:
    assert len(timed_specs()) >= 3


def test_every_stamped_time_slot_is_a_session_of_the_agenda(built: Built) -> None:
    slots = {f"{t.slot}, {t.session.title}." for t in built.schedule.sessions}
    for slide in Presentation(str(built.deck)).slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert "not in the agenda" not in notes, slide.name
        assert "{slide:" not in notes, slide.name  # agenda notes name slides by number
        if slide.element.get("show") == "0":
            assert notes.startswith("Extra slide, hidden and untimed"), slide.name
            continue
        first = notes.split("\n")[0]
        assert first.startswith("Time slot: ") and first[len("Time slot: ") :] in slots, first


def test_every_clock_time_on_the_shown_slides_is_a_time_of_the_agenda(built: Built) -> None:
    times = agenda_times(built.schedule)
    wrong = []
    for number, slide in enumerate(Presentation(str(built.deck)).slides, start=1):
        if slide.element.get("show") == "0":
            continue  # hidden extras: no session shows them
        text = slide_texts(slide) + "\n" + slide.notes_slide.notes_text_frame.text
        wrong += [(number, slide.name, m.group(0)) for m in CLOCK.finditer(text)]
    wrong = [w for w in wrong if w[2] not in times]
    # Times the kit writes (generated slides, time slots) are the agenda's, and content
    # carries none (kit validate refuses a clock time in slide text or notes).
    assert not wrong, wrong


def test_the_deck_runs_in_agenda_order_with_extras_hidden_after_closing(built: Built) -> None:
    slides = built_slides(built.deck)
    ids = [s.id for s in slides]
    assert ids[:2] == ["#title", "#agenda"]
    closing = ids.index("#closing")
    assert all(not s.hidden for s in slides[: closing + 1])
    assert all(s.hidden for s in slides[closing + 1 :])
    if closing + 1 < len(slides):
        assert ids[closing + 1] == "#extra"
    # Sessions appear in the order of the agenda.
    order = [t.session.id for t in built.schedule.sessions]
    seen = [i.split(":", 1)[1] for i in ids if i.startswith(("#session:", "#hold:", "#break:"))]
    assert seen == [s for s in order if s in seen]
    for timed in built.schedule.sessions:
        session = timed.session
        if session.kind == "break":
            assert f"#break:{session.id}" in ids
        elif not session.slides and session.kind != "arrival":
            assert f"#hold:{session.id}" in ids


def test_dividers_carry_only_participant_text(built: Built) -> None:
    library = load_library()
    summaries = [m.summary for m in library.items("deck") if isinstance(m, DeckModule)]
    prs = Presentation(str(built.deck))
    dividers = [s for s in prs.slides if s.name.startswith(("#section:", "#session:", "#hold:"))]
    assert dividers
    for slide in dividers:
        text = slide_texts(slide)
        assert not KIT_USER_TEXT.search(text), (slide.name, text)
        assert not any(summary and summary in text for summary in summaries), slide.name
    for timed in built.schedule.sessions:
        match = [s for s in dividers if s.name.endswith(f":{timed.session.id}")]
        for slide in match:
            assert f"{clock(timed.start)}\u2013{clock(timed.end)}" in slide_texts(slide)


def test_hidden_extra_slides_carry_show_0_in_the_file(built: Built) -> None:
    slides = built_slides(built.deck)
    prs = Presentation(str(built.deck))
    for slide, facts in zip(prs.slides, slides, strict=True):
        assert (slide.element.get("show") == "0") == facts.hidden


def test_kit_agenda_with_the_built_deck_cites_slides_whose_titles_match(built: Built) -> None:
    library = load_library()
    agenda = built.schedule.agenda
    titles = {s.id: s.title for m in library.items("deck") for s in m.slides}
    slides = built_slides(built.deck)
    numbers = slide_numbers_of(slides)
    options = AgendaOptions(facilitator=True, deck=(str(built.deck),), format="md")
    result, data = build_agenda(agenda.id, None, options, library)
    text = data.decode("utf-8")
    cited = 0
    for session in agenda.sessions:
        shown = [s for s in session.slides if s in numbers]
        if not shown or len(shown) != len(session.slides):
            continue
        label = "Slide" if len(shown) == 1 else "Slides"
        assert f"> **{label}:** {join_and([str(numbers[s]) for s in shown])}\n" in text
        for slide_id in shown:
            assert slides[numbers[slide_id] - 1].title == " ".join(titles[slide_id].split())
            cited += 1
    assert cited, "no session's slides were cited"
    assert result.warnings == ()


def test_a_referenced_slide_missing_from_the_built_deck_is_named_by_title(tmp_path: Path) -> None:
    deck = tmp_path / "intro.pptx"
    build_deck(["intro"], deck)
    args = ["agenda", "introductory-workshop", "--facilitator", "--deck", str(deck)]
    result = runner.invoke(app, [*args, "--format", "md"])
    assert result.exit_code == 0, result.stderr
    (line,) = [w for w in result.stderr.splitlines() if w.startswith("warning:")]
    assert "'lm-another-way'" in line and "not in the deck given with --deck" in line
    assert "\u201cIs there another way?\u201d" in result.stdout


def test_a_pptx_without_slide_ids_is_refused_with_a_hint(tmp_path: Path) -> None:
    deck = tmp_path / "plain.pptx"
    plain = Presentation()
    plain.slides.add_slide(plain.slide_layouts[0])
    plain.save(str(deck))
    args = ["agenda", "improvement-planning", "--facilitator", "--deck", str(deck)]
    result = runner.invoke(app, [*args, "--format", "md"])
    assert result.exit_code == 1
    assert f"{deck}: error: the deck has no slide ids" in result.stderr
    assert "build the deck again" in result.stderr


def test_module_ids_number_slides_as_build_deck_alone_does(tmp_path: Path) -> None:
    deck = tmp_path / "lm.pptx"
    build_deck(["leadership-management"], deck)
    numbers = slide_numbers_of(built_slides(deck))
    options = AgendaOptions(facilitator=True, deck=("leadership-management",), format="md")
    _, data = build_agenda("introductory-workshop", None, options)
    assert f"> **Slide:** {numbers['lm-next-steps']}\n" in data.decode("utf-8")


def test_an_online_module_with_an_in_person_agenda_is_one_warning_naming_both(
    tmp_path: Path,
) -> None:
    library = load_library()
    module, agenda = library.get("compassionate-leadership"), library.get("improvement-lab")
    assert isinstance(module, DeckModule) and isinstance(agenda, Agenda)
    assert (module.mode, agenda.mode) == ("online", "in-person")
    options = DeckOptions(agenda="improvement-lab")
    result = build_deck(["compassionate-leadership"], tmp_path / "d.pptx", options, library)
    (warning,) = [w for w in result.warnings if "made for" in w]
    assert "'compassionate-leadership' is made for online sessions" in warning
    assert "the agenda 'improvement-lab' is in-person" in warning
    fitting = build_deck(
        ["compassionate-leadership"],
        tmp_path / "e.pptx",
        DeckOptions(agenda="community-conversation"),
        library,
    )
    assert not [w for w in fitting.warnings if "made for" in w]


def test_without_an_agenda_dividers_show_module_titles_only(tmp_path: Path) -> None:
    deck = tmp_path / "two.pptx"
    build_deck(["intro", "compassionate-leadership"], deck)
    prs = Presentation(str(deck))
    sections = [s for s in prs.slides if s.name.startswith("#section:")]
    assert [s.shapes.title.text for s in sections] == [  # type: ignore[union-attr]
        "Part 1: Why workplace compassion matters",
        "Part 2: Compassionate leadership, self-compassion and space to reflect",
    ]
    for slide in sections:
        assert not KIT_USER_TEXT.search(slide_texts(slide))
    assert all(s.element.get("show") is None for s in prs.slides)


def spine_plan(sessions: list[dict[str, object]]) -> tuple[SlideSpec, ...]:
    """The slides of the fixture deck planned for a day of `sessions` from 09:30."""
    agenda = build_model(
        Agenda,
        {
            "id": "test-day",
            "kind": "agenda",
            "title": "A test day",
            "element": "2",
            "audience": "tests",
            "start": "09:30",
            "source": {"title": "t", "publisher": "p"},
            "provenance": {"from_source": "nothing", "written_for_kit": "a test day"},
            "sessions": sessions,
        },
    )
    timed, problems = schedule(agenda)
    assert not problems
    brand, logo = example_brand()
    return plan_deck(DeckRequest((module("fixture-deck"),), brand, logo, schedule=timed)).slides


def texts_of(slide: SlideSpec) -> str:
    return " ".join(p.text for t in slide.texts for p in t.paras)


def test_sessions_get_dividers_holding_and_break_slides_in_agenda_order() -> None:
    slides = spine_plan(
        [
            {"id": "arrive", "title": "Arrival", "minutes": 15, "kind": "arrival"},
            {"id": "warm", "title": "Warm up", "minutes": 5, "slides": ["fx-quote"]},
            {"id": "talk", "title": "The talk", "minutes": 40, "slides": ["fx-bullets"]},
            {"id": "tea", "title": "Break", "minutes": 15, "kind": "break"},
            {"id": "work", "title": "Group work", "minutes": 30},
            {"id": "again", "title": "Back to it", "minutes": 20, "slides": ["fx-bullets"]},
        ]
    )
    ids = [s.id for s in slides]
    closing = ids.index("#closing")
    assert ids[: closing + 1] == [
        "#title",
        "#agenda",
        "fx-quote",  # a five-minute session: no divider
        "#session:talk",
        "fx-bullets",
        "#break:tea",
        "#hold:work",
        "#session:again",
        "fx-bullets@again",  # shown again: an id of its own
        "#closing",
    ]
    extras = slides[closing + 1 :]
    assert extras[0].id == "#extra" and extras[0].title == "Extra slides"
    assert all(s.hidden for s in extras) and "fx-video" in [s.id for s in extras]
    assert not any(s.hidden for s in slides[: closing + 1])
    titles = [s.title for s in slides]
    assert len(titles) == len(set(titles))  # unique for screen-reader users (KIT004)
    assert slides[ids.index("fx-bullets")].notes.startswith("Time slot: 09:50-10:30, The talk.")
    assert slides[ids.index("fx-bullets@again")].notes.startswith(
        "Time slot: 11:15-11:35, Back to it."
    )


def test_divider_holding_and_break_slides_say_what_and_when() -> None:
    slides = spine_plan(
        [
            {
                "id": "work",
                "title": "Group work",
                "minutes": 30,
                "participant": "Plan a step.",
                "materials": ["Sticky notes"],
            },
            {"id": "tea", "title": "Break", "minutes": 15, "kind": "break"},
            {
                "id": "end",
                "title": "Close",
                "minutes": 10,
                "slides": ["fx-quote"],
                "participant": "What we take away.",
            },
        ]
    )
    by_id = {s.id: s for s in slides}
    hold = texts_of(by_id["#hold:work"])
    assert "09:30\u201310:00" in hold and "Plan a step." in hold and "Sticky notes" in hold
    assert by_id["#hold:work"].title == "Group work"
    assert texts_of(by_id["#break:tea"]) == "Back at 10:15"
    divider = by_id["#session:end"]
    assert (divider.title, texts_of(divider)) == ("Close", "10:15\u201310:25 What we take away.")
    assert by_id["#closing"].notes.startswith("Time slot: 10:15-10:25, Close.")


def test_a_built_deck_and_module_ids_together_are_a_usage_error(tmp_path: Path) -> None:
    args = ["agenda", "improvement-planning", "--facilitator", "--format", "md"]
    result = runner.invoke(app, [*args, "--deck", str(tmp_path / "d.pptx"), "--deck", "intro"])
    assert result.exit_code == 2
    assert "--deck takes either one built deck (.pptx) or deck module ids" in result.stderr


def test_module_slides_no_session_lists_are_hidden_extras_with_a_warning(tmp_path: Path) -> None:
    # intro is not the agenda's own deck module, so leaving its slides out is worth a warning;
    # the agenda's own module (improvement-planning-day) may leave slides out quietly.
    deck = tmp_path / "mixed.pptx"
    result = runner.invoke(
        app, ["build-deck", "intro", "--agenda", "improvement-planning", "-o", str(deck)]
    )
    assert result.exit_code == 0, result.stderr
    (line,) = [w for w in result.stderr.splitlines() if "hidden extra slides" in w]
    assert "deck module 'intro'" in line and "agenda 'improvement-planning'" in line
    slides = built_slides(deck)
    closing = [s.id for s in slides].index("#closing")
    assert slides[closing + 1].id == "#extra" and all(s.hidden for s in slides[closing + 1 :])
