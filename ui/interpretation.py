"""What the planner understood, as a table to confirm before anything is built.

``rows(intent, explain=None)`` gives one row per pad: position, name, class, role, domain,
direction, drive, the library cell, a flag when the name and the domain disagree (a digital-
looking name in an analog domain, or the reverse, by the planner's own name heuristics) and the
statement that decided the pad (``decided_by``, filled from the planner's explain table when a
plan result carries one; empty otherwise).
"""

from __future__ import annotations

from typing import Any

from adaptor.errors import UserError
from adaptor.intent import Pad
from adaptor.technology import load_profile
from agent.planner.names import analog_or_digital, looks_like_supply
from ui.table import ordered

_CLASSES = {"analog_io": "analog signal", "digital_io": "digital signal", "analog_vdd_provider": "analog supply",
            "analog_vss_provider": "analog ground", "analog_vdd_consumer": "analog supply (core side)",
            "analog_vss_consumer": "analog ground (core side)", "core_vdd": "core supply", "core_vss": "core ground",
            "io_vdd": "I/O supply", "io_vss": "I/O ground"}


def flag(name: str, domain_kind: str | None) -> str:
    """Why a pad's name and its domain disagree ('' when they do not)."""
    if looks_like_supply(name):
        return ""
    looks = analog_or_digital(name)
    if looks == "digital" and domain_kind == "analog":
        return "digital-looking name in an analog domain"
    if looks == "analog" and domain_kind == "digital":
        return "analog-looking name in a digital domain"
    return ""


def _cell(pad: dict[str, Any], technology: str) -> str:
    try:
        return load_profile(technology).pad_cell(Pad.model_validate(pad))
    except (UserError, ValueError, KeyError):
        return "?"


def _decided_by(explain: list[dict[str, Any]] | None, pad: dict[str, Any]) -> str:
    """The planner's reason for a pad, from its explain rows (agent.planner.explain) matched by position."""
    for row in explain or []:
        if row.get("position") == pad["position"]:
            return str(row.get("decided_by", ""))
    return ""


def rows(intent: dict[str, Any], explain: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The interpretation table, in ring-position order."""
    kinds = {d["name"]: d["kind"] for d in intent.get("domains", [])}
    technology = intent.get("technology", "sg13g2")
    return [{"position": p["position"], "name": p["name"], "class": _CLASSES.get(p["role"], p["role"]),
             "role": p["role"], "domain": p["domain"], "direction": p.get("direction") or "",
             "drive_ma": p.get("drive_ma"), "cell": _cell(p, technology), "flag": flag(p["name"], kinds.get(p["domain"])),
             "decided_by": _decided_by(explain, p)}
            for p in ordered(intent["pads"])]


def flagged(intent: dict[str, Any]) -> list[str]:
    """One line per flagged pad, for the summary above the table."""
    return [f"{r['name']} ({r['position']}, domain {r['domain']}): {r['flag']}" for r in rows(intent) if r["flag"]]
