"""File and folder names that every system accepts, Windows included.

Owns the rules (no reserved device names, no characters Windows refuses, no trailing dots or
spaces, short enough for Windows paths) and slugs (any script to plain lower-case Latin);
which names a pack holds is `pack/plan.py`'s, which organisation gets which slug `orgs.py`'s.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Windows refuses these as a file's name before its first dot, in any case and with any
# extension ("nul.docx" too): they are devices.
RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)]
    + [f"{device}{n}" for device in ("com", "lpt") for n in "¹²³"]
)
# A pack's deepest path is its folder, the organisation's folder and a file name; Windows
# paths stop at 260 characters unless long paths are switched on, so names stay well short.
MAX_STEM = 100
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def is_reserved(name: str) -> bool:
    """Whether Windows treats `name` (a file or folder name) as a device, e.g. 'CON.txt'."""
    return name.split(".")[0].rstrip(" ").lower() in RESERVED


def safe_stem(text: str, limit: int = MAX_STEM) -> str:
    """`text` made usable as a file name without its extension, on any system.

    Characters Windows refuses become '-' and trailing dots and spaces go. A reserved name
    gets '-file' before its first dot ('nul.v2' -> 'nul-file.v2'). A name over `limit`
    characters is cut and ends with eight characters of its hash, so two long names that
    start alike stay apart. An empty result is 'file'.
    """
    stem = _UNSAFE.sub("-", text).rstrip(". ")
    if len(stem) > limit:
        digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
        stem = f"{stem[: limit - 9].rstrip('. -')}-{digest}"
    if not stem:
        return "file"
    if is_reserved(stem):
        head, dot, rest = stem.partition(".")
        return f"{head}-file{dot}{rest}"
    return stem


def file_name(stem: str, extension: str) -> str:
    """A safe file name: `safe_stem(stem)` and the extension (given without its dot)."""
    return f"{safe_stem(stem)}.{extension}"


def slug(text: str) -> str:
    """A folder- and file-name-friendly form: 'WVHB' -> 'wvhb', "St Ann's" -> 'st-anns'.

    Accents are dropped and other scripts written in Latin letters ('Больница' ->
    'bol-nitsa'); anything else that is not a letter or digit becomes one hyphen, and the
    result is at most 40 characters; an empty result becomes 'organisation', and a name
    Windows keeps for devices gets '-org' ('CON' -> 'con-org').
    """
    from anyascii import anyascii  # only batches and packs name folders

    # Marks go first: anyascii would spell Arabic's short vowels, which most names leave out.
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    plain = anyascii(letters).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")
    words = words[:40].rstrip("-") or "organisation"
    return f"{words}-org" if is_reserved(words) else words
