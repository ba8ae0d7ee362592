"""What the kit prints: Rich's colours and boxes on a terminal, plain lines when piped."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

from compassion_kit import console
from compassion_kit.cli import app
from compassion_kit.errors import Location, Problem

ROOT = Path(__file__).resolve().parent.parent
UNKNOWN_KEY = ROOT / "tests" / "fixtures" / "content" / "bad" / "unknown-key.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TERMINAL_SETTINGS = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TERM")


def piped(*command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python COMMAND...` with stdout and stderr piped and only `env`'s colour settings."""
    clean = {k: v for k, v in os.environ.items() if k not in TERMINAL_SETTINGS}
    return subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, cwd=ROOT, env=clean | env
    )


def test_help_does_not_import_rich() -> None:
    code = (
        "import sys\n"
        "from compassion_kit.cli import main\n"
        "sys.argv = ['kit', '--help']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('rich' in sys.modules)\n"
    )
    done = piped("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\nFalse\n")


def test_a_piped_build_prints_plain_lines(tmp_path: Path) -> None:
    done = piped(
        "-m", "compassion_kit", "build", "examples/wye-valley/workshop.yaml", "-o", str(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    assert f"✓ wrote {tmp_path}: 6 files" in done.stderr
    assert "\x1b[" not in done.stderr and done.stdout == ""


def test_piped_messages_are_never_wrapped() -> None:
    long = "a" * 150 + " " + "b" * 150
    err = io.StringIO()
    with redirect_stderr(err):
        console.problems([Problem(long, Location(Path("x.yaml"), 1, 2))])
    assert err.getvalue().splitlines()[0] == f"x.yaml:1:2: error: {long}"


def test_force_color_prints_the_same_words_in_colour() -> None:
    cases = [
        (["validate", str(UNKNOWN_KEY)], 1, "\x1b[1;31merror\x1b[0m: blocks.0.promt:"),
        (["validate", "examples/wye-valley/org.yaml"], 0, "\x1b[32m✓\x1b[0m examples/"),
    ]
    for args, code, styled in cases:
        plain = piped("-m", "compassion_kit", *args)
        coloured = piped("-m", "compassion_kit", *args, FORCE_COLOR="1", TERM="xterm")
        assert plain.returncode == coloured.returncode == code
        assert "\x1b[" not in plain.stderr
        assert styled in coloured.stderr
        assert ANSI.sub("", coloured.stderr) == plain.stderr


@pytest.mark.parametrize("isatty", [True, False])
@pytest.mark.parametrize(
    "env",
    [
        {},
        {"FORCE_COLOR": "1"},
        {"FORCE_COLOR": ""},
        {"NO_COLOR": "1"},
        {"TERM": "dumb"},
        {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
        {"TTY_COMPATIBLE": "1"},
    ],
)
def test_terminal_or_not_is_rich_s_decision(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], isatty: bool
) -> None:
    for name in TERMINAL_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = io.StringIO()
    stream.isatty = lambda: isatty  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", stream)
    terminal = Console(file=stream).is_terminal
    chosen = console._console()
    assert chosen.is_terminal == terminal
    assert chosen.width == (Console(file=stream).width if terminal else 100_000)


# Tab stops count characters in plain text and cells in Rich: the same for these.
TEXT = st.text(st.sampled_from("ab [/]\\:é–✓\t\n\r\x07"), max_size=30)
STYLES = st.sampled_from(["", "bold red", "dim"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(st.lists(st.one_of(TEXT, st.tuples(TEXT, STYLES)), max_size=5))
def test_plain_messages_are_what_rich_wrote_to_a_file(
    monkeypatch: pytest.MonkeyPatch, pieces: list[str | tuple[str, str]]
) -> None:
    for name in TERMINAL_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    ours = io.StringIO()
    with redirect_stderr(ours):
        console._say(*pieces)
    rich = io.StringIO()
    Console(file=rich, highlight=False, soft_wrap=True).print(Text.assemble(*pieces))
    assert ours.getvalue() == rich.getvalue()


LIST = """\
compassion-kit library
id                   kind       element  title                                                     size
smarter-action-plan  worksheet  2        Action plan for workplace compassion: set a SMARTER goal  18 blocks
tackling-giants      worksheet  2        Tackling giants: what stops us making a change?           5 blocks, 40 min
taking-stock         worksheet  2        Taking stock: what do we do now that is good?             10 blocks
"""  # noqa: E501


def test_piped_tables_are_aligned_columns_one_row_a_line() -> None:
    result = CliRunner().invoke(app, ["list", "--kind", "worksheet", "--element", "2"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == LIST


def test_a_table_on_a_terminal_is_drawn_with_a_box(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in TERMINAL_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setattr(console, "_consoles", {})
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    console.table("library", ["id", "title"], [["a-b", "two\nlines"]])
    drawn = ANSI.sub("", out.getvalue()).splitlines()
    assert drawn[0] == "library" and drawn[1].startswith("┏━")
    assert drawn[4:6] == ["│ a-b │ two   │", "│     │ lines │"]


def test_a_piped_table_keeps_each_cell_on_one_line() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        console.table("t", ["id", "note"], [["x", "first\nsecond " + "w" * 200]])
    assert out.getvalue().splitlines()[2] == "x   first second " + "w" * 200


def test_pack_report_counts_slides_and_pages_in_words() -> None:
    from compassion_kit.pack import PackResult

    files = [
        {"path": "deck.pptx", "bytes": 1000, "slides": 1},
        {"path": "agenda.pdf", "bytes": 2000, "pages": 1},
        {"path": "sheets.pdf", "bytes": 3000, "pages": 4},
        {"path": "checklist.md", "bytes": 40},
    ]
    result = PackResult(Path("out"), False, (), {"files": files})
    err = io.StringIO()
    with redirect_stderr(err):
        console.pack_report(result, as_json=False)
    assert err.getvalue().splitlines()[1:] == [
        "  deck.pptx (1,000 bytes, 1 slide)",
        "  agenda.pdf (2,000 bytes, 1 page)",
        "  sheets.pdf (3,000 bytes, 4 pages)",
        "  checklist.md (40 bytes)",
    ]
