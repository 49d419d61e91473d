"""CLI commands that start from a spec: `ioring plan` and `ioring design`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from adaptor.build import build
from adaptor.load import dump_intent
from agent.planner import plan_file
from ioring.files import write_text_atomic
from verify.check import print_check, run_check


def _print_notes(result_notes: list[str], findings: list) -> None:
    for note in result_notes:
        print(f"note: {note}", file=sys.stderr)
    for finding in findings:
        print(finding.line(), file=sys.stderr)


def cmd_plan(args: argparse.Namespace) -> int:
    """Plan a spec into an intent graph (rule-based planner)."""
    result = plan_file(args.spec, args.technology)
    _print_notes(result.intent.notes, result.findings)
    text = dump_intent(result.intent)
    if args.output:
        write_text_atomic(args.output, text)
        print(f"wrote {args.output} ({len(result.intent.pads)} pads)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_design(args: argparse.Namespace) -> int:
    """Plan → validate → build → check, all outputs in one folder; exit 1 when DRC or LVS fails."""
    start = time.perf_counter()
    result = plan_file(args.spec, args.technology)
    plan_s = round(time.perf_counter() - start, 4)
    _print_notes(result.intent.notes, result.findings)
    built = build(result.intent, Path(args.output), extra={
        "spec": str(args.spec), "planner": "rules", "plan_s": plan_s,
        "warnings": [f.model_dump(mode="json") for f in result.findings]})
    w, h = built["die_um"]
    print(f"wrote {args.output}/ ({built['counts']['pad']} pads, die {w:g} x {h:g} um, "
          f"{plan_s + built['timings_s']['total']:.2f} s)", file=sys.stderr)
    checks = run_check(Path(args.output))
    built["checks"] = {k: {"clean": v["clean"], "count": v["count"], "time_s": v["time_s"]} for k, v in checks.items()}
    write_text_atomic(Path(args.output) / "build.json", json.dumps(built, indent=2) + "\n")
    return print_check(checks)


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `plan` and `design` on the main parser."""
    p = sub.add_parser("plan", help="turn a spec (prompt text, YAML/TOML/CSV table) into an intent graph")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("-o", "--output", help="intent file to write (default: standard output)")
    p.add_argument("--technology", help="target technology (default: sg13g2)")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("design", help="plan, validate, build and check a spec into a folder")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--technology", help="target technology (default: sg13g2)")
    p.set_defaults(func=cmd_design)
