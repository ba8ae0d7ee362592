"""Opening the Word template with python-docx: what is refused, and what is filled in."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from compassion_kit.errors import ContentError
from compassion_kit.paths import templates_dir
from compassion_kit.render.docx import template
from compassion_kit.render.docx.document import finish, new_document
from test_docx_foundation import CREDIT, NORTHSHIRE


def _rewrite(source: Path, target: Path, drop: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if name not in drop}
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("deck.pptx", "is not a Word file"),
        ("notes.txt", "is not a zip file"),
    ],
)
def test_a_file_that_is_not_a_word_document_is_refused_with_its_path(
    tmp_path: Path, name: str, expected: str
) -> None:
    path = tmp_path / name
    if name.endswith(".pptx"):
        path.write_bytes((templates_dir() / "deck.pptx").read_bytes())
    else:
        path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        template.open_document(path)
    assert "cannot read the Word template" in str(caught.value)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_template_missing_its_styles_part_is_refused_naming_it(tmp_path: Path) -> None:
    bare = _rewrite(templates_dir() / "document.docx", tmp_path / "t.docx", ("word/styles.xml",))
    with pytest.raises(ContentError) as caught:
        template.open_document(bare)
    assert "word/styles.xml" in str(caught.value)


def test_every_style_the_writers_use_is_in_the_bundled_template() -> None:
    document = Document(str(template.template_path()))
    assert template.add_missing_styles(document) == []
    assert set(template.STYLE_NAMES) <= {style.name for style in document.styles}


def test_a_template_without_core_properties_gets_them(tmp_path: Path) -> None:
    bare = _rewrite(templates_dir() / "document.docx", tmp_path / "t.docx", ("docProps/core.xml",))
    with zipfile.ZipFile(bare) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["_rels/.rels"] = re.sub(
        rb"<Relationship [^>]*core-properties[^>]*/>", b"", parts["_rels/.rels"]
    )
    with zipfile.ZipFile(bare, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    written = finish(new_document(NORTHSHIRE, None, CREDIT, bare), "Bare")
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert "docProps/core.xml" in archive.namelist()
        assert archive.read("_rels/.rels").decode().count("core-properties") == 1
    properties = Document(io.BytesIO(written)).core_properties
    assert (properties.title, properties.author, properties.language) == (
        "Bare",
        "compassion-kit",
        "en-GB",
    )


def test_style_ids_are_found_by_the_names_word_shows() -> None:
    styles = template.style_ids(template.open_document())
    assert styles["Heading 1"] == "Heading1"  # stored as "heading 1"
    assert styles["Normal"] is None  # the default paragraph style names no style
    assert styles["Kit Form"] == "KitForm"


def test_a_template_without_page_setup_is_refused(tmp_path: Path) -> None:
    source = templates_dir() / "document.docx"
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode()
    start, end = document.index("<w:sectPr>"), document.index("</w:sectPr>") + len("</w:sectPr>")
    parts["word/document.xml"] = (document[:start] + document[end:]).encode()
    broken = tmp_path / "t.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ContentError) as caught:
        template.open_document(broken)
    assert "its document has no page setup" in str(caught.value)


def test_documents_opened_on_the_remembered_template_are_independent_and_unchanged(
    tmp_path: Path,
) -> None:
    """Each document is a copy of the template read once: writing one changes neither the
    next nor the template, and a copy writes the same bytes as a fresh read."""
    letterhead = tmp_path / "letterhead.docx"
    Document().save(str(letterhead))  # python-docx's own default template
    for given in (None, letterhead):
        first = finish(new_document(NORTHSHIRE, None, CREDIT, given), "One")
        draft = new_document(NORTHSHIRE, None, CREDIT, given)
        draft.document.add_paragraph("only in the second document")
        second = finish(draft, "One")
        template._prepared.cache_clear()
        fresh = finish(new_document(NORTHSHIRE, None, CREDIT, given), "One")
        again = finish(new_document(NORTHSHIRE, None, CREDIT, given), "One")
        assert first == fresh == again
        assert b"only in the second document" not in first
        assert second != first


def test_an_edited_template_is_read_again(tmp_path: Path) -> None:
    letterhead = tmp_path / "letterhead.docx"
    Document().save(str(letterhead))
    before, _ = template.open_template(letterhead)
    edited = Document(str(letterhead))
    edited.styles["Normal"].font.name = "Georgia"
    edited.save(str(letterhead))
    import os

    stat = letterhead.stat()
    os.utime(letterhead, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after, _ = template.open_template(letterhead)
    assert before.styles["Normal"].font.name != "Georgia"
    assert after.styles["Normal"].font.name == "Georgia"


def test_forgetting_templates_forgets_the_prepared_word_template() -> None:
    from compassion_kit import template_cache

    template.open_template(None)
    assert template._prepared.cache_info().currsize >= 1
    template_cache.clear()
    assert template._prepared.cache_info().currsize == 0
