"""Lookups python-pptx and python-docx repeat for every element they add, done once.

Owns the speed-ups both libraries share (`render/pptx/speed.py` and `render/docx/speed.py`
apply them, each to its own library, alongside what only it needs):

- XPath expressions are compiled on every call: once per expression instead;
- qualified tag names ("{namespace}rPr") are rebuilt on every insertion: remembered;
- `first_child_found_in` (python-pptx 1.0, python-docx 1.2) asks lxml for each later sibling
  tag in turn, thirty-odd searches to place one `w:keepNext` or `a:latin`; properties elements
  hold a handful of children, so one pass over them, ranking each tag by its place in the
  list, gives the same child sooner;
- each new element's prefixed tag name ("w:rPr") is parsed into a new `NamespacePrefixedTag`:
  one per name.

Each gives the library's own result (tests compare them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

# Children above which one pass in Python is no longer cheaper than lxml's searches in C
# (a body with hundreds of paragraphs, a shape tree).
_FEW = 12


def first_child_finder(qualify: Callable[[str], str]) -> Callable[..., Any]:
    """A drop-in `first_child_found_in(self, *tagnames)`, with `qualify` the library's `qn`.

    It returns what the library's own returns, the first child with the earliest-listed tag
    that is present, whatever order the children are in (a hand-edited template's may not be
    the schema's), from one pass: each child's tag is ranked by its place in `tagnames`.
    """

    @functools.lru_cache(maxsize=1024)
    def ranked(tagnames: tuple[str, ...]) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for rank, name in enumerate(tagnames):
            ranks.setdefault(qualify(name), rank)
        return ranks

    def first_child_found_in(self: Any, *tagnames: str) -> Any:
        if len(tagnames) == 1 or len(self) > _FEW:
            for name in tagnames:
                child = self.find(qualify(name))
                if child is not None:
                    return child
            return None
        ranks = ranked(tagnames)
        found, best = None, len(tagnames)
        for child in self:
            rank = ranks.get(child.tag, best)
            if rank < best:  # strictly: the first child of the best tag is kept
                found, best = child, rank
                if rank == 0:
                    break
        return found

    return first_child_found_in


def remembered_tags(tag_class: Any) -> Any:
    """`tag_class(name)` (a library's `NamespacePrefixedTag`, an immutable str), the same
    object for the same name; `from_clark_name` is kept for the libraries' other callers."""
    remembered: Any = functools.lru_cache(maxsize=1024)(tag_class)
    remembered.from_clark_name = tag_class.from_clark_name
    return remembered


def remember_lookups(
    element_base: Any, xmlchemy: ModuleType, tags_home: ModuleType, nsmap: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[str], str]]:
    """Make one library (its `BaseOxmlElement`, its `xmlchemy` module, the module whose
    `OxmlElement` reads `NamespacePrefixedTag`, and its namespaces) do each lookup once.

    Returns the compiled-XPath cache and the remembered `qn`, for tests and callers.
    """

    @functools.lru_cache(maxsize=512)
    def compiled(path: str) -> Any:
        return etree.XPath(path, namespaces=nsmap)

    def xpath(self: Any, xpath_str: str) -> Any:
        return compiled(xpath_str)(self)

    qn_once = functools.lru_cache(maxsize=1024)(xmlchemy.qn)
    element_base.xpath = xpath
    xmlchemy.qn = qn_once  # type: ignore[attr-defined]
    element_base.first_child_found_in = first_child_finder(qn_once)
    tags_home.NamespacePrefixedTag = remembered_tags(tags_home.NamespacePrefixedTag)  # type: ignore[attr-defined]
    return compiled, qn_once
