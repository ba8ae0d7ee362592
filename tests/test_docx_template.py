"""Reading the Word template without python-docx: what is refused, and what is filled in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from compassion_kit.errors import ContentError
from compassion_kit.paths import templates_dir
from compassion_kit.render import _docx_template
from compassion_kit.render._docx_template import load_template


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
        ("deck.pptx", "cannot read the Word template (it is not a Word document)"),
        ("notes.txt", "cannot read the Word template (not a readable Office file"),
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
        _docx_template.load_template(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_template_without_a_styles_part_names_what_is_missing(tmp_path: Path) -> None:
    broken = _rewrite(templates_dir() / "document.docx", tmp_path / "t.docx", ("word/styles.xml",))
    with pytest.raises(ContentError) as caught:
        _docx_template.load_template(broken)
    assert "it has no styles part" in str(caught.value)


def test_a_template_without_core_properties_gets_them(tmp_path: Path) -> None:
    bare = _rewrite(templates_dir() / "document.docx", tmp_path / "t.docx", ("docProps/core.xml",))
    template = load_template(bare)
    assert template.parts.core in template.package
    written = zipfile.ZipFile(io.BytesIO(template.package.copy().to_bytes()))
    assert "docProps/core.xml" in written.namelist()
    assert written.read("_rels/.rels").decode().count("core-properties") == 1


def test_style_ids_are_found_by_the_names_word_shows() -> None:
    styles = load_template(_docx_template.template_path()).styles
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
        _docx_template.load_template(broken)
    assert "its document has no page setup" in str(caught.value)
