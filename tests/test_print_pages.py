"""Packs as printed and photocopied: the example pack's and a preset's documents, rendered by
LibreOffice, checked page by page.

No page is a narrow strip of ink between header and footer; every worksheet, handout and
case starts a page under its own title; no table header breaks inside a word; scales say
to tick the boxes they draw; the header logo is at least 1 cm tall; the same-day feedback
form is one page on A4 and Letter. Each document is converted once per test session.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from compassion_kit import build_pack
from compassion_kit.library import load_library
from compassion_kit.model import Handout, Worksheet
from compassion_kit.pack.presets import write_preset
from compassion_kit.render.plan.form_controls import scale_prompt
from compassion_kit.render.plan.worksheet import FACILITATOR_SUFFIX
from support.office import pdf_pages, pdf_text, to_pdf
from support.printed import Page, pages
from test_docx_foundation import PdfWord, pdf_words

EXAMPLES = Path(__file__).parents[1] / "examples"
EXAMPLE = EXAMPLES / "wye-valley" / "workshop.yaml"
OTHER_EXAMPLES = {  # the other bundled examples, checked for strips and page starts too
    "marcher-vale": EXAMPLES / "marcher-vale-icb" / "workshop.yaml",
    "fenmoor": EXAMPLES / "fenmoor-hospice" / "workshop.yaml",
}
PRESET = "improvement-planning"
PRESET_PACK = "preset"
PACKS = ("example", "example-letter", PRESET_PACK)
EVERY_PACK = (*PACKS, *OTHER_EXAMPLES)
LIBRARY = load_library()
STRIP = 0.2  # a page inked over less than this share of its body is a narrow strip
TOP_SLACK = 4.0  # points: a title "at the top" starts this close to the first ink
MIN_LOGO_EMU = 360000  # 10 mm
PRINTED = ("worksheets", "handouts")  # manifest kinds whose items each start a page


@dataclass(frozen=True)
class Printed:
    """A built pack: its folder, manifest entries of Word files, the organisation's name."""

    folder: Path
    files: tuple[dict[str, object], ...]
    organisation: str
    pdf: Callable[[str], Path]

    def pages(self, name: str) -> list[Page]:
        """The measured pages of Word file `name`, converted once."""
        return pages(self.pdf(name), tuple(self.organisation.split()))


@pytest.fixture(scope="session")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Printed]:
    """Build a pack ("example" or "preset") once; its PDFs are converted on first use."""
    built: dict[str, Printed] = {}
    converted: dict[Path, Path] = {}

    def get(which: str) -> Printed:
        if which not in built:
            root = tmp_path_factory.mktemp(which)
            if which in OTHER_EXAMPLES:
                spec = OTHER_EXAMPLES[which]
            elif which == "example":
                spec = EXAMPLE
            else:
                spec = write_preset(PRESET, root / "spec.yaml")
            if which == "example-letter":  # the same pack on US Letter, 18 mm shorter
                shutil.copytree(EXAMPLE.parent, root / "spec")
                profile = root / "spec" / "org.yaml"
                text = profile.read_text("utf-8")
                assert "paper: A4" in text
                profile.write_text(text.replace("paper: A4", "paper: Letter"), "utf-8")
                spec = root / "spec" / EXAMPLE.name
            build_pack(spec, root / "pack")
            manifest = json.loads((root / "pack" / "manifest.json").read_text("utf-8"))
            word = tuple(f for f in manifest["files"] if f["format"] == "docx")

            def pdf(name: str) -> Path:
                path = root / "pack" / name
                if path not in converted:
                    converted[path] = to_pdf(path, root / "pdf")
                return converted[path]

            built[which] = Printed(root / "pack", word, manifest["organisation"], pdf)
        return built[which]

    return get


def _names(pack: Printed, kinds: tuple[str, ...] | None = None) -> list[str]:
    return [str(f["path"]) for f in pack.files if kinds is None or f["kind"] in kinds]


@pytest.mark.parametrize("which", EVERY_PACK)
def test_no_page_is_a_narrow_strip_of_ink(which: str, packs: Callable[[str], Printed]) -> None:
    pack = packs(which)
    strips = []
    for name in _names(pack):
        for page in pack.pages(name):
            if page.ink < STRIP * page.band:
                text = " ".join(w.text for w in page.words)[:80]
                strips.append(f"{name} page {page.number}: {page.ink:.0f} pt of ink: {text!r}")
    assert not strips, "\n".join(strips)


def _titles(entry: dict[str, object]) -> list[str]:
    """What must open a page of a worksheets or handouts file: each item's title, each
    facilitator sheet's, and each handout section set to start a page."""
    titles = []
    facilitator = entry["audience"] == "facilitator"
    for item_id in entry["items"]:  # type: ignore[attr-defined]
        item = LIBRARY.get(item_id)
        titles.append(item.title)
        sheet = isinstance(item, Worksheet) and facilitator
        if sheet and any(b.audience == "facilitator" for b in item.blocks):  # type: ignore[union-attr]
            titles.append(item.title + FACILITATOR_SUFFIX)
        if isinstance(item, Handout):
            titles.extend(s.heading for s in item.sections if s.new_page)
    return titles


def _opens(page: Page, title: str) -> bool:
    """Whether the first words of the page's body are `title`'s (its first line at least)."""
    wanted = re.findall(r"\w+", title.lower())
    got = re.findall(r"\w+", " ".join(w.text for w in page.words[: len(wanted) + 2]).lower())
    first = page.words[0].top if page.words else None
    at_top = first is not None and page.ink_top is not None and first - page.ink_top < TOP_SLACK
    return at_top and got[: len(wanted)] == wanted


@pytest.mark.parametrize("which", EVERY_PACK)
def test_each_item_and_case_starts_a_page_under_its_title(
    which: str, packs: Callable[[str], Printed]
) -> None:
    pack = packs(which)
    checked = 0
    for entry in pack.files:
        if entry["kind"] not in PRINTED:
            continue
        measured = pack.pages(str(entry["path"]))
        for title in _titles(entry):
            assert any(_opens(page, title) for page in measured), (
                f"{entry['path']}: no page opens with {title!r}"
            )
            checked += 1
    assert checked >= 3  # the example has two worksheets and a handout of three cases


def _header_words(path: Path) -> set[str]:
    """Every word of a table header row (a row marked to repeat) in a Word file."""
    found: set[str] = set()
    for row in docx.Document(str(path)).element.body.iter(qn("w:tr")):
        if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            text = "".join(t.text or "" for t in row.iter(qn("w:t")))
            found.update(w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3)
    return found


def _broken(words: list[PdfWord], whole: set[str]) -> list[str]:
    """Header words LibreOffice printed in two pieces: a word and the next one making it."""
    found = []
    for here, after in zip(words, words[1:], strict=False):
        joined = here.text + after.text
        if joined in whole and here.text not in whole and after.top > here.top:
            found.append(f"{here.text}/{after.text} on page {here.page}")
    return found


@pytest.mark.parametrize("which", PACKS)
def test_no_table_header_breaks_inside_a_word(which: str, packs: Callable[[str], Printed]) -> None:
    pack = packs(which)
    broken = []
    for name in _names(pack):
        whole = _header_words(pack.folder / name)
        broken += [f"{name}: {b}" for b in _broken(pdf_words(pack.pdf(name)), whole)]
    assert not broken, "\n".join(broken)


def test_broken_header_words_are_caught() -> None:
    words = [PdfWord(1, 100, 110, "Sometim"), PdfWord(1, 112, 122, "es")]
    assert _broken(words, {"Sometimes"}) == ["Sometim/es on page 1"]
    assert _broken([PdfWord(1, 100, 110, "Sometimes")], {"Sometimes"}) == []


@pytest.mark.parametrize("which", PACKS)
def test_scales_say_to_tick_the_boxes_they_draw(
    which: str, packs: Callable[[str], Printed]
) -> None:
    pack = packs(which)
    for entry in pack.files:
        if entry["kind"] != "worksheets":
            continue
        text = re.sub(r"\s+", " ", pdf_text(pack.pdf(str(entry["path"]))))
        assert not re.search(r"\bcircle (one|a) (number|box)", text, re.I)
        for item_id in entry["items"]:  # type: ignore[attr-defined]
            item = LIBRARY.get(item_id)
            assert isinstance(item, Worksheet)
            for block in item.blocks:
                if block.kind == "scale" and block.audience == "participant":
                    assert scale_prompt(block.prompt).endswith("Tick one box.")
                    assert scale_prompt(block.prompt) in text


@pytest.mark.parametrize("which", PACKS)
def test_header_logo_is_at_least_10_mm_tall(which: str, packs: Callable[[str], Printed]) -> None:
    pack = packs(which)
    heights = []
    for name in _names(pack):
        for section in docx.Document(str(pack.folder / name)).sections:
            extents = section.header._element.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
            )
            heights += [(name, int(e.get("cy"))) for e in extents]
    assert heights or which == PRESET_PACK, "no logo in any header"  # the preset has none
    small = [(name, cy / 36000) for name, cy in heights if cy < MIN_LOGO_EMU]
    assert not small, f"logos under 10 mm tall (name, mm): {small}"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("survey", [True, False])
def test_same_day_feedback_form_is_one_page(paper: str, survey: bool, tmp_path: Path) -> None:
    spec = tmp_path / "workshop.yaml"
    spec.write_text(
        f"title: Same-day form\ndate: 2027-03-09\nstart: '09:30'\n"
        f"organisation:\n  name: Northshire NHS Trust\n  paper: {paper}\n"
        + ("  survey_url: https://forms.example.org/northshire-session\n" if survey else "")
        + "worksheets: [same-day-feedback]\nformats: [docx]\n",
        encoding="utf-8",
    )
    build_pack(spec, tmp_path / "pack")
    [path] = (tmp_path / "pack").glob("*worksheets.docx")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    text = pdf_text(pdf)
    assert ("forms.example.org/northshire-session" in text) is survey
    assert ("Rather answer online" in text) is survey


def test_infographic_is_one_page_on_letter_with_a_bilingual_header(tmp_path: Path) -> None:
    spec = tmp_path / "workshop.yaml"
    spec.write_text(
        "title: Infographic\ndate: 2027-03-09\nstart: '09:30'\norganisation:\n"
        "  name: Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru / Welsh Ambulance Services"
        " NHS Trust\n  short_name: WAST\n  paper: Letter\n"
        "handouts: [business-case-infographic]\nformats: [docx]\n",
        encoding="utf-8",
    )
    build_pack(spec, tmp_path / "pack")
    [path] = (tmp_path / "pack").glob("*handouts.docx")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    assert "Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru" in lines
    assert "Welsh Ambulance Services NHS Trust" in lines
