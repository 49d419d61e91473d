"""`ioring review`: one self-contained HTML page for a tape-out prep review of a built ring.

Picture, pad table by side, domain map, DRC/LVS summary with failing items, inventory, die
size and pitch, and a checklist with pass / warn / fail. Runs the checks first when the
folder has no reports yet, or when they are stale (they name the layout's SHA-256; a layout
edited after the check makes them stale, and the page is never built from them).
"""

from __future__ import annotations

import base64
import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from adaptor.errors import UserError
from adaptor.graph import domain_nets
from adaptor.intent import IntentGraph, Role
from adaptor.load import load_intent
from adaptor.placement import Placement
from adaptor.rules import check_intent
from adaptor.technology import load_profile
from verify.check import LAYOUT_NAMES
from verify.layout import layout_digest
from verify.signoff import signoff_html

STATUS_COLOUR = {"pass": "#1a7f37", "warn": "#9a6700", "fail": "#cf222e"}
SUPPLY_ROLES = {Role.io_vdd, Role.io_vss}


def _e(value: object) -> str:
    return html.escape(str(value))


def checklist(intent: IntentGraph, placement: Placement, drc: dict[str, Any], lvs: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(item, pass|warn|fail, detail) for the review checklist."""
    profile = load_profile(intent.technology)
    rules = check_intent(intent)
    items = [("DRC clean", "pass" if drc["clean"] else "fail", f"{drc['count']} violation(s)"),
             ("LVS clean against the intent", "pass" if lvs["clean"] else "fail", f"{lvs['count']} finding(s)")]
    provider = [f for f in rules if f.rule.startswith("domain.provider")]
    by_pad = {p.pad: p for p in placement.of_kind("pad")}
    missing = []
    for seg in placement.segments:
        roles = {Role(by_pad[name].role) for name in seg.pads}
        domain = intent.domain(seg.domain)
        if domain is not None and domain.kind == "digital" and not SUPPLY_ROLES <= roles:
            missing.append(f"digital segment {seg.pads[0]}…{seg.pads[-1]} has no I/O supply pair")
    items.append(("each domain has its supply pads", "fail" if provider or missing else "pass",
                  "; ".join([f.message for f in provider] + missing) or "every segment is supplied"))
    n = profile.io_supply_every_n_signals
    crowded = []
    for seg in placement.segments:
        roles = [Role(by_pad[name].role) for name in seg.pads]
        pairs = min(roles.count(Role.io_vdd), roles.count(Role.io_vss))
        signals = roles.count(Role.digital_io)
        if signals and signals > n * max(pairs, 0):
            crowded.append(f"{seg.domain}: {signals} signal pads, {pairs} I/O supply pair(s)")
    items.append((f"one I/O supply pair per {n} digital signal pads", "warn" if crowded else "pass",
                  "; ".join(crowded) or "enough I/O supply pairs"))
    unconnected = [f["message"] for f in lvs["findings"] if f["rule"] == "lvs.net_name" and "CORE" in f["message"]]
    items.append(("no unconnected core pins", "fail" if unconnected else "pass",
                  "; ".join(unconnected[:5]) or "every core pin is on its <name>_CORE net"))
    dupes = [f.message for f in rules if f.rule == "names.duplicate_signal"]
    items.append(("unique signal names", "warn" if dupes else "pass", "; ".join(dupes) or "all unique"))
    ground = [f["message"] for f in lvs["findings"] if f["rule"] in ("lvs.bus_open", "lvs.short")
              and intent.common_ground in f["message"]]
    items.append((f"continuous common ground ({intent.common_ground})", "fail" if ground else "pass",
                  "; ".join(ground) or "closed loop around the die"))
    return items


def stale_reports(folder: Path) -> str:
    """Why drc.json/lvs.json in ``folder`` do not describe its layout ('' when they do).

    Each report names the SHA-256 of the layout file(s) it checked; every ring.oas/ring.gds in
    the folder must be among them, unchanged.
    """
    present = {n for n in LAYOUT_NAMES if (folder / n).is_file()}
    for name in ("drc.json", "lvs.json"):
        if not (folder / name).is_file():
            return f"no {name}"
        stamp = json.loads((folder / name).read_text()).get("layouts") or {}
        if not stamp:
            return f"{name} does not say which layout it checked"
        missing = sorted(present - set(stamp))
        if missing:
            return f"{name} did not check {', '.join(missing)}"
        gone = [n for n in stamp if not (folder / n).is_file()]
        if gone:
            return f"{name} checked {', '.join(gone)}, which is not in the folder"
        changed = [n for n, digest in layout_digest([folder / n for n in stamp]).items() if digest != stamp[n]]
        if changed:
            return f"{', '.join(changed)} changed after {name} was written"
    return ""


def render_review(folder: Path) -> str:
    """The review page of a build folder (with current drc.json and lvs.json beside it)."""
    needed = ["intent.json", "placement.json", "ring.png", "drc.json", "lvs.json"]
    missing = [n for n in needed if not (folder / n).is_file()]
    if missing:
        raise UserError(f"{folder}: missing {', '.join(missing)}", "run `ioring build` (and `ioring check`) first")
    stale = stale_reports(folder)
    if stale:
        raise UserError(f"{folder}: the DRC/LVS reports are stale: {stale}", "run `ioring check` on the folder again")
    intent = load_intent(folder / "intent.json")
    placement = Placement.model_validate_json((folder / "placement.json").read_text())
    drc = json.loads((folder / "drc.json").read_text())
    lvs = json.loads((folder / "lvs.json").read_text())
    png = base64.b64encode((folder / "ring.png").read_bytes()).decode()
    pads = placement.of_kind("pad")
    w, h = placement.die
    pitch = min((c.width_um for c in pads), default=0)
    parts = [f"<h1>{_e(intent.design)}: I/O ring review</h1>",
             f"<p>Technology {_e(placement.technology)}; die {w:g} × {h:g} µm; {len(pads)} pads "
             f"({intent.ring.kind.value} ring, {intent.ring.order.value}); pad cell width {pitch:g} µm.</p>",
             "<h2>Checklist</h2><table><tr><th>check</th><th>status</th><th>detail</th></tr>"]
    for item, status, detail in checklist(intent, placement, drc, lvs):
        parts.append(f"<tr><td>{_e(item)}</td><td style='color:{STATUS_COLOUR[status]};font-weight:bold'>"
                     f"{status.upper()}</td><td>{_e(detail)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>Ring</h2><img alt='ring picture' src='data:image/png;base64,{png}' style='max-width:100%'>")
    parts.append("<h2>Pads by side</h2>")
    pad_of = {p.position: p for p in intent.pads}
    for side in ("left", "bottom", "right", "top"):
        rows = [c for c in pads if c.side and c.side.value == side]
        parts.append(f"<h3>{side}</h3><table><tr><th>position</th><th>name</th><th>role</th><th>domain</th>"
                     "<th>cell</th><th>direction</th><th>drive (mA)</th></tr>")
        for c in rows:
            pad = pad_of[c.position or ""]
            parts.append(f"<tr><td>{_e(c.position)}</td><td>{_e(pad.name)}</td><td>{_e(pad.role.value)}</td>"
                         f"<td>{_e(pad.domain)}</td><td>{_e(c.cell)}</td>"
                         f"<td>{_e(pad.direction.value if pad.direction else '')}</td>"
                         f"<td>{_e(pad.drive_ma or '')}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Domains</h2><table><tr><th>domain</th><th>kind</th><th>nets</th><th>segments</th></tr>")
    for d in intent.domains:
        segs = [f"{s.pads[0]}…{s.pads[-1]} ({len(s.pads)} pads)" for s in placement.segments if s.domain == d.name]
        parts.append(f"<tr><td>{_e(d.name)}</td><td>{_e(d.kind)}</td><td>{_e(', '.join(domain_nets(d)))}</td>"
                     f"<td>{_e('; '.join(segs))}</td></tr>")
    parts.append(f"</table><p>Ring-wide buses: vss = {_e(placement.ring_nets['vss'])}, "
                 f"vdd = {_e(placement.ring_nets['vdd'])}.</p>")
    parts.append("<h2>DRC and LVS</h2>")
    for name, report in (("DRC", drc), ("LVS", lvs)):
        state = "clean" if report["clean"] else f"{report['count']} finding(s)"
        parts.append(f"<h3>{name}: {_e(state)} ({report['time_s']:.2f} s)</h3>")
        if report["findings"]:
            parts.append("<table><tr><th>rule</th><th>where</th><th>message</th></tr>")
            parts += [f"<tr><td>{_e(f['rule'])}</td><td>{_e(f['where'])}</td><td>{_e(f['message'])}</td></tr>"
                      for f in report["findings"][:200]]
            parts.append("</table>")
    parts.append(signoff_html(folder))
    kinds = Counter(c.kind for c in placement.cells)
    cells = Counter(c.cell or "breaker" for c in placement.cells if c.kind != "bondpad")
    parts.append("<h2>Inventory</h2><table><tr><th>kind</th><th>count</th></tr>")
    parts += [f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in sorted(kinds.items())]
    parts.append("</table><table><tr><th>cell</th><th>count</th></tr>")
    parts += [f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in sorted(cells.items())]
    parts.append("</table>")
    style = ("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:.5em 0}"
             "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_e(intent.design)} review</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n")
