"""Every preset and example pack: one print plan behind the run sheet, checklist and manifest.

Each pack is built as a user builds it (`kit init PRESET`, or the example's spec, then
`kit build`), and the three files are read back as a facilitator reads them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.model import Agenda
from compassion_kit.pack import preset_names

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/workshop.yaml"))
CASES = [f"preset:{p}" for p in preset_names()] + [f"example:{p.parent.name}" for p in EXAMPLES]
# "Title (id): 30 copies (one per participant); used in: A; B"
ITEM_LINE = re.compile(r"^  - \[ \] (?P<title>.+) \((?P<id>[a-z0-9-]+)\): (?P<rest>.+)$")
NOT_USED = "not used in any session"
runner = CliRunner()


@dataclass(frozen=True)
class Built:
    out: Path
    manifest: dict[str, Any]

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")

    def files(self, kind: str, audience: str | None = None) -> list[dict[str, Any]]:
        return [
            f
            for f in self.manifest["files"]
            if f["kind"] == kind and (audience is None or f["audience"] == audience)
        ]


@pytest.fixture(scope="module", params=CASES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    what, name = request.param.split(":")
    folder = tmp_path_factory.mktemp(name)
    if what == "preset":
        spec = folder / "workshop.yaml"
        made = runner.invoke(app, ["init", name, "-o", str(spec)])
        assert made.exit_code == 0, made.stderr
    else:
        spec = ROOT / "examples" / name / "workshop.yaml"
    out = folder / "out"
    result = runner.invoke(app, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return Built(out, json.loads((out / "manifest.json").read_text(encoding="utf-8")))


def manifest_lines(built: Built) -> list[tuple[str, str, str, str]]:
    """(id, title, copies, used in) of each item, as the manifest lists them."""
    agendas = bool(built.files("agenda"))
    lines = []
    for item in built.manifest["print"]:
        used = "; ".join(u["title"] for u in item["used_in"]) or (NOT_USED if agendas else "")
        lines.append((item["id"], item["title"], item["copies_text"], used))
    return lines


def checklist_lines(built: Built) -> list[tuple[str, str, str, str]]:
    """(id, title, copies, used in) of each worksheet and handout line of checklist.md."""
    lines = []
    for line in built.text("checklist.md").splitlines():
        found = ITEM_LINE.match(line)
        if found is None:
            continue
        copies, _, where = found["rest"].partition("; ")
        where = where.removeprefix("used in: ").split("; added from the agenda")[0]
        lines.append((found["id"], found["title"], copies, where))
    return lines


def run_sheet_lines(path: Path) -> list[tuple[str, str, str, str]]:
    """(id, title, copies, used in) of each row of a facilitator agenda's print list."""
    tables = Document(str(path)).tables
    rows = [[c.text for c in row.cells] for row in tables[0].rows] if tables else []
    if not rows or rows[0] != ["Item", "Copies", "Used in"]:
        return []
    lines = []
    for item, copies, used in rows[1:]:
        title, _, rest = item.rpartition(" (")
        lines.append((rest.removesuffix(")"), title, copies, used))
    return lines


def test_checklist_and_manifest_list_the_same_items_copies_and_sessions(built: Built):
    expected = manifest_lines(built)
    assert expected, "every preset and example prints something"
    # The checklist groups items by the file they print from; the others follow the day.
    assert sorted(checklist_lines(built)) == sorted(expected)
    for item in built.manifest["print"]:
        if item["copies"] is not None:
            assert item["copies_text"].startswith(f"{item['copies']} cop")


def test_each_facilitator_agendas_run_sheet_lists_the_same_plan(built: Built):
    agendas = built.files("agenda", "facilitator")
    if not agendas:
        assert not built.files("agenda"), "an agenda without its facilitator version"
        pytest.skip("this pack has no agenda, so no run sheet")
    for agenda in agendas:
        assert run_sheet_lines(built.out / agenda["path"]) == manifest_lines(built)


def test_every_agenda_is_listed_for_participants_and_facilitators(built: Built):
    by_agenda: dict[str, set[str]] = {}
    for file in built.files("agenda"):
        by_agenda.setdefault(file["items"][0], set()).add(file["audience"])
    assert all(found == {"participant", "facilitator"} for found in by_agenda.values())


def test_every_item_an_agenda_prints_is_in_the_pack(built: Built):
    library = load_library()
    printed = {i for f in built.files("worksheets") + built.files("handouts") for i in f["items"]}
    planned = {item["id"] for item in built.manifest["print"]}
    for file in built.files("agenda", "participant"):
        agenda = library.get(file["items"][0])
        assert isinstance(agenda, Agenda)
        named = {p.item for s in agenda.sessions for p in s.print}
        assert named <= printed, f"{agenda.id} hands out {named - printed}, not in the pack"
        assert named <= planned
    assert planned <= printed
