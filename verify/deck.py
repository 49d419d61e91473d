"""Running a foundry KLayout DRC deck through the ``klayout`` program and reading its report.

Foundry decks are Ruby DSL scripts (``.lydrc``/``.drc``): pip ``klayout`` cannot run them, the
KLayout application can (``klayout -b -r DECK -rd name=value …``). The deck runs in its own
process group with a timeout; its ``.lyrdb`` report is read back with ``klayout.rdb``.
Coordinates are µm; marker regions are in database units of 1 nm.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import klayout.db as kdb
import klayout.rdb as rdb

from adaptor.errors import UserError

DBU = 0.001  # µm per database unit of the marker regions


@dataclass
class Marker:
    """One report item: rule (category), the cell it is reported in, its shapes in that cell's frame."""

    rule: str
    description: str
    cell: str
    region: kdb.Region

    @property
    def box(self) -> kdb.DBox:
        """Bounding box, µm."""
        return self.region.bbox().to_dtype(DBU)


def find_klayout() -> str:
    """The ``klayout`` program on PATH; UserError when it is missing."""
    path = shutil.which("klayout")
    if path is None:
        raise UserError("the `klayout` program is not on PATH: the foundry's DRC deck is a Ruby script that only "
                        "the KLayout application runs (pip klayout has no Ruby)",
                        "install it: `apt-get install klayout` (Debian 12 ships 0.28.5, which runs IHP's deck)")
    return path


def klayout_version(klayout: str) -> str:
    """``KLayout 0.28.5`` or similar."""
    out = subprocess.run([klayout, "-v"], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() or out.stderr.strip()


def run_deck(deck: Path, layout: Path, cell: str, report: Path, variables: dict[str, str],
             timeout: float, by_environment: bool = False) -> float:
    """Run ``deck`` on ``cell`` of ``layout``, writing ``report``; the wall time in seconds.

    IHP's decks take ``-rd in_gds=… -rd cell=… -rd report_file=…``; PDKMaster's read the
    environment (``by_environment``: SOURCE_FILE, CELL_NAME, REPORT_FILE). UserError when the
    deck fails, writes no report, or runs longer than ``timeout`` s.
    """
    klayout = find_klayout()
    cmd = [klayout, "-b", "-r", str(deck.resolve())]
    env = dict(os.environ)
    if by_environment:
        env.update(SOURCE_FILE=str(layout.resolve()), CELL_NAME=cell, REPORT_FILE=str(report.resolve()))
    else:
        cmd += ["-rd", f"in_gds={layout.resolve()}", "-rd", f"cell={cell}", "-rd", f"report_file={report.resolve()}"]
    for name, value in variables.items():
        cmd += ["-rd", f"{name}={value}"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            start_new_session=True)
    try:
        log, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise UserError(f"the DRC deck {deck} did not finish on {layout} within {timeout:g} s",
                        "pass a larger --timeout (IHP's deck takes about a minute per ring on 2 cores)") from None
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or not report.is_file():
        tail = " | ".join(line for line in log.strip().splitlines()[-4:])
        raise UserError(f"the DRC deck {deck} failed on {layout} (klayout exit {proc.returncode}): {tail}",
                        "check that the deck is a KLayout DRC script for this technology and this KLayout version")
    return elapsed


def pdkmaster_deck(folder: Path, module: str) -> Path:
    """PDKMaster's DRC deck of the PDK package ``module`` (e.g. from the ``[pdk]`` extra), written into
    ``folder`` and adapted to KLayout 0.28 (which spells the projection metric ``projection``,
    PDKMaster writes ``Projection``). It reads its input from the environment (``run_deck(…, by_environment=True)``).
    """
    import importlib

    try:
        pdk = importlib.import_module(module)
        from pdkmaster.io.klayout import FileExporter
    except ImportError:
        raise UserError(f"PDKMaster's deck needs the PDK package {module} (the [pdk] extra)",
                        "pip install -e '.[pdk]'") from None
    text = FileExporter(tech=pdk.tech, gds_layers=pdk.gds_layers, prims_spiceparams=pdk.prims_spiceparams)()["drc"]
    path = folder / "pdkmaster.drc"
    path.write_text(text.replace(", Projection)", ", projection)"))
    return path


def _shape(value: rdb.RdbItemValue) -> kdb.DPolygon | None:
    """A marker value as a polygon (µm); edge pairs and edges become thin polygons."""
    if value.is_polygon():
        return value.polygon()
    if value.is_box():
        return kdb.DPolygon(value.box())
    if value.is_edge_pair():
        poly = value.edge_pair().polygon(0)
        return poly if poly.area() > 0 else kdb.DPolygon(value.edge_pair().bbox().enlarged(DBU, DBU))
    if value.is_edge():
        return kdb.DPolygon(value.edge().bbox().enlarged(DBU, DBU))
    return None


def read_report(path: Path) -> list[Marker]:
    """Every item of a ``.lyrdb`` report as a Marker (categories are rule names)."""
    db = rdb.ReportDatabase("")
    try:
        db.load(str(path))
    except RuntimeError as exc:
        raise UserError(f"{path}: not a KLayout report database ({str(exc).splitlines()[0]})",
                        "re-run `ioring signoff` to write it again") from None
    cats = {c.rdb_id(): c for c in db.each_category()}
    cells = {c.rdb_id(): c.name() for c in db.each_cell()}
    scale = kdb.DCplxTrans(1.0 / DBU)
    out = []
    for item in db.each_item():
        region = kdb.Region()
        for value in item.each_value():
            poly = _shape(value)
            if poly is not None:
                region.insert((scale * poly).to_itype(1.0))
        cat = cats[item.category_id()]
        out.append(Marker(cat.name(), cat.description, cells.get(item.cell_id(), ""), region))
    return out
