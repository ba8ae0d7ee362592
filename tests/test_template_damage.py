"""A damaged template (a zip entry listed twice, a broken deflate stream, a number that is not
one) is the user's problem, exit 1 with the file named and nothing written, never a bug."""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.paths import templates_dir

runner = CliRunner()
PART = "ppt/presentation.xml"


def _copy(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            out.writestr(info, change(info.filename, src.read(info)))


def _listed_twice(target: Path) -> None:
    _copy(templates_dir() / "deck.pptx", target, lambda name, data: data)
    with warnings.catch_warnings(), zipfile.ZipFile(target, "a") as out:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name we want
        out.writestr(PART, b"<p:presentation/>")


def _broken_deflate(target: Path) -> None:
    _copy(templates_dir() / "deck.pptx", target, lambda name, data: data)
    raw = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as package:
        info = package.getinfo(PART)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 4
    for offset in range(start, start + 24):
        raw[offset] ^= 0xFF
    target.write_bytes(bytes(raw))


def _word_size(target: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        return re.sub(rb'cx="\d+"', b'cx="wide"', data, count=1) if name == PART else data

    _copy(templates_dir() / "deck.pptx", target, change)


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (_listed_twice, "more than once"),
        (_broken_deflate, "damaged"),
        (_word_size, "not a readable PowerPoint file"),
    ],
)
def test_damaged_deck_template_is_exit_1_naming_the_file(
    tmp_path: Path, damage: Callable[[Path], None], words: str
) -> None:
    template = tmp_path / "trust.pptx"
    damage(template)
    before = template.read_bytes()
    out = tmp_path / "deck.pptx"
    result = runner.invoke(
        app, ["build-deck", "intro", "--template", str(template), "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert "trust.pptx" in result.output and words in result.output
    assert "bug" not in result.output
    assert not out.exists() and template.read_bytes() == before
