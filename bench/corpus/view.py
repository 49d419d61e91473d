"""What a request says, independent of how it is phrased: the input of every style renderer.

A ``View`` is built from a structural ``Design`` (the corpus) or from any intent graph (the
phrasing matrix); the pad list is in the order the request lists it (from ``start``), so pin
numbers in a request count in that order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adaptor.intent import AnalogDomain, DigitalDomain, IntentGraph, Role
from bench import golden
from bench.corpus.cases import CONVENTIONAL_IN, CONVENTIONAL_OUT, Design
from bench.golden import DIGITAL


@dataclass
class View:
    """A request's facts: ring, listed pads with domain keys, supplies, inner pads, directions."""

    id: str
    per_side: tuple[int, int, int, int]  # left, bottom, right, top
    order: str
    start: str  # left | top
    listing: list[str]  # outer pads in the order the request lists them
    keys: list[str]  # domain key per listed pad (DIGITAL or an analog key)
    analog: dict[str, tuple[str, str]]  # in order of first mention
    digital: tuple[str, ...] | None
    inner: list[tuple[str, str, str, str]]  # (name, neighbour a, neighbour b, domain key)
    directions: dict[str, str]  # digital I/O: in | out | inout
    drives: dict[str, int] = field(default_factory=dict)
    size_claims: list[tuple[int, int, int, int]] = field(default_factory=list)  # sizes stated (two = a conflict)
    range_rename: dict[str, str] = field(default_factory=dict)  # a range endpoint written as another name
    extra_ranges: list[tuple[str, str, str]] = field(default_factory=list)  # (first, last, key) stated in addition

    def __post_init__(self) -> None:
        if not self.size_claims:
            self.size_claims = [self.per_side]

    @property
    def double(self) -> bool:
        """True when the ring has inner pads."""
        return bool(self.inner)

    def runs(self) -> list[tuple[int, int, str]]:
        """Contiguous runs (first index, last index, key) of the listing, in listing order."""
        out: list[tuple[int, int, str]] = []
        for k, key in enumerate(self.keys):
            if out and out[-1][2] == key:
                out[-1] = (out[-1][0], k, key)
            else:
                out.append((k, k, key))
        return out

    def analog_runs(self) -> list[tuple[int, int, str]]:
        """The runs of analog domains."""
        return [r for r in self.runs() if r[2] != DIGITAL]

    def unique(self, name: str) -> bool:
        """True when ``name`` is listed once (so a range may name it)."""
        return self.listing.count(name) == 1

    def stated_directions(self, every: bool) -> dict[str, str]:
        """Directions a request states: those the naming conventions do not give, or all (``every``)."""
        return {n: d for n, d in self.directions.items()
                if every or not ((n in CONVENTIONAL_IN and d == "in") or (n in CONVENTIONAL_OUT and d == "out"))}

    def domain_label(self, key: str) -> str:
        """'AVDD/AVSS' for an analog key, 'digital' for DIGITAL."""
        return "digital" if key == DIGITAL else "/".join(self.analog[key])


def _rotation(per_side: tuple[int, int, int, int], order: str, start: str) -> int:
    """Index in placement order of the first listed pad."""
    if start == "left":
        return 0
    return next(i for i, p in enumerate(golden.positions(per_side, order)) if p.startswith(f"{start}_"))


def from_design(design: Design) -> View:
    """The facts of a corpus design."""
    shift = _rotation(design.per_side, design.order, design.start)
    pads = design.pads[shift:] + design.pads[:shift]
    return View(id=design.id, per_side=design.per_side, order=design.order, start=design.start,
                listing=[n for n, _ in pads], keys=[k for _, k in pads], analog=dict(design.analog),
                digital=design.digital, inner=list(design.inner), directions=dict(design.directions),
                drives=dict(design.drives))


def from_intent(intent: IntentGraph) -> View:
    """The facts of any intent graph (listed from left_0): the phrasing matrix re-renders it in every style."""
    per = intent.ring.pads
    per_side = (per.left, per.bottom, per.right, per.top)
    by_pos = {p.position: p for p in intent.pads}
    outer = [by_pos[p] for p in golden.positions(per_side, intent.ring.order.value)]
    key = {d.name: (DIGITAL if isinstance(d, DigitalDomain) else d.name) for d in intent.domains}
    analog = {d.name: (d.vdd, d.vss) for d in intent.domains if isinstance(d, AnalogDomain)}
    digital = next(((d.core_vdd, d.core_vss, d.io_vdd, d.io_vss) for d in intent.domains
                    if isinstance(d, DigitalDomain)), None)
    inner = []
    for pad in intent.pads:
        parts = pad.position.split("_")
        if len(parts) == 3:
            side, i, j = parts
            inner.append((pad.name, by_pos[f"{side}_{i}"].name, by_pos[f"{side}_{j}"].name, key[pad.domain]))
    directions = {p.name: p.direction.value for p in intent.pads if p.role is Role.digital_io and p.direction}
    drives = {p.name: p.drive_ma for p in intent.pads if p.drive_ma}
    return View(id=intent.design, per_side=per_side, order=intent.ring.order.value, start="left",
                listing=[p.name for p in outer], keys=[key[p.domain] for p in outer], analog=analog,
                digital=digital, inner=inner, directions=directions, drives=drives)
