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
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import inputs

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_SCRIPT = Path(PYTHON).with_name("kit.exe" if os.name == "nt" else "kit")
# The installed console script, as a user starts it; `python -m` from a bare checkout.
KIT = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "compassion_kit"]
FIGURES = ("help", "pack", "deck", "batch")
MIB = 1024 * 1024


@dataclass
class Run:
    seconds: float
    peak_bytes: int | None  # largest resident set of the process or any child it waited for


@dataclass
class Series:
    """The runs of one command, with a label for the table."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mib(self) -> float | None:
        peaks = [r.peak_bytes for r in self.runs if r.peak_bytes is not None]
        return max(peaks) / MIB if peaks else None

    def spread(self) -> str:
        times = [r.seconds for r in self.runs]
        return f"{min(times):.3f}-{max(times):.3f} s" if len(times) > 1 else "one run"


# Started by a small launcher process: Linux counts the memory of the process that forks a
# child in the child's peak (ru_maxrss is kept across fork and exec), so forking from this
# script, which has loaded python-pptx and the library, would report its size for every
# command. The launcher times the command itself and prints seconds, exit code, peak KiB/bytes.
LAUNCHER = """
import os, sys, time
devnull = os.open(os.devnull, os.O_WRONLY)
start = time.perf_counter()
quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def measure(command: list[str], before: Callable[[], None] | None = None) -> Run:
    """Wall-clock time and peak memory of one run of `command`; a failing run stops all.

    Peak memory is the largest resident set of the command's process or of any child it
    waited for (its workers); None where the platform cannot tell (Windows).
    """
    if before is not None:
        before()
    with tempfile.TemporaryFile() as errors:
        if hasattr(os, "wait4") and hasattr(os, "posix_spawnp"):
            launched = subprocess.run(
                [PYTHON, "-S", "-c", LAUNCHER, *command], stdout=subprocess.PIPE, stderr=errors
            )
            seconds_text, code_text, peak_text = launched.stdout.split()
            seconds, code = float(seconds_text), int(code_text)
            # ru_maxrss is in KiB on Linux, bytes on macOS.
            peak: int | None = int(peak_text) * (1 if sys.platform == "darwin" else 1024)
        else:
            start = time.perf_counter()
            code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=errors).returncode
            seconds, peak = time.perf_counter() - start, None
        if code != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-2000:]
            sys.exit(f"benchmark command failed ({code}): {' '.join(command)}\n{tail}")
    return Run(seconds, peak)


def fresh(folder: Path) -> Callable[[], None]:
    """Empties `folder` before a run, so every run writes into an empty folder."""
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def progress(series: Series) -> None:
    run = series.runs[-1]
    memory = f", {run.peak_bytes / MIB:.0f} MiB" if run.peak_bytes else ""
    print(f"  {series.label}: {run.seconds:.3f} s{memory}", file=sys.stderr, flush=True)


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
            out = work / "pack"
            self._add(
                "pack",
                "one full pack",
                [*KIT, "build", str(self.pack_spec), "-o", str(out)],
                fresh(out),
            )
            self.slides.setdefault("pack", _slides(out))
        pairs: list[list[tuple[str, str, list[str], Path | None]]] = []
        if "deck" in self.only:
            kit_deck = [*KIT, "build-deck", *self.deck_ids, "-o", str(work / "kit.pptx")]
            pair = [("deck-kit", "every deck module, kit build-deck", kit_deck, None)]
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
        for pair in pairs:
            for key, label, command, out in pair if number % 2 == 0 else reversed(pair):
                self._add(key, label, command, fresh(out) if out else lambda: None)
        if "deck" in self.only:
            self.slides.setdefault("kit", _slides_of(work / "kit.pptx"))


def _slides(pack: Path) -> int:
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    return sum(f.get("slides", 0) for f in manifest["files"])


def _slides_of(deck: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(deck)).slides)


def paired_ratio(bench: Bench, a: str, b: str) -> float | None:
    """Median of the per-round ratios a/b (each pair ran back to back)."""
    if a not in bench.series or b not in bench.series:
        return None
    pairs = zip(bench.series[a].runs, bench.series[b].runs, strict=True)
    return statistics.median(x.seconds / y.seconds for x, y in pairs)


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= target else "**not met**"


def table(bench: Bench) -> list[str]:
    """The Markdown table for the README: one row per figure, with its target."""
    s = bench.series
    rows = ["| figure | median | target | |", "| --- | --- | --- | --- |"]

    def row(text: str, value: str, target: str, met: str) -> None:
        rows.append(f"| {text} | {value} | {target} | {met} |")

    if "help" in s:
        base = s["python"].median
        row(
            f"`kit --help` (`python -c pass`: {base:.3f} s)",
            f"{s['help'].median:.3f} s",
            "≤ 0.12 s",
            verdict(s["help"].median, 0.12),
        )
    if "pack" in s:
        row(
            f"one full pack: {bench.slides.get('pack', '?')}-slide deck, both agendas, "
            "15 worksheets and handouts",
            f"{s['pack'].median:.3f} s",
            "≤ 1.2 s",
            verdict(s["pack"].median, 1.2),
        )
    if "deck-kit" in s:
        row(
            f"every deck module in one deck ({bench.slides.get('kit', '?')} slides), "
            "`kit build-deck`",
            f"{s['deck-kit'].median:.3f} s",
            "",
            "",
        )
    if "deck-pandoc" in s:
        ratio = paired_ratio(bench, "deck-kit", "deck-pandoc")
        row(
            f"the same {bench.slides.get('pandoc', '?')} slides and notes from Markdown, "
            "`pandoc --reference-doc templates/deck.pptx`",
            f"{s['deck-pandoc'].median:.3f} s",
            "",
            "",
        )
        row(
            "kit / pandoc (median of back-to-back pairs)",
            f"{ratio:.2f}×",
            "≤ 1.5×",
            verdict(ratio, 1.5),
        )
    if "batch-kit" in s:
        kit = s["batch-kit"]
        row(
            f"{bench.orgs} organisation packs, `kit build --orgs … --jobs 2`",
            f"{kit.median:.1f} s",
            "≤ 25 s",
            verdict(kit.median, 25.0),
        )
        plain, ratio = s["batch-plain"], paired_ratio(bench, "batch-kit", "batch-plain")
        row(
            "the same files, a plain python-pptx/python-docx loop, 2 processes",
            f"{plain.median:.1f} s",
            "",
            "",
        )
        row(
            "kit / plain loop (median of back-to-back pairs)",
            f"{ratio:.2f}×",
            "≤ 1×",
            verdict(ratio, 1.0),
        )
        row(
            "peak memory of the largest kit process in the batch (plain loop: "
            f"{plain.peak_mib or 0:.0f} MiB)",
            f"{kit.peak_mib or 0:.0f} MiB",
            "≤ 150 MiB",
            verdict(kit.peak_mib, 150.0),
        )
    return rows


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
    print("\n".join(table(bench)))
    print()
    for series in bench.series.values():
        print(f"- {series.label}: {len(series.runs)} run(s), {series.spread()}")
    for note in bench.notes:
        print(f"\nNote: {note}")


if __name__ == "__main__":
    main()
