"""File and folder names the kit makes are accepted by Windows, macOS and Linux."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from compassion_kit.names import MAX_STEM, file_name, is_reserved, safe_stem
from compassion_kit.orgs import slug
from compassion_kit.pack.plan import plan_files
from compassion_kit.pack.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def assert_safe(name: str) -> None:
    assert not UNSAFE.search(name), name
    assert not is_reserved(name), name
    assert name == name.rstrip(". "), name
    assert name


def test_reserved_device_names_are_known_in_any_case_and_with_any_extension() -> None:
    for name in ["CON", "con", "Prn.txt", "aux.tar.gz", "NUL ", "com1.docx", "LPT9", "COM¹"]:
        assert is_reserved(name), name
    for name in ["console", "con-org", "com10", "lpt0", "nul-file.docx", "xcon"]:
        assert not is_reserved(name), name


def test_reserved_names_get_a_suffix_before_their_first_dot() -> None:
    assert safe_stem("CON") == "CON-file"
    assert safe_stem("nul.v2") == "nul-file.v2"
    assert file_name("aux", "docx") == "aux-file.docx"


def test_characters_windows_refuses_and_trailing_dots_go() -> None:
    assert safe_stem('a<b>c:d"e/f\\g|h?i*j') == "a-b-c-d-e-f-g-h-i-j"
    assert safe_stem("tab\there\x00") == "tab-here-"
    assert safe_stem("notes. . ") == "notes"
    assert safe_stem("...") == "file"


def test_long_names_are_cut_and_stay_apart() -> None:
    first = safe_stem("x" * 120 + "-participant")
    second = safe_stem("x" * 120 + "-facilitator")
    assert re.fullmatch(r"x+-[0-9a-f]{8}", first)
    assert len(first) == len(second) == MAX_STEM
    assert first != second
    assert safe_stem("short") == "short"


@given(st.text(max_size=200))
def test_any_text_becomes_a_safe_short_name(text: str) -> None:
    stem = safe_stem(text)
    assert len(stem) <= MAX_STEM + len("-file")
    assert_safe(stem)
    assert_safe(file_name(text, "docx"))


def test_an_organisation_called_con_gets_a_folder_windows_can_make() -> None:
    assert slug("CON") == "con-org"
    assert slug("Nul") == "nul-org"
    assert slug("Com 1") == "com-1"  # already safe: the hyphen makes it another name
    assert slug("LPT1") == "lpt1-org"


@given(st.text(max_size=80))
def test_every_organisation_slug_is_a_safe_folder_name(text: str) -> None:
    folder = slug(text)
    assert_safe(folder)
    assert re.fullmatch(r"[a-z0-9-]+", folder) and len(folder) <= 44


def test_every_file_a_pack_plans_has_a_safe_name() -> None:
    spec = load_spec(ROOT / "examples" / "wye-valley" / "workshop.yaml")
    long_prefix = "x" * 90  # longer than any slug and date: every name must be cut
    files = plan_files(spec.workshop, spec.library, long_prefix)
    assert len(files) > 3 and len({f.name for f in files}) == len(files)
    for file in files:
        assert_safe(file.name)
        assert len(file.name) <= MAX_STEM + len(".docx")
