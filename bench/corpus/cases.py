"""Structural case definitions of the designer corpus: the ground truth, written before any text.

A ``Design`` says which pads go where (in placement order from ``left_0``), their domains, the
analog pairs, the digital 4-tuple, the inner pads, every digital pad's direction and the drives.
``designs()`` draws ≥ 150 of them from ring shapes × supply families with a fixed seed, using
invented signal names; ``unsatisfiable()`` pairs a design with one defect and its rule id. The
expected intent comes from ``bench.golden`` applied to the definition, never from the planner.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from bench import golden
from bench.corpus.families import FAMILIES, Family
from bench.golden import DIGITAL

# Names whose direction the naming conventions give (reference page §4); any other digital
# signal's direction is always stated in the request.
CONVENTIONAL_IN = ("SCLK", "MCLK", "RST", "RSTN", "SLP", "CS", "EN", "TEST", "LRCK", "DIN", "SDI", "SCK")
CONVENTIONAL_OUT = ("SDO", "DOUT", "FLAG", "DCLK")
# invented names, direction stated by the request
PLAIN_IN = ("TRIG", "HOLD", "WAKE", "SYNC", "MODE0", "MODE1", "SEL0", "SEL1", "CALEN", "RXD", "PWRDN", "BYPASS",
            "GAIN0", "GAIN1", "STBY", "LATCH", "ARM", "FREEZE", "CHSEL", "PDN")
PLAIN_OUT = ("ALERT", "BUSY", "PGOOD", "OVF", "TXD", "PWMA", "PWMB", "DONE", "ERR", "LOCKED", "EOC", "HEARTBT",
             "TICK", "FAULT", "READY", "PULSE")
PLAIN_INOUT = ("GPIO", "SDAT", "BIDIR")
ANALOG_SIGNALS = ("SNSP", "SNSN", "THERM", "VBATS", "ISNS", "VRAMP", "HALLA", "HALLB", "PDIN", "TIAOUT", "VREFB",
                  "CAPT", "LNAIN", "MIXO", "VCTL", "IBG", "VPTAT", "AOUT", "ECGP", "ECGN", "XTALI", "XTALO", "VMID",
                  "RSET", "COMP", "FBK", "LXA", "SWN", "TEMPA", "STRAIN", "PIEZO", "VSENSE", "IOUTA", "VDAC", "BGOUT",
                  "CPLUS", "CMINUS", "VGATE", "VDRAIN", "ANTP", "ANTN", "RFOUT")
DRIVES = (4, 16, 30)


@dataclass
class Design:
    """One satisfiable request's ground truth (golden.RingDefinition plus directions and drives)."""

    id: str
    tier: str
    family: str
    kind: str  # digital | analog | mixed | multi
    per_side: tuple[int, int, int, int]  # left, bottom, right, top
    pads: list[tuple[str, str]]  # (name, domain key), placement order from left_0
    analog: dict[str, tuple[str, str]] = field(default_factory=dict)
    digital: tuple[str, str, str, str] | None = None
    inner: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, a, b, key)
    order: str = "counterclockwise"
    start: str = "left"  # the side the request lists first (left or top)
    directions: dict[str, str] = field(default_factory=dict)  # every digital I/O pad: in | out | inout
    drives: dict[str, int] = field(default_factory=dict)  # mA, outputs that state one

    def expected(self) -> dict[str, Any]:
        """The golden intent of this design."""
        return golden.expected_intent(self, self.directions.__getitem__, self.drives)


# (kind, per_side, analog domains, inner pads)
SHAPES: tuple[tuple[str, tuple[int, int, int, int], int, int], ...] = (
    ("digital", (3, 3, 3, 3), 0, 0), ("digital", (4, 4, 4, 4), 0, 0), ("digital", (5, 3, 5, 3), 0, 0),
    ("digital", (6, 6, 6, 6), 0, 2), ("analog", (3, 3, 3, 3), 1, 0), ("analog", (4, 4, 4, 4), 2, 0),
    ("analog", (5, 5, 5, 5), 3, 1), ("analog", (6, 4, 6, 4), 2, 2), ("mixed", (3, 3, 3, 3), 1, 0),
    ("mixed", (4, 4, 4, 4), 1, 0), ("mixed", (5, 5, 5, 5), 1, 0), ("mixed", (4, 6, 4, 6), 1, 0),
    ("mixed", (6, 6, 6, 6), 1, 2), ("mixed", (8, 8, 8, 8), 1, 3), ("multi", (6, 6, 6, 6), 2, 0),
    ("multi", (7, 5, 7, 5), 2, 0), ("multi", (8, 8, 8, 8), 3, 0), ("multi", (10, 10, 10, 10), 4, 2),
    ("multi", (12, 8, 12, 8), 3, 2), ("multi", (16, 16, 16, 16), 4, 4), ("mixed", (7, 7, 7, 7), 1, 1),
    ("digital", (8, 6, 8, 6), 0, 1), ("multi", (9, 9, 9, 9), 2, 1), ("analog", (8, 8, 8, 8), 4, 0),
)
TAGS = ("", "_ADC", "_PLL", "_REF")  # analog domain tags: the main domain, then named sub-domains


def _tier(kind: str, per_side: tuple[int, ...], n_analog: int, n_inner: int) -> str:
    if n_inner or n_analog >= 3 or max(per_side) >= 12:
        return "hard"
    if kind == "multi" or n_analog >= 2 or len(set(per_side)) > 1 or max(per_side) >= 6:
        return "medium"
    return "simple"


class _Names:
    """Draws unique invented names for one design."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set()

    def take(self, pool: tuple[str, ...], suffix: str = "") -> str:
        options = [f"{p}{suffix}" for p in pool if f"{p}{suffix}" not in self.used]
        k = 1
        while not options:  # pool exhausted: number the names
            options = [f"{p}{k}" for p in pool if f"{p}{k}" not in self.used]
            k += 1
        name = self.rng.choice(options)
        self.used.add(name)
        return name


def _digital_block(n: int, fam: Family, names: _Names, rng: random.Random, design: Design) -> list[str]:
    """``n`` digital pads: the four supplies spread through the block, signals with directions."""
    signals = []
    bus = rng.random() < 0.4 and n - 4 >= 8
    bus_len = rng.randint(4, min(8, n - 8)) if bus else 0
    prefix, bus_dir = rng.choice((("PA", "out"), ("ADR", "in"), ("DQ", "out"), ("PB", "in"))) if bus else ("", "")
    for k in range(bus_len):
        signals.append(f"{prefix}{k}")
        design.directions[f"{prefix}{k}"] = bus_dir
    while len(signals) < n - 4:
        draw = rng.random()
        pool, direction = ((CONVENTIONAL_IN, "in") if draw < 0.25 else (CONVENTIONAL_OUT, "out") if draw < 0.35
                           else (PLAIN_IN, "in") if draw < 0.65 else (PLAIN_OUT, "out") if draw < 0.93
                           else (PLAIN_INOUT, "inout"))
        name = names.take(pool, "" if pool is not PLAIN_INOUT else str(rng.randint(0, 3)))
        signals.append(name)
        design.directions[name] = direction
        if direction != "in" and rng.random() < 0.2:
            design.drives[name] = rng.choice(DRIVES)
    block = list(signals)
    for supply in fam.digital:
        block.insert(rng.randint(0, len(block)), supply)
    return block


def _analog_block(n: int, pair: tuple[str, str], names: _Names, rng: random.Random) -> list[str]:
    """``n`` analog pads of one domain: its pair (maybe ground first), a consumer copy, signals."""
    signals = [names.take(ANALOG_SIGNALS) for _ in range(n - 2)]
    core = list(pair if rng.random() < 0.6 else pair[::-1])
    at = rng.randint(0, len(signals))
    block = signals[:at] + core + signals[at:]
    if n >= 6 and rng.random() < 0.3:  # a consumer copy of one supply, not at the block's edge
        block[rng.choice([i for i in range(1, n - 1) if block[i] not in pair])] = rng.choice(pair)
    return block


def _split(total: int, parts: int, rng: random.Random, least: int) -> list[int]:
    sizes = [least] * parts
    for _ in range(total - least * parts):
        sizes[rng.randrange(parts)] += 1
    return sizes


def _design(k: int, fam: Family, shape: tuple, rng: random.Random) -> Design:
    kind, per_side, n_analog, n_inner = shape
    total = sum(per_side)
    order = "clockwise" if rng.random() < 0.3 else "counterclockwise"
    kinds = {"digital": "dig", "analog": "ana", "mixed": "mix", "multi": "multi"}
    ring = "double" if n_inner else "single"
    design = Design(id=f"DS_{k:03d}_{per_side[3]}x{per_side[0]}_{ring}_{kinds[kind]}", tier=_tier(kind, per_side,
                    n_analog, n_inner), family=fam.id, kind=kind, per_side=per_side, pads=[], order=order)
    names = _Names(rng)
    pads: list[tuple[str, str]] = []
    n_dig = 0 if kind == "analog" else total if kind == "digital" else max(8, total // 2)
    analog_sizes = _split(total - n_dig, n_analog, rng, 4) if n_analog else []
    for a, size in enumerate(analog_sizes):
        key = f"a{a + 1}"
        design.analog[key] = fam.analog(TAGS[a])
        pads += [(n, key) for n in _analog_block(size, design.analog[key], names, rng)]
    if n_dig:
        design.digital = fam.digital
        pads += [(n, DIGITAL) for n in _digital_block(n_dig, fam, names, rng, design)]
    shift = rng.randrange(total) if kind != "analog" else 0
    design.pads = pads[shift:] + pads[:shift]
    _add_inner(design, n_inner, names, rng)
    if design.digital and rng.random() < 0.25 and _cut_is_clean(design):
        design.start = "top"
    return design


def _add_inner(design: Design, count: int, names: _Names, rng: random.Random) -> None:
    """Inner pads between same-side, same-domain neighbours with unique names."""
    pos = golden.positions(design.per_side, design.order)
    listed = [n for n, _ in design.pads]
    gaps = [i for i in range(len(pos) - 1) if pos[i].split("_")[0] == pos[i + 1].split("_")[0]
            and design.pads[i][1] == design.pads[i + 1][1]
            and listed.count(listed[i]) == 1 and listed.count(listed[i + 1]) == 1]
    for i in sorted(rng.sample(gaps, min(count, len(gaps)))):
        key = design.pads[i][1]
        a, b = listed[i], listed[i + 1]
        if key == DIGITAL:
            if rng.random() < 0.4:
                name = rng.choice(design.digital or ())
            else:
                name = names.take(PLAIN_OUT if rng.random() < 0.5 else PLAIN_IN)
                design.directions[name] = "out" if name in PLAIN_OUT else "in"
        else:
            name = rng.choice(design.analog[key]) if rng.random() < 0.3 else names.take(ANALOG_SIGNALS)
        design.inner.append((name, a, b, key))


def _cut_is_clean(design: Design) -> bool:
    """True when a listing starting on the top side does not cut an analog run in two."""
    pos = golden.positions(design.per_side, design.order)
    first_top = next(i for i, p in enumerate(pos) if p.startswith("top_"))
    before, after = design.pads[first_top - 1][1], design.pads[first_top][1]
    return before == DIGITAL or after == DIGITAL or before != after


def designs(count: int = 156, seed: int = 13) -> list[Design]:
    """The satisfiable designs: shapes × families, deterministic for a seed."""
    rng = random.Random(seed)
    fams = list(FAMILIES.values())
    return [_design(k, fams[k % len(fams)], SHAPES[(k * 7 + k // len(SHAPES)) % len(SHAPES)], rng)
            for k in range(count)]
