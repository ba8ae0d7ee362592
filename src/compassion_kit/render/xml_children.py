"""Two lookups python-pptx and python-docx repeat for every element they add, done once.

Owns them for both libraries. First, `first_child_found_in` (python-pptx 1.0, python-docx 1.2)
asks lxml for each later sibling tag in turn, thirty-odd searches to place one `w:keepNext` or
`a:latin`; properties elements hold a handful of children, so one pass over them, testing each
tag against a set, gives the same child sooner. Second, each new element's prefixed tag name
("w:rPr") is parsed into a new `NamespacePrefixedTag`; one per name does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

# Children above which one pass in Python is no longer cheaper than lxml's searches in C
# (a body with hundreds of paragraphs, a shape tree).
_FEW = 12


def first_child_finder(qualify: Callable[[str], str]) -> Callable[..., Any]:
    """A drop-in `first_child_found_in(self, *tagnames)`, with `qualify` the library's `qn`.

    It returns the child the library's own returns: the earliest in document order among the
    children whose tag is in `tagnames`. (The library's own returns the child of the first
    listed tag that is present; the libraries list tags in schema order and keep children in
    it, so the two agree; tests compare them.)
    """

    @functools.lru_cache(maxsize=1024)
    def qualified(tagnames: tuple[str, ...]) -> frozenset[str]:
        return frozenset(qualify(name) for name in tagnames)

    def first_child_found_in(self: Any, *tagnames: str) -> Any:
        if len(tagnames) == 1 or len(self) > _FEW:
            for name in tagnames:
                child = self.find(qualify(name))
                if child is not None:
                    return child
            return None
        wanted = qualified(tagnames)
        for child in self:
            if child.tag in wanted:
                return child
        return None

    return first_child_found_in


def remembered_tags(tag_class: Any) -> Any:
    """`tag_class(name)` (a library's `NamespacePrefixedTag`, an immutable str), the same
    object for the same name; `from_clark_name` is kept for the libraries' other callers."""
    remembered: Any = functools.lru_cache(maxsize=1024)(tag_class)
    remembered.from_clark_name = tag_class.from_clark_name
    return remembered
