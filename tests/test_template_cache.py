"""Templates are loaded once per process for each version of the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compassion_kit import template_cache


def test_a_template_is_loaded_once_until_the_file_changes(tmp_path: Path) -> None:
    loads: list[Path] = []

    @template_cache.cached_per_file()
    def load(path: Path) -> bytes:
        loads.append(path)
        return path.read_bytes()

    template = tmp_path / "brand.pptx"
    template.write_bytes(b"first")
    assert load(template) == b"first"
    assert load(tmp_path / "." / "brand.pptx") == b"first"  # the same file, another spelling
    assert len(loads) == 1
    template.write_bytes(b"second!")
    os.utime(template, ns=(1, 1))  # a new version even where mtime has coarse resolution
    assert load(template) == b"second!"
    assert len(loads) == 2
    template_cache.clear()
    assert load(template) == b"second!"
    assert len(loads) == 3


def test_a_failed_load_is_not_remembered(tmp_path: Path) -> None:
    attempts: list[int] = []

    @template_cache.cached_per_file()
    def load(path: Path) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("not a template")
        return "ok"

    template = tmp_path / "t.docx"
    template.write_bytes(b"x")
    with pytest.raises(ValueError):
        load(template)
    assert load(template) == "ok"
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing.docx")
