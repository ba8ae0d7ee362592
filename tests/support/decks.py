"""What the deck tests build from: the fixture deck modules and the example organisation."""

from __future__ import annotations

from pathlib import Path

from compassion_kit.library import load_item_file
from compassion_kit.logo import Logo, load_logo
from compassion_kit.model import DeckModule
from compassion_kit.profile import Brand, load_brand

DECKS = Path(__file__).resolve().parent.parent / "fixtures" / "decks"


# The NHS identity's roles, as a deck plan's colour map names them (NHS Blue, Dark Blue, Warm
# Yellow), for planning diagrams without an organisation profile.
NHS_COLOURS = {
    "primary": "#005EB8",
    "secondary": "#003087",
    "accent": "#FFB81C",
    "primary_text": "#005EB8",
    "secondary_text": "#003087",
}


def module(name: str) -> DeckModule:
    """The deck module in tests/fixtures/decks/<name>.yaml (fails the test if it does not load)."""
    entry, problems = load_item_file(DECKS / f"{name}.yaml")
    assert entry is not None, problems
    assert isinstance(entry.item, DeckModule)
    return entry.item


def example_brand() -> tuple[Brand, Logo | None]:
    """The example organisation (tests/fixtures/decks/org.yaml) and its logo."""
    brand = load_brand(DECKS / "org.yaml")
    return brand, load_logo(brand)
