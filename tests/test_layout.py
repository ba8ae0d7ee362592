"""The package's shape (STYLE.md sections 2 and 5): small modules, and the Office libraries only
where their writers and readers live."""

from __future__ import annotations

import ast
from pathlib import Path

import compassion_kit

PACKAGE = Path(compassion_kit.__file__).parent
MODULE_LINES = 300
# Packages (relative to the kit) that may import each library; the rest must go through them.
ALLOWED = {
    "pptx": ("render/pptx/", "check/"),
    "docx": ("render/docx/", "check/"),
    "typer": ("cli/",),
    "rich": ("console.py",),
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_module_is_over_300_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in _modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert not long, f"split these by responsibility (STYLE.md section 5): {long}"


def test_office_libraries_are_imported_only_by_their_writers_and_check() -> None:
    misplaced = []
    for path in _modules():
        where = path.relative_to(PACKAGE).as_posix()
        for library in _imported_roots(path) & ALLOWED.keys():
            if not where.startswith(ALLOWED[library]):
                misplaced.append(f"{where} imports {library}")
    assert not misplaced, misplaced


def test_the_writer_packages_really_use_the_libraries() -> None:
    users = {
        library: [p for p in _modules() if library in _imported_roots(p)]
        for library in ("pptx", "docx")
    }
    assert any("render/pptx" in p.as_posix() for p in users["pptx"])
    assert any("render/docx" in p.as_posix() for p in users["docx"])
