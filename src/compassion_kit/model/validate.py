"""Turn a `YamlDocument` into a model object, or into located `Problem`s.

Owns placing the model's mistakes in the file (file, line, column); what counts as a
mistake, and its wording, belong to the model.
"""

from __future__ import annotations

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
