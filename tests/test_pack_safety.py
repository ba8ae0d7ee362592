"""Rebuilding a pack never deletes what the kit did not write, nor a good pack it cannot rebuild."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from compassion_kit.cli import app

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "wye-valley" / "workshop.yaml"
runner = CliRunner()


def test_rebuild_refuses_to_delete_a_file_the_user_added(tmp_path: Path):
    out = tmp_path / "pack"
    assert runner.invoke(app, ["build", str(SPEC), "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["build", str(SPEC), "-o", str(out)]).exit_code == 0  # idempotent
    (out / "my-notes.txt").write_text("room booked", encoding="utf-8")
    result = runner.invoke(app, ["build", str(SPEC), "-o", str(out)])
    assert result.exit_code == 1
    assert "holds files `kit build` did not write: my-notes.txt" in result.stderr
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "room booked"


def _orgs(path: Path, fenmoor_primary: str) -> Path:
    text = (ROOT / "examples" / "orgs.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    header, wye, fen = rows[0], rows[1], rows[2]
    for row in (wye, fen):
        row[2] = str(ROOT / "examples" / row[2])
    fen[header.index("primary")] = fenmoor_primary
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, wye, fen])
    return path


def test_an_organisation_that_now_fails_keeps_its_previous_pack(tmp_path: Path):
    out = tmp_path / "packs"
    good = _orgs(tmp_path / "good.csv", "#5B2A86")
    assert (
        runner.invoke(app, ["build", str(SPEC), "--orgs", str(good), "-o", str(out)]).exit_code == 0
    )
    before = sorted(p.name for p in (out / "fenmoor").iterdir())
    bad = _orgs(tmp_path / "bad.csv", "#FFFF00")  # fails the contrast check
    result = runner.invoke(app, ["build", str(SPEC), "--orgs", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "contrast" in result.stderr
    assert sorted(p.name for p in (out / "fenmoor").iterdir()) == before
    # The kept pack is listed, so the next run can replace it.
    again = runner.invoke(app, ["build", str(SPEC), "--orgs", str(good), "-o", str(out)])
    assert again.exit_code == 0, again.stderr
