"""Shared steps of the technology generators: a PDKMaster I/O library becomes the shipped cell data.

Each technology's ``generate.py`` builds its library with its own PDK package and calls these:
``cell_records`` (cells.json's per-cell records), ``bus_bands`` (the ring bus bands read off a
filler) and ``primitive_rules`` (pdk_rules.json's wire/opening values). Layer numbers come in as
arguments, so this module names no technology. Runs under the PDK's venv (needs gdstk).
"""

from __future__ import annotations

from typing import Any

RULE_PRIMITIVES = ("MetalWire", "TopMetalWire", "PadOpening", "WaferWire", "Well")


def bus_bands(cell: Any, layers: tuple[int, ...], drawing_datatype: int, pin_datatype: int
              ) -> dict[str, list[dict[str, Any]]]:
    """Bus name → [{layer, y0, y1}] (µm) from a gdstk filler cell: each drawn shape on ``layers`` under a pin label."""
    import gdstk

    bands: dict[str, list[dict[str, Any]]] = {}
    labels = [lab for lab in cell.get_labels(depth=0) if lab.texttype == pin_datatype]
    for poly in cell.get_polygons(depth=None):
        if poly.layer not in layers or poly.datatype != drawing_datatype:
            continue
        (_, y0), (_, y1) = poly.bounding_box()
        for lab in labels:
            if lab.layer == poly.layer and gdstk.inside([lab.origin], poly)[0]:
                bands.setdefault(lab.text, []).append({"layer": [poly.layer, drawing_datatype], "y0": round(y0, 3),
                                                       "y1": round(y1, 3)})
                break
    return {name: sorted(v, key=lambda b: (b["layer"], b["y0"])) for name, v in sorted(bands.items())}


def cell_records(cells: list[Any], gds_cells: dict[str, Any], pin_datatype: int) -> dict[str, Any]:
    """Cell name → {boundary [x0, y0, x1, y1] µm or None, ports in SPICE order, pin labels} for PDKMaster cells."""
    out: dict[str, Any] = {}
    for cell in cells:
        bound = cell.layout.boundary
        pins = sorted(({"name": lab.text, "layer": [lab.layer, lab.texttype], "x": round(lab.origin[0], 3),
                        "y": round(lab.origin[1], 3)} for lab in gds_cells[cell.name].get_labels(depth=0)
                       if lab.texttype == pin_datatype),
                      key=lambda p: (p["name"], p["layer"], p["x"], p["y"]))  # label order varies run to run
        out[cell.name] = {
            "boundary": [round(float(bound.left), 3), round(float(bound.bottom), 3), round(float(bound.right), 3),
                         round(float(bound.top), 3)] if bound is not None else None,
            "ports": [p.name for p in cell.circuit.ports], "pins": pins}
    return out


def primitive_rules(tech: Any) -> dict[str, Any]:
    """Width, space, wide-space table and bottom enclosure (µm) of every wire, well and pad-opening primitive."""
    out: dict[str, Any] = {"grid_um": tech.grid}
    for prim in tech.primitives:
        if type(prim).__name__ in RULE_PRIMITIVES:
            entry = {"min_width": prim.min_width, "min_space": prim.min_space}
            table = getattr(prim, "space_table", None)
            if table:
                entry["space_table"] = [{"width": w[0] if isinstance(w, tuple) else w,
                                         "length": w[1] if isinstance(w, tuple) else None, "space": s}
                                        for w, s in table]
            enc = getattr(prim, "min_bottom_enclosure", None)
            if enc is not None:
                entry["min_bottom_enclosure"] = float(str(enc).split("(")[1].split(")")[0].split(",")[0])
            out[prim.name] = entry
    return out


def frontend_rules(tech: Any, package: str, diffusion: str, contact: str) -> dict[str, Any]:
    """Enclosures the domain breaker's cut ends must keep (µm), each with the PDKMaster attribute it comes from."""
    diff, cont = tech.primitives[diffusion], tech.primitives[contact]
    found = {"well_enclosure_of_diffusion": (diff.min_well_enclosure[0].max(), f"{diffusion}.min_well_enclosure"),
             "implant_enclosure_of_diffusion": (diff.min_implant_enclosure[0].max(),
                                                f"{diffusion}.min_implant_enclosure"),
             "diffusion_enclosure_of_contact": (cont.min_bottom_enclosure[0].max(), f"{contact}.min_bottom_enclosure"),
             "metal_enclosure_of_contact": (cont.min_top_enclosure[0].max(), f"{contact}.min_top_enclosure (end)")}
    return {name: {"value": value, "source": f"{package} tech.primitives: {attr}"}
            for name, (value, attr) in found.items()}
