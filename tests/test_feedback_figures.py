"""`kit feedback` without any Office file: reading each platform's export, classifying its
columns, and the figures, checked against numbers counted by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from compassion_kit.errors import ContentError
from compassion_kit.feedback import FeedbackOptions, analyse
from compassion_kit.feedback.exports import read_export
from compassion_kit.feedback.platforms import (
    GOOGLE_FORMS,
    MICROSOFT_FORMS,
    answer_date,
    detect,
    split_choices,
)
from compassion_kit.feedback.privacy import masked
from compassion_kit.feedback.scales import SCALES, best_scale, normalised, numeric_scale

FIXTURES = Path(__file__).parent / "fixtures" / "feedback"
GOOGLE = FIXTURES / "google-may.csv"
ALL = [
    FIXTURES / "msforms-march.xlsx",
    FIXTURES / "msforms-april.csv",
    GOOGLE,
    FIXTURES / "smartsurvey-june.csv",
]

# google-may.csv counted by hand (6 responses):
#   Overall: very good x3 (one typed "very  good"), good x1, poor x1, don't know x1
#   Relevant: strongly agree x2, agree x2, neither x1 (lower case), disagree x1
#   Recommend (0-10): 10, 10, 9, 8, 7, 4; positive is 9 or 10
#   Useful (checkboxes): group discussion 3, case studies 2, presentation 2, worksheets 1;
#   5 answered
HAND_SCALES = {
    "Overall, how was today's workshop?": ([3, 1, 0, 1, 0], [("Don't know", 1)], 4, 66.7),
    "The session was relevant to my role": ([2, 2, 1, 1, 0], [], 4, 66.7),
}


def test_each_platform_is_recognised_from_its_metadata_columns():
    platforms = [detect(read_export(path).headers).name for path in ALL]
    assert platforms == [
        "Microsoft Forms",
        "Microsoft Forms",
        "Google Forms",
        "SmartSurvey or Online Surveys",
    ]


def test_multiple_choice_encodings_of_each_platform():
    assert split_choices("Group discussion;Case studies;", MICROSOFT_FORMS) == [
        "Group discussion",
        "Case studies",
    ]
    assert split_choices("Presentation, Group discussion", GOOGLE_FORMS) == [
        "Presentation",
        "Group discussion",
    ]


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2026-03-12 14:10:00", "2026-03-12"),  # Microsoft Forms .xlsx, read as a datetime
        ("4/16/26 9:10:30", "2026-04-16"),  # Microsoft Forms CSV, month first
        ("2026/05/14 10:02:11 am GMT+1", "2026-05-14"),  # Google Forms
        ("18/06/2026 11:00:12", "2026-06-18"),  # SmartSurvey, UK order
    ],
)
def test_dates_of_each_platform(cell: str, day: str):
    found = answer_date(cell, MICROSOFT_FORMS)
    assert found is not None and found.isoformat() == day


def test_labels_match_whatever_the_case_or_spacing():
    agreement = SCALES[0]
    assert agreement.label_for("  STRONGLY   agree. ") == "Strongly agree"
    assert agreement.label_for("Strongly agreed") is None
    assert normalised("Don\u2019t know") == "don't know"


def test_a_scale_with_a_misspelt_label_is_found_and_the_label_reported():
    scale, misses = best_scale(["Very good", "Good", "Poor", "Very goood"])
    assert scale is not None and scale.name == "very good to very poor"
    assert misses == ["Very goood"]


def test_numbers_are_a_scale_only_within_0_to_10():
    assert numeric_scale(["1", "5", "3"]) is not None
    assert numeric_scale(["1", "5", "3"]).name == "1 to 5"  # type: ignore[union-attr]
    assert numeric_scale(["0", "10"]).name == "0 to 10"  # type: ignore[union-attr]
    assert numeric_scale(["3", "42"]) is None


def test_emails_phone_numbers_and_the_respondents_name_are_masked_in_comments():
    text = "Thanks, Aisha. Mail a.k@example.org or ring 07700 900123 / +44 (0)1632 960001"
    assert masked(text, ["Aisha Karim", "Aisha", "Karim"]) == (
        "Thanks, [name removed]. Mail [email removed] or ring [phone number removed] / "
        "[phone number removed]"
    )
    assert masked("Session 2 on 12/03/2026 was good") == "Session 2 on 12/03/2026 was good"


def test_figures_of_the_small_google_export_equal_the_hand_count():
    results = analyse([GOOGLE], FeedbackOptions())
    assert results.responses == 6
    by_text = {s.text: s for s in results.scales}
    for text, (counts, other, positive, pct) in HAND_SCALES.items():
        got = by_text[text]
        assert list(got.counts) == counts and list(got.other) == other
        assert (got.n, got.positive, got.percent_positive) == (6, positive, pct)
    recommend = results.scales[2]
    assert recommend.scale == "0 to 10"
    assert dict(zip(recommend.labels, recommend.counts, strict=True)) == {
        "10": 2, "9": 1, "8": 1, "7": 1, "6": 0, "5": 0, "4": 1, "3": 0, "2": 0, "1": 0, "0": 0,
    }  # fmt: skip
    assert (recommend.positive, recommend.percent_positive) == (3, 50.0)
    useful, group = results.choices
    assert useful.multiple and useful.n == 5
    assert list(zip(useful.options, useful.counts, strict=True)) == [
        ("Group discussion", 3), ("Case studies", 2), ("Presentation", 2), ("Worksheets", 1),
    ]  # fmt: skip
    assert not group.multiple
    assert list(zip(group.options, group.counts, strict=True)) == [
        ("Nursing", 4), ("Admin", 1), ("Medical", 1),
    ]  # fmt: skip
    (comments,) = results.comments
    assert comments.comments == (
        "More time for the case studies",
        "Email me at [email removed] for the slides",
        "Call me on [phone number removed] to discuss",
        "Room too warm",
    )
    assert [c for _header, c in results.dropped] == ["timestamp", "email address"]
    assert results.first_date == results.last_date == "2026-05-14"


def test_exports_from_four_platforms_are_sessions_of_one_report_with_a_run_chart():
    results = analyse(ALL, FeedbackOptions())
    assert results.responses == 30
    assert [s.name for s in results.sessions] == [
        "msforms-march", "msforms-april", "google-may", "smartsurvey-june",
    ]  # fmt: skip
    overall = results.run_charts[0]
    # Microsoft Forms and SmartSurvey sessions: 6 of 8 very good or good; Google: 4 of 6.
    assert overall.values == (75.0, 75.0, 66.7, 75.0)
    assert overall.median == 75.0
    assert results.scales[0].positive == 6 + 6 + 4 + 6


def test_by_splits_by_a_choice_column_and_hides_groups_under_five():
    results = analyse(ALL, FeedbackOptions(by="STAFF  group"))
    assert [(g.name, g.responses) for g in results.groups] == [("Admin", 13), ("Nursing", 16)]
    assert results.suppressed == ("Medical",)


def test_by_names_the_choice_columns_when_the_column_is_not_one():
    with pytest.raises(ContentError) as caught:
        analyse([GOOGLE], FeedbackOptions(by="Role"))
    assert "--by 'Role' is not a single-choice column" in str(caught.value)
    assert "Staff group" in str(caught.value)


def test_a_kit_form_column_is_tied_to_its_question_id(tmp_path: Path):
    from compassion_kit.feedback import write_entry_template

    entry = write_entry_template("feedback-form", tmp_path / "entry.csv")
    header = entry.read_text(encoding="utf-8-sig").splitlines()[0]
    rows = ["Ward 7,Very useful,Saw the link with patients," + "," * 22]
    entry.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    results = analyse([entry], FeedbackOptions())
    assert results.form_id == "follow-up-evaluation"
    first = results.scales[0]
    assert first.id == "q1" and first.text.startswith("How useful was the Patients")
    assert first.counts[0] == 1
    why = next(c for c in results.comments if c.id == "q1-why")
    assert why.explains == "q1" and why.comments == ("Saw the link with patients",)


def test_typed_in_paper_forms_give_sessions_from_the_session_column():
    results = analyse([FIXTURES / "paper-feedback-form.csv"], FeedbackOptions())
    assert results.form_id == "follow-up-evaluation"
    assert [(s.name, s.responses) for s in results.sessions] == [("Ward 7", 3), ("Outpatients", 3)]
    useful = results.scales[0]
    # Very useful x2, useful x2, moderately useful x1, not useful x1.
    assert list(useful.counts) == [2, 2, 1, 0, 1] and useful.percent_positive == 66.7
    assert results.run_charts[0].values == (66.7, 66.7)
    why = next(c for c in results.comments if c.id == "q1-why")
    assert len(why.comments) == 4


def test_a_question_asking_for_a_name_or_email_is_dropped_like_metadata(tmp_path: Path):
    export = tmp_path / "own-form.csv"
    export.write_text(
        "Your name (optional);Overall, how was today's workshop?;Any other comments?\n"
        "Ann Lee;Good;Ann here, thanks\n"
        "Raj Paul;Very good;Lovely day\n",
        encoding="utf-8",
    )
    results = analyse([export], FeedbackOptions())
    assert [held for _c, held in results.dropped] == ["name"]
    assert results.comments[0].comments == ("[name removed] here, thanks", "Lovely day")
    assert results.scales[0].positive == 2


def test_short_comments_that_look_like_labels_stay_comments(tmp_path: Path):
    export = tmp_path / "comments.csv"
    export.write_text(
        "Timestamp,The session was relevant to my role,Any other comments?\n"
        "2026/05/14 10:00:00,Agree,Good\n"
        "2026/05/14 10:01:00,Strongly agree,Very good\n"
        "2026/05/14 10:02:00,Agree,Nothing to add\n",
        encoding="utf-8",
    )
    results = analyse([export], FeedbackOptions())
    assert [s.text for s in results.scales] == ["The session was relevant to my role"]
    assert results.comments[0].comments == ("Good", "Very good", "Nothing to add")
