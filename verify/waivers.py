"""Waivers of foundry-deck markers that library cells carry by themselves, and their proofs.

A technology's ``waivers.json`` names the deck (relative to ``$PDK_ROOT``), its variables and the
waivers: each names a rule, a library cell and the reason. ``waiver_proofs.json`` (written by
``python -m verify.waivers prove``) holds the markers the deck reports on every waived cell
placed alone, and beside each library cell its waiver lists as ``neighbours`` (abutted as in a
ring), in the cell's own frame (µm). A ring marker is waived only when it touches an instance of
the cell, lies (in that instance's frame) within those proven markers, and lies wholly inside
library-cell instances (never a breaker, a strap or a bond pad): so a waiver cannot hide a
marker the ring's own geometry causes.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import gdstk
import klayout.db as kdb
from pydantic import BaseModel, ConfigDict, Field

from adaptor.errors import UserError
from adaptor.technology import cell_info, cell_library, load_profile
from ioring.files import write_text_atomic
from verify.deck import DBU, Marker, find_klayout, klayout_version, pdkmaster_deck, read_report, run_deck
from verify.layout import Inst

PROOF_TOP = "waiver_proof"
PROOF_PITCH_UM = 700.0  # proof groups this far apart (no rule of the deck reaches that far)
TOLERANCE_DBU = 5  # one 5 nm grid step
LIBRARY_KINDS = ("pad", "corner", "filler")


class Waiver(BaseModel):
    """One waived rule on one library cell, with the reason a designer can check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    cell: str
    reason: str
    neighbours: list[list[str]] = Field([], description="chains of library cells also abutted on both sides of it "
                                                          "in the proof, as in a ring (one proof per chain)")


class WaiverFile(BaseModel):
    """A technology's sign-off data: the decks, their variables, the waivers.

    ``deck`` is the foundry's deck under ``$PDK_ROOT`` (None when the technology has none here:
    then PDKMaster's deck, ``--pdkmaster``, is the judge). ``deck_name`` names its reports
    (``signoff_<deck_name>.lyrdb``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    deck: str | None = Field(description="the foundry deck, relative to $PDK_ROOT; null: none is available")
    deck_name: str = Field("foundry", pattern=r"^[a-z0-9_]+$", description="short name of the foundry deck")
    pdkmaster: str | None = Field(None, description="the PDKMaster PDK module (its `tech`, `gds_layers`, "
                                                    "`prims_spiceparams`) whose exported DRC deck --pdkmaster runs")
    variables: dict[str, str]
    proofs: str = Field(description="file (beside this one) with the proven markers")
    waivers: list[Waiver]


Proofs = dict[str, dict[str, dict[str, list[list[list[float]]]]]]  # cell → rule → frame cell → polygons (µm)


@lru_cache(maxsize=8)
def load_waivers(technology: str) -> WaiverFile:
    """The waiver file of ``technology``; UserError when it has none."""
    path = load_profile(technology).folder / "waivers.json"
    if not path.is_file():
        raise UserError(f"technology {technology} has no sign-off data ({path} is missing)",
                        "sign-off needs a foundry deck; pass --deck FILE and add a waivers.json")
    return WaiverFile.model_validate_json(path.read_text())


def proofs_path(technology: str) -> Path:
    """Where the proven markers of ``technology`` are stored."""
    return load_profile(technology).folder / load_waivers(technology).proofs


def load_proofs(technology: str) -> Proofs:
    """The stored proven markers (empty when never proven)."""
    path = proofs_path(technology)
    return json.loads(path.read_text())["cells"] if path.is_file() else {}


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _region(polygons: list[list[list[float]]]) -> kdb.Region:
    region = kdb.Region()
    for points in polygons:
        region.insert(kdb.DPolygon([kdb.DPoint(x, y) for x, y in points]).to_itype(DBU))
    return region


def _points(region: kdb.Region) -> list[list[list[float]]]:
    return sorted([[round(p.x * DBU, 3), round(p.y * DBU, 3)] for p in poly.each_point_hull()]
                  for poly in region.merged().each())


def _dbu_trans(inst: Inst) -> kdb.ICplxTrans:
    """The instance transform in database units (cell frame → top frame)."""
    return kdb.CplxTrans(DBU).inverted() * inst.trans * kdb.CplxTrans(DBU)


def _ibox(box: kdb.DBox) -> kdb.Region:
    return kdb.Region(box.to_itype(DBU))


def _width(cell: str, technology: str) -> float:
    boundary = cell_info(technology)[cell].boundary
    assert boundary is not None, cell
    return boundary[2] - boundary[0]


def _chain_refs(cell: str, chain: list[str], technology: str) -> list[tuple[str, float, float, int]]:
    """Where the cells of ``chain`` sit when abutted on both sides of ``cell`` as in a ring, in
    ``cell``'s frame: (cell, x, y, rotation°). A corner is the bottom-left one: its bottom side runs
    on at x >= 0 (R0), its left side upward from y = corner size (R270)."""
    profile = load_profile(technology)
    out, along = [], 0.0
    for name in chain:
        w = _width(name, technology)
        if cell == profile.corner.cell:
            out += [(name, along, 0.0, 0), (name, -profile.cell_depth_um, profile.corner.size_um + along + w, 270)]
        else:
            out += [(name, -along - w, 0.0, 0), (name, _width(cell, technology) + along, 0.0, 0)]
        along += w
    return out


def proof_layout(technology: str, groups: list[tuple[str, tuple[str, ...]]], path: Path) -> list[float]:
    """Write each (cell, chain) group as GDS, 700 µm apart: the cell at R0, alone (empty chain) or
    with the chain of library cells abutted on both sides as in a ring. Each group's origin x (µm)."""
    library = cell_library(technology)
    lib = gdstk.Library(unit=1e-6, precision=1e-9)
    top = gdstk.Cell(PROOF_TOP)
    origins, seen = [], set()
    for k, (name, chain) in enumerate(groups):
        x0 = k * PROOF_PITCH_UM
        top.add(gdstk.Reference(library[name], (x0, 0.0)))
        for other, x, y, rot in _chain_refs(name, list(chain), technology):
            top.add(gdstk.Reference(library[other], (x0 + x, y), rotation=math.radians(rot)))
        origins.append(x0)
        for cell in (name, *chain):
            for c in (library[cell], *library[cell].dependencies(True)):
                if c.name not in seen:
                    seen.add(c.name)
                    lib.add(c)
    lib.add(top)
    lib.write_gds(str(path))
    return origins


def prove(technology: str, deck: Path, timeout: float, by_environment: bool = False) -> dict[str, object]:
    """Run ``deck`` on every waived cell placed alone (and beside each listed neighbour); the proof
    document: the markers per cell and rule, in the cell's frame (µm). ``by_environment``: a
    PDKMaster deck (input from the environment, see ``verify.deck.run_deck``)."""
    spec = load_waivers(technology)
    neighbours: dict[str, set[tuple[str, ...]]] = {}
    rules_of: dict[str, set[str]] = {}
    for w in spec.waivers:
        neighbours.setdefault(w.cell, set()).update(tuple(chain) for chain in w.neighbours)
        rules_of.setdefault(w.cell, set()).add(w.rule)
    groups = [(c, chain) for c in sorted(neighbours) for chain in [(), *sorted(neighbours[c])]]
    library = cell_library(technology)
    with tempfile.TemporaryDirectory(prefix="ioring-proof-") as tmp:
        gds, report = Path(tmp) / "alone.gds", Path(tmp) / "alone.lyrdb"
        origins = proof_layout(technology, groups, gds)
        seconds = run_deck(deck, gds, PROOF_TOP, report, spec.variables, timeout, by_environment)
        markers = read_report(report)
    found: dict[str, dict[str, dict[str, kdb.Region]]] = {c: {} for c in neighbours}
    for m in markers:
        if m.cell == PROOF_TOP:
            k = round(m.box.center().x / PROOF_PITCH_UM)
            if not 0 <= k < len(groups):
                continue
            owner = groups[k][0]
            local = m.region.moved(-round(origins[k] / DBU), 0)
            if m.rule in rules_of[owner]:
                found[owner].setdefault(m.rule, {}).setdefault(owner, kdb.Region()).insert(local)
        else:
            for c in neighbours:
                if m.rule in rules_of[c] and (m.cell == c or m.cell in {d.name for d in library[c].dependencies(True)}):
                    found[c].setdefault(m.rule, {}).setdefault(m.cell, kdb.Region()).insert(m.region)
    return {"deck": str(deck), "deck_sha256": file_sha256(deck), "klayout": klayout_version(find_klayout()),
            "time_s": round(seconds, 1), "groups": [[c, *chain] for c, chain in groups],
            "cells": {c: {rule: {frame: _points(r) for frame, r in sorted(frames.items())}
                          for rule, frames in sorted(rules.items())} for c, rules in found.items()}}


def library_area(insts: list[Inst]) -> kdb.Region:
    """The area the ring's library-cell instances cover (dbu): where a waived marker may lie."""
    area = kdb.Region()
    for inst in insts:
        if inst.kind in LIBRARY_KINDS:
            area.insert(inst.box.to_itype(DBU))
    return area.merged()


def waiver_for(marker: Marker, top: str, insts: list[Inst], library: kdb.Region, waivers: list[Waiver],
               proofs: Proofs, library_deps: dict[str, set[str]]) -> Waiver | None:
    """The waiver that covers ``marker``, or None (see the module docstring for the test);
    ``library`` is :func:`library_area` of ``insts``."""
    for w in waivers:
        if w.rule != marker.rule:
            continue
        frames = proofs.get(w.cell, {}).get(w.rule, {})
        if marker.cell != top:
            if marker.cell in frames and (marker.cell == w.cell or marker.cell in library_deps.get(w.cell, set())):
                if (marker.region - _region(frames[marker.cell]).sized(TOLERANCE_DBU)).is_empty():
                    return w
            continue
        if w.cell not in frames:
            continue
        proven = _region(frames[w.cell]).sized(TOLERANCE_DBU)
        for inst in insts:
            if inst.cell != w.cell or (marker.region & _ibox(inst.box)).is_empty():
                continue
            if not (marker.region.transformed(_dbu_trans(inst).inverted()) - proven).is_empty():
                continue
            if (marker.region - library).is_empty():
                return w
    return None


def write_library_only(layout: Path, out: Path, insts: list[Inst]) -> None:
    """Write ``layout`` without any generated geometry: only its library-cell instances (no
    breakers, bond pads, straps, labels or other top-cell shapes)."""
    ly = kdb.Layout()
    ly.read(str(layout))
    top = ly.top_cell()
    keep = {(i.cell, round(i.trans.disp.x / DBU), round(i.trans.disp.y / DBU)) for i in insts if i.kind in LIBRARY_KINDS}
    for inst in list(top.each_inst()):
        disp = inst.dcplx_trans.disp
        if (inst.cell.name, round(disp.x / DBU), round(disp.y / DBU)) not in keep:
            inst.delete()
    top.clear_shapes()
    ly.write(str(out))


def arrangement_waiver(marker: Marker, insts: list[Inst], library: kdb.Region, waivers: list[Waiver],
                       library_markers: dict[str, kdb.Region]) -> Waiver | None:
    """The waiver for a top-level ``marker`` that the deck also reports on the ring's library cells
    alone (``library_markers``: rule → markers of that run): it must lie wholly inside library
    cells, within a marker of the same rule there, and a waiver of that rule must name a cell it touches."""
    if marker.rule not in library_markers or not (marker.region - library).is_empty():
        return None
    if not (marker.region - library_markers[marker.rule].sized(TOLERANCE_DBU)).is_empty():
        return None
    touched = {i.cell for i in insts if i.kind in LIBRARY_KINDS and not (marker.region & _ibox(i.box)).is_empty()}
    return next((w for w in waivers if w.rule == marker.rule and w.cell in touched), None)


def main(argv: list[str]) -> int:
    """``python -m verify.waivers prove [TECHNOLOGY] [--pdk-root P]``: rewrite the proofs file, with the
    technology's foundry deck, or PDKMaster's deck when it has none here."""
    import argparse
    import os

    parser = argparse.ArgumentParser(prog="python -m verify.waivers")
    parser.add_argument("action", choices=("prove",))
    parser.add_argument("technology", nargs="?", default="sg13g2")
    parser.add_argument("--pdk-root", default=os.environ.get("PDK_ROOT"))
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args(argv)
    spec = load_waivers(args.technology)
    if spec.deck is None:
        if spec.pdkmaster is None:
            print(f"error: {args.technology} names neither a foundry deck nor a PDKMaster PDK", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="ioring-deck-") as tmp:
            doc = prove(args.technology, pdkmaster_deck(Path(tmp), spec.pdkmaster), args.timeout, True)
    elif not args.pdk_root:
        print("error: set PDK_ROOT or pass --pdk-root", file=sys.stderr)
        return 2
    else:
        doc = prove(args.technology, Path(args.pdk_root) / spec.deck, args.timeout)
    write_text_atomic(proofs_path(args.technology), json.dumps(doc, indent=1) + "\n")
    print(f"wrote {proofs_path(args.technology)} ({doc['time_s']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
