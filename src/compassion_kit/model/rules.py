"""Rules a model field can carry beyond its type: reshaping, checks with plain-words messages.

Owns the rule markers written in `Annotated[...]` next to `annotated_types` limits (MinLen,
Ge...). Each marker tells pydantic how to apply it (`__get_pydantic_core_schema__`), which
runs only when `validate.py` builds its adapters; importing this module imports no pydantic.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

# Characters XML 1.0 (so every Office file) cannot hold; YAML lets escapes such as "\x01" in.
_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_KEY_VALUE = "should be a set of 'key: value' fields"
# A clock time written into words: 24-hour "11:15" or "09.30", or "9.30am", "2 pm". Decimals
# ("2.50", "£12.50") and ratios ("3:1") are not clock times.
_CLOCK_TIME = re.compile(
    r"(?<![\d:.])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s?[ap](?:\.m\.|m)(?![a-z])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|0\d\.[0-5]\d(?![\d.])"
    r"|(?:1[0-2]|0?[1-9])\s?[ap](?:\.m\.|m)(?![a-z]))",
    re.IGNORECASE,
)
# Fields of a slide that hold no words for the room: ids, addresses, a clip's running time,
# and fields meant to hold a time (a session's `at` or `start`, checked as clock times there).
_NOT_WORDS = frozenset({"id", "kind", "url", "path", "length", "worksheet", "at", "start", "end"})
_TIMES_HINT = "say 'after the break'; times are stamped from the agenda"


class Refusal(ValueError):
    """A value a rule refuses: `words` say what is wrong, `hint` how to fix it."""

    def __init__(self, words: str, hint: str | None = None) -> None:
        super().__init__(words)
        self.words = words
        self.hint = hint


def show(value: Any) -> str:
    """A value as quoted in messages: text in double quotes, anything else as Python shows it."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def unusable_character(value: str) -> str | None:
    """What is wrong when `value` holds a character Office files cannot hold; else None."""
    found = _NOT_IN_XML.search(value)
    if found is None:
        return None
    code = ord(found.group())
    what = "the control character" if code < 0x20 else "the character"
    return f"contains {what} U+{code:04X}, which Office files cannot hold"


def _refusing(step: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`step` with its ValueError turned into the error pydantic reports (words and hint)."""

    def run(value: Any) -> Any:
        try:
            return step(value)
        except ValueError as exc:
            raise refused(str(exc), exc.hint if isinstance(exc, Refusal) else None) from None

    return run


def refused(words: str, hint: str | None = None, *, at: str | None = None) -> Exception:
    """The error pydantic reports for a refused value: our words, hint, and a key to point at."""
    from pydantic_core import PydanticCustomError

    return PydanticCustomError("kit", "{words}", {"words": words, "hint": hint, "at": at})


def _untagged(error: Any) -> Any:
    """`error` (as `ValidationError.errors()` lists it) without the tag level in its location."""
    from pydantic_core import PydanticCustomError

    details = {"type": error["type"], "loc": error["loc"][1:], "input": error["input"]}
    if "ctx" in error:
        details["ctx"] = error["ctx"]
    if error["type"] == "kit":
        details["type"] = PydanticCustomError("kit", "{words}", error["ctx"])
    return details


@dataclass(frozen=True)
class Before:
    """Reshape the raw value before its type is checked (e.g. YAML's `1` for the text "1").

    The function returns the new value, or raises ValueError (or `Refusal`) in plain words.
    """

    reshape: Callable[[Any], Any]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(
            _refusing(self.reshape), handler(source)
        )


@dataclass(frozen=True)
class After:
    """Check (or normalise) a value once its type and limits are fine.

    The function returns the value, or raises ValueError (or `Refusal`) in plain words.
    """

    check: Callable[[Any], Any]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_refusing(self.check), handler(source))


@dataclass(frozen=True)
class Pattern:
    """A regular expression text must match; `words` may quote the value as `{got}`."""

    regex: str
    words: str
    hint: str | None = None

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return After(self._match).__get_pydantic_core_schema__(source, handler)

    def _match(self, value: str) -> str:
        if not re.search(self.regex, value):
            raise Refusal(self.words.format(got=show(value)), self.hint)
        return value


def refuse_true_false(value: Any) -> Any:
    """Refuse true and false where a number is wanted, although Python counts them as numbers."""
    if isinstance(value, bool):
        raise Refusal(f"should be a number (got {show(value)})")
    return value


def refuse_true_false_whole(value: Any) -> Any:
    """As `refuse_true_false`, for whole numbers."""
    if isinstance(value, bool):
        raise Refusal(f"should be a whole number (got {show(value)})")
    return value


def clean_text(value: str) -> str:
    """Refuse text holding a character that Office files cannot hold."""
    message = unusable_character(value)
    if message is not None:
        raise Refusal(message, "delete it; for a line break, start a new item or paragraph")
    return value


def clock_times(text: str) -> list[str]:
    """The clock times written in `text` ("11:15", "9.30am", "2pm"), in order."""
    return [found.group().strip() for found in _CLOCK_TIME.finditer(text)]


def _words_of(value: Any, where: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text in a model object (fields, list entries) with its path; not ids or links."""
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, list | tuple):
        return [found for i, entry in enumerate(value) for found in _words_of(entry, (*where, i))]
    fields = getattr(value, "__dataclass_fields__", {})
    return [
        found
        for name in fields
        if name not in _NOT_WORDS
        for found in _words_of(getattr(value, name), (*where, name))
    ]


@dataclass(frozen=True)
class NoClockTimes:
    """Refuse a clock time anywhere in a list of slides' words (titles, bullets, notes...).

    Slides are reused in agendas that start at different times, so times are stamped at
    build; every slide's every mention is reported at its own field.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_refuse_clock_times, handler(source))


def _refuse_clock_times(slides: list[Any]) -> list[Any]:
    from pydantic_core import PydanticCustomError, ValidationError

    errors: list[Any] = []
    for where, text in _words_of(slides, ()):
        times = clock_times(text)
        if times:
            listed = ", ".join(f'"{time}"' for time in times)
            words = f"hard-codes the clock time{'s' * (len(times) > 1)} {listed}"
            ctx = {"words": words, "hint": _TIMES_HINT, "at": None}
            errors.append(
                {"type": PydanticCustomError("kit", "{words}", ctx), "loc": where, "input": text}
            )
    if errors:
        raise ValidationError.from_exception_data("slides", errors)
    return slides


@dataclass(frozen=True)
class ByKind:
    """A union of models told apart by their `kind` field (each model's `Literal` kinds)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        choices = {
            kind: handler.generate_schema(model)
            for model in typing.get_args(source)
            for kind in typing.get_args(typing.get_type_hints(model)["kind"])
        }
        return _told_apart(choices, _kind_of, _refuse_unknown_kind)


@dataclass(frozen=True)
class BlockOrText:
    """A union of one model written as a block (a mapping) or a text, e.g. a file name."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        options = typing.get_args(source)
        model = next(option for option in options if hasattr(option, "__dataclass_fields__"))
        text = next(option for option in options if option is not model)
        choices = {"block": handler.generate_schema(model), "text": handler.generate_schema(text)}
        return _told_apart(choices, lambda v: "text" if isinstance(v, str) else "block")


def _kind_of(value: Any) -> str:
    """The kind a block says it is, as text; "" when it says none."""
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return "" if kind is None else str(kind)


def _refuse_unknown_kind(value: Any, kinds: list[str]) -> None:
    """Refuse a value that is not a block, or names no kind or one that is not in `kinds`."""
    listed = ", ".join(repr(kind) for kind in kinds)
    if not (isinstance(value, dict) or hasattr(value, "__dataclass_fields__")):
        raise refused(f"{_KEY_VALUE} (got {show(value)})")
    kind = _kind_of(value)
    if kind == "":
        raise refused("needs a 'kind' field", f"one of {listed}")
    if kind not in kinds:
        raise refused(f"unknown kind {show(kind)}; use one of {listed}", at="kind")


def _told_apart(
    choices: dict[str, CoreSchema],
    tag: Callable[[Any], str],
    refuse: Callable[[Any, list[str]], None] | None = None,
) -> CoreSchema:
    """A tagged union whose errors are located as written in the file.

    `refuse` words the mistake of a value no choice fits. pydantic adds the tag to each
    error's location (`blocks.0.writing.prompt`); the file has no such level, so it is taken
    out again here.
    """
    from pydantic_core import ValidationError, core_schema

    def choose(value: Any, validate: Callable[[Any], Any]) -> Any:
        if refuse is not None:
            refuse(value, list(choices))
        try:
            return validate(value)
        except ValidationError as exc:
            errors = [_untagged(error) for error in exc.errors(include_url=False)]
            raise ValidationError.from_exception_data(exc.title, errors) from None

    union = core_schema.tagged_union_schema(choices, tag)
    return core_schema.no_info_wrap_validator_function(choose, union)
