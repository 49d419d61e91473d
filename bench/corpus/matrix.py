"""The phrasing matrix: every expected intent of a suite re-rendered in every style, planned, scored.

    PYTHONPATH=. python -m bench.corpus.matrix bench/suites/ioring-30 -o bench/results/matrix.json

Each intent (via ``view.from_intent``) is written in each style with tuned-part phrasing forms
(seeded per case and style), planned with the rule-based planner, and compared with the intent
by the semantic scorer (bench.score). Prints a per-style table; writes every cell to the JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import zlib
from pathlib import Path
from typing import Any

from adaptor.intent import IntentGraph
from bench.corpus.styles import STYLES, choose_phrasing, render
from bench.corpus.view import from_intent
from bench.score import compare, semantic_pass
from bench.suite import load_suite


def render_intent(intent: IntentGraph, style: str) -> tuple[str, str]:
    """(text, variant) of ``intent`` in ``style``, deterministic per design name and style."""
    seed = zlib.crc32(f"{intent.design}/{style}".encode())
    phrasing = choose_phrasing(style, random.Random(seed), holdout=False)
    return render(from_intent(intent), style, phrasing, seed), phrasing.label()


def plan_and_score(text: str, expected: IntentGraph, case_id: str) -> dict[str, Any]:
    """Plan ``text`` with the rule-based planner and score it; a refusal or crash is a failure."""
    from agent.planner import plan_text
    from agent.planner.errors import PlanError

    try:
        intent = plan_text(text, "prompt", case_id).intent
    except PlanError as exc:
        return {"passed": False, "error": "; ".join(sorted({f.rule for f in exc.findings}))}
    except Exception as exc:  # noqa: BLE001 - a crash of the planner is a failed cell, the matrix goes on
        return {"passed": False, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]}
    strict = [d for d in compare(expected, intent) if d.strict]
    return {"passed": semantic_pass(strict), "error": None,
            "differences": [f"{d.position}.{d.field}: {d.expected} -> {d.actual}" for d in strict[:3]]}


def run_matrix(suite: Path) -> dict[str, Any]:
    """Every (case, style) cell of a suite's expected intents."""
    cells = []
    for case in load_suite(suite):
        if case.expected is None:
            continue
        for style in STYLES:
            text, variant = render_intent(case.expected, style)
            cells.append({"case": case.id, "style": style, "variant": variant,
                          **plan_and_score(text, case.expected, case.id)})
    per_style = {s: {"passed": sum(c["passed"] for c in cells if c["style"] == s),
                     "cases": sum(c["style"] == s for c in cells)} for s in STYLES}
    return {"suite": suite.name, "per_style": per_style, "passed": sum(c["passed"] for c in cells),
            "cells": len(cells), "results": cells}


def table(result: dict[str, Any]) -> str:
    """The per-style markdown table."""
    lines = [f"# Phrasing matrix: {result['suite']}", "", "| style | passed |", "|---|---|"]
    lines += [f"| {s} | {n['passed']}/{n['cases']} |" for s, n in result["per_style"].items()]
    lines.append(f"| **all** | **{result['passed']}/{result['cells']}** |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.json")
    args = parser.parse_args(argv)
    result = run_matrix(args.suite)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    args.output.with_suffix(".md").write_text(table(result))
    print(table(result), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
