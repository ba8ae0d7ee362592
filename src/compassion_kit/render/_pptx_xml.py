"""Package-wide edits of a deck: brand theme, template tokens, notes master list, language,
document properties and unique shape ids.

Owns XML edits that are not about one slide's content (that is `_pptx_shapes.py`'s) nor about
adding parts (`_pptx_parts.py`'s).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from compassion_kit.branding import substitute, tokens_in
from compassion_kit.render._core import LANG, core_part, set_core_properties
from compassion_kit.render._ns import qn
from compassion_kit.render._opc import RT
from compassion_kit.render._pptx_ns import R_ID, child

if TYPE_CHECKING:
    from compassion_kit.render._pptx_parts import DeckParts

PML = "application/vnd.openxmlformats-officedocument.presentationml."
THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml"
TEXT_PARTS = (PML + "slideMaster+xml", PML + "slideLayout+xml")  # where {{tokens}} may be
# Theme slots that follow the organisation's colours (the bundled template uses them for
# titles, rules, bands and bullets).
THEME_SLOTS = {
    "accent1": "primary",
    "accent2": "secondary",
    "accent3": "accent",
    "hlink": "primary",
}
# Schema order of p:presentation after p:sldSz, last first: p:defaultTextStyle goes after
# whichever of these the presentation has.
_BEFORE_TEXT_STYLE = (
    "p:kinsoku",
    "p:custDataLst",
    "p:photoAlbum",
    "p:custShowLst",
    "p:embeddedFontLst",
    "p:smartTags",
    "p:notesSz",
)


def substitute_tokens(deck: DeckParts, tokens: Mapping[str, str]) -> None:
    """Replace {{tokens}} in master and layout text, even when PowerPoint split the token
    across several runs of a paragraph."""
    for kind in TEXT_PARTS:
        for name in deck.package.named(kind):
            for paragraph in deck.package.xml(name).iter(qn("a:p")):
                texts = paragraph.findall(f"{qn('a:r')}/{qn('a:t')}")
                joined = "".join(t.text or "" for t in texts)
                if texts and tokens_in(joined):
                    texts[0].text = substitute(joined, tokens)
                    for extra in texts[1:]:
                        extra.text = ""


def brand_themes(deck: DeckParts, colours: Mapping[str, str], font: str) -> None:
    """Set the organisation's colours and font in every theme (slides and notes)."""
    for name in deck.package.named(THEME_TYPE):
        root = deck.package.xml(name)
        elements = f"{qn('a:themeElements')}/"
        scheme = root.find(elements + qn("a:clrScheme"))
        for slot, colour in THEME_SLOTS.items():
            element = scheme.find(qn(f"a:{slot}")) if scheme is not None else None
            if element is not None:
                for old in list(element):
                    element.remove(old)
                child(element, "a:srgbClr", val=colours[colour].lstrip("#").upper())
        fonts = root.find(elements + qn("a:fontScheme"))
        if fonts is not None:
            for latin in fonts.iter(qn("a:latin")):
                latin.set("typeface", font)


def finish(deck: DeckParts, title: str, author: str) -> None:
    """Document properties, the notes master list and the default language."""
    _core_properties(deck, title, author)
    _notes_master_list(deck)
    _default_language(deck.presentation)


def unique_ids(tree: Any) -> None:
    """Renumber a slide's shapes 2, 3, ... in document order (the group itself is 1)."""
    for number, c_nv_pr in enumerate(tree.iter(qn("p:cNvPr")), start=1):
        c_nv_pr.set("id", str(number))


def _core_properties(deck: DeckParts, title: str, author: str) -> None:
    core = deck.package.xml(core_part(deck.package))
    set_core_properties(core, title, author)
    # python-pptx always wrote a dc:subject, empty unless the template had one: kept so that
    # decks compare part by part with those written before.
    if core.find(qn("dc:subject")) is None:
        child(core, "dc:subject").text = ""


def _notes_master_list(deck: DeckParts) -> None:
    # PowerPoint repairs a file whose notes master is not listed in presentation.xml (a
    # template without one gets ours): list it.
    presentation = deck.presentation
    if presentation.find(qn("p:notesMasterIdLst")) is not None:
        return
    rel_id = next((i for i, kind, _t, _e in deck.rels if kind == RT + "notesMaster"), None)
    if rel_id is None:
        return
    id_list = presentation.makeelement(qn("p:notesMasterIdLst"), {})
    child(id_list, "p:notesMasterId").set(R_ID, rel_id)
    presentation.find(qn("p:sldMasterIdLst")).addnext(id_list)


def _default_language(presentation: Any) -> None:
    style = presentation.find(qn("p:defaultTextStyle"))
    if style is None:
        style = child(presentation, "p:defaultTextStyle")
        anchor = next(
            (e for e in (presentation.find(qn(t)) for t in _BEFORE_TEXT_STYLE) if e is not None),
            None,
        )
        if anchor is not None:
            anchor.addnext(style)
    default = style.find(qn("a:defPPr"))
    if default is None:
        default = style.makeelement(qn("a:defPPr"), {})
        style.insert(0, default)
    if default.find(qn("a:defRPr")) is None:
        child(default, "a:defRPr")
    for run_props in style.iter(qn("a:defRPr")):
        run_props.set("lang", LANG)
