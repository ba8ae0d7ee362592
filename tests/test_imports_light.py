"""Commands that write no Office file stay light: they import neither python-pptx nor python-docx.

Each command runs in a fresh interpreter (as `kit` would), and a small wrapper reports which
modules of the two libraries ended up in `sys.modules` once the command had finished.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pptx", "docx")

# Runs `kit <args>` in-process, then writes the command's exit code and every loaded module of
# the heavy libraries to the file named by argv[1]. `PRELUDE` lets the control test load one.
WRAPPER = """
import json, sys
report, args = sys.argv[1], sys.argv[2:]
{prelude}
from compassion_kit.cli import main
sys.argv = ["kit", *args]
try:
    main()
    code = 0
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
with open(report, "w", encoding="utf-8") as f:
    json.dump({{"code": code, "heavy": heavy}}, f)
"""


def run_kit(tmp_path: Path, args: list[str], prelude: str = "") -> dict[str, object]:
    """Run `kit args` in a new interpreter; its exit code and heavy modules loaded."""
    report = tmp_path / "report.json"
    script = WRAPPER.format(prelude=prelude, heavy=set(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", script, str(report), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert report.exists(), f"kit {' '.join(args)} did not finish:\n{done.stderr[-2000:]}"
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    assert result["code"] == 0, f"kit {' '.join(args)} failed:\n{done.stderr[-2000:]}"
    return result


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["list"],
        ["list", "--kind", "deck", "--json"],
        ["show", "intro"],
        ["validate"],
        ["validate", str(ROOT / "examples" / "wye-valley" / "org.yaml")],
    ],
    ids=["help", "list", "list-json", "show", "validate-library", "validate-profile"],
)
def test_commands_that_write_no_office_file_import_neither_pptx_nor_docx(
    tmp_path: Path, args: list[str]
):
    result = run_kit(tmp_path, args)
    assert result["heavy"] == [], (
        f"`kit {' '.join(args)}` imported {result['heavy']}: import python-pptx/python-docx "
        "lazily, inside the writers, so commands that write no Office file start quickly"
    )


def test_the_check_sees_a_library_that_was_imported(tmp_path: Path):
    # Control: the same wrapper reports python-pptx when something did import it.
    result = run_kit(tmp_path, ["--help"], prelude="import pptx")
    assert "pptx" in result["heavy"]  # type: ignore[operator]
