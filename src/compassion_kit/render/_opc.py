"""An Office (OPC) package held in memory: a template's parts, edited, written as a zip.

Owns part names, content types, relationships and writing the package; what the parts say is
the deck and Word writers' business. It replaces python-pptx's and python-docx's package
layers on the build path: importing those costs more than writing a whole deck.

Part names have no leading slash ("ppt/slides/slide1.xml"); the package's own relationships
belong to the source "".
"""

from __future__ import annotations

import copy
import hashlib
import posixpath
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.output import zip_entries
from compassion_kit.render._ns import NS

CONTENT_TYPES = "[Content_Types].xml"
REL_NS = NS["rel"]
TYPES_NS = NS["ct"]
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
PNG = b"\x89PNG\r\n\x1a\n"  # how every PNG file starts
MAX_UNPACKED_BYTES = 200_000_000  # a template with photos is tens of MB; a bomb is gigabytes
_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)


class PackageError(Exception):
    """The bytes are not a usable Office package (not a zip, or a part is not XML)."""


def parse(data: bytes, what: str = "a part") -> Any:
    """An XML part's root element (entities never resolved, nothing fetched); `what` names
    the part in messages.

    Raises:
        PackageError: not well-formed XML, or it declares a DOCTYPE, which OPC forbids (lxml
            would keep its entity references and write the part back without their
            declarations, as XML no reader can parse).
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise PackageError(f"{what} is not well-formed XML ({exc})") from None
    if root.getroottree().docinfo.doctype:
        raise PackageError(f"{what} declares a DOCTYPE, which Office files never have")
    return root


def _needed(element: Any, part: str, *names: str) -> list[str]:
    """The attributes `names` of an element every Office reader needs; PackageError if not."""
    values = [element.get(name) for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if value is None]
    if missing:
        tag = etree.QName(element).localname
        raise PackageError(f"{part}: a <{tag}> has no {' or '.join(missing)}")
    return values  # None was ruled out above (lxml is untyped: these are Any)


def serialise(root: Any) -> bytes:
    """Part bytes as Office writes them: UTF-8 with a standalone declaration."""
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def rels_name(source: str) -> str:
    """Where the relationships of part `source` live ("" is the package itself)."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


class Relationships:
    """The relationships from one part, in the order they were read or added."""

    def __init__(self, source: str, data: bytes | None = None) -> None:
        self.source = source
        self._items: dict[str, tuple[str, str, bool]] = {}  # rId -> (type, target, external)
        if data is not None:
            for rel in parse(data, rels_name(source)):
                r_id, reltype, target = _needed(rel, rels_name(source), "Id", "Type", "Target")
                self._items[r_id] = (reltype, target, rel.get("TargetMode") == "External")
        self._next = 1

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[tuple[str, str, str, bool]]:
        """(rId, type, target part name or URL, external) for each relationship."""
        for r_id, (reltype, target, external) in self._items.items():
            yield r_id, reltype, target if external else self._resolve(target), external

    def add(self, reltype: str, target: str, external: bool = False) -> str:
        """A new relationship to part name (or URL, when external) `target`; its rId."""
        while f"rId{self._next}" in self._items:
            self._next += 1
        r_id = f"rId{self._next}"
        ref = target if external else self._relative(target)
        self._items[r_id] = (reltype, ref, external)
        return r_id

    def relate(self, reltype: str, target: str) -> str:
        """The rId of an internal relationship of this type to `target`, added if missing."""
        ref = self._relative(target)
        for r_id, item in self._items.items():
            if item == (reltype, ref, False):
                return r_id
        return self.add(reltype, target)

    def remove(self, r_id: str) -> None:
        del self._items[r_id]

    def copy(self) -> Relationships:
        """An independent copy (the same rIds, and new ones numbered alike)."""
        twin = Relationships(self.source)
        twin._items = dict(self._items)
        twin._next = self._next
        return twin

    def to_xml(self) -> bytes:
        root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        for r_id, (reltype, target, external) in self._items.items():
            attrs = {"Id": r_id, "Type": reltype, "Target": target}
            if external:
                attrs["TargetMode"] = "External"
            etree.SubElement(root, f"{{{REL_NS}}}Relationship", attrs)
        return serialise(root)

    def _resolve(self, ref: str) -> str:
        if ref.startswith("/"):
            return ref[1:]
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.source), ref))

    def _relative(self, target: str) -> str:
        # Plain string work: posixpath.relpath asks the OS for the current folder each call.
        folder = posixpath.dirname(self.source)
        if not folder:
            return target
        base, parts = folder.split("/"), target.split("/")
        shared = 0
        while shared < min(len(base), len(parts) - 1) and base[shared] == parts[shared]:
            shared += 1
        return "/".join([".."] * (len(base) - shared) + parts[shared:])


class Package:
    """Parts by name, in order, with their content types and relationships."""

    def __init__(self) -> None:
        self._blobs: dict[str, bytes] = {}
        self._trees: dict[str, Any] = {}  # parsed parts; serialised again when written
        self._rels: dict[str, Relationships] = {}
        self._defaults: dict[str, str] = {}  # extension -> content type
        self._overrides: dict[str, str] = {}  # part name -> content type
        self._free_from: dict[str, int] = {}  # free_name pattern -> no free number below
        self._pictures: dict[str, str] | None = None  # SHA-1 of an image part -> its name

    @classmethod
    def read(cls, data: bytes) -> Package:
        """The package in zip bytes (e.g. a template).

        Raises:
            PackageError: not a zip, no [Content_Types].xml, or a damaged entry.
        """
        import io

        package = cls()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = archive.infolist()
                # Declared sizes bound what reading can unpack (zipfile stops at them), so
                # this refuses a zip bomb before any of it is decompressed.
                unpacked = sum(info.file_size for info in infos)
                if unpacked > MAX_UNPACKED_BYTES:
                    raise PackageError(
                        f"it would unpack to {unpacked / 1_000_000:,.0f} MB; the kit reads "
                        f"Office files up to {MAX_UNPACKED_BYTES // 1_000_000} MB (remove large "
                        "pictures, videos or fonts from it)"
                    )
                entries = [(i.filename, archive.read(i)) for i in infos]
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise PackageError(f"not a readable Office file ({exc})") from None
        by_name = dict(entries)
        if CONTENT_TYPES not in by_name:
            raise PackageError("not an Office file: it has no [Content_Types].xml")
        for item in parse(by_name[CONTENT_TYPES]):
            tag = etree.QName(item).localname
            if tag == "Default":
                extension, kind = _needed(item, CONTENT_TYPES, "Extension", "ContentType")
                package._defaults[extension.lower()] = kind
            elif tag == "Override":
                name, kind = _needed(item, CONTENT_TYPES, "PartName", "ContentType")
                package._overrides[name.lstrip("/")] = kind
        for name, blob in entries:
            if name == CONTENT_TYPES or name.endswith("/"):
                continue
            if "_rels/" in name and name.endswith(".rels"):
                folder, rels_file = posixpath.split(name)
                source = posixpath.join(posixpath.dirname(folder), rels_file[: -len(".rels")])
                package._rels[source] = Relationships(source, blob)
            else:
                # Parts the writers never parse are copied as they are: refuse a DOCTYPE here
                # too, or it would reach the output (OPC forbids it in every XML part).
                if name.endswith(".xml") and b"<!DOCTYPE" in blob:
                    raise PackageError(f"{name} declares a DOCTYPE, which Office files never have")
                package._blobs[name] = blob
        return package

    def copy(self) -> Package:
        """An independent copy, e.g. of a template read once per process: parsed parts are
        deep-copied (lxml copies a tree far faster than it parses one), bytes are shared."""
        twin = Package()
        twin._blobs = dict(self._blobs)
        twin._trees = {name: copy.deepcopy(tree) for name, tree in self._trees.items()}
        twin._rels = {source: rels.copy() for source, rels in self._rels.items()}
        twin._defaults = dict(self._defaults)
        twin._overrides = dict(self._overrides)
        return twin

    def __contains__(self, name: str) -> bool:
        return name in self._blobs

    def names(self) -> list[str]:
        return list(self._blobs)

    def content_type(self, name: str) -> str:
        extension = posixpath.splitext(name)[1][1:].lower()
        return self._overrides.get(name) or self._defaults.get(extension, "")

    def named(self, content_type: str) -> list[str]:
        """Every part of one content type, in package order."""
        return [name for name in self._blobs if self.content_type(name) == content_type]

    def xml(self, name: str) -> Any:
        """The part's root element; edits to it are what gets written."""
        tree = self._trees.get(name)
        if tree is None:
            tree = self._trees[name] = parse(self._blobs[name], name)
        return tree

    def blob(self, name: str) -> bytes:
        tree = self._trees.get(name)
        return serialise(tree) if tree is not None else self._blobs[name]

    def put(self, name: str, content: bytes | Any, content_type: str) -> None:
        """Add or replace part `name`: bytes as they are, or an element to serialise."""
        if content_type.startswith("image/") or self.content_type(name).startswith("image/"):
            self._pictures = None  # found again when next needed
        self._blobs[name] = b""  # keeps the part's place when it is replaced
        if isinstance(content, bytes):
            self._blobs[name] = content
            self._trees.pop(name, None)
        else:
            self._trees[name] = content
        extension = posixpath.splitext(name)[1][1:].lower()
        if self._defaults.get(extension) == content_type:
            self._overrides.pop(name, None)
        else:
            self._overrides[name] = content_type

    def set_default(self, extension: str, content_type: str) -> None:
        """The content type of parts ending in `.extension` that have no override of their own
        (a new package declares these before adding parts)."""
        self._defaults[extension.lower()] = content_type

    def remove(self, name: str) -> None:
        """Drop a part with its relationships (relationships *to* it are the caller's)."""
        self._blobs.pop(name, None)
        self._trees.pop(name, None)
        self._rels.pop(name, None)
        self._overrides.pop(name, None)
        self._free_from.clear()
        self._pictures = None

    def rels(self, source: str) -> Relationships:
        """The relationships from `source` ("" for the package), made empty if it has none."""
        found = self._rels.get(source)
        if found is None:
            found = self._rels[source] = Relationships(source)
        return found

    def related(self, source: str, reltype: str) -> str | None:
        """The part that the first internal relationship of type `reltype` from `source` ("" for
        the package) points to, skipping any whose part is missing; None when there is none."""
        for _r_id, found_type, target, external in self.rels(source):
            if found_type == reltype and not external and target in self._blobs:
                return target
        return None

    def free_name(self, pattern: str) -> str:
        """The first part name `pattern % n` (n = 1, 2, ...) not yet taken, as python-pptx's
        `next_partname` picked it; each pattern's search starts where its last one ended,
        so naming a deck's 70 notes pages does not scan the package 70 times."""
        number = self._free_from.get(pattern, 1)
        while pattern % number in self._blobs:
            number += 1
        self._free_from[pattern] = number
        return pattern % number

    def add_picture(self, source: str, png: bytes, folder: str) -> str:
        """The rId from part `source` of the picture part holding `png`, related once per part.

        One part per distinct picture: an identical one already in the package (the
        template's, or added before) is reused. A new one is `folder`/imageN.png, N the number
        python-pptx 1.0.2 picked: the first gap in the numbers of the folder's imageN parts
        (any extension), else one past their count.
        """
        assert png.startswith(PNG), "logos and QR codes are always PNG"
        pictures = self._pictures
        if pictures is None:
            pictures = {}
            for part in self._blobs:
                if self.content_type(part).startswith("image/"):
                    pictures.setdefault(hashlib.sha1(self.blob(part)).hexdigest(), part)
        digest = hashlib.sha1(png).hexdigest()
        name = pictures.get(digest)
        if name is None:
            name = f"{folder}/image{self._picture_number(folder)}.png"
            self.put(name, png, "image/png")  # forgets the pictures found: kept below
            pictures[digest] = name
        self._pictures = pictures
        return self.rels(source).relate(RT + "image", name)

    def _picture_number(self, folder: str) -> int:
        stem = f"{folder}/image"
        numbers = []
        for name in self._blobs:
            digits = name.rsplit(".", 1)[0][len(stem) :]
            if name.startswith(stem) and digits.isdigit():
                numbers.append(int(digits))
        for position, number in enumerate(sorted(numbers), start=1):
            if position < number:
                return position
        return len(numbers) + 1

    def to_bytes(self) -> bytes:
        """The package as a deterministic zip: content types, package relationships, then
        each part followed by its relationships."""
        return zip_entries(self._entries())

    def _entries(self) -> Iterator[tuple[str, bytes]]:
        yield CONTENT_TYPES, self._content_types()
        if len(self.rels("")):
            yield rels_name(""), self._rels[""].to_xml()
        for name in self._blobs:
            yield name, self.blob(name)
            rels = self._rels.get(name)
            if rels is not None and len(rels):
                yield rels_name(name), rels.to_xml()

    def _content_types(self) -> bytes:
        root = etree.Element(f"{{{TYPES_NS}}}Types", nsmap={None: TYPES_NS})
        used = {posixpath.splitext(n)[1][1:].lower() for n in self._blobs} | {"rels", "xml"}
        for extension, content_type in self._defaults.items():
            if extension in used:
                attrs = {"Extension": extension, "ContentType": content_type}
                etree.SubElement(root, f"{{{TYPES_NS}}}Default", attrs)
        for name in self._blobs:
            if name in self._overrides:
                attrs = {"PartName": f"/{name}", "ContentType": self._overrides[name]}
                etree.SubElement(root, f"{{{TYPES_NS}}}Override", attrs)
        return serialise(root)
