"""Turn a `YamlDocument` into a model object, or into located `Problem`s.

Owns the mapping from pydantic's error paths to file, line and column.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compassion_kit.errors import Problem
from compassion_kit.loading import YamlDocument

M = TypeVar("M", bound=BaseModel)
_MISSING = "is required but missing"
_DID_YOU_MEAN = "did you mean '"

_TYPE_WORDS = {
    "string_type": "should be text; put it in quotes if it looks like a number",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "bool_type": "should be true or false",
    "list_type": "should be a list (lines starting with '- ')",
    "model_type": "should be a set of 'key: value' fields",
    "dict_type": "should be a set of 'key: value' fields",
}


_LIMIT_WORDS = {
    "greater_than_equal": "should be {} or more",
    "greater_than": "should be more than {}",
    "less_than_equal": "should be {} or less",
    "less_than": "should be less than {}",
    "string_too_short": "is too short: it needs at least {} character(s)",
    "string_too_long": "is too long: at most {} characters",
    "too_short": "needs at least {} entries",
    "too_long": "can have at most {} entries",
}


def validate_document(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate `doc.data` as `model`; return the object, or None and every problem found."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [_problem(doc, model, err) for err in exc.errors()]
    return None, _drop_echoes(problems)


def _drop_echoes(problems: list[Problem]) -> list[Problem]:
    """A misspelt key also makes the real field 'missing': report the misspelling only."""
    meant = set()
    for problem in problems:
        if problem.hint and problem.hint.startswith(_DID_YOU_MEAN):
            parent = (problem.field or "").rpartition(".")[0]
            suggestion = problem.hint[len(_DID_YOU_MEAN) : -2]
            meant.add(f"{parent}.{suggestion}" if parent else suggestion)
    return [p for p in problems if not (p.message == _MISSING and p.field in meant)]


def _problem(doc: YamlDocument, model: type[BaseModel], err: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(err["loc"])
    data_loc = _data_path(doc.data, loc)
    field = ".".join(str(p) for p in data_loc) or None
    kind = err["type"]
    hint = None
    if kind == "extra_forbidden":
        message = "is not a field the kit knows"
        valid = _valid_keys(model, data_loc[:-1], doc.data)
        close = difflib.get_close_matches(str(data_loc[-1]), valid, n=1, cutoff=0.6)
        if close:
            hint = f"{_DID_YOU_MEAN}{close[0]}'?"
        elif valid:
            hint = "valid fields here: " + ", ".join(sorted(valid))
    elif kind == "missing":
        message = _MISSING
        hint = "add it to this block"
    elif kind in _TYPE_WORDS:
        message = f"{_TYPE_WORDS[kind]} (got {_show(err.get('input'))})"
    elif kind in _LIMIT_WORDS:
        limit = next(iter(err.get("ctx", {}).values()), "")
        message = f"{_LIMIT_WORDS[kind].format(limit)} (got {_show(err.get('input'))})"
    elif kind == "string_pattern_mismatch" and "http" in str(err.get("ctx", {})):
        message = f"should be a web address starting https:// (got {_show(err.get('input'))})"
    elif kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        message = f"must be one of {expected} (got {_show(err.get('input'))})"
    elif kind == "union_tag_invalid":
        expected = err.get("ctx", {}).get("expected_tags", "")
        tag = err.get("ctx", {}).get("tag", "")
        message = f"unknown kind {_show(tag)}; use one of {expected}"
        location = doc.locate((*data_loc, "kind"))
        return Problem(message, location, field=f"{field}.kind" if field else "kind")
    elif kind == "union_tag_not_found":
        message = "needs a 'kind' field"
        hint = f"one of {err.get('ctx', {}).get('expected_tags', '')}"
    elif kind == "string_pattern_mismatch" and data_loc and "id" in str(data_loc[-1]):
        message = f"{_show(err.get('input'))} is not a valid id"
        hint = "use lower-case letters, digits and single hyphens, e.g. culture-values"
    else:
        message = str(err["msg"]).removeprefix("Value error, ")
        if err.get("input") is not None and kind not in ("value_error", "assertion_error"):
            message += f" (got {_show(err['input'])})"
    location = doc.locate(data_loc, key=kind == "extra_forbidden")
    return Problem(message, location, field=field, hint=hint)


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the parts of a pydantic error path that are not in the data (union tags)."""
    out: list[str | int] = []
    node = data
    skip_tag = False
    for part in loc:
        if skip_tag and isinstance(node, dict) and part == node.get("kind"):
            skip_tag = False  # pydantic names the union member chosen by 'kind'; not data
            continue
        skip_tag = isinstance(node, list)
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            out.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part == loc[-1]:
            out.append(part)  # a missing field: keep its name
        # otherwise a union tag or function name: skip it
    return tuple(out)


def _valid_keys(model: type[BaseModel], where: tuple[str | int, ...], data: Any) -> list[str]:
    """Field names allowed at `where`, walking the model along the data path."""
    current: Any = model
    node = data
    for part in where:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part]
        else:
            node = None
        if not isinstance(part, int):
            current = _field_model(current, part, node)
        elif not _is_model(current) and isinstance(node, dict):
            current = _unwrap(current, node)
        if current is None:
            return []
    if isinstance(node, dict) and "kind" in node and not _is_model(current):
        current = _pick_kind(current, node["kind"])
    return list(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _field_model(current: Any, name: str, node: Any) -> Any:
    if not _is_model(current) or name not in current.model_fields:
        return None
    annotation = current.model_fields[name].annotation
    return _unwrap(annotation, node)


def _unwrap(annotation: Any, node: Any) -> Any:
    from typing import get_args

    if _is_model(annotation):
        return annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if isinstance(node, list):
        return args[0] if len(args) == 1 else annotation
    if isinstance(node, dict) and "kind" in node:
        return _pick_kind(annotation, node["kind"])
    for arg in args:
        found = _unwrap(arg, node)
        if _is_model(found):
            return found
    return annotation


def _pick_kind(annotation: Any, kind: Any) -> Any:
    from typing import get_args

    stack = [annotation]
    while stack:
        item = stack.pop()
        if _is_model(item):
            field = item.model_fields.get("kind")
            if field is not None and kind in get_args(field.annotation):
                return item
        else:
            stack.extend(get_args(item))
    return None


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."
