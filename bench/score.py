"""The semantic scorer (AMS-IO-Bench reference page §3): planned intent versus expected intent.

Strict fields fail a case: ring width/height/order, the set of positions (outer and inner),
and per position the name, class, role (derived from name versus nets) and nets, and the
common ground. Report-only fields are listed but never fail a case: the direction of data pins
(D0…Dn, Q0…Qn, DATAn), on which the goldens disagree, and the technology-neutral pad role of
our intents (analog signal versus consumer supply for names like VDD3 or GND).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from adaptor.intent import IntentGraph
from adaptor.semantic import semantic_record

DATA_PIN = re.compile(r"^(D|Q|DATA|DAT)_?\d+$", re.I)


class Difference(BaseModel):
    """One field that differs: where, which field, expected and actual values, and whether it fails the case."""

    position: str
    field: str
    expected: Any
    actual: Any
    strict: bool


def compare(expected: IntentGraph, actual: IntentGraph) -> list[Difference]:
    """Every difference between two intents' semantic records (and their pad roles, report-only)."""
    exp, act = semantic_record(expected), semantic_record(actual)
    out = [Difference(position="ring", field=f"ring.{k}", expected=exp["ring"][k], actual=act["ring"][k], strict=True)
           for k in ("width", "height", "order") if exp["ring"][k] != act["ring"][k]]
    if exp["common_ground"] != act["common_ground"]:
        out.append(Difference(position="ring", field="common_ground", expected=exp["common_ground"],
                              actual=act["common_ground"], strict=True))
    positions = exp["positions"], act["positions"]
    for pos in sorted(set(positions[0]) | set(positions[1])):
        e, a = positions[0].get(pos), positions[1].get(pos)
        if e is None or a is None:
            out.append(Difference(position=pos, field="position", expected=e and e["name"], actual=a and a["name"],
                                  strict=True))
            continue
        for key in ("name", "class", "role", "nets"):
            if e[key] != a[key]:
                out.append(Difference(position=pos, field=key, expected=e[key], actual=a[key], strict=True))
        if e["direction"] != a["direction"]:
            out.append(Difference(position=pos, field="direction", expected=e["direction"], actual=a["direction"],
                                  strict=not DATA_PIN.match(e["name"])))
    roles = ({p.position: p.role.value for p in expected.pads}, {p.position: p.role.value for p in actual.pads})
    for pos in sorted(set(roles[0]) & set(roles[1])):
        if roles[0][pos] != roles[1][pos]:
            out.append(Difference(position=pos, field="pad_role", expected=roles[0][pos], actual=roles[1][pos],
                                  strict=False))
    return out


def semantic_pass(differences: list[Difference]) -> bool:
    """True when no strict field differs."""
    return not any(d.strict for d in differences)
