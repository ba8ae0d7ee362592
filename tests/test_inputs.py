"""Every input is a regular file within its size cap, read without blocking: a FIFO, device,
socket or folder is named as what it is at once, and a misleading message is a bug too."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.errors import ContentError
from compassion_kit.inputs import KINDS, InputError, read_input

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wye-valley"
runner = CliRunner()


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail instead of hanging for ever when a read blocks."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s: the read blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.fixture
def org(tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(EXAMPLE, folder)
    return folder / "org.yaml"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_fifo_is_named_as_a_fifo_at_once_for_every_kind(tmp_path: Path, kind: str):
    pipe = _fifo(tmp_path / "input")
    started = time.monotonic()
    with within(5), pytest.raises(InputError) as raised:
        read_input(pipe, kind)
    assert time.monotonic() - started < 1
    assert f"this is a named pipe (FIFO), not {KINDS[kind].name}" in raised.value.message
    assert "regular files" in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("path", "what"), [(Path("/dev/zero"), "a device"), (Path("/dev/urandom"), "a device")]
)
def test_a_device_is_named_as_a_device_and_never_read(path: Path, what: str):
    with within(5), pytest.raises(InputError, match=f"this is {what}, not a YAML file"):
        read_input(path, "yaml")


def test_a_folder_and_a_socket_are_named_as_what_they_are(tmp_path: Path):
    with pytest.raises(InputError, match="this is a folder, not a CSV file"):
        read_input(tmp_path, "csv")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.yaml"))
        with within(5), pytest.raises(InputError, match="this is a socket, not a YAML file"):
            read_input(tmp_path / "s.yaml", "yaml")
    finally:
        server.close()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_file_over_its_kinds_cap_is_refused_before_it_is_read(tmp_path: Path, kind: str):
    big = tmp_path / "big"
    with big.open("wb") as handle:
        handle.truncate(KINDS[kind].limit + 1)  # sparse: costs no disk
    with pytest.raises(InputError) as raised:
        read_input(big, kind)
    message = raised.value.message
    assert f"the file is {KINDS[kind].limit + 1:,} bytes; the limit is" in message
    assert f"({KINDS[kind].limit:,} bytes) for {KINDS[kind].name}" in message


def test_a_file_within_its_cap_is_read_whole(tmp_path: Path):
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"a" * KINDS["yaml"].limit)
    assert len(read_input(exact, "yaml")) == KINDS["yaml"].limit


def _kit(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "compassion_kit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done, time.monotonic() - started


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["build", "/dev/zero", "-o", "out"], "/dev/zero: error: this is a device"),
        (["build", "/dev/urandom", "-o", "out"], "/dev/urandom: error: this is a device"),
        (["build", "pipe.yaml", "-o", "out"], "pipe.yaml: error: this is a named pipe (FIFO)"),
        (["validate", "/dev/zero"], "/dev/zero: error: this is a device, not a YAML file"),
        (["validate", "pipe.yaml"], "this is a named pipe (FIFO), not a YAML file"),
        (
            ["build", str(EXAMPLE / "workshop.yaml"), "--orgs", "pipe.yaml", "-o", "out"],
            "this is a named pipe (FIFO), not a CSV file",
        ),
        (
            ["build-deck", "intro", "--org", "pipe.yaml", "-o", "d.pptx"],
            "this is a named pipe (FIFO), not a YAML file",
        ),
    ],
)
def test_devices_and_fifos_answer_at_once_with_exit_1(tmp_path: Path, args: list[str], said: str):
    _fifo(tmp_path / "pipe.yaml")
    done, seconds = _kit(*args, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert said in done.stderr
    assert seconds < 20  # start-up included; a blocked read would hit the 60 s timeout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.yaml"]


def test_validate_of_dev_zero_does_not_claim_success():
    result = runner.invoke(app, ["validate", "/dev/zero"])
    assert result.exit_code == 1
    assert "0 items" not in result.stdout


def test_a_fifo_among_the_profiles_of_an_orgs_folder_fails_that_one_only(tmp_path: Path):
    orgs = tmp_path / "orgs"
    orgs.mkdir()
    shutil.copy(EXAMPLE / "logo.svg", orgs / "logo.svg")
    shutil.copy(EXAMPLE / "org.yaml", orgs / "wvhb.yaml")
    _fifo(orgs / "pipe.yaml")
    with within(30):
        result = runner.invoke(
            app,
            [
                "build",
                str(EXAMPLE / "workshop.yaml"),
                "--orgs",
                str(orgs),
                "-o",
                str(tmp_path / "o"),
            ],
        )
    assert result.exit_code == 1, result.stderr
    assert "this is a named pipe (FIFO), not a YAML file" in result.stderr
    assert (tmp_path / "o" / "wvhb" / "manifest.json").is_file()


def test_a_fifo_logo_is_named_as_a_fifo_not_a_folder(tmp_path: Path, org: Path):
    (org.parent / "logo.svg").unlink()
    _fifo(org.parent / "logo.svg")
    with within(10):
        result = runner.invoke(
            app, ["build-deck", "intro", "--org", str(org), "-o", str(tmp_path / "d.pptx")]
        )
    assert result.exit_code == 1
    assert "logo: the logo '" in result.stderr
    assert "is a named pipe (FIFO), not an image file" in result.stderr
    assert "folder" not in result.stderr
    assert "org.yaml:4" in result.stderr  # at the profile's logo line


def test_a_logo_over_its_cap_names_the_cap(tmp_path: Path, org: Path):
    logo = org.parent / "logo.svg"
    with logo.open("r+b") as handle:
        handle.truncate(KINDS["logo"].limit + 1)
    result = runner.invoke(
        app, ["build-deck", "intro", "--org", str(org), "-o", str(tmp_path / "d.pptx")]
    )
    assert result.exit_code == 1
    assert "the limit is 10 MB" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_yaml_is_named_as_utf16_with_the_fix(tmp_path: Path, org: Path, encoding: str):
    org.write_bytes(org.read_text(encoding="utf-8").encode(encoding))
    result = runner.invoke(app, ["validate", str(org)])
    assert result.exit_code == 1
    assert "the file is saved as UTF-16 text; the kit reads UTF-8" in result.stderr
    assert "save it as UTF-8" in result.stderr
    assert "binary" not in result.stderr


def test_utf16_csv_is_named_as_utf16(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_bytes("name\nWye\n".encode("utf-16"))
    result = runner.invoke(
        app, ["build", str(EXAMPLE / "workshop.yaml"), "--orgs", str(orgs), "-o", "o"]
    )
    assert result.exit_code == 1
    assert "saved as UTF-16 text" in result.stderr and "CSV UTF-8" in result.stderr


def test_an_unbalanced_quote_in_a_csv_is_an_error_at_its_line(tmp_path: Path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(
        "name,short_name,primary\nWye Valley,WVHB,#00594F\n"
        '"Unbalanced,quote Eps,,,,\nNext,N,#00594F\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        ["build", str(EXAMPLE / "workshop.yaml"), "--orgs", str(orgs), "-o", str(tmp_path / "o")],
    )
    assert result.exit_code == 1
    assert f"{orgs}:3: error: this row cannot be read as CSV" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "text",
    [
        'name\n"Quoted ""inner"" words"\n',
        'name,short_name\n"Two\nlines",T\n',
        "name;short_name\nSemi;S\n",
    ],
)
def test_balanced_quotes_are_still_read(tmp_path: Path, text: str):
    from compassion_kit.orgs import read_orgs

    orgs = tmp_path / "orgs.csv"
    orgs.write_text(text, encoding="utf-8")
    assert len(read_orgs(orgs)) == 1


def test_a_quote_inside_a_quoted_cell_must_be_doubled(tmp_path: Path):
    from compassion_kit.orgs import read_orgs

    orgs = tmp_path / "orgs.csv"
    orgs.write_text('name\n"Half"quoted\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"orgs.csv:2: error: this row cannot be read as CSV"):
        read_orgs(orgs)


def test_a_session_of_a_hundred_billion_minutes_is_not_said_to_end_the_next_day():
    from compassion_kit.timing import schedule
    from test_timing import make_agenda

    _, problems = schedule(make_agenda([30, 10**11]))
    assert [p.message for p in problems] == [
        "session 'Session 1' lasts 100,000,000,000 minutes, longer than a whole day (1,440 minutes)"
    ]
    _, problems = schedule(make_agenda([1000] * 4))  # each fine, together days too long
    assert [p.message for p in problems] == [
        "'Session 0' runs past midnight and the day would end 3 days later; "
        "the day must end by midnight"
    ]


def test_a_fifo_template_is_named_as_a_fifo_at_once(tmp_path: Path):
    pipe = _fifo(tmp_path / "tpl.pptx")
    with within(10):
        result = runner.invoke(
            app, ["build-deck", "intro", "--template", str(pipe), "-o", str(tmp_path / "d.pptx")]
        )
    assert result.exit_code == 1
    assert "this is a named pipe (FIFO), not an Office template" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tpl.pptx"]


def test_a_fifo_word_template_is_named_as_a_fifo_at_once(tmp_path: Path):
    from compassion_kit.render.docx.template import open_document

    pipe = _fifo(tmp_path / "tpl.docx")
    with within(10), pytest.raises(InputError) as raised:
        open_document(pipe)
    assert raised.value.message == "this is a named pipe (FIFO), not an Office template"


def test_unreadable_paths_are_named_plainly(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    cases = [
        (tmp_path / "missing.yaml", "no such file"),
        (tmp_path / "notes.txt" / "org.yaml", "part of the path is a file, not a folder"),
        (tmp_path / ("n" * 300 + ".yaml"), "is too long for this system"),
    ]
    for path, said in cases:
        with pytest.raises(InputError) as raised:
            read_input(path, "yaml")
        assert raised.value.message.startswith(said) or said in raised.value.message
        assert not raised.value.message.startswith("this:")
