"""`kit check`: an independent accessibility and NHS identity checker for .pptx, .docx and .pdf.

Owns reading any Office file (ours or anyone's) through python-pptx/python-docx, and any PDF
through pikepdf, imported only when a file is checked, and reporting the rules KIT001-KIT019 of
ACCESSIBILITY.md and the PDF rules KIT020-KIT026. It never imports the renderers: it checks
what is in the file, not what we meant to write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.check.findings import RULES, Finding, Findings
from compassion_kit.check.ooxml import RESAVE, NotANumber, NotOffice
from compassion_kit.check.opening import open_package
from compassion_kit.check.palette import Identity, identity_of

if TYPE_CHECKING:
    from compassion_kit.profile import Brand

__all__ = [
    "PROFILES",
    "RULES",
    "CheckReport",
    "Finding",
    "check_file",
    "check_files",
    "files_to_check",
]

PROFILES = ("screen", "print", "large-print")
SUFFIXES = (".pptx", ".docx", ".pdf")


@dataclass(frozen=True)
class CheckReport:
    """What `kit check` found: every finding, and the files that were read."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]

    def count(self, severity: str) -> int:
        """How many findings have `severity` (E, W or T)."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def failed(self) -> bool:
        """True when any finding is an error (E); warnings and tips never fail a check."""
        return self.count("E") > 0

    def as_json(self) -> dict[str, object]:
        """The report for `--json`: files, counts by severity, and every finding."""
        return {
            "files": list(self.files),
            "errors": self.count("E"),
            "warnings": self.count("W"),
            "tips": self.count("T"),
            "findings": [f.as_json() for f in self.findings],
        }


def files_to_check(paths: Iterable[Path]) -> list[Path]:
    """The .pptx, .docx and .pdf files among `paths`, folders searched recursively, in sorted order.

    Word and PowerPoint lock files ("~$name.docx") are skipped. A path that does not exist is
    returned as it is, so that checking it reports the problem.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith("~$")
            )
        else:
            found.append(path)
    return found


def check_file(path: Path, who: Identity | None = None, profile: str = "screen") -> list[Finding]:
    """Every finding for one file.

    A file that cannot be checked (not a regular file, too large, damaged, hostile, or another
    kind of file than its name says) gives one KIT000 error saying why, and nothing else.
    """
    from compassion_kit.check import docx_rules, pptx_rules

    who = who or identity_of(None)
    found = Findings(str(path))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        found.add(
            "file", "KIT000", "E", "not a .pptx, .docx or .pdf file", "check .pptx, .docx or .pdf"
        )
        return found.result()
    if suffix == ".pdf":
        return _check_pdf(path, found)
    pkg = None
    try:
        pkg = open_package(path)
        if suffix == ".pptx":
            pptx_rules.check_pptx(pkg, found, who, profile)
        else:
            docx_rules.check_docx(pkg, found, who, profile)
    except NotOffice as exc:
        return _unreadable(path, f"the file {exc.message}", exc.hint)
    except NotANumber as exc:
        part = pkg.part_of(exc.element) if pkg is not None else None
        return _unreadable(path, f"the file is damaged: {exc.describe(part)}", RESAVE)
    except (ValueError, KeyError, IndexError, ZeroDivisionError) as exc:
        # A file that breaks the schema in a way Office tolerates: report, do not crash.
        message = f"cannot be checked: {type(exc).__name__}: {exc}"
        return _unreadable(path, message, "save it again from Office, then check it again")
    return found.result()


def _check_pdf(path: Path, found: Findings) -> list[Finding]:
    import pikepdf

    from compassion_kit.check.pdf_rules import check_pdf, open_pdf

    try:
        with open_pdf(path) as doc:
            check_pdf(doc, found)
    except NotOffice as exc:
        return _unreadable(path, f"the file {exc.message}", exc.hint)
    except (pikepdf.PdfError, ValueError, KeyError, IndexError, TypeError, RuntimeError) as exc:
        # pikepdf reads objects lazily: damage deep in the file shows up while rules run.
        message = f"cannot be checked: {type(exc).__name__}: {exc}"
        return _unreadable(path, message, "export or save it as PDF again, then check it again")
    return found.result()


def _unreadable(path: Path, message: str, hint: str) -> list[Finding]:
    """The one KIT000 finding of a file that could not be checked to the end."""
    found = Findings(str(path))
    found.add("file", "KIT000", "E", message, hint)
    return found.result()


def check_files(
    paths: Sequence[Path], brand: Brand | None = None, profile: str = "screen"
) -> CheckReport:
    """Check every .pptx, .docx and .pdf in `paths` (folders are searched) against `brand`.

    Without a brand, fonts are held to Arial/Frutiger and colours to the NHS palette, and the
    logo is not checked. Raises ContentError when the brand's logo cannot be read.
    """
    who = identity_of(brand)
    files = files_to_check(paths)
    findings: list[Finding] = []
    for path in files:
        findings += check_file(path, who, profile)
    return CheckReport(tuple(str(p) for p in files), tuple(findings))
