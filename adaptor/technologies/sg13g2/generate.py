"""Regenerate the shipped SG13G2 I/O cell data from IHP's open PDK generator.

Needs the optional extra: ``pip install -e '.[pdk]'`` (c4m-pdk-ihpsg13g2). Writes, into a
folder (default: this one):

- ``cells.oas``: every cell of ``sg13g2_io`` plus the 70 × 70 µm bond pad ``sg13g2_Pad_14000W14000H``;
- ``cells.sp``: their SPICE subcircuits;
- ``cells.json``: per cell its abutment boundary (µm), ports in SPICE order and pin labels
  (layer, position), and the ring bus bands read off a filler;
- ``pdk_rules.json``: the rule values of the PDK's technology data that the profile uses;
- ``abstracts.oas``: the pad cells' net abstracts (adaptor/connectivity.py) from the new ``cells.oas``.

Run: ``python -m adaptor.technologies.sg13g2.generate [OUT_DIR]`` (about a minute).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from adaptor.technologies.pdkmaster_export import bus_bands, cell_records, primitive_rules

HERE = Path(__file__).resolve().parent
PAD_CELL = "sg13g2_Pad_14000W14000H"  # 70 × 70 µm opening (sizes in 5 nm grid units)
BUS_LAYERS = (30, 50, 67, 126, 134)  # Metal3, Metal4, Metal5, TopMetal1, TopMetal2
BAND_FILLER = "sg13g2_Filler2000"
PIN_DATATYPE = 2  # pin shapes and labels


def _rules(tech: Any) -> dict[str, Any]:
    return {**primitive_rules(tech), "frontend": _frontend_rules(tech)}


def _frontend_rules(tech: Any) -> dict[str, Any]:
    """Enclosures the domain breaker's cut ends must keep and its tie contacts' size and space (µm), each with the
    PDKMaster attribute it comes from."""
    activ, cont = tech.primitives["Activ"], tech.primitives["Cont"]
    found = {"NWell_enclosure_of_Activ": (activ.min_well_enclosure[0].max(), "Activ.min_well_enclosure"),
             "pSD_enclosure_of_Activ": (activ.min_implant_enclosure[0].max(), "Activ.min_implant_enclosure"),
             "Activ_enclosure_of_Cont": (cont.min_bottom_enclosure[0].max(), "Cont.min_bottom_enclosure"),
             "Metal1_enclosure_of_Cont": (cont.min_top_enclosure[0].max(), "Cont.min_top_enclosure (end)"),
             "Cont_width": (cont.width, "Cont.width"),
             "Cont_space": (cont.min_space, "Cont.min_space")}
    return {name: {"value": value, "source": f"c4m.pdk.ihpsg13g2 tech.primitives: {attr}"}
            for name, (value, attr) in found.items()}


def generate(out_dir: Path) -> None:
    """Generate the library and write the five files into ``out_dir``."""
    import gdstk
    from c4m.pdk import ihpsg13g2 as pdk
    from pdkmaster.io.klayout import export2db, merge

    from adaptor.connectivity import write_abstracts
    from adaptor.technology import load_profile

    lib = pdk.iolib
    pad = pdk.ihpsg13g2_iofab.pad(width=70.0, height=70.0)  # joins the I/O library
    for cell in list(lib.cells):
        cell.circuit  # touch every circuit first, or .layout raises "already has a layout"
    cells = list(lib.cells)  # touching circuits creates the sub-cells on demand
    if pad not in cells:
        raise RuntimeError(f"the bond pad {pad.name} did not join the I/O library")
    for cell in cells:
        cell.layout
    merge(lib)
    out_dir.mkdir(parents=True, exist_ok=True)
    export2db(lib, gds_layers=pdk.gds_layers, merge=False, add_pin_label=True).write(str(out_dir / "cells.oas"))
    (out_dir / "cells.sp").write_text(str(pdk.netlistfab.export_library(lib, incl_dummysubcircuits=True)))
    gds = gdstk.read_oas(str(out_dir / "cells.oas"))
    by_name = {c.name: c for c in gds.cells}
    info = {"cells": cell_records(cells, by_name, PIN_DATATYPE),
            "buses": bus_bands(by_name[BAND_FILLER], BUS_LAYERS, 0, PIN_DATATYPE)}
    (out_dir / "cells.json").write_text(json.dumps(info, indent=1) + "\n")
    (out_dir / "pdk_rules.json").write_text(json.dumps(_rules(pdk.tech), indent=2) + "\n")
    write_abstracts(load_profile("sg13g2"), out_dir)  # the pad cells' net abstracts, from the new cells.oas


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
