"""The model's own validation layer: every mistake found at once, located, in plain words."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from compassion_kit.loading import read_yaml_text
from compassion_kit.model import DEFAULT_ORGANISATION, DeckModule, Organisation, Worksheet
from compassion_kit.model.common import Source
from compassion_kit.model.deck import Chart, ChartSeries, ChartSlide
from compassion_kit.model.validate import ModelError, build, validate_document
from compassion_kit.model.workshop import Workshop

SOURCE = "source: {title: T, publisher: P, year: 2020}\nprovenance: {from_source: all}\n"
SHEET_HEAD = "id: ws-test\nkind: worksheet\ntitle: T\nelement: 1\naudience: All\n" + SOURCE
DECK_HEAD = "id: deck-test\nkind: deck\ntitle: T\nelement: intro\naudience: All\n" + SOURCE


def problems(text: str, model: type) -> list[str]:
    """Every problem found in `text` read as `model`, as printed (file:line:col: ...)."""
    found, listed = validate_document(read_yaml_text(text, Path("t.yaml")), model)
    assert (found is None) == bool(listed)
    return [str(problem) for problem in listed]


def test_unknown_key_names_the_closest_field_and_not_the_echoed_missing_one():
    text = SHEET_HEAD + "blocks:\n  - kind: writing\n    promt: Why?\n"
    assert problems(text, Worksheet) == [
        "t.yaml:10:5: error: blocks.0.promt: is not a field the kit knows "
        "(hint: did you mean 'prompt'?)"
    ]


def test_unknown_key_far_from_any_field_lists_the_valid_ones():
    assert problems("name: Trust\nzzz: 1\n", Organisation) == [
        "t.yaml:2:1: error: zzz: is not a field the kit knows (hint: valid fields here: "
        "colours, font, logo, logo_alt, name, paper, short_name, support, survey_url)"
    ]


def test_missing_field_points_at_its_block():
    assert problems("name: Trust\nsupport:\n  - name: Helpline\n", Organisation) == [
        "t.yaml:3:5: error: support.0.contact: is required but missing (hint: add it to this block)"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("5", "title: should be text; put it in quotes if it looks like a number (got 5)"),
        ('"  "', 'title: is too short: it needs at least 1 character (got "  ")'),
    ],
)
def test_text_is_never_made_from_numbers_and_is_stripped_first(value: str, message: str):
    text = f"title: {value}\nformats: [pptx]\n"
    assert problems(text, Workshop) == [f"t.yaml:1:8: error: {message}"]


@pytest.mark.parametrize(
    ("escape", "code"), [("\\x01", "0001"), ("\\v", "000B"), ("\\uFFFF", "FFFF")]
)
def test_text_with_a_character_office_files_cannot_hold_is_refused(escape: str, code: str):
    # YAML refuses such characters typed into the file, but not written as escapes.
    what = "the character" if code == "FFFF" else "the control character"
    assert problems(f'title: "Day{escape}one"\n', Workshop) == [
        f"t.yaml:1:8: error: title: contains {what} U+{code}, which Office files "
        "cannot hold (hint: delete it; for a line break, start a new item or paragraph)"
    ]


def test_a_wrong_block_value_is_located_at_its_key():
    assert problems("title: [a]\n", Workshop) == [
        "t.yaml:1:1: error: title: should be text; put it in quotes if it looks like a number "
        "(got ['a'])"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ten", 'should be a whole number (got "ten")'),
        ("2.5", "should be a whole number (got 2.5)"),
        ("true", "should be a whole number (got True)"),
        ("0", "should be 1 or more (got 0)"),
        ('"0"', 'should be 1 or more (got "0")'),
        ("2001", "should be 2000 or less (got 2001)"),
        ("1" * 5000, f'should be a whole number (got "{"1" * 56}...)'),  # too long for int()
        (f'"{"2" * 5000}"', f'should be a whole number (got "{"2" * 56}...)'),
    ],
)
def test_whole_numbers_refuse_fractions_words_and_true_and_keep_to_limits(value: str, message):
    assert problems(f"title: T\nparticipants: {value}\n", Workshop) == [
        f"t.yaml:2:15: error: participants: {message}"
    ]


def test_whole_floats_and_digits_in_quotes_are_numbers_and_text_is_stripped():
    text = 'title: "  A day  "\nparticipants: 12.0\ngroups: " 3 "\nvenue: " Hall "\n'
    workshop, listed = validate_document(read_yaml_text(text, Path("t.yaml")), Workshop)
    assert listed == [] and workshop is not None
    assert (workshop.title, workshop.participants, workshop.groups) == ("A day", 12, 3)
    assert workshop.venue == "Hall"
    assert workshop.formats == ["pptx", "docx"]  # the default


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('"nan"', '"nan"'),
        ('"-Infinity"', '"-Infinity"'),
        ('"1e400"', '"1e400"'),
        ("1.0e+400", "inf"),
    ],
)
def test_numbers_that_are_not_finite_are_refused(value: str, shown: str):
    chart = (
        "slides:\n  - id: s1\n    kind: chart\n    title: T\n    notes: N\n    chart:\n"
        f"      type: bar\n      categories: [A]\n      series: [{{name: S, values: [{value}]}}]\n"
        "      caption: C\n"
    )
    assert problems(DECK_HEAD + chart, DeckModule) == [
        f"t.yaml:16:35: error: slides.0.chart.series.0.values.0: should be a number (got {shown})"
    ]


def test_element_written_as_a_number_is_read_as_its_name():
    text = DECK_HEAD.replace("element: intro", "element: 2") + (
        "slides:\n  - {id: s1, kind: quote, title: T, notes: N, quote: {text: Q, attribution: A}}\n"
    )
    deck, listed = validate_document(read_yaml_text(text, Path("t.yaml")), DeckModule)
    assert listed == [] and deck is not None and deck.element == "2"


def test_list_lengths_and_a_too_long_list_is_reported_alone():
    text = SHEET_HEAD + (
        "blocks:\n"
        "  - {kind: ticks, options: [a], rows: [r]}\n"
        "  - {kind: ticks, options: [1, 2, 3, 4, 5, 6, 7, 8], rows: [r]}\n"
    )
    assert problems(text, Worksheet) == [
        "t.yaml:9:19: error: blocks.0.options: needs at least 2 entries (got ['a'])",
        "t.yaml:10:19: error: blocks.1.options: can have at most 7 entries "
        "(got [1, 2, 3, 4, 5, 6, 7, 8])",
    ]


def test_a_block_without_kind_lists_the_kinds_and_an_unknown_kind_points_at_it():
    text = SHEET_HEAD + "blocks:\n  - prompt: Why?\n  - kind: poster\n"
    assert problems(text, Worksheet) == [
        "t.yaml:9:5: error: blocks.0: needs a 'kind' field (hint: one of 'heading', "
        "'instructions', 'writing', 'ticks', 'scale', 'table', 'checklist', 'list', 'fishbone')",
        "t.yaml:10:11: error: blocks.1.kind: unknown kind \"poster\"; use one of 'heading', "
        "'instructions', 'writing', 'ticks', 'scale', 'table', 'checklist', 'list', 'fishbone'",
    ]


def test_every_mistake_in_a_document_is_reported_at_once_in_field_order():
    text = (
        "title: 5\n"
        "date: 2027-02-30\n"
        "start: '9.30'\n"
        "deck: {modules: [Bad_Id], agenda: x}\n"
        "formats: [pptx, odt]\n"
        "handouts: [ho-one, ho-one]\n"
        "venu: Hall\n"
    )
    assert problems(text, Workshop) == [
        "t.yaml:1:8: error: title: should be text; put it in quotes if it looks like a number "
        "(got 5)",
        "t.yaml:2:7: error: date: '2027-02-30' is not a date written as YYYY-MM-DD, "
        "e.g. 2027-03-09",
        "t.yaml:3:8: error: start: '9.30' is not a 24-hour clock time such as 09:30",
        't.yaml:4:18: error: deck.modules.0: "Bad_Id" is not a valid id '
        "(hint: use lower-case letters, digits and single hyphens, e.g. culture-values)",
        't.yaml:4:35: error: deck.agenda: is too short: it needs at least 2 characters (got "x")',
        "t.yaml:6:1: error: handouts: 'ho-one' is listed twice; list each one once",
        "t.yaml:5:17: error: formats.1: must be one of 'pptx', 'docx' or 'pdf' (got \"odt\")",
        "t.yaml:7:1: error: venu: is not a field the kit knows (hint: did you mean 'venue'?)",
    ]


def test_whole_object_checks_run_once_the_fields_are_valid():
    chart = "{categories: [a, b], series: [{name: S, values: [1]}]}"
    text = DECK_HEAD + f"slides:\n  - {{id: s1, kind: chart, title: T, notes: N, chart: {chart}}}\n"
    assert problems(text, DeckModule) == [
        "t.yaml:9:47: error: slides.0.chart: series 'S' has 1 values but there are "
        "2 categories; give one value per category"
    ]


def test_a_shorthand_entry_is_located_at_what_was_written():
    # `handouts: [x]` is read as `[{id: x}]`; the mistake is about the text written.
    assert problems("title: T\nhandouts: [x]\n", Workshop) == [
        't.yaml:2:12: error: handouts.0: is too short: it needs at least 2 characters (got "x")'
    ]


def test_an_inline_organisation_is_checked_and_a_file_name_stays_text():
    text = "title: T\norganisation: {name: Trust, colours: {primary: rde}}\n"
    assert problems(text, Workshop) == [
        "t.yaml:2:48: error: organisation.colours.primary: 'rde' is not a colour (did you mean "
        '\'red\'?): write it as "#005EB8", "rgb(0, 94, 184)", a CSS colour name or an NHS '
        'name such as "NHS Blue"'
    ]
    workshop, _ = validate_document(
        read_yaml_text("title: T\norganisation: org.yaml\n", Path("t")), Workshop
    )
    assert workshop is not None and workshop.organisation == "org.yaml"


def test_models_are_frozen_and_replace_gives_a_copy():
    org = DEFAULT_ORGANISATION
    with pytest.raises(AttributeError, match="cannot assign"):
        org.name = "Other"  # type: ignore[misc]
    renamed = org.replace(name="Northshire")
    assert renamed.name == "Northshire" and org.name == "Your organisation"
    assert renamed.colours is org.colours


def test_building_from_python_checks_strips_and_reports_every_mistake():
    assert build(Organisation, {"name": "  Northshire  "}).name == "Northshire"
    with pytest.raises(
        ModelError, match="paper: 'A3' is not a paper size the kit prints on: use A4, Letter or A5"
    ):
        build(Organisation, {"name": "N", "paper": "A3"})
    with pytest.raises(ModelError) as caught:
        build(Source, {"title": "", "publisher": "P", "year": 1800, "colour": "red"})
    assert [str(m) for m in caught.value.mistakes] == [
        'title: is too short: it needs at least 1 character (got "")',
        "year: should be 1900 or more (got 1800)",
        "colour: is not a field the kit knows (hint: valid fields here: "
        "publisher, section, title, url, year)",
    ]


def test_models_compare_hash_and_pickle_by_value():
    one = Source(title="T", publisher="P", year=2020)
    two = build(Source, {"title": " T ", "publisher": "P", "year": 2020.0})
    assert one == two and hash(one) == hash(two) and one != DEFAULT_ORGANISATION
    assert pickle.loads(pickle.dumps(DEFAULT_ORGANISATION)) == DEFAULT_ORGANISATION
    assert repr(one) == "Source(title='T', publisher='P', year=2020, section=None, url=None)"


def test_whole_object_checks_also_run_when_built_in_python():
    with pytest.raises(ValueError, match="give one value per category"):
        Chart(categories=["a", "b"], series=[ChartSeries(name="S", values=[1.0])])
    with pytest.raises(ModelError, match="chart: series 'S' has 1 values"):
        build(
            ChartSlide,
            {
                "id": "s1",
                "kind": "chart",
                "title": "T",
                "notes": "N",
                "chart": {"categories": ["a", "b"], "series": [{"name": "S", "values": [1]}]},
            },
        )


def test_mistakes_deep_in_nested_lists_are_located_at_their_line_and_column():
    text = DECK_HEAD + (
        "slides:\n"
        "  - {id: s1, kind: quote, title: T, notes: N, quote: {text: Q, attribution: A}}\n"
        "  - id: s2\n"
        "    kind: bullets\n"
        "    title: T\n"
        "    notes: N\n"
        "    bullets:\n"
        "      - First\n"
        "      - {text: Second, level: 5}\n"
        "      - text: Third\n"
        "        levle: 1\n"
        "  - id: s3\n"
        "    kind: chart\n"
        "    title: T\n"
        "    notes: N\n"
        "    chart:\n"
        "      categories: [A, B]\n"
        "      series:\n"
        "        - {name: S, vales: [1, 2]}\n"
        "        - {name: R, values: [1, [2]]}\n"
    )
    assert problems(text, DeckModule) == [
        "t.yaml:16:31: error: slides.1.bullets.1.level: should be 2 or less (got 5)",
        "t.yaml:18:9: error: slides.1.bullets.2.levle: is not a field the kit knows "
        "(hint: did you mean 'level'?)",
        "t.yaml:26:21: error: slides.2.chart.series.0.vales: is not a field the kit knows "
        "(hint: did you mean 'values'?)",
        "t.yaml:27:33: error: slides.2.chart.series.1.values.1: should be a number (got [2])",
    ]


def test_a_table_cell_in_a_list_of_lists_is_located():
    text = SHEET_HEAD + (
        "blocks:\n"
        "  - kind: table\n"
        "    columns: [A, B]\n"
        "    rows:\n"
        "      - [one, two]\n"
        "      - [three, 4]\n"
    )
    assert problems(text, Worksheet) == [
        "t.yaml:13:17: error: blocks.0.rows.1.1: should be text; put it in quotes if it looks "
        "like a number (got 4)"
    ]


def test_the_model_types_and_kit_help_do_not_import_pydantic():
    code = (
        "import sys\n"
        "import compassion_kit.model\n"
        "from compassion_kit.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pydantic:', sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "pydantic: []"
