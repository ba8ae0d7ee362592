"""compassion-kit: branded workshop materials for compassionate workplaces.

The public API is small on purpose: `build_pack` and friends live in `compassion_kit.build`
and are re-exported lazily here so that `import compassion_kit` stays fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "build_deck",
    "build_agenda",
    "build_worksheets",
    "build_handouts",
    "build_pack",
    "load_library",
]


def __getattr__(name: str) -> Any:
    # Lazy re-export: the build layer imports YAML loading and the content model, which --help
    # never needs.
    if name in __all__ and name != "__version__":
        import importlib

        return getattr(importlib.import_module("compassion_kit.build"), name)
    raise AttributeError(name)
