"""DRC and LVS time against ring size (4 to 100 pads per side), and how the cost grows.

Each size is built, then checked twice, each in a fresh process: the worker alone (``python -m
verify.worker``, as ``ioring check DIR`` runs it: ring.oas checked, ring.gds read and compared with
it), for the stages, and the whole command (``python -m ioring check DIR``: start-up, imports, the
worker forked, reports moved into place), for what a user waits for. Columns: DRC (reading both
files, comparing them, every DRC rule and the library-cell comparison), LVS, the worker's total
(intent, layout hashes, DRC, LVS, reports; no lvs.lvsdb for a clean ring) and CPU time, and the
command's wall and CPU time (its own and its forked worker's), each the best of ``--repeat`` runs.
The machine is shared: CPU time is about the wall time an unloaded machine would see, and the
1-minute load average is recorded. Prints the log-log growth exponent of DRC+LVS time against
pad count (1.0 = linear); writes JSON (default ``bench/results/check_perf.json``).

    python bench/check_perf.py [--sizes 4 8 18 32 50 75 100] [--repeat 3] [-o FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adaptor.build import build  # noqa: E402
from bench.synthetic import mixed_ring  # noqa: E402

DEFAULT_SIZES = [4, 8, 18, 32, 50, 75, 100]


def _timed(cmd: list[str]) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run ``cmd``: (result, wall s, CPU s of the process and every child it reaped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(per_side: int, repeat: int = 1) -> dict[str, float]:
    """Build and check one synthetic ring; stage times in seconds (best of ``repeat``)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ring"
        build(mixed_ring(per_side), folder)
        runs, commands = [], []
        for _ in range(repeat):
            out, wall, _cpu = _timed([sys.executable, "-m", "verify.worker", str(folder / "ring.oas"),
                                      str(folder / "intent.json"), f"--also={folder / 'ring.gds'}", tmp])
            runs.append((json.loads(out.stdout), wall))
            _, wall, cpu = _timed([sys.executable, "-m", "ioring", "check", str(folder)])
            commands.append((wall, cpu))
    summary, wall = min(runs, key=lambda r: r[0]["total_s"])
    assert summary["drc"] == 0 and summary["lvs"] == 0, summary
    return {"per_side": per_side, "pads": 4 * per_side, "drc_s": summary["drc_s"], "lvs_s": summary["lvs_s"],
            "drc_lvs_s": round(summary["drc_s"] + summary["lvs_s"], 4), "worker_total_s": summary["total_s"],
            "worker_cpu_s": summary["cpu_s"], "subprocess_wall_s": round(min(w for _, w in runs), 3),
            "check_wall_s": round(min(w for w, _ in commands), 3), "check_cpu_s": round(min(c for _, c in commands), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept (shared machine)")
    parser.add_argument("-o", "--output", default="bench/results/check_perf.json")
    args = parser.parse_args()
    rows = []
    print(f"{'pads/side':>9} {'pads':>5} {'DRC s':>7} {'LVS s':>7} {'DRC+LVS':>8} {'total s':>8} {'cpu s':>6} "
          f"{'check wall':>10} {'check cpu':>9}")
    loads = []
    for size in args.sizes:
        row = measure(size, args.repeat)
        loads.append(os.getloadavg()[0])
        rows.append(row)
        print(f"{row['per_side']:>9} {row['pads']:>5} {row['drc_s']:>7.3f} {row['lvs_s']:>7.3f} "
              f"{row['drc_lvs_s']:>8.3f} {row['worker_total_s']:>8.3f} {row['worker_cpu_s']:>6.3f} "
              f"{row['check_wall_s']:>10.2f} {row['check_cpu_s']:>9.2f}")
    first, last = rows[0], rows[-1]
    growth = math.log(last["drc_lvs_s"] / first["drc_lvs_s"]) / math.log(last["pads"] / first["pads"])
    print(f"growth exponent of DRC+LVS time vs pads, {first['pads']} → {last['pads']} pads: {growth:.2f} "
          "(1.0 = linear)")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "check", "rows": rows, "growth_exponent": growth,
                                             "load_average_1min": os.getloadavg()[0],
                                             "load_average_1min_per_size": loads},
                                            indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
