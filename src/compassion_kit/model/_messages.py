"""Pydantic's validation errors in plain words: what is wrong, where, and how to fix it.

Owns the wording of every field mistake; finding the mistakes is pydantic's job (set up in
`validate.py`), placing them in the file is `validate.py`'s.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union

from pydantic_core import ErrorDetails

from compassion_kit.model.rules import show

Where = tuple[str | int, ...]
_ADD = "add it to this block"
_UNKNOWN = ("unexpected_keyword_argument", "extra_forbidden")
_MISSING = ("missing", "missing_keyword_only_argument", "missing_argument")
# How to fill in a required field whose plain "add it to this block" would not say enough.
_MISSING_HINTS = {
    "provenance": (
        "add 'provenance:' with from_source (what the credited source gives: facts, figures, "
        "structure) and written_for_kit (what was written for the kit: wording, questions, "
        "examples)"
    ),
}
# Error type -> our words; "{...}" names a value of the error's context.
_WORDS = {
    "string_type": "should be text; put it in quotes if it looks like a number",
    "string_too_short": "is too short: it needs at least {min_length} character{s}",
    "string_too_long": "is too long: at most {max_length} character{s}",
    "too_short": "needs at least {min_length} {entries}",
    "too_long": "can have at most {max_length} {entries}",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "int_parsing_size": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "finite_number": "should be a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "greater_than_equal": "should be {ge} or more",
    "less_than_equal": "should be {le} or less",
    "literal_error": "must be one of {expected}",
    "list_type": "should be a list (lines starting with '- ')",
    "dataclass_type": "should be a set of 'key: value' fields",
    "dataclass_args_type": "should be a set of 'key: value' fields",
    "model_attributes_type": "should be a set of 'key: value' fields",
}


@dataclass(frozen=True)
class Mistake:
    """One thing wrong with the data: where (a path of keys and indexes) and what.

    `at_key` points the location at the key rather than its value (unknown keys).
    """

    path: Where
    message: str
    hint: str | None = None
    at_key: bool = False

    def __str__(self) -> str:
        where = ".".join(str(part) for part in self.path)
        text = f"{where}: {self.message}" if where else self.message
        return text + (f" (hint: {self.hint})" if self.hint else "")


def mistakes(errors: list[ErrorDetails], model: type, data: Any) -> list[Mistake]:
    """Every pydantic error on `data` read as `model`, in plain words, in pydantic's order.

    An unknown key names the closest field; a required field that was misspelt is reported
    once, as the misspelt key, not again as missing.
    """
    unknown = [e for e in errors if e["type"] in _UNKNOWN]
    suggested: dict[Where, str] = {}
    found = []
    for error in errors:
        path = tuple(error["loc"])
        if error["type"] in _UNKNOWN:
            mistake = _unknown_key(path, model, data)
            if mistake.hint and mistake.hint.startswith("did you mean"):
                suggested[(*path[:-1], mistake.hint.split("'")[1])] = str(path[-1])
            found.append(mistake)
        elif error["type"] in _MISSING:
            hint = _MISSING_HINTS.get(str(path[-1]), _ADD) if path else _ADD
            found.append(Mistake(path, "is required but missing", hint))
        else:
            found.append(_wrong(error, path))
    if unknown:
        found = [m for m in found if not (m.message.endswith("missing") and m.path in suggested)]
    return found


def _wrong(error: ErrorDetails, path: Where) -> Mistake:
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    kind = error["type"]
    if kind == "kit":
        at = ctx.get("at")
        return Mistake((*path, at) if at else path, ctx["words"], ctx.get("hint"))
    if kind == "value_error":  # a whole-object check (`__post_init__`) of a model
        return Mistake(path, str(ctx.get("error", error["msg"])))
    words = _WORDS.get(kind)
    if words is None:
        return Mistake(
            path, f"{error['msg'][:1].lower()}{error['msg'][1:]} (got {show(error['input'])})"
        )
    count = ctx.get("min_length", ctx.get("max_length", 0))
    ctx["s"] = "s" * (count != 1)
    ctx["entries"] = "entry" if count == 1 else "entries"
    return Mistake(path, f"{words.format(**ctx)} (got {show(error['input'])})")


def _unknown_key(path: Where, model: type, data: Any) -> Mistake:
    valid = sorted(_field_names(model, path[:-1], data))
    close = difflib.get_close_matches(str(path[-1]), valid, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "valid fields here: " + ", ".join(valid)
    return Mistake(path, "is not a field the kit knows", hint, at_key=True)


def _field_names(model: type, path: Where, data: Any) -> list[str]:
    """The fields of the model found at `path` in `data` (none when it cannot be told)."""
    hint: Any = model
    node = data
    for part in path:
        hint = _one_model(hint, node)
        if isinstance(part, int) and typing.get_origin(hint) is list:
            hint = typing.get_args(hint)[0]
        elif isinstance(part, str) and isinstance(hint, type) and dataclasses.is_dataclass(hint):
            hint = _hints(hint).get(part)
        else:
            return []
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    hint = _one_model(hint, node)
    return list(_hints(hint)) if isinstance(hint, type) and dataclasses.is_dataclass(hint) else []


def _one_model(hint: Any, node: Any) -> Any:
    """The model a union of models (or a model or None) means for the data `node`."""
    if typing.get_origin(hint) not in (Union, types.UnionType):
        return hint
    models = [
        a for a in typing.get_args(hint) if isinstance(a, type) and dataclasses.is_dataclass(a)
    ]
    if len(models) == 1:
        return models[0]
    kind = node.get("kind") if isinstance(node, dict) else None
    for option in models:
        kinds = _hints(option).get("kind")
        if typing.get_origin(kinds) is Literal and kind in typing.get_args(kinds):
            return option
    return hint


@cache
def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model)
