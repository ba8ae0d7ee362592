"""The Word template: where it is, the styles renderers need from it, and its style ids.

Owns finding, checking and caching templates/document.docx; applying a brand to a copy of
it is `_docx.py`'s. The template is read and checked once per process: each document is
opened from the cached bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from docx import Document as open_document

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.paths import templates_dir

if TYPE_CHECKING:
    from pathlib import Path

TEMPLATE = "document.docx"
# Style names the renderers use; check_template verifies every one before writing.
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


@dataclass(frozen=True)
class Template:
    """A checked Word template: its bytes, and each style's id by name.

    A style's id is None when it is the default of its type (Normal, Normal Table), which
    Word applies to anything that names no style.
    """

    data: bytes
    styles: dict[str, str | None]  # copy it before changing it


def template_path() -> Path:
    """The bundled Word template."""
    return templates_dir() / TEMPLATE


def check_template(path: Path) -> None:
    """Check that the template at `path` holds every style in STYLE_NAMES.

    Raises:
        ContentError: naming every missing style at once (or the unreadable file).
    """
    _read(path)


@lru_cache(maxsize=4)
def load_template(path: Path) -> Template:
    """The template at `path`, read and checked once per process.

    Raises:
        ContentError: as `check_template`; a failed check is not cached.
    """
    return _read(path)


def _read(path: Path) -> Template:
    try:
        data = path.read_bytes()
        styles = open_document(io.BytesIO(data)).styles
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        problem = Problem(f"cannot read the Word template ({exc})", Location(path))
        raise ContentError([problem]) from None
    ids: dict[str, str | None] = {}
    for style in styles:
        ids.setdefault(style.name, None if style.element.default else style.style_id)
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
    return Template(data, ids)
