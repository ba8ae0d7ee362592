"""python-docx is imported when a Word file is written, and never by planning alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples"

# Plan every Word output (the public render modules), then write them, reporting whether
# python-docx was loaded after each step.
SCRIPT = """
import sys
from pathlib import Path
import compassion_kit.render.agenda, compassion_kit.render.handout
import compassion_kit.render.worksheet
from compassion_kit.render.plan import agenda, handout, page, printing, worksheet
print("docx" in sys.modules)
from compassion_kit.build import (
    AgendaOptions, PrintOptions, build_agenda, build_handouts, build_worksheets,
)
from compassion_kit.render.worksheet import read_tick_answers

out, org = Path(sys.argv[1]), Path(sys.argv[2])
for facilitator in (False, True):
    build_agenda("improvement-planning", out / f"agenda-{facilitator}.docx",
                 AgendaOptions(facilitator=facilitator, org=org))
    options = PrintOptions(org=org, facilitator=facilitator, team="Ward 7")
    build_worksheets(["feedback-form", "six-word-stories"], out / f"sheets-{facilitator}.docx",
                     options)
build_handouts(["business-case-infographic", "why-compassion-matters"], out / "handouts.docx",
               PrintOptions(org=org))
assert read_tick_answers((out / "sheets-False.docx").read_bytes())
print("docx" in sys.modules)
"""


def test_planning_never_imports_python_docx_and_writing_does(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(EXAMPLES / "wye-valley" / "org.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    assert len(list(tmp_path.glob("*.docx"))) == 5
