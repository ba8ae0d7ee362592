"""Turn a `YamlDocument` into a model object, or into located `Problem`s.

Owns placing the model's mistakes in the file (file, line, column); what counts as a
mistake, and its wording, belong to the model.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from compassion_kit.errors import Problem
from compassion_kit.loading import YamlDocument
from compassion_kit.model._fields import read
from compassion_kit.model._schema import Mistake, Strict

M = TypeVar("M", bound=Strict)


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate `doc.data` as `model`; return the object, or None and every problem found."""
    mistakes: list[Mistake] = []
    found = read(model, doc.data, mistakes)
    if not mistakes:
        return found, []
    return None, [_problem(doc, mistake) for mistake in mistakes]


def validate_parts(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Like `validate_document`, but a document with mistakes still gives what is fine in it.

    Every field with a mistake is left out (its default, when it has one) so the rest can be
    checked further in the same run; a required field left out takes its block with it. Lists
    keep their positions: a mistake in an entry that is not a block leaves out the whole list.
    Returns None when even that leaves nothing valid (a required top-level field is wrong).
    """
    found, problems = validate_document(doc, model)
    if found is not None or not isinstance(doc.data, dict):
        return found, problems
    data = copy.deepcopy(doc.data)
    while True:
        mistakes: list[Mistake] = []
        found = read(model, data, mistakes)
        if found is not None:
            return found, problems
        if not all(_leave_out(data, _in_file(data, m.path)) for m in mistakes):
            return None, problems


def _leave_out(data: dict[str, Any], path: tuple[str | int, ...]) -> bool:
    """Remove the deepest field on `path` that is written in a block; False at the top."""
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
