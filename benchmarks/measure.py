"""Timing one command as a whole process: wall-clock seconds and peak memory, and series of runs.

Used by benchmarks/run.py; on platforms without wait4 (Windows) there is no memory figure.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
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
