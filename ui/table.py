"""The pad table of the UI: intent → rows for ``st.data_editor``, and edited rows → a new intent.

A row per pad (position, name, role, domain, direction, drive). Editing a row renames, moves
(change the position), or changes role, domain, direction or drive; the result is a whole new
intent that the agent validates and rebuilds. Pad counts per side follow the positions.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from adaptor.intent import SIDES, Position

COLUMNS = ["position", "name", "role", "domain", "direction", "drive_ma"]


def rows(intent: dict[str, Any]) -> list[dict[str, Any]]:
    """The pad table, side by side (left, bottom, right, top), then by index."""
    def key(pad: dict[str, Any]) -> tuple[int, int, int]:
        pos = Position.parse(pad["position"])
        return SIDES.index(pos.side), pos.index, pos.inner_to or 0

    return [{c: pad.get(c) for c in COLUMNS} for pad in sorted(intent["pads"], key=key)]


def _clean(value: Any) -> Any:
    """None for empty cells (the editor gives NaN, '' or None)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def apply_rows(intent: dict[str, Any], table: list[dict[str, Any]]) -> dict[str, Any]:
    """A new intent with the pads of ``table``; per-side counts follow the outer positions."""
    doc = copy.deepcopy(intent)
    pads = []
    for row in table:
        pad = {c: _clean(row.get(c)) for c in COLUMNS}
        if pad["drive_ma"] is not None:
            pad["drive_ma"] = int(pad["drive_ma"])
        pads.append({k: v for k, v in pad.items() if v is not None})
    counts = {side: 0 for side in doc["ring"]["pads"]}
    for pad in pads:
        try:
            pos = Position.parse(str(pad.get("position", "")))
        except ValueError:
            continue  # the schema check names the bad position
        if not pos.is_inner:
            counts[pos.side.value] = max(counts[pos.side.value], pos.index + 1)
    doc["ring"]["pads"] = {side: n or doc["ring"]["pads"][side] for side, n in counts.items()}
    doc["pads"] = pads
    return doc
