"""Property tests (hypothesis, derandomized, a fixed number of examples):

(a) any byte string or JSON value given to any command ends in exit 0, 1 or 2, without a
    traceback and without output files unless the command succeeded;
(b) every mutated example intent that `ioring validate` accepts builds, and is DRC- and LVS-clean;
(c) round trips: intent → AMS-IO-Bench golden → intent, and intent → semantic record.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from adaptor.amsio import from_amsio, to_amsio
from adaptor.build import build
from adaptor.load import load_intent
from adaptor.semantic import semantic_record
from adaptor.validate import validate_data
from bench.fuzz import Case, mutate, run_case
from tests.conftest import EXAMPLES, ROOT, example
from verify.check import run_check

NAMES = [p.stem for p in EXAMPLES]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["pads", "ring", "domains", "design", "name", "position", "role",
                                         "instances", "ring_config", "x_unit", "y", "width"]) | st.text(max_size=8),
                        inner, max_size=4), max_leaves=20)
COMMANDS = {
    "validate": (["validate", "{F}"], None), "export": (["export", "{F}", "-o", "out.json"], "out.json"),
    "convert --from": (["convert", "{F}", "--from", "ams-io-bench", "-o", "out.json"], "out.json"),
    "convert --to": (["convert", "{F}", "--to", "ams-io-bench", "-o", "out.json"], "out.json"),
    "build": (["build", "{F}", "-o", "out"], "out"), "plan": (["plan", "{F}", "-o", "out.json"], "out.json"),
    "design": (["design", "{F}", "-o", "out", "--planner", "rules"], "out"),
    "check --intent": (["check", "{B}", "--intent", "{F}"], None),
    "topology eval": (["topology", "eval", "{F}"], None),
    "dataset diagnose": (["dataset", "diagnose", "{F}", "--png", "out.png"], "out.png"),
}
FAST = settings(max_examples=200, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A built ring (mixed_4x4) that `check --intent` runs against."""
    folder = tmp_path_factory.mktemp("built") / "ring"
    build(load_intent(ROOT / "examples" / "mixed_4x4.json"), folder)
    return folder


@FAST
@given(command=st.sampled_from(sorted(COMMANDS)),
       content=st.binary(max_size=300) | JSON.map(json.dumps) | JSON.map(lambda v: json.dumps(v).encode("utf-16")))
def test_any_input_to_any_command_is_a_clean_outcome(built, command, content):
    argv, output = COMMANDS[command]
    result = run_case(Case(command, argv, content, output=output), built)
    assert result["exit"] in (0, 1, 2), result
    assert not result["traceback"] and not result["partial"] and not result["unsafe"], result


def _mutant(name: str, rnd: random.Random, edits: int) -> dict:
    return mutate(example(name), rnd, edits)[0]


@pytest.mark.slow
@settings(max_examples=20, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), rnd=st.randoms(use_true_random=False), edits=st.integers(1, 2))
def test_every_accepted_intent_builds_and_checks_clean(tmp_path_factory, name, rnd, edits):
    result = validate_data(_mutant(name, rnd, edits))
    assume(result.valid)  # the 20 examples are all accepted intents
    folder = tmp_path_factory.mktemp("mutant") / "ring"
    build(result.intent, folder)
    checks = run_check(folder)
    findings = [f"{f['rule']}: {f['message']}" for r in checks.values() for f in r["findings"]]
    assert checks["drc"]["clean"] and checks["lvs"]["clean"], (result.intent.model_dump(mode="json"), findings)


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(name=st.sampled_from(NAMES), rnd=st.randoms(use_true_random=False), edits=st.integers(0, 2))
def test_round_trips_through_the_golden_format_and_the_semantic_record(name, rnd, edits):
    result = validate_data(_mutant(name, rnd, edits) if edits else example(name))
    if not result.valid:
        return
    intent = result.intent
    record = semantic_record(intent)
    assert sorted(record["positions"]) == sorted(p.position for p in intent.pads)
    assert json.loads(json.dumps(record)) == record
    assert {pos: r["name"] for pos, r in record["positions"].items()} == {p.position: p.name for p in intent.pads}
    p = intent.ring.pads
    if p.left != p.right or p.top != p.bottom:
        return  # the golden format has one width and one height
    golden = to_amsio(intent)
    back = from_amsio(json.loads(json.dumps(golden)), intent.design)
    assert semantic_record(back) == record
    if not any(f.rule == "names.signal_is_supply" for f in result.findings):  # else the golden reads a supply pad
        assert to_amsio(back) == golden


@pytest.mark.slow
def test_an_accepted_cell_override_checks_clean(tmp_path):
    doc = example("multi_domain_8x8")
    next(p for p in doc["pads"] if p.get("direction") == "out")["cell"] = "sg13g2_IOPadOut30mA"
    result = validate_data(doc)
    assert result.valid
    build(result.intent, tmp_path / "ring")
    checks = run_check(tmp_path / "ring")
    assert checks["drc"]["clean"] and checks["lvs"]["clean"]
