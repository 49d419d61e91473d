"""The check worker: DRC and LVS of one layout, run as ``python -m verify.worker`` in a subprocess.

pip klayout can crash or hang on malformed input; the parent (verify.check) runs this module
with a timeout so that either becomes a clean error. Writes into OUT_DIR: ``drc.json``,
``drc.lyrdb``, ``lvs.json``, ``lvs.lvsdb``, ``reference.sp``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import klayout.db as kdb
import klayout.rdb as rdb

from adaptor.findings import Finding, errors
from adaptor.load import load_intent
from adaptor.technology import load_profile
from verify.drc import run_drc
from verify.frontend import NOTE as FRONTEND_NOTE
from verify.layout import read_ring
from verify.lvs import run_lvs


def write_rdb(findings: list[Finding], top: str, path: Path) -> None:
    """A KLayout report database: one category per rule, one item per finding (box and message)."""
    db = rdb.ReportDatabase("ioring DRC")
    db.top_cell_name = top
    cell = db.create_cell(top)
    categories: dict[str, rdb.RdbCategory] = {}
    for f in findings:
        cat = categories.get(f.rule) or db.create_category(f.rule)
        categories[f.rule] = cat
        item = db.create_item(cell.rdb_id(), cat.rdb_id())
        if f.x_um is not None and f.y_um is not None:
            item.add_value(kdb.DBox(f.x_um - 1, f.y_um - 1, f.x_um + 1, f.y_um + 1))
        item.add_value(f.message)
    db.save(str(path))


def _report(findings: list[Finding], seconds: float, **extra: object) -> str:
    """The JSON report: clean when no finding is an error; warnings are listed and counted apart."""
    rules: dict[str, int] = {}
    for f in errors(findings):
        rules[f.rule] = rules.get(f.rule, 0) + 1
    count = len(errors(findings))
    return json.dumps({"clean": count == 0, "count": count, "warnings": len(findings) - count, "rules": rules,
                       "time_s": round(seconds, 4),
                       **extra, "findings": [f.model_dump(mode="json", exclude_none=True) for f in findings]},
                      indent=2) + "\n"


def run(layout_path: Path, intent_path: Path, out_dir: Path) -> dict[str, object]:
    """Run DRC and LVS, write the reports, return a short summary."""
    intent = load_intent(intent_path)
    profile = load_profile(intent.technology)
    start = time.perf_counter()
    ring = read_ring(layout_path, profile)
    drc = run_drc(ring, profile)
    drc_s = time.perf_counter() - start
    (out_dir / "drc.json").write_text(_report(drc, drc_s, layout=str(layout_path)))
    write_rdb(drc, ring.top.name, out_dir / "drc.lyrdb")
    start = time.perf_counter()
    lvs = run_lvs(ring, intent, profile, str(out_dir))
    lvs_s = time.perf_counter() - start
    (out_dir / "lvs.json").write_text(_report(lvs.findings, lvs_s, compare_match=lvs.compare_match,
                                              intent=str(intent_path), frontend=FRONTEND_NOTE))
    lvs.lvs.write(str(out_dir / "lvs.lvsdb"), True)  # short format
    return {"drc": len(errors(drc)), "lvs": len(errors(lvs.findings)), "drc_s": round(drc_s, 4),
            "lvs_s": round(lvs_s, 4)}


if __name__ == "__main__":
    summary = run(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    print(json.dumps(summary))
