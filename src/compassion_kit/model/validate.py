"""Turn plain data (a `YamlDocument`, or Python values) into model objects, with pydantic.

Owns the pydantic set-up (one cached adapter per model, built on first use) and placing
each mistake in the file (file, line, column). The wording is `_messages.py`'s; what is
valid is declared on the model types themselves.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import ConfigDict, TypeAdapter, ValidationError

from compassion_kit.errors import Problem
from compassion_kit.loading import YamlDocument
from compassion_kit.model._messages import Mistake, mistakes

M = TypeVar("M")

CONFIG = ConfigDict(
    extra="forbid",  # unknown keys are mistakes (`_messages` suggests the closest field)
    str_strip_whitespace=True,  # outer spaces are dropped before lengths are checked
    allow_inf_nan=False,  # no chart shows nan or infinity
    revalidate_instances="never",  # objects of the model types are taken as they are
)


class ModelError(ValueError):
    """Raised when a model is built from Python values that break its rules."""

    def __init__(self, model: type, found: list[Mistake]) -> None:
        self.mistakes = found
        lines = "\n".join(f"  {m}" for m in found)
        count = f"{len(found)} mistake{'s' * (len(found) != 1)}"
        super().__init__(f"{count} building {model.__name__}:\n{lines}")


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(model: type) -> TypeAdapter[Any]:
    """The adapter for `model`, built on first use (about 10 ms per kind of item)."""
    found = _ADAPTERS.get(model)
    if found is None:
        # pydantic reads config for a dataclass only from the class itself; as a union with
        # None (documents are never None) the adapter carries CONFIG to the plain dataclasses.
        optional: Any = model | None
        found = _ADAPTERS[model] = TypeAdapter(optional, config=CONFIG)
    return found


def read(model: type[M], data: Any) -> tuple[M | None, list[Mistake]]:
    """`data` read as `model`, or None and every mistake found (pydantic's whole list)."""
    if not isinstance(data, dict):
        return None, [Mistake((), "should be a set of 'key: value' fields")]
    try:
        return _adapter(model).validate_python(data), []
    except ValidationError as exc:
        return None, mistakes(exc.errors(include_url=False), model, data)


def build(model: type[M], data: dict[str, Any]) -> M:
    """A checked `model` object from Python values (nested blocks as dicts or objects).

    Raises:
        ModelError: every mistake found, each with its path.
    """
    found, listed = read(model, data)
    if found is None:
        raise ModelError(model, listed)
    return found


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate `doc.data` as `model`; return the object, or None and every problem found."""
    found, listed = read(model, doc.data)
    return found, [_problem(doc, mistake) for mistake in listed]


def validate_parts(
    doc: YamlDocument, model: type[M], stand_ins: dict[str, Any] | None = None
) -> tuple[M | None, list[Problem]]:
    """Like `validate_document`, but a document with mistakes still gives what is fine in it.

    Every field with a mistake is left out (its default, when it has one) so the rest can be
    checked further in the same run (references, colours, logos); a required field left out
    takes its block with it. Lists keep their positions: a mistake in an entry that is not a
    block leaves out the whole list. A required top-level field named in `stand_ins` takes
    that value instead, so the object is only for checking the rest, never for output.
    Returns None when even that leaves nothing valid (another required top-level field).
    """
    found, problems = validate_document(doc, model)
    if found is not None or not isinstance(doc.data, dict):
        return found, problems
    data = copy.deepcopy(doc.data)
    while True:
        found, listed = read(model, data)
        if found is not None:
            return found, problems
        if not all(_leave_out(data, _in_file(data, m.path), stand_ins or {}) for m in listed):
            return None, problems


def _leave_out(
    data: dict[str, Any], path: tuple[str | int, ...], stand_ins: dict[str, Any]
) -> bool:
    """Remove the deepest field on `path` that is written in a block; False at the top."""
    if path and path[0] in stand_ins and data.get(str(path[0])) != stand_ins[str(path[0])]:
        data[str(path[0])] = stand_ins[str(path[0])]
        return True
    keys = [depth for depth, part in enumerate(path) if isinstance(part, str)]
    while keys:
        depth = keys.pop()
        node: Any = data
        try:
            for part in path[:depth]:
                node = node[part]
        except (KeyError, IndexError, TypeError):
            return True  # a block around it is already left out
        if isinstance(node, dict) and path[depth] in node:
            del node[path[depth]]
            return True
        path = path[:depth]  # a missing required field: leave out the block holding it
    return False


def _problem(doc: YamlDocument, mistake: Mistake) -> Problem:
    where = _in_file(doc.data, mistake.path)
    return Problem(
        mistake.message,
        doc.locate(where, key=mistake.at_key),
        field=".".join(str(part) for part in where) or None,
        hint=mistake.hint,
    )


def _in_file(data: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The part of `path` written in the file.

    A shorthand such as a bullet written as plain text is read as a mapping first; a mistake
    inside it belongs to the text as written. A missing field keeps its name.
    """
    node = data
    for depth, part in enumerate(path):
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
        elif isinstance(node, dict) and depth == len(path) - 1:
            return path
        else:
            return path[:depth]
    return path
