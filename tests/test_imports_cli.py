"""Commands that read inputs and build nothing never import python-pptx or python-docx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs `kit ARGS...` in this interpreter, then prints which Office libraries were imported.
_RUN = """
import json, sys
from compassion_kit.cli import main
sys.argv = ["kit", *sys.argv[1:]]
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"pptx", "docx"})
print(json.dumps({"code": code, "loaded": loaded}), file=sys.__stderr__)
"""


def office_libraries_after(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    return list(report["loaded"])


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["list"],
        ["list", "--kind", "deck", "--json"],
        ["show", "intro"],
        ["validate"],
        ["validate", "examples/wye-valley/org.yaml"],
    ],
    ids=" ".join,
)
def test_reading_commands_do_not_import_office_libraries(args: list[str]) -> None:
    assert office_libraries_after(*args) == []


def test_the_check_sees_an_office_library_when_one_is_imported() -> None:
    # A command that writes a deck does import python-pptx, or will once the writers use it:
    # the same check must then see it, or the tests above would pass whatever happened.
    code = _RUN.replace("main()", "import pptx, docx; main()")
    done = subprocess.run(
        [sys.executable, "-c", code, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert json.loads(done.stderr.strip().splitlines()[-1])["loaded"] == ["docx", "pptx"]
