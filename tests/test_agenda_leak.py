"""The leak guard: no facilitator-only text reaches a participant agenda, in any format.

Checked for every agenda in the bundled library and for the fixture agenda, in Word and in
Markdown, with and without slide numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache

import pytest
from lxml import etree

from compassion_kit.library import SLIDE_TOKEN, Library, load_library
from compassion_kit.model import Agenda
from compassion_kit.render.agenda import (
    AgendaRequest,
    plan_agenda,
    write_agenda_docx,
    write_agenda_markdown,
)
from test_agenda_plan import NUMBERS, fixture_library, make_request

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
MIN_FRAGMENT = 12  # shorter pieces ("Pens") may honestly appear in participant text too


@cache
def bundled() -> Library:
    return load_library()


def cases() -> list[tuple[str, str]]:
    ids = [("bundled", agenda_id) for agenda_id in bundled().ids("agenda")]
    return [*ids, ("fixture", "fixture-planning-day")]


def request_for(source: str, agenda_id: str, audience: str) -> AgendaRequest:
    library = bundled() if source == "bundled" else fixture_library()
    numbers = None if source == "bundled" else NUMBERS
    return make_request(audience, library=library, agenda_id=agenda_id, numbers=numbers)


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def docx_text(data: bytes) -> str:
    """Every paragraph of body, headers, footers and the core properties, one per line."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(archive.read(name))
            if name.startswith("word/"):
                lines += ["".join(t.text or "" for t in p.iter(W_T)) for p in root.iter(W_P)]
            elif name == "docProps/core.xml":
                lines += [e.text or "" for e in root.iter()]
    return "\n".join(lines)


def markdown_text(data: bytes) -> str:
    return re.sub(r"\\(.)", r"\1", data.decode("utf-8"))


def facilitator_only(request: AgendaRequest) -> list[str]:
    """Fragments of text only facilitators should see: annotations, materials, slides, prints."""
    labels = ["Facilitator notes", "Run sheet", "Print list"]
    texts: list[str] = list(labels)
    for session in request.agenda.sessions:
        note = session.facilitator
        own = [note.purpose, note.how, *note.ready, note.produce or ""] if note else []
        own += session.materials
        slide_ids = [*session.slides, *SLIDE_TOKEN.findall(" ".join(own))]
        own += [request.slide_titles[s] for s in slide_ids]
        own += [request.library_titles[p.item] for p in session.print]
        texts += own
    fragments = []
    for text in texts:
        fragments += [f.strip(" .,;:()") for f in re.split(r"\{slide:[^}]*\}", text)]
    return [f for f in dict.fromkeys(fragments) if len(f) >= MIN_FRAGMENT or f in labels]


def public(request: AgendaRequest) -> str:
    """Everything participants may read; a facilitator fragment inside it is no leak."""
    agenda: Agenda = request.agenda
    parts = [
        agenda.title,
        request.brand.organisation.name,
        request.date or "",
        request.venue or "",
        agenda.source.credit(),
    ]
    parts += [s.title for s in agenda.sessions] + [s.participant or "" for s in agenda.sessions]
    return normalise("\n".join(parts))


@pytest.mark.parametrize(("source", "agenda_id"), cases())
def test_participant_outputs_hold_no_facilitator_only_text(source: str, agenda_id: str) -> None:
    request = request_for(source, agenda_id, "participant")
    plan = plan_agenda(request)
    outputs = {
        "docx": normalise(docx_text(write_agenda_docx(plan, request).data)),
        "md": normalise(markdown_text(write_agenda_markdown(plan).data)),
    }
    allowed = public(request)
    fragments = [f for f in facilitator_only(request) if normalise(f) not in allowed]
    assert fragments, "the check would be empty: the agenda has no facilitator-only text"
    for kind, text in outputs.items():
        leaked = [f for f in fragments if normalise(f) in text]
        assert leaked == [], f"{agenda_id} participant {kind} shows facilitator text"


@pytest.mark.parametrize(("source", "agenda_id"), cases())
def test_facilitator_outputs_do_show_the_annotations(source: str, agenda_id: str) -> None:
    """The other half: the fragments the leak test looks for are really in facilitator files."""
    request = request_for(source, agenda_id, "facilitator")
    plan = plan_agenda(request)
    docx = normalise(docx_text(write_agenda_docx(plan, request).data))
    md = normalise(markdown_text(write_agenda_markdown(plan).data))
    purposes = [s.facilitator.purpose for s in request.agenda.sessions if s.facilitator]
    for purpose in purposes:
        text = normalise(re.split(r"\{slide:[^}]*\}", purpose)[0])
        assert text in docx and text in md
