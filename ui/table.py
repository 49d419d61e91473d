"""The pad table of the UI: intent → rows for ``st.data_editor``, and edited rows → a new intent.

A row per pad (position, name, role, domain, direction, drive, cell). Editing a row renames,
moves (type another position: the pad goes before the pad there), changes role, domain,
direction, drive or cell; deleting a row removes the pad; positions are renumbered per side so a
deleted or moved row never leaves a hole. The result is a whole new intent that the agent
validates and rebuilds. ``problems`` puts each finding of a rejected edit on its row.
``new_domain`` checks a domain the user adds (the table's domain dropdown then offers it);
``apply_rows`` puts the added domains that some row uses into the intent.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import pandas as pd
from pydantic import TypeAdapter, ValidationError

from adaptor.errors import UserError
from adaptor.graph import domain_nets
from adaptor.intent import SIDES, Direction, Domain, Position, Role
from adaptor.technology import load_profile
from agent.editor import _renumber, _rows

COLUMNS = ["position", "name", "role", "domain", "direction", "drive_ma", "cell"]
ROLES = [r.value for r in Role]
DIRECTIONS = [d.value for d in Direction]
DOMAIN_NETS = {"analog": ("vdd", "vss"), "digital": ("core_vdd", "core_vss", "io_vdd", "io_vss")}
_DOMAIN = TypeAdapter(Domain)


def _key(pad: dict[str, Any]) -> tuple[int, int, int]:
    try:
        pos = Position.parse(str(pad.get("position", "")))
    except ValueError:
        return len(SIDES), 0, 0
    return SIDES.index(pos.side), pos.index, 1 if pos.is_inner else 0


def ordered(pads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pads side by side (left, bottom, right, top), then by index, each inner pad after its host."""
    return sorted(pads, key=_key)


def rows(intent: dict[str, Any]) -> list[dict[str, Any]]:
    """The pad table."""
    return [{c: pad.get(c) for c in COLUMNS} for pad in ordered(intent["pads"])]


def drives(technology: str) -> list[int]:
    """Drive strengths (mA) the technology has output cells for."""
    profile = load_profile(technology)
    return sorted({d for cells in profile.digital_cells.values() for d in cells if d})


def _clean(value: Any) -> Any:
    """None for empty cells (the editor gives NA, NaN, '' or None)."""
    if value is None or value is pd.NA or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def new_domain(intent: dict[str, Any], added: list[dict[str, Any]], kind: str, name: str,
               nets: dict[str, str]) -> dict[str, Any]:
    """A domain to add (``kind`` analog: nets vdd, vss; digital: core_vdd, core_vss, io_vdd, io_vss).

    UserError (rule ``domain.new``) for a name already taken, a bad net name or a net used twice.
    """
    taken = {d["name"] for d in intent["domains"] + added}
    doc = {"kind": kind, "name": name.strip(), **{k: (nets.get(k) or "").strip() for k in DOMAIN_NETS.get(kind, ())}}
    if doc["name"] in taken:
        raise UserError(f"domain.new: there is already a domain called {doc['name']}",
                        "choose another name, or set the pads to the existing domain")
    try:
        domain = _DOMAIN.validate_python(doc)
    except ValidationError as exc:
        where = ", ".join(".".join(str(p) for p in e["loc"][1:]) or "kind" for e in exc.errors())
        raise UserError(f"domain.new: not a valid {kind or 'domain'} domain (check {where})",
                        "names are letters, digits and _, not starting with a digit, e.g. AVDD2; "
                        "kind is analog or digital") from None
    nets_used = domain_nets(domain)
    if len(set(nets_used)) != len(nets_used):
        raise UserError(f"domain.new: domain {domain.name} uses a net twice: {', '.join(nets_used)}",
                        "each supply of a domain needs its own net")
    return domain.model_dump(mode="json")


def apply_rows(intent: dict[str, Any], table: list[dict[str, Any]],
               added: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A new intent with the pads of ``table``, positions renumbered per side.

    A row whose position names a side and index goes before the pad that had that index;
    unparsable positions are kept as typed (the schema check names them). The ``added``
    domains that a row uses join the intent's domains.
    """
    doc = copy.deepcopy(intent)
    used = {_clean(row.get("domain")) for row in table}
    doc["domains"] += [d for d in added or [] if d["name"] in used and d not in doc["domains"]]
    pads = []
    for k, row in enumerate(table):
        pad = {c: _clean(row.get(c)) for c in COLUMNS}
        if pad["drive_ma"] is not None:
            pad["drive_ma"] = int(pad["drive_ma"])
        pad = {c: v for c, v in pad.items() if v is not None}
        pad["_row"] = k
        pads.append(pad)
    if any(_key(p)[0] == len(SIDES) for p in pads):
        doc["pads"] = [{c: v for c, v in p.items() if c != "_row"} for p in pads]
        return doc
    # a moved row (position changed) sorts before an unchanged row with the same index
    before = {p["name"]: p["position"] for p in intent["pads"]}
    doc["pads"] = sorted(pads, key=lambda p: (_key(p), before.get(p.get("name", "")) == p["position"], p["_row"]))
    for pad in doc["pads"]:
        pad.pop("_row")
    return _renumber(doc, _rows(doc))


def changed(editor_state: dict[str, Any] | None) -> bool:
    """Whether ``st.data_editor``'s state holds any edit, addition or deletion."""
    state = editor_state or {}
    return bool(state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows"))


def problems(findings: list[dict[str, Any]], table: list[dict[str, Any]]) -> dict[int, str]:
    """Findings of a rejected edit by table row (matched on position or pad name)."""
    out: dict[int, str] = {}
    for k, row in enumerate(table):
        hits = [f["message"] for f in findings
                if f.get("where") in (row.get("position"), row.get("name"))
                or (row.get("name") and f"pad {row['name']} " in f.get("message", ""))]
        if hits:
            out[k] = "; ".join(hits)
    return out
