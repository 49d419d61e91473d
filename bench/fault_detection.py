"""The fault-injection table: each fault in several example rings, and the rules that caught it.

    python bench/fault_detection.py [-o FILE]   (default bench/results/fault_detection.json)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import klayout.db as kdb  # noqa: E402

from adaptor.build import build  # noqa: E402
from adaptor.load import load_intent  # noqa: E402
from adaptor.technology import load_profile  # noqa: E402
from verify.faults import FAULTS  # noqa: E402
from verify.worker import run  # noqa: E402

RINGS = ["mixed_4x4", "multi_domain_8x8", "double_ring_6x6", "nonsquare_5x3"]
ROOT = Path(__file__).resolve().parent.parent


def rules_found(folder: Path, layout_path: Path, tmp: Path) -> set[str]:
    run(layout_path, folder / "intent.json", tmp)
    return {r for name in ("drc.json", "lvs.json") for r in json.loads((tmp / name).read_text())["rules"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="bench/results/fault_detection.json")
    args = parser.parse_args()
    profile = load_profile("sg13g2")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_root:
        tmp = Path(tmp_root)
        for ring in RINGS:
            folder = tmp / ring
            build(load_intent(ROOT / "examples" / f"{ring}.json"), folder)
            clean = rules_found(folder, folder / "ring.oas", tmp)
            rows.append({"ring": ring, "fault": "(none: clean ring)", "expected": [], "found": sorted(clean),
                         "caught": not clean})
            for fault in FAULTS:
                layout = kdb.Layout()
                layout.read(str(folder / "ring.oas"))
                try:
                    fault.inject(layout, layout.top_cell(), profile)
                except ValueError:
                    continue  # e.g. no breaker in a single-domain ring
                layout.write(str(tmp / f"faulty.{fault.suffix}"))
                found = rules_found(folder, tmp / f"faulty.{fault.suffix}", tmp)
                rows.append({"ring": ring, "fault": fault.name, "expected": list(fault.expect), "found": sorted(found),
                             "caught": set(fault.expect) <= found})
    print(f"{'ring':18} {'fault':24} {'caught':6}  expected → found")
    for r in rows:
        print(f"{r['ring']:18} {r['fault']:24} {'yes' if r['caught'] else 'NO':6}  "
              f"{', '.join(r['expected']) or '-'} → {', '.join(r['found']) or 'nothing'}")
    caught = sum(r["caught"] for r in rows)
    print(f"{caught}/{len(rows)} rows as expected")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "fault_detection", "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
