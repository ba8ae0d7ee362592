"""Starting points for `kit init`: commented workshop specs kept as data in templates/presets/.

Owns finding and copying a preset; what a spec may say is `model/workshop.py`'s business.
"""

from __future__ import annotations

from pathlib import Path

from compassion_kit.errors import ContentError, Location, OutputError, Problem
from compassion_kit.output import write_atomic
from compassion_kit.paths import templates_dir

DEFAULT_PRESET = "improvement-planning"


def _folder() -> Path:
    return templates_dir() / "presets"


def preset_names() -> list[str]:
    """The names `kit init` accepts, sorted (one per file in templates/presets/)."""
    return sorted(p.stem for p in _folder().glob("*.yaml"))


def write_preset(name: str, out: Path, *, force: bool = False) -> Path:
    """Copy the preset `name`, comments and all, to `out`; return `out`.

    Raises:
        ContentError: there is no preset called `name` (the message lists them).
        OutputError: `out` exists and `force` is false, or it cannot be written.
    """
    source = _folder() / f"{name}.yaml"
    if name not in preset_names():
        raise ContentError(
            [Problem(f"there is no preset '{name}'", hint="presets: " + ", ".join(preset_names()))]
        )
    if out.exists() and not force:
        raise OutputError(
            [
                Problem(
                    "the file already exists; nothing was written",
                    Location(out),
                    hint="choose another name with -o, or add --force to replace it",
                )
            ]
        )
    write_atomic(out, source.read_bytes(), force=force)
    return out
