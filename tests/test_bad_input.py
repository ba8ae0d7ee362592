"""Every kind of malformed input gets one located, plain message and exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app

BAD = Path(__file__).parent / "fixtures" / "content" / "bad"
runner = CliRunner()

# file (under fixtures/content/bad), expected location, expected words in the message
CASES = [
    # libyaml says "did not find expected ..."; PyYAML's pure-Python parser "expected ...".
    ("syntax.yaml", "syntax.yaml:4:8:", "expected ',' or ']'"),
    ("tab-indent.yaml", "tab-indent.yaml:4:1:", "indented with a tab; YAML needs spaces"),
    ("wrong-type.yaml", "wrong-type.yaml:6:10:", 'minutes: should be a whole number (got "ten")'),
    ("missing-field.yaml", "missing-field.yaml:1:1:", "title: is required but missing"),
    ("unknown-key.yaml", "unknown-key.yaml:9:5:", "blocks.0.promt: is not a field the kit knows"),
    ("duplicate-key.yaml", "duplicate-key.yaml:4:1:", "'title' appears twice in the same block"),
    ("duplicate-id", "duplicate-id/b.yaml:2:5:", "the id 'same-id' is already used by"),
    ("alias-bomb.yaml", "alias-bomb.yaml:2:4:", "YAML anchors (&name): not allowed"),
    (
        "python-tag.yaml",
        "python-tag.yaml:3:8:",
        "the YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    ("empty.yaml", "empty.yaml:1:1:", "the file is empty"),
    ("binary.yaml", "binary.yaml:1:1:", "this is a binary file, not YAML text"),
    ("latin1.yaml", "latin1.yaml:3:11:", "the file is not UTF-8 text (byte 0xE9"),
    ("control-char.yaml", "control-char.yaml:3:12:", "invalid control character U+001B"),
    ("unknown-kind.yaml", "unknown-kind.yaml:2:7:", "unknown kind 'poster'"),
    ("bad-clock.yaml", "bad-clock.yaml:6:8:", "'9.30' is not a 24-hour clock time"),
    ("sexagesimal.yaml", "sexagesimal.yaml:11:14:", 'minutes: should be a whole number (got "NO")'),
    ("too-deep.yaml", "too-deep.yaml:3:", "nested over 40 deep: not allowed"),
]


@pytest.mark.parametrize(("name", "where", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_reported_with_location_and_exit_1(name: str, where: str, message: str):
    result = runner.invoke(app, ["validate", str(BAD / name)])
    assert result.exit_code == 1, result.output
    assert where in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert "nothing was written" in result.stderr


def test_unknown_key_suggests_the_closest_field():
    result = runner.invoke(app, ["validate", str(BAD / "unknown-key.yaml")])
    assert "hint: did you mean 'prompt'?" in result.stderr
    # The misspelling also leaves 'prompt' missing; that echo is not reported twice.
    assert "prompt: is required" not in result.stderr


def test_unquoted_times_and_words_stay_text(tmp_path: Path):
    from compassion_kit.loading import read_yaml

    path = tmp_path / "t.yaml"
    path.write_text("start: 10:30\nanswer: NO\nday: 2027-03-09\nn: 5\n", encoding="utf-8")
    assert read_yaml(path).data == {"start": "10:30", "answer": "NO", "day": "2027-03-09", "n": 5}


def test_hashtag_after_a_value_is_not_silently_dropped(tmp_path: Path):
    path = tmp_path / "org.yaml"
    path.write_text("name: Trust\ncolours:\n  primary: #005EB8\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "org.yaml:3:12: error: '#005EB8' is read as a comment and lost" in result.stderr


def test_every_problem_in_a_folder_is_reported_at_once(tmp_path: Path):
    for name in ("wrong-type.yaml", "missing-field.yaml", "unknown-kind.yaml"):
        (tmp_path / name).write_bytes((BAD / name).read_bytes())
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "3 problems found" in result.stderr
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == [
        "missing-field.yaml",
        "unknown-kind.yaml",
        "wrong-type.yaml",
    ]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path):
    from compassion_kit.errors import ContentError
    from compassion_kit.loading import MAX_FILE_BYTES, read_yaml

    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (MAX_FILE_BYTES + 1), encoding="utf-8")
    with pytest.raises(ContentError, match="the limit is"):
        read_yaml(path)


def test_libyaml_and_pure_python_parsers_read_the_library_identically(monkeypatch):
    import compassion_kit.loading as loading

    files = sorted((Path(__file__).parent.parent / "content").rglob("*.yaml"))
    fast = [loading.read_yaml(f) for f in files]
    monkeypatch.setattr(loading, "FAST_LOADER", None)  # the fallback when PyYAML lacks libyaml
    for path, quick in zip(files, fast, strict=True):
        slow = loading.read_yaml(path)
        assert slow.data == quick.data
        assert slow.value_marks == quick.value_marks and slow.key_marks == quick.key_marks


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "too-deep.yaml", "python-tag.yaml"])
def test_pure_python_fallback_refuses_the_same_inputs(monkeypatch, name: str):
    import compassion_kit.loading as loading
    from compassion_kit.errors import ContentError

    monkeypatch.setattr(loading, "FAST_LOADER", None)
    with pytest.raises(ContentError):
        loading.read_yaml(BAD / name)


def test_a_word_file_renamed_to_pptx_is_named_as_a_word_document(tmp_path: Path):
    agenda = tmp_path / "agenda.docx"
    assert runner.invoke(app, ["agenda", "improvement-planning", "-o", str(agenda)]).exit_code == 0
    template = agenda.rename(tmp_path / "template.pptx")
    out = tmp_path / "deck.pptx"
    result = runner.invoke(
        app, ["build-deck", "intro", "--template", str(template), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert f"{template}: error: the deck template is a Word document, not a PowerPoint file" in (
        result.stderr
    )
    assert "1 problem found" in result.stderr
    assert not out.exists()


def test_field_mistakes_and_unknown_references_are_reported_in_one_run():
    result = runner.invoke(app, ["validate", str(BAD / "mixed-references")])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    found = [line.split("mixed-references/", 1)[1] for line in lines]
    assert found == [
        "day.yaml:7:15: error: deck.1: there is no deck with the id 'no-such-deck'",
        'day.yaml:12:14: error: sessions.0.minutes: should be a whole number (got "ten")',
        "day.yaml:13:14: error: sessions.0.slides.0: there is no slide with the id 'no-such-slide'",
        "day.yaml:19:15: error: sessions.1.print.1.item: 'no-such-sheet' is not a worksheet "
        "or handout",
        "sheet.yaml:6:13: error: deck_slide: there is no slide with the id 'no-such-slide-either'",
        "sheet.yaml:10:5: error: blocks.0.promt: is not a field the kit knows",
    ]
    # The worksheet with a mistake still exists: the agenda printing it is not told otherwise.
    assert "'mixed-sheet' is not" not in result.stderr
    assert "6 problems found" in result.stderr


def test_a_reference_at_a_field_with_its_own_mistake_is_reported_once(tmp_path: Path):
    text = (BAD / "mixed-references" / "day.yaml").read_text(encoding="utf-8")
    (tmp_path / "day.yaml").write_text(text.replace("[no-such-slide]", "[Bad_Slide]"), "utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert '"Bad_Slide" is not a valid id' in result.stderr
    assert "there is no slide with the id 'Bad_Slide'" not in result.stderr


@pytest.mark.parametrize(
    ("logo", "words"),
    [(None, "does not exist"), (b"not a picture", "is not a PNG, JPEG or SVG image")],
)
def test_validate_reads_a_profiles_logo_as_a_build_would(
    tmp_path: Path, logo: bytes | None, words: str
) -> None:
    if logo is not None:
        (tmp_path / "logo.png").write_bytes(logo)
    profile = tmp_path / "org.yaml"
    profile.write_text('name: Test Trust\nlogo: logo.png\nlogo_alt: "Test Trust logo"\n')
    result = runner.invoke(app, ["validate", str(profile)])
    assert result.exit_code == 1, result.output
    assert "org.yaml:2:7:" in result.output and words in result.output
