"""What the deck tests build from: the fixture deck modules and the example organisation."""

from __future__ import annotations

from pathlib import Path

from compassion_kit.library import load_item_file
from compassion_kit.logo import Logo, load_logo
from compassion_kit.model import DeckModule
from compassion_kit.profile import Brand, load_brand

DECKS = Path(__file__).resolve().parent.parent / "fixtures" / "decks"


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
