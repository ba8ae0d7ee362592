"""The content library: every item found in the bundled and user content folders.

Owns discovery, overrides and cross-references between items; not rendering.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from compassion_kit.aliases import alias_table, alias_warning, current_agenda
from compassion_kit.errors import ContentError, Location, Problem, ProblemLog
from compassion_kit.loading import YamlDocument, read_yaml
from compassion_kit.model import KINDS, Agenda, DeckModule, Item
from compassion_kit.model.validate import validate_document
from compassion_kit.paths import content_dir
from compassion_kit.references import SLIDE_TOKEN, Written, check_references

__all__ = ["SLIDE_TOKEN", "Entry", "Library", "load_item_file", "load_library"]


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
    """All items by id, plus notes about user files that replaced bundled ones.

    `aliases` maps an item's former ids to its current one: every lookup accepts them, and
    `entries` and `items()` list each item once, under its current id.
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    overrides: list[str] = field(default_factory=list)
    user_ids: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    """Content files that name an item by a former id (the build goes on)"""

    def current_id(self, item_id: str) -> str:
        """The id `item_id` stands for now: itself, or the item it is a former id of."""
        return self.aliases.get(item_id, item_id)

    def entry(self, item_id: str) -> Entry | None:
        """The entry with this id or former id, or None."""
        return self.entries.get(self.current_id(item_id))

    def resolve(
        self, item_id: str, log: ProblemLog, location: Location | None = None, field: str = ""
    ) -> str:
        """The current id for `item_id`; logs a deprecation warning when it is a former id."""
        new = self.current_id(item_id)
        if new != item_id:
            log.add(alias_warning(item_id, new, location, field or None))
        return new

    def get(self, item_id: str) -> Item:
        return self.entries[self.current_id(item_id)].item

    def items(self, kind: str | None = None) -> list[Item]:
        return [e.item for e in self.entries.values() if kind is None or e.item.kind == kind]

    def ids(self, kind: str | None = None) -> list[str]:
        return [i.id for i in self.items(kind)]

    def require(self, item_id: str, kind: str, location: Location | None = None) -> Item:
        """The item with this id and kind, or a ContentError listing the ids of that kind."""
        entry = self.entry(item_id)
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
    entry = library.entry(item_id)
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
    unreadable: list[Written] = []
    for root, is_user in sources:
        for path in _yaml_files(root, log):
            _add_file(library, path, is_user, log, unreadable)
    # References are checked even after field mistakes, so one run reports both kinds; files
    # with mistakes take part as written (their ids are known, their references checked).
    log.extend(_settle_aliases(library))
    written = [Written(e.doc) for e in library.entries.values()] + unreadable
    kinds = {str(w.doc.data.get("id")): str(w.kind) for w in unreadable}
    kinds.update({i: e.item.kind for i, e in library.entries.items()})
    kinds.update({old: library.entries[new].item.kind for old, new in library.aliases.items()})
    log.extend(check_references(written, kinds, lambda *a: _unknown_id(library, *a)))
    from compassion_kit.timing import schedule  # only needed here, to check agendas' clocks

    for entry in library.entries.values():
        if isinstance(entry.item, Agenda):
            log.extend(schedule(entry.item, None, entry.doc.locate)[1])
    log.raise_if_any()
    return library


def _settle_aliases(library: Library) -> list[Problem]:
    """Fill `library.aliases`, then rewrite agendas that name items by a former id (each
    such line gets a warning in `library.warnings`). Returns an error for each alias that
    two items claim."""
    problems: list[Problem] = []
    claimed: dict[str, Entry] = {}
    for entry in library.entries.values():
        for index, old in enumerate(entry.item.aliases):
            other = claimed.setdefault(old, entry)
            if other is not entry:
                problems.append(
                    Problem(
                        f"the former id '{old}' is also claimed by {other.path}",
                        entry.doc.locate(("aliases", index)),
                        field=f"aliases.{index}",
                        hint="a former id can name one item only; remove it from one of them",
                    )
                )
    owners = {i: list(e.item.aliases) for i, e in library.entries.items()}
    library.aliases = alias_table(owners, set(library.entries))
    for item_id, entry in library.entries.items():
        if isinstance(entry.item, Agenda) and library.aliases:
            agenda, warnings = current_agenda(entry.item, library.aliases, entry.doc.locate)
            library.entries[item_id] = Entry(agenda, entry.doc)
            library.warnings.extend(warnings)
    return problems


def _unknown_id(
    library: Library, item_id: str, kind: str, doc: YamlDocument, where: tuple[str | int, ...]
) -> Problem:
    problem = unknown_id_problem(library, item_id, kind, doc.locate(where))
    return replace(problem, field=".".join(str(part) for part in where))


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
    entry, problems, _ = _read_item(path)
    return entry, problems


def _read_item(path: Path) -> tuple[Entry | None, list[Problem], YamlDocument | None]:
    """The entry (None with mistakes), its problems, and the document when it is YAML."""
    try:
        doc = read_yaml(path, display_path=display_path(path))
    except ContentError as exc:
        return None, exc.problems, None
    kind = doc.data.get("kind")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        where = doc.locate(("kind",))
        got = "no 'kind' field" if kind is None else f"unknown kind '{kind}'"
        return (
            None,
            [
                Problem(
                    f"{got}; every item needs one",
                    where,
                    field="kind",
                    hint="kind: deck, agenda, worksheet or handout",
                )
            ],
            None,
        )
    item, problems = validate_document(doc, model)
    return (Entry(item, doc) if item is not None else None), problems, doc


def _add_file(
    library: Library, path: Path, is_user: bool, log: ProblemLog, unreadable: list[Written]
) -> None:
    entry, problems, doc = _read_item(path)
    log.extend(problems)
    if entry is None:
        if doc is not None:  # mistakes in its fields: its references are still checked
            unreadable.append(Written(doc, frozenset(p.field or "" for p in problems)))
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
