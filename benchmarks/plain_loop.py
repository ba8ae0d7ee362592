"""The yardstick for the batch: a plain python-pptx/python-docx loop, two processes.

Run: python benchmarks/plain_loop.py PACK_TEXT ORGS_CSV OUT [--jobs 2]. For every row of
ORGS_CSV it writes what a straightforward script would: a deck from templates/deck.pptx with the
same slides (title, body paragraphs, notes, the logo on each slide), and each Word file of the
pack from templates/document.docx (headings, paragraphs, tables, logo and name in the header).
PACK_TEXT is the text of one kit pack (benchmarks/inputs.py), so both make the same files.
"""

from __future__ import annotations

import argparse
import csv
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Mm
from pptx import Presentation
from pptx.util import Emu

ROOT = Path(__file__).resolve().parent.parent
DECK_TEMPLATE = ROOT / "templates" / "deck.pptx"
DOCUMENT_TEMPLATE = ROOT / "templates" / "document.docx"
LOGO_BOX = (Emu(9265920), Emu(320040), Emu(2377440))  # left, top, width: where the kit puts it


def write_deck(slides: list[dict[str, Any]], name: str, logo: Path | None, path: Path) -> None:
    prs = Presentation(str(DECK_TEMPLATE))
    layout = prs.slide_layouts.get_by_name("Kit Bullets")
    for number, spec in enumerate(slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = spec["title"] if number else f"{spec['title']} ({name})"
        body = slide.placeholders[1].text_frame
        for i, (level, text) in enumerate(spec["body"] or [[0, ""]]):
            paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
            paragraph.text, paragraph.level = text, level
        slide.notes_slide.notes_text_frame.text = spec["notes"]
        if logo is not None:
            left, top, width = LOGO_BOX
            slide.shapes.add_picture(str(logo), left, top, width=width)
    prs.save(str(path))


def write_document(blocks: list[Any], name: str, logo: Path | None, path: Path) -> None:
    document = Document(str(DOCUMENT_TEMPLATE))
    header = document.sections[0].header.paragraphs[0]
    if logo is not None:
        header.add_run().add_picture(str(logo), height=Mm(10))
    header.add_run(name)
    for block in blocks:
        if block[0] == "heading":
            document.add_heading(block[2], level=block[1])
        elif block[0] == "p":
            document.add_paragraph(block[1])
        else:
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = document.styles["Kit Table"]
            for row, texts in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, texts, strict=False):
                    cell.text = text
    document.save(str(path))


def build_one(job: tuple[dict[str, str], str, str]) -> str:
    """One organisation's deck and Word files; returns its folder name."""
    row, text_path, out = job
    text = _pack_text(text_path)
    slug = row["short_name"].lower()
    folder = Path(out) / slug
    folder.mkdir(parents=True, exist_ok=True)
    logo = _logo(row["logo"], Path(text_path).parent)
    write_deck(text["deck"], row["name"], logo, folder / f"{slug}-deck.pptx")
    for suffix, blocks in text["documents"].items():
        write_document(blocks, row["name"], logo, folder / f"{slug}-{suffix}")
    return slug


_TEXT: dict[str, Any] = {}


def _pack_text(path: str) -> Any:
    # Read once per worker, as any loop would keep its content in memory.
    if path not in _TEXT:
        _TEXT[path] = json.loads(Path(path).read_text(encoding="utf-8"))
    return _TEXT[path]


def _logo(value: str, folder: Path) -> Path | None:
    if not value:
        return None
    # python-pptx cannot place an SVG: use the PNG the kit drew of it.
    return folder / "svg-logo.png" if value.endswith(".svg") else Path(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack_text", type=Path)
    parser.add_argument("orgs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with args.orgs.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    jobs = [(row, str(args.pack_text), str(args.out)) for row in rows]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        done = list(pool.map(build_one, jobs))
    print(f"built {len(done)} packs in {args.out}")


if __name__ == "__main__":
    main()
