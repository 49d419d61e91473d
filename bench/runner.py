"""`ioring bench`: run a suite with a planner, score every case, write results, resume when interrupted.

Each case: plan the prompt (rules, or the LLM through the agent graph), validate, compare
semantically with the expected intent, build the planned ring, and check the layout with DRC
and LVS *against the expected intent* (so a wrong plan fails LVS, not just self-consistency).
A case's result goes to ``OUT/cases/<planner>/<id>/result.json`` as soon as it finishes, so a
rerun skips it. A case that crashes or times out is a failure with its error; the run goes on.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from adaptor.build import build
from adaptor.load import dump_intent, parse_intent
from adaptor.validate import validate_data
from bench.score import compare, semantic_pass
from bench.suite import Case, ring_size

CHECK_TIMEOUT_S = 300.0


def _plan(case: Case, planner: str, folder: Path) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """(intent JSON or None, info: error rule, usage)."""
    text = case.prompt.read_text(encoding="utf-8")
    if planner == "rules":
        from agent.planner import plan_text
        from agent.planner.errors import PlanError

        try:
            return json.loads(dump_intent(plan_text(text, "prompt", case.id).intent)), {}
        except PlanError as exc:
            return None, {"error_rules": sorted({f.rule for f in exc.findings}),
                          "error": "; ".join(f.message for f in exc.findings[:3])}
    from agent.config import load_config
    from agent.graph import Agent

    state = Agent(load_config()).graph().compile().invoke(
        {"request": text, "planner": "llm", "run_dir": str(folder / "agent")})
    info = {"usage": state.get("usage") or {}, "repairs": state.get("repairs", 0)}
    if state.get("intent") is None:
        info["error_rules"] = sorted({f["rule"] for f in state.get("findings") or []})
        info["error"] = state.get("reply", "")
    return state.get("intent"), info


def run_case(case: Case, planner: str, out: Path) -> dict[str, Any]:
    """Plan, score, build and check one case; never raises."""
    folder = out / "cases" / planner / case.id
    result: dict[str, Any] = {"id": case.id, "tier": case.tier, "planner": planner, "ring_pads": ring_size(case),
                              "valid": False, "semantic_pass": False, "differences": [], "drc_clean": None,
                              "lvs_clean": None, "times_s": {}, "llm_calls": 0, "tokens_in": 0, "tokens_out": 0,
                              "outputs": str(folder), "error": None}
    if case.style or case.convention:
        result.update(style=case.style, convention=case.convention)
    start = time.perf_counter()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        intent, info = _plan(case, planner, folder)
        result["times_s"]["plan"] = round(time.perf_counter() - t, 4)
        usage = info.get("usage", {})
        result.update(llm_calls=usage.get("calls", 0), tokens_in=usage.get("tokens_in", 0),
                      tokens_out=usage.get("tokens_out", 0))
        if case.expected_error:
            rules = info.get("error_rules", [])
            result["semantic_pass"] = intent is None and case.expected_error in rules
            result["error"] = None if result["semantic_pass"] else f"expected {case.expected_error}, got {rules or 'a plan'}"
        elif intent is None:
            result["error"] = info.get("error") or "no intent"
        else:
            _score_and_check(case, intent, folder, result)
    except Exception as exc:  # a crash of one case must not stop the run
        result["error"] = f"{type(exc).__name__}: {exc}".splitlines()[0]
        result["traceback"] = traceback.format_exc(limit=5)
    result["times_s"]["total"] = round(time.perf_counter() - start, 4)
    (folder / "result.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return result


def _score_and_check(case: Case, intent: dict[str, Any], folder: Path, result: dict[str, Any]) -> None:
    from verify.check import run_check

    t = time.perf_counter()
    validation = validate_data(intent, case.id)
    result["times_s"]["validate"] = round(time.perf_counter() - t, 4)
    result["valid"] = validation.valid
    if validation.intent is None:
        result["error"] = "the plan breaks the schema"
        return
    if case.expected is None:
        result["error"] = case.note or "no expected intent"
        return
    differences = compare(case.expected, validation.intent)
    result["differences"] = [d.model_dump() for d in differences]
    result["semantic_pass"] = validation.valid and semantic_pass(differences)
    if not validation.valid:
        return
    t = time.perf_counter()
    build(validation.intent, folder / "ring")
    result["times_s"]["build"] = round(time.perf_counter() - t, 4)
    expected = folder / "expected.json"
    # the design (top-cell) name is the request's label, not scored: LVS compares the ring, not its name
    reference = case.expected.model_dump(mode="json") | {"design": validation.intent.design}
    expected.write_text(dump_intent(parse_intent(reference)))
    checks = run_check(folder / "ring", expected, CHECK_TIMEOUT_S)
    result["drc_clean"], result["lvs_clean"] = checks["drc"]["clean"], checks["lvs"]["clean"]
    result["times_s"]["drc"], result["times_s"]["lvs"] = checks["drc"]["time_s"], checks["lvs"]["time_s"]


def done(out: Path, planner: str, case: Case) -> dict[str, Any] | None:
    """The stored result of a case from an earlier (interrupted) run, if any."""
    path = out / "cases" / planner / case.id / "result.json"
    return json.loads(path.read_text()) if path.is_file() else None


def _progress(n: int, total: int, result: dict[str, Any]) -> None:
    mark = "pass" if result["semantic_pass"] and result.get("drc_clean") is not False \
        and result.get("lvs_clean") is not False else "FAIL"
    print(f"\r[{n}/{total}] {result['planner']}/{result['id']}: {mark}".ljust(90), end="", file=sys.stderr, flush=True)


def _finished(todo: list[tuple[Case, str]], out: Path, workers: int, dask_address: str | None
              ) -> Iterator[dict[str, Any]]:
    """Run the cases on Dask, a process pool or in this process; yield each result as it finishes."""
    if dask_address:
        from dask.distributed import Client, as_completed as dask_completed

        with Client(dask_address) as client:
            futures = [client.submit(run_case, case, planner, out, pure=False) for case, planner in todo]
            for future in dask_completed(futures):
                yield future.result()
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_case, case, planner, out) for case, planner in todo]
            for future in as_completed(futures):
                yield future.result()
    else:
        for case, planner in todo:
            yield run_case(case, planner, out)


def run_suite(cases: list[Case], planners: Iterable[str], out: Path, workers: int = 1,
              dask_address: str | None = None, progress: Callable[[int, int, dict], None] = _progress,
              ) -> list[dict[str, Any]]:
    """Run every (case, planner) not yet done; return all results (old and new) in suite order."""
    jobs = [(case, planner) for planner in planners for case in cases]
    results: dict[tuple[str, str], dict[str, Any]] = {}
    todo = []
    for case, planner in jobs:
        previous = done(out, planner, case)
        if previous is not None:
            results[(planner, case.id)] = previous
        else:
            todo.append((case, planner))
    count = len(results)
    for result in _finished(todo, out, workers, dask_address):
        results[(result["planner"], result["id"])] = result
        count += 1
        progress(count, len(jobs), result)
    print(file=sys.stderr)
    return [results[(planner, case.id)] for case, planner in jobs]
