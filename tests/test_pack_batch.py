"""`kit build SPEC --orgs ...`: one pack per organisation, failures isolated, in parallel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit import build_pack
from compassion_kit.cli import app
from compassion_kit.errors import KitError
from compassion_kit.orgs import read_orgs, slug
from compassion_kit.pack import PackOptions

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "pack-small" / "workshop.yaml"
ORGS = FIXTURES / "pack-orgs" / "orgs.csv"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("batch") / "packs"
    result = runner.invoke(
        app, ["build", str(SMALL), "--orgs", str(ORGS), "-o", str(out), "--jobs", "2"]
    )
    return out, result


def test_broken_rows_fail_alone_with_their_row_and_reason(batch: tuple[Path, object]):
    out, result = batch
    assert result.exit_code == 1  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    # A pale primary colour builds: its text gets a darker shade, said once as a warning.
    assert "orgs.csv:3:24: primary: #FFFF00 on white has a contrast of 1.07:1" in stderr
    assert stderr.count("#FFFF00 on white") == 1
    assert "orgs.csv:4:21: error: logo: the logo file" in stderr and "missing.png" in stderr
    assert "orgs.csv:5:25: error: primary: 'bleu' is not a colour" in stderr
    assert "2 failed; built 3 of 5 packs" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["gwl", "manifest.json", "pct", "pt"]


def test_the_batch_manifest_lists_every_organisation_and_its_status(batch: tuple[Path, object]):
    out, _ = batch
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    status = {p["slug"]: p["status"] for p in manifest["packs"]}
    assert status == {
        "gwl": "built",
        "pct": "built",
        "llt": "failed",
        "wct": "failed",
        "pt": "built",
    }
    built = manifest["packs"][0]
    assert built["source"].endswith("orgs.csv:2") and built["folder"] == "gwl"
    assert built["files"] == json.loads((out / "gwl" / "manifest.json").read_text())["files"]
    failed = manifest["packs"][3]
    assert "orgs.csv:5:25" in failed["problems"][0]
    assert failed["problems"][0].endswith('an NHS name such as "NHS Blue"')
    assert (out / "gwl" / "gwl-2027-04-14-deck.pptx").is_file()


def test_jobs_1_and_jobs_2_give_byte_identical_folders(batch: tuple[Path, object], tmp_path: Path):
    out, _ = batch
    result = build_pack(SMALL, tmp_path / "serial", PackOptions(orgs=ORGS, jobs=1))
    assert result.exit_code == 1
    assert tree(tmp_path / "serial") == tree(out)


def test_json_prints_the_batch_manifest(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name,primary\nOne Trust,#005EB8\nTwo Trust,#003087\n", encoding="utf-8")
    result = runner.invoke(
        app, ["build", str(SMALL), "--orgs", str(orgs), "-o", str(tmp_path / "o"), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    packs = json.loads(result.stdout)["packs"]
    assert [(p["slug"], p["status"]) for p in packs] == [
        ("one-trust", "built"),
        ("two-trust", "built"),
    ]
    assert "built 2 of 2 packs" not in result.stdout


def test_a_folder_of_profiles_is_one_pack_per_file(tmp_path: Path):
    result = build_pack(
        SMALL, tmp_path / "o", PackOptions(orgs=FIXTURES / "pack-orgs" / "profiles", jobs=1)
    )
    assert [(o.slug, o.ok) for o in result.outcomes] == [("fgt", True), ("b-bad", False)]
    assert "b-bad.yaml:2:20: error: colours.primary" in str(result.outcomes[1].problems[0])
    assert result.exit_code == 1


def test_unknown_columns_stop_before_anything_is_built(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name,primry,colour\nOne,#005EB8,x\n", encoding="utf-8")
    with pytest.raises(KitError) as caught:
        build_pack(SMALL, tmp_path / "o", PackOptions(orgs=orgs))
    text = str(caught.value)
    assert (
        "orgs.csv:1: error: unknown column 'primry' (column 2) (hint: did you mean 'primary'?"
        in text
    )
    assert "unknown column 'colour'" in text
    assert not (tmp_path / "o").exists()


def test_clashing_folder_names_get_a_number_and_a_warning(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(
        "name,short_name\nOne Trust,ABC\nOther Trust,abc\nThird Trust,Abc\nFour,abc-2\n",
        encoding="utf-8",
    )
    sources = read_orgs(orgs)
    assert [s.slug for s in sources] == ["abc", "abc-2", "abc-3", "abc-2-2"]
    assert all(s.brand is not None for s in sources)
    (problem,) = sources[1].problems
    assert problem.severity == "warning"
    assert "its folder name 'abc' is already used by" in str(problem)
    assert "so its pack goes in 'abc-2'" in str(problem)


def test_names_in_other_scripts_get_latin_folder_names_that_never_clash(tmp_path: Path):
    assert slug("مستشفى الملك فهد") == "mstshfa-lmlk-fhd"
    assert slug("Больница №1") == "bolnitsa-no1"
    assert slug("北京协和医院") == "beijingxieheyiyuan"
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("name\nمستشفى\nمُستشفى\n", encoding="utf-8")
    first, second = read_orgs(orgs)
    assert (first.slug, second.slug) == ("mstshfa", "mstshfa-2")
    assert second.brand is not None and second.problems[0].severity == "warning"


def test_slugs_are_plain_lower_case_words():
    assert slug("WVHB") == "wvhb"
    assert slug("St Ann's Hospice & Care") == "st-anns-hospice-care"
    assert slug("Ysbyty Gwynedd — Bangor") == "ysbyty-gwynedd-bangor"
    assert slug("Société Générale") == "societe-generale"
    assert slug("!!!") == "organisation"


def test_semicolon_separated_csv_from_excel_is_read(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_bytes("\ufeffname;primary\r\nUn Trust;#005EB8\r\nDeux Trust;pale\r\n".encode())
    first, second = read_orgs(orgs)
    assert first.brand is not None and first.slug == "un-trust"
    assert str(second.problems[0]).startswith(f"{orgs}:3:12: error: primary: 'pale'")
