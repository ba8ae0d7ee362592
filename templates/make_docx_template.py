"""Build templates/document.docx: the Word look (styles, lists, page) worksheets and handouts share.

Run `python templates/make_docx_template.py` after editing; the output is byte-identical for
identical input. Brand colours and the font are applied at build time by
`render/docx/document.py`; the colours below are the NHS defaults they replace. See
docs/notes/word.md for the reasons.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from compassion_kit.output import zip_entries  # noqa: E402

TEXT = "231F20"  # NHS Black: 16.3:1 on white
GREY = "425563"  # NHS Dark Grey: 7.75:1 on white, also write-in borders (>= 3:1)
BLUE = "005EB8"  # NHS Blue, replaced by the brand's primary colour
DARK_BLUE = "003087"  # NHS Dark Blue, replaced by the brand's secondary colour
FONT = "Arial"  # replaced by the organisation's font

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'mc:Ignorable="w14"'
)
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/>'
    "</Types>"
)

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS = HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId5" Type="{REL}/theme" Target="theme/theme1.xml"/>'
    "</Relationships>"
)

# A4 portrait; margins >= 2 cm (ACCESSIBILITY.md KIT019). The top and bottom margins leave
# room for the logo header and the two-line footer so neither pushes the body about.
DOCUMENT = HEAD + (
    f"<w:document {NAMESPACES}><w:body>"
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1134" w:bottom="1304" w:left="1134" w:header="340" '
    'w:footer="567" w:gutter="0"/><w:cols w:space="567"/></w:sectPr>'
    "</w:body></w:document>"
)


def _para(
    style_id: str,
    name: str,
    ppr: str,
    rpr: str,
    based_on: str | None = "Normal",
    custom: bool = True,
    next_style: str | None = None,
) -> str:
    """A paragraph style; children in the order the schema requires (name, basedOn, next...)."""
    custom_attr = ' w:customStyle="1"' if custom else ""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style w:type="paragraph"{custom_attr} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{base}{nxt}<w:qFormat/>'
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        + "</w:style>"
    )


def _heading(level: int, size_half_points: int, before: int, after: int, colour: str) -> str:
    return _para(
        f"Heading{level}",
        f"heading {level}",
        f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}" '
        f'w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/>',
        f'<w:b/><w:bCs/><w:color w:val="{colour}"/><w:sz w:val="{size_half_points}"/>'
        f'<w:szCs w:val="{size_half_points}"/>',
        custom=False,
        next_style="Normal",
    )


def _borders(tag: str, edges: tuple[str, ...], size: int, colour: str, space: int = 0) -> str:
    inner = "".join(
        f'<w:{e} w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/>' for e in edges
    )
    return f"<w:{tag}>{inner}</w:{tag}>"


TABLE_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
COMPACT = '<w:spacing w:before="0" w:after="0" w:line="264" w:lineRule="auto"/>'

STYLES = (
    HEAD
    + (
        f"<w:styles {NAMESPACES}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="360" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:rPr><w:color w:val="{TEXT}"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        + _heading(1, 48, 0, 240, BLUE)
        + _heading(2, 32, 320, 120, BLUE)
        + _heading(3, 28, 240, 80, BLUE)
        + _para(
            "Subtitle",
            "Subtitle",
            '<w:keepNext/><w:spacing w:after="240"/>',
            f'<w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
            custom=False,
        )
        + _para(
            "ListBullet",
            "List Bullet",
            '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/>'
            '<w:ind w:left="567" w:hanging="283"/>',
            "",
            custom=False,
        )
        + _para(
            "ListNumber",
            "List Number",
            '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="80"/>'
            '<w:ind w:left="567" w:hanging="397"/>',
            "",
            custom=False,
        )
        + _para(
            "Caption",
            "caption",
            '<w:keepNext/><w:spacing w:before="200" w:after="80"/>',
            "<w:b/><w:bCs/>",
            custom=False,
        )
        + _para(
            "Header",
            "header",
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
            f'<w:color w:val="{GREY}"/>',
            custom=False,
        )
        + _para(
            "Footer",
            "footer",
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            f'<w:color w:val="{GREY}"/>',
            custom=False,
        )
        + _para("TableText", "Table Text", COMPACT, "")
        + _para(
            "TableHeading",
            "Table Heading",
            "<w:keepNext/>" + COMPACT,
            "<w:b/><w:bCs/>",
            based_on="TableText",
        )
        + _para(
            "Prompt",
            "Prompt",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80" w:line="300" '
            'w:lineRule="auto"/>',
            "<w:b/><w:bCs/>",
        )
        + _para("ItemDetails", "Item Details", '<w:spacing w:after="60"/>', "")
        + _para(
            "WritingSpace",
            "Writing Space",
            "<w:keepLines/>"
            + _borders("pBdr", ("top", "left", "bottom", "right"), 8, GREY, 4)
            # Indented by the border spacing so the box lines up with tables and text.
            # No space after: inside a bordered group it would widen every line of the box.
            + '<w:spacing w:before="0" w:after="0"/><w:ind w:left="100" w:right="100"/>',
            "",
        )
        + _para(
            "WritingLine",
            "Writing Line",
            "<w:keepNext/><w:keepLines/>"
            # w:between rules every line: consecutive paragraphs with identical borders are
            # otherwise drawn as one group (Word, LibreOffice), leaving only the last rule.
            + _borders("pBdr", ("bottom", "between"), 6, GREY, 1)
            + '<w:spacing w:before="0" w:after="0"/>',
            "",
        )
        + _para(
            "CheckItem",
            "Check Item",
            '<w:keepLines/><w:spacing w:after="100" w:line="300" w:lineRule="auto"/>'
            '<w:ind w:left="567" w:hanging="567"/>',
            "",
        )
        + _para(
            "ScaleLabels",
            "Scale Labels",
            "<w:keepNext/>" + COMPACT.replace('w:after="0"', 'w:after="60"'),
            "",
        )
        + _para(
            "FigureValue",
            "Figure Value",
            "<w:keepNext/>" + COMPACT.replace('w:line="264"', 'w:line="240"'),
            f'<w:b/><w:bCs/><w:color w:val="{DARK_BLUE}"/><w:sz w:val="56"/><w:szCs w:val="56"/>',
            based_on="TableText",
        )
        + _para(
            "FigureValueSmall",
            "Figure Value Small",
            "",
            '<w:sz w:val="40"/><w:szCs w:val="40"/>',
            based_on="FigureValue",
        )
        + _para(
            "FigureCaption",
            "Figure Caption",
            '<w:spacing w:line="240" w:lineRule="auto"/>',
            "",
            based_on="TableText",
        )
        # The one-page infographic trades 1.5 line spacing for room: still 12 pt, 1.1 lines.
        + _para(
            "CompactText",
            "Compact Text",
            '<w:spacing w:after="40" w:line="264" w:lineRule="auto"/>',
            "",
        )
        + _para(
            "CompactBullet",
            "Compact Bullet",
            '<w:spacing w:after="0" w:line="252" w:lineRule="auto"/>',
            "",
            based_on="ListBullet",
        )
        # Key figures as shaded lines in the infographic's columns: the number, then its caption.
        + _para(
            "FigureLine",
            "Figure Line",
            '<w:keepLines/><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/>'
            '<w:ind w:left="113" w:right="113"/>',
            "",
        )
        + '<w:style w:type="character" w:customStyle="1" w:styleId="FigureNumber">'
        '<w:name w:val="Figure Number"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        f'<w:rPr><w:b/><w:bCs/><w:color w:val="{DARK_BLUE}"/><w:sz w:val="40"/><w:szCs w:val="40"/>'
        "</w:rPr></w:style>"
        + _para("TableNote", "Table Note", '<w:spacing w:before="120"/>', "")
        + _para(
            "Spacer",
            "Spacer",
            '<w:keepNext/><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>',
            '<w:sz w:val="12"/><w:szCs w:val="12"/>',
        )
        + '<w:style w:type="table" w:customStyle="1" w:styleId="KitTable">'
        '<w:name w:val="Kit Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/><w:tblPr>'
        + _borders("tblBorders", TABLE_EDGES, 4, GREY)
        + '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        # A question and its answer space: no borders of its own, no cell margins, so the
        # prompt lines up with the text and the answer box draws its own border.
        '<w:style w:type="table" w:customStyle="1" w:styleId="KitForm">'
        '<w:name w:val="Kit Form"/><w:basedOn w:val="TableNormal"/><w:qFormat/><w:tblPr>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        '<w:style w:type="table" w:customStyle="1" w:styleId="KitPanel">'
        '<w:name w:val="Kit Panel"/><w:basedOn w:val="TableNormal"/><w:qFormat/><w:tblPr>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="170" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        "</w:styles>"
    )
)


def _list(abstract_id: int, fmt: str, text: str, left: int, hanging: int) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )


# Bullets use a plain U+2022 in the body font (no Symbol/Wingdings font to license or check).
NUMBERING = HEAD + (
    f"<w:numbering {NAMESPACES}>"
    + _list(0, "bullet", "\u2022", 567, 283)
    + _list(1, "decimal", "%1.", 567, 397)
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>"
)

SETTINGS = HEAD + (
    f"<w:settings {NAMESPACES}>"
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-GB"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)

FONT_TABLE = HEAD + (
    f"<w:fonts {NAMESPACES}>"
    f'<w:font w:name="{FONT}"><w:panose1 w:val="020B0604020202020204"/>'
    '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)

CORE = HEAD + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>compassion-kit document template</dc:title><dc:creator>compassion-kit</dc:creator>"
    "<cp:revision>1</cp:revision><dc:language>en-GB</dc:language>"
    "</cp:coreProperties>"
)

APP = HEAD + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>compassion-kit</Application></Properties>"
)

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _solid(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'


def _line(width: int) -> str:
    return f'<a:ln w="{width}">{_solid(GREY)}</a:ln>'


# Word requires a theme part. Its colours are the NHS palette and both theme fonts are the
# body font, so nothing resolved through the theme can fall outside the brand.
THEME = HEAD + (
    f'<a:theme xmlns:a="{A}" name="compassion-kit"><a:themeElements>'
    '<a:clrScheme name="NHS">'
    f'<a:dk1><a:srgbClr val="{TEXT}"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>'
    f'<a:dk2><a:srgbClr val="{DARK_BLUE}"/></a:dk2><a:lt2><a:srgbClr val="E8EDEE"/></a:lt2>'
    f'<a:accent1><a:srgbClr val="{BLUE}"/></a:accent1>'
    '<a:accent2><a:srgbClr val="FFB81C"/></a:accent2>'
    '<a:accent3><a:srgbClr val="009639"/></a:accent3>'
    '<a:accent4><a:srgbClr val="330072"/></a:accent4>'
    f'<a:accent5><a:srgbClr val="{GREY}"/></a:accent5>'
    '<a:accent6><a:srgbClr val="DA291C"/></a:accent6>'
    f'<a:hlink><a:srgbClr val="{BLUE}"/></a:hlink>'
    '<a:folHlink><a:srgbClr val="330072"/></a:folHlink></a:clrScheme>'
    '<a:fontScheme name="compassion-kit">'
    f'<a:majorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
    f'<a:minorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
    "</a:fontScheme>"
    '<a:fmtScheme name="compassion-kit">'
    f"<a:fillStyleLst>{_solid(BLUE) * 3}</a:fillStyleLst>"
    f"<a:lnStyleLst>{_line(6350)}{_line(12700)}{_line(19050)}</a:lnStyleLst>"
    "<a:effectStyleLst>"
    + "<a:effectStyle><a:effectLst/></a:effectStyle>"
    * 3
    + "</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_solid('FFFFFF') * 3}</a:bgFillStyleLst>"
    "</a:fmtScheme></a:themeElements></a:theme>"
)

PARTS = (
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", PACKAGE_RELS),
    ("docProps/core.xml", CORE),
    ("docProps/app.xml", APP),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("word/styles.xml", STYLES),
    ("word/settings.xml", SETTINGS),
    ("word/numbering.xml", NUMBERING),
    ("word/fontTable.xml", FONT_TABLE),
    ("word/theme/theme1.xml", THEME),
)


def build() -> bytes:
    """The template's bytes (a zip with fixed dates, so rebuilding changes nothing)."""
    return zip_entries((name, text.encode("utf-8")) for name, text in PARTS)


if __name__ == "__main__":
    target = HERE / "document.docx"
    target.write_bytes(build())
    print(f"wrote {target}")
