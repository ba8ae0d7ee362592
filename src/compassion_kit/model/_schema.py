"""How a model class is declared: typed fields with descriptions, frozen objects, checks.

Owns the declaration side only. Reading plain data into objects, and the wording of each
mistake, is `_fields.py` and `_values.py`; placing mistakes in a file is `validate.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from typing import Self

F = TypeVar("F", bound=Callable[..., Any])
NO_DEFAULT: Any = object()  # a field declared without a default is required


class _Value:
    """A small immutable record, compared by its fields.

    Plain slotted classes: NamedTuple and dataclass generate code as each class is created,
    which start-up pays for.
    """

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._fields(), strict=True))
        return f"{type(self).__name__}({shown})"

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)


class Pattern(_Value):
    """A regular expression text must match, and what to say when it does not.

    `words` may quote the value as `{got}`.
    """

    __slots__ = ("regex", "words", "hint")
    regex: str
    words: str
    hint: str | None

    def __init__(self, regex: str, words: str, hint: str | None = None) -> None:
        self._set(regex=regex, words=words, hint=hint)


class Limits(_Value):
    """Limits on a value, for `Annotated[...]` aliases and `field(...)`.

    Lengths count characters of text (after stripping) or entries of a list; `ge` and `le`
    bound numbers.
    """

    __slots__ = ("ge", "le", "min_length", "max_length", "pattern")
    ge: int | None
    le: int | None
    min_length: int | None
    max_length: int | None
    pattern: Pattern | None

    def __init__(
        self,
        *,
        ge: int | None = None,
        le: int | None = None,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: Pattern | None = None,
    ) -> None:
        self._set(ge=ge, le=le, min_length=min_length, max_length=max_length, pattern=pattern)


class Before(_Value):
    """Reshape the raw value before its type is checked (e.g. YAML's `1` for the text "1").

    The function returns the new value, or raises ValueError with a plain message.
    """

    __slots__ = ("reshape",)
    reshape: Callable[[Any], Any]

    def __init__(self, reshape: Callable[[Any], Any]) -> None:
        self._set(reshape=reshape)


class After(_Value):
    """Check (or normalise) a value once its type and limits are fine.

    The function returns the value, or raises ValueError with a plain message.
    """

    __slots__ = ("check",)
    check: Callable[[Any], Any]

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self._set(check=check)


class FieldSpec(_Value):
    """What `field(...)` declares: a default, a description and extra rules."""

    __slots__ = ("default", "default_factory", "description", "rules")
    default: Any
    default_factory: Callable[[], Any] | None
    description: str
    rules: tuple[Limits | Before | After, ...]

    def __init__(
        self,
        default: Any,
        default_factory: Callable[[], Any] | None,
        description: str,
        rules: tuple[Limits | Before | After, ...],
    ) -> None:
        self._set(
            default=default, default_factory=default_factory, description=description, rules=rules
        )


def field(
    *,
    default: Any = NO_DEFAULT,
    default_factory: Callable[[], Any] | None = None,
    description: str = "",
    ge: int | None = None,
    le: int | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: Pattern | None = None,
    before: Callable[[Any], Any] | None = None,
    after: Callable[[Any], Any] | None = None,
) -> Any:
    """Declare a field's default, its description for facilitators, and its limits.

    A field with neither `default` nor `default_factory` is required. Defaults are used as
    given, without checks. `before` and `after` work as `Before` and `After`.
    """
    rules: list[Limits | Before | After] = []
    if before is not None:
        rules.append(Before(before))
    limits = Limits(ge=ge, le=le, min_length=min_length, max_length=max_length, pattern=pattern)
    if limits != Limits():
        rules.append(limits)
    if after is not None:
        rules.append(After(after))
    return FieldSpec(default, default_factory, description, tuple(rules))


def check(method: F) -> F:
    """Mark a method that checks the whole object once every field is valid.

    The method raises ValueError with a plain message; it is reported at the object.
    """
    method.__whole_object_check__ = True  # type: ignore[attr-defined]
    return method


class Mistake(_Value):
    """One thing wrong with the data: where (a path of keys and indexes) and what.

    `at_key` points the location at the key rather than its value (unknown keys).
    """

    __slots__ = ("path", "message", "hint", "at_key")
    path: tuple[str | int, ...]
    message: str
    hint: str | None
    at_key: bool

    def __init__(
        self,
        path: tuple[str | int, ...],
        message: str,
        hint: str | None = None,
        at_key: bool = False,
    ) -> None:
        self._set(path=path, message=message, hint=hint, at_key=at_key)

    def __str__(self) -> str:
        where = ".".join(str(part) for part in self.path)
        text = f"{where}: {self.message}" if where else self.message
        return text + (f" (hint: {self.hint})" if self.hint else "")


class ModelError(ValueError):
    """Raised when a model is built from Python values that break its rules (a bug)."""

    def __init__(self, model: type, mistakes: list[Mistake]) -> None:
        self.mistakes = mistakes
        lines = "\n".join(f"  {m}" for m in mistakes)
        count = f"{len(mistakes)} mistake{'s' * (len(mistakes) != 1)}"
        super().__init__(f"{count} building {model.__name__}:\n{lines}")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
class Strict:
    """Base for every model: fields are declared as annotations, objects are frozen.

    Building one (from YAML data or from Python keywords) checks every field and reports
    every mistake at once; unknown keys are mistakes, text is stripped of outer spaces.
    """

    def __init__(self, **values: Any) -> None:
        from compassion_kit.model._fields import fill  # imported here: it imports this module

        mistakes: list[Mistake] = []
        fill(self, values, (), mistakes)
        if mistakes:
            raise ModelError(type(self), mistakes)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed; the copy is checked like a new object."""
        return type(self)(**{**self.__dict__, **changes})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen; use .replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Strict):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        # Like a frozen dataclass: only objects whose values are all hashable can be hashed.
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"
