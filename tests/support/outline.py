"""A readable, deterministic text outline of a generated file, for the golden tests.

Run `python tests/support/outline.py FILE...` to print the outline of any built file.

Decks and Word files are read only through python-pptx and python-docx (their element objects
where the public API has no call), so the outline describes what a reader of the file meets,
whichever code wrote it. Byte counts, hashes of whole files, file dates and ids are left out; what
a user sees (layouts, positions, text, formatting set on runs, pictures, charts, notes, styles,
tables, content controls, page set-up) is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn as wqn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn as pqn
from pptx.util import Emu

OUTLINED = (".pptx", ".docx", ".json", ".md")


def outline(path: Path, replace: dict[str, str] | None = None) -> str:
    """The outline of one output file (.pptx, .docx, manifest .json or checklist .md).

    `replace` maps machine-specific strings (the output folder, the repository root) to stable
    placeholders; it is applied to the finished text.
    """
    suffix = path.suffix.lower()
    if suffix == ".pptx":
        lines = deck_outline(path)
    elif suffix == ".docx":
        lines = document_outline(path)
    elif suffix == ".json":
        lines = manifest_outline(path)
    elif suffix == ".md":
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        raise ValueError(f"no outline for {path.name}: expected one of {', '.join(OUTLINED)}")
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    return text


def short_hash(blob: bytes) -> str:
    return hashlib.sha1(blob).hexdigest()[:12]


def quoted(text: str) -> str:
    """Text in double quotes with tabs, line breaks and vertical tabs made visible."""
    return json.dumps(text, ensure_ascii=False)


# --- manifest ----------------------------------------------------------------------------


def manifest_outline(path: Path) -> list[str]:
    """manifest.json with sizes, file hashes and the kit version replaced by placeholders."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def scrub(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: (f"<{k}>" if k in ("bytes", "sha256", "version") else scrub(v))
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    return json.dumps(scrub(data), indent=2, ensure_ascii=False, sort_keys=False).splitlines()


# --- decks -------------------------------------------------------------------------------


def deck_outline(path: Path) -> list[str]:
    """Slide size, theme colours, layouts, then every slide: shapes, text, pictures, notes."""
    prs = Presentation(str(path))
    props = prs.core_properties
    lines = [
        f"deck {path.name}",
        f"size {prs.slide_width} x {prs.slide_height} EMU",
        f"properties title={quoted(props.title or '')} subject={quoted(props.subject or '')} "
        f"author={quoted(props.author or '')} language={quoted(props.language or '')}",
        f"theme colours {theme_colours(prs)}",
        "layouts " + " | ".join(layout.name for layout in prs.slide_layouts),
        f"notes master {'yes' if _has_notes_master(prs) else 'no'}",
        f"slides {len(prs.slides)}",
    ]
    for number, slide in enumerate(prs.slides, start=1):
        lines.append("")
        lines.append(f"slide {number} layout={quoted(slide.slide_layout.name)}")
        for shape in slide.shapes:
            lines.extend(shape_outline(shape, "  "))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            lines.append("  notes:")
            if notes is not None:
                lines.extend(f"    {quoted(p.text)}" for p in notes.paragraphs)
    return lines


def _has_notes_master(prs: Any) -> bool:
    # python-pptx creates a notes master on demand when asked for one; read the list instead.
    lst = prs.part._element.find(pqn("p:notesMasterIdLst"))
    return lst is not None and len(lst) > 0


def theme_colours(prs: Any) -> str:
    """The slide master's theme colour scheme, as name=RRGGBB pairs (python-pptx has no API)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml import parse_xml

    theme = parse_xml(prs.slide_master.part.part_related_by(RT.THEME).blob)
    scheme = theme.find(f"{pqn('a:themeElements')}/{pqn('a:clrScheme')}")
    if scheme is None:
        return "none"
    pairs = []
    for slot in scheme:
        colour = slot[0]
        value = colour.get("val") or colour.get("lastClr") or "?"
        pairs.append(f"{slot.tag.split('}')[1]}={value}")
    return " ".join(pairs)


def _kind(shape: Any) -> str:
    if shape.is_placeholder:
        fmt = shape.placeholder_format
        kind = f"placeholder idx={fmt.idx} type={fmt.type.name if fmt.type else '?'}"
        if getattr(shape, "has_chart", False) and shape.has_chart:
            kind += " chart"
        if shape.shape_type == MSO_SHAPE_TYPE.PLACEHOLDER and _is_picture_element(shape):
            kind += " picture"
        return kind
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return "chart"
    if getattr(shape, "has_table", False) and shape.has_table:
        return "table"
    kind_type = shape.shape_type
    if kind_type == MSO_SHAPE_TYPE.PICTURE:
        return "picture"
    if kind_type == MSO_SHAPE_TYPE.TEXT_BOX:
        return "textbox"
    if kind_type == MSO_SHAPE_TYPE.AUTO_SHAPE:
        return f"autoshape {shape.auto_shape_type.name if shape.auto_shape_type else '?'}"
    if kind_type == MSO_SHAPE_TYPE.GROUP:
        return "group"
    return kind_type.name if kind_type is not None else type(shape).__name__


def _is_picture_element(shape: Any) -> bool:
    return shape._element.tag == pqn("p:pic")


def shape_outline(shape: Any, indent: str) -> list[str]:
    """One shape: name, kind, position and size, then its text, picture, chart or table."""
    box = f"at ({shape.left}, {shape.top}) size ({shape.width}, {shape.height})"
    lines = [f"{indent}shape {quoted(shape.name)} {_kind(shape)} {box}"]
    inner = indent + "  "
    descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
    if descr:
        lines.append(f"{inner}alt text {quoted(descr[0])}")
    click = _click_address(shape)
    if click:
        lines.append(f"{inner}click {quoted(click)}")
    fill = _fill(shape)
    if fill:
        lines.append(f"{inner}fill {fill}")
    if _is_picture_element(shape):
        lines.extend(_picture_lines(shape, inner))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        lines.extend(chart_outline(shape.chart, inner))
    if getattr(shape, "has_table", False) and shape.has_table:
        for r, row in enumerate(shape.table.rows, start=1):
            cells = " | ".join(cell.text for cell in row.cells)
            lines.append(f"{inner}row {r}: {quoted(cells)}")
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            lines.extend(shape_outline(child, inner))
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        lines.extend(text_frame_outline(shape.text_frame, inner))
    return lines


def _click_address(shape: Any) -> str | None:
    try:
        return shape.click_action.hyperlink.address  # type: ignore[no-any-return]
    except (AttributeError, TypeError):
        return None


def _fill(shape: Any) -> str | None:
    """The fill of a shape or chart series when it is set on the element itself."""
    try:
        fill = shape.fill
        if fill.type is None:
            return None
        if fill.type == 1:  # MSO_FILL.SOLID
            return f"solid {colour_text(fill.fore_color)}"
        return str(fill.type)
    except (AttributeError, TypeError, NotImplementedError):
        return None


def _picture_lines(shape: Any, indent: str) -> list[str]:
    lines = []
    try:
        image = shape.image
        lines.append(f"{indent}image {image.content_type} sha1={image.sha1[:12]} {image.size}")
    except (AttributeError, ValueError, KeyError):
        lines.append(f"{indent}image none")
    # An SVG logo sits in an a:extLst beside its PNG fallback (python-pptx has no API for it).
    for rid in shape._element.xpath(".//*[local-name()='svgBlip']/@r:embed"):
        part = shape.part.related_part(rid)
        lines.append(f"{indent}svg {part.content_type} sha1={short_hash(part.blob)}")
    crop = [shape.crop_left, shape.crop_top, shape.crop_right, shape.crop_bottom]
    if any(crop):
        lines.append(f"{indent}crop {' '.join(f'{c:.4f}' for c in crop)}")
    return lines


def chart_outline(chart: Any, indent: str) -> list[str]:
    """Chart type, title, legend, and each plot's categories and series values."""
    title = chart.chart_title.text_frame.text if chart.has_title else ""
    lines = [
        f"{indent}chart {chart.chart_type.name if chart.chart_type else '?'} "
        f"title={quoted(title)} legend={'yes' if chart.has_legend else 'no'}"
    ]
    for plot in chart.plots:
        labels = "yes" if plot.has_data_labels else "no"
        lines.append(f"{indent}  plot categories={quoted(' | '.join(map(str, plot.categories)))}")
        lines.append(f"{indent}  plot data labels={labels}")
        for series in plot.series:
            values = ", ".join(_number(v) for v in series.values)
            lines.append(f"{indent}  series {quoted(series.name)}: {values}")
            fill = _fill(series.format)
            if fill:
                lines.append(f"{indent}    fill {fill}")
    try:
        workbook = chart.part.chart_workbook.xlsx_part
        lines.append(f"{indent}  workbook {'embedded' if workbook is not None else 'missing'}")
    except AttributeError:
        lines.append(f"{indent}  workbook missing")
    return lines


def _number(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:g}" if isinstance(value, float) else str(value)


def colour_text(colour: Any) -> str:
    """RRGGBB, a theme colour name, or '?' for a colour python-pptx/python-docx cannot read."""
    try:
        kind = colour.type
    except AttributeError:
        return "?"
    if kind is None:
        return "none"
    name = getattr(kind, "name", str(kind))
    if name == "RGB":
        return str(colour.rgb)
    if name in ("SCHEME", "THEME"):
        return f"theme:{colour.theme_color.name}"
    return name.lower()


def text_frame_outline(frame: Any, indent: str) -> list[str]:
    """Every paragraph with its level and set paragraph properties, then its formatted runs."""
    lines = []
    for paragraph in frame.paragraphs:
        facts = [f"lvl={paragraph.level}"]
        if paragraph.alignment is not None:
            facts.append(f"align={paragraph.alignment.name}")
        bullet = _bullet(paragraph)
        if bullet:
            facts.append(f"bullet={bullet}")
        runs = _run_lines(paragraph)
        line = f"{indent}p {' '.join(facts)} {quoted(paragraph.text)}"
        lines.extend(_with_runs(line, runs, paragraph.text, indent + "  "))
    return lines


def _with_runs(line: str, runs: list[tuple[str, str]], text: str, indent: str) -> list[str]:
    """A paragraph line, with the facts of a lone run whose text is the whole paragraph on it."""
    if len(runs) == 1 and runs[0][0] == text:
        return [f"{line} {{{runs[0][1]}}}"]
    return [line] + [f"{indent}run {quoted(run)} {facts}" for run, facts in runs]


def _bullet(paragraph: Any) -> str | None:
    # python-pptx has no bullet API: read a:pPr's bullet choice.
    ppr = paragraph._p.pPr
    if ppr is None:
        return None
    for child in ppr:
        tag = child.tag.split("}")[1]
        if tag == "buNone":
            return "none"
        if tag == "buAutoNum":
            return f"number:{child.get('type')}"
        if tag == "buChar":
            return f"char:{child.get('char')}"
    return None


def _run_lines(paragraph: Any) -> list[tuple[str, str]]:
    """(text, facts) of every run that sets a size, weight, font, colour or link itself."""
    lines = []
    for run in paragraph.runs:
        font = run.font
        facts = []
        if font.size is not None:
            facts.append(f"size={Emu(font.size).pt:g}")
        if font.bold is not None:
            facts.append(f"bold={'yes' if font.bold else 'no'}")
        if font.italic is not None:
            facts.append(f"italic={'yes' if font.italic else 'no'}")
        if font.name is not None:
            facts.append(f"font={font.name}")
        colour = colour_text(font.color)
        if colour != "none":
            facts.append(f"colour={colour}")
        address = run.hyperlink.address
        if address:
            facts.append(f"link={quoted(address)}")
        if facts:
            lines.append((run.text, " ".join(facts)))
    return lines


# --- Word documents ----------------------------------------------------------------------


def document_outline(path: Path) -> list[str]:
    """Properties, sections with headers and footers, then the body in document order."""
    document = Document(str(path))
    props = document.core_properties
    lines = [
        f"document {path.name}",
        f"properties title={quoted(props.title or '')} subject={quoted(props.subject or '')} "
        f"author={quoted(props.author or '')} language={quoted(props.language or '')}",
    ]
    for number, section in enumerate(document.sections, start=1):
        lines.extend(_section_lines(number, section))
    lines.append("")
    lines.append("body:")
    lines.extend(_blocks(document, document.element.body, "  "))
    return lines


def _length(value: Any) -> str:
    return "-" if value is None else str(int(value))


def _section_lines(number: int, section: Any) -> list[str]:
    orientation = section.orientation.name if section.orientation is not None else "?"
    margins = " ".join(
        f"{side}={_length(getattr(section, side + '_margin'))}"
        for side in ("top", "right", "bottom", "left")
    )
    lines = [
        "",
        f"section {number} start={section.start_type.name} page {_length(section.page_width)} x "
        f"{_length(section.page_height)} {orientation}",
        f"  margins {margins} header={_length(section.header_distance)} "
        f"footer={_length(section.footer_distance)}",
        f"  different first page={'yes' if section.different_first_page_header_footer else 'no'}",
    ]
    parts = [("header", section.header), ("footer", section.footer)]
    if section.different_first_page_header_footer:
        parts += [("first header", section.first_page_header)]
        parts += [("first footer", section.first_page_footer)]
    for label, part in parts:
        if part.is_linked_to_previous:
            lines.append(f"  {label}: linked to previous")
            continue
        lines.append(f"  {label}:")
        lines.extend(_blocks(part, part._element, "    "))
    return lines


_BLOCK_PROPERTIES = {wqn("w:sectPr"), wqn("w:tcPr"), wqn("w:bookmarkStart"), wqn("w:bookmarkEnd")}


def _blocks(parent: Any, element: Any, indent: str) -> Iterator[str]:
    """Paragraphs, tables and block content controls under `element`, in order."""
    for child in element:
        if child.tag == wqn("w:p"):
            yield from _paragraph_lines(Paragraph(child, parent), indent)
        elif child.tag == wqn("w:tbl"):
            yield from _table_lines(Table(child, parent), indent)
        elif child.tag == wqn("w:sdt"):
            yield f"{indent}content control {_sdt_facts(child)}"
            content = child.find(wqn("w:sdtContent"))
            if content is not None:
                yield from _blocks(parent, content, indent + "  ")
        elif child.tag in _BLOCK_PROPERTIES:
            continue
        else:
            yield f"{indent}{child.tag.split('}')[1]} (not outlined)"


def _paragraph_lines(paragraph: Paragraph, indent: str) -> Iterator[str]:
    style = paragraph.style.name if paragraph.style is not None else "?"
    facts = [f"[{style}]"]
    if paragraph.alignment is not None:
        facts.append(f"align={paragraph.alignment.name}")
    numbering = _numbering(paragraph)
    if numbering:
        facts.append(numbering)
    pieces, details = _inline(paragraph, paragraph._p)
    text = quoted("".join(pieces))
    line = f"{indent}p {' '.join(facts)} {text}"
    lone_run = f"run {text} "
    if len(details) == 1 and details[0].startswith(lone_run):
        yield f"{line} {{{details[0][len(lone_run) :]}}}"
    else:
        yield line
        yield from (f"{indent}  {detail}" for detail in details)
    if paragraph._p.pPr is not None and paragraph._p.pPr.sectPr is not None:
        yield f"{indent}--- section break ---"


def _numbering(paragraph: Paragraph) -> str | None:
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None:
        return None
    ilvl = ppr.numPr.ilvl
    level = ilvl.val if ilvl is not None else 0
    num_id = ppr.numPr.numId.val if ppr.numPr.numId is not None else None
    return f"list lvl={level} format={_number_format(paragraph, num_id, level)}"


def _number_format(paragraph: Paragraph, num_id: int | None, level: int) -> str:
    # python-docx has no numbering API: follow w:num -> w:abstractNum -> w:lvl/w:numFmt.
    if num_id is None or num_id == 0:
        return "none"
    numbering = paragraph.part.numbering_part.element
    num = numbering.xpath(f"./w:num[@w:numId='{num_id}']")
    if not num:
        return "?"
    abstract_id = num[0].xpath("./w:abstractNumId/@w:val")[0]
    fmt = numbering.xpath(
        f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val"
    )
    text = numbering.xpath(
        f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='{level}']/w:lvlText/@w:val"
    )
    return f"{fmt[0] if fmt else '?'}:{quoted(text[0]) if text else '?'}"


def _inline(paragraph: Paragraph, element: Any) -> tuple[list[str], list[str]]:
    """The visible text of a paragraph (fields as {PAGE}) and a line per notable inline item."""
    pieces: list[str] = []
    details: list[str] = []
    field: list[str] | None = None  # instruction text while inside a complex field
    for child in element:
        tag = child.tag
        if tag == wqn("w:r"):
            for fld in child.iter(wqn("w:fldChar")):
                kind = fld.get(wqn("w:fldCharType"))
                if kind == "begin":
                    field = []
                elif kind == "end" and field is not None:
                    pieces.append("{" + " ".join("".join(field).split()) + "}")
                    field = None
            if field is not None:
                # Inside a field: keep the instruction, drop the cached result (a page number).
                field.extend(t.text or "" for t in child.iter(wqn("w:instrText")))
                continue
            pieces.append(_run_text(child))
            details.extend(_run_details(paragraph, child))
        elif tag == wqn("w:hyperlink"):
            inner, inner_details = _inline(paragraph, child)
            rid = child.get(wqn("r:id"))
            target = (
                paragraph.part.rels[rid].target_ref
                if rid
                else "#" + (child.get(wqn("w:anchor")) or "")
            )
            pieces.extend(inner)
            details.append(f"link {quoted(''.join(inner))} -> {quoted(target)}")
            details.extend(inner_details)
        elif tag == wqn("w:fldSimple"):
            inner, inner_details = _inline(paragraph, child)
            pieces.append("{" + " ".join((child.get(wqn("w:instr")) or "").split()) + "}")
            details.extend(inner_details)
        elif tag == wqn("w:sdt"):
            content = child.find(wqn("w:sdtContent"))
            inner, inner_details = _inline(paragraph, content) if content is not None else ([], [])
            pieces.extend(inner)
            details.append(f"content control {_sdt_facts(child)} text={quoted(''.join(inner))}")
            details.extend(inner_details)
        elif tag in (wqn("w:ins"), wqn("w:smartTag")):
            inner, inner_details = _inline(paragraph, child)
            pieces.extend(inner)
            details.extend(inner_details)
    return pieces, details


def _run_text(run: Any) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == wqn("w:t"):
            out.append(child.text or "")
        elif tag == wqn("w:tab"):
            out.append("\t")
        elif tag == wqn("w:br"):
            kind = child.get(wqn("w:type"))
            out.append("\f" if kind == "page" else "\v" if kind == "column" else "\n")
        elif tag == wqn("w:cr"):
            out.append("\n")
        elif tag == wqn("w:sym"):
            out.append(f"<sym {child.get(wqn('w:char'))}>")
    return "".join(out)


def _run_details(paragraph: Paragraph, r: Any) -> list[str]:
    from docx.text.run import Run

    run = Run(r, paragraph)
    details = []
    font = run.font
    facts = []
    if font.bold is not None:
        facts.append(f"bold={'yes' if font.bold else 'no'}")
    if font.italic is not None:
        facts.append(f"italic={'yes' if font.italic else 'no'}")
    if font.size is not None:
        facts.append(f"size={font.size.pt:g}")
    if font.name is not None:
        facts.append(f"font={font.name}")
    if font.color is not None and font.color.type is not None:
        facts.append(f"colour={colour_text(font.color)}")
    if run.style is not None and run.style.name != "Default Paragraph Font":
        facts.append(f"style={quoted(run.style.name)}")
    text = _run_text(r)
    if facts:
        details.append(f"run {quoted(text)} {' '.join(facts)}")
    for drawing in r.iter(wqn("w:drawing")):
        details.append(_drawing_text(paragraph, drawing))
    return details


def _drawing_text(paragraph: Paragraph, drawing: Any) -> str:
    """A picture in a run: inline or floating, its size, alt text and image hash."""
    holder = drawing[0]
    placement = holder.tag.split("}")[1]
    extent = holder.find(wqn("wp:extent"))
    size = f"{extent.get('cx')} x {extent.get('cy')}" if extent is not None else "?"
    doc_pr = holder.find(wqn("wp:docPr"))
    descr = doc_pr.get("descr", "") if doc_pr is not None else ""
    name = doc_pr.get("name", "") if doc_pr is not None else ""
    hashes = []
    for blip in drawing.iter(wqn("a:blip")):
        rid = blip.get(wqn("r:embed"))
        if rid:
            part = paragraph.part.related_parts[rid]
            hashes.append(f"{part.content_type} sha1={short_hash(part.blob)}")
    for rid in drawing.xpath(".//*[local-name()='svgBlip']/@r:embed"):
        part = paragraph.part.related_parts[rid]
        hashes.append(f"svg {part.content_type} sha1={short_hash(part.blob)}")
    return f"picture {placement} {quoted(name)} size {size} alt text {quoted(descr)} " + " ".join(
        hashes
    )


def _sdt_facts(sdt: Any) -> str:
    """A content control's tag, title and kind (checkbox with its state, text, date, list)."""
    pr = sdt.find(wqn("w:sdtPr"))
    if pr is None:
        return "(no properties)"
    facts = []
    tag = pr.find(wqn("w:tag"))
    if tag is not None:
        facts.append(f"tag={quoted(tag.get(wqn('w:val')) or '')}")
    alias = pr.find(wqn("w:alias"))
    if alias is not None:
        facts.append(f"title={quoted(alias.get(wqn('w:val')) or '')}")
    kinds = {
        "checkbox": "checkbox",
        "text": "text",
        "date": "date",
        "dropDownList": "dropdown",
        "comboBox": "combo",
        "richText": "rich text",
        "picture": "picture",
    }
    for child in pr:
        local = child.tag.split("}")[1]
        if local in kinds:
            kind = kinds[local]
            if local == "checkbox":
                checked = child.xpath("./*[local-name()='checked']/@*[local-name()='val']")
                kind += f" checked={checked[0] if checked else '?'}"
            if local in ("dropDownList", "comboBox"):
                items = child.xpath("./w:listItem/@w:displayText")
                kind += f" items={quoted(' | '.join(items))}"
            facts.append(f"kind={kind}")
    if pr.find(wqn("w:showingPlcHdr")) is not None:
        facts.append("showing placeholder")
    lock = pr.find(wqn("w:lock"))
    if lock is not None:
        facts.append(f"lock={lock.get(wqn('w:val'))}")
    return " ".join(facts) or "(plain)"


def _table_lines(table: Table, indent: str) -> Iterator[str]:
    style = table.style.name if table.style is not None else "none"
    tbl = table._tbl
    widths = [str(int(col.w)) if col.w is not None else "?" for col in tbl.tblGrid.gridCol_lst]
    caption = tbl.xpath("./w:tblPr/w:tblCaption/@w:val")
    description = tbl.xpath("./w:tblPr/w:tblDescription/@w:val")
    yield (
        f"{indent}table [{style}] rows={len(tbl.tr_lst)} columns={len(widths)} "
        f"widths={','.join(widths)}"
    )
    if caption or description:
        yield f"{indent}  caption {quoted(caption[0] if caption else '')} " + (
            f"description {quoted(description[0] if description else '')}"
        )
    for r, tr in enumerate(tbl.tr_lst, start=1):
        header = tr.xpath("./w:trPr/w:tblHeader")
        repeat = (
            " header-repeat"
            if header and header[0].get(wqn("w:val")) not in ("0", "false", "off")
            else ""
        )
        cant_split = " cant-split" if tr.xpath("./w:trPr/w:cantSplit") else ""
        yield f"{indent}  row {r}{repeat}{cant_split}"
        for c, tc in enumerate(tr.tc_lst, start=1):
            facts = []
            if tc.grid_span > 1:
                facts.append(f"span={tc.grid_span}")
            if tc.vMerge is not None:
                facts.append(f"vmerge={tc.vMerge}")
            fill = tc.xpath("./w:tcPr/w:shd/@w:fill")
            if fill and fill[0] != "auto":
                facts.append(f"fill={fill[0]}")
            head = f"{indent}    cell {c}" + (f" {' '.join(facts)}" if facts else "")
            content = list(_blocks(_Cell(tc, table), tc, indent + "      "))
            if len(content) == 1:  # a lone paragraph shares the cell's line
                yield f"{head}: {content[0].strip()}"
            else:
                yield head
                yield from content


if __name__ == "__main__":
    # python tests/support/outline.py FILE...: print outlines, e.g. to compare two builds.
    import sys

    for name in sys.argv[1:]:
        sys.stdout.write(outline(Path(name)))
