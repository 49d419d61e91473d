"""`ioring size-bench`: every optimiser at every budget, over seeds, spec sets and templates.

Writes ``{"<template>/<specset>": {"<method>": {"<budget>": {"mean": …, "std": …}}}}`` (the best
reward of each run, i.e. the trajectory value) and prints the table.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from sizing.optimize import METHODS, optimise
from sizing.template import available, load_template


def size_bench(budgets: list[int], seeds: int, templates: list[str] | None = None,
               methods: tuple[str, ...] = METHODS) -> dict[str, Any]:
    """The benchmark results (and the time it took, under ``"_meta"``)."""
    start = time.perf_counter()
    out: dict[str, Any] = {}
    for name in templates or available():
        template = load_template(name)
        for specset, specs in template.specs.items():
            key = f"{name}/{specset}"
            out[key] = {}
            for method in methods:
                out[key][method] = {}
                for budget in budgets:
                    values = [optimise(template, specs, budget, method, seed).best().reward for seed in range(seeds)]
                    out[key][method][str(budget)] = {"mean": round(statistics.mean(values), 4),
                                                     "std": round(statistics.pstdev(values), 4)}
                print(f"  {key} {method}: " + ", ".join(f"{b}: {out[key][method][str(b)]['mean']:.3f}"
                                                        for b in budgets), file=sys.stderr)
    out["_meta"] = {"seconds": round(time.perf_counter() - start, 1), "seeds": seeds, "budgets": budgets}
    return out


def table(results: dict[str, Any], budgets: list[int]) -> str:
    """A markdown table: rows are template/spec set, columns method@budget (mean ± std)."""
    keys = [k for k in results if not k.startswith("_")]
    methods = list(results[keys[0]]) if keys else []
    head = "| case | " + " | ".join(f"{m} @{b}" for m in methods for b in budgets) + " |"
    lines = [head, "|" + "---|" * (1 + len(methods) * len(budgets))]
    for key in keys:
        cells = [f"{results[key][m][str(b)]['mean']:.3f} ± {results[key][m][str(b)]['std']:.3f}"
                 for m in methods for b in budgets]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    means = [f"{statistics.mean(results[k][m][str(b)]['mean'] for k in keys):.3f}" for m in methods for b in budgets]
    lines.append("| **mean** | " + " | ".join(means) + " |")
    return "\n".join(lines) + "\n"
