"""Two readers, one verdict: compare_specs and decide on real readings of examples/specs/mixed_4x4.txt."""

from __future__ import annotations

from typing import Any

from agent.planner import read_spec
from agent.planner.assemble import assemble
from agent.planner.llm_reader import Statements, to_spec
from agent.planner.verdict import compare_specs, decide
from tests.conftest import ROOT

SPEC = (ROOT / "examples" / "specs" / "mixed_4x4.txt").read_text()
PADS = "VINP VINN AVSS AVDD VREF IBIAS D3 D2 D1 D0 VDD VSS IOVDD IOVSS RSTN SCK".split()


def llm_spec(**change: Any):
    data = {"design": None, "size": {"left": 4, "bottom": 4, "right": 4, "top": 4}, "order": "counterclockwise",
            "start_side": None, "pads": PADS, "analog_supplies": [{"vdd": "AVDD", "vss": "AVSS"}],
            "digital_supplies": ["VDD", "VSS", "IOVDD", "IOVSS"], **change}
    return to_spec(Statements.model_validate(data))


def verdict(**change: Any):
    rules = read_spec(SPEC, "prompt", "request")
    llm = llm_spec(**change)
    return decide(rules, assemble(rules), llm, assemble(llm))


def test_the_same_reading_agrees():
    assert compare_specs(read_spec(SPEC), llm_spec()) == []
    v = verdict()
    assert v.agree and v.result is not None and not v.questions and not v.assumptions


def test_structural_differences_are_listed_with_both_readings():
    diffs = {d.field: d for d in compare_specs(read_spec(SPEC), llm_spec(
        order="clockwise", size={"left": 5, "bottom": 3, "right": 5, "top": 3},
        inner_pads=[{"name": "VREF", "between": ["VINP", "VINN"]}]))}
    assert set(diffs) >= {"order", "size", "inner"}
    assert diffs["order"].rules == "counterclockwise" and diffs["order"].llm == "clockwise"
    assert "VREF between VINN and VINP" in diffs["inner"].llm and diffs["inner"].rules == "none"


def test_a_different_list_is_one_difference_not_one_per_pad():
    diffs = compare_specs(read_spec(SPEC), llm_spec(pads=PADS[1:] + PADS[:1]))
    assert [d.field for d in diffs] == ["pads"]


def test_a_different_ring_asks_one_question_per_difference():
    v = verdict(order="clockwise")
    assert v.result is None and not v.agree
    assert [q.rule for q in v.questions] == ["plan.question.readers"]
    assert "clockwise" in v.questions[0].question and "counterclockwise" in v.questions[0].answer_hint


def test_pad_facts_that_change_the_ring_are_questions_the_others_notes():
    v = verdict(outputs=["RSTN"], inputs=["SCK"])  # RSTN out changes the ring; SCK in is the convention anyway
    assert v.result is None
    assert len(v.questions) == 1 and "RSTN out" in v.questions[0].question and "SCK" not in v.questions[0].question
    assert any("SCK in" in a.what for a in v.assumptions)
    v = verdict(inputs=["SCK"], digital_pads=["RSTN"])
    assert v.result is not None and not v.agree and not v.questions
    assert {a.rule for a in v.assumptions} == {"plan.assume.readers"}
    assert len(v.assumptions) == 2  # one note per field (class: RSTN, SCK; direction: SCK)


def test_domains_compare_by_nets_not_names():
    llm = llm_spec(analog_supplies=[{"vdd": "AVDD", "vss": "AVSS", "pads": ["VINP", "VINN", "VREF", "IBIAS"]}])
    diffs = compare_specs(read_spec(SPEC), llm)
    domain = next(d for d in diffs if d.field == "domain" and d.where == "VINP")
    assert domain.llm == "AVDD/AVSS" and domain.rules == "unstated"
    rules = read_spec(SPEC)
    assert decide(rules, assemble(rules), llm, assemble(llm)).result is not None  # same ring: conventions agree
