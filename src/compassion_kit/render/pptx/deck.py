"""Write a planned deck with python-pptx: the template's layouts, placeholders, pictures,
charts, notes, theme and document properties.

Owns turning a `DeckPlan` into .pptx bytes; what each slide says is the plan's, text and
pictures are `text.py`'s, charts `chart.py`'s, and the saved bytes are finished (dates, zip
order, notes master list) by `render/finish.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.util import Emu

from compassion_kit.branding import substitute, tokens_in
from compassion_kit.output import build_time
from compassion_kit.qr import qr_png
from compassion_kit.render.finish import save_finished
from compassion_kit.render.plan.deck_spec import LOGO, TITLE
from compassion_kit.render.plan.words import short_title
from compassion_kit.render.pptx import diagram, oxml, oxml_layouts, package, speed, text
from compassion_kit.render.pptx.template import layout_keys, open_template, read_template

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

    from compassion_kit.logo import Logo
    from compassion_kit.render.plan.deck_spec import DeckPlan, Layout, SlideSpec

TOOL = "compassion-kit"


def write(plan: DeckPlan, logo: Logo | None) -> bytes:
    """The planned deck as finished .pptx bytes (same plan, same bytes).

    Raises:
        ContentError: the template cannot be read.
    """
    path = Path(plan.template)
    read_template(path)
    prs = open_template(path)
    package.clean(prs)
    _substitute_tokens(prs, plan.tokens)
    layouts: dict[str, SlideLayout] = {key: layout for key, _, _, layout in layout_keys(prs)}
    for spec in plan.slides:
        slide = speed.add_slide(prs.slides, layouts[spec.layout])
        _write_slide(slide, spec, plan.layouts[spec.kind], plan, logo)
        if not plan.brand_theme:  # an organisation's template: its footer and slide number too
            oxml_layouts.copy_footers(slide, layouts[spec.layout])
            oxml.renumber_shapes(slide)
        oxml.name_slide(slide, spec.id, hidden=spec.hidden)  # read back by `kit agenda --deck`
    for part in prs.part.package.iter_parts():
        if part.content_type == CT.OFC_THEME and plan.brand_theme:
            oxml.brand_theme(part, plan.colours, plan.font)
    _core_properties(prs, plan.title, plan.author)
    if not plan.brand_theme:  # built on an organisation's template: say which, for kit check
        package.mark_template(prs, path.name)
    oxml.default_language(prs)
    return save_finished(prs)


def _write_slide(
    slide: Slide, spec: SlideSpec, layout: Layout, plan: DeckPlan, logo: Logo | None
) -> None:
    """Fill a new slide: `layout` has the slide's parts keyed by role, each either one of the
    placeholders the slide got from its layout (by `ordinal`) or an area drawn here."""
    cloned: list[Any] = [shape for shape in slide.shapes if shape.is_placeholder]
    if layout.placeholders[TITLE].ordinal < 0:  # a layout without a title: every slide has one
        oxml.add_title(slide)
    title = slide.shapes.title
    assert title is not None, f"layout '{spec.layout}' has no title placeholder"
    if spec.title_box is not None:
        _move(title, spec.title_box)
    text.write_title(
        title, spec.title, spec.title_size, spec.title_colour, plan.font, plan.brand_theme
    )
    title.name = TITLE
    used: set[int] = {title.shape_id}
    logo_shape: Any = None
    bullets = plan.colours["primary"] if plan.brand_theme else ""
    for item in spec.texts:
        holder = layout.placeholders.get(item.role) if item.role else None
        if holder is not None and holder.ordinal >= 0:
            shape = cloned[holder.ordinal]
            if holder.moved:
                _move(shape, holder.box)
            shape.name = item.role
            used.add(shape.shape_id)
            text.write_text(shape.text_frame, item, plan.font, bullets)
        else:
            if holder is not None:
                item = replace(item, role="", box=holder.box, name=item.role)
            box = text.add_text_box(slide, item, plan.font, bullets)
            logo_shape = box if item.name == "Organisation name" else logo_shape
    for shape in cloned:  # the layout's empty ones would show prompt text
        if shape.shape_id not in used:
            oxml.remove_shape(shape)
    placed = _pictures(slide, spec, logo)
    logo_shape = logo_shape if placed is None else placed
    if spec.chart is not None:
        from compassion_kit.render.pptx.chart import add_chart  # XlsxWriter: only with charts

        add_chart(slide, spec.chart, plan.font)
    _diagram(slide, spec, plan)
    # Reading order: the title first, then the logo (both at the top), then the rest; the
    # shape tree's own two property elements come before any shape.
    oxml.move_shape(title, 2)
    if logo_shape is not None:
        oxml.move_shape(logo_shape, 3)
    oxml.renumber_shapes(slide)
    text.write_notes(slide, spec.notes)


def _diagram(slide: Slide, spec: SlideSpec, plan: DeckPlan) -> None:
    """A diagram slide's autoshapes, after the slide's text (read after the title)."""
    if spec.shapes:
        diagram.add_shapes(slide, spec.shapes, plan.font)


def _move(shape: Any, box: tuple[int, int, int, int]) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)


def _pictures(slide: Slide, spec: SlideSpec, logo: Logo | None) -> Any:
    """The slide's logo and QR codes; returns the logo's shape (None without a logo)."""
    placed: Any = None
    for picture in spec.pictures:
        if picture.kind == "logo":
            assert logo is not None, "the plan places a logo but the request has none"
            placed = text.add_picture(slide, picture, logo.png, LOGO)
        else:
            assert picture.url is not None
            text.add_picture(slide, picture, qr_png(picture.url), "QR code")
    return placed


def _substitute_tokens(prs: Presentation, tokens: Mapping[str, str]) -> None:
    """Replace {{tokens}} in master and layout text (in groups too), even when PowerPoint split
    the token across several runs of a paragraph."""
    for master in prs.slide_masters:
        for part in (master, *master.slide_layouts):
            for shape in _text_shapes(part.shapes):
                for paragraph in shape.text_frame.paragraphs:
                    runs = paragraph.runs
                    joined = "".join(run.text for run in runs)
                    if runs and tokens_in(joined):
                        runs[0].text = substitute(joined, tokens)
                        for extra in runs[1:]:
                            extra.text = ""


def _text_shapes(shapes: Any) -> Iterator[Any]:
    """The shapes with text among `shapes`, looking inside groups."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _text_shapes(shape.shapes)
        elif shape.has_text_frame:
            yield shape


def _core_properties(prs: Presentation, title: str, author: str) -> None:
    core = prs.core_properties
    stamp = build_time()
    core.title = short_title(title)
    core.author = author
    core.last_modified_by = TOOL
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    core.language = "en-GB"
    core.subject = core.subject or ""
