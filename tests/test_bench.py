"""The bench: scorer on hand-made pairs, suite loading (both layouts), runner, resume, Dask, reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from adaptor.load import parse_intent
from bench.report import write_reports
from bench.runner import run_suite
from bench.score import compare, semantic_pass
from bench.suite import Case, load_suite
from tests.conftest import DATA, ROOT, example, pad_at

SUITE = ROOT / "bench" / "suites" / "ioring-30"


def _pair(mutate) -> tuple:
    expected = parse_intent(example("double_ring_6x6"))
    doc = example("double_ring_6x6")
    mutate(doc)
    return expected, parse_intent(doc)


def test_scorer_exact_match():
    expected, actual = _pair(lambda d: None)
    assert compare(expected, actual) == [] and semantic_pass([])


def test_scorer_one_wrong_net():
    def wrong(doc):
        doc["domains"] = [{**x, "vss": "AGND"} if x["kind"] == "analog" else x for x in doc["domains"]]
        pad_at(doc, "left_2")["name"] = "AGND"
    diffs = compare(*_pair(wrong))
    assert not semantic_pass(diffs)
    assert any(d.field == "nets" and d.expected == ["AVDD", "AVSS"] and d.actual == ["AVDD", "AGND"] for d in diffs)


def test_scorer_missing_inner_pad():
    diffs = compare(*_pair(lambda d: d["pads"].remove(pad_at(d, "left_0_1"))))
    assert [(d.position, d.field, d.expected, d.actual) for d in diffs] == [("left_0_1", "position", "VCM", None)]
    assert not semantic_pass(diffs)


def test_scorer_two_swapped_pads():
    def swap(doc):
        a, b = pad_at(doc, "bottom_4"), pad_at(doc, "bottom_5")
        a["position"], b["position"] = "bottom_5", "bottom_4"
    diffs = compare(*_pair(swap))
    assert {(d.position, d.field) for d in diffs if d.strict} == {("bottom_4", "name"), ("bottom_5", "name")}


def test_scorer_report_only_direction_of_data_pins():
    diffs = compare(*_pair(lambda d: pad_at(d, "right_3").update(direction="in")))  # D0
    assert [(d.field, d.strict) for d in diffs] == [("direction", False)] and semantic_pass(diffs)
    diffs = compare(*_pair(lambda d: pad_at(d, "bottom_4").update(direction="out")))  # SCK: strict
    assert not semantic_pass(diffs)


def test_scorer_report_only_pad_role():
    diffs = compare(*_pair(lambda d: pad_at(d, "left_0").update(role="analog_vdd_consumer")))
    assert [(d.field, d.strict) for d in diffs] == [("pad_role", False)]


def test_our_suite_loads():
    cases = load_suite(SUITE)
    tiers = [c.tier for c in cases]
    assert tiers.count("simple") == tiers.count("medium") == tiers.count("hard") == 10 and tiers.count("unsat") >= 5
    assert all(c.expected is not None for c in cases if c.tier != "unsat")
    assert all(c.expected_error for c in cases if c.tier == "unsat")


def test_reference_layout_is_detected(tmp_path):
    """A suite in the AMS-IO-Bench layout: prompts plus golden_output/<case>/io_ring_intent_graph.json."""
    for golden in (DATA / "amsio").iterdir():
        shutil.copytree(golden, tmp_path / "golden_output" / golden.name)
        (tmp_path / "prompts").mkdir(exist_ok=True)
        (tmp_path / "prompts" / f"{golden.name}.txt").write_text("a prompt")
    cases = load_suite(tmp_path)
    assert {c.id: c.tier for c in cases} == {"IO_T_3x3_single_ring_mixed": "medium",
                                             "IO_T_4x4_double_ring_multi_voltage_domain": "hard"}
    assert all(c.expected is not None for c in cases)


def test_bad_suite_folder(tmp_path):
    from adaptor.errors import UserError
    with pytest.raises(UserError, match="no cases"):
        load_suite(tmp_path)


def _three_cases() -> list[Case]:
    cases = {c.id: c for c in load_suite(SUITE)}
    return [cases["IO_T_3x3_single_ring_digital"], cases["IO_T_4x3_single_ring_mixed"],
            cases["IO_T_4x4_unsat_extra_signal"]]


def test_runner_two_workers_and_resume(tmp_path):
    cases = _three_cases()
    first = run_suite(cases[:2], ["rules"], tmp_path, workers=2, progress=lambda *a: None)  # "interrupted" here
    stamps = {r["id"]: (tmp_path / "cases/rules" / r["id"] / "result.json").stat().st_mtime_ns for r in first}
    ran = []
    results = run_suite(cases, ["rules"], tmp_path, workers=2, progress=lambda n, t, r: ran.append(r["id"]))
    assert ran == ["IO_T_4x4_unsat_extra_signal"]  # only the case that had not finished
    assert {r["id"]: (tmp_path / "cases/rules" / r["id"] / "result.json").stat().st_mtime_ns
            for r in results[:2]} == stamps
    assert [r["id"] for r in results] == [c.id for c in cases]
    good = results[0]
    assert good["semantic_pass"] and good["drc_clean"] and good["lvs_clean"]
    assert {"plan", "build", "drc", "lvs", "total"} <= set(good["times_s"])
    assert results[2]["semantic_pass"] and results[2]["drc_clean"] is None


def test_crashing_case_is_a_failure_and_the_run_goes_on(tmp_path):
    broken = Case(id="broken", tier="simple", prompt=tmp_path / "missing.txt",
                  expected=parse_intent(example("mixed_4x4")))
    results = run_suite([broken, _three_cases()[0]], ["rules"], tmp_path / "out", progress=lambda *a: None)
    assert results[0]["error"].startswith("FileNotFoundError") and not results[0]["semantic_pass"]
    assert results[1]["semantic_pass"]


def test_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="the [dask] extra is not installed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        results = run_suite(_three_cases(), ["rules"], tmp_path, dask_address=c.scheduler_address,
                            progress=lambda *a: None)
    assert [r["semantic_pass"] for r in results] == [True, True, True]


def test_reports_and_cli(run_cli, tmp_path):
    suite = tmp_path / "suite"
    for case in _three_cases():
        folder = suite / case.tier
        folder.mkdir(parents=True, exist_ok=True)
        for path in case.prompt.parent.glob(f"{case.id}.*"):
            shutil.copy(path, folder / path.name)
    code, out, _ = run_cli("bench", suite, "-o", tmp_path / "out", "--workers", "2")
    assert code == 0 and "| rules | **overall** | 2 |" in out and "76.67 %" in out
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"results.json", "results.csv", "summary.md", "pass_rate_by_tier.png", "time_vs_size.png"} <= names
    rows = json.loads((tmp_path / "out" / "results.json").read_text())
    assert {"id", "tier", "planner", "valid", "semantic_pass", "differences", "drc_clean", "lvs_clean", "times_s",
            "llm_calls", "tokens_in", "tokens_out", "outputs"} <= set(rows[0])
    header = (tmp_path / "out" / "results.csv").read_text().splitlines()[0]
    assert header.startswith("id,tier,planner,ring_pads,valid,semantic_pass")


def test_write_reports_marks_failures(tmp_path):
    row = {"id": "x", "tier": "hard", "planner": "rules", "ring_pads": 8, "valid": True, "semantic_pass": False,
           "differences": [{"position": "left_0", "field": "name", "expected": "A", "actual": "B", "strict": True}],
           "drc_clean": True, "lvs_clean": False, "times_s": {"total": 1.0}, "error": None}
    summary = write_reports([row], tmp_path, "tiny")
    assert "left_0.name: A → B" in summary and "| rules | hard | 1 |" in summary
