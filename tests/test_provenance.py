"""Every item says honestly what comes from its source and what was written for the kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import Handout, Worksheet
from compassion_kit.model.common import Provenance, Source
from compassion_kit.model.validate import ModelError, build
from compassion_kit.profile import DEFAULT_BRAND
from compassion_kit.render.handout import plan_handouts
from compassion_kit.render.plan.printing import PrintRequest
from compassion_kit.render.plan.worksheet import plan_worksheets

LIBRARY = load_library()
runner = CliRunner()
HEAD = "id: ws-x\nkind: worksheet\ntitle: T\nelement: 1\naudience: All\n"
BLOCKS = "blocks:\n  - {kind: heading, text: Hello}\n"
SOURCE = "source: {title: Pack, publisher: NHS}\n"
# Items of the bundled library that are wholly or largely written for the kit.
OURS = ("lab-readiness-check", "staff-support-approaches", "acts-of-compassion")


def _validate(tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "item.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    return result.exit_code, result.stderr


def test_an_item_without_provenance_is_refused_with_how_to_write_it(tmp_path: Path):
    code, err = _validate(tmp_path, HEAD + SOURCE + BLOCKS)
    assert code == 1
    assert "item.yaml:1:1: error: provenance: is required but missing" in err
    assert "hint: add 'provenance:' with from_source" in err and "written_for_kit" in err


def test_an_empty_provenance_is_refused_at_its_line(tmp_path: Path):
    code, err = _validate(tmp_path, HEAD + SOURCE + "provenance: {}\n" + BLOCKS)
    assert code == 1
    assert "item.yaml:7:1: error: provenance: says neither what comes from the source" in err
    assert "give from_source, written_for_kit or both" in err


def test_a_source_year_is_optional(tmp_path: Path):
    text = HEAD + SOURCE + "provenance: {written_for_kit: All of it}\n" + BLOCKS
    code, err = _validate(tmp_path, text)
    assert code == 0, err
    assert "error" not in err


def test_the_credit_says_written_for_the_kit_only_when_the_kit_wrote_some_of_it():
    sheet = LIBRARY.get("compassion-audit")
    assert isinstance(sheet, Worksheet)
    source = Source(title="Pack", publisher="NHS", year=2020, section="1.2")
    taken = sheet.replace(source=source, provenance=Provenance(from_source="all of it"))
    ours = taken.replace(provenance=Provenance(from_source="steps", written_for_kit="wording"))
    assert taken.credit() == "Pack, NHS, 2020, item 1.2"
    assert ours.credit() == "written for compassion-kit, based on Pack, NHS, 2020, item 1.2"
    with pytest.raises(ValueError, match="says neither what comes from the source"):
        Provenance()


def test_a_credit_names_several_items_of_a_source_as_items():
    source = Source(title="Pack", publisher="NHS", year=2020, section="3.5 and 3.6")
    assert source.credit() == "Pack, NHS, 2020, items 3.5 and 3.6"
    assert source.replace(section="1.4").credit() == "Pack, NHS, 2020, item 1.4"


def test_a_model_built_in_python_needs_provenance_too():
    data = {"id": "ws-y", "kind": "worksheet", "title": "T", "element": "1", "audience": "All"}
    data |= {
        "source": {"title": "Pack", "publisher": "NHS"},
        "blocks": [{"kind": "heading", "text": "Hi"}],
    }
    with pytest.raises(ModelError, match="provenance: is required but missing"):
        build(Worksheet, data)


def test_every_bundled_item_says_what_the_kit_wrote():
    for item in LIBRARY.items():
        assert item.provenance.written_for_kit, item.id


@pytest.mark.parametrize("item_id", OURS)
def test_printed_footers_of_our_own_items_say_written_for_the_kit(item_id: str):
    item = LIBRARY.get(item_id)
    request = PrintRequest(items=(item,), brand=DEFAULT_BRAND, logo=None)  # type: ignore[arg-type]
    if isinstance(item, Handout):
        credits = [page.credit for page in plan_handouts(request).pages]
    else:
        credits = [sheet.credit for sheet in plan_worksheets(request).sheets]
    assert credits and all(c.startswith("written for compassion-kit, based on ") for c in credits)


def test_related_sources_carry_no_year_or_address_their_texts_lack():
    for item_id in ("improvement-lab", "lab-readiness-check", "staff-support-approaches"):
        source = LIBRARY.get(item_id).source
        assert (source.year, source.url) == (None, None), item_id
        assert source.publisher == "The Atlas of Shared Learning"
    for item_id in ("appreciative-inquiry", "acts-of-compassion"):
        source = LIBRARY.get(item_id).source
        assert (source.year, source.url) == (None, None), item_id
        assert "Journal" not in source.publisher


def test_kit_show_prints_both_halves_of_the_provenance():
    result = runner.invoke(app, ["show", "six-word-stories"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "source: written for compassion-kit, based on Resource pack" in out
    assert "from the source: The exercise (item 1.1)" in out
    assert "written for the kit: The wording of the instructions" in out


def test_the_kits_own_six_word_stories_are_listed_apart_from_the_packs():
    sheet = LIBRARY.get("six-word-stories")
    assert isinstance(sheet, Worksheet)
    lists = {b.heading: b.items for b in sheet.blocks if b.kind == "list"}
    ours = (
        lists["Written for this kit: the worst workplaces"]
        + lists["Written for this kit: the best workplaces"]
    )
    pack = (
        lists["From the resource pack: the worst workplaces"]
        + lists["From the resource pack: the best workplaces"]
    )
    assert len(ours) == 6 and len(pack) == 14
    assert "Kettle on, door open, everyone heard." in ours
    assert "Gin and tonics, lots of laughter" in pack


@pytest.mark.parametrize("phrase", ["told us", "our scoping", "our earlier workshops", "we heard"])
def test_no_item_speaks_as_nhs_englands_research_team(phrase: str):
    root = Path(__file__).parent.parent / "content"
    for path in root.rglob("*.yaml"):
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        assert phrase not in text, f"{path.name} says '{phrase}'"
