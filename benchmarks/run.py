"""The one benchmark command: whole-process timings of `kit`, as medians of several runs.

Run from the repository root: python benchmarks/run.py [--runs N] [--quick]. Each case starts
`kit` as a new process (subprocess + time.perf_counter), so start-up, imports and loading the
library are all counted, as a user would feel them. The package is byte-compiled first, as an
installed one is. Takes about five minutes on 2 cores;
--quick uses 40 organisations instead of 200 and fewer runs.

Cases:
  pack       one full pack for one organisation: a ~60-slide deck, both agendas, 15 worksheets
             and handouts (`kit build`)
  batch      the README example for 200 organisations from a generated CSV, --jobs 2
  deck       a 60-slide deck with `kit build-deck` against pandoc building an equivalent deck
             from Markdown with a reference .pptx, as a ratio
  help       `kit --help` against `python -c pass`
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
KIT = [PYTHON, "-m", "compassion_kit"]
EXAMPLE = ROOT / "examples" / "wye-valley"
DECK_MODULES = ["intro", "culture-values", "actions-activities", "leadership-management"]
# Every worksheet and seven handouts: 15 printed items, as a long day might use.
WORKSHEETS = [
    "compassion-audit",
    "six-word-stories",
    "smarter-action-plan",
    "tackling-giants",
    "taking-stock",
    "feedback-form",
    "acts-of-compassion",
    "lab-readiness-check",
]
HANDOUTS = [
    "why-compassion-matters",
    "business-case-infographic",
    "case-hull-pathology-values",
    "case-leicester-thank-you",
    "case-norfolk-staff-platform",
    "workshop-case-studies",
    "staff-support-approaches",
]


def timed(command: list[str], runs: int, before: Callable[[], None] | None = None) -> list[float]:
    """Wall-clock seconds of each run of `command`; a failing run stops the benchmark."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(
                f"benchmark command failed ({done.returncode}): {' '.join(command)}\n"
                f"{done.stderr[-2000:]}"
            )
    return times


def report(name: str, times: list[float], extra: str = "") -> float:
    median = statistics.median(times)
    spread = f"{min(times):.3f}-{max(times):.3f}"
    print(f"{name:<34} median {median:8.3f} s   ({len(times)} runs, {spread}){extra}", flush=True)
    return median


def full_pack_spec(folder: Path) -> Path:
    spec = folder / "full-pack.yaml"
    lines = [
        'title: "Benchmark: a full day with everything"',
        f"organisation: {EXAMPLE / 'org.yaml'}",
        "date: 2027-03-09",
        'venue: "Seminar Room 2"',
        'start: "09:30"',
        'facilitators: ["A. Facilitator"]',
        "participants: 30",
        f"deck: {{modules: [{', '.join(DECK_MODULES)}], agenda: improvement-planning}}",
        "agendas: [improvement-planning]",
        f"worksheets: [{', '.join(WORKSHEETS)}]",
        f"handouts: [{', '.join(HANDOUTS)}]",
    ]
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return spec


def orgs_csv(folder: Path, count: int) -> Path:
    logos = [str(EXAMPLE / "logo.svg"), str(ROOT / "examples" / "fenmoor-hospice" / "logo.png"), ""]
    rows = ["name,short_name,logo,primary,secondary,accent"]
    for i in range(count):
        rows.append(f"Benchmark Trust {i},BT{i:03d},{logos[i % 3]},#00594F,#1D3557,#F4C95D")
    path = folder / "orgs.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def deck_markdown(folder: Path) -> Path:
    """The same slides as Markdown for pandoc: a title, bullets or text, and the notes."""
    sys.path.insert(0, str(ROOT / "src"))
    from compassion_kit.library import load_library

    library = load_library()
    parts = ["---", "title: Benchmark deck", "---", ""]
    for module_id in DECK_MODULES:
        for slide in library.get(module_id).slides:  # type: ignore[union-attr]
            parts.append(f"## {slide.title}\n")
            bullets = getattr(slide, "bullets", None) or []
            parts += [f"{'  ' * b.level}- {b.text}" for b in bullets]
            quote = getattr(slide, "quote", None)
            if quote is not None:
                parts.append(f"> {quote.text}\n>\n> {quote.attribution}")
            parts += ["", "::: notes", slide.notes, ":::", ""]
    path = folder / "deck.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each quick case")
    parser.add_argument("--quick", action="store_true", help="40 organisations, 3 runs")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    count = 40 if args.quick else 200
    env_note = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    # An installed kit runs from compiled bytecode (pip compiles it); an editable checkout
    # under PYTHONDONTWRITEBYTECODE would recompile every module on every run instead.
    compileall.compile_dir(ROOT / "src" / "compassion_kit", quiet=1)
    print(f"compassion-kit benchmarks ({env_note}); whole-process wall-clock times\n")
    work = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        bench(work, runs, count)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench(work: Path, runs: int, count: int) -> None:
    python = report("python -c pass", timed([PYTHON, "-c", "pass"], runs))
    kit_help = report("kit --help", timed([*KIT, "--help"], runs))
    print(f"{'':<34} kit --help minus python start-up: {kit_help - python:.3f} s\n")

    spec = full_pack_spec(work)
    out = work / "pack"
    pack = timed([*KIT, "build", str(spec), "-o", str(out)], runs)
    slides = _slides(out)
    report("one full pack (kit build)", pack, f"  [{slides} slides, {_files(out)} files]")
    small = timed([*KIT, "build", str(EXAMPLE / "workshop.yaml"), "-o", str(work / "wv")], runs)
    report("README example pack (kit build)", small)
    print()

    md = deck_markdown(work)
    reference = ROOT / "templates" / "deck.pptx"
    kit_deck = [*KIT, "build-deck", *DECK_MODULES, "-o", str(work / "kit.pptx")]
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        report("60-slide deck (kit build-deck)", timed(kit_deck, runs))
        print("pandoc not installed: deck comparison skipped\n")
    else:
        command = [pandoc, str(md), "-o", str(work / "pandoc.pptx"), f"--reference-doc={reference}"]
        # Alternate the two so that a busy spell on the machine slows both alike.
        kit_times: list[float] = []
        pandoc_times: list[float] = []
        for _ in range(runs):
            kit_times += timed(kit_deck, 1)
            pandoc_times += timed(command, 1)
        report("60-slide deck (kit build-deck)", kit_times)
        report("60-slide deck (pandoc, Markdown)", pandoc_times)
        ratios = [k / p for k, p in zip(kit_times, pandoc_times, strict=True)]
        print(f"{'':<34} kit / pandoc = {statistics.median(ratios):.2f} (median of pairs)\n")

    orgs = orgs_csv(work, count)
    batch_out = work / "batch"
    command = [
        *KIT,
        "build",
        str(EXAMPLE / "workshop.yaml"),
        "--orgs",
        str(orgs),
        "-o",
        str(batch_out),
        "--jobs",
        "2",
    ]
    # The batch is the long case: stop after the run that takes the total past 100 s.
    times: list[float] = []
    while len(times) < 3 and sum(times) < 100:
        times += timed(command, 1)
    report(
        f"{count} packs, --jobs 2 (kit build)",
        times,
        f"  [{count / statistics.median(times):.1f} packs/s]",
    )


def _slides(out: Path) -> int:
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return sum(f.get("slides", 0) for f in manifest["files"])


def _files(out: Path) -> int:
    return sum(1 for p in out.iterdir() if p.name != "manifest.json")


if __name__ == "__main__":
    main()
