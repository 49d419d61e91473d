"""The semantic record of an intent (AMS-IO-Bench reference page §3).

A technology-neutral, cell-name-free description per position, used by the bench scorer
and by outside tools::

    {"ring": {"width": W, "height": H, "order": "counterclockwise"},
     "common_ground": NET,
     "positions": {"left_0": {"name": …, "class": "analog"|"digital", "role": …,
                              "nets": […], "direction": "input"|"output"|"inout"|null}}}

``width`` counts the pads on top/bottom, ``height`` those on left/right (the larger side
when the two differ). ``role`` is derived from the name versus the domain nets, not from the
intent's role: an analog pad named like its domain vdd/vss is ``analog_vdd_provider`` /
``analog_vss_provider``, else ``analog_other``; a digital pad named like one of the four
digital supplies takes that role (``core_vdd`` …), else ``digital_io``.
"""

from __future__ import annotations

from typing import Any

from adaptor.graph import IntentView, domain_nets
from adaptor.intent import AnalogDomain, Direction, IntentGraph, Pad

DIRECTION_WORDS = {Direction.input: "input", Direction.output: "output", Direction.inout: "inout"}
_DIGITAL_ROLES = ("core_vdd", "core_vss", "io_vdd", "io_vss")


def pad_record(intent: IntentGraph, pad: Pad) -> dict[str, Any]:
    """The semantic record of one pad (its domain must exist)."""
    domain = intent.domain(pad.domain)
    if domain is None:
        raise KeyError(f"pad {pad.name} refers to undefined domain {pad.domain}")
    nets = domain_nets(domain)
    if isinstance(domain, AnalogDomain):
        role = {domain.vdd: "analog_vdd_provider", domain.vss: "analog_vss_provider"}.get(pad.name, "analog_other")
        return {"name": pad.name, "class": "analog", "role": role, "nets": nets, "direction": None}
    role = next((r for r, net in zip(_DIGITAL_ROLES, nets) if pad.name == net), "digital_io")
    direction = DIRECTION_WORDS[pad.direction] if role == "digital_io" and pad.direction else None
    return {"name": pad.name, "class": "digital", "role": role, "nets": nets, "direction": direction}


def semantic_record(intent: IntentGraph) -> dict[str, Any]:
    """The semantic record of a whole intent; positions in placement order."""
    pads = intent.ring.pads
    return {
        "ring": {"width": max(pads.top, pads.bottom), "height": max(pads.left, pads.right),
                 "order": intent.ring.order.value},
        "common_ground": intent.common_ground,
        "positions": {p.position: pad_record(intent, p) for p in IntentView.build(intent).ring()},
    }
