"""The typed content model: what each kind of item and the organisation profile may say."""

from compassion_kit.model.agenda import Agenda, Annotation, PrintItem, Session
from compassion_kit.model.common import ELEMENT_NAMES, ItemMeta, Source
from compassion_kit.model.deck import DeckModule, Slide
from compassion_kit.model.handout import Handout
from compassion_kit.model.organisation import DEFAULT_ORGANISATION, Organisation
from compassion_kit.model.rules import unusable_character
from compassion_kit.model.worksheet import Worksheet

Item = DeckModule | Agenda | Worksheet | Handout
KINDS: dict[str, type[DeckModule] | type[Agenda] | type[Worksheet] | type[Handout]] = {
    "deck": DeckModule,
    "agenda": Agenda,
    "worksheet": Worksheet,
    "handout": Handout,
}

__all__ = [
    "DEFAULT_ORGANISATION",
    "ELEMENT_NAMES",
    "KINDS",
    "Agenda",
    "Annotation",
    "DeckModule",
    "Handout",
    "Item",
    "ItemMeta",
    "Organisation",
    "PrintItem",
    "Session",
    "Slide",
    "Source",
    "Worksheet",
    "unusable_character",
]
