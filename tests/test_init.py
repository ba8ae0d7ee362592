"""`kit init [PRESET]`: a commented spec to start from, which builds as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.pack import preset_names
from compassion_kit.pack.spec import load_spec

runner = CliRunner()
PRESETS = [
    "actions-activities",
    "community-conversation",
    "culture-values",
    "improvement-lab",
    "improvement-planning",
    "introductory",
]


def test_the_six_presets_are_offered():
    assert preset_names() == PRESETS


@pytest.mark.parametrize("preset", PRESETS)
def test_each_preset_is_a_valid_commented_spec(tmp_path: Path, preset: str):
    out = tmp_path / "workshop.yaml"
    result = runner.invoke(app, ["init", preset, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out}" in result.stderr and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# A workshop spec for `kit build`")
    spec = load_spec(out)  # checks every id against the library, and the inline profile
    assert spec.brand is not None and spec.workshop.title


def test_the_default_preset_is_improvement_planning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.stderr
    assert "agendas: [improvement-planning]" in (tmp_path / "workshop.yaml").read_text()


def test_an_existing_file_is_kept_without_force(tmp_path: Path):
    out = tmp_path / "workshop.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", "introductory", "-o", str(out)])
    assert result.exit_code == 1
    assert "the file already exists; nothing was written" in result.stderr
    assert "--force" in result.stderr
    assert out.read_text() == "mine\n"
    forced = runner.invoke(app, ["init", "introductory", "-o", str(out), "--force"])
    assert forced.exit_code == 0 and "introductory workshop" in out.read_text()


def test_an_unknown_preset_is_a_usage_error_listing_the_presets(tmp_path: Path):
    result = runner.invoke(app, ["init", "improvment-lab", "-o", str(tmp_path / "w.yaml")])
    assert result.exit_code == 2
    assert "there is no preset 'improvment-lab'" in result.stderr
    assert ", ".join(PRESETS) in result.stderr
    assert not (tmp_path / "w.yaml").exists()


def test_build_and_init_show_an_example_in_their_help():
    for command in ("build", "init"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: kit " in result.stdout
