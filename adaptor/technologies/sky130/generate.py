"""Regenerate the shipped sky130 I/O cell data from Chips4Makers' open sky130 generator.

Needs the optional extra: ``pip install -e '.[pdk]'`` (c4m-pdk-sky130 0.2.7, which shares PDKMaster
0.12.1 and c4m-flexio 0.4.9 with the SG13G2 generator). Builds the library of ``Sky130IOFactory``
(the same frame and specification as ``c4m.pdk.sky130.iolib``) with every cell name prefixed
``sky130_``, so that names never collide with another technology's, and writes into a folder
(default: this one):

- ``cells.oas``: every cell of the I/O library and its sub-cells (the pad cells carry their bond
  pad, ``sky130_Pad_15800W12000H``: a 79 × 60 µm opening on m5, inside the cell);
- ``cells.sp``: their SPICE subcircuits;
- ``cells.json``: per cell its abutment boundary (µm), ports in SPICE order and pin labels, and the
  ring bus bands read off a filler;
- ``pdk_rules.json``: the rule values of the PDK's technology data that the profile uses;
- ``abstracts.oas``: the pad cells' net abstracts (adaptor/connectivity.py) from the new ``cells.oas``.

Run: ``python -m adaptor.technologies.sky130.generate [OUT_DIR]`` (about a minute).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from adaptor.technologies.pdkmaster_export import bus_bands, cell_records, frontend_rules, primitive_rules

HERE = Path(__file__).resolve().parent
PREFIX = "sky130_"
BUS_LAYERS = (69, 70, 71, 72)  # m2, m3, m4, m5 (drawing datatype 20)
DRAWING_DATATYPE, PIN_DATATYPE = 20, 16
BAND_FILLER = PREFIX + "Filler2000"


def generate(out_dir: Path) -> None:
    """Generate the library and write the five files into ``out_dir``."""
    import gdstk
    from c4m.flexio import IOFactory
    from c4m.pdk import sky130 as pdk
    from c4m.pdk.sky130.io import Sky130IOFactory
    from pdkmaster.design import library as lbry
    from pdkmaster.io.klayout import export2db, merge

    from adaptor.connectivity import write_abstracts
    from adaptor.technology import load_profile

    lib = lbry.Library(name="sky130_io", tech=pdk.tech)
    fab = Sky130IOFactory.__new__(Sky130IOFactory)  # Sky130IOFactory.__init__ takes no name prefix
    IOFactory.__init__(fab, lib=lib, cktfab=pdk.cktfab, layoutfab=pdk.layoutfab, spec=Sky130IOFactory.iospec,
                       framespec=Sky130IOFactory.ioframespec, name_prefix=PREFIX)
    fab.get_cell("Gallery").circuit  # as c4m.pdk.sky130.iolib: the gallery creates every I/O cell
    for cell in list(lib.cells):
        cell.circuit  # touch every circuit first, or .layout raises "already has a layout"
    cells = list(lib.cells)
    for cell in cells:
        cell.layout
    merge(lib)
    out_dir.mkdir(parents=True, exist_ok=True)
    export2db(lib, gds_layers=pdk.gds_layers, merge=False, add_pin_label=True).write(str(out_dir / "cells.oas"))
    (out_dir / "cells.sp").write_text(str(pdk.netlistfab.export_library(lib, incl_dummysubcircuits=True)))
    by_name = {c.name: c for c in gdstk.read_oas(str(out_dir / "cells.oas")).cells}
    info = {"cells": cell_records(cells, by_name, PIN_DATATYPE),
            "buses": bus_bands(by_name[BAND_FILLER], BUS_LAYERS, DRAWING_DATATYPE, PIN_DATATYPE)}
    (out_dir / "cells.json").write_text(json.dumps(info, indent=1) + "\n")
    rules = {**primitive_rules(pdk.tech), "frontend": frontend_rules(pdk.tech, "c4m.pdk.sky130", "difftap", "licon")}
    (out_dir / "pdk_rules.json").write_text(json.dumps(rules, indent=2) + "\n")
    write_abstracts(load_profile("sky130"), out_dir)  # the pad cells' net abstracts, from the new cells.oas


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
