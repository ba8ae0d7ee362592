"""Thirty organisations no one here designed for: each builds a whole pack with warnings at most.

The profiles are generated: long, bilingual (either order) and non-Latin names, light and dark
colours in every notation, logos in every format and shape (drawn with Pillow here), and
A4, Letter and A5 paper in any case. One batch builds them all; every file must open and
pass the strict OOXML validator. A handful go through LibreOffice to count pages.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PIL import Image
from pptx import Presentation

from compassion_kit.branding import WHITE, contrast_ratio
from compassion_kit.build import build_pack
from compassion_kit.pack import PackOptions, PackResult
from compassion_kit.profile import load_brand
from support.office import assert_valid_ooxml, pdf_pages, to_pdf

SMALL = Path(__file__).parent / "fixtures" / "pack-small" / "workshop.yaml"
COUNT = 30
LONG_NAME = (
    "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg a Chyngor Partneriaeth Gofal Iechyd y Cymoedd / "
    "Cwm Taf Morgannwg University Health Board and the Valleys Health and Care Partnership "
    "Council, serving Bridgend, Merthyr Tydfil and Rhondda Cynon Taf"
)
NAMES = (
    "Northshire Community Health NHS Trust",
    "Bwrdd Iechyd Prifysgol Aneurin Bevan / Aneurin Bevan University Health Board",
    "Powys Teaching Health Board / Bwrdd Iechyd Addysgu Powys",
    LONG_NAME,
    "مستشفى الملك فهد التخصصي",
    "北京协和医院",
    "Городская клиническая больница № 1",
    "Γενικό Νοσοκομείο Αθηνών",
    "अखिल भारतीय आयुर्विज्ञान संस्थान",
    "St Ann's Hospice & Care (Ysbyty Gwynedd)",
)
COLOURS = (  # primary, secondary, accent: light and dark, in every notation
    ("#036", "#FFB81C", "white"),
    ("rgb(0, 94, 184)", "hsl(210, 100%, 20%)", "NHS Warm Yellow"),
    ("yellow", "white", "navy"),
    ("NHS Blue", "nhs dark blue", "#FAE100"),
    ("#ffffff", "#fff", "#000"),
    ("hsl(50, 100%, 60%)", "lightskyblue", "rgb(255,255,255)"),
    ("darkgreen", "#41B6E6", "#E8EDEE"),
    ("#000000", "#231F20", "gold"),
    ("005EB8", "#78BE20", "pink"),
    ("rebeccapurple", "NHS Light Green", "#FFB81C"),
)
SHAPES = ((400, 100), (200, 200), (100, 300), (630, 90))  # wide, square, tall, very wide
LOGO_FORMATS = (
    "png", "jpeg", "gif", "webp", "bmp", "tiff", "svg", "svgz", "svg16", "svgdoctype", None,
)  # fmt: skip
PAPERS = ("A4", "letter", "a5", "Letter", "A5", "a4")


def _raster(kind: str, size: tuple[int, int]) -> bytes:
    image = Image.new("RGBA" if kind in ("png", "webp") else "RGB", size, (255, 255, 255, 0))
    image.paste((0, 94, 184, 255), (size[0] // 8, size[1] // 8, size[0] * 7 // 8, size[1] * 7 // 8))
    out = io.BytesIO()
    image.save(out, format=kind.upper())
    return out.getvalue()


def _svg(size: tuple[int, int]) -> str:
    width, height = size
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect x="{width // 8}" y="{height // 8}" '
        f'width="{width * 3 // 4}" height="{height * 3 // 4}" fill="#005EB8"/></svg>'
    )


def logo_file(kind: str, size: tuple[int, int]) -> tuple[str, bytes]:
    """(file name, bytes) of a logo of `kind` and `size`, made here."""
    if kind == "svg":
        return "logo.svg", _svg(size).encode()
    if kind == "svgz":
        return "logo.svgz", gzip.compress(_svg(size).encode())
    if kind == "svg16":
        text = '<?xml version="1.0" encoding="UTF-16"?>\n' + _svg(size)
        return "logo.svg", codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if kind == "svgdoctype":
        doctype = (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG '
            '1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        )
        return "logo.svg", (doctype + _svg(size)).encode()
    return f"logo.{'jpg' if kind == 'jpeg' else kind}", _raster(kind, size)


def profile(index: int) -> dict[str, Any]:
    """The `index`th generated profile, as YAML data; its logo is written beside it."""
    name = NAMES[index % len(NAMES)]
    primary, secondary, accent = COLOURS[(index * 3) % len(COLOURS)]
    data: dict[str, Any] = {
        "name": name,
        "colours": {"primary": primary, "secondary": secondary, "accent": accent},
        "paper": PAPERS[index % len(PAPERS)],
    }
    if index % 5 == 4:  # some say which short name to use for folders and the logo area
        data["short_name"] = f"Org {index}"
    if index % 7 == 3:  # alt text naming the English name only: a warning, never an error
        data["logo_alt"] = f"{name.split(' / ')[-1]} logo"
    return data


def write_profiles(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for index in range(COUNT):
        data = profile(index)
        kind = LOGO_FORMATS[index % len(LOGO_FORMATS)]
        if kind is not None:
            file_name, logo = logo_file(kind, SHAPES[index % len(SHAPES)])
            file_name = f"{index:02d}-{file_name}"
            (folder / file_name).write_bytes(logo)
            data["logo"] = file_name
        path = folder / f"org-{index:02d}.yaml"
        # JSON is YAML too, and keeps every script as written.
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], PackResult]:
    base = tmp_path_factory.mktemp("corpus")
    profiles = write_profiles(base / "orgs")
    result = build_pack(SMALL, base / "packs", PackOptions(orgs=base / "orgs", jobs=2))
    return profiles, result


def test_the_corpus_covers_what_it_claims() -> None:
    formats = {LOGO_FORMATS[i % len(LOGO_FORMATS)] for i in range(COUNT)}
    assert formats == set(LOGO_FORMATS)
    assert {PAPERS[i % len(PAPERS)].upper() for i in range(COUNT)} == {"A4", "LETTER", "A5"}
    assert {NAMES[i % len(NAMES)] for i in range(COUNT)} == set(NAMES)
    assert {COLOURS[(i * 3) % len(COLOURS)] for i in range(COUNT)} == set(COLOURS)


def test_every_profile_loads_with_warnings_at_most(corpus: tuple[list[Path], PackResult]) -> None:
    profiles, _ = corpus
    for path in profiles:
        organisation = load_brand(path).organisation  # raises on any error
        colours = organisation.colours
        for text in (colours.primary_text, colours.secondary_text):
            assert contrast_ratio(text, WHITE) >= 4.5, (path.name, text)


def test_every_organisation_gets_its_own_pack(corpus: tuple[list[Path], PackResult]) -> None:
    _, result = corpus
    assert result.exit_code == 0, [str(p) for o in result.failed for p in o.problems]
    slugs = [o.slug for o in result.outcomes]
    assert len(slugs) == COUNT == len(set(slugs))
    assert all(s.isascii() and s == s.lower() and s for s in slugs)
    # The same name three times: the later ones are numbered, with a warning each.
    clashes = [w for w in result.warnings if "is already used by" in w]
    assert len(clashes) == sum(1 for o in result.outcomes if o.slug.endswith(("-2", "-3")))
    assert clashes


def test_every_file_opens_and_passes_the_validator(corpus: tuple[list[Path], PackResult]) -> None:
    _, result = corpus
    for outcome in result.outcomes:
        folder = result.out / outcome.slug
        decks = sorted(folder.glob("*.pptx"))
        documents = sorted(folder.glob("*.docx"))
        assert len(decks) == 1 and len(documents) == 4, outcome.slug
        for deck in decks:
            slides = Presentation(str(deck)).slides
            assert len(slides) >= 10
            assert_valid_ooxml(deck)
        for document in documents:
            Document(str(document))
            assert_valid_ooxml(document)


def test_the_title_slide_never_continues(corpus: tuple[list[Path], PackResult]) -> None:
    _, result = corpus
    for outcome in result.outcomes:
        (deck,) = (result.out / outcome.slug).glob("*.pptx")
        titles = [s.shapes.title.text for s in Presentation(str(deck)).slides]
        assert titles.count(titles[0]) == 1, outcome.slug
        assert not [w for w in result.warnings if "'#title'" in w and outcome.slug in w]


# A5 is half of A4: at the 12 pt print floor and 2 cm margins, text reflows to more pages.
A5_MOST = 2.5  # times the A4 pages


@pytest.mark.parametrize("paper", ["Letter", "A5"])
def test_page_counts_hold_on_each_paper(
    corpus: tuple[list[Path], PackResult], tmp_path: Path, paper: str
) -> None:
    """A profile's agendas take as many pages on Letter as the same profile on A4, and its
    worksheets and handouts (which flow with the page's height, Letter being 18 mm shorter)
    at most one more; on A5 (half of A4, at the same 12 pt floor and margins) every file
    stays within A5_MOST times. One profile per paper: each conversion takes a few seconds.
    """
    profiles, result = corpus
    index = next(i for i in range(COUNT) if PAPERS[i % len(PAPERS)].upper() == paper.upper())
    found = _pages(result.out / _outcome(result, index).slug, tmp_path / "found")
    reference = _pages(_on_a4(profiles[index], tmp_path / "a4"), tmp_path / "reference")
    assert found.keys() == reference.keys() and len(found) == 4
    for kind, pages in found.items():
        if paper == "A5":
            assert reference[kind] <= pages <= A5_MOST * reference[kind] + 1, (kind, pages)
        elif "conversation" in kind:  # the agendas
            assert pages == reference[kind], (paper, kind)
        else:
            assert reference[kind] <= pages <= reference[kind] + 1, (paper, kind)


def _outcome(result: PackResult, index: int) -> Any:
    return next(o for o in result.outcomes if o.where.endswith(f"org-{index:02d}.yaml"))


def _on_a4(profile_path: Path, folder: Path) -> Path:
    """The pack of the same profile on A4, built in `folder`; returns the pack's folder."""
    folder.mkdir()
    data = json.loads(profile_path.read_text(encoding="utf-8"))
    data["paper"] = "A4"
    if "logo" in data:
        shutil.copy(profile_path.parent / data["logo"], folder / data["logo"])
    (folder / "org.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.copy(SMALL, folder / "workshop.yaml")
    build_pack(folder / "workshop.yaml", folder / "pack")
    return folder / "pack"


def _pages(pack: Path, workdir: Path) -> dict[str, int]:
    counts = {}
    workdir.mkdir()
    for document in sorted(pack.glob("*.docx")):
        copy = workdir / document.name.split("2027-04-14-")[-1]
        shutil.copy(document, copy)
        counts[copy.stem] = pdf_pages(to_pdf(copy, workdir))
    return counts
