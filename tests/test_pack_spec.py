"""The workshop spec: every mistake reported at once with file:line, names and checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from compassion_kit.errors import KitError
from compassion_kit.pack.checklist import checklist
from compassion_kit.pack.plan import file_prefix, plan_files
from compassion_kit.pack.spec import load_spec

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "pack-bad"
SMALL = FIXTURES / "pack-small" / "workshop.yaml"
EXAMPLE = Path(__file__).parent.parent / "examples" / "wye-valley" / "workshop.yaml"


def problems_of(path: Path, **kwargs: bool) -> list[str]:
    with pytest.raises(KitError) as caught:
        load_spec(path, **kwargs)
    return [str(p) for p in caught.value.problems]


def test_unknown_ids_are_all_reported_with_line_and_the_valid_ids():
    found = problems_of(BAD / "unknown-ids.yaml")
    where = "unknown-ids.yaml"
    assert any(
        f"{where}:5:18: error: deck.modules.0: there is no deck with the id 'leadership-managment'"
        in p
        and "did you mean 'leadership-management'?" in p
        for p in found
    )
    assert any(f"{where}:5:49: error: deck.agenda: 'culture-values' is a deck" in p for p in found)
    assert any(f"{where}:6:11: error: agendas.0: there is no agenda" in p for p in found)
    assert any(
        f"{where}:7:53: error: worksheets.1: there is no worksheet with the id 'feedback-from'" in p
        and "worksheet ids: acts-of-compassion, aim-statement, compassion-audit" in p
        for p in found
    )
    assert any(
        f"{where}:8:12: error: handouts.0: 'follow-up-evaluation' is a worksheet" in p
        for p in found
    )
    # The inline profile's colour is checked in the same run, at its own line: too light for
    # text, it gets a darker text shade and a warning.
    assert any(f"{where}:4:22: warning: colours.primary: #FFB81C on white" in p for p in found)
    assert len(found) == 6


def test_field_mistakes_are_located_and_the_closest_field_suggested():
    found = problems_of(BAD / "fields.yaml")
    assert found[0].endswith(
        "fields.yaml:3:7: error: date: '2027-02-30' is not a date written as "
        "YYYY-MM-DD, e.g. 2027-03-09"
    )
    assert "fields.yaml:4:8: error: start: '9:30' is not a 24-hour clock time" in found[1]
    assert "fields.yaml:5:1: error: handout: is not a field the kit knows" in found[2]
    assert "did you mean 'handouts'?" in found[2]
    assert "formats.1: must be one of 'pptx', 'docx' or 'pdf' (got \"odt\")" in found[3]


def test_field_mistakes_do_not_hide_unknown_ids_colours_or_the_logo():
    found = problems_of(BAD / "mixed.yaml")
    where = "mixed.yaml"
    expected = [
        f"{where}:4:9: error: logo: the logo file",
        f"{where}:5:22: warning: colours.primary: #FFB81C on white",
        f"{where}:5:44: error: organisation.colours.secondary: 'bleu' is not a colour",
        f"{where}:6:7: error: date: '2027-02-30' is not a date",
        f"{where}:7:18: error: deck.modules.0: there is no deck with the id 'leadership-managment'",
        f"{where}:8:48: error: worksheets.0.copies: should be 1 or more (got 0)",
        f"{where}:8:52: error: worksheets.1: there is no worksheet with the id 'feedback-from'",
    ]
    assert len(found) == len(expected)
    for problem, start in zip(found, expected, strict=True):
        assert start in problem


def test_a_wrong_inline_organisation_is_not_also_reported_as_missing(tmp_path: Path):
    spec = tmp_path / "workshop.yaml"
    spec.write_text("title: T\norganisation: {name: [A, B]}\nhandouts: [feedback-frm]\n")
    found = problems_of(spec)
    assert len(found) == 2
    assert "workshop.yaml:2:16: error: organisation.name: should be text" in found[0]
    assert "workshop.yaml:3:12: error: handouts.0: there is no handout" in found[1]


def test_a_misspelt_organisation_key_is_reported_once(tmp_path: Path):
    spec = tmp_path / "workshop.yaml"
    spec.write_text("title: T\norganisaton: org.yaml\nworksheets: [follow-up-evaluation]\n")
    (found,) = problems_of(spec)
    assert "workshop.yaml:2:1: error: organisaton: is not a field the kit knows" in found
    assert "did you mean 'organisation'?" in found


def test_a_profile_file_reports_its_colours_and_its_logo_together(tmp_path: Path):
    import shutil

    shutil.copytree(SMALL.parent, tmp_path / "small")
    org = tmp_path / "small" / "org.yaml"
    text = org.read_text().replace("logo.svg", "logos.svg").replace("#00594F", "#FFB81G")
    org.write_text(text + "font: [Arial]\n")
    found = problems_of(tmp_path / "small" / "workshop.yaml")
    assert [p.split(": error: ")[1].split(":")[0] for p in found] == [
        "logo",
        "colours.primary",
        "font",
    ]


def test_a_spec_without_an_organisation_says_how_to_give_one():
    (found,) = problems_of(BAD / "no-organisation.yaml")
    assert "no-organisation.yaml:1:1: error: the workshop names no organisation" in found
    assert "--orgs orgs.csv" in found


def test_the_organisation_is_not_needed_when_orgs_replace_it():
    spec = load_spec(BAD / "no-organisation.yaml", own_organisation=False)
    assert spec.brand is None and spec.workshop.handouts[0].id == "why-compassion-matters"


def test_a_missing_profile_points_at_the_spec_line():
    (found,) = problems_of(BAD / "missing-profile.yaml")
    assert (
        "missing-profile.yaml:2:15: error: organisation: "
        "the profile 'no-such-org.yaml' does not exist" in found
    )


def test_a_spec_asking_for_nothing_is_refused():
    (found,) = problems_of(BAD / "nothing.yaml")
    assert "the workshop asks for no materials" in found


def test_a_start_time_that_pushes_past_midnight_names_the_spec_line():
    (found,) = problems_of(BAD / "late-start.yaml")
    assert "improvement-planning.yaml" in found and "runs past midnight" in found
    assert "late-start.yaml:3:8: this spec starts the day at 22:00" in found


def test_pdf_without_libreoffice_is_refused_before_anything_is_built(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr("compassion_kit.pdf.find_soffice", lambda: None)
    (found,) = problems_of(SMALL, pdf=True)
    assert "LibreOffice (soffice) is not installed" in found
    assert "apt-get install libreoffice-impress libreoffice-writer" in found


def test_file_names_carry_the_slug_date_item_and_audience():
    spec = load_spec(EXAMPLE)
    names = [
        f.name for f in plan_files(spec.workshop, spec.library, file_prefix("wvhb", "2027-03-09"))
    ]
    assert names == [
        "wvhb-2027-03-09-deck.pptx",
        "wvhb-2027-03-09-improvement-planning-participant.docx",
        "wvhb-2027-03-09-improvement-planning-facilitator.docx",
        "wvhb-2027-03-09-worksheets.docx",
        "wvhb-2027-03-09-worksheets-facilitator.docx",
    ]
    assert file_prefix("wvhb", None) == "wvhb"


def test_the_spec_start_time_shifts_the_agenda():
    spec = load_spec(SMALL)
    assert spec.schedules["community-conversation"].sessions[0].slot.startswith("13:30")


def test_checklist_lists_copies_materials_and_what_the_agenda_also_suggests():
    spec = load_spec(EXAMPLE)
    files = plan_files(spec.workshop, spec.library, "wvhb-2027-03-09")
    text = checklist(
        spec.workshop,
        spec.library,
        spec.schedules,
        "Wye Valley Health Board",
        files,
        ("pptx", "docx", "pdf"),
        21,
    )
    assert text.startswith("# Facilitator checklist: Patients and Staff Together")
    assert "Tuesday 9 March 2027 · Seminar Room 2 · starts 09:30" in text
    assert (
        "12 copies (one per participant) of `wvhb-2027-03-09-improvement-planning-participant.pdf`"
        in text
    )
    assert "(aim-statement): 3 copies" in text
    assert "1 copy of `wvhb-2027-03-09-improvement-planning-facilitator.pdf`" in text
    assert "- [ ] Flipchart paper and marker pens" in text
    assert text.count("Flipchart paper and marker pens") == 1  # deduplicated
    assert "`wvhb-2027-03-09-deck.pptx` (21 slides)" in text
    assert "- 09:30-09:50 Arrival, registration and coffee" in text


def test_print_items_an_agenda_needs_but_the_spec_lacks_are_added_with_a_warning(tmp_path: Path):
    spec_path = tmp_path / "workshop.yaml"
    spec_path.write_text(
        'title: "Intro"\norganisation: {name: "Test Trust"}\nagendas: [introductory-workshop]\n'
        "groups: 5\nhandouts: [workshop-case-studies]\nparticipants: 20\n"
        "worksheets: [feedback-form]\n",
        encoding="utf-8",
    )
    spec = load_spec(spec_path)
    (added,) = [p for p in spec.prints.added if p.id == "case-imperial-tea-biscuits"]
    assert (added.id, added.kind, added.copies, added.copies_text) == (
        "case-imperial-tea-biscuits",
        "handout",
        5,
        "5 copies (one per group)",
    )
    assert spec.prints.ids("handout") == ("workshop-case-studies", "case-imperial-tea-biscuits")
    (note,) = [n for n in spec.notes if "'case-imperial-tea-biscuits'" in n]
    assert "workshop.yaml:5:1: 'case-imperial-tea-biscuits' (" in note
    assert (
        "of the agenda 'introductory-workshop' but the spec does not list it: added to the " in note
    )
    assert "pack's handouts, 5 copies (one per group) (hint: list it under handouts" in note


def test_spec_items_no_session_uses_are_kept_with_a_warning_naming_item_and_agenda(
    tmp_path: Path,
):
    spec_path = tmp_path / "workshop.yaml"
    spec_path.write_text(
        'title: "Intro"\norganisation: {name: "Test Trust"}\nagendas: [introductory-workshop]\n'
        "handouts: [workshop-case-studies, case-imperial-tea-biscuits, why-compassion-matters]\n"
        "groups: 4\nparticipants: 20\nworksheets: [same-day-feedback]\n",
        encoding="utf-8",
    )
    spec = load_spec(spec_path)
    (unused,) = spec.prints.unused
    assert unused.id == "why-compassion-matters"
    assert spec.prints.used_in_text(unused) == "not used in any session"
    assert "why-compassion-matters" in spec.prints.ids("handout")
    (note,) = [n for n in spec.notes if "not used in any session" in n]
    assert "workshop.yaml:4:" in note
    assert "'why-compassion-matters' is not used in any session of the agenda " in note
    assert "'introductory-workshop'" in note


def test_fewer_copies_than_the_sessions_need_are_warned_about(tmp_path: Path):
    spec_path = tmp_path / "workshop.yaml"
    spec_path.write_text(
        'title: "Lab"\norganisation: {name: "Test Trust"}\nagendas: [improvement-lab]\n'
        "groups: 6\nworksheets: [{id: lab-readiness-check, copies: 5}]\n"
        "handouts: [staff-support-approaches]\nparticipants: 20\n",
        encoding="utf-8",
    )
    spec = load_spec(spec_path)
    (note,) = [n for n in spec.notes if "'lab-readiness-check'" in n]
    assert "the spec prints 5 of 'lab-readiness-check' but its sessions need 7 " in note
    assert "(one per group and one for the room)" in note
    (sheet,) = [p for p in spec.prints.items if p.id == "lab-readiness-check"]
    assert sheet.copies_text == "5 copies (set in the spec)"


def test_missing_logo_and_unknown_ids_are_reported_together(tmp_path):
    import shutil

    from typer.testing import CliRunner

    from compassion_kit.cli import app

    example = Path(__file__).resolve().parent.parent / "examples" / "wye-valley"
    shutil.copytree(example, tmp_path / "w")
    spec = tmp_path / "w" / "workshop.yaml"
    spec.write_text(spec.read_text().replace("fishbone-diagram", "fishbone-diagrm"))
    org = tmp_path / "w" / "org.yaml"
    org.write_text(org.read_text().replace("logo: logo.svg", "logo: logos.svg"))
    result = CliRunner().invoke(app, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "org.yaml:4:7: error: logo: the logo file" in result.stderr
    assert "there is no worksheet with the id 'fishbone-diagrm'" in result.stderr
    assert "2 problems found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_wrong_title_does_not_hide_unknown_ids(tmp_path: Path):
    spec = tmp_path / "workshop.yaml"
    spec.write_text("title: 5\norganisation: {name: Trust}\nhandouts: [feedback-frm]\n")
    found = problems_of(spec)
    assert len(found) == 2
    assert "workshop.yaml:1:8: error: title: should be text" in found[0]
    assert "workshop.yaml:3:12: error: handouts.0: there is no handout" in found[1]


def test_a_profile_with_a_wrong_name_still_has_its_colours_and_logo_checked(tmp_path: Path):
    import shutil

    shutil.copytree(SMALL.parent, tmp_path / "small")
    org = tmp_path / "small" / "org.yaml"
    text = org.read_text().replace("logo.svg", "logos.svg").replace("#00594F", "#FFB81G")
    org.write_text(text.replace("name: ", "name: [", 1).replace("\n", "]\n", 1))
    found = problems_of(tmp_path / "small" / "workshop.yaml")
    assert [p.split(": error: ")[1].split(":")[0] for p in found] == [
        "name",
        "logo",
        "colours.primary",
    ]


def test_a_worksheet_a_deck_exercise_uses_counts_as_used_and_is_added_when_left_out(
    tmp_path: Path,
):
    spec_path = tmp_path / "workshop.yaml"
    spec_path.write_text(
        'title: "Lab"\norganisation: {name: "Test Trust"}\nagendas: [improvement-lab]\n'
        "groups: 5\ndeck: {modules: [appreciative-inquiry]}\n"
        "worksheets: [lab-readiness-check]\nhandouts: [staff-support-approaches]\n"
        "participants: 20\n",
        encoding="utf-8",
    )
    spec = load_spec(spec_path)
    (added,) = [p for p in spec.prints.added if p.id == "acts-of-compassion"]
    assert added.kind == "worksheet"
    assert added.used_in[0].startswith("deck slide '")
    assert spec.prints.unused == ()
    (note,) = [n for n in spec.notes if "'acts-of-compassion'" in n]
    assert "'acts-of-compassion' (" in note and "is used in deck slide '" in note
    assert "added to the pack's worksheets" in note


def test_copies_that_need_a_count_the_spec_lacks_are_warned_about(tmp_path: Path):
    spec_path = tmp_path / "workshop.yaml"
    spec_path.write_text(
        'title: "Intro"\norganisation: {name: "Test Trust"}\nagendas: [introductory-workshop]\n'
        "participants: 12\nhandouts: [workshop-case-studies, case-imperial-tea-biscuits]\n",
        encoding="utf-8",
    )
    spec = load_spec(spec_path)
    (note,) = [n for n in spec.notes if "how many" in n]
    assert (
        "'case-imperial-tea-biscuits' is printed one per group, but the spec does not say how "
        "many groups there are, so the checklist gives no number of copies (hint: add "
        "'groups: N' to the spec)" in note
    )
    assert [p.copies_text for p in spec.prints.items if p.kind == "handout"] == [
        "12 copies (one per participant)",
        "one per group",
    ]
