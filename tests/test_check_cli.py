"""`kit check` on the command line: one line per finding on stderr, JSON on stdout, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
from pptx import Presentation
from typer.testing import CliRunner

from compassion_kit.build import PrintOptions, build_worksheets
from compassion_kit.cli import app

runner = CliRunner()


def bad_deck(folder: Path) -> Path:
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[5])  # an empty title on a 4:3 slide
    path = folder / "bad.pptx"
    prs.save(path)
    return path


def test_errors_print_one_line_each_and_exit_1(tmp_path: Path) -> None:
    path = bad_deck(tmp_path)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(f"{path}:slide 1: KIT003 error: the slide has an empty title placeholder")
        for line in lines
    )
    assert any(line.startswith(f"{path}:presentation: KIT019 error: ") for line in lines)
    assert "errors" in lines[-1] and "in 1 file" in lines[-1]


def test_warnings_alone_do_not_fail(tmp_path: Path) -> None:
    sheet = tmp_path / "sheets" / "sheet.docx"
    sheet.parent.mkdir()
    build_worksheets(["feedback-form"], sheet, PrintOptions())
    result = runner.invoke(app, ["check", str(sheet.parent)])
    assert result.exit_code == 0, result.stderr
    assert "0 errors" in result.stderr


def test_json_goes_to_stdout(tmp_path: Path) -> None:
    path = bad_deck(tmp_path)
    result = runner.invoke(app, ["check", str(path), "--json", "--profile", "print"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == [str(path)]
    assert report["errors"] == sum(1 for f in report["findings"] if f["severity"] == "E")
    first = report["findings"][0]
    assert set(first) == {"path", "where", "code", "rule", "severity", "message", "hint"}
    assert {"KIT003", "KIT019"} <= {f["code"] for f in report["findings"]}


def test_missing_paths_and_empty_folders_are_problems(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["check", str(tmp_path / "nope.pptx")])
    assert missing.exit_code == 1
    assert "nope.pptx: error: there is no such file or folder" in missing.stderr
    empty = runner.invoke(app, ["check", str(tmp_path)])
    assert empty.exit_code == 1
    assert "there is no .pptx, .docx or .pdf file to check" in empty.stderr


def test_unknown_profile_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(bad_deck(tmp_path)), "--profile", "paper"])
    assert result.exit_code == 2


def test_libraries_are_imported_only_for_the_files_checked(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Hello")
    document.save(tmp_path / "only.docx")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "import compassion_kit.check as check\n"
        "before = {'pptx', 'docx'} & set(sys.modules)\n"
        f"check.check_files([Path({str(tmp_path / 'only.docx')!r})])\n"
        "after = {'pptx', 'docx'} & set(sys.modules)\n"
        "print(sorted(before), sorted(after))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split("\n")[0] == "[] ['docx']"


def test_check_template_is_the_same_as_kit_template_check() -> None:
    from compassion_kit.paths import templates_dir

    template = str(templates_dir() / "deck.pptx")
    spelled = runner.invoke(app, ["check", "--template", template])
    long = runner.invoke(app, ["template", "check", template])
    assert spelled.exit_code == long.exit_code == 0, spelled.output
    assert spelled.output == long.output and "Kit Exercise" in spelled.output
    assert runner.invoke(app, ["check"]).exit_code == 2  # nothing to check
