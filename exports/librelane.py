"""`librelane`: the PAD_* configuration for LibreLane's Chip flow (step ``OpenROAD.PadRing``), as YAML
and JSON, with the files it points to.

``PAD_SOUTH/EAST/NORTH/WEST`` list the pad instances of ring.v along each row (left to right,
bottom to top: the order LibreLane's default pad script places them in). The default script
spaces pads uniformly and knows no domain breakers, so ``PAD_CFG`` points at the ``openroad``
export, which places every pad, breaker, filler and bond pad where the adaptor did; the other
PAD_* values describe the same ring (sites, edge spacing, corner, fillers, bond pad) for LibreLane
and for readers. ``PAD_BONDPAD_OFFSETS`` maps a regex per pad master to the outer-row offset; the
inner row of a double ring is placed by PAD_CFG.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from adaptor.intent import Side
from exports import lef, openroad
from exports.ring import Ring

VARIABLE = {Side.bottom: "PAD_SOUTH", Side.right: "PAD_EAST", Side.top: "PAD_NORTH", Side.left: "PAD_WEST"}


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def config(ring: Ring) -> dict[str, Any]:
    """The LibreLane configuration variables of the ring (µm)."""
    profile = ring.profile
    w, h = ring.placement.die
    cfg: dict[str, Any] = {"DIE_AREA": [0, 0, _num(w), _num(h)], "FP_SIZING": "absolute"}
    for side in openroad.SIDE_ORDER:
        cfg[VARIABLE[side]] = [c.name for c in openroad.row_cells(ring, side) if c.kind == "pad"]
    groups = openroad.bond_offsets(ring)  # none when the pad cells carry their bond pad (bond_pad.in_cell)
    masters = sorted({c.cell for c in ring.placement.of_kind("pad")})
    cfg.update({
        "PAD_CFG": f"dir::{ring.design}_pad.tcl",
        "PAD_SITE_NAME": openroad.SITE,
        "PAD_CORNER_SITE_NAME": openroad.CORNER_SITE,
        "PAD_FAKE_SITE_WIDTH": _num(ring.site_width_um),
        "PAD_FAKE_SITE_HEIGHT": _num(profile.cell_depth_um),
        "PAD_FAKE_CORNER_SITE_WIDTH": _num(profile.corner.size_um),
        "PAD_FAKE_CORNER_SITE_HEIGHT": _num(profile.corner.size_um),
        "PAD_EDGE_SPACING": _num(openroad.edge_offset(ring)),
        "PAD_CORNER": profile.corner.cell,
        "PAD_FILLERS": [n for n, _ in sorted(profile.fillers.items(), key=lambda kv: -kv[1])],
        "EXTRA_LEFS": [f"dir::{ring.design}_cells.lef"],
    })
    if groups:
        far = min(groups, key=lambda off: off[1])  # the row farthest out (most negative y in the pad frame)
        cfg.update({
            "PAD_BONDPAD_NAME": profile.bond_pad.cell,
            "PAD_BONDPAD_WIDTH": _num(profile.bond_pad.metal_um),
            "PAD_BONDPAD_HEIGHT": _num(profile.bond_pad.metal_um),
            "PAD_BONDPAD_OFFSETS": {f"^{re.escape(m)}$": f"{_num(far[0])} {_num(far[1])}" for m in masters},
        })
    return cfg


def files(ring: Ring) -> dict[str, str]:
    """``<design>_librelane.yaml`` and ``.json``, plus the PAD_CFG script and the cell LEF they name."""
    cfg = config(ring)
    head = (f"# {ring.design}: pad ring for LibreLane's Chip flow (OpenROAD.PadRing), written by ioring\n"
            "# Merge into the chip's config; PAD_* instance names are those of ring.v.\n")
    return {f"{ring.design}_librelane.yaml": head + yaml.safe_dump(cfg, sort_keys=False),
            f"{ring.design}_librelane.json": json.dumps(cfg, indent=2) + "\n",
            **openroad.files(ring), f"{ring.design}_cells.lef": lef.cells_lef(ring)}
