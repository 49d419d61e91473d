"""Draw the domain breaker's cut for the README: ``python -m adaptor.technologies.sg13g2.breaker_picture [PNG]``.

Three panels from the cell polygons (matplotlib): the whole breaker, and the guard-ring rails
above the iovss taps as the old recipe left them (the iovdd rail at y ≈ 148.5 µm uncut, no
contact on any rail) and as the connectivity recipe cuts them (diffusion pulled back inside
NWell, a contact row on every tie end and on the whole vss and vdd rails).
"""

from __future__ import annotations

import sys
from pathlib import Path

import gdstk
import klayout.db as kdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402

from adaptor.breaker import breaker_cell  # noqa: E402
from adaptor.technology import load_profile  # noqa: E402
from verify.faults import uncut_rail_breaker  # noqa: E402

HERE = Path(__file__).resolve().parent
STYLE = {  # layer name → (colour, alpha), drawn bottom up
    "NWell": ("#b0a0d0", 0.5), "pSD": ("#f4c060", 0.35), "Activ": ("#2e9e43", 0.75), "Cont": ("#000000", 0.9),
    "Metal1": ("#3465be", 0.45), "Metal3": ("#c03030", 0.18), "TopMetal2": ("#8a5a00", 0.18)}
ZOOM = (-0.5, 138.5, 10.5, 168.5)  # µm: the top of the iovss taps and the rails at y ≈ 148.5, 157, 167


def _polygons(cell: gdstk.Cell) -> dict[tuple[int, int], list]:
    out: dict[tuple[int, int], list] = {}
    for poly in cell.get_polygons(depth=None):
        out.setdefault((poly.layer, poly.datatype), []).append(poly.points)
    return out


def _old_breaker(technology: str) -> gdstk.Cell:
    """The pre-issue-15 breaker, rebuilt by the fault that reproduces it."""
    profile = load_profile(technology)
    layout = kdb.Layout()
    top = layout.create_cell("TOP")
    cell = layout.create_cell("ioring_old_Breaker")
    top.insert(kdb.CellInstArray(cell.cell_index(), kdb.Trans()))
    uncut_rail_breaker(layout, top, profile)
    out = gdstk.Cell(cell.name)
    for li in layout.layer_indexes():
        info = layout.get_info(li)
        for shape in cell.shapes(li).each():
            points = [(p.x * layout.dbu, p.y * layout.dbu) for p in shape.polygon.each_point_hull()]
            out.add(gdstk.Polygon(points, layer=info.layer, datatype=info.datatype))
    return out


def _draw(ax: plt.Axes, cell: gdstk.Cell, technology: str, title: str, box: tuple[float, ...] | None) -> None:
    profile = load_profile(technology)
    shapes = _polygons(cell)
    for name, (colour, alpha) in STYLE.items():
        polys = shapes.get(tuple(profile.layers[name]), [])
        ax.add_collection(PolyCollection(polys, facecolors=colour, edgecolors=colour, alpha=alpha, linewidths=0.3,
                                         label=name))
    spec = profile.breaker
    ax.axvspan(spec.cut_x0_um, spec.cut_x1_um, color="red", alpha=0.06)
    x0, y0, x1, y1 = box or (-0.5, 0.0, profile.breaker_width_um + 0.5, profile.cell_depth_um)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("x (µm)")


def render(path: Path, technology: str = "sg13g2") -> Path:
    """Write the picture (PNG) and return its path."""
    new, old = breaker_cell(technology), _old_breaker(technology)
    fig, axes = plt.subplots(1, 3, figsize=(11, 7), gridspec_kw={"width_ratios": [1, 2.2, 2.2]})
    _draw(axes[0], new, technology, "breaker (10 × 180 µm)", None)
    axes[0].axhspan(ZOOM[1], ZOOM[3], fill=False, edgecolor="k", linewidth=0.8)
    _draw(axes[1], old, technology, "old recipe: rail at y ≈ 148.5 µm uncut\n(AVDD joined to IOVDD); rails uncontacted", ZOOM)
    _draw(axes[2], new, technology, "by connectivity: rail cut on Activ, NWell, Metal1;\nActiv 0.31 µm inside NWell; "
          "a contact row\non every tie (no end > 6 µm from a contact)", ZOOM)
    axes[0].set_ylabel("y from the die edge (µm)")
    handles, labels = axes[2].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(STYLE), fontsize=8)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


if __name__ == "__main__":
    print(render(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "breaker_cut.png"))
