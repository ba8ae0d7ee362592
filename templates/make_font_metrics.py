"""Write the advance-width table the deck renderer measures text with.

Run once (needs `pip install fonttools` and the Liberation Sans fonts, e.g. Debian's
fonts-liberation): python templates/make_font_metrics.py [FONT-DIR]. The fonts are
metric-compatible with Arial, so the widths stand in for Arial; only the table is committed.
It sits in templates/ so that wheels carry it (setup.py bundles that folder).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "fonts" / "liberation-sans-widths.json"
FACES = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}
# Latin, Greek and Cyrillic, general punctuation, currency, letterlike symbols, arrows, maths.
RANGES = [
    (0x20, 0x52F),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x25A0, 0x25FF),
]


def widths(font_path: Path) -> tuple[int, dict[str, int]]:
    """Units per em and the advance width of every mapped character in RANGES."""
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    table = {
        str(code): metrics[cmap[code]][0]
        for start, end in RANGES
        for code in range(start, end + 1)
        if code in cmap
    }
    return font["head"].unitsPerEm, table


def main(font_dir: Path) -> None:
    data: dict[str, object] = {"source": "Liberation Sans (metric-compatible with Arial)"}
    for face, name in FACES.items():
        units, table = widths(font_dir / name)
        data["units_per_em"] = units
        data[face] = table
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/truetype/liberation"))
