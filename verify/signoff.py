"""``ioring signoff``: the foundry's own KLayout DRC deck on a built ring, with proven waivers.

Runs the technology's foundry deck (its ``waivers.json`` names it under ``$PDK_ROOT``), or ``--deck``,
and with ``--pdkmaster`` PDKMaster's deck of the technology (the only one for a technology without a
foundry deck here) on the folder's ``ring.gds`` through the ``klayout`` program, keeps each ``.lyrdb``
report, turns every marker into a finding, applies the technology's waivers (``verify/waivers.py``) and writes
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
from verify.deck import pdkmaster_deck as export_pdkmaster_deck
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
PDKMASTER_REPORT = "signoff_pdkmaster.lyrdb"
ARRANGEMENT = "; proven on this ring's library cells alone, without any generated geometry (signoff_{}_library.lyrdb)"
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
    if relative is None:
        raise UserError(f"technology {technology} has no foundry DRC deck here",
                        "run PDKMaster's deck with --pdkmaster, or pass a KLayout DRC deck with --deck FILE")
    if not root:
        raise UserError("no PDK_ROOT: sign-off runs the foundry's deck from the PDK",
                        f"set PDK_ROOT (or --pdk-root) to the folder holding {relative}, or pass --deck FILE")
    path = Path(root) / relative
    if not path.is_file():
        raise UserError(f"the deck {path} does not exist (PDK_ROOT={root})",
                        f"point PDK_ROOT at the PDK folder holding {relative}, or pass --deck FILE")
    return path.resolve()


def pdkmaster_deck(folder: Path, technology: str) -> Path:
    """PDKMaster's DRC deck of ``technology`` (its waivers.json names the PDK package) written into ``folder``."""
    module = load_waivers(technology).pdkmaster
    if module is None:
        raise UserError(f"--pdkmaster: technology {technology} names no PDKMaster PDK",
                        "add `pdkmaster` (the PDK package) to its waivers.json")
    return export_pdkmaster_deck(folder, module)


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

    ``library_report``: the first deck of ``reports`` on the ring's library cells alone; a marker it
    reports too (same rule, same place, wholly inside library cells) is proven the library's for this ring.
    """
    layout = folder / LAYOUT
    intent = load_intent(folder / "intent.json")
    technology = intent.technology
    primary = next(iter(reports), "")  # the first deck's markers may be proven on the library cells alone
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
            if waiver is None and name == primary and m.cell == top:
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
                waiver=(waiver.reason + (ARRANGEMENT.format(primary) if proof == "arrangement" else ""))
                if waiver else None,
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


def _runs(tmp: Path, deck: str | None, pdk_root: str | None, technology: str,
          pdkmaster: bool) -> list[tuple[str, Path, str, dict[str, str], bool]]:
    """The deck runs (name, deck file, report file, variables, input by environment); the first is
    primary. The foundry deck (``--deck``, or the technology's under PDK_ROOT), then PDKMaster's
    (written into ``tmp``) with ``pdkmaster``; without a foundry deck here, PDKMaster's alone."""
    spec = load_waivers(technology)
    runs = []
    if deck is not None or spec.deck is not None or not pdkmaster:
        name = spec.deck_name if deck is None else "deck"
        variables = spec.variables if deck is None else {"density": "false"}
        runs.append((name, deck_path(deck, pdk_root, technology), f"signoff_{name}.lyrdb", variables, False))
    if pdkmaster:
        runs.append(("pdkmaster", pdkmaster_deck(tmp, technology), PDKMASTER_REPORT, {}, True))
    return runs


def run_signoff(folder: Path, deck: str | None = None, pdk_root: str | None = None,
                timeout: float = 900.0, pdkmaster: bool = False) -> dict[str, Any]:
    """Run the deck (and PDKMaster's with ``pdkmaster``) on ``folder``'s ring, keep the reports,
    write and return ``signoff.json``."""
    layout = folder / LAYOUT
    for need in (layout, folder / "intent.json"):
        if not need.is_file():
            raise UserError(f"{folder}: missing {need.name}", "run `ioring build INTENT -o DIR` first")
    technology = load_intent(folder / "intent.json").technology
    load_waivers(technology)  # a technology without sign-off data is refused before any deck runs
    if deck is None and not pdkmaster:
        deck_path(None, pdk_root, technology)
    klayout = find_klayout()
    ring = read_ring(layout, load_profile(technology))
    reports, decks = {}, []
    with tempfile.TemporaryDirectory(prefix=".signoff.", dir=folder) as tmp:
        runs = _runs(Path(tmp), deck, pdk_root, technology, pdkmaster)
        for name, deck_file, report, values, by_env in runs:
            staged = Path(tmp) / report
            seconds = run_deck(deck_file, layout, ring.top.name, staged, values, timeout, by_env)
            os.replace(staged, folder / report)
            reports[name] = (deck_file, folder / report)
            decks.append({"name": name, "path": "pdkmaster.io.klayout (generated)" if name == "pdkmaster"
                          else str(deck_file), "deck_sha256": file_sha256(deck_file), "report": report,
                          "variables": values, "time_s": round(seconds, 1), "klayout": klayout_version(klayout)})
        result = assess(folder, reports)
        primary, path, _, variables, by_env = runs[0]
        library_only = [f for f in result["findings"] if f["waiver"] is None and f["severity"] == "error"
                        and f["deck"] == primary and "outside every cell" not in f["where"]]
        if library_only and deck is None:
            stripped = Path(tmp) / "library_only.gds"
            write_library_only(layout, stripped, ring.insts)
            library_name = f"signoff_{primary}_library.lyrdb"
            staged = Path(tmp) / library_name
            seconds = run_deck(path, stripped, ring.top.name, staged, variables, timeout, by_env)
            os.replace(staged, folder / library_name)
            decks.append({"name": f"{primary}-library-only", "path": decks[0]["path"],
                          "deck_sha256": file_sha256(path), "report": library_name, "variables": variables,
                          "time_s": round(seconds, 1), "klayout": klayout_version(klayout)})
            result = assess(folder, reports, folder / library_name)
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
