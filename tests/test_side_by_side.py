"""A single pack's deck written by a forked child while the documents are written here: the
same bytes as written one after the other, and the child's errors brought back."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from compassion_kit import build_pack
from compassion_kit.errors import KitError, Location, Problem
from compassion_kit.pack import side_by_side
from compassion_kit.render import RenderedFile

SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"
FORKS = side_by_side.can_fork()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(not FORKS, reason="needs Linux and two cores")
def test_a_pack_written_side_by_side_is_the_pack_written_in_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[int] = []
    real = side_by_side.Pending.__init__

    def spy(self: side_by_side.Pending, make: object) -> None:
        real(self, make)  # type: ignore[arg-type]
        children.append(self._child.pid or 0)

    monkeypatch.setattr(side_by_side.Pending, "__init__", spy)
    build_pack(SMALL, tmp_path / "forked")
    assert len(children) == 1 and children[0] != os.getpid()
    monkeypatch.setattr(side_by_side, "can_fork", lambda: False)
    build_pack(SMALL, tmp_path / "in-turn")
    assert len(children) == 1  # no second child
    forked, in_turn = _tree(tmp_path / "forked"), _tree(tmp_path / "in-turn")
    assert any(name.endswith(".pptx") for name in forked)
    assert forked == in_turn


def _deck() -> RenderedFile:
    return RenderedFile(b"PK deck", "pptx", 3, ("a warning",))


def _refuse() -> RenderedFile:
    raise KitError([Problem("a bad colour", Location(Path("deck.yaml"), 4), hint="use #005EB8")])


class _Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle")


def _unpicklable() -> RenderedFile:
    raise _Unpicklable("the deck broke")


def _die() -> RenderedFile:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


@pytest.mark.skipif(not FORKS, reason="needs Linux and two cores")
def test_the_childs_result_and_errors_come_back() -> None:
    assert side_by_side.Pending(_deck).result() == _deck()
    with pytest.raises(KitError) as refused:
        side_by_side.Pending(_refuse).result()
    assert refused.value.problems[0].message == "a bad colour"
    with pytest.raises(RuntimeError, match="the deck broke"):
        side_by_side.Pending(_unpicklable).result()
    with pytest.raises(RuntimeError, match="stopped unexpectedly"):
        side_by_side.Pending(_die).result()


def test_without_fork_the_deck_is_made_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    monkeypatch.setattr(side_by_side, "can_fork", lambda: False)

    def make() -> RenderedFile:
        made.append(1)
        return _deck()

    later = side_by_side.begin(make)
    assert made == [1]
    assert later.result() == _deck()
    later.cancel()  # nothing to stop


@pytest.mark.skipif(not FORKS, reason="needs Linux and two cores")
def test_when_the_documents_fail_the_deck_child_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compassion_kit.pack import write

    started: list[side_by_side.Pending] = []
    real = side_by_side.Pending.__init__

    def spy(self: side_by_side.Pending, make: object) -> None:
        real(self, make)  # type: ignore[arg-type]
        started.append(self)

    def fail(*_: object) -> None:
        raise KitError([Problem("the document template is unreadable")])

    monkeypatch.setattr(side_by_side.Pending, "__init__", spy)
    monkeypatch.setattr(write, "_write_documents", fail)
    with pytest.raises(KitError, match="unreadable"):
        build_pack(SMALL, tmp_path / "out")
    assert len(started) == 1 and not started[0]._child.is_alive()
    assert not (tmp_path / "out").exists()  # nothing half-written
