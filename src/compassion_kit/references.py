"""Cross-references between content items: slide, deck, worksheet and handout ids.

Owns the check that every id an item names exists. It reads the data as written, not the
model objects, so it runs on files with field mistakes too and one run reports both kinds.
Field checks are the model's; finding the files is `library.py`'s.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from compassion_kit.errors import Problem
from compassion_kit.loading import YamlDocument

SLIDE_TOKEN = re.compile(r"\{slide:([a-z0-9-]+)\}")
_Where = tuple[str | int, ...]
# (what is named: "deck", "slide", "worksheet", "printable"), where, the id named.
_Reference = tuple[str, _Where, str]


@dataclass(frozen=True)
class Written:
    """One content file as written, and the fields where validation found mistakes."""

    doc: YamlDocument
    mistakes: frozenset[str] = frozenset()

    @property
    def kind(self) -> Any:
        return self.doc.data.get("kind")

    def named(self, where: _Where) -> bool:
        """Whether the value at `where` is free of field mistakes (so worth looking up)."""
        parts = [str(part) for part in where]
        return not any(
            parts[: len(bad.split("."))] == bad.split(".") for bad in self.mistakes if bad
        )


def check_references(
    files: list[Written],
    kinds: dict[str, str],
    unknown_id: Callable[[str, str, YamlDocument, _Where], Problem],
) -> list[Problem]:
    """A problem for every slide, deck, worksheet or handout id that names nothing.

    `kinds` maps every known item id (also of files with mistakes) to its kind; `unknown_id`
    words a problem for an id that is not an item of the kind wanted. References at a field
    with its own mistake are skipped: that field is already reported.
    """
    owners = _slide_owners(files)
    problems = _repeated_slides(files)
    for file in files:
        for what, where, named in _references(file.doc.data, file.kind):
            if not file.named(where):
                continue
            if what == "slide" and named not in owners:
                problems.append(_unknown_slide(file.doc, where, named, owners))
            elif what == "printable" and kinds.get(named) not in ("worksheet", "handout"):
                problems.append(
                    Problem(
                        f"'{named}' is not a worksheet or handout",
                        file.doc.locate(where),
                        field=".".join(str(p) for p in where),
                        hint="use an id from `kit list --kind worksheet` or `--kind handout`",
                    )
                )
            elif what == "deck" and kinds.get(named) != "deck":
                problems.append(unknown_id(named, "deck", file.doc, where))
            elif what == "worksheet" and named not in kinds:
                problems.append(unknown_id(named, "worksheet", file.doc, where))
    return problems


def _slides(file: Written) -> Iterator[tuple[int, str]]:
    slides = file.doc.data.get("slides") if file.kind == "deck" else None
    for index, slide in enumerate(slides if isinstance(slides, list) else []):
        if isinstance(slide, dict) and isinstance(slide.get("id"), str):
            yield index, slide["id"]


def _slide_owners(files: list[Written]) -> dict[str, str]:
    """Slide id -> id of the deck that holds it (as written)."""
    return {slide: str(f.doc.data.get("id")) for f in files for _, slide in _slides(f)}


def _repeated_slides(files: list[Written]) -> list[Problem]:
    owners: dict[str, str] = {}
    problems = []
    for file in files:
        deck = str(file.doc.data.get("id"))
        for index, slide in _slides(file):
            if slide in owners and owners[slide] != deck:
                problems.append(
                    Problem(
                        f"slide id '{slide}' is also used in deck '{owners[slide]}'",
                        file.doc.locate(("slides", index, "id")),
                        field=f"slides.{index}.id",
                        hint="slide ids must be unique across the library; prefix them with "
                        "the module's initials",
                    )
                )
            owners[slide] = deck
    return problems


def _references(data: dict[str, Any], kind: Any) -> Iterator[_Reference]:
    """Every id an item names, with where it is written; values that are not text are left
    to the field checks."""
    if kind == "agenda":
        yield from _texts("deck", ("deck",), data.get("deck"))
        for index, session in _blocks(data.get("sessions")):
            yield from _session(("sessions", index), session)
    elif kind == "worksheet" and isinstance(data.get("deck_slide"), str):
        yield "slide", ("deck_slide",), data["deck_slide"]
    elif kind == "deck":
        for index, slide in _blocks(data.get("slides")):
            exercise = slide.get("exercise")
            if isinstance(exercise, dict) and isinstance(exercise.get("worksheet"), str):
                yield "worksheet", ("slides", index, "exercise", "worksheet"), exercise["worksheet"]


def _session(base: _Where, session: dict[str, Any]) -> Iterator[_Reference]:
    yield from _texts("slide", (*base, "slides"), session.get("slides"))
    note = session.get("facilitator")
    if isinstance(note, dict):
        texts = [note.get(k) for k in ("how", "purpose", "produce")]
        for more in (note.get("ready"), session.get("materials")):
            texts += more if isinstance(more, list) else []
        for text in texts:
            for slide in SLIDE_TOKEN.findall(text if isinstance(text, str) else ""):
                yield "slide", (*base, "facilitator"), slide
    for index, printed in _blocks(session.get("print")):
        if isinstance(printed.get("item"), str):
            yield "printable", (*base, "print", index, "item"), printed["item"]


def _blocks(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    for index, entry in enumerate(value if isinstance(value, list) else []):
        if isinstance(entry, dict):
            yield index, entry


def _texts(what: str, base: _Where, value: Any) -> Iterator[_Reference]:
    for index, entry in enumerate(value if isinstance(value, list) else []):
        if isinstance(entry, str):
            yield what, (*base, index), entry


def _unknown_slide(
    doc: YamlDocument, where: _Where, slide_id: str, owners: dict[str, str]
) -> Problem:
    close = difflib.get_close_matches(slide_id, list(owners), n=1, cutoff=0.6)
    return Problem(
        f"there is no slide with the id '{slide_id}'",
        doc.locate(where),
        field=".".join(str(p) for p in where),
        hint=(f"did you mean '{close[0]}'? " if close else "")
        + "see slide ids with `kit show DECK-ID`",
    )
