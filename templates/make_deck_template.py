"""Build templates/deck.pptx, the default 16:9 deck template, byte for byte reproducibly.

Run: python templates/make_deck_template.py. The package is written part by part (no
python-pptx default template, thumbnail or printer settings), so every byte comes from this
file plus the theme format scheme and notes master shipped with python-pptx 1.0.2.

The template holds the look only: NHS Blue accents, Arial, en-GB, readable sizes and the named
layouts and placeholders the deck renderer asks for (see LAYOUTS in render/plan/deck_spec.py).
Brand colours and fonts from an organisation profile are applied to the theme at build time.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pptx
from lxml import etree

OUT = Path(__file__).resolve().parent / "deck.pptx"
EMU_PER_INCH = 914400
SLIDE_W, SLIDE_H = 12192000, 6858000  # 16:9 widescreen, 13.33 x 7.5 in
STAMP = (2020, 1, 1, 0, 0, 0)
STAMP_ISO = "2020-01-01T00:00:00Z"

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XMLNS = f'xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

# NHS identity colours (from the NHS identity guidelines); accent1-3 are replaced at build
# time by the organisation's primary, secondary and accent colours.
THEME_COLOURS = {
    "dk1": "231F20",  # NHS Black: body text, 16.3:1 on white
    "lt1": "FFFFFF",
    "dk2": "003087",  # NHS Dark Blue
    "lt2": "E8EDEE",  # NHS Pale Grey: panel fills behind black text
    "accent1": "005EB8",  # NHS Blue: titles, title bars, rules
    "accent2": "003087",  # NHS Dark Blue: sub-headings
    "accent3": "FFB81C",  # NHS Warm Yellow: fills only
    "accent4": "006747",  # NHS Dark Green
    "accent5": "330072",  # NHS Purple
    "accent6": "425563",  # NHS Dark Grey
    "hlink": "005EB8",
    "folHlink": "330072",
}
FONT = "Arial"
LANG = "en-GB"
# Sizes in hundredths of a point: body 28 (>= 24 target), titles 36 (>= 32 target).
TITLE_SZ, BODY_SZ, SUB_SZ = 3600, 2800, 2400


def inch(value: float) -> int:
    """EMU for a length in inches, rounded to a whole EMU."""
    return round(value * EMU_PER_INCH)


MARGIN = inch(0.6)
FULL_W = SLIDE_W - 2 * MARGIN
BODY_Y, BODY_H = inch(1.95), inch(5.05)
LOGO = (SLIDE_W - MARGIN - inch(2.6), inch(0.35), inch(2.6), inch(1.0))
TITLE = (MARGIN, inch(0.3), inch(8.9), inch(1.3))
RULE = (MARGIN, inch(1.72), FULL_W, inch(0.06))
BODY = (MARGIN, BODY_Y, FULL_W, BODY_H)
SIDE_QR = (SLIDE_W - MARGIN - inch(3.0), inch(2.1), inch(3.0), inch(3.0))
NARROW_BODY = (MARGIN, BODY_Y, inch(8.4), BODY_H)
PANEL_X = inch(8.2)


def ph(
    name: str,
    kind: str | None,
    idx: int | None,
    box: tuple[int, int, int, int],
    prompt: str,
    *,
    size: int | None = None,
    colour: str | None = None,
    bold: bool = False,
    anchor: str = "t",
    fill: str | None = None,
    inset: int | None = None,
    bullets: bool = False,
) -> str:
    """A layout placeholder: `kind` is the ph type (None = content), idx its unique number."""
    attrs = (f' type="{kind}"' if kind else "") + (f' idx="{idx}"' if idx is not None else "")
    ins = f' lIns="{inset}" tIns="{inset}" rIns="{inset}" bIns="{inset}"' if inset else ""
    sp_fill = f'<a:solidFill><a:schemeClr val="{fill}"/></a:solidFill>' if fill else ""
    rpr = (f' sz="{size}"' if size else "") + (' b="1"' if bold else "")
    rfill = f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>' if colour else ""
    bu = "" if bullets else "<a:buNone/>"
    lst = (
        f'<a:lstStyle><a:lvl1pPr marL="0" indent="0">{bu}<a:defRPr{rpr}>{rfill}'
        f"</a:defRPr></a:lvl1pPr></a:lstStyle>"
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{{id}}" name="{escape(name)}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr>'
        f'<p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{sp_fill}</p:spPr>'
        f'<p:txBody><a:bodyPr{ins} anchor="{anchor}"><a:noAutofit/></a:bodyPr>{lst}'
        f'<a:p><a:r><a:rPr lang="{LANG}"/><a:t>{escape(prompt)}</a:t></a:r></a:p>'
        f"</p:txBody></p:sp>"
    )


def band(name: str, box: tuple[int, int, int, int], colour: str = "accent1") -> str:
    """A decorative filled rectangle (marked decorative for screen readers)."""
    deco = (
        '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/'
        'decorative" val="1"/></a:ext></a:extLst>'
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{{id}}" name="{name}" descr="">{deco}</p:cNvPr>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(box)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )


def _xfrm(box: tuple[int, int, int, int]) -> str:
    x, y, cx, cy = box
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'


def _title(prompt: str = "Slide title") -> str:
    return ph("Title", "title", None, TITLE, prompt, anchor="b")


def _logo(box: tuple[int, int, int, int] = LOGO) -> str:
    return ph("Logo", "pic", 10, box, "Logo")


def _body(box: tuple[int, int, int, int] = BODY, prompt: str = "Text") -> str:
    return ph("Body", "body", 1, box, prompt, bullets=True)


_RULE = band("Title rule", RULE)
# The opening and section-divider looks, shared by the Kit layouts and pandoc's.
_COVER = [
    band("Footer band", (0, SLIDE_H - inch(0.55), SLIDE_W, inch(0.55))),
    ph(
        "Title",
        "ctrTitle",
        None,
        (MARGIN, inch(2.0), FULL_W, inch(1.9)),
        "Workshop title",
        size=4400,
        bold=True,
        colour="accent1",
        anchor="b",
    ),
    ph(
        "Subtitle",
        "subTitle",
        1,
        (MARGIN, inch(4.05), FULL_W, inch(0.7)),
        "Organisation",
        size=2800,
        colour="accent2",
    ),
]
_SECTION = [
    band("Section band", (0, inch(1.75), SLIDE_W, inch(2.2))),
    ph(
        "Title",
        "title",
        None,
        (MARGIN, inch(1.9), FULL_W, inch(1.9)),
        "Section title",
        size=4000,
        colour="bg1",
        anchor="ctr",
    ),
    ph(
        "Body", "body", 1, (MARGIN, inch(4.2), FULL_W, inch(2.8)), "About this section", size=SUB_SZ
    ),
]
LAYOUTS: list[tuple[str, str, list[str]]] = [
    (
        "Kit Title",
        "title",
        [
            *_COVER,
            ph(
                "Details",
                "body",
                13,
                (MARGIN, inch(4.85), FULL_W, inch(1.5)),
                "Date, venue and facilitator",
                size=SUB_SZ,
            ),
            _logo((SLIDE_W - MARGIN - inch(3.2), inch(0.45), inch(3.2), inch(1.25))),
        ],
    ),
    ("Kit Agenda", "obj", [_title("Agenda"), _RULE, _body(prompt="Agenda"), _logo()]),
    ("Kit Section", "secHead", [*_SECTION, _logo()]),
    ("Kit Bullets", "obj", [_title(), _RULE, _body(), _logo()]),
    (
        "Kit Quote",
        "cust",
        [
            _title(),
            _RULE,
            band("Quote bar", (MARGIN, inch(2.1), inch(0.12), inch(3.3))),
            ph(
                "Quote",
                "body",
                1,
                (inch(1.0), inch(2.1), inch(11.733), inch(3.3)),
                "Quote",
                size=3200,
                anchor="ctr",
            ),
            ph(
                "Attribution",
                "body",
                14,
                (inch(1.0), inch(5.55), inch(11.733), inch(1.2)),
                "Who said it",
                size=SUB_SZ,
                colour="accent2",
            ),
            _logo(),
        ],
    ),
    ("Kit Figures", "cust", [_title(), _RULE, ph("Content", None, 12, BODY, "Figures"), _logo()]),
    ("Kit Chart", "cust", [_title(), _RULE, ph("Content", None, 12, BODY, "Chart"), _logo()]),
    (
        "Kit Video",
        "cust",
        [
            _title(),
            _RULE,
            _body(NARROW_BODY, "About the video"),
            ph("QR", "pic", 11, SIDE_QR, "QR code"),
            _logo(),
        ],
    ),
    (
        "Kit Exercise",
        "cust",
        [
            _title(),
            _RULE,
            _body((MARGIN, BODY_Y, inch(7.3), BODY_H), "Steps"),
            ph(
                "Panel",
                "body",
                15,
                (PANEL_X, BODY_Y, SLIDE_W - MARGIN - PANEL_X, BODY_H),
                "Time, grouping and materials",
                size=SUB_SZ,
                fill="bg2",
                inset=inch(0.2),
            ),
            _logo(),
        ],
    ),
    (
        "Kit Closing",
        "cust",
        [
            _title("Thank you"),
            _RULE,
            _body(NARROW_BODY, "Support"),
            ph("QR", "pic", 11, SIDE_QR, "QR code"),
            _logo(),
        ],
    ),
]

# Layouts with the names pandoc (and PowerPoint's Office theme) use, after the Kit layouts, so
# that `pandoc --reference-doc=templates/deck.pptx` builds slides in this look instead of
# falling back to its own. The kit itself never uses them; in a built deck they are there for
# slides a facilitator adds by hand. Content placeholders have no type ("obj"), as pandoc wants.
HALF_W = (FULL_W - inch(0.4)) // 2
RIGHT_X = SLIDE_W - MARGIN - HALF_W
HEAD_H = inch(0.7)
LOW_Y, LOW_H = BODY_Y + HEAD_H + inch(0.1), BODY_H - HEAD_H - inch(0.1)


def _content(box: tuple[int, int, int, int], idx: int, name: str = "Content") -> str:
    return ph(name, None, idx, box, "Text", bullets=True)


PANDOC_LAYOUTS: list[tuple[str, str, list[str]]] = [
    ("Title Slide", "title", _COVER),
    ("Title and Content", "obj", [_title(), _RULE, _content(BODY, 1)]),
    ("Section Header", "secHead", _SECTION),
    (
        "Two Content",
        "twoObj",
        [
            _title(),
            _RULE,
            _content((MARGIN, BODY_Y, HALF_W, BODY_H), 1, "Left"),
            _content((RIGHT_X, BODY_Y, HALF_W, BODY_H), 2, "Right"),
        ],
    ),
    (
        "Comparison",
        "twoTxTwoObj",
        [
            _title(),
            _RULE,
            ph("Left heading", "body", 1, (MARGIN, BODY_Y, HALF_W, HEAD_H), "Heading", bold=True),
            _content((MARGIN, LOW_Y, HALF_W, LOW_H), 2, "Left"),
            ph("Right heading", "body", 3, (RIGHT_X, BODY_Y, HALF_W, HEAD_H), "Heading", bold=True),
            _content((RIGHT_X, LOW_Y, HALF_W, LOW_H), 4, "Right"),
        ],
    ),
    (
        "Content with Caption",
        "objTx",
        [
            _title(),
            _RULE,
            _content(NARROW_BODY, 1),
            ph("Caption", "body", 2, SIDE_QR, "Caption", size=SUB_SZ),
        ],
    ),
    ("Blank", "blank", []),
]
ALL_LAYOUTS = LAYOUTS + PANDOC_LAYOUTS


def layout_xml(name: str, kind: str, shapes: list[str]) -> str:
    """One slide layout part; shape ids are numbered from 2 in document order."""
    tree = "".join(s.replace("{id}", str(n)) for n, s in enumerate(shapes, start=2))
    return (
        f'{DECL}<p:sldLayout {XMLNS} type="{kind}" preserve="1">'
        f'<p:cSld name="{escape(name)}"><p:spTree>{_GROUP}{tree}</p:spTree></p:cSld>'
        f"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


_GROUP = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)


def _level(
    n: int,
    size: int,
    mar: int,
    bullet: bool,
    colour: str = "tx1",
    bold: bool = False,
    before: int = 1000,
) -> str:
    bu = (
        f'<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="{FONT}"/>'
        '<a:buChar char="&#8226;"/>'
        if bullet
        else "<a:buNone/>"
    )
    indent = f' marL="{mar}" indent="{-inch(0.35)}"' if bullet else ' marL="0" indent="0"'
    weight = ' b="1"' if bold else ""
    return (
        f'<a:lvl{n}pPr{indent} algn="l"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{before}"/></a:spcBef>{bu}'
        f'<a:defRPr lang="{LANG}" sz="{size}"{weight} kern="0">'
        f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'
        f'<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>'
        f"</a:defRPr></a:lvl{n}pPr>"
    )


def master_xml() -> str:
    """The slide master: background, title/body placeholders and text styles."""
    title_style = _level(1, TITLE_SZ, 0, False, "accent1", bold=True, before=0).replace(
        "+mn-", "+mj-"
    )
    body = "".join(
        _level(n, s, m, True)
        for n, s, m in ((1, BODY_SZ, inch(0.35)), (2, SUB_SZ, inch(0.85)), (3, SUB_SZ, inch(1.3)))
    )
    other = _level(1, SUB_SZ, 0, False, before=0)
    shapes = [
        ph("Title", "title", None, TITLE, "Slide title", anchor="b"),
        ph("Body", "body", 1, BODY, "Text", bullets=True),
    ]
    tree = "".join(s.replace("{id}", str(n)) for n, s in enumerate(shapes, start=2))
    ids = "".join(
        f'<p:sldLayoutId id="{2147483649 + n}" r:id="rId{n + 1}"/>' for n in range(len(ALL_LAYOUTS))
    )
    return (
        f'{DECL}<p:sldMaster {XMLNS}><p:cSld><p:bg><p:bgRef idx="1001">'
        f'<a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{_GROUP}{tree}</p:spTree></p:cSld>'
        '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
        'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
        'hlink="hlink" folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles><p:titleStyle>{title_style}</p:titleStyle>"
        f"<p:bodyStyle>{body}</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles>"
        "</p:sldMaster>"
    )


def theme_xml(source: bytes, name: str) -> bytes:
    """python-pptx's Office theme with NHS colours, Arial fonts and a new name."""
    root = etree.fromstring(source)
    root.set("name", name)
    a = f"{{{NS_A}}}"
    scheme = root.find(f"{a}themeElements/{a}clrScheme")
    assert scheme is not None
    scheme.set("name", "NHS")
    for slot, value in THEME_COLOURS.items():
        element = scheme.find(a + slot)
        assert element is not None
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, a + "srgbClr", val=value)
    fonts = root.find(f"{a}themeElements/{a}fontScheme")
    assert fonts is not None
    fonts.set("name", FONT)
    for latin in fonts.iter(a + "latin"):
        latin.set("typeface", FONT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def presentation_xml() -> str:
    """presentation.xml: 16:9, en-GB default text, master and notes master lists, and an
    empty slide list (pandoc 2.x only fills in a `p:sldIdLst` that is already there; without
    one its decks list no slides)."""
    levels = "".join(
        f'<a:lvl{n}pPr marL="{(n - 1) * 457200}" algn="l"><a:defRPr lang="{LANG}" sz="1800">'
        f'<a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/>'
        f"</a:defRPr></a:lvl{n}pPr>"
        for n in range(1, 10)
    )
    return (
        f'{DECL}<p:presentation {XMLNS} saveSubsetFonts="1">'
        '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
        '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst/>'
        f'<p:sldSz cx="{SLIDE_W}" cy="{SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>'
        f'<p:defaultTextStyle><a:defPPr><a:defRPr lang="{LANG}"/></a:defPPr>{levels}'
        "</p:defaultTextStyle></p:presentation>"
    )


def rels(*targets: tuple[str, str]) -> str:
    """A relationships part; ids are rId1.. in the order given."""
    body = "".join(
        f'<Relationship Id="rId{n}" Type="{REL}/{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    )
    return f'{DECL}<Relationships xmlns="{PKG_REL}">{body}</Relationships>'


def content_types() -> str:
    """[Content_Types].xml for every part written below."""
    pml = "application/vnd.openxmlformats-officedocument.presentationml"
    overrides = [
        ("/ppt/presentation.xml", f"{pml}.presentation.main+xml"),
        ("/ppt/slideMasters/slideMaster1.xml", f"{pml}.slideMaster+xml"),
        ("/ppt/notesMasters/notesMaster1.xml", f"{pml}.notesMaster+xml"),
        ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/ppt/presProps.xml", f"{pml}.presProps+xml"),
        ("/ppt/viewProps.xml", f"{pml}.viewProps+xml"),
        ("/ppt/tableStyles.xml", f"{pml}.tableStyles+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ] + [
        (f"/ppt/slideLayouts/slideLayout{n}.xml", f"{pml}.slideLayout+xml")
        for n in range(1, len(ALL_LAYOUTS) + 1)
    ]
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>'
    )


def core_xml() -> str:
    """Core properties with a fixed date; the renderer replaces title and dates per deck."""
    return (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>compassion-kit deck template</dc:title><dc:creator>compassion-kit</dc:creator>"
        f"<cp:lastModifiedBy>compassion-kit</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dc:language>{LANG}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{STAMP_ISO}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{STAMP_ISO}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_XML = (
    f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>compassion-kit</Application>'
    "<PresentationFormat>Widescreen</PresentationFormat></Properties>"
)
PRES_PROPS = f"{DECL}<p:presentationPr {XMLNS}/>"
VIEW_PROPS = (
    f'{DECL}<p:viewPr {XMLNS}><p:normalViewPr><p:restoredLeft sz="15620"/>'
    '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/>'
    "</p:viewPr>"
)
TABLE_STYLES = (
    f'{DECL}<a:tblStyleLst xmlns:a="{NS_A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>'
)


def parts() -> list[tuple[str, bytes]]:
    """Every part of the package, in the order they are written."""
    shipped = Path(pptx.__file__).parent / "templates"
    with zipfile.ZipFile(shipped / "default.pptx") as default:
        office_theme = default.read("ppt/theme/theme1.xml")
    notes_theme = (shipped / "theme.xml").read_bytes()
    notes_master = (
        (shipped / "notesMaster.xml").read_text("utf-8").replace('lang="en-US"', f'lang="{LANG}"')
    )
    layout_rels = rels(("slideMaster", "../slideMasters/slideMaster1.xml"))
    out: list[tuple[str, str | bytes]] = [
        ("[Content_Types].xml", content_types()),
        (
            "_rels/.rels",
            f'{DECL}<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="ppt/presentation.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>",
        ),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", APP_XML),
        ("ppt/presentation.xml", presentation_xml()),
        (
            "ppt/_rels/presentation.xml.rels",
            rels(
                ("slideMaster", "slideMasters/slideMaster1.xml"),
                ("notesMaster", "notesMasters/notesMaster1.xml"),
                ("theme", "theme/theme1.xml"),
                ("presProps", "presProps.xml"),
                ("viewProps", "viewProps.xml"),
                ("tableStyles", "tableStyles.xml"),
            ),
        ),
        ("ppt/presProps.xml", PRES_PROPS),
        ("ppt/viewProps.xml", VIEW_PROPS),
        ("ppt/tableStyles.xml", TABLE_STYLES),
        ("ppt/theme/theme1.xml", theme_xml(office_theme, "NHS")),
        ("ppt/theme/theme2.xml", theme_xml(notes_theme, "NHS notes")),
        ("ppt/slideMasters/slideMaster1.xml", master_xml()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            rels(
                *[
                    ("slideLayout", f"../slideLayouts/slideLayout{n}.xml")
                    for n in range(1, len(ALL_LAYOUTS) + 1)
                ],
                ("theme", "../theme/theme1.xml"),
            ),
        ),
        ("ppt/notesMasters/notesMaster1.xml", notes_master),
        ("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels(("theme", "../theme/theme2.xml"))),
    ]
    for n, (name, kind, shapes) in enumerate(ALL_LAYOUTS, start=1):
        out.append((f"ppt/slideLayouts/slideLayout{n}.xml", layout_xml(name, kind, shapes)))
        out.append((f"ppt/slideLayouts/_rels/slideLayout{n}.xml.rels", layout_rels))
    return [(name, data.encode("utf-8") if isinstance(data, str) else data) for name, data in out]


def build() -> bytes:
    """The template's bytes: fixed entry times and order, deflate level 9."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name, data in parts():
            entry = zipfile.ZipInfo(name, date_time=STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            package.writestr(entry, data)
    return buffer.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
