"""Packs built in worker processes: started with `spawn` (as on Windows and macOS), the same
bytes as built here, errors brought back, nothing left behind."""

from __future__ import annotations

import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compassion_kit import build_pack
from compassion_kit.cli import app
from compassion_kit.pack import PackOptions, pool

runner = CliRunner()
SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"
LOGO = Path(__file__).parent / "fixtures" / "pack-small" / "logo.svg"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def three_orgs(tmp_path: Path) -> Path:
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(
        "name,short_name,logo,primary\n"
        f"Alpha Trust,AT,{LOGO},#005EB8\n"
        "Beta Hospice,BH,,#00594F\n"
        "Gamma Board,GB,,#330072\n",
        encoding="utf-8",
    )
    return orgs


def test_a_batch_under_spawn_is_byte_for_byte_the_batch_built_here(
    tmp_path: Path, three_orgs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    methods: list[str] = []
    real_init = ProcessPoolExecutor.__init__

    def spy(self: ProcessPoolExecutor, *args: Any, **kwargs: Any) -> None:
        context = kwargs.get("mp_context", args[1] if len(args) > 1 else None)
        methods.append(context.get_start_method())
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", spy)
    spawned = build_pack(SMALL, tmp_path / "spawned", PackOptions(orgs=three_orgs, jobs=2))
    assert methods == ["spawn"]
    build_pack(SMALL, tmp_path / "here", PackOptions(orgs=three_orgs, jobs=1))
    assert methods == ["spawn"]  # jobs=1 builds in this process
    assert [o.ok for o in spawned.outcomes] == [True, True, True]
    built = tree(tmp_path / "spawned")
    assert sorted({name.split("/")[0] for name in built}) == ["at", "bh", "gb", "manifest.json"]
    assert built == tree(tmp_path / "here")


def test_the_spec_file_workers_read_is_removed_after_the_batch(
    tmp_path: Path, three_orgs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = build_pack(SMALL, tmp_path / "out", PackOptions(orgs=three_orgs, jobs=2))
    assert result.exit_code == 0
    assert list(scratch.iterdir()) == []


def test_a_single_pack_starts_no_worker_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*_args: object) -> None:
        raise AssertionError("a single pack must be built in this process")

    monkeypatch.setattr(pool, "_open_pool", no_pool)
    result = runner.invoke(app, ["build", str(SMALL), "-o", str(tmp_path / "one")])
    assert result.exit_code == 0, result.stderr


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


def test_a_worker_ignores_ctrl_c_from_its_start() -> None:
    import signal

    before = signal.getsignal(signal.SIGINT)
    with pool._ctrl_c_ignored():
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) == before
