"""Build the Office files of many organisations: here, or in worker processes.

Owns one organisation's build (its outcome, never an exception), the worker processes and what
each does once when it starts, and never leaving a worker behind. Workers are started with
`spawn`, the only method Windows and macOS have, so a batch behaves the same everywhere.
The order of a batch (PDFs, manifests, swapping the folder in) is `batch.py`'s.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.errors import KitError, Problem
from compassion_kit.output import write_fault
from compassion_kit.pack.outcome import PackOutcome, Progress, failed
from compassion_kit.pack.write import finish_pack, render_pack

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from compassion_kit.orgs import OrgSource
    from compassion_kit.pack.spec import Spec

# Not fork, even where it exists: a forked worker inherits threads and locks it cannot use
# (Rich's progress thread, the pool's own), and it is what macOS and Windows users get anyway.
START_METHOD = "spawn"


def build_one(spec: Spec, source: OrgSource, folder: Path) -> PackOutcome:
    """One organisation's Office files in `folder`, or why it could not be built.

    Without PDFs to export, the pack is finished here too (checklist.md and manifest.json),
    in the worker rather than one pack at a time in the parent at the end.
    A failed organisation's folder is removed; a bug becomes a problem with `bug` set, so that
    one organisation's bug does not stop the others.
    """
    from compassion_kit.logo import load_logo

    if source.brand is None:
        return failed(source, source.problems)
    try:
        logo = load_logo(source.brand)
        records = render_pack(spec, source.brand, logo, folder, source.slug)
        manifest = None
        if "pdf" not in spec.formats:
            manifest = finish_pack(spec, source.name, source.slug, folder, records)
        return PackOutcome(source.name, source.slug, source.where, records, manifest=manifest)
    except KitError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return failed(source, exc.problems)
    except Exception as exc:  # one organisation's bug must not stop the others
        shutil.rmtree(folder, ignore_errors=True)
        fault = write_fault(exc, folder)
        if fault is not None:  # a full disk or a size limit: a problem to fix, not a bug
            return failed(source, fault.problems)
        problem = Problem(
            f"internal error: {type(exc).__name__}: {exc}",
            source.location,
            hint="this is a bug in compassion-kit, not in your files; please report it",
        )
        return failed(source, [problem], bug=True)


def build_all(
    spec: Spec,
    sources: Sequence[OrgSource],
    stage: Path,
    jobs: int,
    progress: Progress,
    method: str = START_METHOD,
) -> list[PackOutcome]:
    """Every organisation's outcome, in the order of `sources`, each built in `stage/<slug>`.

    With `jobs` above 1 (and more than one organisation to build), up to `jobs` worker
    processes started with `method` share the work. An interrupt here waits for the packs
    being written to finish (workers ignore Ctrl-C) and ends every worker before it is raised.
    """
    todo = [i for i, s in enumerate(sources) if s.brand is not None]
    workers = min(jobs, len(todo))
    if workers <= 1:
        progress.start(len(sources))
        outcomes = []
        for source in sources:
            outcomes.append(build_one(spec, source, stage / source.slug))
            progress.done(outcomes[-1])
        return outcomes
    with _spec_file(spec) as shared:
        return _build_in_pool(sources, todo, shared, stage, workers, progress, method)


def _build_in_pool(
    sources: Sequence[OrgSource],
    todo: list[int],
    spec_file: Path,
    stage: Path,
    workers: int,
    progress: Progress,
    method: str,
) -> list[PackOutcome]:
    results: dict[int, PackOutcome] = {}
    pool = _open_pool(workers, spec_file, stage, method)
    try:
        from concurrent.futures import as_completed

        futures: dict[Future[PackOutcome], int] = {}
        with _ctrl_c_ignored():  # each of the first `workers` submits starts a worker process
            for i in todo[:workers]:
                futures[pool.submit(_work, sources[i])] = i
        futures.update({pool.submit(_work, sources[i]): i for i in todo[workers:]})
        progress.start(len(sources))
        for index, source in enumerate(sources):
            if source.brand is None:
                results[index] = failed(source, source.problems)
                progress.done(results[index])
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.done(results[futures[future]])
    except BaseException:
        _close(pool, cancel=True)
        raise
    _close(pool, cancel=False)
    return [results[i] for i in range(len(sources))]


@contextlib.contextmanager
def _spec_file(spec: Spec) -> Iterator[Path]:
    """The spec pickled into a temporary file, which each worker reads once when it starts.

    Not the initializer's argument: that is written down a pipe while the process starts, and
    a pipe holds 64 KiB, so the parent would wait for each worker to start Python (about 0.3 s)
    while ignoring Ctrl-C (see `_ctrl_c_ignored`).
    """
    import os
    import pickle
    import tempfile

    handle, name = tempfile.mkstemp(prefix="kit-spec-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(spec, file, protocol=pickle.HIGHEST_PROTOCOL)
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def _open_pool(workers: int, spec_file: Path, stage: Path, method: str) -> ProcessPoolExecutor:
    # Imported here: a single pack needs no worker processes.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(workers, context, _start_worker, (spec_file, stage))


def _close(pool: ProcessPoolExecutor, *, cancel: bool) -> None:
    """Wait for every worker to end, even through a second Ctrl-C: none may outlive the stage."""
    while True:
        try:
            pool.shutdown(wait=True, cancel_futures=cancel)
            return
        except KeyboardInterrupt:
            cancel = True


@contextlib.contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Start processes that ignore Ctrl-C from their first instruction on.

    An ignored signal stays ignored in a spawned process (and Python leaves it so), whereas
    ignoring it in the worker's initializer would leave the worker's start-up (imports, about
    0.3 s) open to a Ctrl-C that prints a traceback. The parent ignores Ctrl-C only while
    it starts the processes, a few milliseconds.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# Below: what runs in each worker process.

_worker: tuple[Spec, Path] | None = None


def _start_worker(spec_file: Path, stage: Path) -> None:
    """Runs once in each worker: import the renderers and their libraries, read the spec.

    Templates are then parsed once per worker, on its first pack (see `template_cache`).
    """
    global _worker
    # The parent decides when to stop: it waits for running packs on Ctrl-C, since a worker
    # dying mid-write would leave half a file for the parent to clean up while it still runs.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    import gc
    import pickle

    _import_renderers()
    # Written by this run's parent a moment ago (`_spec_file`), so it is trusted like our code.
    _worker = (pickle.loads(spec_file.read_bytes()), stage)
    # The modules and the spec live as long as the worker: the cyclic garbage collector need
    # not walk them again on every full collection (a few per cent of each pack's time).
    gc.collect()
    gc.freeze()


def _import_renderers() -> None:
    # The writer packages import python-pptx and python-docx: once here, not on the first pack.
    import compassion_kit.logo
    import compassion_kit.render.agenda
    import compassion_kit.render.deck
    import compassion_kit.render.docx.agenda
    import compassion_kit.render.docx.handout
    import compassion_kit.render.docx.worksheet
    import compassion_kit.render.handout
    import compassion_kit.render.pptx.deck
    import compassion_kit.render.worksheet  # noqa: F401


def _work(source: OrgSource) -> PackOutcome:
    assert _worker is not None, "the worker was not started by _start_worker"
    spec, stage = _worker
    return build_one(spec, source, stage / source.slug)
