"""`kit feedback-template`: the data-entry CSV for typing in paper feedback forms.

Owns that file's layout: a Session column, then one column per question of the form in the
order printed, headed with its wording ("Why?" after each rated row that has a why box), so
`kit feedback` ties every column back to the form.
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from compassion_kit.errors import ContentError, Location, OutputError, Problem
from compassion_kit.feedback.forms import forms
from compassion_kit.output import write_atomic

SESSION = "Session"


def entry_csv(headers: list[str]) -> bytes:
    """The CSV bytes: UTF-8 with a byte-order mark, so Excel opens it with the right accents."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(headers)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_entry_template(form_id: str, output: Path, content: tuple[Path, ...] = ()) -> Path:
    """Write the data-entry CSV for the form `form_id` to `output` and return its path.

    Raises:
        ContentError: there is no feedback form with that id (the ids are listed).
        OutputError: `output` already exists, or cannot be written.
    """
    from compassion_kit.library import load_library

    library = load_library(content)
    known = forms(library)
    form_id = library.current_id(form_id)  # a form's former id still works
    if form_id not in known:
        close = difflib.get_close_matches(form_id, sorted(known), n=1)
        hint = (
            (f"did you mean '{close[0]}'? " if close else "") + "forms: " + ", ".join(sorted(known))
        )
        raise ContentError(
            [Problem(f"there is no feedback form '{form_id}'", Location(None), hint=hint)]
        )
    output = Path(output)
    if output.exists():
        raise OutputError(
            [
                Problem(
                    "the file already exists",
                    Location(output),
                    hint="choose another name with -o, or delete it first",
                )
            ]
        )
    headers = [SESSION, *(q.text for q in known[form_id])]
    write_atomic(output, entry_csv(headers))
    return output
