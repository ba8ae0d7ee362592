"""Whole commands under hostile input: a built file or exit-1 problems, never exit 3, never a
partial file; plus a seeded corpus of the cases the adversarial pass found, as regressions."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compassion_kit.cli import app
from test_fuzz_loaders import mutated

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wye-valley"
runner = CliRunner()

BUILD = settings(
    derandomize=True,
    max_examples=int(os.environ.get("FUZZ_BUILDS", "12")),
    deadline=timedelta(seconds=30),  # a whole build; a hang fails the example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _assert_clean_outcome(code: int, stderr: str, out: Path, folder: Path) -> None:
    """Exit 0 with the output written, or exit 1 with problems and nothing written."""
    assert code in (0, 1), f"exit {code}:\n{stderr}"
    assert "Traceback" not in stderr and "This is a bug" not in stderr
    if code == 0:
        assert out.exists()
    else:
        assert "error:" in stderr
        assert not out.exists()
    assert not [p.name for p in folder.rglob("*.part")], "a temporary file was left behind"


@BUILD
@given(mutated([(EXAMPLE / "org.yaml").read_bytes()]))
def test_a_deck_from_a_mutated_profile_is_built_or_refused_whole(tmp_path_factory, data: bytes):
    folder = tmp_path_factory.mktemp("deck")
    shutil.copy(EXAMPLE / "logo.svg", folder / "logo.svg")
    (folder / "org.yaml").write_bytes(data)
    out = folder / "out" / "deck.pptx"
    result = runner.invoke(
        app, ["build-deck", "intro", "--org", str(folder / "org.yaml")] + ["-o", str(out)]
    )
    _assert_clean_outcome(result.exit_code, result.stderr, out, folder)


@BUILD
@given(mutated([(EXAMPLE / "workshop.yaml").read_bytes()]))
def test_a_pack_from_a_mutated_spec_is_built_or_refused_whole(tmp_path_factory, data: bytes):
    folder = tmp_path_factory.mktemp("pack")
    for name in ("logo.svg", "org.yaml"):
        shutil.copy(EXAMPLE / name, folder / name)
    (folder / "workshop.yaml").write_bytes(data)
    out = folder / "out"
    result = runner.invoke(app, ["build", str(folder / "workshop.yaml"), "-o", str(out)])
    _assert_clean_outcome(result.exit_code, result.stderr, out, folder)


TYPED = st.text(
    st.sampled_from(list("{}date venue org_name 09:30\u202e\x00\n\t<&>\"'é")), max_size=20
)


@BUILD
@given(start=TYPED, date=TYPED, venue=TYPED)
def test_any_typed_options_give_an_agenda_or_problems(start: str, date: str, venue: str):
    result = runner.invoke(
        app,
        ["agenda", "improvement-planning", "--format", "md"]
        + ["--start", start, "--date", date, "--venue", venue],
    )
    assert result.exit_code in (0, 1), result.stderr
    plain = venue.strip()
    # Markdown escapes its own punctuation (_ < &), so only plainer values are compared.
    if result.exit_code == 0 and plain and all(c.isalnum() or c in "{} " for c in plain):
        assert plain in result.stdout  # inserted as typed, tokens and all


# The seeded corpus: one case per kind of hostile input found so far.
# (file name, content, extra arguments, exit code, text the message must hold)
CORPUS: list[tuple[str, bytes, list[str], int, str]] = [
    ("alias-bomb.yaml", b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", [], 1, "anchors (&name)"),
    ("deep.yaml", b"a: " + b"[" * 60 + b"]" * 60 + b"\n", [], 1, "nested over 40 deep"),
    ("tagged.yaml", b"name: !!python/object:os.system ls\n", [], 1, "is not allowed"),
    ("utf16.yaml", "name: Wye\n".encode("utf-16"), [], 1, "saved as UTF-16 text"),
    ("nul.yaml", b"name: W\x00ye\n", [], 1, "binary file"),
    ("bom-only.yaml", b"\xef\xbb\xbf", [], 1, "the file is empty"),
    ("latin1.yaml", b"name: Caf\xe9\n", [], 1, "not UTF-8 text"),
    ("merge.yaml", b"a: {x: 1}\nb:\n  <<: {x: 2}\n", [], 1, "merge keys"),
    ("tab.yaml", b"name:\n\tx: 1\n", [], 1, "indented with a tab"),
    ("control.yaml", b"name: W\x1bye\n", [], 1, "control character U+001B"),
    ("twice.yaml", b"name: A\nname: B\n", [], 1, "appears twice"),
    ("scalar.yaml", b"just text\n", [], 1, "'key: value' fields at the top level"),
    ("two-docs.yaml", b"name: A\n---\nname: B\n", [], 1, "found another document"),
    (
        "long-survey.yaml",
        b'name: "Wye Valley Health Board"\nsurvey_url: "https://x.example/' + b"y" * 2400 + b'"\n',
        [],
        1,
        "cannot be made into a QR code",
    ),
    (
        "endless-session.yaml",
        b"id: endless-day\nkind: agenda\ntitle: Endless\nelement: related\naudience: staff\n"
        b"start: '09:00'\nsource: {title: T, publisher: P, year: 2020}\n"
        b"provenance: {from_source: all}\n"
        b"sessions:\n  - {id: s1, title: Endless, minutes: 100000000000}\n",
        [],
        1,
        "longer than a whole day",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "extra", "code", "said"), CORPUS, ids=[c[0] for c in CORPUS]
)
def test_hostile_corpus_gives_its_exact_outcome(
    tmp_path: Path, name: str, data: bytes, extra: list[str], code: int, said: str
):
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["validate", str(path), *extra])
    assert result.exit_code == code, result.stderr
    assert said in result.stderr
    assert "Traceback" not in result.stderr
