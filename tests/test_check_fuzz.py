"""Property: whatever damage is done to a real .pptx/.docx, `kit check` returns findings (for
a damaged file, exactly one KIT000) and never raises or hangs. Inputs are mutations of files
python-pptx and python-docx wrote: attribute values replaced, elements removed, bytes flipped."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation

from compassion_kit.check import check_file

JUNK = ["", "x", "-1", "99999999999999999999", "1.5", "#", "NaN", "&amp;", "\u00e9"]


def _originals(folder: Path) -> dict[str, bytes]:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Welcome"
    slide.placeholders[1].text = "First point"
    prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = "Second"
    prs.save(folder / "deck.pptx")
    document = docx.Document()
    document.add_heading("Title", 1)
    document.add_paragraph("Text")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Cell"
    document.save(folder / "doc.docx")
    return {name: (folder / name).read_bytes() for name in ("deck.pptx", "doc.docx")}


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _originals(tmp_path_factory.mktemp("originals"))


def _mutate(data: bytes, kind: int, picks: list[int], junk: list[str]) -> bytes:
    if kind == 0:  # replace attribute values
        text = data.decode("utf-8", "replace")
        for pick, value in zip(picks, junk, strict=False):
            found = list(re.finditer(r'="([^"]*)"', text))
            if found:
                match = found[pick % len(found)]
                text = text[: match.start(1)] + value + text[match.end(1) :]
        return text.encode()
    if kind == 1:  # remove elements
        root = etree.fromstring(data)
        for pick in picks:
            elements = [e for e in root.iter() if e.getparent() is not None]
            if elements:
                victim = elements[pick % len(elements)]
                victim.getparent().remove(victim)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    flipped = bytearray(data)  # flip bytes
    for pick in picks:
        flipped[pick % len(flipped)] ^= 0x5A
    return bytes(flipped)


@settings(
    max_examples=60,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    which=st.sampled_from(["deck.pptx", "doc.docx"]),
    part=st.integers(min_value=0),
    kind=st.integers(min_value=0, max_value=2),
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=6),
    junk=st.lists(st.sampled_from(JUNK), min_size=1, max_size=6),
)
def test_damaged_files_give_findings_never_an_exception(
    originals: dict[str, bytes],
    tmp_path: Path,
    which: str,
    part: int,
    kind: int,
    picks: list[int],
    junk: list[str],
) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(originals[which])) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        xml_parts = [n for n in source.namelist() if n.endswith((".xml", ".rels"))]
        victim = xml_parts[part % len(xml_parts)]
        for info in source.infolist():
            data = source.read(info)
            if info.filename == victim:
                data = _mutate(data, kind, picks, junk)
            target.writestr(info.filename, data)
    path = tmp_path / which
    path.write_bytes(out.getvalue())
    found = check_file(path)
    unreadable = [f for f in found if f.code == "KIT000"]
    assert not unreadable or found == unreadable[:1], found
    assert all(f.message and f.hint for f in unreadable)
