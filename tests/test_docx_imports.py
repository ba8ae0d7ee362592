"""Word files are written without python-docx: importing it costs more than writing a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples"

# Every Word renderer, facilitator versions included, with a logo; then the ticks read back.
SCRIPT = """
import sys
from pathlib import Path
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
print(sorted(name for name in sys.modules if name == "docx" or name.startswith("docx.")))
"""


def test_writing_every_word_file_never_imports_python_docx(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(EXAMPLES / "wye-valley" / "org.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert len(list(tmp_path.glob("*.docx"))) == 5
