"""End-to-end and per-stage time (plan, validate, build, DRC, LVS) against ring size, with peak memory.

Each size runs in a fresh subprocess: a synthetic ring (bench/synthetic.py) is written as an
AMS-IO-Bench style prompt, planned by the rule-based planner, validated, built and checked.
Prints a table and writes JSON (default ``bench/results/perf.json``).

    python bench/perf.py [--sizes 4 8 18 32 50 75 100] [-o FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = [4, 8, 18, 32, 50, 75, 100]
STAGES = ("plan", "validate", "build", "drc", "lvs")


def prompt_for(per_side: int) -> str:
    """A prompt whose plan is the synthetic ring of ``per_side`` pads per side."""
    from bench.synthetic import mixed_ring

    names = " ".join(p.name for p in mixed_ring(per_side).pads)
    return (f"{per_side} pads per side. Single ring layout. Order: counterclockwise.\n"
            f"Signal names: {names}\n"
            "- From VIN0 to IBIAS uses AVDD and AVSS as voltage domain\n"
            "- Digital domain uses VDD, VSS, IOVDD, IOVSS as voltage domain\n")


def one(per_side: int) -> dict[str, object]:
    """All stages for one size, in this process."""
    from adaptor.build import build
    from adaptor.load import dump_intent
    from adaptor.validate import validate_data
    from agent.planner import plan_text
    from verify.worker import run

    times: dict[str, float] = {}
    start = time.perf_counter()
    intent = plan_text(prompt_for(per_side)).intent
    times["plan"] = time.perf_counter() - start
    t = time.perf_counter()
    assert validate_data(json.loads(dump_intent(intent))).valid
    times["validate"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build(intent, Path(tmp) / "ring")
        times["build"] = time.perf_counter() - t
        summary = run(Path(tmp) / "ring" / "ring.oas", Path(tmp) / "ring" / "intent.json", Path(tmp))
    assert summary["drc"] == 0 and summary["lvs"] == 0, summary
    times["drc"], times["lvs"] = float(summary["drc_s"]), float(summary["lvs_s"])
    total = time.perf_counter() - start
    return {"per_side": per_side, "pads": len(intent.pads), "total_s": round(total, 3),
            **{f"{k}_s": round(v, 4) for k, v in times.items()},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("-o", "--output", default="bench/results/perf.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    rows = []
    head = " ".join(f"{s + ' s':>9}" for s in STAGES)
    print(f"{'pads/side':>9} {'pads':>5} {head} {'total s':>8} {'peak MB':>8}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True, capture_output=True,
                             text=True, cwd=ROOT)
        row = json.loads(out.stdout)
        rows.append(row)
        cells = " ".join(f"{row[f'{s}_s']:>9.3f}" for s in STAGES)
        print(f"{row['per_side']:>9} {row['pads']:>5} {cells} {row['total_s']:>8.3f} {row['peak_rss_mb']:>8.1f}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "end_to_end", "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
