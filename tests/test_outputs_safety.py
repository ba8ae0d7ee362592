"""An output never replaces an input, never follows a link unasked, and every fault while
writing is a problem to fix (exit 1) that leaves nothing half-written behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.render.deck import default_template

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wye-valley"
runner = CliRunner()


@pytest.fixture
def org(tmp_path: Path) -> Path:
    """A copy of an example organisation (profile and logo) the test may point outputs at."""
    folder = tmp_path / "org"
    shutil.copytree(EXAMPLE, folder)
    return folder / "org.yaml"


def _leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind (they start with '.' and end with '.part')."""
    return sorted(p.name for p in folder.rglob("*.part"))


def test_a_deck_is_never_written_over_its_own_template(tmp_path: Path):
    template = tmp_path / "tpl.pptx"
    shutil.copy(default_template(), template)
    before = template.read_bytes()
    result = runner.invoke(
        app, ["build-deck", "intro", "--template", str(template), "-o", str(template)]
    )
    assert result.exit_code == 1
    assert "which this command reads as an input" in result.stderr
    assert "tpl.pptx" in result.stderr
    assert template.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_an_output_that_is_a_link_is_refused_and_names_its_target(tmp_path: Path, org: Path):
    before = org.read_bytes()
    link = tmp_path / "link.pptx"
    link.symlink_to(org)
    result = runner.invoke(app, ["build-deck", "intro", "--org", str(org), "-o", str(link)])
    assert result.exit_code == 1
    assert f"the output path is a symbolic link to '{org}'" in result.stderr
    assert "add --force" in result.stderr
    assert org.read_bytes() == before and link.is_symlink()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["build-deck", "intro"], "org.yaml"),
        (["build-deck", "intro"], "logo.svg"),
        (["agenda", "improvement-planning"], "org.yaml"),
        (["worksheet", "six-word-stories"], "logo.svg"),
        (["handout", "--element", "1"], "org.yaml"),
    ],
)
def test_force_never_writes_through_a_link_to_an_input(
    tmp_path: Path, org: Path, command: list[str], name: str
):
    victim = org.parent / name
    before = victim.read_bytes()
    suffix = ".pptx" if command[0] == "build-deck" else ".docx"
    link = tmp_path / f"out{suffix}"
    link.symlink_to(victim)
    result = runner.invoke(app, [*command, "--org", str(org), "-o", str(link), "--force"])
    assert result.exit_code == 1, result.stderr
    assert "which this command reads as an input" in result.stderr
    assert victim.read_bytes() == before


def test_force_never_writes_over_a_content_file(tmp_path: Path):
    mine = tmp_path / "mine.yaml"
    shutil.copy(ROOT / "content" / "element-1" / "six-word-stories.yaml", mine)
    before = mine.read_bytes()
    link = tmp_path / "sheets.docx"
    link.symlink_to(mine)
    result = runner.invoke(
        app,
        ["worksheet", "six-word-stories", "--content", str(mine), "-o", str(link), "--force"],
    )
    assert result.exit_code == 1, result.stderr
    assert "reads as an input" in result.stderr
    assert mine.read_bytes() == before


def test_force_writes_through_a_link_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "shared" / "deck.pptx"
    real.parent.mkdir()
    link = tmp_path / "deck.pptx"
    link.symlink_to(real)
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(link), "--force"])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert zipfile.is_zipfile(real)


def test_an_empty_output_name_says_it_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build-deck", "intro", "-o", ""])
    assert result.exit_code == 1
    assert "the output name is empty or names a folder" in result.stderr
    assert "name it" not in result.stderr  # not "name it ..pptx"
    assert list(tmp_path.iterdir()) == []


def test_an_output_whose_folder_is_a_file_says_so(tmp_path: Path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(blocker / "deck.pptx")])
    assert result.exit_code == 1
    assert f"'{blocker}' is a file, so it cannot hold the output" in result.stderr
    assert "disk space" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_a_file_name_too_long_for_the_system_is_exit_1(tmp_path: Path):
    out = tmp_path / ("a" * 300 + ".pptx")
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(out)])
    assert result.exit_code == 1
    assert "bytes long; this system allows 255 for a file or folder name" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_path_too_long_for_the_system_is_exit_1(tmp_path: Path):
    out = tmp_path.joinpath(*["d" * 200] * 22, "deck.pptx")
    result = runner.invoke(app, ["build", str(EXAMPLE / "workshop.yaml"), "-o", str(out.parent)])
    assert result.exit_code == 1
    assert "the output path is" in result.stderr and "this system allows" in result.stderr
    deck = runner.invoke(app, ["build-deck", "intro", "-o", str(out)])
    assert deck.exit_code == 1 and "this system allows" in deck.stderr
    assert list(tmp_path.iterdir()) == []


FAULTS = [
    (errno.ENOSPC, "the disk is full"),
    (errno.EFBIG, "the file is larger than this system allows"),
    (errno.EACCES, "permission denied"),
    (errno.EROFS, "the disk is read-only"),
    (errno.EDQUOT, "the disk quota is used up"),
]


@pytest.mark.parametrize(("code", "said"), FAULTS)
def test_a_write_fault_in_a_single_command_is_exit_1_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
):
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"last week's deck")

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    result = runner.invoke(app, ["build-deck", "intro", "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert f"cannot write the file: {said}" in result.stderr
    assert "hint:" in result.stderr
    assert out.read_bytes() == b"last week's deck"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(("code", "said"), FAULTS[:2])
def test_a_write_fault_while_a_pack_is_written_is_exit_1_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
):
    def fail(self: Path, data: bytes) -> int:
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(Path, "write_bytes", fail)
    out = tmp_path / "pack"
    result = runner.invoke(app, ["build", str(EXAMPLE / "workshop.yaml"), "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert said in result.stderr
    assert str(out) in result.stderr and ".part" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_in_a_batch_fails_each_organisation_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def fail(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", fail)
    out = tmp_path / "packs"
    result = runner.invoke(
        app,
        ["build", str(EXAMPLE / "workshop.yaml"), "--orgs", str(ROOT / "examples" / "orgs.csv")]
        + ["-o", str(out), "--jobs", "1"],
    )
    assert result.exit_code == 1, result.stderr
    assert "the disk is full" in result.stderr and "internal error" not in result.stderr
    assert ".part" not in result.stderr  # files are named as they would have been
    assert not out.exists()  # nothing was built, so no folder
    assert list(tmp_path.iterdir()) == []


def _kit(*args: str, cwd: Path, limit_kb: int | None = None) -> subprocess.CompletedProcess[str]:
    """`kit` in a new process (its own signal handling), optionally under `ulimit -f`."""
    command = [sys.executable, "-m", "compassion_kit", *args]
    if limit_kb is not None:
        quoted = " ".join(f"'{a}'" for a in command)
        command = ["bash", "-c", f"ulimit -f {limit_kb} && exec {quoted}"]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_file_size_limit_during_kit_build_is_exit_1_and_leaves_nothing(tmp_path: Path):
    result = _kit("build", str(EXAMPLE / "workshop.yaml"), "-o", "pack", cwd=tmp_path, limit_kb=40)
    assert result.returncode == 1, result.stderr
    assert "larger than this system allows" in result.stderr
    assert "ulimit -f" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_size_limit_during_build_deck_is_exit_1_and_leaves_nothing(tmp_path: Path):
    result = _kit("build-deck", "intro", "-o", "deck.pptx", cwd=tmp_path, limit_kb=20)
    assert result.returncode == 1, result.stderr
    assert "cannot write the file: the file is larger than this system allows" in result.stderr
    assert list(tmp_path.iterdir()) == []


_BUG = (
    "import sys, compassion_kit.build as b\n"
    "def boom(*args, **kwargs):\n"
    "    raise RuntimeError('an invented bug')\n"
    "b.build_deck = boom\n"
    "from compassion_kit.cli import main\n"
    "sys.argv = ['kit', *sys.argv[1:]]\n"
    "main()\n"
)


def test_debug_prints_the_traceback_of_a_bug_on_stderr(tmp_path: Path):
    run = [sys.executable, "-c", _BUG]
    debug = subprocess.run(
        [*run, "--debug", "build-deck", "intro"], cwd=tmp_path, capture_output=True, text=True
    )
    assert debug.returncode == 3
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: an invented bug" in debug.stderr
    quiet = subprocess.run(
        [*run, "build-deck", "intro"], cwd=tmp_path, capture_output=True, text=True
    )
    assert quiet.returncode == 3
    assert "Traceback" not in quiet.stderr and "bug" in quiet.stderr


def test_a_survey_link_too_long_for_a_qr_code_is_exit_1_in_validate_and_build(
    tmp_path: Path, org: Path
):
    text = org.read_text(encoding="utf-8").replace(
        "https://forms.example.org/wvhb-workshop-feedback",
        "https://forms.example.org/" + "x" * 3000,
    )
    org.write_text(text, encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(org)])
    assert checked.exit_code == 1
    assert "survey_url: the survey link cannot be made into a QR code" in checked.stderr
    assert "a QR code holds at most 2,331" in checked.stderr
    out = tmp_path / "deck.pptx"
    built = runner.invoke(app, ["build-deck", "intro", "--org", str(org), "-o", str(out)])
    assert built.exit_code == 1 and "QR code" in built.stderr
    assert not out.exists()


def test_typed_values_reach_the_deck_as_typed_tokens_and_all(tmp_path: Path):
    from pptx import Presentation

    out = tmp_path / "deck.pptx"
    result = runner.invoke(
        app,
        ["build-deck", "intro", "--venue", "{{date}} room", "--title", "{{org_name}} day"]
        + ["--date", "9 March", "-o", str(out)],
    )
    assert result.exit_code == 0, result.stderr
    first = Presentation(str(out)).slides[0]
    texts = [s.text_frame.text for s in first.shapes if s.has_text_frame]
    assert "{{org_name}} day" in texts
    assert any("Venue: {{date}} room" in t for t in texts)
    assert not any("9 March room" in t for t in texts)
