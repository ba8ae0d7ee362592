"""Write an agenda plan as Markdown, for emails, wikis and pipelines (`--format md`).

Owns the Markdown layout only; what each audience sees is decided by the plan.
"""

from __future__ import annotations

import re

from compassion_kit.render import RenderedFile
from compassion_kit.render.plan.agenda import AgendaPlan, AgendaRow, Note, RunSheet

# Characters that would start emphasis, code or HTML in running text.
_SPECIAL = re.compile(r"([\\`*_<\[\]])")
# Text that would start a heading, list or quote when it begins a line.
_LINE_START = re.compile(r"^(\d+)?([.)](?= )|(?<!\d)[#>+-](?= |$))")


def write_agenda_markdown(plan: AgendaPlan) -> RenderedFile:
    """The agenda as UTF-8 Markdown: title, details, a table of times, then (for
    facilitators) the run sheet and each session's notes. Ends with the source credit.
    """
    lines = [f"# {_text(plan.title)}", "", _text(plan.version), ""]
    lines += [f"- **{label}:** {_text(value)}" for label, value in plan.details]
    if plan.run_sheet is not None:
        lines += ["", *_run_sheet(plan.run_sheet)]
    lines += ["", "## Agenda", "", *_table(plan.rows, with_text=plan.run_sheet is None)]
    if plan.run_sheet is not None:
        lines += ["", "## Session notes"]
        for row in plan.rows:
            lines += ["", *_session(row)]
    lines += ["", "---", "", f"Source: {_text(plan.credit)}", ""]
    return RenderedFile(data="\n".join(lines).encode("utf-8"), kind="md", warnings=plan.warnings)


def _table(rows: tuple[AgendaRow, ...], *, with_text: bool) -> list[str]:
    """Participants get what happens in each session in the table; facilitators get it below."""
    if with_text:
        out = ["| Time | Session | What happens |", "| --- | --- | --- |"]
        out += [f"| {row.time} | {_cell(row.title)} | {_cell(row.text or '')} |" for row in rows]
        return out
    out = ["| Time | Minutes | Session |", "| --- | ---: | --- |"]
    out += [f"| {row.time} | {row.minutes} | {_cell(row.title)} |" for row in rows]
    return out


def _run_sheet(sheet: RunSheet) -> list[str]:
    out = [
        "## Run sheet",
        "",
        f"**Total time:** {_text(sheet.total)}",
        "",
        "### Materials for the day",
        "",
    ]
    out += [f"- {_text(m)}" for m in sheet.materials] or ["No materials listed."]
    out += ["", "### Print list", ""]
    if not sheet.prints:
        return [*out, "Nothing to print."]
    out += ["| Item | Copies | Used in |", "| --- | --- | --- |"]
    out += [
        f"| {_cell(p.title)} (`{p.item_id}`) | {p.copies} | {_cell(p.used_in)} |"
        for p in sheet.prints
    ]
    return out


def _session(row: AgendaRow) -> list[str]:
    out = [f"### {row.time}: {_text(row.title)}"]
    if row.text:
        out += ["", _text(row.text)]
    if row.notes:
        out += ["", "> **Facilitator notes**"]
        for note in row.notes:
            out += [">", *_note(note)]
    return out


def _note(note: Note) -> list[str]:
    head = f"> **{note.label}:**" + (f" {_text(note.text)}" if note.text else "")
    return [head, *(f"> - {_text(item)}" for item in note.items)]


def _text(text: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(r"\1\\\2", escaped)


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|")
