"""Random and mutated YAML: validation gives a model or located problems, never an exception.

Each example starts from a bundled file (every kind of item, a spec, a profile) and changes
one place in it: a value replaced by anything YAML can say, a key removed, renamed or added.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.loading import YamlDocument, read_yaml, read_yaml_text
from compassion_kit.model import KINDS, Organisation
from compassion_kit.model.validate import validate_document, validate_parts
from compassion_kit.model.workshop import Workshop
from compassion_kit.references import Written, check_references

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [
    ROOT / "content" / "element-4" / "policies-procedures.yaml",  # a deck with a chart
    ROOT / "content" / "element-3" / "introductory-workshop.yaml",  # an agenda
    ROOT / "content" / "element-1" / "compassion-audit.yaml",  # a worksheet
    ROOT / "content" / "element-1" / "case-hull-pathology-values.yaml",  # a handout
    ROOT / "examples" / "wye-valley" / "workshop.yaml",
    ROOT / "examples" / "wye-valley" / "org.yaml",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["09:30", "25:00", "2027-02-30", "#005EB8", "deck", "intro", "1", "NO"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _model(data: dict[str, Any]) -> type:
    if "kind" in data:
        return KINDS[data["kind"]]
    return Workshop if "title" in data else Organisation


def _places(node: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and list position in `node`, as paths."""
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*where, index))
    return found


def _mutate(data: dict[str, Any], draw: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    where = draw(st.sampled_from(_places(data)[1:]))
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    last = where[-1]
    change = draw(st.sampled_from(["replace", "remove", "rename", "add"]))
    if change == "replace":
        parent[last] = draw(VALUES)
    elif change == "remove":
        del parent[last]
    elif change == "rename" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=10))] = parent.pop(last)
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=10))] = draw(VALUES)
    else:
        parent.insert(last, draw(VALUES))
    return data


def _located(problem: Problem, path: Path) -> bool:
    return (
        isinstance(problem.location, Location)
        and problem.location.path == path
        and bool(problem.message)
    )


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_files_give_a_model_or_located_problems(seed: Path, data: st.DataObject):
    original = read_yaml(seed).data
    model = _model(original)
    mutated = _mutate(original, data.draw)
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    path = Path("fuzz.yaml")
    try:
        doc = read_yaml_text(text, path)
    except ContentError as exc:  # refused by the loader: located problems, never a crash
        assert exc.problems and all(_located(p, path) for p in exc.problems)
        return
    if not isinstance(doc.data, dict):
        return
    found, problems = validate_document(doc, model)
    assert (found is None) == bool(problems)
    assert found is None or isinstance(found, model)
    for problem in problems:
        assert _located(problem, path) and problem.location.line is not None, problem
    validate_parts(doc, model)  # may leave fields out, never raises
    check_references([Written(doc)], {}, lambda named, kind, doc, where: Problem(named))


@settings(max_examples=150, deadline=2000)
@given(data=st.dictionaries(st.text(max_size=10), VALUES, max_size=6))
def test_random_documents_give_a_model_or_problems(data: dict[str, Any]):
    doc = YamlDocument(Path("random.yaml"), data)
    for model in (*KINDS.values(), Workshop, Organisation):
        found, problems = validate_document(doc, model)
        assert (found is None) == bool(problems)
        validate_parts(doc, model)
    check_references([Written(doc)], {}, lambda named, kind, doc, where: Problem(named))
