"""Golden outlines: every output of every example, preset and the whole library stays the same.

Each case is built into tmp_path and every file it writes is turned into a text outline
(tests/support/outline.py, read through python-pptx and python-docx), compared with
tests/golden/<case>/<file>.txt. A difference fails with a unified diff.

When a change to the output is intended, run

    pytest tests/test_golden.py --update-golden

then render the changed files (LibreOffice to PDF, then to PNG) and LOOK at them before
committing the new outlines, and say in the commit message why the output changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from support.outline import outline

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ROOT / "examples"
PRESETS = [
    "actions-activities",
    "community-conversation",
    "culture-values",
    "improvement-lab",
    "improvement-planning",
    "introductory",
]
# The --orgs batch builds the same workshop for ten organisations. Every pack's manifest and
# checklist is kept; the Office files only for packs that differ in kind: an SVG logo, a PNG
# logo, no logo, US Letter paper (the others repeat these with other names and colours).
BATCH_OFFICE_FILES = {"harbour-lights", "kestrel-mhp", "gas", "northfold"}
HOW_TO_UPDATE = (
    "The outline of a built file changed. If the change is intended, run "
    "`pytest tests/test_golden.py --update-golden`, then render the changed files with "
    "LibreOffice (to PDF, then PNG), look at them, and commit the new outlines saying why."
)


@dataclass(frozen=True)
class Case:
    """A golden case: the `kit` arguments that build it (SPEC and OUT filled in by the test)."""

    name: str
    spec: Path | None  # None: written by `kit init <preset>` first
    extra: tuple[str, ...] = ()
    preset: str | None = None


CASES = [
    *(Case(f"example-{p.parent.name}", p) for p in sorted(EXAMPLES.glob("*/workshop.yaml"))),
    Case(
        "example-orgs-batch",
        EXAMPLES / "wye-valley" / "workshop.yaml",
        ("--orgs", str(EXAMPLES / "orgs.csv"), "--jobs", "2"),
    ),
    *(Case(f"preset-{p}", None, preset=p) for p in PRESETS),
    Case("library", GOLDEN / "library" / "workshop.yaml"),
]


def build_case(case: Case, tmp_path: Path) -> Path:
    """Build `case` into tmp_path/out and return that folder (fails the test if kit fails)."""
    spec = case.spec
    if spec is None:
        spec = tmp_path / "workshop.yaml"
        made = runner.invoke(app, ["init", str(case.preset), "-o", str(spec)])
        assert made.exit_code == 0, made.stderr
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(spec), "-o", str(out), *case.extra])
    assert result.exit_code == 0, result.stderr
    return out


def kept(case: Case, relative: Path) -> bool:
    if case.name != "example-orgs-batch" or relative.suffix not in (".pptx", ".docx"):
        return True
    return relative.parts[0] in BATCH_OFFICE_FILES


def outlines(case: Case, out: Path, tmp_path: Path) -> dict[str, str]:
    """Golden file name -> outline text, for every file the case wrote."""
    replace = {str(tmp_path): "<tmp>", str(ROOT): "<repo>"}
    found = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        relative = path.relative_to(out)
        if kept(case, relative):
            found[relative.as_posix() + ".txt"] = outline(path, replace)
    return found


def golden_files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.txt"))
    }


def write_golden(folder: Path, found: dict[str, str]) -> None:
    for old in folder.rglob("*.txt"):
        old.unlink()
    for name, text in found.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def differences(expected: dict[str, str], found: dict[str, str], limit: int = 60) -> list[str]:
    """A readable report: files missing or new, then a unified diff per changed file."""
    report = []
    for name in sorted(expected.keys() - found.keys()):
        report.append(f"no longer written: {name}")
    for name in sorted(found.keys() - expected.keys()):
        report.append(f"new output without a golden outline: {name}")
    for name in sorted(expected.keys() & found.keys()):
        if expected[name] != found[name]:
            diff = list(
                difflib.unified_diff(
                    expected[name].splitlines(),
                    found[name].splitlines(),
                    f"golden/{name}",
                    f"built/{name}",
                    lineterm="",
                )
            )
            cut = f"... ({len(diff) - limit} more diff lines)" if len(diff) > limit else None
            report.extend(diff[:limit] + ([cut] if cut else []))
    return report


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_outputs_match_their_golden_outlines(tmp_path: Path, case: Case, update_golden: bool):
    out = build_case(case, tmp_path)
    found = outlines(case, out, tmp_path)
    assert found, f"{case.name} wrote no files"
    folder = GOLDEN / case.name
    if update_golden:
        write_golden(folder, found)
        return
    expected = golden_files(folder)
    assert expected, f"tests/golden/{case.name}/ has no outlines yet. {HOW_TO_UPDATE}"
    report = differences(expected, found)
    assert not report, HOW_TO_UPDATE + "\n" + "\n".join(report)


def test_the_outline_tells_apart_what_a_reader_sees(tmp_path: Path):
    # The comparison must be able to fail: a changed word, style or page size shows up.
    out = build_case(next(c for c in CASES if c.name == "example-wye-valley"), tmp_path)
    deck = next(out.glob("*.pptx"))
    document = next(out.glob("*participant.docx"))
    from docx import Document
    from pptx import Presentation

    before = outline(deck), outline(document)
    prs = Presentation(str(deck))
    prs.slides[0].shapes.title.text_frame.paragraphs[0].runs[0].text = "Changed"
    prs.save(str(deck))
    doc = Document(str(document))
    doc.paragraphs[0].style = doc.styles["Normal"]
    doc.sections[0].page_width = doc.sections[0].page_width + 12700  # one point
    doc.save(str(document))
    after = outline(deck), outline(document)
    assert '"Changed"' in after[0] and '"Changed"' not in before[0]
    changed = list(difflib.ndiff(before[1].splitlines(), after[1].splitlines()))
    assert any(line.startswith("+ section 1") for line in changed)
    assert any(line.startswith("+   p [Normal]") for line in changed)
