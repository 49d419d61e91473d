"""``ioring signoff``: the foundry's own KLayout DRC deck on a built ring, with proven waivers.

Runs the deck (IHP's ``sg13g2_maximal.lydrc`` from ``$PDK_ROOT``, or ``--deck``) on the folder's
``ring.gds`` through the ``klayout`` program, keeps its ``.lyrdb`` report, turns every marker
into a finding, applies the technology's waivers (``verify/waivers.py``) and writes
``signoff.json``: per rule the count, waived and unwaived, the deck and the SHA-256 of the
layout it checked. Markers left that lie wholly in library cells are checked once more on the
ring's library cells alone (no generated geometry). Exit 0 when no marker is left unwaived.
"""

from __future__ import annotations

import html
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import klayout.db as kdb

from adaptor.errors import UserError
from adaptor.findings import Finding, Severity
from adaptor.load import load_intent
from adaptor.technology import cell_library, load_profile
from ioring.files import write_text_atomic
from verify.deck import Marker, find_klayout, klayout_version, read_report, run_deck
from verify.layout import Inst, read_ring
from verify.waivers import (
    Waiver,
    arrangement_waiver,
    file_sha256,
    library_area,
    load_proofs,
    load_waivers,
    waiver_for,
    write_library_only,
)

LAYOUT = "ring.gds"
REPORT = "signoff_ihp.lyrdb"
PDKMASTER_REPORT = "signoff_pdkmaster.lyrdb"
LIBRARY_REPORT = "signoff_ihp_library.lyrdb"  # the deck on the ring's library cells alone
ARRANGEMENT = "; proven on this ring's library cells alone, without any generated geometry (signoff_ihp_library.lyrdb)"
DECK_WARNING = "[Warning]"  # PDKMaster's prefix for advisory categories: reported, never counted as unwaived
HINTS = {  # rule prefix → what to do about an unwaived marker
    "Slt.": "metal wider than 30 µm needs slits, unless it is a bond pad under the dfpad marker",
    "Pad.": "bond pads: opening size, spacing and distance to the seal ring (edge margin) come from the profile",
    "LU.": "a tie's diffusion runs more than 6 µm beyond its contacts: if it is inside a breaker, cut it shorter",
    "NBL.": "nBuLay narrower than 1 µm",
}


class SignoffFinding(Finding):
    """A deck marker as a finding: the deck's rule, its cell and box (µm), the waiver when waived."""

    deck: str
    cell: str
    box_um: tuple[float, float, float, float]
    waiver: str | None = None
    proof: str | None = None


def deck_path(deck: str | None, pdk_root: str | None, technology: str) -> Path:
    """The deck to run: ``deck``, else the technology's deck under ``pdk_root`` or ``$PDK_ROOT``."""
    if deck:
        path = Path(deck)
        if not path.is_file():
            raise UserError(f"--deck {deck}: no such file", "pass the path of a KLayout DRC deck (.lydrc/.drc)")
        return path.resolve()
    root = pdk_root or os.environ.get("PDK_ROOT")
    relative = load_waivers(technology).deck
    if not root:
        raise UserError("no PDK_ROOT: sign-off runs the foundry's deck from the PDK",
                        f"set PDK_ROOT (or --pdk-root) to the folder holding {relative}, or pass --deck FILE")
    path = Path(root) / relative
    if not path.is_file():
        raise UserError(f"the deck {path} does not exist (PDK_ROOT={root})",
                        f"point PDK_ROOT at an IHP-Open-PDK checkout holding {relative}, or pass --deck FILE")
    return path.resolve()


def _where(marker: Marker, top: str, insts: list[Inst]) -> str:
    box = marker.box
    if marker.cell != top:
        return f"inside every {marker.cell} at ({box.center().x:.2f}, {box.center().y:.2f}) µm of that cell"
    owners = [i for i in insts if i.box.contains(box.center())]
    at = f"({box.center().x:.2f}, {box.center().y:.2f}) µm"
    if not owners:
        return f"{at}, outside every cell instance"
    i = owners[0]
    return f"{at} in {i.cell} at ({i.origin[0]:g}, {i.origin[1]:g}) R{i.rotation}"


def assess(folder: Path, reports: dict[str, tuple[Path, Path]], library_report: Path | None = None) -> dict[str, Any]:
    """Findings and per-rule counts of deck reports ``{name: (deck, report)}`` on ``folder``'s layout.

    ``library_report``: IHP's deck on the ring's library cells alone; a marker it reports too
    (same rule, same place, wholly inside library cells) is proven the library's for this ring.
    """
    layout = folder / LAYOUT
    intent = load_intent(folder / "intent.json")
    technology = intent.technology
    profile = load_profile(technology)
    ring = read_ring(layout, profile)
    top = ring.top.name
    spec = load_waivers(technology)
    proofs = load_proofs(technology)
    library = cell_library(technology)
    deps = {w.cell: {d.name for d in library[w.cell].dependencies(True)} for w in spec.waivers if w.cell in library}
    library_cells = library_area(ring.insts)
    library_markers: dict[str, kdb.Region] = {}
    for m in read_report(library_report) if library_report else []:
        if m.cell == top:
            library_markers.setdefault(m.rule, kdb.Region()).insert(m.region)
    findings: list[SignoffFinding] = []
    rules: dict[str, dict[str, Any]] = {}
    for name, (deck, report) in reports.items():
        for m in read_report(report):
            waiver: Waiver | None = waiver_for(m, top, ring.insts, library_cells, spec.waivers, proofs, deps)
            proof = "cell" if waiver else None
            if waiver is None and name == "ihp" and m.cell == top:
                waiver = arrangement_waiver(m, ring.insts, library_cells, spec.waivers, library_markers)
                proof = "arrangement" if waiver else None
            advisory = m.rule.startswith(DECK_WARNING)
            b = m.box
            hint = waiver.reason if waiver else next((h for p, h in HINTS.items() if m.rule.startswith(p)),
                                                      f"open {report.name} in KLayout's marker browser")
            findings.append(SignoffFinding(
                rule=m.rule, where=_where(m, top, ring.insts), message=m.description, hint=hint,
                severity=Severity.warning if waiver or advisory else Severity.error, x_um=round(b.center().x, 3),
                y_um=round(b.center().y, 3), deck=name, cell=m.cell, proof=proof,
                waiver=(waiver.reason + (ARRANGEMENT if proof == "arrangement" else "")) if waiver else None,
                box_um=(round(b.left, 3), round(b.bottom, 3), round(b.right, 3), round(b.top, 3))))
            entry = rules.setdefault(m.rule, {"deck": name, "description": m.description, "count": 0,
                                              "waived": 0, "unwaived": 0})
            entry["count"] += 1
            if advisory:
                entry["deck_warning"] = True
            else:
                entry["waived" if waiver else "unwaived"] += 1
    unwaived = sum(r["unwaived"] for r in rules.values())
    return {"layout": LAYOUT, "layout_sha256": file_sha256(layout), "top_cell": top, "technology": technology,
            "clean": unwaived == 0, "unwaived": unwaived, "waived": sum(r["waived"] for r in rules.values()),
            "rules": dict(sorted(rules.items())),
            "findings": [f.model_dump(mode="json") for f in sorted(findings, key=lambda f: (f.waiver is not None,
                                                                                            f.rule))]}


def pdkmaster_deck(folder: Path) -> Path:
    """PDKMaster's SG13G2 DRC deck (from the ``[pdk]`` extra) written into ``folder``, adapted to KLayout 0.28.

    0.28 spells the projection metric ``projection``; PDKMaster writes ``Projection``.
    """
    try:
        from c4m.pdk import ihpsg13g2 as pdk
        from pdkmaster.io.klayout import FileExporter
    except ImportError:
        raise UserError("--pdkmaster needs PDKMaster's SG13G2 PDK (the [pdk] extra)",
                        "pip install -e '.[pdk]'") from None
    text = FileExporter(tech=pdk.tech, gds_layers=pdk.gds_layers, prims_spiceparams=pdk.prims_spiceparams)()["drc"]
    path = folder / "pdkmaster.drc"
    path.write_text(text.replace(", Projection)", ", projection)"))
    return path


def run_signoff(folder: Path, deck: str | None = None, pdk_root: str | None = None,
                timeout: float = 900.0, pdkmaster: bool = False) -> dict[str, Any]:
    """Run the deck (and PDKMaster's with ``pdkmaster``) on ``folder``'s ring, keep the reports,
    write and return ``signoff.json``."""
    layout = folder / LAYOUT
    for need in (layout, folder / "intent.json"):
        if not need.is_file():
            raise UserError(f"{folder}: missing {need.name}", "run `ioring build INTENT -o DIR` first")
    technology = load_intent(folder / "intent.json").technology
    path = deck_path(deck, pdk_root, technology)
    klayout = find_klayout()
    ring = read_ring(layout, load_profile(technology))
    variables = load_waivers(technology).variables if deck is None else {"density": "false"}
    runs = [("ihp", path, REPORT, variables, False)]
    reports, decks = {}, []
    with tempfile.TemporaryDirectory(prefix=".signoff.", dir=folder) as tmp:
        if pdkmaster:
            runs.append(("pdkmaster", pdkmaster_deck(Path(tmp)), PDKMASTER_REPORT, {}, True))
        for name, deck_file, report, values, by_env in runs:
            staged = Path(tmp) / report
            seconds = run_deck(deck_file, layout, ring.top.name, staged, values, timeout, by_env)
            os.replace(staged, folder / report)
            reports[name] = (deck_file, folder / report)
            decks.append({"name": name, "path": str(deck_file) if name == "ihp" else "pdkmaster.io.klayout (generated)",
                          "deck_sha256": file_sha256(deck_file), "report": report, "variables": values,
                          "time_s": round(seconds, 1), "klayout": klayout_version(klayout)})
        result = assess(folder, reports)
        library_only = [f for f in result["findings"] if f["waiver"] is None and f["severity"] == "error"
                        and f["deck"] == "ihp" and "outside every cell" not in f["where"]]
        library_report = None
        if library_only and deck is None:
            stripped = Path(tmp) / "library_only.gds"
            write_library_only(layout, stripped, ring.insts)
            staged = Path(tmp) / LIBRARY_REPORT
            seconds = run_deck(path, stripped, ring.top.name, staged, variables, timeout)
            os.replace(staged, folder / LIBRARY_REPORT)
            library_report = folder / LIBRARY_REPORT
            decks.append({"name": "ihp-library-only", "path": str(path), "deck_sha256": file_sha256(path),
                          "report": LIBRARY_REPORT, "variables": variables, "time_s": round(seconds, 1),
                          "klayout": klayout_version(klayout)})
            result = assess(folder, reports, library_report)
    result["decks"] = decks
    write_text_atomic(folder / "signoff.json", json.dumps(result, indent=1) + "\n")
    return result


def print_signoff(result: dict[str, Any]) -> int:
    """Print the unwaived findings and one line per rule; the exit code (0 clean, 1 markers left)."""
    for f in result["findings"]:
        if f["waiver"] is None and f["severity"] == "error":
            print(SignoffFinding.model_validate(f).line(), file=sys.stderr)
    for rule, r in result["rules"].items():
        kind = "advisory (the deck's own warning)" if r.get("deck_warning") else \
            f"{r['waived']} waived, {r['unwaived']} unwaived"
        print(f"  {r['deck']} {rule}: {r['count']} marker(s), {kind}", file=sys.stderr)
    decks = ", ".join(f"{d['name']} {d['time_s']:g} s" for d in result.get("decks", []))
    state = "clean" if result["clean"] else f"{result['unwaived']} unwaived marker(s)"
    print(f"signoff: {state}, {result['waived']} waived ({decks})")
    return 0 if result["clean"] else 1


def signoff_html(folder: Path) -> str:
    """The review page's sign-off section from ``folder/signoff.json`` (empty when there is none)."""
    path = folder / "signoff.json"
    if not path.is_file():
        return ""
    result = json.loads(path.read_text())
    e = html.escape
    layout = folder / result["layout"]
    stale = not layout.is_file() or file_sha256(layout) != result["layout_sha256"]
    state = "clean" if result["clean"] else f"{result['unwaived']} unwaived marker(s)"
    decks = "; ".join(f"{d['path']} ({d['klayout']}, {d['time_s']:g} s)" for d in result.get("decks", []))
    parts = [f"<h2>Sign-off (foundry deck)</h2><p><b>{e(state)}</b>, {result['waived']} waived; deck {e(decks)}.</p>"]
    if stale:
        parts.append(f"<p style='color:#c00'><b>STALE</b>: {e(result['layout'])} changed since this sign-off; "
                     "run `ioring signoff` again.</p>")
    reasons: dict[str, set[str]] = {}
    for f in result["findings"]:
        if f["waiver"]:
            reasons.setdefault(f["rule"], set()).add(f["waiver"])
    parts.append("<table><tr><th>rule</th><th>markers</th><th>waived</th><th>unwaived</th><th>waiver reason</th></tr>")
    parts += [f"<tr><td>{e(rule)}</td><td>{r['count']}</td><td>{r['waived']}</td><td>{r['unwaived']}</td>"
              f"<td>{e(' / '.join(sorted(reasons.get(rule, set()))))}</td></tr>" for rule, r in result["rules"].items()]
    parts.append("</table>")
    left = [f for f in result["findings"] if f["waiver"] is None and f["severity"] == "error"]
    if left:
        parts.append("<table><tr><th>rule</th><th>where</th><th>message</th></tr>")
        parts += [f"<tr><td>{e(f['rule'])}</td><td>{e(f['where'])}</td><td>{e(f['message'])}</td></tr>"
                  for f in left[:200]]
        parts.append("</table>")
    return "".join(parts)
