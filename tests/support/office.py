"""Check generated .pptx/.docx files with independent tools.

- the OOXML validator `openxml-audit` (a port of Microsoft's Open XML SDK checks), strict;
- LibreOffice headless, converting to PDF (own profile, one output folder per input);
- poppler's `pdfinfo` and `pdftotext` to count pages and read back the words.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


# Arial's metric-compatible stand-in: without it LibreOffice lays text out with other widths,
# so overflow and page-count checks fail for a reason that is not the kit's.
METRIC_FONTS = ("Liberation Sans",)
FONTS_INSTALL = (
    "install the Liberation fonts: apt install fonts-liberation, "
    "dnf install liberation-sans-fonts, or brew install --cask font-liberation"
)


def require_tools(*names: str) -> None:
    """Skip the test when a tool is missing, except in CI, where that is a failure.

    A test that renders with LibreOffice also needs the metric-compatible fonts.
    """
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        _unavailable(f"needs {', '.join(missing)} (install libreoffice and poppler-utils)")
    if "soffice" in names:
        require_fonts()


def require_fonts() -> None:
    """Skip (fail in CI) when fontconfig lists no Liberation Sans, the metric twin of Arial.

    Without `fc-list` (no fontconfig) nothing can be checked, and the test runs.
    """
    lacking = missing_fonts()
    if lacking:
        _unavailable(
            f"needs the font {', '.join(lacking)} to measure text as Arial; {FONTS_INSTALL}"
        )


@functools.cache
def missing_fonts() -> tuple[str, ...]:
    """The METRIC_FONTS fontconfig does not know; empty when all are there or it cannot tell."""
    if shutil.which("fc-list") is None:
        return ()
    found = []
    for family in METRIC_FONTS:
        listed = subprocess.run(
            ["fc-list", f"{family}:style=Regular", "family"],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        if family.lower() not in listed.lower():
            found.append(family)
    return tuple(found)


def _unavailable(message: str) -> None:
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@functools.cache
def _validator():  # type: ignore[no-untyped-def]
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(strict=True, max_errors=50)


def validation_errors(path: Path) -> list[str]:
    """Every error and warning the strict OOXML validator reports for `path`."""
    result = _validator().validate(str(path))
    found = [
        f"{e.severity.value}: {e.description} [{getattr(e, 'path', '')}]" for e in result.errors
    ]
    for warning in getattr(result, "warnings", []) or []:
        found.append(f"warning: {getattr(warning, 'description', warning)}")
    return found


def assert_valid_ooxml(path: Path) -> None:
    """Fail with the validator's own words when `path` is not clean (warnings count)."""
    errors = validation_errors(path)
    assert not errors, f"{path.name} fails OOXML validation:\n" + "\n".join(errors[:20])


def to_pdf(path: Path, workdir: Path) -> Path:
    """Convert with LibreOffice headless; fail if no PDF appears (soffice exits 0 anyway).

    Skips (fails in CI) without LibreOffice, poppler or the metric-compatible fonts.
    """
    require_tools("soffice", "pdfinfo", "pdftotext")
    assert SOFFICE is not None
    outdir = workdir / f"pdf-{path.stem}"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=False,
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (path.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 0, f"LibreOffice could not convert {path.name}"
    return pdf


def pdf_pages(pdf: Path) -> int:
    """Number of pages `pdfinfo` counts."""
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert match, out
    return int(match.group(1))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text (one page when `page` is given, 1-based)."""
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True)
    return result.stdout


def words(text: str) -> list[str]:
    """Lower-case words, for checking that every word of a slide reached the page."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))
