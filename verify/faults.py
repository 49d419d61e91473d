"""Fault injection: programmatic faults in a built ring's layout, each with the rule that must catch it.

Every fault edits a klayout.db layout in place and returns a one-line description; the fault
suite (tests/test_faults.py, bench/fault_detection.py) writes the faulty layout, runs the
checks and looks for the expected rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import klayout.db as kdb

from adaptor.technology import Profile
from verify.layout import kind_of


@dataclass(frozen=True)
class Fault:
    """A named fault, the function that injects it, and the rules that must report it."""

    name: str
    inject: Callable[[kdb.Layout, kdb.Cell, Profile], str]
    expect: tuple[str, ...]


def _insts(top: kdb.Cell, profile: Profile, kind: str) -> list[kdb.Instance]:
    found = [i for i in top.each_inst() if kind_of(i.cell.name, profile) == kind]
    return sorted(found, key=lambda i: (i.dcplx_trans.disp.x, i.dcplx_trans.disp.y))


def _middle(items: list) -> object:
    if not items:
        raise ValueError("the ring has nothing to inject this fault into")
    return items[len(items) // 2]


def move_pad(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Move a pad cell 1 µm along its side."""
    inst = _middle(_insts(top, profile, "pad"))
    along = kdb.DVector(1, 0) if int(round(inst.dcplx_trans.angle)) % 180 == 0 else kdb.DVector(0, 1)
    inst.dcplx_trans = kdb.DCplxTrans(along) * inst.dcplx_trans
    return f"{inst.cell.name} moved by 1 µm"


def delete_filler(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete one filler."""
    inst = _middle(_insts(top, profile, "filler"))
    name = inst.cell.name
    inst.delete()
    return f"{name} deleted"


def delete_side_filler(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete the middle filler of the left side (in double_ring_6x6 this aborted klayout 0.30.12)."""
    left = min(i.dcplx_trans.disp.x for i in _insts(top, profile, "filler"))
    inst = _middle([i for i in _insts(top, profile, "filler") if i.dcplx_trans.disp.x == left])
    name = inst.cell.name
    inst.delete()
    return f"{name} on the left side deleted"


def delete_corner(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Delete one corner."""
    inst = _insts(top, profile, "corner")[0]
    inst.delete()
    return "a corner deleted"


def _pad_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> list[kdb.Shape]:
    layer = layout.layer(*profile.pad_pin_layer)
    texts = [s for s in top.shapes(layer).each() if s.is_text()]
    return sorted(texts, key=lambda s: (s.text_dpos.y, s.text_dpos.x))


def swap_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Swap the texts of two pad labels that name different nets."""
    texts = _pad_labels(layout, top, profile)
    a = texts[0]
    b = next(t for t in texts[1:] if t.text_string != a.text_string)
    names = a.text_string, b.text_string
    a.text_string, b.text_string = names[1], names[0]
    return f"labels {names[0]} and {names[1]} swapped"


def short_labels(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Bridge two neighbouring bond pads of different nets with top metal."""
    texts = _pad_labels(layout, top, profile)
    pitch = profile.pad_width_um + profile.default_gap_um + 1
    for a, b in zip(texts, texts[1:]):
        pa, pb = kdb.DPoint(a.text_dpos.x, a.text_dpos.y), kdb.DPoint(b.text_dpos.x, b.text_dpos.y)
        if a.text_string != b.text_string and pa.distance(pb) <= pitch and (pa.x == pb.x or pa.y == pb.y):
            box = kdb.DBox(pa, pb).enlarged(5, 5)
            top.shapes(layout.layer(*profile.bond_pad.metal_layer)).insert(box)
            return f"bond pads {a.text_string} and {b.text_string} bridged"
    raise ValueError("no two neighbouring bond pads of different nets")


def drop_breaker(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Replace a domain breaker by a filler of the same width."""
    inst = _middle(_insts(top, profile, "breaker"))
    filler = layout.cell_by_name(profile.breaker.base_filler)
    inst.cell_index = filler
    return "a domain breaker replaced by a filler"


def off_grid(layout: kdb.Layout, top: kdb.Cell, profile: Profile) -> str:
    """Move a filler by 2 nm, off the 5 nm grid."""
    inst = _middle(_insts(top, profile, "filler"))
    inst.dcplx_trans = kdb.DCplxTrans(kdb.DVector(0.002, 0)) * inst.dcplx_trans
    return f"{inst.cell.name} moved off grid by 2 nm"


FAULTS = (
    Fault("pad moved by 1 µm", move_pad, ("drc.overlap", "drc.gap")),
    Fault("filler deleted", delete_filler, ("drc.gap", "lvs.bus_open")),
    Fault("corner deleted", delete_corner, ("drc.corners", "lvs.bus_open")),
    Fault("two pad labels swapped", swap_labels, ("lvs.net_name",)),
    Fault("two labels shorted", short_labels, ("lvs.short",)),
    Fault("breaker left out", drop_breaker, ("lvs.domain_short",)),
    Fault("off-grid placement", off_grid, ("drc.grid",)),
    Fault("left-side filler deleted", delete_side_filler, ("drc.gap", "lvs.bus_open")),
)
