"""Templates parsed once per process for each version of the file: the hook renderers use.

Owns the cache key only (the file's resolved path, size and modification time, so an edited
template is read again); what is read and parsed belongs to the renderer that decorates its
loader. Each worker of a batch (see `pack/pool.py`) fills its own cache on its first pack.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_clearers: list[Callable[[], None]] = []


def cached_per_file(maxsize: int = 8) -> Callable[[Callable[[Path], T]], Callable[[Path], T]]:
    """Decorate `load(path)` so that each version of a file is loaded once per process.

    Cache only what callers do not change (template bytes, parsed styles, a layout map), or
    copy it before changing it: every deck of a worker gets the same object. An exception
    from `load` is not cached, and a missing file raises OSError from `stat` as `load` would.

    Example:
        @cached_per_file()
        def template_bytes(path: Path) -> bytes:
            return path.read_bytes()
    """

    def decorate(load: Callable[[Path], T]) -> Callable[[Path], T]:
        @functools.lru_cache(maxsize=maxsize)
        def by_version(path: Path, size: int, mtime_ns: int) -> T:
            del size, mtime_ns  # the key only: a changed file is loaded again
            return load(path)

        @functools.wraps(load)
        def cached(path: Path) -> T:
            resolved = Path(path).resolve()
            stat = resolved.stat()
            return by_version(resolved, stat.st_size, stat.st_mtime_ns)

        _clearers.append(by_version.cache_clear)
        return cached

    return decorate


def clear_with_templates(clear_one: Callable[[], None]) -> None:
    """Have `clear()` call `clear_one` too: for a cache keyed on its own terms (a template
    object, or the path as the user gave it) that should be forgotten with the templates."""
    _clearers.append(clear_one)


def clear() -> None:
    """Forget every cached template (for tests, or a long-lived process that wants memory back)."""
    for clear_one in _clearers:
        clear_one()
