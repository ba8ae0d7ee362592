"""Readable outlines of content items for `kit show` and listing rows for `kit list`.

Owns text views of the model; nothing here writes files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compassion_kit.model import ELEMENT_NAMES, Agenda, DeckModule, Handout, Item, Worksheet
from compassion_kit.timing import schedule


def size_of(item: Item) -> str:
    """A short size for listings: slide count, agenda times, or minutes and blocks."""
    if isinstance(item, DeckModule):
        return f"{len(item.slides)} slides"
    if isinstance(item, Agenda):
        timed, _ = schedule(item)
        return (
            f"{timed.sessions[0].slot[:5]}-{timed.sessions[-1].slot[6:]} "
            f"({timed.total_minutes} min)"
        )
    if isinstance(item, Worksheet):
        minutes = f", {item.minutes} min" if item.minutes else ""
        return f"{len(item.blocks)} blocks{minutes}"
    return f"{len(item.sections)} sections"


def listing_row(item: Item) -> dict[str, Any]:
    """What `kit list --json` prints for one item."""
    row: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "element": item.element,
        "size": size_of(item),
    }
    if isinstance(item, DeckModule):
        row["slides"] = len(item.slides)
    if isinstance(item, Agenda):
        row["minutes"] = schedule(item)[0].total_minutes
    elif item.duration:
        row["minutes"] = item.duration
    return row


def outline(item: Item, slide_titles: Mapping[str, str] | None = None) -> str:
    """A plain-text outline of an item: slides with notes, timed sessions, blocks, sections.

    With `slide_titles`, agenda text names slides by title instead of `{slide:ID}` tokens.
    """
    head = [
        item.title,
        "=" * len(item.title),
        f"id: {item.id}   kind: {item.kind}   {ELEMENT_NAMES[item.element]}",
        f"audience: {item.audience}",
        f"source: {item.credit()}",
        *_provenance(item),
    ]
    if item.summary:
        head += ["", item.summary]
    body: list[str]
    if isinstance(item, DeckModule):
        body = _deck(item)
    elif isinstance(item, Agenda):
        body = _agenda(item, slide_titles or {})
    elif isinstance(item, Worksheet):
        body = _worksheet(item)
    else:
        body = _handout(item)
    return "\n".join([*head, "", *body]).rstrip() + "\n"


def _provenance(item: Item) -> list[str]:
    """What comes from the source and what the kit wrote, one line each (none when not said)."""
    said = item.provenance
    return [
        f"{label}: {text}"
        for label, text in (
            ("from the source", said.from_source),
            ("written for the kit", said.written_for_kit),
        )
        if text
    ]


def _deck(deck: DeckModule) -> list[str]:
    lines = []
    for number, slide in enumerate(deck.slides, start=1):
        minutes = f" ({slide.minutes} min)" if slide.minutes else ""
        lines.append(f"{number}. [{slide.kind}] {slide.title}{minutes}   id: {slide.id}")
        lines.extend(f"     {line}" for line in _slide_body(slide))
        lines.append(f"     notes: {slide.notes}")
        lines.append("")
    return lines


def _slide_body(slide: Any) -> list[str]:
    kind = slide.kind
    if kind == "bullets":
        return [f"{'  ' * b.level}- {b.text}" for b in slide.bullets]
    if kind == "quote":
        return [f'"{slide.quote.text}" ({slide.quote.attribution})']
    if kind == "figures":
        return [f"{f.value}: {f.caption}" for f in slide.figures]
    if kind == "chart":
        unit = slide.chart.unit or ""
        return [
            f"{s.name}: "
            + ", ".join(
                f"{c} {v:g}{unit}" for c, v in zip(slide.chart.categories, s.values, strict=True)
            )
            for s in slide.chart.series
        ]
    if kind == "video":
        return [f"video: {slide.video.link_text} <{slide.video.url}>", slide.video.description]
    if kind == "frontier":
        lines = [f"frontier: {slide.y_axis} (up) against {slide.x_axis} (across)"]
        lines += [f"line: {slide.curve}"] if slide.curve else []
        return lines + [
            f"{n}) {p.label}" + (f": {p.detail}" if p.detail else "") + f" [{p.place} the line]"
            for n, p in enumerate(slide.points, 1)
        ]
    if kind in ("cycle", "process", "grid", "timeline"):
        parts = slide.items if kind == "grid" else slide.steps
        return [
            f"{n}) {p.label}" + (f": {p.detail}" if p.detail else "")
            for n, p in enumerate(parts, 1)
        ]
    ex = slide.exercise
    lines = [f"exercise, {ex.minutes} min" + (f", {ex.grouping}" if ex.grouping else "")]
    lines += [f"{i}) {step}" for i, step in enumerate(ex.steps, start=1)]
    if ex.materials:
        lines.append("materials: " + ", ".join(ex.materials))
    return lines


def _agenda(agenda: Agenda, titles: Mapping[str, str]) -> list[str]:
    from compassion_kit.render.slide_refs import resolve_slide_refs

    def readable(text: str) -> str:
        return resolve_slide_refs(text, None, titles) if titles else text

    timed, problems = schedule(agenda)
    lines = []
    for t in timed.sessions:
        s = t.session
        lines.append(f"{t.slot}  {s.title} ({s.minutes} min, {s.kind})")
        if s.participant:
            lines.append(f"    {s.participant}")
        if s.facilitator:
            note = readable(f"{s.facilitator.purpose} {s.facilitator.how}")
            lines.append(f"    facilitator: {note}")
        if s.slides:
            lines.append("    slides: " + ", ".join(s.slides))
        if s.materials:
            lines.append("    materials: " + ", ".join(s.materials))
    lines.append(f"\ntotal: {timed.total_minutes} minutes")
    lines.extend(f"timing problem: {p.message}" for p in problems)
    return lines


def _worksheet(sheet: Worksheet) -> list[str]:
    lines = []
    if sheet.minutes:
        lines.append(f"time: {sheet.minutes} minutes")
    if sheet.materials:
        lines.append("materials: " + ", ".join(sheet.materials))
    for block in sheet.blocks:
        who = " (facilitator)" if block.audience == "facilitator" else ""
        text = (
            getattr(block, "text", None)
            or getattr(block, "prompt", None)
            or getattr(block, "caption", None)
            or getattr(block, "heading", None)
            or ""
        )
        lines.append(f"- [{block.kind}]{who} {text}".rstrip())
    return lines


def _handout(handout: Handout) -> list[str]:
    lines = []
    if handout.organisation:
        lines.append(f"organisation: {handout.organisation}")
    lines.extend(f"* {f.value}: {f.caption}" for f in handout.figures)
    for section in handout.sections:
        lines += ["", section.heading, "-" * len(section.heading)]
        lines.extend(section.paragraphs)
        lines.extend(f"- {b}" for b in section.bullets)
    return lines
