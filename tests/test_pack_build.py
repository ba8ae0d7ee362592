"""`kit build SPEC -o DIR`: one whole pack, its manifest, determinism and safe replacement."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from compassion_kit import build_pack
from compassion_kit.cli import app
from compassion_kit.errors import KitError

runner = CliRunner()
SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"
BAD = Path(__file__).parent / "fixtures" / "pack-bad"
NAMES = [
    "tvt-2027-04-14-deck.pptx",
    "tvt-2027-04-14-community-conversation-participant.docx",
    "tvt-2027-04-14-community-conversation-facilitator.docx",
    "tvt-2027-04-14-worksheets.docx",
    "tvt-2027-04-14-handouts.docx",
    "checklist.md",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "small"
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_every_file_has_a_stable_name_and_nothing_else_is_written(built: Path):
    assert sorted(p.name for p in built.iterdir()) == sorted([*NAMES, "manifest.json"])
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".")]


def test_manifest_sizes_hashes_and_slide_counts_match_the_files(built: Path):
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["organisation"] == "Test Valley Trust" and manifest["slug"] == "tvt"
    assert [f["path"] for f in manifest["files"]] == NAMES
    for entry in manifest["files"]:
        data = (built / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    deck = manifest["files"][0]
    assert deck["kind"] == "deck" and deck["items"] == ["compassionate-leadership"]
    assert deck["slides"] == len(Presentation(str(built / deck["path"])).slides)
    kinds = [(f["kind"], f["audience"]) for f in manifest["files"]]
    assert kinds[1:3] == [("agenda", "participant"), ("agenda", "facilitator")]


def test_facilitator_agenda_points_at_slides_of_this_packs_deck(built: Path):
    from docx import Document

    from compassion_kit.library import load_library

    deck = Presentation(str(built / NAMES[0]))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in deck.slides]
    agenda = Document(str(built / NAMES[2]))
    text = "\n".join(c.text for t in agenda.tables for r in t.rows for c in r.cells)
    library = load_library()
    welcome = next(
        s
        for d in library.items("deck")
        if d.id == "compassionate-leadership"
        for s in d.slides
        if s.id == "cl-welcome"
    )  # type: ignore[union-attr]
    number = titles.index(welcome.title) + 1
    assert f"slide {number}" in text


def test_checklist_says_what_to_print_and_bring(built: Path):
    text = (built / "checklist.md").read_text(encoding="utf-8")
    assert (
        "12 copies (one per participant) of "
        "`tvt-2027-04-14-community-conversation-participant.docx`" in text
    )
    assert "(follow-up-evaluation): 12 copies" in text
    assert "## Bring" in text


def test_json_prints_the_manifest_on_stdout_only(tmp_path: Path, built: Path):
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert "{" not in result.stderr


def test_two_runs_give_byte_identical_packs_and_rerunning_replaces_the_folder(
    built: Path, tmp_path: Path
):
    out = tmp_path / "again"
    for _ in range(2):  # the second run replaces the first run's folder
        build_pack(SMALL, out)
    for name in [*NAMES, "manifest.json"]:
        assert (out / name).read_bytes() == (built / name).read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again"]


def test_source_date_epoch_changes_the_stamp_inside_documents(
    tmp_path: Path, built: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_pack(SMALL, tmp_path / "later")
    assert (tmp_path / "later" / NAMES[0]).read_bytes() != (built / NAMES[0]).read_bytes()


def test_problems_exit_1_on_stderr_and_nothing_is_written(tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(BAD / "unknown-ids.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "unknown-ids.yaml:5:18: error: deck.modules.0:" in result.stderr
    # The inline profile's light colour is a warning (a darker text shade), not a problem.
    assert "unknown-ids.yaml:4:22: warning: colours.primary: #FFB81C" in result.stderr
    assert "5 problems found; nothing was written." in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_folder_the_kit_did_not_make_is_never_replaced(tmp_path: Path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(KitError) as caught:
        build_pack(SMALL, out)
    assert "already holds files that `kit build` did not write" in str(caught.value)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_a_failure_while_writing_keeps_the_old_pack(
    tmp_path: Path, built: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "kept"
    shutil.copytree(built, out)

    def broken(*args: object, **kwargs: object) -> None:
        raise KitError([])

    monkeypatch.setattr("compassion_kit.pack.batch.finish_pack", broken)
    with pytest.raises(KitError):
        build_pack(SMALL, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in built.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept"]


def test_an_unknown_spec_option_is_a_usage_error():
    result = runner.invoke(app, ["build", str(SMALL), "-o", "x", "--jobs", "0"])
    assert result.exit_code == 2


def test_pdf_without_libreoffice_exits_1_before_anything_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("compassion_kit.pdf.find_soffice", lambda: None)
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 1
    assert "LibreOffice (soffice) is not installed" in result.stderr
    assert "sudo apt-get install libreoffice-impress libreoffice-writer" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path):
    target = tmp_path / "pack.zip"
    target.write_bytes(b"x")
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(target)])
    assert result.exit_code == 1
    assert "the output path is a file" in result.stderr
    assert target.read_bytes() == b"x"
