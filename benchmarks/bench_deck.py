"""Benchmark: deck modules built into one deck for one organisation, in one process.

Run: python benchmarks/bench_deck.py [--runs N] [--out deck.pptx] [MODULE ...]. Without module
ids it builds every deck module in the library. Prints the slide count, then the median and
fastest time of planning and of writing, and the output size. The first run warms the
per-process caches (template, layout placeholders, logo, QR codes) and is reported apart;
whole-process timings, start-up included, are `benchmarks/run.py`'s.
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="deck module ids (default: all of them)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=None, help="also save the deck here")
    args = parser.parse_args()
    library = load_library()
    ids = args.modules or library.ids("deck")
    modules = tuple(m for m in (library.get(i) for i in ids) if isinstance(m, DeckModule))
    brand = load_brand(PROFILE)
    request = DeckRequest(
        modules,
        brand,
        load_logo(brand),
        date="12 March 2025",
        venue="Seminar room 2",
        facilitator="Sam Patel",
    )
    plans: list[float] = []
    writes: list[float] = []
    data = b""
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        plan = plan_deck(request)
        planned = time.perf_counter()
        data = write_deck(plan, request).data
        plans.append(planned - start)
        writes.append(time.perf_counter() - planned)
    if args.out:
        args.out.write_bytes(data)
    print(f"{len(modules)} modules, {len(plan.slides)} slides, {args.runs} runs after a first")
    for name, times in (("plan", plans), ("write", writes)):
        warm = times[1:]
        print(
            f"{name:<5}  median {statistics.median(warm) * 1000:7.1f} ms, "
            f"fastest {min(warm) * 1000:7.1f} ms, first {times[0] * 1000:7.1f} ms"
        )
    print(f"output {len(data) / 1024:.0f} KiB ({len(data)} bytes)")


if __name__ == "__main__":
    main()
