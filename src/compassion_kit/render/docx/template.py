"""The Word template: where it is, the styles the writers need, and opening a document on it.

Owns finding and opening templates/document.docx (or another template) with python-docx and
making sure every style in STYLE_NAMES is there; branding the copy is `document.py`'s.
"""

from __future__ import annotations

import copy
import io
import os
import zipfile
import zlib
from functools import cache, lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import note_input, read_input
from compassion_kit.office_zip import zip_damage
from compassion_kit.paths import templates_dir
from compassion_kit.render.docx import oxml, oxml_template
from compassion_kit.render.docx.package import plain_document
from compassion_kit.template_cache import clear_with_templates

if TYPE_CHECKING:
    from docx.document import Document

TEMPLATE = "document.docx"
# What python-docx and zipfile raise for a file that is not a sound Word package.
_UNREADABLE = (OSError, ValueError, KeyError, PackageNotFoundError, zipfile.BadZipFile, zlib.error)
# Style names the writers use. A template without one of them gets the bundled template's.
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


def template_path() -> Path:
    """The bundled Word template."""
    return templates_dir() / TEMPLATE


@cache
def _bundled_bytes() -> bytes:
    """The bundled template, read once per process."""
    return template_path().read_bytes()


def open_document(template: Path | None = None) -> Document:
    """A new document on `template` (default: the bundled one), holding every STYLE_NAMES style.

    Styles the template lacks are copied from the bundled template, so python-docx's own
    default template (or any Word file) works too.

    Raises:
        ContentError: `template` cannot be read as a Word document (naming the file).
    """
    return open_template(template)[0]


def open_template(template: Path | None = None) -> tuple[Document, list[str]]:
    """`open_document`, and the names of the styles copied from the bundled template.

    A given template (.docx, .dotx, .docm, .dotm) is opened as a plain document
    (`package.plain_document`: no macros, no external relationships) and its body (a sample
    letter, "put your logo here" boxes) is dropped; its page setup, headers and footers stay.

    The template is read and prepared once per process for each version of the file, and
    each document is a deep copy of that one (copying is about five times cheaper than
    parsing again: a batch opens four documents per organisation).

    Raises:
        ContentError: `template` cannot be read as a Word document (naming the file).
    """
    document, copied, _ = _prepared_template(template)
    return copy.deepcopy(document), list(copied)


def template_style_ids(template: Path | None = None) -> dict[str, str | None]:
    """`style_ids` of a document opened on `template` (read once per version of the file).

    Raises:
        ContentError: as `open_template`.
    """
    return dict(_prepared_template(template)[2])


Prepared = tuple["Document", tuple[str, ...], tuple[tuple[str, str | None], ...]]


def _prepared_template(template: Path | None) -> Prepared:
    if template is None:
        return _prepared(None, 0, 0)
    try:
        stat = os.stat(template)
    except OSError:
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):  # not cached: read_input says what is wrong
        return _with_ids(*_prepare(template))
    note_input(template, stat)  # recorded even when the template comes from the cache
    return _prepared(template, stat.st_size, stat.st_mtime_ns)


# Keyed as `template_cache` keys templates (size and modification time), but on the path as
# given, so that the first read's messages name the file as the user wrote it.
@lru_cache(maxsize=4)
def _prepared(template: Path | None, size: int, mtime_ns: int) -> Prepared:
    """The prepared template of one version of a file, with its styles' ids; never changed
    itself, only copied."""
    del size, mtime_ns  # cache key only: an edited template is read again
    return _with_ids(*_prepare(template))


def _with_ids(document: Document, copied: list[str]) -> Prepared:
    return document, tuple(copied), tuple(style_ids(document).items())


clear_with_templates(_prepared.cache_clear)


def _prepare(template: Path | None) -> tuple[Document, list[str]]:
    # A given template is read as a regular file within the cap (never a FIFO or device).
    data = _bundled_bytes() if template is None else read_input(template, "template")
    try:
        if template is not None:
            damage = zip_damage(data)  # every entry read once, before python-docx reads any
            if damage is not None:
                raise ValueError(damage)
            data = plain_document(data)
        document = docx.Document(io.BytesIO(data))
        if not len(document.sections):
            raise ValueError("its document has no page setup (w:sectPr)")
    except (*_UNREADABLE, etree.XMLSyntaxError) as exc:
        where = template if template is not None else template_path()
        reason = str(exc) or type(exc).__name__
        problem = Problem(
            f"cannot read the Word template ({reason})",
            Location(where),
            hint="give a Word document or template (.docx, .dotx, .docm or .dotm) that Word opens",
        )
        raise ContentError([problem]) from None
    if template is not None:
        oxml_template.clear_body(document)
        oxml_template.add_theme(document, _bundled().part.part_related_by(RT.THEME).blob)
    return document, add_missing_styles(document)


def style_ids(document: Document) -> dict[str, str | None]:
    """Each style's id by the name Word shows; None for the default paragraph style (Normal),
    which a paragraph gets by naming no style. The first style of a name wins."""
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    ids: dict[str, str | None] = {}
    for style in document.styles:
        if style.name is not None:
            is_default = default is not None and style.style_id == default.style_id
            ids.setdefault(style.name, None if is_default else style.style_id)
    return ids


def add_missing_styles(document: Document) -> list[str]:
    """Copy every STYLE_NAMES style `document` lacks (and the styles it is based on) from the
    bundled template; returns the names copied, in order."""
    have = {style.name for style in document.styles}
    missing = [name for name in STYLE_NAMES if name not in have]
    if not missing:
        return []
    bundled = _bundled_styles()
    ids = {style.style_id for style in document.styles}
    copied: list[str] = []
    for name in missing:
        *bases, wanted = _with_bases(bundled, name)
        for base in bases:  # a base already there by id is taken as it is
            if base.style_id not in ids:
                ids.add(_copy(document, base, base.style_id))
        style_id, number = wanted.style_id, 1
        while style_id in ids:  # the id is another style's, under another name
            style_id, number = f"{wanted.style_id}{number}", number + 1
        ids.add(_copy(document, wanted, style_id))
        copied.append(name)
    return copied


def _copy(document: Document, style: Any, style_id: str) -> str:
    """A bundled style copied under `style_id`, with the list it numbers with, if any."""
    oxml.copy_style(document, style, style_id)
    oxml_template.copy_list(document.styles.element[-1], _bundled_numbering(), document)
    return style_id


@cache
def _bundled() -> Document:
    """The bundled template, parsed once per process (read only)."""
    return docx.Document(io.BytesIO(_bundled_bytes()))


def _bundled_numbering() -> Any:
    return _bundled().part.numbering_part.element


@cache
def _bundled_styles() -> dict[str, Any]:
    """The bundled template's styles by the name Word shows, read once per process."""
    return {style.name: style for style in _bundled().styles}


def _with_bases(bundled: dict[str, Any], name: str) -> list[Any]:
    """Style `name`, after the styles it is based on."""
    chain = []
    style = bundled[name]
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain[::-1]
