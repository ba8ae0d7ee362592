"""The content library: every item found in the bundled and user content folders.

Owns discovery, overrides and cross-references between items; not rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem, ProblemLog
from compassion_kit.loading import YamlDocument, read_yaml
from compassion_kit.model import KINDS, Agenda, DeckModule, Item, Worksheet
from compassion_kit.model.validate import validate_document
from compassion_kit.paths import content_dir

SLIDE_TOKEN = re.compile(r"\{slide:([a-z0-9-]+)\}")


@dataclass(frozen=True)
class Entry:
    """One item with the file it came from (for messages that point back at it)."""

    item: Item
    doc: YamlDocument

    @property
    def path(self) -> Path:
        return self.doc.path


@dataclass
class Library:
    """All items by id, plus notes about user files that replaced bundled ones."""

    entries: dict[str, Entry] = field(default_factory=dict)
    overrides: list[str] = field(default_factory=list)
    user_ids: set[str] = field(default_factory=set)

    def get(self, item_id: str) -> Item:
        return self.entries[item_id].item

    def items(self, kind: str | None = None) -> list[Item]:
        return [e.item for e in self.entries.values() if kind is None or e.item.kind == kind]

    def ids(self, kind: str | None = None) -> list[str]:
        return [i.id for i in self.items(kind)]

    def require(self, item_id: str, kind: str, location: Location | None = None) -> Item:
        """The item with this id and kind, or a ContentError listing the ids of that kind."""
        entry = self.entries.get(item_id)
        if entry is not None and entry.item.kind == kind:
            return entry.item
        raise ContentError([unknown_id_problem(self, item_id, kind, location)])

    def slide_owner(self) -> dict[str, str]:
        """Slide id -> id of the deck module that holds it."""
        return {
            s.id: d.id for d in self.items("deck") if isinstance(d, DeckModule) for s in d.slides
        }


def unknown_id_problem(
    library: Library, item_id: str, kind: str, location: Location | None = None
) -> Problem:
    """A problem for an id that is not an item of `kind`, naming the close and valid ids."""
    import difflib

    valid = sorted(library.ids(None if kind == "item" else kind))
    entry = library.entries.get(item_id)
    if entry is not None:
        message = f"'{item_id}' is {_a(entry.item.kind)}, not {_a(kind)}"
    else:
        message = f"there is no {kind} with the id '{item_id}'"
    close = difflib.get_close_matches(item_id, valid, n=1, cutoff=0.6)
    hint = (f"did you mean '{close[0]}'? " if close else "") + f"{kind} ids: " + ", ".join(valid)
    return Problem(message, location or Location(), hint=hint)


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def load_library(extra: Iterable[Path] = (), *, bundled: bool = True) -> Library:
    """Load the bundled library and any user folders or files on top of it.

    An item in `extra` with the id of a bundled item replaces it (noted in `overrides`).

    Raises:
        ContentError: every problem in every file, and every broken cross-reference.
    """
    log = ProblemLog()
    library = Library()
    sources: list[tuple[Path, bool]] = []
    if bundled:
        sources.append((content_dir(), False))
    sources.extend((Path(p), True) for p in extra)
    for root, is_user in sources:
        for path in _yaml_files(root, log):
            _add_file(library, path, is_user, log)
    log.raise_if_any()
    check_references(library, log)
    log.raise_if_any()
    return library


def _yaml_files(root: Path, log: ProblemLog) -> list[Path]:
    if root.exists() and not root.is_dir():  # a FIFO or device is refused when read
        return [root]
    if not root.exists():
        log.add(
            Problem(
                "no such file or folder",
                Location(root),
                hint="check the content path (from --content, or a spec's content: list)",
            )
        )
        return []
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def display_path(path: Path) -> Path:
    """`path` relative to the working folder when it is inside it (shorter messages)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def load_item_file(path: Path) -> tuple[Entry | None, list[Problem]]:
    """Read and validate one content file; return the entry or its problems."""
    try:
        doc = read_yaml(path, display_path=display_path(path))
    except ContentError as exc:
        return None, exc.problems
    kind = doc.data.get("kind")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        where = doc.locate(("kind",))
        got = "no 'kind' field" if kind is None else f"unknown kind '{kind}'"
        return None, [
            Problem(
                f"{got}; every item needs one",
                where,
                field="kind",
                hint="kind: deck, agenda, worksheet or handout",
            )
        ]
    item, problems = validate_document(doc, model)
    return (Entry(item, doc) if item is not None else None), problems


def _add_file(library: Library, path: Path, is_user: bool, log: ProblemLog) -> None:
    entry, problems = load_item_file(path)
    log.extend(problems)
    if entry is None:
        return
    previous = library.entries.get(entry.item.id)
    if previous is not None:
        if is_user and previous.item.id not in library.user_ids:
            library.overrides.append(f"{path} replaces the bundled '{entry.item.id}'")
        else:
            log.add(
                Problem(
                    f"the id '{entry.item.id}' is already used by {previous.path}",
                    entry.doc.locate(("id",)),
                    field="id",
                    hint="give each item its own id",
                )
            )
            return
    library.entries[entry.item.id] = entry
    if is_user:
        library.user_ids.add(entry.item.id)


def check_references(library: Library, log: ProblemLog) -> None:
    """Add a problem for every slide, worksheet or handout id that does not exist."""
    owners: dict[str, str] = {}
    for entry in library.entries.values():
        item = entry.item
        if isinstance(item, DeckModule):
            for index, slide in enumerate(item.slides):
                if slide.id in owners and owners[slide.id] != item.id:
                    log.add(
                        Problem(
                            f"slide id '{slide.id}' is also used in deck '{owners[slide.id]}'",
                            entry.doc.locate(("slides", index, "id")),
                            field=f"slides.{index}.id",
                            hint="slide ids must be unique across the library; prefix them with "
                            "the module's initials",
                        )
                    )
                owners[slide.id] = item.id
    for entry in library.entries.values():
        if isinstance(entry.item, Agenda):
            _check_agenda(library, entry, owners, log)
        elif isinstance(entry.item, Worksheet) and entry.item.deck_slide:
            if entry.item.deck_slide not in owners:
                log.add(_unknown_slide(entry, ("deck_slide",), entry.item.deck_slide, owners))
        elif isinstance(entry.item, DeckModule):
            for index, slide in enumerate(entry.item.slides):
                sheet = getattr(getattr(slide, "exercise", None), "worksheet", None)
                if sheet and sheet not in library.entries:
                    loc = entry.doc.locate(("slides", index, "exercise", "worksheet"))
                    log.add(unknown_id_problem(library, sheet, "worksheet", loc))


def _check_agenda(library: Library, entry: Entry, owners: dict[str, str], log: ProblemLog) -> None:
    from compassion_kit.timing import schedule

    agenda = entry.item
    assert isinstance(agenda, Agenda)
    log.extend(schedule(agenda, None, entry.doc.locate)[1])
    for index, deck_id in enumerate(agenda.deck):
        if not isinstance(library.entries.get(deck_id, Entry(agenda, entry.doc)).item, DeckModule):
            log.add(unknown_id_problem(library, deck_id, "deck", entry.doc.locate(("deck", index))))
    for s_index, session in enumerate(agenda.sessions):
        base = ("sessions", s_index)
        for index, slide_id in enumerate(session.slides):
            if slide_id not in owners:
                log.add(_unknown_slide(entry, (*base, "slides", index), slide_id, owners))
        if session.facilitator:
            note = session.facilitator
            texts = [note.how, note.purpose, note.produce or "", *note.ready, *session.materials]
            for slide_id in SLIDE_TOKEN.findall(" ".join(texts)):
                if slide_id not in owners:
                    log.add(_unknown_slide(entry, (*base, "facilitator"), slide_id, owners))
        for index, printed in enumerate(session.print):
            target = library.entries.get(printed.item)
            if target is None or target.item.kind not in ("worksheet", "handout"):
                log.add(
                    Problem(
                        f"'{printed.item}' is not a worksheet or handout",
                        entry.doc.locate((*base, "print", index, "item")),
                        field=f"sessions.{s_index}.print.{index}.item",
                        hint="use an id from `kit list --kind worksheet` or `--kind handout`",
                    )
                )


def _unknown_slide(
    entry: Entry, where: tuple[str | int, ...], slide_id: str, owners: dict[str, str]
) -> Problem:
    import difflib

    close = difflib.get_close_matches(slide_id, list(owners), n=1, cutoff=0.6)
    return Problem(
        f"there is no slide with the id '{slide_id}'",
        entry.doc.locate(where),
        field=".".join(str(p) for p in where),
        hint=(f"did you mean '{close[0]}'? " if close else "")
        + "see slide ids with `kit show DECK-ID`",
    )
