"""`ioring build`: an intent graph becomes a folder of layout, netlists, picture and summaries.

Everything is written into a temporary folder that replaces the target only on success.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from adaptor.errors import IntentError
from adaptor.findings import errors
from adaptor.gds import write_layout
from adaptor.intent import IntentGraph
from adaptor.load import dump_intent
from adaptor.netlist import spice, verilog
from adaptor.picture import render
from adaptor.placement import Placement, place
from adaptor.rules import check_intent
from adaptor.semantic import semantic_record
from ioring.files import BUILD_MARKER, staged_dir

OUTPUTS = ("ring.gds", "ring.oas", "ring.sp", "ring.v", "ring.png", "placement.json", "intent.json", "semantic.json",
           "build.json", BUILD_MARKER)


def summary(placement: Placement) -> dict[str, Any]:
    """Counts, die size and pitch of a placement."""
    kinds = Counter(c.kind for c in placement.cells)
    return {"design": placement.design, "technology": placement.technology,
            "die_um": list(placement.die), "ring_box_um": list(placement.ring_box),
            "counts": {k: kinds.get(k, 0) for k in ("pad", "corner", "filler", "breaker", "bondpad")},
            "segments": [s.model_dump() for s in placement.segments]}


def write_outputs(intent: IntentGraph, tmp: Path, timings: dict[str, float]) -> Placement:
    """Place the intent and write every output into ``tmp``, recording stage times (s)."""
    def timed(stage: str, start: float) -> float:
        now = time.perf_counter()
        timings[stage] = round(now - start, 4)
        return now

    t = time.perf_counter()
    placement = place(intent)
    t = timed("place", t)
    write_layout(placement, tmp / "ring.gds", tmp / "ring.oas")
    t = timed("layout", t)
    (tmp / "ring.sp").write_text(spice(placement))
    (tmp / "ring.v").write_text(verilog(placement))
    t = timed("netlists", t)
    render(placement, tmp / "ring.png")
    t = timed("picture", t)
    (tmp / "placement.json").write_text(placement.model_dump_json(indent=1) + "\n")
    (tmp / "intent.json").write_text(dump_intent(intent))
    (tmp / "semantic.json").write_text(json.dumps(semantic_record(intent), indent=2) + "\n")
    timed("json", t)
    return placement


def build(intent: IntentGraph, out_dir: Path, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build a rule-valid intent into ``out_dir``; raises IntentError when a design rule is broken."""
    rule_errors = errors(check_intent(intent))
    if rule_errors:
        raise IntentError(intent.design, rule_errors)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    with staged_dir(out_dir) as tmp:
        placement = write_outputs(intent, tmp, timings)
        timings["total"] = round(time.perf_counter() - start, 4)
        result = {**summary(placement), "timings_s": timings, "outputs": list(OUTPUTS), **(extra or {})}
        (tmp / "build.json").write_text(json.dumps(result, indent=2) + "\n")
    return result
