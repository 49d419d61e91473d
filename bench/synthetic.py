"""Synthetic rings of any size for the performance scripts: one analog domain and digital pads."""

from __future__ import annotations

from typing import Any

from adaptor.intent import IntentGraph
from adaptor.load import parse_intent


def mixed_ring(per_side: int, double: bool = False) -> IntentGraph:
    """A valid ring with ``per_side`` pads per side: 6 analog pads, 4 digital supplies, the rest digital I/O.

    With ``double``, every fourth outer gap of each side gets an inner digital pad.
    """
    total = 4 * per_side
    names = ["VIN0", "AVSS", "AVDD", "VREF", "VIN1", "IBIAS", "VDD", "VSS", "IOVDD", "IOVSS"]
    names += [f"D{k}" for k in range(total - len(names))]
    roles = {"AVSS": "analog_vss_provider", "AVDD": "analog_vdd_provider", "VDD": "core_vdd", "VSS": "core_vss",
             "IOVDD": "io_vdd", "IOVSS": "io_vss"}
    sides = ["left", "bottom", "right", "top"]
    pads: list[dict[str, Any]] = []
    for k, name in enumerate(names):
        analog = k < 6
        pad = {"name": name, "position": f"{sides[k // per_side]}_{k % per_side}",
               "role": roles.get(name, "analog_io" if analog else "digital_io"),
               "domain": "ana" if analog else "digital"}
        if pad["role"] == "digital_io":
            pad["direction"] = "out" if k % 2 else "in"
        pads.append(pad)
    if double:
        for side in sides[1:]:
            for i in range(0, per_side - 1, 4):
                pads.append({"name": f"X{side[0].upper()}{i}", "position": f"{side}_{i}_{i + 1}",
                             "role": "digital_io", "domain": "digital", "direction": "in"})
    return parse_intent({
        "design": f"synthetic_{per_side}x{per_side}", "ring": {"pads": dict.fromkeys(sides, per_side),
                                                               "kind": "double" if double else "single"},
        "domains": [{"kind": "analog", "name": "ana", "vdd": "AVDD", "vss": "AVSS"},
                    {"kind": "digital", "name": "digital", "core_vdd": "VDD", "core_vss": "VSS",
                     "io_vdd": "IOVDD", "io_vss": "IOVSS"}],
        "common_ground": "VSS", "pads": pads})
