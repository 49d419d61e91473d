"""Show the interpretation: per pad, where it sits, what it is, and which statement or convention decided it.

``explain_rows`` returns the rows (the UI and chat reuse them); ``format_explain`` prints them as
a text table for ``ioring plan --explain``. A row whose class/domain or direction came only from
a naming convention is marked ``heuristic``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from adaptor.intent import AnalogDomain, Role
from agent.planner.assemble import PlanResult

_ROLE_WHY = {
    Role.analog_vdd_provider: "first pad of its run named like the domain's vdd",
    Role.analog_vss_provider: "first pad of its run named like the domain's vss",
    Role.analog_vdd_consumer: "a further pad named like a supply of the domain",
    Role.analog_vss_consumer: "a further pad named like a ground of the domain",
    Role.analog_io: "an analog pad not named like a supply",
    Role.core_vdd: "named like the digital core supply",
    Role.core_vss: "named like the digital core ground",
    Role.io_vdd: "named like the digital I/O supply",
    Role.io_vss: "named like the digital I/O ground",
    Role.digital_io: "a digital pad not named like a supply",
}


class ExplainRow(BaseModel):
    """One pad of the plan and the reasons behind it."""

    model_config = ConfigDict(extra="forbid")

    position: str
    name: str
    pad_class: str
    role: str
    domain: str
    direction: str
    decided_by: str
    heuristic: bool


def explain_rows(result: PlanResult) -> list[ExplainRow]:
    """The interpretation of every pad, in the intent's order."""
    intent = result.intent
    rows = []
    for pad in intent.pads:
        domain = intent.domain(pad.domain)
        why = result.why.get(pad.position, {})
        reasons = [f"position: {why.get('position', 'placement order')}",
                   f"domain: {why.get('domain', 'spec')}",
                   f"role: {_ROLE_WHY[pad.role]}"]
        if "direction" in why:
            reasons.append(f"direction: {why['direction']}")
        heuristic = any(v.startswith("heuristic") for k, v in why.items() if k in ("domain", "direction"))
        rows.append(ExplainRow(position=pad.position, name=pad.name,
                               pad_class="analog" if isinstance(domain, AnalogDomain) else "digital",
                               role=pad.role.value, domain=pad.domain,
                               direction=pad.direction.value if pad.direction else "",
                               decided_by="; ".join(reasons), heuristic=heuristic))
    return rows


def format_explain(result: PlanResult) -> str:
    """The rows as a text table, then what was assumed."""
    rows = explain_rows(result)
    head = ("position", "name", "class", "role", "domain", "dir", "", "decided by")
    cells = [(r.position, r.name, r.pad_class, r.role, r.domain, r.direction, "H" if r.heuristic else "",
              r.decided_by) for r in rows]
    widths = [max(len(str(c[i])) for c in [head, *cells]) for i in range(len(head) - 1)]
    lines = ["  ".join(str(c[i]).ljust(widths[i]) for i in range(len(widths))) + "  " + c[-1] for c in [head, *cells]]
    lines.append("H = class/domain or direction decided only by a naming convention (knowledge_base/conventions.yaml)")
    lines += [f"assumed ({a.rule}, {a.at}): {a.what}" for a in result.assumptions]
    return "\n".join(lines) + "\n"
