"""Every preset is a complete day or session, and former item ids keep working as aliases.

A preset (`kit init NAME`, then `kit build`) gives a deck, a participant and a facilitator
agenda, and every worksheet and handout its agenda's `print:` lists. An item's former id
(`feedback-form`, now `follow-up-evaluation`) still works wherever an id is accepted, with a
warning naming the file to change, and `kit list` shows each item once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.errors import ContentError
from compassion_kit.library import load_library
from compassion_kit.model import Agenda, DeckModule
from compassion_kit.pack import preset_names
from support.outline import outline

runner = CliRunner()
LIBRARY = load_library()
EXAMPLES = Path(__file__).parents[1] / "examples"
# The presets and examples this file holds to "nothing handed out that the day never uses".
SESSION_PRESETS = ["actions-activities", "community-conversation", "culture-values"]
SESSION_PRESETS += ["improvement-lab"]
SESSION_EXAMPLES = ["fenmoor-hospice", "marcher-vale-icb"]
ORG = 'organisation: {name: "Our trust", short_name: "OT"}\n'
WARNING = (
    "'feedback-form' is now 'follow-up-evaluation'; the old id still works but will be removed"
)


def _build(spec: Path, out: Path) -> tuple[dict[str, object], str]:
    result = runner.invoke(app, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return json.loads((out / "manifest.json").read_text(encoding="utf-8")), result.stderr


def _printed(manifest: dict[str, object]) -> set[str]:
    files = manifest["files"]
    assert isinstance(files, list)
    return {i for f in files if f["kind"] in ("worksheets", "handouts") for i in f["items"]}


def _print_list(agenda_id: str) -> set[str]:
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda)
    return {p.item for s in agenda.sessions for p in s.print}


@pytest.fixture(scope="module", params=preset_names())
def preset_pack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, object], Path]:
    name = str(request.param)
    folder = tmp_path_factory.mktemp(name)
    made = runner.invoke(app, ["init", name, "-o", str(folder / "workshop.yaml")])
    assert made.exit_code == 0, made.stderr
    manifest, _ = _build(folder / "workshop.yaml", folder / "pack")
    return name, manifest, folder / "pack"


def test_every_preset_builds_a_deck_and_both_agendas(
    preset_pack: tuple[str, dict[str, object], Path],
) -> None:
    name, manifest, _ = preset_pack
    files = manifest["files"]
    assert isinstance(files, list)
    assert [f["kind"] for f in files].count("deck") == 1, name
    agendas = {(f["items"][0], f["audience"]) for f in files if f["kind"] == "agenda"}
    ids = {a for a, _ in agendas}
    assert len(ids) == 1, (name, agendas)
    assert {aud for _, aud in agendas} == {"participant", "facilitator"}, name
    assert all(isinstance(LIBRARY.get(a), Agenda) for a in ids)


def test_every_preset_prints_what_its_agenda_hands_out(
    preset_pack: tuple[str, dict[str, object], Path],
):
    name, manifest, _ = preset_pack
    files = manifest["files"]
    assert isinstance(files, list)
    (agenda_id,) = {f["items"][0] for f in files if f["kind"] == "agenda"}
    wanted = _print_list(agenda_id)
    assert wanted, f"{agenda_id} hands nothing out"  # every day uses at least one material
    assert wanted <= _printed(manifest), (name, wanted - _printed(manifest))


def test_no_slide_of_a_presets_deck_shows_more_than_45_words(
    preset_pack: tuple[str, dict[str, object], Path],
) -> None:
    """Agenda decks add dividers, holding, break and split agenda slides: all within the limit."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    name, _, folder = preset_pack
    deck = next(folder.glob("*.pptx"))
    over = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        shown = [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame
            and shape.name not in ("Title", "Organisation name")
            and not (
                shape.is_placeholder
                and shape.placeholder_format.type
                in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
            )
        ]
        words = sum(len(text.split()) for text in shown)
        if words > 45:
            over.append(f"slide {number}: {words} words")
    assert not over, (name, over)


@pytest.mark.parametrize("name", SESSION_PRESETS)
def test_a_session_preset_prints_nothing_its_agenda_does_not_use(tmp_path: Path, name: str):
    spec = tmp_path / "workshop.yaml"
    assert runner.invoke(app, ["init", name, "-o", str(spec)]).exit_code == 0
    manifest, stderr = _build(spec, tmp_path / "pack")
    files = manifest["files"]
    assert isinstance(files, list)
    (agenda_id,) = {f["items"][0] for f in files if f["kind"] == "agenda"}
    assert _printed(manifest) == _print_list(agenda_id)
    # Long exercise slides continuing on a second slide is the deck's business, not the plan's.
    warned = [w for w in stderr.splitlines() if "warning" in w and "does not fit" not in w]
    assert warned == []


@pytest.mark.parametrize("example", SESSION_EXAMPLES)
def test_session_examples_print_exactly_what_their_agenda_uses(tmp_path: Path, example: str):
    manifest, _ = _build(EXAMPLES / example / "workshop.yaml", tmp_path / "pack")
    files = manifest["files"]
    assert isinstance(files, list)
    (agenda_id,) = {f["items"][0] for f in files if f["kind"] == "agenda"}
    assert _printed(manifest) == _print_list(agenda_id)
    deck = next(f for f in files if f["kind"] == "deck")
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda) and deck["items"] == agenda.deck


@pytest.mark.parametrize(
    "agenda_id",
    ["culture-values-session", "actions-activities-session", "improvement-lab"]
    + ["community-conversation"],
)
def test_session_plans_show_only_their_own_decks_slides_and_every_one_of_them(agenda_id: str):
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda)
    decks = [LIBRARY.get(d) for d in agenda.deck]
    own = {s.id for d in decks if isinstance(d, DeckModule) for s in d.slides}
    shown = [slide for s in agenda.sessions for slide in s.slides]
    assert shown and set(shown) <= own
    talks = [s for s in agenda.sessions if s.kind != "break"]
    if agenda_id != "community-conversation":  # a one-hour conversation uses 7 of 16 slides
        assert set(shown) == own, own - set(shown)
        assert all(s.slides for s in talks if s.id != "arrival"), agenda_id


@pytest.mark.parametrize("deck_id", ["improvement-lab-deck", "compassionate-leadership"])
def test_slides_written_here_carry_no_clock_time_or_part_of_day(deck_id: str):
    deck = LIBRARY.get(deck_id)
    assert isinstance(deck, DeckModule)
    said = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\bmorning\b|\bafternoon\b|\b\d+ ?hours?\b", re.I)
    for slide in deck.slides:
        text = " ".join([slide.title, slide.notes, json.dumps(slide.__dict__, default=str)])
        assert not said.search(text), (slide.id, said.search(text))


# Former ids ----------------------------------------------------------------------------------


def test_bundled_content_names_no_former_id():
    assert LIBRARY.warnings == []
    assert LIBRARY.aliases["feedback-form"] == "follow-up-evaluation"


def test_list_shows_each_item_once_under_its_current_id():
    result = runner.invoke(app, ["list", "--json"])
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert "follow-up-evaluation" in ids and "feedback-form" not in ids
    assert len(ids) == len(set(ids))


def test_show_accepts_a_former_id():
    result = runner.invoke(app, ["show", "feedback-form"])
    assert result.exit_code == 0, result.stderr
    assert "id: follow-up-evaluation" in result.stdout


def test_a_former_id_builds_the_same_form_with_a_warning(tmp_path: Path):
    old = runner.invoke(app, ["worksheet", "feedback-form", "-o", str(tmp_path / "old.docx")])
    new = runner.invoke(app, ["worksheet", "follow-up-evaluation", "-o", str(tmp_path / "n.docx")])
    assert old.exit_code == 0 and new.exit_code == 0, old.stderr + new.stderr
    assert WARNING in old.stderr and "change it in your command" in old.stderr
    assert "warning" not in new.stderr
    # The outline's first line names the file; everything after it is the document.
    old_doc, new_doc = (outline(tmp_path / n).split("\n", 1)[1] for n in ("old.docx", "n.docx"))
    assert "follow-up evaluation" in old_doc and old_doc == new_doc


def test_a_spec_naming_a_former_id_builds_with_a_warning_at_its_line(tmp_path: Path):
    spec = tmp_path / "workshop.yaml"
    spec.write_text(
        f"title: Old spec\n{ORG}participants: 5\n"
        "worksheets:\n  - {id: feedback-form, copies: 5}\nformats: [docx]\n",
        encoding="utf-8",
    )
    manifest, stderr = _build(spec, tmp_path / "pack")
    assert f"workshop.yaml:5:5: worksheets.0: {WARNING}; change it in " in stderr
    assert _printed(manifest) == {"follow-up-evaluation"}
    checklist = (tmp_path / "pack" / "checklist.md").read_text(encoding="utf-8")
    assert "(follow-up-evaluation): 5 copies" in checklist


def test_an_agenda_printing_a_former_id_still_prints_it(tmp_path: Path):
    own = tmp_path / "mine"
    own.mkdir()
    (own / "day.yaml").write_text(
        "id: my-day\nkind: agenda\ntitle: My day\nelement: related\naudience: Us\n"
        'start: "10:00"\nsource: {title: Ours, publisher: Us}\nsessions:\n'
        "  - id: close\n    title: Close\n    minutes: 10\n"
        "    print: [{item: feedback-form, per: participant}]\n"
        "provenance: {written_for_kit: All of it}\n",
        encoding="utf-8",
    )
    spec = tmp_path / "workshop.yaml"
    spec.write_text(
        f"title: T\n{ORG}content: [mine]\nparticipants: 3\nagendas: [my-day]\n"
        "worksheets: [follow-up-evaluation]\nformats: [docx]\n",
        encoding="utf-8",
    )
    manifest, stderr = _build(spec, tmp_path / "pack")
    assert "day.yaml:12:" in stderr and WARNING in stderr
    assert _printed(manifest) == {"follow-up-evaluation"}
    facilitator = next(tmp_path.glob("pack/*-my-day-facilitator.docx"))
    assert "follow-up evaluation" in outline(facilitator)


def test_feedback_template_accepts_a_former_id(tmp_path: Path):
    out = tmp_path / "entry.csv"
    result = runner.invoke(app, ["feedback-template", "feedback-form", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "What actions have you taken" in out.read_text(encoding="utf-8-sig")


def test_an_item_with_a_retired_id_wins_over_the_alias(tmp_path: Path):
    (tmp_path / "mine.yaml").write_text(
        (EXAMPLES.parent / "tests" / "fixtures" / "content" / "good" / "tiny-worksheet.yaml")
        .read_text(encoding="utf-8")
        .replace("tiny-worksheet", "feedback-form"),
        encoding="utf-8",
    )
    library = load_library([tmp_path])
    assert library.get("feedback-form").title == "Tiny worksheet"
    assert library.get("follow-up-evaluation").id == "follow-up-evaluation"


def test_two_items_claiming_one_former_id_is_an_error(tmp_path: Path):
    text = EXAMPLES.parent / "tests" / "fixtures" / "content" / "good" / "tiny-worksheet.yaml"
    body = text.read_text(encoding="utf-8").replace(
        "kind: worksheet", "kind: worksheet\naliases: [feedback-form]", 1
    )
    (tmp_path / "mine.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library([tmp_path])
    (problem,) = caught.value.problems
    assert problem.field == "aliases.0" and problem.location.line == 4
    assert problem.message.startswith("the former id 'feedback-form' is also claimed by ")
