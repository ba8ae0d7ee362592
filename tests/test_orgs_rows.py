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
        "Bad Trust,BT,bleu,#FFFF00,A3,A picture,forms.example.org\n"
        "Other Trust,OT,#FFB81C,#003087,A4,,,extra\n",
    )
    good, bad, other = read_orgs(path)
    assert good.brand is not None and good.problems == ()
    assert bad.brand is None and other.brand is None
    assert [f"{p.location}: {p.severity}: {p.field}" for p in bad.problems] == [
        f"{path}:3:14: error: primary",  # not a colour
        f"{path}:3:19: warning: secondary",  # too light for text: a darker shade is used
        f"{path}:3:27: error: paper",  # A3
        f"{path}:3:30: warning: logo_alt",  # does not name the organisation
        f"{path}:3:40: error: survey_url",  # not a web address
    ]
    assert "'bleu' is not a colour (did you mean 'blue'?)" in str(bad.problems[0])
    assert "#FFFF00 on white has a contrast of 1.07:1" in str(bad.problems[1])
    assert [str(p).split(f"{path}:4:")[1][:50] for p in other.problems] == [
        "16: warning: primary: #FFB81C on white has a contr",
        " error: row has 8 cells but there are 7 columns (h",
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
        f"{path}:2:2: warning: primary: #FFFF00 on white has a contrast of 1.07:1, too low "
        "for text: text uses the darker shade #7A7A00 (4.55:1), fills, rules and charts keep "
        "#FFFF00 (hint: to choose the text shade yourself, give a darker colour here and put "
        "the light one in 'accent')",
    ]
