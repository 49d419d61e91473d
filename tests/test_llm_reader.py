"""The LLM reader's statements → Spec → the shared assembler, without a model.

A perfect reader is simulated from each expected intent (the facts a request states, as a
model would write them down) and must give back exactly that intent; wrong statements must give
the rule reader's errors, which the agent sends back to the model.
"""

from __future__ import annotations

from typing import Any

import pytest

from adaptor.intent import IntentGraph
from agent.planner.assemble import assemble
from agent.planner.errors import PlanError, PlanQuestion
from agent.planner.llm_reader import Statements, reader_prompt, statements_schema, to_spec
from bench.corpus.view import from_intent
from bench.llm_reader import statements_of
from bench.score import compare, semantic_pass
from bench.suite import load_suite
from knowledge_base import token_count
from tests.conftest import ROOT

SUITES = [ROOT / "bench" / "suites" / name for name in ("designer", "ioring-30")]
CASES = [c for suite in SUITES for c in load_suite(suite) if c.expected is not None]


def plan(statements: dict[str, Any]) -> IntentGraph:
    return assemble(to_spec(Statements.model_validate(statements))).intent


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_perfect_reading_gives_the_expected_intent(case):
    k = CASES.index(case)
    view = from_intent(case.expected)
    intent = plan(statements_of(view, start_top=k % 2 == 1, ranges=k % 3 != 0))
    differences = compare(case.expected, intent)
    assert semantic_pass(differences), [d for d in differences if d.strict][:5]


def mixed() -> dict[str, Any]:
    return {"design": None, "start_side": None, "size": {"left": 4, "bottom": 4, "right": 4, "top": 4}, "order": "counterclockwise",
            "pads": "VINP VINN AVSS AVDD VREF IBIAS D3 D2 D1 D0 VDD VSS IOVDD IOVSS RSTN SCK".split(),
            "analog_supplies": [{"vdd": "AVDD", "vss": "AVSS"}], "digital_supplies": ["VDD", "VSS", "IOVDD", "IOVSS"]}


@pytest.mark.parametrize("change,rule", [
    ({"pads": mixed()["pads"][:-1]}, "plan.signal_count"),
    ({"outputs": ["SDO"]}, "plan.unknown_name"),
    ({"inner_pads": [{"name": "VCM", "between": ["VINP", "D0"]}]}, "plan.inner_not_adjacent"),
    ({"digital_supplies": ["VDD", "VSS", "IOVDD"]}, "plan.digital_tuple"),
    ({"analog_supplies": [{"vdd": "AVDD", "vss": "AVSS", "first_pad": "VINP", "last_pad": "NOPE"}]},
     "plan.range_unknown_name"),
], ids=["count", "unknown", "inner", "tuple", "range"])
def test_wrong_statements_give_the_rule_readers_errors(change, rule):
    with pytest.raises(PlanError) as info:
        plan({**mixed(), **change})
    assert rule in {f.rule for f in info.value.findings}
    assert all("answer" in f.where or f.where.startswith("inner pad") for f in info.value.findings)


def test_missing_facts_are_questions():
    with pytest.raises(PlanQuestion) as info:
        plan({**mixed(), "order": None, "size": {"left": 0, "bottom": 0, "right": 0, "top": 0}})
    assert {q.rule for q in info.value.questions} == {"plan.question.order", "plan.question.size"}


def test_per_side_lists_follow_the_stated_direction():
    pads = mixed()["pads"]
    sides = [{"side": "left", "pads": pads[0:4], "runs": "top_to_bottom"},
             {"side": "bottom", "pads": pads[4:8], "runs": "left_to_right"},
             {"side": "right", "pads": pads[8:12][::-1], "runs": "top_to_bottom"},  # written against the travel
             {"side": "top", "pads": pads[12:16], "runs": None}]
    intent = plan({**mixed(), "pads": [], "side_lists": sides})
    by_pos = {p.position: p.name for p in intent.pads}
    assert [by_pos[f"right_{i}"] for i in range(4)] == pads[8:12]
    assert [by_pos[f"top_{i}"] for i in range(4)] == pads[12:16]  # no direction: placement order (assumed)


def test_the_prompt_is_small_and_names_no_example_pads():
    prompt = reader_prompt()
    assert token_count(prompt) < 700
    assert token_count(prompt) + token_count(str(statements_schema())) < 2000
    for name in ("VINP", "SDO", "CSB", "RSTN", "D0"):  # nothing the model could copy into an answer
        assert name not in prompt
