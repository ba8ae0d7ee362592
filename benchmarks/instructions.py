"""Instructions per organisation pack, kit against the plain library loop: a count that does not
move with the machine's load, as timings on a shared machine do.

Run: python benchmarks/instructions.py [--packs N] (needs valgrind: apt-get install valgrind).
For each side it runs this script's worker under `valgrind --tool=callgrind` twice, once
writing one pack and once writing 1 + N packs of the batch's organisations in one process, and
prints the difference divided by N: what one more pack costs once the libraries are imported
and the templates read. Each run takes a few minutes (valgrind runs Python about 50 times slower).
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import inputs

ROOT = Path(__file__).resolve().parent.parent
SPEC = inputs.EXAMPLE / "workshop.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=3, help="packs counted beyond the first")
    parser.add_argument(
        "--worker", nargs=3, metavar=("SIDE", "FOLDER", "COUNT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        side, folder, count = args.worker
        _write_packs(side, Path(folder), int(count))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    with tempfile.TemporaryDirectory(prefix="kit-instructions-") as scratch:
        folder = Path(scratch)
        inputs.orgs_csv(folder, 1 + args.packs)
        sample = folder / "sample-pack"
        subprocess.run(
            [sys.executable, "-m", "compassion_kit", "build", str(SPEC), "-o", str(sample)],
            check=True,
            capture_output=True,
        )
        inputs.write_pack_text(folder, sample)
        counts = {}
        for side in ("kit", "plain"):
            one, more = (_instructions(side, folder, n) for n in (1, 1 + args.packs))
            counts[side] = (more - one) / args.packs
            print(f"{side}: {counts[side] / 1e6:,.0f} million instructions per pack", flush=True)
        print(f"kit / plain loop: {counts['kit'] / counts['plain']:.2f}")


def _instructions(side: str, folder: Path, count: int) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--worker",
        side,
        str(folder),
        str(count),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _write_packs(side: str, folder: Path, count: int) -> None:
    """`count` packs of the organisations in folder/orgs.csv, one after another, as a worker."""
    out = folder / f"out-{side}-{count}"
    out.mkdir()
    if side == "kit":
        from compassion_kit.orgs import read_orgs
        from compassion_kit.pack import pool
        from compassion_kit.pack.spec import load_spec

        spec = load_spec(SPEC, own_organisation=False, pdf=False)
        pool._import_renderers()
        for source in read_orgs(folder / "orgs.csv")[:count]:
            assert pool.build_one(spec, source, out / source.slug).ok
        return
    import plain_loop

    with (folder / "orgs.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))[:count]
    for row in rows:
        plain_loop.build_one((row, str(folder / "pack-text.json"), str(out)))


if __name__ == "__main__":
    main()
