"""Build workshop packs: one for the spec's organisation, or one per organisation in parallel.

Owns the order of a build (check everything, render, export PDFs, finish, swap into place),
the worker processes and each organisation's outcome; printing is `console.py`'s.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from compassion_kit import __version__
from compassion_kit.errors import KitError, Problem, ProblemLog
from compassion_kit.orgs import OrgSource, organisation_slug, read_orgs
from compassion_kit.output import write_fault
from compassion_kit.pack.checklist import missing_print_items
from compassion_kit.pack.folder import GENERATOR, MANIFEST, check_target, staged_folder
from compassion_kit.pack.spec import Spec, load_spec
from compassion_kit.pack.write import add_pdfs, finish_pack, render_pack, write_json
from compassion_kit.records import FileRecord

if TYPE_CHECKING:
    from concurrent.futures import Future

PDF_FOLDER = ".pdf"  # inside the temporary folder; LibreOffice writes every PDF here first


@dataclass(frozen=True)
class PackOptions:
    """What `kit build` can be told besides the spec and the output folder.

    `orgs` is a CSV file or a folder of profiles (one pack each); `jobs` is how many packs
    are built at once (default: one per processor); `pdf` adds a PDF of every file.
    """

    orgs: Path | None = None
    jobs: int | None = None
    pdf: bool = False
    force: bool = False  # build at the folder `out` links to, if it is a symbolic link


@dataclass(frozen=True)
class PackOutcome:
    """How one organisation's pack went: its manifest when built, its problems when not."""

    organisation: str
    slug: str
    where: str
    records: tuple[FileRecord, ...] = ()
    problems: tuple[Problem, ...] = ()
    bug: bool = False
    manifest: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems


class Progress(Protocol):
    """Told about a batch as it goes (console.py shows a progress bar or one line each)."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: PackOutcome) -> None: ...

    def note(self, message: str) -> None: ...


class _Quiet:
    def start(self, total: int) -> None:
        pass

    def done(self, outcome: PackOutcome) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class PackResult:
    """What `kit build` made: one pack, or a batch of packs with each organisation's outcome."""

    out: Path
    batch: bool
    outcomes: tuple[PackOutcome, ...]
    manifest: dict[str, Any]
    warnings: tuple[str, ...] = ()

    @property
    def failed(self) -> tuple[PackOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def exit_code(self) -> int:
        """0 when every pack was built, 1 when some organisation failed, 3 for a bug."""
        if any(o.bug for o in self.outcomes):
            return 3
        return 1 if self.failed else 0


def build_pack(
    spec_path: Path,
    out: Path,
    options: PackOptions | None = None,
    progress: Progress | None = None,
) -> PackResult:
    """Build the workshop pack(s) described by `spec_path` into the folder `out`.

    Without `options.orgs`, `out` holds one pack for the spec's organisation. With it, `out`
    holds a folder per organisation and a manifest.json listing every organisation's status;
    an organisation that fails (bad colour, missing logo) does not stop the others. Either
    way the whole of `out` is built beside it and swapped in at the end, so an error or an
    interrupt leaves `out` as it was.

    Raises:
        KitError: problems in the spec, the content, the organisation (single pack), the
            orgs file as a whole or the output folder; nothing is written.
    """
    options = options or PackOptions()
    log = ProblemLog()
    spec = log.attempt(
        lambda: load_spec(spec_path, own_organisation=options.orgs is None, pdf=options.pdf)
    )
    orgs = options.orgs
    sources = log.attempt(lambda: read_orgs(orgs)) if orgs is not None else None
    target = log.attempt(lambda: check_target(out, force=options.force))
    log.raise_if_any()
    assert spec is not None and target is not None
    out = target
    warnings = tuple(missing_print_items(spec.workshop, spec.schedules))
    if sources is None:
        return _single(spec, out, warnings)
    jobs = max(1, options.jobs or os.cpu_count() or 1)
    return _batch(spec, sources, out, jobs, progress or _Quiet(), warnings)


def _single(spec: Spec, out: Path, warnings: tuple[str, ...]) -> PackResult:
    assert spec.brand is not None
    organisation = spec.brand.organisation
    slug = organisation_slug(organisation)
    with staged_folder(out) as stage:
        records = render_pack(spec, spec.brand, spec.logo, stage, slug, parallel=True)
        if "pdf" in spec.formats:
            from compassion_kit.pdf import export_pdfs

            converted = export_pdfs([[stage / r.path for r in records]], stage / PDF_FOLDER)
            records = add_pdfs(stage, records, converted)
            shutil.rmtree(stage / PDF_FOLDER)
        manifest = finish_pack(spec, organisation.name, slug, stage, records)
    outcome = PackOutcome(organisation.name, slug, str(spec.path), records, manifest=manifest)
    noted = tuple(f"{r.path}: {w}" for r in records for w in r.warnings if r.format != "pdf")
    return PackResult(out, False, (outcome,), manifest, warnings + noted)


def _batch(
    spec: Spec,
    sources: Sequence[OrgSource],
    out: Path,
    jobs: int,
    progress: Progress,
    warnings: tuple[str, ...],
) -> PackResult:
    with staged_folder(out) as stage:
        outcomes = _build_all(spec, sources, stage, jobs, progress)
        if not any(o.ok for o in outcomes):  # the stage stays empty: `out` is left as it was
            unwritten = {"generator": GENERATOR, "packs": [_pack_entry(o) for o in outcomes]}
            return PackResult(out, True, tuple(outcomes), unwritten, warnings)
        if "pdf" in spec.formats and any(o.ok for o in outcomes):
            outcomes = _export_all(spec, outcomes, stage, jobs, progress)
        outcomes = [_finish(spec, o, stage) for o in outcomes]
        previous = _previous_packs(out)
        packs = [_pack_entry(o) for o in outcomes]
        for entry in packs:
            _keep_previous(entry, previous, out, stage)
        manifest = {
            "generator": GENERATOR,
            "version": __version__,
            "workshop": spec.workshop.title,
            "date": spec.workshop.date,
            "formats": list(spec.formats),
            "packs": packs,
        }
        write_json(stage / MANIFEST, manifest)
    return PackResult(out, True, tuple(outcomes), manifest, warnings)


def _previous_packs(out: Path) -> dict[str, dict[str, Any]]:
    """Slug -> manifest entry of each pack an earlier run built in `out`."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    packs = data.get("packs", []) if isinstance(data, dict) else []
    return {
        p["slug"]: p for p in packs if isinstance(p, dict) and p.get("folder") and p.get("slug")
    }


def _keep_previous(
    entry: dict[str, Any], previous: Mapping[str, dict[str, Any]], out: Path, stage: Path
) -> None:
    """An organisation that fails now keeps the pack an earlier run built for it."""
    old = previous.get(entry.get("slug") or "")
    if entry["status"] != "failed" or old is None or not (out / old["folder"]).is_dir():
        return
    shutil.copytree(out / old["folder"], stage / old["folder"])
    entry.update(folder=old["folder"], files=old.get("files", []), kept="the previous pack")


def _pack_entry(outcome: PackOutcome) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "organisation": outcome.organisation,
        "slug": outcome.slug,
        "source": outcome.where,
        "status": "built" if outcome.ok else "failed",
    }
    if outcome.ok and outcome.manifest is not None:
        entry["folder"] = outcome.slug
        entry["files"] = outcome.manifest["files"]
    else:
        entry["problems"] = [str(p) for p in outcome.problems]
    return entry


def _failed(source: OrgSource, problems: Sequence[Problem], bug: bool = False) -> PackOutcome:
    return PackOutcome(source.name, source.slug, source.where, problems=tuple(problems), bug=bug)


def _build_one(spec: Spec, source: OrgSource, folder: Path) -> PackOutcome:
    """One organisation's Office files, or why it could not be built (its folder removed)."""
    from compassion_kit.logo import load_logo

    if source.brand is None:
        return _failed(source, source.problems)
    try:
        logo = load_logo(source.brand)
        records = render_pack(spec, source.brand, logo, folder, source.slug)
        return PackOutcome(source.name, source.slug, source.where, records)
    except KitError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return _failed(source, exc.problems)
    except Exception as exc:  # one organisation's bug must not stop the others
        shutil.rmtree(folder, ignore_errors=True)
        fault = write_fault(exc, folder)
        if fault is not None:  # a full disk or a size limit: a problem to fix, not a bug
            return _failed(source, fault.problems)
        problem = Problem(
            f"internal error: {type(exc).__name__}: {exc}",
            source.location,
            hint="this is a bug in compassion-kit, not in your files; please report it",
        )
        return _failed(source, [problem], bug=True)


def _import_renderers() -> None:
    """Import what every pack needs, once, so forked workers share it (memory and time)."""
    import compassion_kit.logo
    import compassion_kit.render.agenda
    import compassion_kit.render.deck
    import compassion_kit.render.handout
    import compassion_kit.render.worksheet  # noqa: F401


_worker: tuple[Spec, Path] | None = None


def _start_worker(spec: Spec, stage: Path) -> None:
    """Runs once in each worker: keep the shared spec; leave Ctrl-C to the parent."""
    global _worker
    # The parent stops the pool on Ctrl-C and waits for running packs; a worker dying
    # mid-write would leave half a file for the parent to clean up while it still runs.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = (spec, stage)


def _work(source: OrgSource) -> PackOutcome:
    assert _worker is not None
    spec, stage = _worker
    return _build_one(spec, source, stage / source.slug)


def _build_all(
    spec: Spec, sources: Sequence[OrgSource], stage: Path, jobs: int, progress: Progress
) -> list[PackOutcome]:
    results: dict[int, PackOutcome] = {}
    todo = [i for i, s in enumerate(sources) if s.brand is not None]
    workers = min(jobs, len(todo))
    if workers <= 1:
        progress.start(len(sources))
        for index, source in enumerate(sources):
            results[index] = _build_one(spec, source, stage / source.slug)
            progress.done(results[index])
        return [results[i] for i in range(len(sources))]
    # Fork where it is safe (Linux): workers start with the library already loaded and
    # checked and the renderers imported. Elsewhere each worker receives the spec once,
    # through the initializer.
    # Imported here: a single pack needs no worker processes (~35 ms of start-up).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        _import_renderers()
    pool = ProcessPoolExecutor(
        workers, multiprocessing.get_context(method), _start_worker, (spec, stage)
    )
    try:
        # Submitting forks every worker at once, before the progress bar starts its thread.
        futures: dict[Future[PackOutcome], int] = {pool.submit(_work, sources[i]): i for i in todo}
        progress.start(len(sources))
        for index, source in enumerate(sources):
            if source.brand is None:
                results[index] = _failed(source, source.problems)
                progress.done(results[index])
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress.done(results[futures[future]])
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [results[i] for i in range(len(sources))]


def _export_all(
    spec: Spec, outcomes: list[PackOutcome], stage: Path, jobs: int, progress: Progress
) -> list[PackOutcome]:
    """PDFs of every built pack, with one LibreOffice run per group of packs (`jobs` groups)."""
    from compassion_kit.pdf import export_pdfs

    built = [o for o in outcomes if o.ok]
    groups = [built[i::jobs] for i in range(min(jobs, len(built)))]
    batches = [[stage / o.slug / r.path for o in group for r in o.records] for group in groups]
    progress.note(f"exporting {sum(len(b) for b in batches)} files to PDF with LibreOffice")
    converted = export_pdfs(batches, stage / PDF_FOLDER)
    result = []
    for outcome in outcomes:
        if outcome.ok:
            try:
                outcome = replace(
                    outcome, records=add_pdfs(stage / outcome.slug, outcome.records, converted)
                )
            except KitError as exc:
                shutil.rmtree(stage / outcome.slug, ignore_errors=True)
                outcome = replace(outcome, records=(), problems=tuple(exc.problems))
        result.append(outcome)
    shutil.rmtree(stage / PDF_FOLDER, ignore_errors=True)
    return result


def _finish(spec: Spec, outcome: PackOutcome, stage: Path) -> PackOutcome:
    if not outcome.ok:
        return outcome
    manifest = finish_pack(
        spec, outcome.organisation, outcome.slug, stage / outcome.slug, outcome.records
    )
    return replace(outcome, manifest=manifest)
