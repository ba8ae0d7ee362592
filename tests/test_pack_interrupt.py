"""Ctrl-C or SIGTERM in the middle of `kit build` leaves no partial output behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from compassion_kit.interrupts import Interrupted, restore, stop_on

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "pack-small" / "workshop.yaml"
EXAMPLE = ROOT / "examples" / "wye-valley" / "workshop.yaml"


def orgs_csv(folder: Path, count: int) -> Path:
    rows = [f"Trust Number {i},T{i:03d},#005EB8" for i in range(count)]
    path = folder / "orgs.csv"
    path.write_text("name,short_name,primary\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_no_process_left(group: int) -> None:
    """Every worker ended with the kit: nothing is left in the process group it led.

    Multiprocessing's resource tracker ends by itself once the kit has gone: allow it a moment.
    """
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    left = subprocess.run(
        ["ps", "-o", "pid,args", "-g", str(group)], capture_output=True, text=True
    )
    raise AssertionError(f"processes left behind:\n{left.stdout}")


def start_and_stop(args: list[str], out: Path, how: str) -> subprocess.CompletedProcess[str]:
    """Run `kit build`, wait until packs are being written, then stop it as `how` says."""
    command = [sys.executable, "-m", "compassion_kit", "build", *args, "-o", str(out)]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        stages = list(out.parent.glob(f".{out.name}.*.part"))
        if stages and any(stages[0].iterdir()):
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    if how == "SIGTERM":
        proc.send_signal(signal.SIGTERM)
    elif how == "SIGINT":
        proc.send_signal(signal.SIGINT)
    else:  # Ctrl-C at a terminal reaches the whole process group, workers included
        os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert_no_process_left(proc.pid)
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "Ctrl-C"])
def test_interrupting_a_batch_leaves_nothing_behind(tmp_path: Path, how: str):
    orgs = orgs_csv(tmp_path, 60)
    out = tmp_path / "packs"
    done = start_and_stop([str(SMALL), "--orgs", str(orgs), "--jobs", "2"], out, how)
    assert done.returncode == 130, done.stderr
    assert "interrupted; nothing was written" in done.stderr
    assert done.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgs.csv"]


def test_interrupting_a_rebuild_keeps_the_previous_pack(tmp_path: Path):
    out = tmp_path / "pack"
    first = subprocess.run(
        [sys.executable, "-m", "compassion_kit", "build", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    done = start_and_stop([str(EXAMPLE)], out, "SIGTERM")
    assert done.returncode == 130, done.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


# The signal is sent from inside the process at a chosen moment: before the command's work
# starts (while the command line is parsed), or while the spec is read, before the folder
# that catches SIGTERM exists.
_STOP_AT = """
import os, signal, sys
from compassion_kit import cli
import compassion_kit.pack.batch as batch

how, where, spec, out = sys.argv[1:]
def stop():
    os.kill(os.getpid(), getattr(signal, how))
def parsing():
    stop()
    real_app()
def reading(*args, **kwargs):
    stop()
    return real_load_spec(*args, **kwargs)
real_app, real_load_spec = cli.app, batch.load_spec
if where == "parsing":
    cli.app = parsing
else:
    batch.load_spec = reading
sys.argv = ["kit", "build", spec, "-o", out]
cli.main()
"""


@pytest.mark.parametrize("where", ["parsing", "reading"])
@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_an_early_interrupt_ends_cleanly_with_130(tmp_path: Path, how: str, where: str):
    out = tmp_path / "pack"
    done = subprocess.run(
        [sys.executable, "-c", _STOP_AT, how, where, str(SMALL), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted; nothing was written\n"
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_stop_signal_raises_interrupted_until_the_handler_is_restored() -> None:
    before = signal.getsignal(signal.SIGUSR1)
    previous = stop_on([signal.SIGUSR1])
    try:
        with pytest.raises(Interrupted):
            signal.raise_signal(signal.SIGUSR1)
    finally:
        restore(previous)
    assert signal.getsignal(signal.SIGUSR1) == before


def test_outside_the_main_thread_no_handler_is_installed() -> None:
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(stop_on([signal.SIGUSR1])))
    worker.start()
    worker.join()
    assert found == [{}]


def test_a_stop_signal_during_the_swap_is_raised_once_it_is_done() -> None:
    from compassion_kit.pack import folder

    previous = stop_on([signal.SIGINT])
    steps: list[str] = []
    try:
        with pytest.raises(Interrupted):
            with folder._signals_held():
                signal.raise_signal(signal.SIGINT)
                steps.append("the swap went on")
            steps.append("not reached")
    finally:
        restore(previous)
    assert steps == ["the swap went on"]


def test_a_pack_is_built_where_there_are_no_signal_masks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compassion_kit import build_pack

    monkeypatch.delattr(signal, "pthread_sigmask")  # as on Windows
    result = build_pack(SMALL, tmp_path / "pack")
    assert result.exit_code == 0 and (tmp_path / "pack" / "manifest.json").is_file()


# Ctrl-C reaches the whole process group while the workers are still starting Python: they
# must ignore it from their first instruction, or each would print a KeyboardInterrupt
# traceback of its own.
_CTRL_C_AT_START = """
import os, signal, sys, time
from compassion_kit import cli, console

real_start = console.PackProgress.start
def start(self, total):
    time.sleep(0.3)  # the workers were started a moment ago: they are importing the kit
    os.killpg(0, signal.SIGINT)
    real_start(self, total)
console.PackProgress.start = start
sys.argv = ["kit", "build", *sys.argv[1:]]
cli.main()
"""


def test_ctrl_c_while_workers_start_prints_no_traceback(tmp_path: Path) -> None:
    orgs = orgs_csv(tmp_path, 6)
    out = tmp_path / "packs"
    args = [str(SMALL), "--orgs", str(orgs), "--jobs", "2", "-o", str(out)]
    proc = subprocess.Popen(
        [sys.executable, "-c", _CTRL_C_AT_START, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    stdout, stderr = proc.communicate(timeout=120)
    assert_no_process_left(proc.pid)
    assert proc.returncode == 130, stderr
    assert stderr == "interrupted; nothing was written\n"
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgs.csv"]
