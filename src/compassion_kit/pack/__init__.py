"""Workshop packs: a workshop spec in, every file for the day out, for one or many organisations.

`build_pack` is the entry point (`kit build`); `write_preset` starts a spec (`kit init`). The
stages live in their own modules: spec (read and check), prints (the print plan of the spec and
its agendas), plan (file names), write (render and manifest), checklist, folder (safe
replacement), batch (the order of a build), pool (many organisations in worker processes) and
outcome (what a build reports).
"""

from compassion_kit.pack.batch import build_pack
from compassion_kit.pack.outcome import PackOptions, PackOutcome, PackResult, Progress
from compassion_kit.pack.presets import DEFAULT_PRESET, preset_names, write_preset

__all__ = [
    "DEFAULT_PRESET",
    "PackOptions",
    "PackOutcome",
    "PackResult",
    "Progress",
    "build_pack",
    "preset_names",
    "write_preset",
]
