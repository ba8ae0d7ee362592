"""`kit check` on decks built on an organisation's own template: the slide size and theme fonts
the template chose are the template's (tips), not faults, even after the deck is edited; a deck
without the kit's note of its template is judged as usual."""

from __future__ import annotations

from pathlib import Path

import pptx
import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu
from typer.testing import CliRunner

from compassion_kit.check import Finding, check_files
from compassion_kit.cli import app

OFFICE_DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"  # 4:3, Calibri
runner = CliRunner()


@pytest.fixture(scope="module")
def office_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("deck") / "intro.pptx"
    result = runner.invoke(
        app, ["build-deck", "intro", "--template", str(OFFICE_DEFAULT), "-o", str(path)]
    )
    assert result.exit_code == 0, result.stderr
    return path


def findings(path: Path, code: str) -> list[Finding]:
    return [f for f in check_files([path], None, "screen").findings if f.code == code]


def test_template_size_and_fonts_are_tips_not_faults(office_deck: Path) -> None:
    size = findings(office_deck, "KIT019")
    assert [(f.severity, f.message) for f in size] == [
        ("T", "the slides are 4:3 (25.4 x 19.05 cm), as in the deck's template")
    ]
    fonts = findings(office_deck, "KIT016")
    assert {f.severity for f in fonts} == {"T"}
    assert {f.message for f in fonts} == {
        "the theme's body font is Calibri, from the deck's template: the kit uses it",
        "the theme's heading font is Calibri, from the deck's template: the kit uses it",
    }


def _edited(deck: Path, out: Path, *, keep_mark: bool) -> Path:
    """The deck as saved by someone else; without `keep_mark`, also without the custom
    property in which the kit names the template it was built on."""
    prs = Presentation(str(deck))
    prs.core_properties.last_modified_by = "A. Facilitator"
    package = prs.part.package
    marks = [r for r, rel in package._rels.items() if rel.reltype == RT.CUSTOM_PROPERTIES]
    assert marks, "the kit names the template in a custom property"
    for rel_id in marks if not keep_mark else []:
        package.drop_rel(rel_id)
    prs.save(str(out))
    return out


def test_template_theme_colours_are_the_templates(office_deck: Path, tmp_path: Path) -> None:
    assert not any("(theme)" in f.message for f in findings(office_deck, "KIT017"))
    edited = _edited(office_deck, tmp_path / "edited.pptx", keep_mark=True)
    assert not any("(theme)" in f.message for f in findings(edited, "KIT017"))
    unmarked = _edited(office_deck, tmp_path / "unmarked.pptx", keep_mark=False)
    assert any("#4F81BD (theme)" in f.message for f in findings(unmarked, "KIT017"))


def test_check_exits_0_on_a_template_deck(office_deck: Path) -> None:
    result = runner.invoke(app, ["check", str(office_deck)])
    assert "KIT019 error" not in result.stderr
    assert "KIT016 error" not in result.stderr
    assert "KIT016 warning" not in result.stderr


def test_an_edited_deck_keeps_its_template_and_an_unmarked_one_is_judged_as_usual(
    office_deck: Path, tmp_path: Path
) -> None:
    # The custom property survives someone saving the deck: the template's size and fonts
    # stay tips. A deck without it (made elsewhere, or the property removed) meets the rules.
    edited = _edited(office_deck, tmp_path / "edited.pptx", keep_mark=True)
    assert [f.severity for f in findings(edited, "KIT019")] == ["T"]
    assert {f.severity for f in findings(edited, "KIT016")} == {"T"}
    unmarked = _edited(office_deck, tmp_path / "unmarked.pptx", keep_mark=False)
    assert [f.severity for f in findings(unmarked, "KIT019")] == ["E"]
    fonts = findings(unmarked, "KIT016")
    assert any(f.severity == "W" and "theme's body font is Calibri" in f.message for f in fonts)
    assert any(f.severity == "E" and "text is set in Calibri" in f.message for f in fonts)


def test_kit_deck_in_an_unusual_size_is_still_an_error(office_deck: Path, tmp_path: Path) -> None:
    prs = Presentation(str(office_deck))
    prs.slide_width = Emu(8000000)
    odd = tmp_path / "odd.pptx"
    prs.save(str(odd))
    assert Presentation(str(odd)).core_properties.last_modified_by == "compassion-kit"
    assert [f.severity for f in findings(odd, "KIT019")] == ["E"]
