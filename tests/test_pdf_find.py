"""LibreOffice is found on PATH, and where its installers put it on Windows and macOS."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path, PureWindowsPath

import pytest

from compassion_kit import pdf


def test_windows_looks_in_both_program_files_folders() -> None:
    found = pdf.install_locations("win32", {}, Path("home"))
    assert [PureWindowsPath(p) for p in found] == [
        PureWindowsPath(r"C:\Program Files\LibreOffice\program\soffice.exe"),
        PureWindowsPath(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
    ]


def test_windows_follows_program_files_when_it_is_elsewhere() -> None:
    found = pdf.install_locations("win32", {"PROGRAMFILES": "D:\\Apps"}, Path("home"))
    assert PureWindowsPath(found[0]) == PureWindowsPath(r"D:\Apps\LibreOffice\program\soffice.exe")


def test_macos_looks_in_applications_then_the_users_own() -> None:
    found = pdf.install_locations("darwin", {}, Path("/Users/sam"))
    assert found == [
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        Path("/Users/sam/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    ]


def test_linux_relies_on_path() -> None:
    assert pdf.install_locations("linux", {}, Path("/home/sam")) == []


def test_path_comes_first_then_the_install_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files"))
    monkeypatch.setenv("PROGRAMFILES(X86)", str(tmp_path / "nothing here"))
    on_path: dict[str, str] = {}
    monkeypatch.setattr(shutil, "which", lambda name: on_path.get(name))
    assert pdf.find_soffice() == str(program)
    on_path["libreoffice"] = "/usr/bin/libreoffice"
    assert pdf.find_soffice() == "/usr/bin/libreoffice"
    on_path["soffice"] = "/usr/bin/soffice"
    assert pdf.find_soffice() == "/usr/bin/soffice"


def test_nothing_installed_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    if Path("/Applications/LibreOffice.app/Contents/MacOS/soffice").is_file():
        pytest.skip("LibreOffice is installed in /Applications on this machine")
    assert pdf.find_soffice() is None
