"""The rendering tests say what is missing on a newcomer's machine instead of failing."""

from __future__ import annotations

import shutil

import pytest

from support import office


def _without_fonts(monkeypatch: pytest.MonkeyPatch, ci: bool) -> None:
    monkeypatch.setattr(office, "METRIC_FONTS", ("A Font Nobody Has",))
    monkeypatch.setattr(office, "IN_CI", ci)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    office.missing_fonts.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    office.missing_fonts.cache_clear()
    yield
    office.missing_fonts.cache_clear()


def test_a_missing_metric_font_skips_with_the_install_command(monkeypatch: pytest.MonkeyPatch):
    if shutil.which("fc-list") is None:
        pytest.skip("needs fontconfig's fc-list to ask for a font")
    _without_fonts(monkeypatch, ci=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        office.require_tools("soffice", "pdfinfo")
    assert "A Font Nobody Has" in str(skipped.value)
    assert "apt install fonts-liberation" in str(skipped.value)


def test_a_missing_metric_font_fails_in_ci(monkeypatch: pytest.MonkeyPatch):
    if shutil.which("fc-list") is None:
        pytest.skip("needs fontconfig's fc-list to ask for a font")
    _without_fonts(monkeypatch, ci=True)
    with pytest.raises(pytest.fail.Exception, match="fonts-liberation"):
        office.require_fonts()


def test_tools_without_libreoffice_do_not_need_the_fonts(monkeypatch: pytest.MonkeyPatch):
    _without_fonts(monkeypatch, ci=True)
    office.require_tools("pdfinfo")  # poppler alone measures no text
