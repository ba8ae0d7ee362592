"""`kit validate`: an agenda that names a template, form, handout or worksheet must print it.

A session's materials and "have ready" lines that name a paper the kit prints must be matched by
an item of that session's (or the next session's) `print:` list, so an agenda never sends a
facilitator looking for a template the library lacks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compassion_kit.errors import ContentError
from compassion_kit.library import load_library

FIXTURES = Path(__file__).parent / "fixtures" / "agenda-library"
FOCUS_MATERIALS = "    materials:\n      - flip chart and pens\n      - Sticky notes\n"


def library_with(tmp_path: Path, old: str, new: str) -> Path:
    """The fixture library, with `old` in its agenda replaced by `new`."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES, folder)
    agenda = folder / "agenda.yaml"
    text = agenda.read_text(encoding="utf-8")
    assert old in text
    agenda.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    try:
        load_library([folder], bundled=False)
    except ContentError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_the_fixture_library_passes_as_it_is():
    assert problems(FIXTURES) == []


def test_a_form_no_session_prints_is_an_error_at_its_line(tmp_path: Path):
    new = "    kind: close\n    materials:\n      - Evaluation forms\n"
    folder = library_with(tmp_path, "    kind: close\n", new)
    (found,) = problems(folder)
    lines = (folder / "agenda.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("      - Evaluation forms") + 1
    assert found.startswith(f"{folder / 'agenda.yaml'}:{line}:9: error: sessions.5.materials.0: ")
    assert (
        "'Evaluation forms' names a printed form, but the session 'Workshop close' prints " in found
    )
    assert "nothing (hint: add the kit's item to this session's print: list" in found


def test_a_have_ready_line_may_be_printed_by_the_next_session(tmp_path: Path):
    old = "      produce: A shared reminder"
    new = "      ready:\n        - Fixture action plan worksheets\n" + old
    assert problems(library_with(tmp_path, old, new)) == []


@pytest.mark.parametrize(
    "line",
    [
        "Fixture case studies handout, one per participant",  # shares "fixture" with the items
        "Action plan worksheets",  # shares "action" and "plan" with fixture-worksheet's title
        "An enlarged copy of the handout on the wall",  # "the handout": the one it prints
        "Handouts",  # nothing to tell items apart: any item the session prints
        "The feedback form link, to paste in the chat",  # online, not paper
        "Flip chart paper",  # no paper the kit prints
    ],
)
def test_a_line_matching_what_its_session_prints_is_accepted(tmp_path: Path, line: str):
    new = f"    materials:\n      - {line}\n      - Sticky notes\n"
    assert problems(library_with(tmp_path, FOCUS_MATERIALS, new)) == []


def test_a_line_naming_another_printable_item_than_its_sessions_print_is_an_error(
    tmp_path: Path,
):
    folder = library_with(
        tmp_path, FOCUS_MATERIALS, "    materials:\n      - Action plan worksheets\n"
    )
    agenda = folder / "agenda.yaml"
    only_handout = "      - item: fixture-handout\n        per: participant\n"
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(
        text.replace(
            only_handout + "      - item: fixture-worksheet\n        per: group\n", only_handout
        ),
        encoding="utf-8",
    )
    (found,) = problems(folder)
    assert (
        "'Action plan worksheets' names a printed worksheet, but the session 'Defining our "
        in found
    )
    assert "focus' or the next, 'Lunch', prints only 'fixture-handout'" in found


def test_an_unknown_print_item_is_an_error(tmp_path: Path):
    old = "      - item: fixture-handout\n        per: participant\n"
    new = "      - item: fixture-evaluation-form\n        per: participant\n"
    (found,) = problems(library_with(tmp_path, old, new))
    assert (
        "sessions.2.print.0.item: 'fixture-evaluation-form' is not a worksheet or handout" in found
    )
