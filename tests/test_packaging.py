"""An installed wheel carries the content library and templates as package data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked tree")
def test_wheel_bundles_content_and_templates(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("compassion_kit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    bundled = {n.split("_bundled/", 1)[1] for n in names if "/_bundled/" in n}
    content = {p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.yaml")}
    assert content <= bundled
    assert any(n.startswith("templates/") for n in bundled)
    assert not any(n.endswith(".py") for n in bundled)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
