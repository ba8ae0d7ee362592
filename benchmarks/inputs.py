"""The inputs the benchmark cases read, written into a scratch folder before anything is timed.

A full-pack spec, an orgs.csv for the batch, the bundled deck modules as Markdown for pandoc,
and (read back from one kit pack) the text of a pack as JSON for the plain library loop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wye-valley"
PNG_LOGO = ROOT / "examples" / "fenmoor-hospice" / "logo.png"
# Three modules and an agenda slide: a deck of about 60 slides.
PACK_MODULES = ["culture-values", "actions-activities", "leadership-management"]
# Every worksheet and seven handouts: 15 printed items, as a long day might use.
WORKSHEETS = [
    "compassion-audit",
    "six-word-stories",
    "smarter-action-plan",
    "tackling-giants",
    "taking-stock",
    "follow-up-evaluation",
    "acts-of-compassion",
    "lab-readiness-check",
]
HANDOUTS = [
    "why-compassion-matters",
    "business-case-infographic",
    "case-hull-pathology-values",
    "case-leicester-thank-you",
    "case-norfolk-staff-platform",
    "workshop-case-studies",
    "staff-support-approaches",
]


def full_pack_spec(folder: Path) -> Path:
    """A spec for one organisation: ~60-slide deck, both agendas, 15 worksheets/handouts."""
    spec = folder / "full-pack.yaml"
    lines = [
        'title: "Benchmark: a full day with everything"',
        f"organisation: {EXAMPLE / 'org.yaml'}",
        "date: 2027-03-09",
        'venue: "Seminar Room 2"',
        'start: "09:30"',
        'facilitators: ["A. Facilitator"]',
        "participants: 30",
        f"deck: {{modules: [{', '.join(PACK_MODULES)}], agenda: improvement-planning}}",
        "agendas: [improvement-planning]",
        f"worksheets: [{', '.join(WORKSHEETS)}]",
        f"handouts: [{', '.join(HANDOUTS)}]",
    ]
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return spec


def orgs_csv(folder: Path, count: int) -> Path:
    """`count` organisations, cycling an SVG logo, a PNG logo and no logo."""
    logos = [str(EXAMPLE / "logo.svg"), str(PNG_LOGO), ""]
    rows = ["name,short_name,logo,logo_alt,primary,secondary,accent"]
    for i in range(count):
        alt = f"Benchmark Trust {i} logo" if logos[i % 3] else ""
        rows.append(f"Benchmark Trust {i},BT{i:03d},{logos[i % 3]},{alt},#00594F,#1D3557,#F4C95D")
    path = folder / "orgs.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def deck_markdown(folder: Path, module_ids: list[str]) -> tuple[Path, int]:
    """The deck modules as pandoc Markdown (same titles, text and notes), and its slide count.

    A level-1 heading per module gives pandoc's section slides, as the kit adds one per module;
    charts become tables, since pandoc has no native charts.
    """
    from compassion_kit.library import load_library

    library = load_library()
    parts = ["---", "title: Every deck module", "---", ""]
    slides = 1
    for module_id in module_ids:
        module: Any = library.get(module_id)
        parts += [f"# {module.title}", ""]
        slides += 1
        for slide in module.slides:
            parts.append(f"## {slide.title}\n")
            parts += _slide_body(slide)
            parts += ["", "::: notes", slide.notes, ":::", ""]
            slides += 1
    parts += ["## Thank you", "", "::: notes", "Thank everyone for coming.", ":::", ""]
    path = folder / "deck.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path, slides + 1


def _slide_body(slide: Any) -> list[str]:
    kind = slide.kind
    if kind == "bullets":
        return [f"{'  ' * b.level}- {b.text}" for b in slide.bullets]
    if kind == "quote":
        return [f"> {slide.quote.text}", ">", f"> {slide.quote.attribution}"]
    if kind == "figures":
        lines = [f"- **{f.value}** {f.caption}" for f in slide.figures]
        return lines + ([f"\n{slide.caption}"] if slide.caption else [])
    if kind == "chart":
        chart = slide.chart
        head = ["Category", *(s.name for s in chart.series)]
        rows = [
            [c, *(f"{s.values[i]:g}" for s in chart.series)] for i, c in enumerate(chart.categories)
        ]
        table = [head, ["---"] * len(head), *rows]
        return ["| " + " | ".join(r) + " |" for r in table]
    if kind == "video":
        video = slide.video
        return [f"[{video.link_text}]({video.url})", "", video.description]
    if kind == "exercise":
        exercise = slide.exercise
        lines = [f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)]
        lines += ["", f"**{exercise.minutes} minutes**"]
        return lines + [f"- {m}" for m in exercise.materials]
    return []


def pack_text(pack: Path) -> dict[str, Any]:
    """The text of a kit pack, read back with python-pptx/python-docx, for the plain loop.

    Returns {"deck": [slide...], "documents": {suffix: [block...]}} where a slide is
    {"title", "body": [[level, text]...], "notes"} and a block is ["heading", level, text],
    ["p", text] or ["table", rows].
    """
    from docx import Document
    from pptx import Presentation

    deck = next(pack.glob("*.pptx"))
    slides = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        body = [
            [p.level, p.text]
            for shape in slide.shapes
            if shape.has_text_frame and shape != slide.shapes.title
            for p in shape.text_frame.paragraphs
        ]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"title": title, "body": body, "notes": notes})
    documents: dict[str, list[Any]] = {}
    prefix = deck.name.removesuffix("deck.pptx")
    for path in sorted(pack.glob("*.docx")):
        document = Document(str(path))
        blocks: list[Any] = []
        for item in document.iter_inner_content():
            if hasattr(item, "rows"):
                blocks.append(["table", [[c.text for c in row.cells] for row in item.rows]])
            elif item.style is not None and item.style.name.startswith("Heading"):
                blocks.append(["heading", int(item.style.name.split()[-1]), item.text])
            else:
                blocks.append(["p", item.text])
        documents[path.name.removeprefix(prefix)] = blocks
    return {"deck": slides, "documents": documents}


def write_pack_text(folder: Path, pack: Path) -> Path:
    """pack_text(pack) as JSON in `folder`, plus the PNG the kit drew of the SVG logo."""
    from pptx import Presentation

    path = folder / "pack-text.json"
    path.write_text(json.dumps(pack_text(pack), ensure_ascii=False), encoding="utf-8")
    for shape in Presentation(str(next(pack.glob("*.pptx")))).slides[0].shapes:
        if shape.shape_type == 13:  # MSO_SHAPE_TYPE.PICTURE: the logo
            (folder / "svg-logo.png").write_bytes(shape.image.blob)
    return path
