"""Property tests: whatever bytes arrive, the YAML loader, the CSV reader and the colour and
time checks give a result or located problems (exit 1), never an escaping exception or a hang.

Inputs are random, or the bundled examples mutated byte by byte. Runs are derandomised so CI
is repeatable; HYPOTHESIS_PROFILE=deep searches far more widely on a developer's machine.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compassion_kit.errors import KitError, Location
from compassion_kit.library import load_item_file
from compassion_kit.loading import YamlDocument, read_yaml, read_yaml_text
from compassion_kit.model import Organisation
from compassion_kit.model.validate import validate_document
from compassion_kit.orgs import read_orgs
from compassion_kit.profile import Brand, profile_problems
from compassion_kit.timing import parse_start, schedule
from test_timing import make_agenda

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS_YAML = [
    (EXAMPLES / "wye-valley" / "org.yaml").read_bytes(),
    (EXAMPLES / "wye-valley" / "workshop.yaml").read_bytes(),
    (ROOT / "content" / "element-1" / "six-word-stories.yaml").read_bytes(),
    *(p.read_bytes() for p in sorted((ROOT / "content").rglob("*.yaml"))[:6]),
]
SEED_CSV = (EXAMPLES / "orgs.csv").read_bytes()

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=timedelta(seconds=5),  # a hang or a runaway parse fails the example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# YAML's own punctuation, so that random text reaches deep into the parser.
YAML_ALPHABET = st.sampled_from(list(" \n\t:-#&*!|>'\"{}[],?%@`~\\\ufeff\x00\x85abc019éあ😀"))


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed with a few bytes flipped, inserted, deleted or a stretch duplicated."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        how = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut"]))
        if how == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif how == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif how == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(1, 4))
        else:
            del data[at:]
    return bytes(data)


def _only_problems(run: object) -> None:
    """Call `run`; a KitError with located problems is a fine outcome, anything else is not."""
    try:
        run()  # type: ignore[operator]
    except KitError as exc:
        assert exc.problems, "a KitError must carry at least one problem"
        for problem in exc.problems:
            assert problem.message and isinstance(problem.location, Location)


@PROFILE
@given(st.text(YAML_ALPHABET, max_size=300))
def test_random_yaml_text_gives_data_or_problems(text: str) -> None:
    _only_problems(lambda: read_yaml_text(text, Path("fuzz.yaml")))


@PROFILE
@given(st.one_of(mutated(SEEDS_YAML), st.binary(max_size=400)))
def test_mutated_yaml_files_give_items_or_problems(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("yaml") / "item.yaml"
    path.write_bytes(data)
    _only_problems(lambda: read_yaml(path))
    entry, problems = load_item_file(path)  # reading, then the model's checks
    assert entry is not None or problems


@PROFILE
@given(mutated(SEEDS_YAML[:1]))
def test_mutated_profiles_give_a_brand_or_problems(tmp_path_factory, data: bytes) -> None:
    from compassion_kit.profile import read_brand

    path = tmp_path_factory.mktemp("org") / "org.yaml"
    path.write_bytes(data)
    _only_problems(lambda: read_brand(path))


@PROFILE
@given(st.one_of(mutated([SEED_CSV]), st.text(st.sampled_from(list(',;"\n\r ab#0\x00é')))))
def test_mutated_csv_gives_organisations_or_problems(tmp_path_factory, data: bytes | str) -> None:
    path = tmp_path_factory.mktemp("csv") / "orgs.csv"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)

    def run() -> None:
        for source in read_orgs(path):
            assert source.brand is not None or source.problems

    _only_problems(run)


COLOURS = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True),
    st.integers(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@PROFILE
@given(primary=COLOURS, secondary=COLOURS, accent=COLOURS)
def test_any_colour_value_gives_a_brand_or_problems(
    primary: object, secondary: object, accent: object
) -> None:
    colours = {"primary": primary, "secondary": secondary, "accent": accent}
    doc = YamlDocument(Path("org.yaml"), {"name": "Fuzz Trust", "colours": colours})
    organisation, problems = validate_document(doc, Organisation)
    if organisation is None:
        assert problems
        return
    for problem in profile_problems(Brand(organisation, Path("org.yaml"), doc)):
        assert "contrast" in problem.message or problem.field


@PROFILE
@given(st.text(st.sampled_from(list("0123456789:apm. \u0660\u00b2-")), max_size=8))
def test_any_start_time_is_a_time_or_a_value_error(text: str) -> None:
    try:
        minutes = parse_start(text)
    except ValueError as exc:
        assert "is not a 24-hour time" in str(exc)
        return
    assert 0 <= minutes < 24 * 60


@PROFILE
@given(
    st.lists(st.integers(-10, 10**12), min_size=1, max_size=6),
    st.from_regex(r"([01][0-9]|2[0-3]):[0-5][0-9]", fullmatch=True),
)
def test_any_session_lengths_give_a_schedule_with_bounded_times(
    minutes: list[int], start: str
) -> None:
    timed, problems = schedule(make_agenda([max(m, 1) for m in minutes]), start)
    for problem in problems:
        assert "the next day" not in problem.message or "day would end at" in problem.message
    assert all(t.end - t.start <= 24 * 60 for t in timed.sessions)
