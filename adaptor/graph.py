"""A networkx view of an intent graph: pads in ring order, their domains and nets.

Node keys: ``("pad", "<position>")``, ``("domain", name)``, ``("net", name)``.
Edges: ``kind="ring"`` between pads that are neighbours in placement order (the ring is
cyclic, so the last pad of the last side neighbours the first pad of the first side),
``kind="domain"`` from a pad to its domain, ``kind="supply"`` from a domain to its nets and
``kind="net"`` from a pad to the net on its pad side (its name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from adaptor.intent import SIDES, IntentGraph, Order, Pad, Position, Side

if TYPE_CHECKING:
    import networkx as nx


def side_sequence(order: Order) -> tuple[Side, ...]:
    """Sides in placement order, starting on the left side.

    Counterclockwise: left (top→bottom), bottom (left→right), right (bottom→top),
    top (right→left). Clockwise: left (bottom→top), top (left→right), right (top→bottom),
    bottom (right→left).
    """
    if order is Order.counterclockwise:
        return SIDES
    return (Side.left, Side.top, Side.right, Side.bottom)


def domain_nets(domain: object) -> list[str]:
    """The supply nets of a domain: [vdd, vss] or [core vdd, core vss, io vdd, io vss]."""
    if getattr(domain, "kind", None) == "analog":
        return [domain.vdd, domain.vss]  # type: ignore[attr-defined]
    return [domain.core_vdd, domain.core_vss, domain.io_vdd, domain.io_vss]  # type: ignore[attr-defined]


@dataclass
class IntentView:
    """An intent with its parsed positions, ring order and networkx graph."""

    intent: IntentGraph
    positions: dict[int, Position] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, intent: IntentGraph) -> "IntentView":
        """Parse every position and lay the pads out in placement order."""
        view = cls(intent)
        view.positions = {i: Position.parse(p.position) for i, p in enumerate(intent.pads)}
        rank = {side: n for n, side in enumerate(side_sequence(intent.ring.order))}

        def key(i: int) -> tuple[int, int, int]:
            pos = view.positions[i]
            return (rank[pos.side], pos.index, 1 if pos.is_inner else 0)

        view.order = sorted(view.positions, key=key)
        return view

    @cached_property
    def graph(self) -> nx.Graph:
        """The networkx graph, built on first use (placement and the checks do not need it, and importing
        networkx costs about 0.1 s of every `ioring check`)."""
        import networkx as nx

        g = nx.Graph()
        for d in self.intent.domains:
            g.add_node(("domain", d.name), kind=d.kind)
            for net in domain_nets(d):
                g.add_node(("net", net))
                g.add_edge(("domain", d.name), ("net", net), kind="supply")
        g.add_node(("net", self.intent.common_ground), common_ground=True)
        for i in self.order:
            pad = self.intent.pads[i]
            node = ("pad", pad.position)
            g.add_node(node, pad=pad, index=i)
            g.add_node(("net", pad.name))
            g.add_edge(node, ("net", pad.name), kind="net")
            if self.intent.domain(pad.domain) is not None:
                g.add_edge(node, ("domain", pad.domain), kind="domain")
        nodes = [("pad", self.intent.pads[i].position) for i in self.order]
        if len(nodes) > 1:
            for a, b in zip(nodes, nodes[1:] + nodes[:1]):
                if a != b:
                    g.add_edge(a, b, kind="ring")
        return g

    def ring(self) -> list[Pad]:
        """Pads in placement order (inner pads right after the outer pad before them)."""
        return [self.intent.pads[i] for i in self.order]

    def domain_runs(self) -> list[list[int]]:
        """Maximal cyclic runs of ring-adjacent pads sharing a domain, as pad indices.

        A run may wrap from the end of the ring to its start (corners carry the buses).
        """
        seq = self.order
        if not seq:
            return []
        dom = [self.intent.pads[i].domain for i in seq]
        starts = [k for k in range(len(seq)) if dom[k] != dom[k - 1]]
        if not starts:
            return [list(seq)]
        runs = []
        for n, start in enumerate(starts):
            end = starts[(n + 1) % len(starts)]
            span = range(start, end) if end > start else [*range(start, len(seq)), *range(end)]
            runs.append([seq[k] for k in span])
        return runs


CORNER_NAMES = ("top_left", "top_right", "bottom_left", "bottom_right")


def corner_name(a: Side, b: Side) -> str:
    """The corner where sides ``a`` and ``b`` meet, e.g. ``top_left``."""
    vertical = a if a in (Side.top, Side.bottom) else b
    horizontal = b if vertical is a else a
    return f"{vertical.value}_{horizontal.value}"


def corner_neighbours(view: IntentView) -> list[tuple[str, Pad | None, Pad | None]]:
    """For each corner in placement order: its name, the last outer pad before it and the first after."""
    outer: dict[tuple[Side, int], Pad] = {
        (pos.side, pos.index): view.intent.pads[i] for i, pos in view.positions.items() if not pos.is_inner
    }
    seq = side_sequence(view.intent.ring.order)
    out = []
    for a, b in zip(seq, seq[1:] + seq[:1]):
        last = outer.get((a, view.intent.ring.pads.count(a) - 1))
        out.append((corner_name(a, b), last, outer.get((b, 0))))
    return out
