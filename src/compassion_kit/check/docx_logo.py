"""NHS identity in Word documents: brand colours (KIT017) and the header logo (KIT018).

Owns finding the logo in the body, headers and footers and judging it per section; what
counts as the logo and the shared judgements are `identity`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.check import identity
from compassion_kit.check.docx_model import place_of, run_text, runs, value
from compassion_kit.check.ooxml import El, attr, first, local, q, whole, xpath

if TYPE_CHECKING:
    from compassion_kit.check.docx_rules import DocContext

Part = tuple[str, str, El]  # name for messages, part name, root element


def check_colours(doc: DocContext, parts: list[Part]) -> None:
    """KIT017 for text colours, shading and drawing colours in every part, styles and theme."""
    xp = ".//w:color/@w:val|.//w:shd/@w:fill|.//a:srgbClr/@val"
    sources = [(name, [str(v) for v in xpath(root, xp)]) for name, _, root in parts]
    # Only the styles in use: Word's templates carry dozens of unused styles in other colours.
    used = {doc.styles.defaults.get(k) for k in ("paragraph", "character", "table")}
    for _, _, root in parts:
        used |= {
            str(v)
            for v in xpath(root, ".//w:pStyle/@w:val|.//w:rStyle/@w:val|.//w:tblStyle/@w:val")
        }
    in_use = [s for style_id in used for s in doc.styles.chain(style_id)]
    holders = [doc.styles.doc_rpr, *in_use]
    style_colours = [str(v) for h in holders if h is not None for v in xpath(h, xp)]
    sources.append(("styles", style_colours))
    for name in doc.pkg.names():
        if name.startswith("word/theme/") and name.endswith(".xml"):
            sources.append(("theme", identity.theme_slots(doc.pkg.xml(name))))
    identity.check_colours(doc.found, doc.identity, sources)


def check_logos(doc: DocContext, parts: list[Part], sections: list[El]) -> None:
    """KIT018: each page shows the logo once (header or body), top right, unstretched, named,
    with nothing else on its line."""
    finder = identity.LogoFinder(doc.pkg, doc.identity)
    by_part: dict[str, list[El]] = {}
    for name, part, root in parts:
        for drawing in root.iter(q("wp:inline"), q("wp:anchor")):
            descr = attr(first(drawing, "wp:docPr"), "descr") or ""
            media = doc.pkg.target(part, attr(first(drawing, ".//a:blip"), "r:embed"))
            if finder.is_logo(media, descr):
                by_part.setdefault(part, []).append(drawing)
                _judge(doc, name, drawing, finder.size(media) if media else None)
    body_part = parts[0][1]
    body_logos = len(by_part.get(body_part, []))
    header: str | None = None
    for number, section in enumerate(sections, 1):
        ref = first(section, "w:headerReference[@w:type='default']")
        if ref is not None:
            header = doc.pkg.target(body_part, attr(ref, "r:id"))
        in_header = len(by_part.get(header or "", []))
        where = f"section {number}"
        if in_header > 1:
            doc.found.add(
                where,
                "KIT018",
                "E",
                f"the header shows the logo {in_header} times",
                "use the logo once per page",
            )
        elif in_header and body_logos:
            doc.found.add(
                where,
                "KIT018",
                "E",
                "the logo is in the body as well as the header, so a page shows it twice",
                "keep the logo in the header only",
            )
        elif not in_header and not body_logos:
            doc.found.add(
                where,
                "KIT018",
                "E",
                "the pages of this section have no logo",
                "put the organisation's logo top right in the header",
            )


def _judge(doc: DocContext, name: str, drawing: El, size: tuple[int, int] | None) -> None:
    extent = first(drawing, "wp:extent")
    placed = (whole(extent, "cx"), whole(extent, "cy"))
    artwork = (
        identity.visible_ratio(size, first(drawing, ".//pic:blipFill/a:srcRect")) if size else None
    )
    para = next(drawing.iterancestors(q("w:p")), None)
    where = f"{name} logo"
    descr = attr(first(drawing, "wp:docPr"), "descr") or ""
    identity.judge_logo(doc.found, where, doc.identity, descr, placed, artwork)
    if local(drawing) == "anchor":
        align = first(drawing, "wp:positionH/wp:align")
        if align is None or (align.text or "").strip() not in ("right", "outside"):
            doc.found.add(
                where,
                "KIT018",
                "E",
                "the logo is not aligned top right",
                "align it to the right margin in the header",
            )
        return
    if para is None:
        return
    chain = doc.styles.para_chain(para, place_of(para))
    if (value(chain, "w:jc") or "left") not in ("right", "end"):
        doc.found.add(
            where,
            "KIT018",
            "E",
            "the logo is not aligned top right",
            "right-align the paragraph that holds the logo in the header",
        )
    others = "".join(run_text(r) for r in runs(para) if r.find(f".//{q('w:drawing')}") is None)
    if others.strip():
        doc.found.add(
            where,
            "KIT018",
            "E",
            f"text ('{others.strip()[:40]}') shares the logo's line, inside its clear space",
            "give the logo a paragraph (or header cell) of its own",
        )
