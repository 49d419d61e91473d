"""Bench outputs: results.json, results.csv, summary.md (with the paper's numbers) and PNG plots.

A suite with a meta.json also gets pass rates per request style and per supply convention, in
summary.md and pass_rates.json (each row of results.json carries its style and convention).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# AMS-IO-Agent paper (arXiv 2512.21613), DRC+LVS pass on its 30 cases, Cadence + Calibre flow
PAPER = {"simple": "100 %", "medium": "66.67 %", "hard": "30-40 %", "overall": "76.67 %"}
CSV_FIELDS = ["id", "tier", "planner", "ring_pads", "valid", "semantic_pass", "drc_clean", "lvs_clean", "passed",
              "strict_differences", "report_only_differences", "total_s", "llm_calls", "tokens_in", "tokens_out",
              "error", "style", "convention"]


def passed(r: dict[str, Any]) -> bool:
    """A case passes when the plan is semantically right and, when built, DRC- and LVS-clean."""
    if r["tier"] == "unsat":
        return bool(r["semantic_pass"])
    return bool(r["semantic_pass"] and r["drc_clean"] and r["lvs_clean"])


def _rate(rows: list[dict[str, Any]], key: str) -> str:
    """Percentage of rows where ``key`` holds (rows where it was not measured are left out)."""
    rows = [r for r in rows if key == "passed" or r.get(key) is not None]
    if not rows:
        return "-"
    return f"{100 * sum(1 for r in rows if (passed(r) if key == 'passed' else r.get(key))) / len(rows):.1f} %"


def write_reports(results: list[dict[str, Any]], out: Path, suite: str) -> str:
    """Write every output into ``out``; return the summary table (markdown)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    with open(out / "results.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_FIELDS)
        writer.writeheader()
        for r in results:
            diffs = r.get("differences", [])
            writer.writerow({**{k: r.get(k) for k in CSV_FIELDS if k in r}, "passed": passed(r),
                             "strict_differences": sum(1 for d in diffs if d["strict"]),
                             "report_only_differences": sum(1 for d in diffs if not d["strict"]),
                             "total_s": r["times_s"].get("total")})
    by = defaultdict(list)
    for r in results:
        by[(r["planner"], r["tier"])].append(r)
    lines = [f"# Bench summary: {suite}", "",
             "| planner | tier | cases | semantic pass | DRC clean | LVS clean (vs expected) | pass | paper (DRC+LVS) |",
             "|---|---|---|---|---|---|---|---|"]
    for planner in sorted({r["planner"] for r in results}):
        mine = [r for r in results if r["planner"] == planner]
        for tier in ("simple", "medium", "hard", "unsat"):
            rows = by.get((planner, tier), [])
            if rows:
                lines.append(f"| {planner} | {tier} | {len(rows)} | {_rate(rows, 'semantic_pass')} | "
                             f"{_rate(rows, 'drc_clean')} | {_rate(rows, 'lvs_clean')} | {_rate(rows, 'passed')} | "
                             f"{PAPER.get(tier, '-')} |")
        scored = [r for r in mine if r["tier"] != "unsat"]
        lines.append(f"| {planner} | **overall** | {len(scored)} | {_rate(scored, 'semantic_pass')} | "
                     f"{_rate(scored, 'drc_clean')} | {_rate(scored, 'lvs_clean')} | **{_rate(scored, 'passed')}** | "
                     f"{PAPER['overall']} |")
    rates = {key: pass_rates(results, key) for key in ("style", "convention")}
    if any(rates.values()):
        (out / "pass_rates.json").write_text(json.dumps(rates, indent=2) + "\n")
    lines += _breakdown(rates["style"], "style") + _breakdown(rates["convention"], "convention")
    failures = [r for r in results if not passed(r)]
    if failures:
        lines += ["", "## Failing cases", ""]
        for r in failures:
            strict = [d for d in r.get("differences", []) if d["strict"]][:3]
            detail = r.get("error") or "; ".join(f"{d['position']}.{d['field']}: {d['expected']} → {d['actual']}"
                                                  for d in strict)
            lines.append(f"- {r['planner']}/{r['id']} ({r['tier']}): {detail}")
    lines += ["", "The paper's numbers are from its own flow (LVS between two netlists generated from the same "
              "intent); here LVS compares the built layout with the *expected* intent."]
    summary = "\n".join(lines) + "\n"
    (out / "summary.md").write_text(summary)
    _plots(results, out)
    return summary


def pass_rates(results: list[dict[str, Any]], key: str) -> dict[str, dict[str, dict[str, int]]]:
    """Per planner and per value of ``key`` (style or convention, from the suite's meta.json): counts of
    satisfiable cases passed and unsatisfiable ones refused for the right rule."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for r in results:
        if not r.get(key):
            continue
        entry = out.setdefault(r["planner"], {}).setdefault(r[key], {"sat": 0, "sat_passed": 0, "unsat": 0,
                                                                     "unsat_passed": 0})
        kind = "unsat" if r["tier"] == "unsat" else "sat"
        entry[kind] += 1
        entry[f"{kind}_passed"] += passed(r)
    return {planner: dict(sorted(values.items())) for planner, values in sorted(out.items())}


def _breakdown(rates: dict[str, dict[str, dict[str, int]]], key: str) -> list[str]:
    """The markdown table of ``pass_rates`` (nothing when the suite has no meta.json)."""
    if not rates:
        return []
    lines = ["", f"## Pass rate per {key}", "",
             f"| planner | {key} | satisfiable pass | unsatisfiable refused for the right rule | pass |",
             "|---|---|---|---|---|"]
    for planner, values in rates.items():
        for value, n in values.items():
            total = n["sat"] + n["unsat"]
            both = n["sat_passed"] + n["unsat_passed"]
            lines.append(f"| {planner} | {value} | {n['sat_passed']}/{n['sat']} | {n['unsat_passed']}/{n['unsat']} | "
                         f"{100 * both / total:.1f} % |")
    return lines


def _plots(results: list[dict[str, Any]], out: Path) -> None:
    tiers = [t for t in ("simple", "medium", "hard", "unsat") if any(r["tier"] == t for r in results)]
    planners = sorted({r["planner"] for r in results})
    fig, ax = plt.subplots(figsize=(6, 3.5))
    width = 0.8 / max(1, len(planners))
    for k, planner in enumerate(planners):
        rates = []
        for tier in tiers:
            rows = [r for r in results if r["planner"] == planner and r["tier"] == tier]
            rates.append(100 * sum(passed(r) for r in rows) / len(rows) if rows else 0)
        ax.bar([i + k * width for i in range(len(tiers))], rates, width, label=planner)
    ax.set_xticks([i + width * (len(planners) - 1) / 2 for i in range(len(tiers))], tiers)
    ax.set_ylabel("pass rate (%)")
    ax.set_ylim(0, 105)
    ax.set_title("Pass rate by tier")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "pass_rate_by_tier.png", dpi=120)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for planner in planners:
        rows = [r for r in results if r["planner"] == planner and r["ring_pads"]]
        ax.scatter([r["ring_pads"] for r in rows], [r["times_s"].get("total", 0) for r in rows], label=planner)
    ax.set_xlabel("pads in the ring")
    ax.set_ylabel("time per case (s)")
    ax.set_title("Time per case against ring size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "time_vs_size.png", dpi=120)
    plt.close(fig)
