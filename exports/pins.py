"""`pins`: the chip-top pin list a digital team imports — one row per core-side pin of the ring: name
(= its net), direction as seen from the ring, pad and cell port behind it, side, centre and
rectangle (µm, die coordinates) and the LEF layer it is drawn on.
"""

from __future__ import annotations

import csv
import io

from exports.ring import COMPASS, Ring, core_pins, um

COLUMNS = ("pin", "direction", "net", "pad", "instance", "port", "side", "x_um", "y_um", "layer",
           "x0_um", "y0_um", "x1_um", "y1_um")


def pins_csv(ring: Ring) -> str:
    """The core-side pin list as CSV, in ring order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for pin in core_pins(ring):
        (cx, cy), (x0, y0, x1, y1) = pin.centre, pin.rect
        writer.writerow({"pin": pin.name, "direction": pin.direction.lower(), "net": pin.name, "pad": pin.pad,
                         "instance": pin.instance, "port": pin.port, "side": COMPASS[pin.side], "x_um": um(cx),
                         "y_um": um(cy), "layer": pin.layer, "x0_um": um(x0), "y0_um": um(y0), "x1_um": um(x1),
                         "y1_um": um(y1)})
    return out.getvalue()


def files(ring: Ring) -> dict[str, str]:
    """``<design>_pins.csv``."""
    return {f"{ring.design}_pins.csv": pins_csv(ring)}
