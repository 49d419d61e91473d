"""Build time and peak memory of `ioring build` against ring size (4 to 100 pads per side).

Each size runs in a fresh subprocess so that its peak RSS is its own. Prints a table and
writes JSON (default ``bench/results/build_perf.json``).

    python bench/build_perf.py [--sizes 4 8 18 32 50 75 100] [--repeat 3] [-o FILE]
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

DEFAULT_SIZES = [4, 8, 18, 32, 50, 75, 100]


def one(per_side: int, repeat: int) -> dict[str, float]:
    """Build a synthetic ring ``repeat`` times in this process; best wall time and peak RSS."""
    from adaptor.build import build
    from adaptor.technology import cell_library
    from bench.synthetic import mixed_ring

    cell_library("sg13g2")  # the one-off library read is reported separately
    intent = mixed_ring(per_side)
    times, stages = [], {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = build(intent, Path(tmp) / "ring")
            times.append(time.perf_counter() - start)
            stages = result["timings_s"]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"per_side": per_side, "pads": 4 * per_side, "best_s": round(min(times), 4),
            "mean_s": round(sum(times) / len(times), 4), "peak_rss_mb": round(rss_mb, 1), "stages_s": stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("-o", "--output", default="bench/results/build_perf.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.repeat)))
        return
    rows = []
    print(f"{'pads/side':>9} {'pads':>5} {'best s':>7} {'mean s':>7} {'peak MB':>8}  stages (s)")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True)
        row = json.loads(out.stdout)
        rows.append(row)
        stages = " ".join(f"{k}={v}" for k, v in row["stages_s"].items() if k != "total")
        print(f"{row['per_side']:>9} {row['pads']:>5} {row['best_s']:>7.3f} {row['mean_s']:>7.3f} "
              f"{row['peak_rss_mb']:>8.1f}  {stages}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "build", "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
