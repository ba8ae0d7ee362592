"""The in-memory Office package: reading a template, adding parts and relationships, writing."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from compassion_kit.paths import templates_dir
from compassion_kit.render._opc import RT, Package, PackageError

PNG_TYPE = "image/png"
SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"


def test_template_round_trip_keeps_every_part_byte_for_byte() -> None:
    data = (templates_dir() / "deck.pptx").read_bytes()
    written = zipfile.ZipFile(io.BytesIO(Package.read(data).to_bytes()))
    original = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(written.namelist()) == sorted(original.namelist())
    assert written.namelist()[0] == "[Content_Types].xml"
    for name in original.namelist():
        if not name.endswith((".rels", "[Content_Types].xml")):
            assert written.read(name) == original.read(name), name


def test_new_parts_get_types_and_relative_relationships() -> None:
    package = Package.read((templates_dir() / "deck.pptx").read_bytes())
    name = package.free_name("ppt/slides/slide%d.xml")
    package.put(name, b"<p:sld xmlns:p='urn:x'/>", SLIDE_TYPE)
    package.put("ppt/media/image9.png", b"\x89PNG", PNG_TYPE)
    rels = package.rels(name)
    r_id = rels.add(RT + "image", "ppt/media/image9.png")
    assert rels.relate(RT + "image", "ppt/media/image9.png") == r_id  # reused, not doubled
    link = rels.add(RT + "hyperlink", "https://example.org/", external=True)
    archive = zipfile.ZipFile(io.BytesIO(package.to_bytes()))
    xml = archive.read(f"ppt/slides/_rels/{name.rsplit('/', 1)[1]}.rels").decode()
    assert 'Target="../media/image9.png"' in xml
    assert f'Id="{link}"' in xml and 'TargetMode="External"' in xml
    types = archive.read("[Content_Types].xml").decode()
    assert f'PartName="/{name}" ContentType="{SLIDE_TYPE}"' in types
    assert package.content_type("ppt/media/image9.png") == PNG_TYPE
    assert list(rels)[0][2] == "ppt/media/image9.png"


def test_related_finds_the_first_present_part_of_a_relationship_type() -> None:
    package = Package.read((templates_dir() / "document.docx").read_bytes())
    document = package.related("", RT + "officeDocument")
    assert document == "word/document.xml"
    package.rels(document).add(RT + "footer", "word/missing.xml")  # skipped: no such part
    package.rels(document).add(RT + "footer", "https://example.org/", external=True)
    assert package.related(document, RT + "footer") is None
    assert package.related(document, RT + "styles") == "word/styles.xml"


def test_free_name_is_the_first_name_not_taken_even_after_a_removal() -> None:
    package = Package()
    pattern = "ppt/notesSlides/notesSlide%d.xml"
    for number in (1, 2):
        assert package.free_name(pattern) == pattern % number
        package.put(pattern % number, b"<x/>", SLIDE_TYPE)
    assert package.free_name(pattern) == package.free_name(pattern) == pattern % 3
    package.remove(pattern % 1)
    assert package.free_name(pattern) == pattern % 1


def test_add_picture_keeps_one_part_per_picture_numbered_after_the_folders_images() -> None:
    package = Package()
    package.put("ppt/media/image1.jpeg", b"jpeg", "image/jpeg")
    logo, qr = b"\x89PNG\r\n\x1a\nlogo", b"\x89PNG\r\n\x1a\nqr"
    first = package.add_picture("ppt/slides/slide1.xml", logo, "ppt/media")
    assert package.add_picture("ppt/slides/slide1.xml", logo, "ppt/media") == first
    package.add_picture("ppt/slides/slide2.xml", logo, "ppt/media")
    package.add_picture("ppt/slides/slide2.xml", qr, "ppt/media")
    assert package.names() == [
        "ppt/media/image1.jpeg",
        "ppt/media/image2.png",
        "ppt/media/image3.png",
    ]
    assert [t for _i, _k, t, _e in package.rels("ppt/slides/slide2.xml")] == [
        "ppt/media/image2.png",
        "ppt/media/image3.png",
    ]


def test_same_parts_give_the_same_bytes() -> None:
    data = (templates_dir() / "document.docx").read_bytes()
    assert Package.read(data).to_bytes() == Package.read(data).to_bytes()


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04broken"])
def test_damaged_package_is_a_package_error(data: bytes) -> None:
    with pytest.raises(PackageError):
        Package.read(data)


def test_a_part_with_a_doctype_is_a_package_error_naming_the_part() -> None:
    # lxml keeps "&xxe;" unresolved but writes the part back without its DOCTYPE: the deck's
    # notes master came out as XML no reader can parse. OPC forbids DTDs in parts anyway.
    source = zipfile.ZipFile(io.BytesIO((templates_dir() / "deck.pptx").read_bytes()))
    name = "ppt/notesMasters/notesMaster1.xml"
    doctype = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == name:
                data = data.replace(b"?>", b"?>" + doctype, 1).replace(b"<a:t>", b"<a:t>&xxe;", 1)
            target.writestr(item, data)
    with pytest.raises(PackageError, match=f"{name} declares a DOCTYPE"):
        Package.read(out.getvalue())


def test_a_copy_is_independent_of_its_original() -> None:
    original = Package.read((templates_dir() / "document.docx").read_bytes())
    original.xml("word/document.xml").set("marker", "original")
    twin = original.copy()
    twin.xml("word/document.xml").set("marker", "copy")
    twin.put("word/media/image1.png", b"\x89PNG", PNG_TYPE)
    r_id = twin.rels("word/document.xml").add(RT + "image", "word/media/image1.png")
    assert original.xml("word/document.xml").get("marker") == "original"
    assert "word/media/image1.png" not in original
    assert r_id not in dict((rel[0], rel) for rel in original.rels("word/document.xml"))
    assert twin.blob("word/styles.xml") == original.blob("word/styles.xml")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    from compassion_kit.render import _opc

    monkeypatch.setattr(_opc, "MAX_UNPACKED_BYTES", 1_000_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/media/huge.bin", b"\0" * 2_000_000)  # 2 MB, compresses to ~2 kB
    with pytest.raises(PackageError, match="would unpack to 2 MB; the kit reads Office files up"):
        Package.read(out.getvalue())


@pytest.mark.parametrize(
    ("name", "old", "new", "words"),
    [
        (
            "[Content_Types].xml",
            'Extension="xml" ',
            "",
            "[Content_Types].xml: a <Default> has no Extension",
        ),
        (
            "[Content_Types].xml",
            'PartName="/ppt/presentation.xml" ',
            "",
            "<Override> has no PartName",
        ),
        (
            "ppt/_rels/presentation.xml.rels",
            'Id="rId1" ',
            "",
            "presentation.xml.rels: a <Relationship> has no Id",
        ),
    ],
)
def test_an_entry_missing_a_needed_attribute_is_a_package_error(
    name: str, old: str, new: str, words: str
) -> None:
    data = (templates_dir() / "deck.pptx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == name:
                assert old.encode() in blob
                blob = blob.replace(old.encode(), new.encode(), 1)
            target.writestr(info.filename, blob)
    with pytest.raises(PackageError, match=re.escape(words)):
        Package.read(out.getvalue())


def test_a_doctype_in_a_part_nobody_edits_is_refused_too() -> None:
    data = (templates_dir() / "deck.pptx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    layouts = sorted(n for n in source.namelist() if n.startswith("ppt/slideLayouts/slideL"))
    unused = layouts[-1]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == unused:
                head, _, rest = blob.partition(b"?>")
                blob = head + b'?><!DOCTYPE x [<!ENTITY e "boom">]>' + rest
            target.writestr(info.filename, blob)
    with pytest.raises(PackageError, match=re.escape(f"{unused} declares a DOCTYPE")):
        Package.read(out.getvalue())
