"""Rows of an orgs.csv: every problem of every row in one run, and strict CSV reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from compassion_kit.errors import ContentError
from compassion_kit.orgs import read_orgs


def _rows(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orgs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_problem_of_every_row_is_reported(tmp_path: Path):
    path = _rows(
        tmp_path,
        "name,short_name,primary,secondary,paper,logo_alt,survey_url\n"
        "Good Trust,GT,#005EB8,#003087,A4,,\n"
        "Bad Trust,BT,blue,#FFFF00,A3,A picture,forms.example.org\n"
        "Other Trust,OT,#FFB81C,#003087,A4,,,extra\n",
    )
    good, bad, other = read_orgs(path)
    assert good.brand is not None and good.problems == ()
    assert bad.brand is None and other.brand is None
    assert [str(p).split(": error: ")[0] + ": " + (p.field or "") for p in bad.problems] == [
        f"{path}:3:14: primary",  # not a colour
        f"{path}:3:19: secondary",  # too light for text
        f"{path}:3:27: paper",  # A3
        f"{path}:3:30: logo_alt",  # does not name the organisation
        f"{path}:3:40: survey_url",  # not a web address
    ]
    assert "'blue' is not a colour" in str(bad.problems[0])
    assert "#FFFF00 on white has a contrast of 1.07:1" in str(bad.problems[1])
    assert [str(p).split(": error: ")[1][:40] for p in other.problems] == [
        "primary: #FFB81C on white has a contrast",
        "row has 8 cells but there are 7 columns ",
    ]


def test_a_quote_that_is_never_closed_is_an_error_at_its_row(tmp_path: Path):
    path = _rows(tmp_path, 'name,primary\nOne,#005EB8\n"Unbalanced,quote Eps,,,,\nTwo,#005EB8\n')
    with pytest.raises(ContentError) as caught:
        read_orgs(path)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{path}:3: error: this row cannot be read as CSV")
    assert 'write a quote inside such a cell twice ("")' in str(problem)


def test_quoted_cells_with_commas_and_doubled_quotes_are_read(tmp_path: Path):
    path = _rows(tmp_path, 'name,short_name\n"The ""Heron"", Fenmoor",Heron\n')
    (source,) = read_orgs(path)
    assert source.brand is not None
    assert source.brand.organisation.name == 'The "Heron", Fenmoor'


def test_a_row_without_a_name_still_has_its_colours_checked(tmp_path: Path):
    path = _rows(tmp_path, "name,primary,logo_alt\n,#FFFF00,Some logo\n")
    (source,) = read_orgs(path)
    assert [str(p) for p in source.problems] == [
        f"{path}:2:1: error: name: is required but missing (hint: fill in this row's 'name' cell)",
        f"{path}:2:2: error: primary: #FFFF00 on white has a contrast of 1.07:1; text needs at "
        "least 4.5:1 (hint: choose a darker shade (NHS Blue #005EB8 is 6.38:1, Dark Blue "
        "#003087 11.85:1); light colours belong in 'accent', used only as fills)",
    ]
