"""Checks for single values (text, numbers, true/false, one-of) and their plain-words mistakes.

Owns what counts as a valid scalar and how a wrong one is described; lists, objects and
unions are `_fields.py`'s business.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from compassion_kit.model._schema import After, Before, Limits, Mistake

Where = tuple[str | int, ...]
Convert = Callable[[Any, Where, list[Mistake]], Any]
Rule = Limits | Before | After


class _Invalid:
    """The result of a check that failed (its mistake is already recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

# Whole numbers written as text: digits with single underscores, optionally ".0".
_WHOLE_TEXT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0+)?")
# Characters XML 1.0 (so every Office file) cannot hold; YAML lets escapes such as "\x01" in.
_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def show(value: Any) -> str:
    """A value as quoted in messages: text in double quotes, anything else as Python shows it."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def wrong(path: Where, words: str, value: Any, mistakes: list[Mistake]) -> Any:
    """Record that `value` at `path` is wrong in the way `words` says; return INVALID."""
    mistakes.append(Mistake(path, f"{words} (got {show(value)})"))
    return INVALID


def unusable_character(value: str) -> str | None:
    """What is wrong when `value` holds a character Office files cannot hold; else None."""
    found = _NOT_IN_XML.search(value)
    if found is None:
        return None
    code = ord(found.group())
    what = "the control character" if code < 0x20 else "the character"
    return f"contains {what} U+{code:04X}, which Office files cannot hold"


def text(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
    """Text, stripped of outer spaces. Numbers are not turned into text: quoting is explicit."""
    if isinstance(value, str):
        message = unusable_character(value)
        if message is None:
            return value.strip()
        hint = "delete it; for a line break, start a new item or paragraph"
        mistakes.append(Mistake(path, message, hint))
        return INVALID
    return wrong(
        path, "should be text; put it in quotes if it looks like a number", value, mistakes
    )


def whole_number(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
    """An int; also a float with nothing after the point, or digits written as text.

    true and false are refused, although Python counts them as numbers.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE_TEXT.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):  # over 4300 digits: Python refuses to convert
            return int(value.strip().partition(".")[0])
    return wrong(path, "should be a whole number", value, mistakes)


def number(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
    """A finite float; also a whole number, or a number written as text (true and false are
    refused). "nan", "inf", 1.0e+400 and 400-digit integers are refused: no chart shows them."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            converted = float(value)
        except (ValueError, OverflowError):
            converted = math.nan
        if math.isfinite(converted):
            return converted
    return wrong(path, "should be a number", value, mistakes)


def yes_no(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
    """true or false; also yes/no, on/off and 1/0, as YAML 1.1 files often say."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    return wrong(path, "should be true or false", value, mistakes)


def one_of(choices: tuple[str, ...]) -> Convert:
    """A check that the value is exactly one of `choices` (no stripping, no case folding)."""
    quoted = [repr(choice) for choice in choices]
    listed = ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else quoted[0]
    allowed = frozenset(choices)

    def convert(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        return wrong(path, f"must be one of {listed}", value, mistakes)

    return convert


def limited(convert: Convert, limits: Limits, *, is_list: bool) -> Convert:
    """`convert`, then a check that the value keeps to `limits`.

    Messages quote the value as written, before stripping or conversion. A list that is too
    long is reported alone, before its entries are checked.
    """
    ge, le, pattern = limits.ge, limits.le, limits.pattern
    shortest, longest = limits.min_length, limits.max_length

    def check(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        if is_list and longest is not None and isinstance(value, list) and len(value) > longest:
            return wrong(path, _TOO_MANY.format(_entries(longest)), value, mistakes)
        found = convert(value, path, mistakes)
        if found is INVALID:
            return INVALID
        if ge is not None and found < ge:
            return wrong(path, f"should be {ge} or more", value, mistakes)
        if le is not None and found > le:
            return wrong(path, f"should be {le} or less", value, mistakes)
        if shortest is not None and len(found) < shortest:
            words = _TOO_SHORT if isinstance(found, str) else _TOO_FEW
            return wrong(path, words.format(_amount(shortest, found)), value, mistakes)
        if longest is not None and len(found) > longest:
            words = _TOO_LONG if isinstance(found, str) else _TOO_MANY
            return wrong(path, words.format(_amount(longest, found)), value, mistakes)
        if pattern is not None and not re.search(pattern.regex, found):
            mistakes.append(Mistake(path, pattern.words.format(got=show(value)), pattern.hint))
            return INVALID
        return found

    return check


_TOO_SHORT = "is too short: it needs at least {}"
_TOO_LONG = "is too long: at most {}"
_TOO_FEW = "needs at least {}"
_TOO_MANY = "can have at most {}"


def _amount(count: int, value: object) -> str:
    """'1 character', '3 entries': the count with the word for what is counted."""
    return f"{count} character{'s' * (count != 1)}" if isinstance(value, str) else _entries(count)


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def with_rules(convert: Convert, rules: Sequence[Rule], *, is_list: bool = False) -> Convert:
    """`convert` with `Before` reshaping, `Limits` and `After` checks around it."""
    # A field's own limits add to those of its type (e.g. `Text` with a maximum length).
    limits = {
        name: getattr(rule, name)
        for rule in rules
        if isinstance(rule, Limits)
        for name in Limits.__slots__
        if getattr(rule, name) is not None
    }
    if limits:
        convert = limited(convert, Limits(**limits), is_list=is_list)
    befores = [rule.reshape for rule in rules if isinstance(rule, Before)]
    afters = [rule.check for rule in rules if isinstance(rule, After)]
    if not befores and not afters:
        return convert

    def checked(value: Any, path: Where, mistakes: list[Mistake]) -> Any:
        value = _in_turn(befores, value, path, mistakes)
        if value is not INVALID:
            value = convert(value, path, mistakes)
        if value is INVALID:
            return INVALID
        return _in_turn(afters, value, path, mistakes)

    return checked


def _in_turn(steps: list[Any], value: Any, path: Where, mistakes: list[Mistake]) -> Any:
    """Apply each step to the value; a step's ValueError is the mistake, and INVALID results."""
    try:
        for step in steps:
            value = step(value)
    except ValueError as exc:
        mistakes.append(Mistake(path, str(exc)))
        return INVALID
    return value
