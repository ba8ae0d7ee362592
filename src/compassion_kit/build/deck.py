"""`kit build-deck`: one .pptx from deck modules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compassion_kit.build._written import finish
from compassion_kit.errors import ProblemLog
from compassion_kit.library import Library, load_library
from compassion_kit.records import FileRecord
from compassion_kit.requests import DeckOptions, deck_request

__all__ = ["BuildResult", "DeckOptions", "build_deck"]

# The record of a file a command wrote (the same record packs list in their manifests).
BuildResult = FileRecord


def build_deck(
    modules: Sequence[str],
    out: Path,
    options: DeckOptions | None = None,
    library: Library | None = None,
) -> BuildResult:
    """Build one .pptx from deck modules, for `kit build-deck`.

    Raises:
        KitError: every problem in the inputs; nothing is written.
    """
    from compassion_kit.render.deck import plan_deck, write_deck

    options = options or DeckOptions()
    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    request = deck_request(library, modules, options, log)
    log.raise_if_any()
    assert request is not None
    rendered = write_deck(plan_deck(request), request)
    return finish(out, rendered, ("deck", modules, "facilitator"), log)
