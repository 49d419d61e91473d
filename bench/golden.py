"""The golden rules (reference page §2): the expected intent of a structurally defined ring.

Shared by the suite generators (``bench/suites/make_ioring30.py``, ``bench/corpus``) so that
every expected answer comes from one definition of the rules, never from the planner:

- positions: outer pads in placement order, ``<side>_<k>`` counted along each side;
- an inner pad between outer pads i and i+1 of a side sits at ``<side>_<i>_<i+1>``;
- in every contiguous (cyclic) run of one analog domain, the first pad named like the domain's
  vdd (vss) is its provider, outer pads before inner ones; other same-named pads are consumers;
  other pads whose name looks like a supply are consumers, the rest analog signals;
- digital pads named like one of the four digital supplies take that role, the rest are digital
  I/O with the direction given by ``direction``;
- the common ground is the digital core vss, else the vss of the first analog domain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

SIDES_CCW = ("left", "bottom", "right", "top")
SIDES_CW = ("left", "top", "right", "bottom")
DIGITAL = "D"  # the domain key of digital pads in a structural definition


class RingDefinition(Protocol):
    """What the rules need from a structural case definition."""

    id: str
    per_side: tuple[int, int, int, int]  # left, bottom, right, top
    pads: list[tuple[str, str]]  # (name, domain key: DIGITAL or an analog key), placement order from left_0
    analog: dict[str, tuple[str, str]]  # key -> (vdd, vss); the first one gives the ground of analog-only rings
    digital: tuple[str, str, str, str] | None  # core vdd, core vss, io vdd, io vss
    inner: list[tuple[str, str, str, str]]  # (name, neighbour a, neighbour b, domain key)
    order: str


def is_ground(name: str) -> bool:
    """True for a name that reads as a ground (VSS, GND)."""
    return any(k in name.upper() for k in ("VSS", "GND"))


def positions(per_side: tuple[int, int, int, int], order: str) -> list[str]:
    """Outer positions in placement order, starting on the left side."""
    sides = SIDES_CCW if order == "counterclockwise" else SIDES_CW
    counts = dict(zip(SIDES_CCW, per_side))
    return [f"{s}_{k}" for s in sides for k in range(counts[s])]


def expected_intent(ring: RingDefinition, direction: Callable[[str], str],
                    drives: dict[str, int] | None = None) -> dict[str, Any]:
    """The golden intent (JSON) of ``ring``; ``direction(name)`` gives each digital I/O's direction,
    ``drives`` the output drive (mA) of the pads that state one."""
    pos = positions(ring.per_side, ring.order)
    names = [n for n, _ in ring.pads]
    rows = [{"name": n, "position": p, "dom": d, "inner": False} for (n, d), p in zip(ring.pads, pos)]
    for name, a, b, dom in ring.inner:
        i, j = sorted((names.index(a), names.index(b)))
        side, k = pos[i].split("_")
        rows.insert(next(r for r, row in enumerate(rows) if row["position"] == pos[i]) + 1,
                    {"name": name, "position": f"{side}_{k}_{int(k) + 1}", "dom": dom, "inner": True})
    domains: list[dict[str, Any]] = [{"kind": "analog", "name": key, "vdd": v, "vss": s}
                                     for key, (v, s) in ring.analog.items()]
    if ring.digital:
        cv, cg, iv, ig = ring.digital
        domains.append({"kind": "digital", "name": "digital", "core_vdd": cv, "core_vss": cg, "io_vdd": iv,
                        "io_vss": ig})
    for run in _runs(rows):
        key = run[0]["dom"]
        if key == DIGITAL:
            roles = dict(zip(ring.digital or (), ("core_vdd", "core_vss", "io_vdd", "io_vss")))
            for row in run:
                row["role"] = roles.get(row["name"], "digital_io")
            continue
        vdd, vss = ring.analog[key]
        for net, kind in ((vdd, "vdd"), (vss, "vss")):
            same = sorted((r for r in run if r["name"] == net), key=lambda r: r["inner"])
            for k, row in enumerate(same):
                row["role"] = f"analog_{kind}_{'provider' if k == 0 else 'consumer'}"
        for row in run:
            if "role" not in row:
                supply = any(t in row["name"].upper() for t in ("VDD", "VSS", "GND"))
                row["role"] = ("analog_vss_consumer" if is_ground(row["name"]) else "analog_vdd_consumer") \
                    if supply else "analog_io"
    pads = []
    for row in rows:
        pad: dict[str, Any] = {"name": row["name"], "position": row["position"], "role": row["role"],
                               "domain": "digital" if row["dom"] == DIGITAL else row["dom"]}
        if row["role"] == "digital_io":
            pad["direction"] = direction(row["name"])
            if drives and row["name"] in drives:
                pad["drive_ma"] = drives[row["name"]]
        pads.append(pad)
    ground = ring.digital[1] if ring.digital else next(iter(ring.analog.values()))[1]
    left, bottom, right, top = ring.per_side
    return {"schema_version": 1, "design": ring.id, "technology": "sg13g2",
            "ring": {"pads": {"left": left, "bottom": bottom, "right": right, "top": top}, "order": ring.order,
                     "kind": "double" if ring.inner else "single"},
            "domains": domains, "common_ground": ground, "pads": pads, "notes": []}


def _runs(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Contiguous runs of one domain in ring order (cyclic), each starting at a domain boundary."""
    n = len(rows)
    start = next((k for k in range(n) if rows[k]["dom"] != rows[k - 1]["dom"]), 0)
    order = [rows[(start + k) % n] for k in range(n)]
    runs, current = [], [order[0]]
    for row in order[1:]:
        if row["dom"] == current[-1]["dom"]:
            current.append(row)
        else:
            runs.append(current)
            current = [row]
    runs.append(current)
    return runs
