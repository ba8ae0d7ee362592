"""Where the bundled content and templates are, from a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries copies under _bundled/ (see setup.py); a checkout or editable
    # install reads the top-level folders directly, so edits show up without reinstalling.
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name


def content_dir() -> Path:
    """The bundled content library folder."""
    return _bundled("content")


def templates_dir() -> Path:
    """The bundled templates folder."""
    return _bundled("templates")
