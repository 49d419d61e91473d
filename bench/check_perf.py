"""DRC and LVS time against ring size (4 to 100 pads per side), and how the cost grows.

Each size is built, then checked by the worker in a fresh subprocess as `ioring check DIR` runs
it (ring.oas checked, ring.gds read and compared with it). Columns: DRC (reading both files,
comparing them, every DRC rule and the library-cell comparison), LVS, the worker's total (intent,
layout hashes, DRC, LVS, reports; no lvs.lvsdb for a clean ring) and the subprocess wall time
(adds Python start-up and imports, about 0.8 s); the worker's CPU time is the wall time an
unloaded machine would see (the benchmark machine is shared). Prints the log-log growth exponent of DRC+LVS
time against pad count (1.0 = linear); writes JSON (default ``bench/results/check_perf.json``).

    python bench/check_perf.py [--sizes 4 8 18 32 50 75 100] [-o FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adaptor.build import build  # noqa: E402
from bench.synthetic import mixed_ring  # noqa: E402

DEFAULT_SIZES = [4, 8, 18, 32, 50, 75, 100]


def measure(per_side: int) -> dict[str, float]:
    """Build and check one synthetic ring; stage times in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ring"
        build(mixed_ring(per_side), folder)
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "verify.worker", str(folder / "ring.oas"),
                              str(folder / "intent.json"), f"--also={folder / 'ring.gds'}", tmp],
                             check=True, capture_output=True, text=True)
        wall = time.perf_counter() - start
    summary = json.loads(out.stdout)
    assert summary["drc"] == 0 and summary["lvs"] == 0, summary
    return {"per_side": per_side, "pads": 4 * per_side, "drc_s": summary["drc_s"], "lvs_s": summary["lvs_s"],
            "drc_lvs_s": round(summary["drc_s"] + summary["lvs_s"], 4), "worker_total_s": summary["total_s"],
            "worker_cpu_s": summary["cpu_s"],
            "subprocess_wall_s": round(wall, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("-o", "--output", default="bench/results/check_perf.json")
    args = parser.parse_args()
    rows = []
    print(f"{'pads/side':>9} {'pads':>5} {'DRC s':>7} {'LVS s':>7} {'DRC+LVS':>8} {'total s':>8} {'cpu s':>6} {'wall s':>7}")
    for size in args.sizes:
        row = measure(size)
        rows.append(row)
        print(f"{row['per_side']:>9} {row['pads']:>5} {row['drc_s']:>7.3f} {row['lvs_s']:>7.3f} "
              f"{row['drc_lvs_s']:>8.3f} {row['worker_total_s']:>8.3f} {row['worker_cpu_s']:>6.3f} {row['subprocess_wall_s']:>7.2f}")
    first, last = rows[0], rows[-1]
    growth = math.log(last["drc_lvs_s"] / first["drc_lvs_s"]) / math.log(last["pads"] / first["pads"])
    print(f"growth exponent of DRC+LVS time vs pads, {first['pads']} → {last['pads']} pads: {growth:.2f} "
          "(1.0 = linear)")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "check", "rows": rows, "growth_exponent": growth,
                                             "load_average_1min": os.getloadavg()[0]},
                                            indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
