"""A single pack's deck written by a second process: same files, errors brought back, no
process left behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.errors import ContentError, Problem
from compassion_kit.pack import parallel
from compassion_kit.pack.parallel import Started

runner = CliRunner()
SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"
forks = pytest.mark.skipif(not parallel._can_fork(), reason="forks only on Linux with 2+ cores")


def _same_files(first: Path, second: Path) -> None:
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@forks
def test_pack_is_the_same_with_and_without_the_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["build", str(SMALL), "-o", str(tmp_path / "two")]).exit_code == 0
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)
    assert runner.invoke(app, ["build", str(SMALL), "-o", str(tmp_path / "one")]).exit_code == 0
    _same_files(tmp_path / "one", tmp_path / "two")


@forks
def test_result_and_kit_errors_come_back_from_the_child() -> None:
    parent = os.getpid()
    assert Started(lambda: os.getpid()).result() != parent

    def fails() -> None:
        raise ContentError([Problem("the template has no title layout")])

    with pytest.raises(ContentError) as caught:
        Started(fails).result()
    assert [p.message for p in caught.value.problems] == ["the template has no title layout"]


@forks
def test_an_error_that_cannot_be_pickled_is_still_reported() -> None:
    class Local(Exception):  # defined in a function: pickle cannot find it again
        pass

    def fails() -> None:
        raise Local("disk on fire")

    with pytest.raises(RuntimeError, match="Local: disk on fire"):
        Started(fails).result()


@forks
def test_stop_ends_the_child_at_once_and_reaps_it() -> None:
    started = Started(lambda: time.sleep(30))
    child = started._pid
    begun = time.monotonic()
    started.stop()
    assert time.monotonic() - begun < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped: no zombie left


@forks
def test_an_interrupt_while_waiting_for_the_result_still_ends_and_reaps_the_child() -> None:
    import signal

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    started = Started(lambda: time.sleep(30))
    child = started._pid
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)  # lands while result() reads the pipe
        with pytest.raises(KeyboardInterrupt):
            started.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    started.stop()  # was OSError: the pipe result() had opened was closed a second time
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)


@forks
def test_a_bug_while_writing_the_deck_exits_3_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compassion_kit.render.deck as deck

    def broken(*_args: object) -> None:
        raise ValueError("deck writer bug")

    monkeypatch.setattr(deck, "write_deck", broken)
    out = tmp_path / "pack"
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(out)])
    assert result.exit_code == 3
    assert "deck writer bug" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_without_fork_the_work_runs_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)
    ran: list[int] = []
    started = Started(lambda: ran.append(os.getpid()) or 7)
    assert ran == []
    assert started.result() == 7 and ran == [os.getpid()]
    started.stop()  # nothing forked: nothing to stop


def test_work_not_asked_to_fork_runs_here_when_asked() -> None:
    ran: list[int] = []
    started = Started(lambda: ran.append(os.getpid()) or 7, fork=False)
    assert ran == [] and started._pid == 0
    assert started.result() == 7 and ran == [os.getpid()]
    started.stop()
