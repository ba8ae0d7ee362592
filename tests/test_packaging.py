"""An installed wheel carries the content library and templates as package data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked tree")
def test_wheel_bundles_content_and_templates(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("compassion_kit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    bundled = {n.split("_bundled/", 1)[1] for n in names if "/_bundled/" in n}
    content = {p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.yaml")}
    assert content <= bundled
    assert any(n.startswith("templates/") for n in bundled)
    assert not any(n.endswith(".py") for n in bundled)
    shutil.rmtree(ROOT / "build", ignore_errors=True)


def test_every_library_the_kit_imports_is_a_runtime_dependency() -> None:
    """A fresh `pip install compassion-kit` (without the test tools) must be able to run it."""
    import ast
    import importlib.metadata
    import re
    import tomllib

    declared = {
        re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
            "dependencies"
        ]
    }
    imported: set[str] = set()
    for path in (ROOT / "src" / "compassion_kit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"compassion_kit"}
    providers = importlib.metadata.packages_distributions()
    missing = {
        module: providers.get(module)
        for module in third_party
        if not {d.lower().replace("_", "-") for d in providers.get(module, [])} & declared
    }
    assert missing == {}
