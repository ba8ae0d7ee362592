"""The new parts of one deck: slides, notes pages, pictures and charts, in the package.

Owns creating parts and relationships in the in-memory package (`_opc.py`): a slide holding
copies of just the layout placeholders it uses, its notes page, one picture part per distinct
image, and chart parts with their workbooks. Shape XML is `_pptx_shapes.py`'s; package-wide
edits are `_pptx_xml.py`'s. Part names, rIds and placeholder copies follow what python-pptx
1.0.2 made, so decks written before and after the rewrite compare part by part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compassion_kit.render._ns import qn
from compassion_kit.render._opc import RT, Package, PackageError, Relationships
from compassion_kit.render._pptx_ns import R_ID, child, copied, fragment
from compassion_kit.render._pptx_placeholders import NotesPage, Placeholders
from compassion_kit.render._pptx_template import default_template, template_bytes
from compassion_kit.render._pptx_xml import PML, THEME_TYPE

if TYPE_CHECKING:
    from compassion_kit.render._pptx_spec import ChartSpec

SLIDE_TYPE = PML + "slide+xml"
NOTES_TYPE = PML + "notesSlide+xml"
NOTES_MASTER_TYPE = PML + "notesMaster+xml"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BLANK_SLIDE = (
    '<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
    "</p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>"
    "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
)
_FIRST_SLIDE_ID = 256  # PowerPoint's slide ids start here
_BEFORE_SLIDE_LIST = ("p:handoutMasterIdLst", "p:notesMasterIdLst", "p:sldMasterIdLst")


@dataclass
class NewSlide:
    """A slide being written: its part, shape tree, relationships and placeholder copies."""

    name: str
    tree: Any  # p:spTree
    rels: Relationships
    title: Any  # the copy of the layout's title placeholder (p:sp), if it has one
    holders: dict[int, Any]  # placeholder idx -> the copy on this slide
    links: dict[str, str] = field(default_factory=dict)  # URL -> rId: one per address


class DeckParts:
    """Adds the slides, notes pages, pictures and charts of one deck to one package.

    Holds per-deck state (placeholder copies, the notes page), so one instance serves exactly
    one package and is then dropped.

    Raises:
        PackageError: the template has no presentation, a part it relates to is missing, or
            a part is not XML (also later, from the part's first use).
    """

    def __init__(self, package: Package) -> None:
        self.package = package
        main = package.related("", RT + "officeDocument")
        if main is None:
            raise PackageError("it has no presentation part")
        self.main = main
        self.rels = package.rels(self.main)
        self.presentation = package.xml(self.main)
        self._slides = _slide_list(self.presentation)
        _drop_template_slides(package, self.rels, self._slides)
        self._placeholders: dict[str, Placeholders] = {}
        self._notes: NotesPage | None = None

    def add_slide(self, layout: str, indexes: set[int]) -> NewSlide:
        """A new last slide on layout part `layout`, holding copies of its title placeholder and
        of those with `indexes` only, in layout order.

        Raises:
            KeyError: the layout has no placeholder with one of `indexes`.
        """
        found = self._placeholders.get(layout)
        if found is None:
            found = self._placeholders[layout] = Placeholders(self.package.xml(layout))
        root = fragment(_BLANK_SLIDE, "a", "p", "r")
        tree = root[0][0]
        title, holders = found.copy_into(tree, indexes)
        name = f"ppt/slides/slide{len(self._slides) + 1}.xml"
        self.package.put(name, root, SLIDE_TYPE)
        rels = self.package.rels(name)
        rels.add(RT + "slideLayout", layout)
        listed = child(self._slides, "p:sldId", id=str(_FIRST_SLIDE_ID + len(self._slides)))
        listed.set(R_ID, self.rels.add(RT + "slide", name))
        return NewSlide(name, tree, rels, title, holders)

    def add_notes(self, slide: NewSlide) -> Any:
        """Give `slide` a notes page and return its notes `p:txBody`, or None when the notes
        master has no body placeholder."""
        if self._notes is None:
            master = self.package.related(self.main, RT + "notesMaster")
            self._notes = NotesPage(master or self._bundled_notes_master(), self.package)
        page = copied(self._notes.page)
        name = self.package.free_name("ppt/notesSlides/notesSlide%d.xml")
        self.package.put(name, page, NOTES_TYPE)
        rels = self.package.rels(name)
        rels.add(RT + "notesMaster", self._notes.master)
        rels.add(RT + "slide", slide.name)
        slide.rels.add(RT + "notesSlide", name)
        return self._notes.body(page)

    def link(self, slide: NewSlide, url: str) -> str:
        """The rId of a hyperlink to `url` on `slide` (one relationship per address)."""
        found = slide.links.get(url)
        if found is None:
            found = slide.links[url] = slide.rels.add(RT + "hyperlink", url, external=True)
        return found

    def image(self, slide: NewSlide, png: bytes) -> str:
        """The rId on `slide` of the picture part holding `png`: one part per distinct image,
        reusing an identical image the template already has."""
        return self.package.add_picture(slide.name, png, "ppt/media")

    def chart(self, slide: NewSlide, spec: ChartSpec, font: str) -> str:
        """The rId on `slide` of a new chart part showing `spec`, with its data in an embedded
        workbook (PowerPoint's Edit Data opens it)."""
        # Imported here: most decks have no chart.
        from compassion_kit.render._pptx_chart import chart_xml
        from compassion_kit.render._pptx_workbook import workbook

        name = self.package.free_name("ppt/charts/chart%d.xml")
        book = self.package.free_name("ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
        book_id = self.package.rels(name).add(RT + "package", book)
        self.package.put(name, chart_xml(spec, font, book_id), CHART_TYPE)
        data = workbook(spec.categories, spec.series, spec.number_format)
        self.package.put(book, data, XLSX_TYPE)
        return slide.rels.add(RT + "chart", name)

    def _bundled_notes_master(self) -> str:
        """Copy the bundled template's notes master (and its theme) into a template that has
        none, and relate it to the presentation; its part name."""
        bundled = Package.read(template_bytes(default_template()))
        main = bundled.related("", RT + "officeDocument")
        source = bundled.related(main or "", RT + "notesMaster")
        theme = bundled.related(source or "", RT + "theme")
        assert source is not None and theme is not None, "the bundled template has a notes master"
        name = self.package.free_name("ppt/notesMasters/notesMaster%d.xml")
        self.package.put(name, bundled.blob(source), NOTES_MASTER_TYPE)
        theme_name = self.package.free_name("ppt/theme/theme%d.xml")
        self.package.put(theme_name, bundled.blob(theme), THEME_TYPE)
        self.package.rels(name).add(RT + "theme", theme_name)
        self.rels.add(RT + "notesMaster", name)
        return name


def _slide_list(presentation: Any) -> Any:
    """The presentation's p:sldIdLst, added in schema order if the template has none."""
    found = presentation.find(qn("p:sldIdLst"))
    if found is None:
        found = presentation.makeelement(qn("p:sldIdLst"), {})
        before = (presentation.find(qn(tag)) for tag in _BEFORE_SLIDE_LIST)
        anchor = next((e for e in before if e is not None), None)
        if anchor is None:
            presentation.insert(0, found)
        else:
            anchor.addnext(found)
    return found


def _drop_template_slides(package: Package, rels: Relationships, slides: Any) -> None:
    """Remove the template's own slides, then every part nothing relates to any more (their
    notes, pictures and charts), as python-pptx did by saving only the parts it reached."""
    for listed in list(slides):
        slides.remove(listed)
    for r_id, kind, _target, _external in list(rels):
        if kind == RT + "slide":
            rels.remove(r_id)
    reached: set[str] = set()
    todo = [""]
    while todo:
        for _r_id, _kind, target, external in package.rels(todo.pop()):
            if external or target in reached:
                continue
            if target not in package:  # python-pptx refused such a package too
                raise PackageError(f"part {target} is missing")
            reached.add(target)
            todo.append(target)
    for name in package.names():
        if name not in reached:
            package.remove(name)
