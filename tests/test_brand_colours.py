"""Brand colours as people write them, and the darker shade text gets when a colour is light."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from compassion_kit.branding import WHITE, contrast_ratio
from compassion_kit.colours import _oklab, read_colour, text_shade
from compassion_kit.model import Organisation
from compassion_kit.model.validate import ModelError, build
from compassion_kit.profile import Brand, read_brand
from compassion_kit.render.deck import DeckRequest, plan_deck
from compassion_kit.render.plan.deck_spec import DeckPlan
from support.decks import module


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("#036", "#003366"),
        ("#005eb8", "#005EB8"),
        ("005EB8", "#005EB8"),
        ("rgb(0, 94, 184)", "#005EB8"),
        ("rgb(0,94,184)", "#005EB8"),
        ("RGB( 0 , 94 , 184 )", "#005EB8"),
        ("hsl(0, 100%, 50%)", "#FF0000"),
        ("rebeccapurple", "#663399"),
        ("NavY", "#000080"),
        ("NHS Blue", "#005EB8"),
        ("nhs  warm yellow", "#FFB81C"),
        ("#005EB8CC", "#005EB8"),
    ],
)
def test_any_colour_a_person_writes_is_read_as_rrggbb(written: str, read: str) -> None:
    assert read_colour(written) == read


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("bleu", "blue"), ("NHS Bleu", "NHS Blue"), ("rebecapurple", "rebeccapurple")],
)
def test_only_what_cannot_be_a_colour_is_refused_with_the_nearest_name(
    written: str, suggested: str
) -> None:
    with pytest.raises(ValueError, match=f"did you mean '{suggested}'"):
        read_colour(written)
    with pytest.raises(ModelError, match=f"'{written}' is not a colour"):
        build(Organisation, {"name": "T", "colours": {"primary": written}})


@pytest.mark.parametrize("colour", ["#FFB81C", "#FFFFFF", "#FAE100", "#41B6E6", "#78BE20"])
def test_a_light_colour_gets_a_darker_shade_of_the_same_hue_for_text(colour: str) -> None:
    shade = text_shade(colour)
    assert shade != colour
    assert 4.5 <= contrast_ratio(shade, WHITE) < 5.2  # just dark enough, not black
    light, dark = _oklab(colour), _oklab(shade)
    assert dark[0] < light[0]
    if abs(light[1]) + abs(light[2]) > 0.02:  # a colour, not a grey: the hue is kept
        import math

        hue = math.atan2(light[2], light[1]) - math.atan2(dark[2], dark[1])
        assert abs(math.remainder(hue, 2 * math.pi)) < 0.15


@pytest.mark.parametrize("colour", ["#005EB8", "#003087", "#231F20"])
def test_a_colour_that_reads_on_white_is_its_own_text_colour(colour: str) -> None:
    assert text_shade(colour) == colour


def test_on_a_dark_background_the_shade_is_lighter() -> None:
    shade = text_shade("#330072", background="#003087")
    assert contrast_ratio(shade, "#003087") >= 4.5
    assert _oklab(shade)[0] > _oklab("#330072")[0]
    assert contrast_ratio(text_shade("#005EB8", "#231F20", 3.0), "#231F20") >= 3.0


def light_profile(tmp_path: Path) -> Brand:
    profile = tmp_path / "org.yaml"
    profile.write_text(
        'name: Sunny Trust\ncolours:\n  primary: "nhs warm yellow"\n  secondary: white\n'
        '  accent: "rgb(0, 94, 184)"\n',
        encoding="utf-8",
    )
    brand, problems = read_brand(profile)
    assert brand is not None and all(p.severity == "warning" for p in problems)
    return brand


def test_a_light_profile_builds_with_one_warning_per_colour_naming_both_values(
    tmp_path: Path,
) -> None:
    brand = light_profile(tmp_path)
    _, problems = read_brand(brand.profile_path)  # type: ignore[arg-type]
    lines = [str(p) for p in problems]
    assert lines == [
        f"{tmp_path / 'org.yaml'}:3:12: warning: colours.primary: 'nhs warm yellow' read as "
        "#FFB81C",
        f"{tmp_path / 'org.yaml'}:4:14: warning: colours.secondary: 'white' read as #FFFFFF",
        f"{tmp_path / 'org.yaml'}:5:11: warning: colours.accent: 'rgb(0, 94, 184)' read as #005EB8",
        f"{tmp_path / 'org.yaml'}:3:12: warning: colours.primary: #FFB81C on white has a "
        "contrast of 1.73:1, too low for text: text uses the darker shade #986C0C (4.68:1), "
        "fills, rules and charts keep #FFB81C (hint: to choose the text shade yourself, give a "
        "darker colour here and put the light one in 'accent')",
        f"{tmp_path / 'org.yaml'}:4:14: warning: colours.secondary: #FFFFFF on white has a "
        "contrast of 1.00:1, too low for text: text uses the darker shade #747474 (4.67:1), "
        "fills, rules and charts keep #FFFFFF (hint: to choose the text shade yourself, give a "
        "darker colour here and put the light one in 'accent')",
    ]


def _slide_colours(plan: DeckPlan) -> tuple[set[str], set[str]]:
    """(text colours, fill colours) used anywhere in the planned deck."""
    text = {s.title_colour for s in plan.slides if s.title_colour}
    fills = {t.fill for s in plan.slides for t in s.texts if t.fill}
    for slide in plan.slides:
        for spec in slide.texts:
            for para in spec.paras:
                text |= {r.colour for r in para.runs if getattr(r, "colour", None)}
                text |= {para.colour} if getattr(para, "colour", None) else set()
    return text, fills


def test_text_in_a_light_brand_uses_the_shade_while_fills_keep_the_brand(tmp_path: Path) -> None:
    brand = light_profile(tmp_path)
    plan = plan_deck(DeckRequest((module("fixture-deck"),), brand, None))
    text, _fills = _slide_colours(plan)
    assert "#986C0C" in text  # headings on white
    assert "#FFB81C" not in text  # never yellow text on white
    assert plan.colours["primary"] == "#FFB81C"  # the theme's accent 1 and chart series
    assert plan.colours["primary_text"] == "#986C0C"
    for slide in plan.slides:
        if slide.title_colour:
            background = "#FFB81C" if slide.layout == "Kit Section" else WHITE
            assert contrast_ratio(slide.title_colour, background) >= 4.5, slide.id


def test_the_default_brand_text_colours_are_the_brand_colours() -> None:
    organisation = Organisation(name="T")
    assert organisation.colours.primary_text == organisation.colours.primary
    changed = dataclasses.replace(organisation.colours, primary="#FFB81C")
    assert changed.primary_text == "#986C0C"
