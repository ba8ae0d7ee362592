"""Every example in examples/ builds, so the examples never go stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SPECS = sorted(EXAMPLES.glob("*/workshop.yaml"))


def test_there_are_at_least_three_examples():
    assert len(SPECS) >= 3
    assert EXAMPLES / "wye-valley" / "workshop.yaml" in SPECS


@pytest.mark.parametrize("spec", SPECS, ids=[s.parent.name for s in SPECS])
def test_example_builds_cleanly(tmp_path: Path, spec: Path):
    out = tmp_path / spec.parent.name
    result = runner.invoke(app, ["build", str(spec), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    manifest = json.loads(result.stdout)
    kinds = {f["kind"] for f in manifest["files"]}
    assert {"deck", "checklist"} <= kinds
    for entry in manifest["files"]:
        assert (out / entry["path"]).stat().st_size == entry["bytes"]


def test_the_example_orgs_csv_builds_ten_packs(tmp_path: Path):
    spec = EXAMPLES / "wye-valley" / "workshop.yaml"
    out = tmp_path / "all"
    result = runner.invoke(
        app, ["build", str(spec), "--orgs", str(EXAMPLES / "orgs.csv"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["packs"]) == 10
    assert all(p["status"] == "built" for p in manifest["packs"])
    assert sum(1 for p in manifest["packs"] if (out / p["folder"]).is_dir()) == 10


def test_the_png_logos_are_drawn_by_the_committed_script():
    script = (EXAMPLES / "make_logos.py").read_text(encoding="utf-8")
    for png in EXAMPLES.rglob("*.png"):
        assert png.name in script or png.parent.name in script, png
