"""Build workshop packs: one for the spec's organisation, or one per organisation.

Owns the order of a build (check everything, render, export PDFs, finish, swap into place) and
the batch manifest; the worker processes are `pool.py`'s, printing is `console.py`'s.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from compassion_kit import __version__
from compassion_kit.errors import KitError, ProblemLog, warning_lines
from compassion_kit.orgs import OrgSource, organisation_slug, read_orgs
from compassion_kit.pack.folder import GENERATOR, MANIFEST, check_target, staged_folder
from compassion_kit.pack.outcome import PackOptions, PackOutcome, PackResult, Progress, Quiet
from compassion_kit.pack.plan import SCRIPT
from compassion_kit.pack.pool import build_all
from compassion_kit.pack.spec import Spec, load_spec
from compassion_kit.pack.write import (
    add_pdfs,
    add_script,
    deck_schedule,
    finish_pack,
    render_pack,
    write_json,
)

__all__ = ["build_pack"]

PDF_FOLDER = ".pdf"  # inside the temporary folder; LibreOffice writes every PDF here first


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
    warnings = spec.notes  # with the print plan's: items added from agendas, unused ones
    if sources is not None:  # a built organisation's profile warnings, e.g. a text shade
        warnings += tuple(w for s in sources if s.brand for w in warning_lines(list(s.problems)))
    if sources is None:
        return _single(spec, out, warnings)
    jobs = max(1, options.jobs or os.cpu_count() or 1)
    return _batch(spec, sources, out, jobs, progress or Quiet(), warnings)


def _single(spec: Spec, out: Path, warnings: tuple[str, ...]) -> PackResult:
    assert spec.brand is not None
    organisation = spec.brand.organisation
    slug = organisation_slug(organisation)
    with staged_folder(out) as stage:
        records = render_pack(spec, spec.brand, spec.logo, stage, slug, side_by_side=True)
        if "pdf" in spec.formats:
            from compassion_kit.pdf import export_pdfs

            converted = export_pdfs([[stage / r.path for r in records]], stage / PDF_FOLDER)
            records = add_pdfs(stage, records, converted)
            schedule = deck_schedule(spec)
            records = add_script(stage, records, spec.brand, spec.logo, schedule)
            scripts = [stage / r.path for r in records if r.kind == SCRIPT]
            converted = export_pdfs([scripts], stage / PDF_FOLDER) if scripts else {}
            records = add_pdfs(stage, records, converted, only=SCRIPT)
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
        outcomes = build_all(spec, sources, stage, jobs, progress)
        if not any(o.ok for o in outcomes):  # the stage stays empty: `out` is left as it was
            unwritten = {"generator": GENERATOR, "packs": [_pack_entry(o) for o in outcomes]}
            return PackResult(out, True, tuple(outcomes), unwritten, warnings)
        if "pdf" in spec.formats and any(o.ok for o in outcomes):
            outcomes = _export_all(spec, outcomes, stage, jobs, progress)
            outcomes = _scripts(spec, sources, outcomes, stage, jobs, progress)
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


def _scripts(
    spec: Spec,
    sources: Sequence[OrgSource],
    outcomes: list[PackOutcome],
    stage: Path,
    jobs: int,
    progress: Progress,
) -> list[PackOutcome]:
    """Each built pack's facilitator's script and its PDF (one LibreOffice run per group)."""
    from compassion_kit.logo import load_logo
    from compassion_kit.pdf import export_pdfs

    brands = {s.slug: s.brand for s in sources if s.brand is not None}
    result = []
    for outcome in outcomes:
        brand = brands.get(outcome.slug)
        if outcome.ok and brand is not None:
            folder = stage / outcome.slug
            try:
                schedule = deck_schedule(spec)
                records = add_script(folder, outcome.records, brand, load_logo(brand), schedule)
                outcome = replace(outcome, records=records)
            except KitError as exc:
                shutil.rmtree(folder, ignore_errors=True)
                outcome = replace(outcome, records=(), problems=tuple(exc.problems))
        result.append(outcome)
    scripts = [
        stage / o.slug / r.path for o in result if o.ok for r in o.records if r.kind == SCRIPT
    ]
    if not scripts:
        return result
    progress.note(f"exporting {len(scripts)} facilitator's scripts to PDF with LibreOffice")
    converted = export_pdfs([scripts[i::jobs] for i in range(jobs)], stage / PDF_FOLDER)
    for index, outcome in enumerate(result):
        if outcome.ok:
            try:
                records = add_pdfs(stage / outcome.slug, outcome.records, converted, only=SCRIPT)
                result[index] = replace(outcome, records=records)
            except KitError as exc:
                shutil.rmtree(stage / outcome.slug, ignore_errors=True)
                result[index] = replace(outcome, records=(), problems=tuple(exc.problems))
    shutil.rmtree(stage / PDF_FOLDER, ignore_errors=True)
    return result


def _finish(spec: Spec, outcome: PackOutcome, stage: Path) -> PackOutcome:
    if not outcome.ok or outcome.manifest is not None:  # failed, or finished by its worker
        return outcome
    manifest = finish_pack(
        spec, outcome.organisation, outcome.slug, stage / outcome.slug, outcome.records
    )
    return replace(outcome, manifest=manifest)
