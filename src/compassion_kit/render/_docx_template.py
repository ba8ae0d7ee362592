"""The Word template: where it is, the styles renderers need from it, and its style ids.

Owns finding, reading, checking and caching templates/document.docx; applying a brand to a
copy of it is `_docx.py`'s. The template is read, parsed and checked once per process: each
document starts from a copy of the parsed package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import read_input
from compassion_kit.paths import templates_dir
from compassion_kit.render._core import core_part
from compassion_kit.render._docx_xml import ON, PartNames, w
from compassion_kit.render._opc import RT, Package, PackageError

if TYPE_CHECKING:
    from pathlib import Path

TEMPLATE = "document.docx"
# Style names the renderers use; load_template verifies every one before writing.
STYLE_NAMES = (
    "Normal",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Subtitle",
    "List Bullet",
    "List Number",
    "Caption",
    "Header",
    "Footer",
    "Table Text",
    "Table Heading",
    "Prompt",
    "Item Details",
    "Writing Space",
    "Writing Line",
    "Check Item",
    "Scale Labels",
    "Figure Value",
    "Figure Value Small",
    "Figure Caption",
    "Compact Text",
    "Compact Bullet",
    "Table Note",
    "Figure Line",
    "Figure Number",
    "Spacer",
    "Kit Table",
    "Kit Panel",
    "Kit Form",
)


MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Word's built-in styles keep lower-case names in styles.xml and show them capitalised; names
# are matched as Word shows them (as python-docx does).
_SHOWN_AS = {"caption": "Caption", "header": "Header", "footer": "Footer"} | {
    f"heading {n}": f"Heading {n}" for n in range(1, 10)
}


@dataclass(frozen=True)
class Template:
    """A checked Word template: its parsed package, where its parts are, each style's id.

    A style's id is None when it is the default of its type (Normal, Normal Table), which
    Word applies to anything that names no style. Never edit `package` or `styles`: each
    document takes `package.copy()` and a copy of `styles`.
    """

    package: Package
    parts: PartNames
    styles: dict[str, str | None]


def template_path() -> Path:
    """The bundled Word template."""
    return templates_dir() / TEMPLATE


@lru_cache(maxsize=4)
def load_template(path: Path) -> Template:
    """The template at `path`, read and checked once per process: every style in
    STYLE_NAMES is there, and its main parts and page setup are found.

    Raises:
        ContentError: naming every missing style at once (or why the file is unusable); a
            failed check is not cached.
    """
    return _read(path)


def _read(path: Path) -> Template:
    try:
        package = Package.read(read_input(path, "template"))  # regular file, within the cap
        parts = _part_names(package)
        for name in (parts.document, parts.styles, parts.numbering, parts.core):
            package.xml(name)  # parsed once here; each document deep-copies the trees
        body = package.xml(parts.document).find(w("body"))
        if body is None or not len(body) or body[-1].tag != w("sectPr"):
            raise KeyError("its document has no page setup (w:sectPr)")
        ids = _style_ids(package.xml(parts.styles))
    except (OSError, PackageError, KeyError) as exc:
        reason = exc.args[0] if isinstance(exc, KeyError) else exc
        problem = Problem(f"cannot read the Word template ({reason})", Location(path))
        raise ContentError([problem]) from None
    missing = [name for name in STYLE_NAMES if name not in ids]
    if missing:
        raise ContentError(
            [
                Problem(
                    "the Word template has no style named " + ", ".join(f"'{m}'" for m in missing),
                    Location(path),
                    hint="rebuild it with `python templates/make_docx_template.py`",
                )
            ]
        )
    return Template(package, parts, ids)


def _part_names(package: Package) -> PartNames:
    """The main parts, found by relationship type; raises KeyError naming a missing one."""
    document = _related(package, "", RT + "officeDocument", "Word document")
    if package.content_type(document) != MAIN_TYPE:
        raise KeyError("it is not a Word document")
    styles = _related(package, document, RT + "styles", "styles")
    numbering = _related(package, document, RT + "numbering", "numbering")
    return PartNames(document, styles, numbering, core_part(package))


def _related(package: Package, source: str, reltype: str, what: str) -> str:
    found = package.related(source, reltype)
    if found is None:
        raise KeyError(f"it has no {what} part")
    return found


def _style_ids(styles: Any) -> dict[str, str | None]:
    """Each style's id by the name Word shows (the first style of a name wins)."""
    ids: dict[str, str | None] = {}
    for style in styles.iterfind(w("style")):
        found = style.find(w("name"))
        if found is None:
            continue
        name = found.get(w("val"), "")
        default = style.get(w("default"), "").lower() in ON
        ids.setdefault(_SHOWN_AS.get(name, name), None if default else style.get(w("styleId")))
    return ids
