"""Benchmark: every deck module in the library built into one deck for one organisation.

Run: python benchmarks/bench_deck.py [--runs N] [--out deck.pptx]. Prints the slide count,
the median and fastest wall time of plan + write (caches are warm after the first run: the
template's geometry, the logo and the QR codes), and the output size.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from compassion_kit.library import load_library
from compassion_kit.logo import load_logo
from compassion_kit.model import DeckModule
from compassion_kit.profile import load_brand
from compassion_kit.render.deck import DeckRequest, plan_deck, write_deck

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "tests" / "fixtures" / "decks" / "org.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="also save the deck here")
    args = parser.parse_args()
    library = load_library()
    modules = tuple(m for m in library.items("deck") if isinstance(m, DeckModule))
    brand = load_brand(PROFILE)
    request = DeckRequest(
        modules,
        brand,
        load_logo(brand),
        date="12 March 2025",
        venue="Seminar room 2",
        facilitator="Sam Patel",
    )
    times: list[float] = []
    data = b""
    for _ in range(args.runs):
        start = time.perf_counter()
        plan = plan_deck(request)
        data = write_deck(plan, request).data
        times.append(time.perf_counter() - start)
    if args.out:
        args.out.write_bytes(data)
    print(f"{len(modules)} modules, {len(plan.slides)} slides, {args.runs} runs")
    print(
        f"median {statistics.median(times):.3f} s, fastest {min(times):.3f} s, "
        f"first {times[0]:.3f} s"
    )
    print(f"output {len(data) / 1024:.0f} KiB ({len(data)} bytes)")


if __name__ == "__main__":
    main()
