"""The command line: exit codes, where output goes, and start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit import __version__
from compassion_kit.cli import app

runner = CliRunner()
GOOD = Path(__file__).parent / "fixtures" / "content" / "good"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_every_command_has_an_example_in_its_help():
    for command in ("list", "show", "validate", "build-deck", "agenda", "worksheet", "handout"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: kit " in result.stdout, command


def test_unknown_option_is_usage_error_2():
    result = runner.invoke(app, ["list", "--colour", "red"])
    assert result.exit_code == 2


def test_validate_passes_on_the_bundled_library():
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.stderr
    items = len(list((Path(__file__).resolve().parent.parent / "content").rglob("*.yaml")))
    assert f"the bundled library: {items} items" in result.stderr
    assert result.stdout == ""


def test_list_json_is_clean_json_on_stdout_only():
    result = runner.invoke(app, ["list", "--json"])
    rows = json.loads(result.stdout)
    assert {"id", "kind", "title", "element"} <= set(rows[0])
    assert result.stderr == ""


def test_content_folder_adds_items_and_an_override_is_reported(tmp_path: Path):
    own = tmp_path / "mine"
    own.mkdir()
    (own / "tiny.yaml").write_text((GOOD / "tiny-worksheet.yaml").read_text(), encoding="utf-8")
    text = (
        (GOOD / "tiny-worksheet.yaml").read_text().replace("tiny-worksheet", "follow-up-evaluation")
    )
    (own / "feedback.yaml").write_text(text, encoding="utf-8")
    listed = json.loads(runner.invoke(app, ["list", "--json", "--content", str(own)]).stdout)
    ids = {r["id"]: r["title"] for r in listed}
    assert "tiny-worksheet" in ids and ids["follow-up-evaluation"] == "Tiny worksheet"
    result = runner.invoke(app, ["validate", "--content", str(own)])
    assert result.exit_code == 0, result.stderr
    assert "replaces the bundled 'follow-up-evaluation'" in result.stderr


def test_show_unknown_id_suggests_the_closest(tmp_path: Path):
    result = runner.invoke(app, ["show", "culture-value"])
    assert result.exit_code == 1
    assert "did you mean 'culture-values'?" in result.stderr


def test_org_profile_with_low_contrast_colour_gets_a_text_shade_and_one_warning(tmp_path: Path):
    org = tmp_path / "org.yaml"
    org.write_text('name: Sunny Trust\ncolours:\n  primary: "#FFB81C"\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(org)])
    assert result.exit_code == 0, result.stderr
    assert (
        "org.yaml:3:12: warning: colours.primary: #FFB81C on white has a contrast of 1.73:1, "
        "too low for text: text uses the darker shade #986C0C (4.68:1)" in result.stderr
    )
    assert result.stderr.count("warning:") == 1
    org.write_text('name: Sunny Trust\ncolours:\n  primary: "#FFB81Q"\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(org)])
    assert result.exit_code == 1
    assert "org.yaml:3:12: error: colours.primary: '#FFB81Q' is not a colour" in result.stderr


def test_bug_prints_a_short_report_and_exit_3(monkeypatch):
    import compassion_kit.build as build

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "validate", broken)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 3
    assert "This is a bug in compassion-kit" in result.stderr
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "validate"])
    assert isinstance(debug.exception, RuntimeError)


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from compassion_kit import cli; "
        "heavy = [m for m in ('pptx', 'docx', 'PIL', 'lxml') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unwritable_output_is_a_clear_problem_not_a_traceback(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = runner.invoke(
        app, ["worksheet", "six-word-stories", "-o", str(blocker / "sheets.docx")]
    )
    assert result.exit_code == 1
    # Said as it is: the folder is a file (not free disk space or permissions).
    assert f"error: '{blocker}' is a file, so it cannot hold the output" in result.stderr
    assert "disk space" not in result.stderr and "Traceback" not in result.stderr


def test_a_failed_build_leaves_an_existing_file_untouched(tmp_path: Path):
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"last week's deck")
    result = runner.invoke(app, ["build-deck", "culture-values", "no-such-module", "-o", str(out)])
    assert result.exit_code == 1
    assert "there is no deck with the id 'no-such-module'" in result.stderr
    assert out.read_bytes() == b"last week's deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_no_module_lists_the_deck_ids():
    result = runner.invoke(app, ["build-deck", "-o", "unused.pptx"])
    assert result.exit_code == 1
    assert "no deck module given" in result.stderr
    assert "culture-values" in result.stderr


def test_profile_alt_text_without_the_name_is_a_warning(tmp_path: Path):
    from PIL import Image

    Image.new("RGB", (300, 100), (0, 94, 184)).save(tmp_path / "logo.png")
    org = tmp_path / "org.yaml"
    org.write_text(
        'name: "Marcher Vale Integrated Care Board"\nlogo: logo.png\nlogo_alt: "Our logo"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(org)])
    assert result.exit_code == 0, result.stderr
    assert "org.yaml:3:11: warning: logo_alt: the logo's alt text does not name" in result.stderr
    org.write_text(org.read_text().replace("Our logo", "Marcher Vale ICB logo"))
    result = runner.invoke(app, ["validate", str(org)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("✓") == 1 and "organisation profile" in result.stderr
    assert "warning" not in result.stderr


def test_build_deck_json_describes_the_file_written(tmp_path: Path):
    import hashlib

    out = tmp_path / "intro.pptx"
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    data = out.read_bytes()
    assert record["sha256"] == hashlib.sha256(data).hexdigest()
    assert record["bytes"] == len(data)
    assert (record["kind"], record["format"], record["items"]) == ("deck", "pptx", ["intro"])
    from pptx import Presentation

    assert record["slides"] == len(Presentation(str(out)).slides)
    assert record["warnings"] == []


def test_output_that_is_a_device_is_refused_and_left_alone():
    import pytest

    from compassion_kit.errors import OutputError
    from compassion_kit.output import write_atomic

    result = runner.invoke(app, ["build-deck", "intro", "-o", "/dev/null"])
    assert result.exit_code == 1
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(Path("/dev/null"), b"deck")
    assert Path("/dev/null").is_char_device()


def test_output_name_must_match_the_format(tmp_path: Path):
    out = tmp_path / "deck.docx"
    out.write_bytes(b"a Word file")
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(out)])
    assert result.exit_code == 1
    assert "writes a .pptx file, but the output name ends in '.docx'" in result.stderr
    assert out.read_bytes() == b"a Word file"


def test_validating_own_content_resolves_bundled_references_and_checks_timing(tmp_path: Path):
    root = Path(__file__).resolve().parent.parent
    (tmp_path / "sws.yaml").write_text(
        (root / "content" / "element-1" / "six-word-stories.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "replaces the bundled 'six-word-stories'" in result.stderr
    gap = root / "tests" / "fixtures" / "agenda-timing" / "gap.yaml"
    (tmp_path / "gap.yaml").write_bytes(gap.read_bytes())
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "gap.yaml:18:9: error: sessions.1.at: there is a gap of 30 minutes" in result.stderr


def test_a_spec_listing_something_twice_is_refused(tmp_path: Path):
    import shutil

    shutil.copytree(
        Path(__file__).resolve().parent.parent / "examples" / "wye-valley", tmp_path / "w"
    )
    spec = tmp_path / "w" / "workshop.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace(
            "agendas: [improvement-planning]",
            "agendas: [improvement-planning, improvement-planning]",
        )
    )
    result = runner.invoke(app, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "agendas: 'improvement-planning' is listed twice" in result.stderr


def test_a_start_option_past_midnight_names_the_option_and_the_latest_start():
    result = runner.invoke(app, ["agenda", "improvement-planning", "--start", "23:30"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("kit: error: --start: starting at 23:30 pushes '")
    assert first.endswith("past midnight; this agenda must start by 18:15 to end by midnight")
    assert "hint: give an earlier time, e.g. --start 18:15" in result.stderr
    assert ".yaml" not in result.stderr  # the agenda file is not to blame
    deck = runner.invoke(
        app, ["build-deck", "intro", "--agenda", "improvement-planning", "--start", "23:30"]
    )
    assert deck.exit_code == 1 and "kit: error: --start: starting at 23:30" in deck.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["build-deck", "intro", "--title", "Bad\x01title"], "--title"),
        (["build-deck", "intro", "--facilitator", "A\x0bN. Other"], "--facilitator"),
        (["agenda", "introductory", "--venue", "Room\x072"], "--venue"),
        (["worksheet", "feedback-form", "--team", "Ward\x1b7"], "--team"),
    ],
)
def test_a_control_character_in_an_option_is_a_clear_error(
    tmp_path: Path, args: list[str], option: str
) -> None:
    out = tmp_path / ("x.pptx" if args[0] == "build-deck" else "x.docx")
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert f"{option}: contains the control character U+" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_an_org_profile_reports_its_fields_colours_and_logo_in_one_run(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(
        'name: "Test Trust"\nlogo: missing.png\nlogo_alt: "Test Trust logo"\n'
        'colours: {primary: "#FFD70"}\nfont: [Arial]\n',
        encoding="utf-8",
    )
    out = tmp_path / "deck.pptx"
    result = runner.invoke(app, ["build-deck", "intro", "--org", str(org), "-o", str(out)])
    assert result.exit_code == 1
    fields = [
        line.split(": error: ")[1].split(":")[0]
        for line in result.stderr.splitlines()
        if ": error: " in line
    ]
    assert fields == ["logo", "colours.primary", "font"]
    assert not out.exists()
