"""`kit feedback` and `kit feedback-template` on the command line: exit codes, the message for
each kind of bad export (file, line, column), and nothing half-written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from compassion_kit.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "feedback"
BAD = FIXTURES / "bad"
GOOGLE = FIXTURES / "google-may.csv"


def _fails(tmp_path: Path, *exports: Path) -> str:
    out = tmp_path / "report"
    result = runner.invoke(app, ["feedback", *map(str, exports), "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert not out.exists(), "nothing may be written when the exports have problems"
    assert list(tmp_path.iterdir()) == [] or all(p.suffix != ".part" for p in tmp_path.iterdir())
    return result.stderr


def test_writes_the_three_files_and_prints_the_headline_figures(tmp_path: Path):
    result = runner.invoke(app, ["feedback", str(GOOGLE), "-o", str(tmp_path / "r")])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "manifest.json", "report.docx", "results.json", "summary.pptx",
    ]  # fmt: skip
    assert "6 responses, 14 May 2026" in result.stderr
    assert "66.7%" in result.stderr


def test_json_prints_every_figure_on_stdout(tmp_path: Path):
    result = runner.invoke(app, ["feedback", str(GOOGLE), "-o", str(tmp_path / "r"), "--json"])
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    assert printed["scales"][0]["percent_positive"] == 66.7


def test_an_existing_folder_needs_force(tmp_path: Path):
    out = tmp_path / "r"
    assert runner.invoke(app, ["feedback", str(GOOGLE), "-o", str(out)]).exit_code == 0
    again = runner.invoke(app, ["feedback", str(GOOGLE), "-o", str(out)])
    assert again.exit_code == 1 and "add --force to replace it" in again.stderr
    forced = runner.invoke(app, ["feedback", str(GOOGLE), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.stderr


def test_an_unknown_scale_label_names_file_line_column_and_question(tmp_path: Path):
    stderr = _fails(tmp_path, BAD / "unknown-label.csv")
    assert "unknown-label.csv:5:3: error: Overall, how was today's workshop?: " in stderr
    assert "'Very goood' is not an answer on this question's scale" in stderr
    assert "Very good, Good, Neither good nor poor, Poor, Very poor" in stderr


def test_exports_of_different_forms_name_the_differing_questions(tmp_path: Path):
    stderr = _fails(tmp_path, GOOGLE, BAD / "different-form.csv")
    assert "different-form.csv:1: error: this export is of a different form" in stderr
    assert "only in google-may.csv: 'The session was relevant to my role'" in stderr
    assert "only in different-form.csv: 'The session was useful for my team'" in stderr


def test_an_export_without_questions_is_refused(tmp_path: Path):
    stderr = _fails(tmp_path, BAD / "metadata-only.csv")
    assert "metadata-only.csv:1: error: no column is a question" in stderr


def test_empty_header_only_and_folder_inputs_are_each_reported(tmp_path: Path):
    stderr = _fails(tmp_path, BAD / "empty.csv", BAD / "header-only.csv", FIXTURES)
    assert "empty.csv: error: the file is empty" in stderr
    assert "header-only.csv: error: the export has a header row but no responses" in stderr
    assert "feedback: error: not a regular file" in stderr


def test_a_huge_export_is_refused_before_it_is_read(tmp_path: Path):
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    out = tmp_path / "report"
    result = runner.invoke(app, ["feedback", str(huge), "-o", str(out)])
    assert result.exit_code == 1
    assert "huge.csv: error: the file is 21.0 MB; the kit reads exports of up to 20 MB" in (
        result.stderr
    )
    assert not out.exists()


def test_a_file_of_another_kind_is_refused(tmp_path: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    result = runner.invoke(app, ["feedback", str(notes), "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "'.txt' is not a survey export the kit reads" in result.stderr


def test_the_template_has_a_column_per_question_of_the_form(tmp_path: Path):
    out = tmp_path / "entry.csv"
    result = runner.invoke(app, ["feedback-template", "feedback-form", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert header[0] == "Session" and header[2] == "Why?"
    assert header[1].startswith("How useful was the Patients and Staff Together approach")
    assert len(header) >= 26


def test_the_template_names_the_forms_for_an_unknown_id(tmp_path: Path):
    result = runner.invoke(
        app, ["feedback-template", "follow-up-evaluaton", "-o", str(tmp_path / "e")]
    )
    assert result.exit_code == 1
    assert "there is no feedback form 'follow-up-evaluaton'" in result.stderr
    assert "did you mean 'follow-up-evaluation'?" in result.stderr
    assert not (tmp_path / "e").exists()


def test_profile_and_export_problems_are_reported_in_one_run(tmp_path: Path):
    org = tmp_path / "org.yaml"
    org.write_text('name: Test Trust\ncolours:\n  primary: "#FFE00"\n', encoding="utf-8")
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["feedback", str(BAD / "unknown-label.csv"), "--org", str(org), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "org.yaml:3:12: error: colours.primary: '#FFE00' is not a colour" in result.stderr
    assert "'Very goood' is not an answer" in result.stderr
    assert not out.exists()
