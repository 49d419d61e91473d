"""The check worker: DRC and LVS of one layout, run as ``python -m verify.worker`` in a subprocess.

pip klayout can crash or hang on malformed input; the parent (verify.check) runs this module
with a timeout so that either becomes a clean error. Writes into OUT_DIR: ``drc.json`` and
``drc.lyrdb`` (before LVS starts, so DRC's findings survive an LVS crash), ``lvs.json``,
``reference.sp``, and ``lvs.lvsdb`` when asked or when LVS fails. Each JSON report names the
SHA-256 of the layout file(s) it checked (``layouts``), so a stale report can be recognised.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import klayout.db as kdb
import klayout.rdb as rdb

from adaptor.errors import UserError
from adaptor.findings import Finding, errors
from adaptor.intent import IntentGraph
from adaptor.load import read_json
from adaptor.placement import place
from adaptor.technology import load_profile
from verify.drc import run_drc
from verify.frontend import NOTE as FRONTEND_NOTE
from verify.layout import RingLayout, layout_digest, read_ring
from verify.library import cell_differs, shipped_cells
from verify.lvs import run_lvs

LVSDB_MAX_CELLS = 5000  # a failing ring with more cells gets no lvs.lvsdb unless asked (it grows to GBs)
USER_ERROR = 3


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


def same_layout(ring: RingLayout, other: RingLayout) -> str:
    """Empty when two reads of a ring are the same geometry, else what differs (the checks then refuse).

    Compared: the top cells (instances, and per layer the merged shapes and the texts), every
    generated cell (breakers; fingerprint, then XOR of differing layers), and which library cells
    each file modifies (DRC compares those with the shipped library).
    """
    a, b = ring.top, other.top
    library = shipped_cells(ring.technology)
    if a.name != b.name:
        return f"top cells {a.name} and {b.name}"
    insts = [sorted((i.cell, str(i.trans)) for i in r.insts) for r in (ring, other)]
    if insts[0] != insts[1]:
        return f"the top cells' instances ({len(insts[0])} and {len(insts[1])})"
    if abs(ring.dbu - other.dbu) > 1e-12:
        return f"database units {ring.dbu:g} and {other.dbu:g} µm"
    layers = {(i.layer, i.datatype) for r in (ring, other) for i in r.layout.layer_infos()}
    for layer in sorted(layers):
        if not (ring.region(layer, flat=False) ^ other.region(layer, flat=False)).is_empty():
            return f"top-level shapes on layer {layer[0]}/{layer[1]}"
        texts = [sorted((s.text_string, s.text.x, s.text.y) for s in r.top.shapes(r.layer(layer)).each(kdb.Shapes.STexts))
                 for r in (ring, other)]
        if texts[0] != texts[1]:
            return f"top-level labels on layer {layer[0]}/{layer[1]}"
    for cell in ring.layout.each_cell():  # generated cells (breakers): the library's are compared below
        if cell.name in library or cell.cell_index() == a.cell_index():
            continue
        twin = other.layout.cell(cell.name)
        if twin is None:
            return f"cell {cell.name} (only in the first)"
        what = cell_differs(ring.layout, cell, other.layout, twin)
        if what:
            return f"cell {cell.name}: {what}"
    if ring.modified_cells != other.modified_cells:
        differ = set(ring.modified_cells) ^ set(other.modified_cells) or set(ring.modified_cells)
        return f"library cells ({', '.join(sorted(differ))})"
    return ""


def run(layout_path: Path, intent_path: Path, out_dir: Path, lvsdb: bool = False,
        also: Path | None = None) -> dict[str, object]:
    """Run DRC and LVS, write the reports, return a short summary.

    ``also``: a second file of the same ring (ring.gds beside ring.oas); a UserError when the two
    differ. ``lvsdb``: write lvs.lvsdb even when LVS is clean (it is written when LVS fails, unless
    the ring is too large to make it useful).
    """
    begin, cpu = time.perf_counter(), time.process_time()
    intent = IntentGraph.model_validate(read_json(intent_path))  # schema-checked by the caller
    profile = load_profile(intent.technology)
    paths = [layout_path] + ([also] if also else [])
    stamp = {"layouts": layout_digest(paths), "intent": str(intent_path)}
    start = time.perf_counter()
    ring = read_ring(layout_path, profile)
    if also is not None:
        differs = same_layout(ring, read_ring(also, profile))
        if differs:
            raise UserError(f"{layout_path} and {also} are not the same layout: they differ in {differs}",
                            f"rebuild the ring, or check one file: ioring check {also} --intent {intent_path}")
    drc = run_drc(ring, profile, die=place(intent).die)
    drc_s = time.perf_counter() - start
    (out_dir / "drc.json").write_text(_report(drc, drc_s, **stamp))
    write_rdb(drc, ring.top.name, out_dir / "drc.lyrdb")
    start = time.perf_counter()
    lvs = run_lvs(ring, intent, profile, str(out_dir))
    lvs_s = time.perf_counter() - start
    failed = bool(errors(lvs.findings))
    cells = len(ring.insts)
    if lvsdb or (failed and cells <= LVSDB_MAX_CELLS):
        lvs.lvs.write(str(out_dir / "lvs.lvsdb"), True)  # short format
        note = "lvs.lvsdb"
    elif failed:
        note = f"not written: {cells} cells in the ring (more than {LVSDB_MAX_CELLS}); pass --lvsdb to write it"
    else:
        note = "not written: LVS is clean (pass --lvsdb to write it)"
    (out_dir / "lvs.json").write_text(_report(lvs.findings, lvs_s, compare_match=lvs.compare_match, lvsdb=note,
                                              frontend=FRONTEND_NOTE,
                                              **stamp))
    return {"drc": len(errors(drc)), "lvs": len(errors(lvs.findings)), "drc_s": round(drc_s, 4),
            "lvs_s": round(lvs_s, 4), "total_s": round(time.perf_counter() - begin, 4),
            "cpu_s": round(time.process_time() - cpu, 4)}


def main(argv: list[str]) -> int:
    """``python -m verify.worker LAYOUT INTENT OUT_DIR [--also LAYOUT2] [--lvsdb]``; exit 3 with a JSON
    ``{"error", "hint"}`` line on stdout for a user error."""
    parser = argparse.ArgumentParser(prog="verify.worker")
    parser.add_argument("layout", type=Path)
    parser.add_argument("intent", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--also", type=Path)
    parser.add_argument("--lvsdb", action="store_true")
    args = parser.parse_args(argv)
    try:
        summary = run(args.layout, args.intent, args.out_dir, args.lvsdb, args.also)
    except UserError as exc:
        print(json.dumps({"error": exc.message, "hint": exc.hint}))
        return USER_ERROR
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
