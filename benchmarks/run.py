"""The benchmark: whole-process timings of `kit` against its targets, medians of alternating runs.

Run from the repository root: python benchmarks/run.py [--runs N] [--quick] [--only NAME ...].
Every run starts a new process, so start-up, imports and loading the library are all counted,
as a user feels them; peak memory is the largest resident set of any process of the run (from
wait4). The cases take turns, one run each per round, and the pairs (kit and pandoc, kit and the
plain library loop) run back to back in alternating order, so a busy spell on the machine slows
both sides alike. The package is byte-compiled first, as an installed one is.

Figures (issue 12 item 7):
  help    `kit --help`                                              target <= 0.12 s
  pack    one full pack: ~60-slide deck, both agendas, 15 worksheets
          and handouts (`kit build`)                                target <= 1.2 s
  deck    every bundled deck module in one deck (`kit build-deck`,
          no organisation, so no logo, as pandoc places none)
          against pandoc making the same slides and notes from
          Markdown with templates/deck.pptx as reference            target kit/pandoc <= 1.5
  batch   200 organisation packs (the README example), --jobs 2,
          against a plain python-pptx/python-docx loop with two
          processes making the same files (benchmarks/plain_loop.py) target <= 25 s,
                                                                    kit/plain <= 1, <= 150 MiB
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import inputs
from figures import table
from measure import PYTHON, Series, fresh, measure, progress

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(PYTHON).with_name("kit.exe" if os.name == "nt" else "kit")
# The installed console script, as a user starts it; `python -m` from a bare checkout.
KIT = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "compassion_kit"]
FIGURES = ("help", "pack", "deck", "batch")
# One timed command: series key, label, command, output folder to empty before each run.
Step = tuple[str, str, list[str], Path | None]


class Bench:
    """The selected cases, their inputs in a scratch folder, and their runs so far."""

    def __init__(self, work: Path, only: set[str], orgs: int) -> None:
        self.work, self.only, self.orgs = work, only, orgs
        self.series: dict[str, Series] = {}
        self.pandoc = shutil.which("pandoc")
        self.notes: list[str] = []
        self.deck_ids: list[str] = []
        self.slides: dict[str, int] = {}
        self._prepare()

    def _prepare(self) -> None:
        work = self.work
        if "pack" in self.only:
            self.pack_spec = inputs.full_pack_spec(work)
        if "deck" in self.only:
            listed = subprocess.run(
                [*KIT, "list", "--kind", "deck", "--json"], capture_output=True, check=True
            )
            self.deck_ids = [item["id"] for item in json.loads(listed.stdout)]
            self.markdown, self.slides["pandoc"] = inputs.deck_markdown(work, self.deck_ids)
            if self.pandoc is None:
                print("pandoc not found: the deck comparison is skipped", file=sys.stderr)
                self.notes.append(
                    "pandoc is not installed, so the deck comparison was skipped: install it "
                    "(apt-get install pandoc, brew install pandoc or pandoc.org) and run again"
                )
        if "batch" in self.only:
            self.orgs_csv = inputs.orgs_csv(work, self.orgs)
            sample = work / "sample-pack"
            measure([*KIT, "build", str(inputs.EXAMPLE / "workshop.yaml"), "-o", str(sample)])
            self.pack_text = inputs.write_pack_text(work, sample)

    def _add(self, key: str, label: str, command: list[str], before: Callable[[], None]) -> None:
        series = self.series.setdefault(key, Series(label))
        series.runs.append(measure(command, before))
        progress(series)

    def round(self, number: int) -> None:
        """One run of every selected case; pairs swap their order every other round."""
        work = self.work
        if "help" in self.only:
            self._add("python", "python -c pass", [PYTHON, "-c", "pass"], lambda: None)
            self._add("help", "kit --help", [*KIT, "--help"], lambda: None)
        if "pack" in self.only:
            pack = work / "pack"
            self._add(
                "pack",
                "one full pack",
                [*KIT, "build", str(self.pack_spec), "-o", str(pack)],
                fresh(pack),
            )
            self.slides.setdefault("pack", _slides(pack))
        for pair in self._pairs():
            for key, label, command, out in pair if number % 2 == 0 else reversed(pair):
                self._add(key, label, command, fresh(out) if out else lambda: None)
        if "deck" in self.only:
            self.slides.setdefault("kit", _slides_of(work / "kit.pptx"))

    def _pairs(self) -> list[list[Step]]:
        """The compared commands: kit and pandoc for the deck, kit and the plain loop."""
        work = self.work
        pairs: list[list[Step]] = []
        if "deck" in self.only:
            kit_deck = [*KIT, "build-deck", *self.deck_ids, "-o", str(work / "kit.pptx")]
            pair: list[Step] = [("deck-kit", "every deck module, kit build-deck", kit_deck, None)]
            if self.pandoc is not None:
                pandoc = [
                    self.pandoc,
                    str(self.markdown),
                    "-o",
                    str(work / "pandoc.pptx"),
                    f"--reference-doc={ROOT / 'templates' / 'deck.pptx'}",
                ]
                pair.append(("deck-pandoc", "the same deck, pandoc from Markdown", pandoc, None))
            pairs.append(pair)
        if "batch" in self.only:
            kit_out, plain_out = work / "batch-kit", work / "batch-plain"
            spec = str(inputs.EXAMPLE / "workshop.yaml")
            kit_batch = [
                *KIT,
                "build",
                spec,
                "--orgs",
                str(self.orgs_csv),
                "-o",
                str(kit_out),
                "--jobs",
                "2",
            ]
            plain = [
                PYTHON,
                str(ROOT / "benchmarks" / "plain_loop.py"),
                str(self.pack_text),
                str(self.orgs_csv),
                str(plain_out),
                "--jobs",
                "2",
            ]
            pairs.append(
                [
                    ("batch-kit", f"{self.orgs} packs, kit build --jobs 2", kit_batch, kit_out),
                    ("batch-plain", f"{self.orgs} packs, plain library loop", plain, plain_out),
                ]
            )
        return pairs


def _slides(pack: Path) -> int:
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    return sum(f.get("slides", 0) for f in manifest["files"])


def _slides_of(deck: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(deck)).slides)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds of every case (at least 3)")
    parser.add_argument("--quick", action="store_true", help="one run of each case")
    parser.add_argument(
        "--only",
        action="append",
        choices=FIGURES,
        metavar="NAME",
        help=f"only this figure ({', '.join(FIGURES)}); repeat for more",
    )
    parser.add_argument("--orgs", type=int, default=200, help="organisations in the batch")
    args = parser.parse_args()
    runs = 1 if args.quick else max(3, args.runs)
    only = set(args.only or FIGURES)
    # An installed kit runs from compiled bytecode; an editable checkout under
    # PYTHONDONTWRITEBYTECODE would recompile every module on every run instead.
    compileall.compile_dir(ROOT / "src" / "compassion_kit", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        bench = Bench(work, only, args.orgs)
        for number in range(runs):
            print(f"round {number + 1} of {runs}", file=sys.stderr, flush=True)
            bench.round(number)
        report(bench, runs, sys.argv[1:])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(bench: Bench, runs: int, argv: list[str]) -> None:
    pandoc = "no pandoc"
    if bench.pandoc:
        version = subprocess.run([bench.pandoc, "--version"], capture_output=True, text=True)
        pandoc = version.stdout.splitlines()[0]
    command = " ".join(["python benchmarks/run.py", *argv])
    if hasattr(os, "getloadavg"):
        load = f"load average {os.getloadavg()[1]:.1f} over the last 5 minutes, "
        bench.notes.insert(0, load + "so the figures hold only for a machine as busy as that")
    print(
        f"\n`{command}`: medians of {runs} alternating run(s), whole processes; "
        f"{os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}, "
        f"{pandoc}, {datetime.date.today().isoformat()}.\n"
    )
    print("\n".join(table(bench.series, bench.slides, bench.orgs)))
    print()
    for series in bench.series.values():
        print(f"- {series.label}: {len(series.runs)} run(s), {series.spread()}")
    for note in bench.notes:
        print(f"\nNote: {note}")


if __name__ == "__main__":
    main()
