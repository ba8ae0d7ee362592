"""The parts of each kind of slide and the names layouts go by: what `deck_layouts` matches
a template's layouts against.

Owns the tables only (placeholder types per part, layout names in several languages, layout
types); choosing and placing is `deck_layouts.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = ("body", "obj")  # placeholders the kit writes text into
CONTENT = ("obj", "body", "chart", "tbl", "pic", "dgm", "media", "clipArt")
NOT_CONTENT = ("title", "ctrTitle", "subTitle", "dt", "ftr", "sldNum", "hdr", "sldImg")


@dataclass(frozen=True)
class Role:
    """A part of a kind of slide: which placeholder types can hold it, and, when the layout
    has none left, which other part's area it takes a share of (to the right or below)."""

    name: str
    accepts: tuple[str, ...]
    host: str | None = None
    side: str = "below"  # or "right"
    share: float = 0.3


# The parts of each kind of slide, in the order they are matched to placeholders.
ROLES: dict[str, tuple[Role, ...]] = {
    "Kit Title": (
        Role("Subtitle", ("subTitle", *TEXT)),
        Role("Details", TEXT, host="Subtitle", share=0.55),
    ),
    "Kit Agenda": (Role("Body", TEXT),),
    "Kit Section": (Role("Body", (*TEXT, "subTitle")),),
    "Kit Bullets": (Role("Body", TEXT),),
    "Kit Quote": (Role("Quote", TEXT), Role("Attribution", TEXT, host="Quote", share=0.28)),
    "Kit Figures": (Role("Content", CONTENT),),
    "Kit Chart": (Role("Content", CONTENT),),
    "Kit Video": (Role("Body", TEXT), Role("QR", ("pic", *TEXT), "Body", "right", 0.32)),
    "Kit Exercise": (Role("Body", TEXT), Role("Panel", TEXT, "Body", "right", 0.38)),
    "Kit Closing": (Role("Body", TEXT), Role("QR", ("pic", *TEXT), "Body", "right", 0.32)),
}
# Layout names as PowerPoint (English, Welsh, French, German) and LibreOffice call them.
_TWO = ("two content", "2 content", "comparison", "dau gynnwys", "deux contenus", "zwei inhalte")
_ONE = (
    "title and content",
    "title, content",
    "teitl a chynnwys",
    "titre et contenu",
    "titel und inhalt",
    "titel und objekt",
)
NAME_HINTS: dict[str, tuple[str, ...]] = {
    "Kit Title": ("title slide", "sleid teitl", "diapositive de titre", "titelfolie"),
    "Kit Section": (
        "section header",
        "section",
        "pennawd adran",
        "en-tête de section",
        "abschnitts",
    ),
    "Kit Agenda": _ONE,
    "Kit Bullets": _ONE,
    "Kit Quote": ("quote", "dyfyniad", "citation", "zitat", *_ONE),
    "Kit Figures": _ONE,
    "Kit Chart": _ONE,
    "Kit Video": _TWO,
    "Kit Exercise": _TWO,
    "Kit Closing": _TWO,
}
TYPE_HINTS: dict[str, tuple[str, ...]] = {
    "Kit Title": ("title",),
    "Kit Section": ("secHead",),
    "Kit Agenda": ("obj", "tx"),
    "Kit Bullets": ("obj", "tx"),
    "Kit Quote": ("obj", "tx"),
    "Kit Figures": ("obj", "chart"),
    "Kit Chart": ("chart", "obj"),
    "Kit Video": ("twoObj", "objTx", "picTx"),
    "Kit Exercise": ("twoObj", "twoTxTwoObj"),
    "Kit Closing": ("twoObj", "objTx", "picTx"),
}
TITLE_ONLY = ("title only", "teitl yn unig", "titre seul", "nur titel")
