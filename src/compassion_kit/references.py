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
# Words that make a session's material or "have ready" line name a paper the kit prints, so
# the session must print it (`print:`); lines about something online or on a slide are not paper.
PAPER = re.compile(
    r"\b(?:(the|this|that)\s+)?(templates?|forms?|handouts?|worksheets?|case stud(?:y|ies))\b"
)
ONLINE = re.compile(r"\b(?:link|online|url|chat|email|poll|slide|screen)\b")
# Words too common to tell one printed item from another.
_COMMON = frozenset(
    re.findall(
        r"[a-z]+",
        """a an and any as at by each every for from in of on one or our per the their this to
        with your copy spare blank printed print take away participant group table team room
        facilitator sheet paper pen flipchart flip chart template form handout worksheet case
        study completed set copies""",
    )
)
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
    """A problem for every slide, deck, worksheet or handout id that names nothing, and for
    every agenda line naming a template, form, handout or worksheet its sessions do not print.

    `kinds` maps every known item id (also of files with mistakes) to its kind; `unknown_id`
    words a problem for an id that is not an item of the kind wanted. References at a field
    with its own mistake are skipped: that field is already reported.
    """
    owners = _slide_owners(files)
    problems = _repeated_slides(files)
    titles = {
        str(f.doc.data.get("id")): str(f.doc.data.get("title", ""))
        for f in files
        if isinstance(f.doc.data.get("title"), str)
    }
    printable = [str(f.doc.data.get("id")) for f in files if f.kind in ("worksheet", "handout")]
    vocabulary = set().union(*(_item_words(i, titles) for i in printable))
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
        if file.kind == "agenda":
            problems += _unprinted_papers(file, titles, vocabulary)
    return problems


def _unprinted_papers(file: Written, titles: dict[str, str], vocabulary: set[str]) -> list[Problem]:
    """A problem for each material or "have ready" line naming a template, form, handout,
    worksheet or case study that neither its session nor the next one prints (things are
    often got ready in the break before the session that uses them).

    A line matches a printed item when they share a word that names printable items
    (`vocabulary`: "Fishbone diagram template" and `fishbone-diagram`); a line with no such
    word, or saying "the handout", matches anything its sessions print.
    """
    problems = []
    sessions = list(_blocks(file.doc.data.get("sessions")))
    prints = [
        [p["item"] for _, p in _blocks(s.get("print")) if isinstance(p.get("item"), str)]
        for _, s in sessions
    ]
    for order, (index, session) in enumerate(sessions):
        printed = prints[order] + (prints[order + 1] if order + 1 < len(prints) else [])
        note = session.get("facilitator")
        lines: list[tuple[tuple[str, ...], Any]] = [(("materials",), session.get("materials"))]
        if isinstance(note, dict):
            lines.append((("facilitator", "ready"), note.get("ready")))
        for field, texts in lines:
            for line, text in enumerate(texts if isinstance(texts, list) else []):
                where: _Where = ("sessions", index, *field, line)
                if isinstance(text, str) and file.named(where):
                    found = _unprinted(text, printed, titles, vocabulary)
                    if found is not None:
                        named = [_title(s) for _, s in sessions[order : order + 2]]
                        problems.append(
                            _paper_problem(file.doc, where, text, found, named, printed)
                        )
    return problems


def _unprinted(
    text: str, printed: list[str], titles: dict[str, str], vocabulary: set[str]
) -> str | None:
    """The paper word of `text` when none of the `printed` items matches it, else None."""
    lowered = text.lower()
    named = PAPER.search(lowered)
    if named is None or ONLINE.search(lowered):
        return None
    words = _telling(lowered) & vocabulary
    for item in printed:
        if words & _item_words(item, titles):
            return None
    if printed and (named.group(1) or not words):  # "the handout": the one this session prints
        return None
    paper = named.group(2)
    return "case study" if paper.startswith("case") else paper.removesuffix("s")


def _item_words(item: str, titles: dict[str, str]) -> set[str]:
    return _telling(item.replace("-", " ")) | _telling(titles.get(item, "").lower())


def _telling(text: str) -> set[str]:
    """The words of `text` that can tell items apart, singular ("studies" -> "study")."""
    words = set()
    for word in re.findall(r"[a-z]+", text):
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        if word not in _COMMON and len(word) > 2:
            words.add(word)
    return words


def _title(session: dict[str, Any]) -> str:
    return str(session.get("title", session.get("id", "")))


def _paper_problem(
    doc: YamlDocument, where: _Where, text: str, paper: str, sessions: list[str], printed: list[str]
) -> Problem:
    """`sessions` are the titles of the line's session and the next one, if any."""
    which = f"the session '{sessions[0]}'"
    if len(sessions) > 1:
        which += f" or the next, '{sessions[1]}',"
    prints = "prints only " + ", ".join(f"'{i}'" for i in printed) if printed else "prints nothing"
    return Problem(
        f"'{text}' names a printed {paper}, but {which} {prints}",
        doc.locate(where),
        field=".".join(str(p) for p in where),
        hint="add the kit's item to this session's print: list (ids: `kit list --kind "
        "worksheet` or `--kind handout`); if the room brings it instead, name it without "
        "'template', 'form', 'handout', 'worksheet' or 'case study' (e.g. 'flipchart paper')",
    )


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
