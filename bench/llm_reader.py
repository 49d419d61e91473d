"""The LLM reader on real local models: per case correctness, agreement with the rule reader, calls, tokens, seconds.

Each case goes through the agent graph itself (both readers, the repair loop on the LLM's
statements, the verdict) up to the layout, which is not built: this measures reading. The
LLM reader's own plan (its last answer, through the shared assembler) and the graph's verdict
plan are scored against the case's expected intent with ``bench/score.py`` (strict fields).
Cases: the smallest satisfiable case of each style of the tuned designer suite (never the
hold-out), plus ``examples/specs/mixed_4x4.txt``.

    python -m bench.llm_reader --model qwen2.5-coder-0.5b [--cases 12] [--threads 1] [-o FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver

from adaptor.intent import IntentGraph
from adaptor.load import parse_intent, read_json
from agent import llm
from agent.config import LLMConfig
from agent.graph import Agent
from agent.planner.assemble import assemble
from agent.planner.errors import PlanError
from agent.planner.llm_reader import Statements, to_spec
from bench import golden
from bench.corpus.view import View
from bench.golden import DIGITAL
from bench.models import fetch
from bench.score import compare, semantic_pass
from bench.suite import Case, load_suite

ROOT = Path(__file__).resolve().parent.parent


def statements_of(view: View, start_top: bool = False, ranges: bool = True) -> dict[str, Any]:
    """What a perfect LLM reader writes for a request with ``view``'s facts (``bench.corpus.view``): the
    list from the top side when ``start_top``, analog pads as ranges when ``ranges`` (else member lists)."""
    listing, keys = list(view.listing), list(view.keys)
    start = "left"
    if start_top:
        shift = next(i for i, p in enumerate(golden.positions(view.per_side, view.order)) if p.startswith("top_"))
        listing, keys, start = listing[shift:] + listing[:shift], keys[shift:] + keys[:shift], "top"
    supplies: list[dict[str, Any]] = []
    runs = [r for r in _runs(keys) if r[2] != DIGITAL]
    for key in view.analog:
        vdd, vss = view.analog[key]
        mine = [r for r in runs if r[2] == key]
        if ranges and all(listing.count(listing[a]) == 1 and listing.count(listing[b]) == 1 for a, b, _ in mine):
            supplies += [{"vdd": vdd, "vss": vss, "first_pad": listing[a], "last_pad": listing[b]} for a, b, _ in mine]
        else:
            supplies.append({"vdd": vdd, "vss": vss,
                             "pads": sorted({listing[k] for a, b, _ in mine for k in range(a, b + 1)})})
    left, bottom, right, top = view.per_side
    return {"design": view.id, "size": {"left": left, "bottom": bottom, "right": right, "top": top},
            "order": view.order, "start_side": start, "pads": listing, "analog_supplies": supplies,
            "digital_supplies": list(view.digital or ()),
            "inner_pads": [{"name": n, "between": [a, b]} for n, a, b, _ in view.inner],
            "inputs": [n for n, d in view.directions.items() if d == "in"],
            "outputs": [n for n, d in view.directions.items() if d == "out"],
            "inouts": [n for n, d in view.directions.items() if d == "inout"],
            "drives": [{"pad": n, "ma": ma} for n, ma in view.drives.items()]}


def _runs(keys: list[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for k, key in enumerate(keys):
        if out and out[-1][2] == key:
            out[-1] = (out[-1][0], k, key)
        else:
            out.append((k, k, key))
    return out


def pick_cases(count: int) -> list[Case]:
    """mixed_4x4, then the smallest satisfiable case of each designer style, smallest first."""
    cases = [c for c in load_suite(ROOT / "bench" / "suites" / "designer") if c.expected is not None]
    best: dict[str, Case] = {}
    for case in sorted(cases, key=lambda c: (len(c.expected.pads), c.id)):  # type: ignore[union-attr]
        best.setdefault(case.style or "?", case)
    mixed = Case(id="mixed_4x4", tier="example", prompt=ROOT / "examples" / "specs" / "mixed_4x4.txt",
                 expected=parse_intent(read_json(ROOT / "examples" / "mixed_4x4.json"), "mixed_4x4.json"),
                 style="bench")
    ordered = sorted(best.values(), key=lambda c: len(c.expected.pads))  # type: ignore[union-attr]
    return [mixed] + ordered[:max(0, count - 1)]


def _llm_plan(state: dict[str, Any]) -> IntentGraph | None:
    """The LLM reader's own plan: its last answer through the shared assembler (None: it does not assemble)."""
    answers = [m["content"] for m in state.get("messages") or [] if m["role"] == "assistant"]
    if not answers:
        return None
    try:
        return assemble(to_spec(Statements.model_validate(llm.parse_json(answers[-1])))).intent
    except (ValueError, PlanError):  # pydantic's ValidationError is a ValueError
        return None


def run_case(agent: Agent, case: Case, tmp: Path) -> dict[str, Any]:
    """One case through the graph up to the layout; what the readers did and how right they were."""
    graph = agent.graph().compile(checkpointer=InMemorySaver(), interrupt_before=["layout"])
    config = {"configurable": {"thread_id": case.id}}
    start = time.perf_counter()
    graph.invoke({"request": case.prompt.read_text(), "planner": "llm", "run_dir": str(tmp / case.id)}, config)
    seconds = time.perf_counter() - start
    state = graph.get_state(config).values
    usage = state.get("usage") or {}
    assert case.expected is not None
    own = _llm_plan(state)
    final = IntentGraph.model_validate(state["intent"]) if state.get("status") == "valid" else None
    own_diff = compare(case.expected, own) if own else None
    reading = state.get("reading") or {}
    return {"id": case.id, "style": case.style, "pads": len(case.expected.pads), "status": state.get("status"),
            "verdict": reading.get("verdict"),
            "differences": [f"{d['field']}: {d['where']}" for d in reading.get("differences") or []],
            "llm_correct": bool(own_diff is not None and semantic_pass(own_diff)),
            "llm_strict_differences": None if own_diff is None else sum(d.strict for d in own_diff),
            "final_correct": bool(final and semantic_pass(compare(case.expected, final))),
            "calls": usage.get("calls", 0), "repairs": state.get("repairs", 0),
            "tokens_in": usage.get("tokens_in", 0), "tokens_out": usage.get("tokens_out", 0),
            "truncated": usage.get("truncated", 0), "seconds": round(seconds, 1),
            "findings": sorted({f["rule"] for f in state.get("findings") or []}),
            "llm_findings": sorted({f["rule"] for f in reading.get("llm_findings") or []})}


def table(data: dict[str, Any]) -> str:
    """The results as markdown: one row per (model, case), then a total per model."""
    lines = ["| model | case | style | pads | LLM reader correct | readers | outcome | calls | tokens in/out | s | s/call |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    totals = []
    for run in data["runs"].values():
        rows = list(run["rows"].values())
        for r in rows:
            outcome = "plan correct" if r["final_correct"] else r["status"]
            lines.append(f"| {run['model']} | {r['id']} | {r['style']} | {r['pads']} | "
                         f"{'yes' if r['llm_correct'] else 'no'} | {r['verdict'] or '–'} | {outcome} | {r['calls']} | "
                         f"{r['tokens_in']}/{r['tokens_out']} | {r['seconds']:.0f} | "
                         f"{r['seconds'] / max(1, r['calls']):.0f} |")
        n = len(rows)
        totals.append(f"| {run['model']} | **{n} cases** | | | **{sum(r['llm_correct'] for r in rows)}/{n}** | "
                      f"agree {sum(r['verdict'] == 'agree' for r in rows)}, same ring "
                      f"{sum(r['verdict'] == 'same_ring' for r in rows)}, disagree "
                      f"{sum(r['verdict'] == 'disagree' for r in rows)}, LLM unusable "
                      f"{sum(r['verdict'] == 'rules_only' for r in rows)} | "
                      f"{sum(r['final_correct'] for r in rows)}/{n} plans correct | {sum(r['calls'] for r in rows)} | "
                      f"{sum(r['tokens_in'] for r in rows)}/{sum(r['tokens_out'] for r in rows)} | "
                      f"{sum(r['seconds'] for r in rows):.0f} | "
                      f"{sum(r['seconds'] for r in rows) / max(1, sum(r['calls'] for r in rows)):.0f} |")
    return "\n".join(lines + totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-coder-0.5b")
    parser.add_argument("--cases", type=int, default=12)
    parser.add_argument("--only", nargs="*", help="case ids to run (default: the picked cases)")
    parser.add_argument("--threads", type=int, default=1, help="llama.cpp threads (1: fastest on a shared CPU)")
    parser.add_argument("--max-tokens", type=int, default=1024)
    parser.add_argument("--repair-max", type=int, default=2)
    parser.add_argument("-o", "--output", default=str(ROOT / "bench" / "results" / "llm_reader.json"))
    parser.add_argument("--table", action="store_true", help="print the results as a markdown table and stop")
    args = parser.parse_args(argv)
    out = Path(args.output)
    if args.table:
        print(table(json.loads(out.read_text())))
        return 0
    config = LLMConfig(model_path=str(fetch(args.model)), model=args.model, max_tokens=args.max_tokens,
                       context_tokens=8192, threads=args.threads, timeout_s=1800, max_retries=0,
                       repair_max=args.repair_max)
    agent = Agent(config)
    cases = pick_cases(args.cases)
    if args.only:
        cases = [c for c in pick_cases(999) if c.id in args.only]
    data = json.loads(out.read_text()) if out.is_file() else {"benchmark": "llm_reader", "runs": {}}
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="ioring_llm_reader_"))
    key = f"{args.model} threads={args.threads} max_tokens={args.max_tokens} repair_max={args.repair_max}"
    run = data["runs"].setdefault(key, {"model": args.model, "threads": args.threads, "rows": {}})
    out.parent.mkdir(parents=True, exist_ok=True)
    for case in cases:
        row = run_case(agent, case, tmp)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
        run["rows"][row["id"]] = row  # written after every case: an interrupted run keeps what it measured
        out.write_text(json.dumps(data, indent=2) + "\n")
    n = len(rows)
    print(f"{args.model}: LLM reader correct {sum(r['llm_correct'] for r in rows)}/{n}, "
          f"readers agree {sum(r['verdict'] == 'agree' for r in rows)}/{n}, "
          f"final plan correct {sum(r['final_correct'] for r in rows)}/{n}, "
          f"{sum(r['calls'] for r in rows)} calls, {sum(r['seconds'] for r in rows):.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
