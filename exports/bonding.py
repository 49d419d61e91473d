"""`bonding`: the bonding list for the packaging house (CSV: one row per bond pad, in ring order) and a
bonding diagram (SVG: die, cell row, numbered bond pads coloured by domain). Coordinates in µm
from the die's lower-left corner; the SVG draws y upward by flipping (svg y = die height − y).
"""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from adaptor.intent import Position
from adaptor.picture import KIND_COLOURS, domain_colours
from adaptor.placement import Placed
from exports.ring import COMPASS, Ring, bond_net, bond_pads, um

COLUMNS = ("number", "pad", "net", "position", "side", "row", "domain", "x_um", "y_um", "cell", "role")


def rows(ring: Ring) -> list[dict[str, str]]:
    """One row per bond pad, numbered in ring order."""
    pads = {p.position: p for p in ring.placement.of_kind("pad")}
    out = []
    for n, bond in enumerate(bond_pads(ring), start=1):
        pad = pads[bond.position]
        inner = Position.parse(bond.position or "").is_inner
        out.append({"number": str(n), "pad": bond.pad or "", "net": bond_net(ring, bond),
                    "position": bond.position or "", "side": COMPASS[bond.side] if bond.side else "",
                    "row": "inner" if inner else "outer", "domain": bond.domain or "", "x_um": um(bond.x),
                    "y_um": um(bond.y), "cell": pad.cell, "role": pad.role or ""})
    return out


def bonding_csv(ring: Ring) -> str:
    """The bonding list as CSV."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(ring))
    return out.getvalue()


def _hex(colour: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % colour


def bonding_svg(ring: Ring) -> str:
    """The bonding diagram as SVG (viewBox in µm)."""
    w, h = ring.placement.die
    colours = domain_colours(ring.placement)
    size = max(w, h)
    font = size / 90

    def box(placed: Placed, fill: str, cls: str, extra: str = "") -> str:
        x0, y0, x1, y1 = placed.box
        return (f'<rect class="{cls}" x="{um(x0)}" y="{um(h - y1)}" width="{um(x1 - x0)}" height="{um(y1 - y0)}" '
                f'fill="{fill}" stroke="#333" stroke-width="{um(size / 2000)}"{extra}/>')

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {um(w)} {um(h)}" width="900" '
             f'height="{um(900 * h / w)}" font-family="sans-serif">',
             f"<title>{escape(ring.design)}: bonding diagram ({escape(ring.profile.title)})</title>",
             f'<rect class="die" x="0" y="0" width="{um(w)}" height="{um(h)}" fill="#fafafa" stroke="#000" '
             f'stroke-width="{um(size / 500)}"/>']
    for placed in ring.placement.cells:
        if placed.kind in KIND_COLOURS:
            parts.append(box(placed, _hex(KIND_COLOURS[placed.kind]), placed.kind))
        elif placed.kind == "pad":
            parts.append(box(placed, _hex(colours.get(placed.domain or "", (200, 200, 200))), "pad"))
    bonds = bond_pads(ring)
    for row in rows(ring):
        bond = next(b for b in bonds if b.position == row["position"])
        data = "".join(f" data-{k.replace('_', '-')}={quoteattr(row[k])}" for k in COLUMNS)
        parts.append(box(bond, _hex(colours.get(bond.domain or "", (200, 200, 200))), "bondpad", data))
        angle = 0 if bond.side is None or bond.side.value in ("bottom", "top") else -90
        x, y = bond.x, h - bond.y
        parts.append(f'<text class="bondlabel" x="{um(x)}" y="{um(y)}" font-size="{um(font)}" text-anchor="middle" '
                     f'dominant-baseline="middle" transform="rotate({angle} {um(x)} {um(y)})">'
                     f'{row["number"]} {escape(row["pad"])}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def files(ring: Ring) -> dict[str, str]:
    """``<design>_bonding.csv`` and ``<design>_bonding.svg``."""
    return {f"{ring.design}_bonding.csv": bonding_csv(ring), f"{ring.design}_bonding.svg": bonding_svg(ring)}
