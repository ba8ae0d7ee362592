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
    bad = _orgs(tmp_path / "bad.csv", "#FFFF0")  # not a colour
    result = runner.invoke(app, ["build", str(SPEC), "--orgs", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "'#FFFF0' is not a colour" in result.stderr
    assert sorted(p.name for p in (out / "fenmoor").iterdir()) == before
    # The kept pack is listed, so the next run can replace it.
    again = runner.invoke(app, ["build", str(SPEC), "--orgs", str(good), "-o", str(out)])
    assert again.exit_code == 0, again.stderr


def test_an_output_folder_that_is_a_link_is_refused_without_force(tmp_path: Path):
    real = tmp_path / "shared"
    real.mkdir()
    link = tmp_path / "latest"
    link.symlink_to(real, target_is_directory=True)
    result = runner.invoke(app, ["build", str(SPEC), "-o", str(link)])
    assert result.exit_code == 1
    assert f"the output path is a symbolic link to '{real}'" in result.stderr
    assert "--force" in result.stderr
    assert link.is_symlink() and list(real.iterdir()) == []


def test_force_builds_in_the_folder_a_link_names_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "shared" / "wye"
    real.parent.mkdir()
    link = tmp_path / "latest"
    link.symlink_to(real, target_is_directory=True)
    for _ in range(2):  # the first build makes the folder, the second replaces it
        result = runner.invoke(app, ["build", str(SPEC), "-o", str(link), "--force"])
        assert result.exit_code == 0, result.stderr
        assert link.is_symlink(), "the link was replaced by a real folder"
        assert (real / "manifest.json").is_file()
    assert sorted(p.name for p in real.parent.iterdir()) == ["wye"]


def test_a_pack_is_never_built_over_the_folder_holding_its_spec(tmp_path: Path):
    import shutil

    folder = tmp_path / "wye"
    shutil.copytree(SPEC.parent, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = runner.invoke(app, ["build", str(folder / "workshop.yaml"), "-o", str(folder)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_inputs_inside_the_output_folder_are_refused(tmp_path: Path):
    from compassion_kit.errors import OutputError
    from compassion_kit.inputs import note_input, tracking
    from compassion_kit.pack.folder import check_target

    out = tmp_path / "pack"
    assert runner.invoke(app, ["build", str(SPEC), "-o", str(out)]).exit_code == 0
    deck = next(out.glob("*.pptx"))
    with tracking():
        note_input(deck)  # e.g. a deck of the last build given as a template
        try:
            check_target(out)
        except OutputError as exc:
            assert "holds files this command reads as input" in str(exc)
        else:
            raise AssertionError("an input inside the output folder was not refused")


def test_an_orgs_run_where_nothing_builds_leaves_no_folder(tmp_path: Path):
    bad = _orgs(tmp_path / "bad.csv", "#FFFF0")
    rows = bad.read_text(encoding="utf-8").splitlines()
    # Both organisations have a colour that is not one.
    broken = [rows[0], rows[2], rows[2].replace("Fenmoor", "Fenmoor North", 2)]
    bad.write_text("\n".join(broken) + "\n", encoding="utf-8")
    out = tmp_path / "packs"
    result = runner.invoke(app, ["build", str(SPEC), "--orgs", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "'#FFFF0' is not a colour" in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_an_orgs_run_where_nothing_builds_leaves_the_previous_folder_untouched(tmp_path: Path):
    out = tmp_path / "packs"
    good = _orgs(tmp_path / "good.csv", "#5B2A86")
    assert (
        runner.invoke(app, ["build", str(SPEC), "--orgs", str(good), "-o", str(out)]).exit_code == 0
    )
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    none = tmp_path / "none.csv"
    none.write_text("name,primary\nNobody,#FFFF0\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(SPEC), "--orgs", str(none), "-o", str(out)])
    assert result.exit_code == 1
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_a_pack_output_linking_to_the_orgs_csv_leaves_the_csv_unchanged(tmp_path: Path):
    orgs = _orgs(tmp_path / "orgs.csv", "#5B2A86")
    before = orgs.read_bytes()
    link = tmp_path / "packs"
    link.symlink_to(orgs)
    for extra in ([], ["--force"]):
        result = runner.invoke(
            app, ["build", str(SPEC), "--orgs", str(orgs), "-o", str(link), *extra]
        )
        assert result.exit_code == 1
        assert orgs.read_bytes() == before and link.is_symlink()
