"""What each command does, as plain functions: load, check, plan, render, write.

Owns the order of the steps and collecting every problem before anything is written; the CLI
only parses flags and prints what these return. One module per kind of output (`deck`,
`agenda`, `printed`), and `checks` for `kit validate` and `kit check`.
`compassion_kit.build_deck(...)` and friends can be called from Python in the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.build.agenda import AgendaOptions, build_agenda
from compassion_kit.build.checks import check_files, require_ids, validate
from compassion_kit.build.deck import BuildResult, DeckOptions, build_deck
from compassion_kit.build.printed import (
    PrintOptions,
    build_handouts,
    build_worksheets,
    handouts_of_element,
)
from compassion_kit.build.script import ScriptOptions, build_script
from compassion_kit.build.template import check_deck_template
from compassion_kit.library import load_library

# Kept importable from here for callers written before it moved to `requests`.
from compassion_kit.requests import deck_request as deck_request

if TYPE_CHECKING:
    from compassion_kit.pack import PackOptions, PackResult, Progress

__all__ = [
    "AgendaOptions",
    "BuildResult",
    "DeckOptions",
    "PrintOptions",
    "ScriptOptions",
    "build_agenda",
    "build_deck",
    "build_handouts",
    "build_pack",
    "build_script",
    "build_worksheets",
    "check_deck_template",
    "check_files",
    "handouts_of_element",
    "load_library",
    "require_ids",
    "validate",
]


def build_pack(
    spec: Path,
    out: Path,
    options: PackOptions | None = None,
    progress: Progress | None = None,
) -> PackResult:
    """Build a whole workshop pack (or one per organisation with `options.orgs`), for `kit build`.

    See `compassion_kit.pack.build_pack`; `PackOptions` and `PackResult` live there.

    Raises:
        KitError: every problem in the spec, content, organisation or output folder.
    """
    from compassion_kit import pack  # here: most commands never build a pack

    return pack.build_pack(spec, out, options, progress)
