"""Copy the top-level content/ and templates/ folders into the wheel as package data.

They live at the top of the repository (where authors edit them); an installed kit finds
them under compassion_kit/_bundled/ (see src/compassion_kit/paths.py).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("content", "templates")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "make_*.py")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the folders in place
        target = Path(self.build_lib) / "compassion_kit" / "_bundled"
        for name in BUNDLED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(ROOT / name, target / name, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithData})
