"""Unsatisfiable requests: a corpus design's facts with one defect, and the rule a reader must name.

Rule ids (agreed with the reader): plan.signal_count, plan.inner_not_adjacent,
plan.inner_unknown_neighbour, plan.range_unknown_name, plan.unknown_name,
domain.provider_missing, plan.digital_tuple, plan.size_conflict, plan.range_overlap,
names.core_collision.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from bench.corpus.cases import Design
from bench.corpus.phrases import SIDE_ORDER
from bench.corpus.view import View, from_design
from bench.golden import DIGITAL

RULES = ("plan.signal_count", "plan.inner_not_adjacent", "plan.inner_unknown_neighbour", "plan.range_unknown_name",
         "plan.unknown_name", "domain.provider_missing", "plan.digital_tuple", "plan.size_conflict",
         "plan.range_overlap", "names.core_collision")
# rules whose defect lives in a prose statement, so only prose styles can carry it
PROSE_RULES = ("plan.range_unknown_name", "plan.unknown_name", "plan.size_conflict", "plan.range_overlap")


def _sides(view: View) -> list[str]:
    counts = dict(zip(("left", "bottom", "right", "top"), view.per_side))
    return [s for s in SIDE_ORDER[(view.order, view.start)] for _ in range(counts[s])]


def _signals(view: View) -> list[int]:
    """Listed digital signals (not supplies, not inner neighbours, not range ends), by index."""
    neighbours = {x for _, a, b, _ in view.inner for x in (a, b)}
    ends = {view.listing[i] for i, j, _ in view.analog_runs()} | {view.listing[j] for i, j, _ in view.analog_runs()}
    return [k for k, (n, key) in enumerate(zip(view.listing, view.keys))
            if key == DIGITAL and n in view.directions and n not in neighbours | ends]


def _gap(view: View, step: int) -> tuple[str, str, str]:
    """Two unique listed pads ``step`` apart on one side, and their domain key."""
    sides = _sides(view)
    for k in range(len(view.listing) - step):
        a, b = view.listing[k], view.listing[k + step]
        if sides[k] == sides[k + step] and view.unique(a) and view.unique(b) and view.keys[k] == view.keys[k + step]:
            return a, b, view.keys[k]
    raise ValueError(f"{view.id}: no gap of {step}")


def extra_signal(v: View) -> None:
    v.listing.append("SPARE9")
    v.keys.append(DIGITAL if v.digital else v.keys[-1])
    if v.digital:
        v.directions["SPARE9"] = "in"


def missing_signal(v: View) -> None:
    k = _signals(v)[0]
    name = v.listing.pop(k)
    v.keys.pop(k)
    v.directions.pop(name, None)
    v.drives.pop(name, None)


def inner_not_adjacent(v: View) -> None:
    a, b, key = _gap(v, 2)
    v.inner = [("XTRA1", a, b, key)]
    if key == DIGITAL:
        v.directions["XTRA1"] = "out"


def inner_unknown(v: View) -> None:
    a, _, key = _gap(v, 1)
    v.inner = [("XTRA2", a, "NOPAD7", key)]
    if key == DIGITAL:
        v.directions["XTRA2"] = "in"


def range_unknown(v: View) -> None:
    i, _, _ = v.analog_runs()[0]
    v.range_rename = {v.listing[i]: "AIN99"}


def unknown_name(v: View) -> None:
    v.directions["GHOST3"] = "out"


def provider_missing(v: View) -> None:
    key = list(v.analog)[-1]
    for k, name in enumerate(v.listing):
        if v.keys[k] == key and name in v.analog[key]:
            v.listing[k] = f"MON{k}"


def three_supplies(v: View) -> None:
    assert v.digital
    gone = v.digital[3]
    v.digital = v.digital[:3]
    k = v.listing.index(gone)
    v.listing[k] = "SPARE8"
    v.directions["SPARE8"] = "in"


def five_supplies(v: View) -> None:
    assert v.digital
    k = _signals(v)[0]
    name = v.listing[k]
    v.directions.pop(name)
    v.drives.pop(name, None)
    v.listing[k] = f"{v.digital[2]}B"
    v.digital = (*v.digital, f"{v.digital[2]}B")


def size_conflict(v: View) -> None:
    v.size_claims = [v.per_side, tuple(n + 1 for n in v.per_side)]  # type: ignore[list-item]


def range_overlap(v: View) -> None:
    """A second range on another domain's supplies over the tail of the first analog run."""
    (i, j, key), other = v.analog_runs()[0], next(k for k in v.analog if k != v.analog_runs()[0][2])
    first = next(k for k in range(i + 1, j) if v.unique(v.listing[k]))
    assert v.unique(v.listing[j]) and key != other
    v.extra_ranges = [(v.listing[first], v.listing[j], other)]


def inner_core_name(v: View) -> None:
    a, b, key = _gap(v, 1)
    v.inner = [(f"{a}_CORE", a, b, key)]
    if key == DIGITAL:
        v.directions[f"{a}_CORE"] = "in"


def outer_core_name(v: View) -> None:
    k, other = _signals(v)[:2]
    old = v.listing[k]
    v.listing[k] = f"{v.listing[other]}_CORE"
    v.directions[v.listing[k]] = v.directions.pop(old)
    v.drives.pop(old, None)


# (rule, defect, what the base design needs)
DEFECTS: tuple[tuple[str, Callable[[View], None], Callable[[Design], bool]], ...] = (
    ("plan.signal_count", extra_signal, lambda d: True),
    ("plan.signal_count", missing_signal, lambda d: d.digital is not None),
    ("plan.signal_count", extra_signal, lambda d: d.digital is not None),
    ("plan.inner_not_adjacent", inner_not_adjacent, lambda d: True),
    ("plan.inner_not_adjacent", inner_not_adjacent, lambda d: d.kind == "analog"),
    ("plan.inner_unknown_neighbour", inner_unknown, lambda d: True),
    ("plan.inner_unknown_neighbour", inner_unknown, lambda d: True),
    ("plan.range_unknown_name", range_unknown, lambda d: bool(d.analog) and d.digital is not None),
    ("plan.range_unknown_name", range_unknown, lambda d: len(d.analog) >= 2),
    ("plan.unknown_name", unknown_name, lambda d: d.digital is not None),
    ("plan.unknown_name", unknown_name, lambda d: d.digital is not None),
    ("domain.provider_missing", provider_missing, lambda d: len(d.analog) >= 2),
    ("domain.provider_missing", provider_missing, lambda d: len(d.analog) >= 2 and d.digital is not None),
    ("plan.digital_tuple", three_supplies, lambda d: d.digital is not None),
    ("plan.digital_tuple", five_supplies, lambda d: d.digital is not None and d.kind == "digital"),
    ("plan.digital_tuple", three_supplies, lambda d: d.kind == "mixed"),
    ("plan.size_conflict", size_conflict, lambda d: True),
    ("plan.size_conflict", size_conflict, lambda d: len(set(d.per_side)) > 1),
    ("plan.range_overlap", range_overlap, lambda d: len(d.analog) >= 2),
    ("plan.range_overlap", range_overlap, lambda d: len(d.analog) >= 2 and d.digital is not None),
    ("names.core_collision", inner_core_name, lambda d: True),
    ("names.core_collision", outer_core_name, lambda d: d.digital is not None),
    ("plan.signal_count", missing_signal, lambda d: d.kind == "digital"),
    ("plan.inner_unknown_neighbour", inner_unknown, lambda d: d.kind == "multi"),
)


def unsatisfiable(bases: list[Design]) -> list[tuple[str, View, str]]:
    """(case id, defective facts, rule) for every defect, each on the next base design that fits it."""
    out = []
    k = 0
    for n, (rule, defect, fits) in enumerate(DEFECTS):
        while not (fits(bases[k % len(bases)]) and sum(bases[k % len(bases)].per_side) <= 40
                   and not bases[k % len(bases)].inner):
            k += 1
        base = bases[k % len(bases)]
        k += 1
        view = copy.deepcopy(from_design(base))
        defect(view)
        name = base.id.split("_", 2)[2]
        out.append((f"DU_{n:02d}_{name}_{rule.split('.')[1]}", view, rule))
    return out
