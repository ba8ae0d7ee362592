"""Read plain data (from YAML or from keywords) into model objects, collecting every mistake.

Owns each model's field table, built once per class on first use, and the checks for lists,
nested objects and unions. Single values are `_values.py`'s business.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Collection, Sequence
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from compassion_kit.model._schema import NO_DEFAULT, FieldSpec, Mistake, Strict
from compassion_kit.model._values import (
    INVALID,
    Convert,
    Rule,
    Where,
    number,
    one_of,
    show,
    text,
    whole_number,
    with_rules,
    wrong,
    yes_no,
)

M = TypeVar("M", bound=Strict)
_SCALARS: dict[Any, Convert] = {str: text, int: whole_number, float: number, bool: yes_no}
_NOT_A_MAPPING = "should be a set of 'key: value' fields"


# name, check, default, default factory: a plain tuple, unpacked in the loop that reads data.
_Field = tuple[str, Convert, Any, Callable[[], Any] | None]


class _Table:
    """What reading one model needs: its fields in order, and its whole-object checks."""

    __slots__ = ("fields", "names", "checks", "kinds")

    def __init__(
        self, fields: list[_Field], checks: list[Callable[[Any], Any]], kinds: tuple[str, ...]
    ) -> None:
        self.fields = tuple(fields)
        self.names = frozenset(spec[0] for spec in fields)
        self.checks = tuple(checks)
        self.kinds = kinds  # what `kind` may say, when it is a Literal


_TABLES: dict[type, _Table] = {}


def read(model: type[M], data: Any, mistakes: list[Mistake]) -> M | None:
    """`data` read as `model`; None when anything is wrong (every mistake is in `mistakes`)."""
    found = _object(model)(data, (), mistakes)
    return None if found is INVALID else found


def fill(obj: Strict, data: dict[str, Any], path: Where, mistakes: list[Mistake]) -> bool:
    """Check `data` against `obj`'s fields and, if all is well, give `obj` its values.

    Reports unknown keys (with the closest field), missing fields, and every field's own
    mistakes; the whole-object checks run only when every field is valid.
    """
    table = _table(type(obj))
    start = len(mistakes)
    suggested: Collection[str] = ()
    unknown_mistakes: list[Mistake] = []
    if not table.names.issuperset(data):
        unknown = [key for key in data if key not in table.names]
        suggested, unknown_mistakes = _unknown_keys(unknown, table, path)
    values: dict[str, Any] = {}
    for name, convert, default, default_factory in table.fields:
        if name in data:
            values[name] = convert(data[name], (*path, name), mistakes)
        elif default_factory is not None:
            values[name] = default_factory()
        elif default is not NO_DEFAULT:
            values[name] = default
        elif name not in suggested:  # a misspelt key is reported once, as misspelt
            mistakes.append(Mistake((*path, name), "is required but missing", _ADD))
    mistakes.extend(unknown_mistakes)
    if len(mistakes) > start:
        return False
    object.__setattr__(obj, "__dict__", values)
    for whole_check in table.checks:
        try:
            whole_check(obj)
        except ValueError as exc:
            mistakes.append(Mistake(path, str(exc)))
            return False
    return True


_ADD = "add it to this block"


def _unknown_keys(keys: list[str], table: _Table, path: Where) -> tuple[set[str], list[Mistake]]:
    import difflib  # only needed when something is misspelt

    valid = sorted(table.names)
    suggested: set[str] = set()
    found = []
    for key in keys:
        close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
        suggested.update(close)
        hint = f"did you mean '{close[0]}'?" if close else "valid fields here: " + ", ".join(valid)
        found.append(Mistake((*path, key), "is not a field the kit knows", hint, at_key=True))
    return suggested, found


def _table(model: type[Strict]) -> _Table:
    found = _TABLES.get(model)
    if found is None:
        found = _TABLES[model] = _make_table(model)
    return found


def _make_table(model: type[Strict]) -> _Table:
    hints = _hints(model)
    fields: list[_Field] = []
    for name, hint in hints.items():
        if name.startswith("_"):
            continue
        declared = _declared(model, name)
        if isinstance(declared, FieldSpec):
            convert = compile_type(hint, declared.rules)
            fields.append((name, convert, declared.default, declared.default_factory))
        else:
            fields.append((name, compile_type(hint), declared, None))
    kind = hints.get("kind")
    kinds = get_args(kind) if get_origin(kind) is Literal else ()
    checks = {
        name: value
        for cls in reversed(model.__mro__)
        for name, value in vars(cls).items()
        if getattr(value, "__whole_object_check__", False)
    }
    return _Table(fields, list(checks.values()), kinds)


def _hints(model: type[Strict]) -> dict[str, Any]:
    """The annotations of `model` and its bases, base fields first, resolved to types.

    Annotations are strings (postponed evaluation). Many repeat (`Text`, `ItemId | None`), so
    each is evaluated once per module: `typing.get_type_hints` compiles every one afresh.
    """
    hints: dict[str, Any] = {}
    for cls in reversed(model.__mro__):
        namespace = sys.modules[cls.__module__].__dict__
        for name, annotation in vars(cls).get("__annotations__", {}).items():
            if isinstance(annotation, str):
                key = (cls.__module__, annotation)
                if key not in _RESOLVED:  # eval is safe here: the text is our own source
                    _RESOLVED[key] = eval(annotation, namespace)
                annotation = _RESOLVED[key]
            hints[name] = annotation
    return hints


_RESOLVED: dict[tuple[str, str], Any] = {}


def _declared(model: type, name: str) -> Any:
    for cls in model.__mro__:
        if name in vars(cls):
            return vars(cls)[name]
    return NO_DEFAULT


def compile_type(hint: Any, rules: Sequence[Rule] = ()) -> Convert:
    """A check for values of type `hint`, with `rules` applied to values that are not None."""
    key = (hint, tuple(rules))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _compile(hint, key[1])
    return found


_COMPILED: dict[tuple[Any, tuple[Rule, ...]], Convert] = {}  # `Text` alone is used ~100 times


def _compile(hint: Any, rules: tuple[Rule, ...]) -> Convert:
    origin = get_origin(hint)
    if origin is Annotated:
        return compile_type(hint.__origin__, (*hint.__metadata__, *rules))
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        convert = _union(options, rules)
        return convert if len(options) == len(get_args(hint)) else _or_none(convert)
    if hint in _SCALARS:
        return with_rules(_SCALARS[hint], rules)
    if origin is Literal:
        return with_rules(one_of(get_args(hint)), rules)
    if origin is list:
        return with_rules(_list_of(compile_type(get_args(hint)[0])), rules, is_list=True)
    if isinstance(hint, type) and issubclass(hint, Strict):
        return with_rules(_object(hint), rules)
    raise TypeError(f"the model layer cannot check values of type {hint!r}")


def _or_none(convert: Convert) -> Convert:
    def optional(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        return None if value is None else convert(value, path, mistakes)

    return optional


def _list_of(item: Convert) -> Convert:
    def convert(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        if not isinstance(value, list | tuple):
            return wrong(path, "should be a list (lines starting with '- ')", value, mistakes)
        found = [item(entry, (*path, index), mistakes) for index, entry in enumerate(value)]
        return INVALID if any(entry is INVALID for entry in found) else found

    return convert


def _object(model: type[Strict]) -> Convert:
    def convert(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        if isinstance(value, model):
            return value
        if not isinstance(value, dict):
            return wrong(path, _NOT_A_MAPPING, value, mistakes)
        obj = model.__new__(model)
        return obj if fill(obj, value, path, mistakes) else INVALID

    return convert


def _union(options: list[Any], rules: Sequence[Rule]) -> Convert:
    if len(options) == 1:
        return compile_type(options[0], rules)
    models = tuple(o for o in options if isinstance(o, type) and issubclass(o, Strict))
    if rules or not models:
        raise TypeError(f"the model layer cannot check a union of {options!r} with {rules!r}")
    if len(models) == len(options):
        return _by_kind(models)
    if len(options) == 2 and len(models) == 1:
        return _mapping_or(models[0], compile_type(next(o for o in options if o not in models)))
    raise TypeError(f"the model layer cannot tell apart the options {options!r}")


def _mapping_or(model: type[Strict], other: Convert) -> Convert:
    """An object written out as a mapping, or else a value of another type (e.g. a file name)."""
    mapping = _object(model)

    def convert(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        chosen = mapping if isinstance(value, dict | model) else other
        return chosen(value, path, mistakes)

    return convert


def _by_kind(models: tuple[type[Strict], ...]) -> Convert:
    """Objects of several models, told apart by their `kind` field."""
    choices: dict[str, Convert] = {}

    def convert(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        if not choices:  # filled on first use, when every model's table can be built
            choices.update((kind, _object(m)) for m in models for kind in _table(m).kinds)
        if isinstance(value, models):
            return value
        if not isinstance(value, dict):
            return wrong(path, _NOT_A_MAPPING, value, mistakes)
        kind = value.get("kind")
        chosen = choices.get(kind) if isinstance(kind, str) else None
        if chosen is not None:
            return chosen(value, path, mistakes)
        listed = ", ".join(repr(kind) for kind in choices)
        if "kind" not in value:
            mistakes.append(Mistake(path, "needs a 'kind' field", f"one of {listed}"))
        else:
            words = f"unknown kind {show(str(kind))}; use one of {listed}"
            mistakes.append(Mistake((*path, "kind"), words))
        return INVALID

    return convert
