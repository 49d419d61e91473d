"""Canonical hashing of topologies (Weisfeiler-Lehman on the component graph) and topology names.

The graph has a vertex per circuit node (labelled ground, output or net) and per component
(labelled by kind); a component's edges are labelled by terminal role where polarity matters
(source +/-, diode anode/cathode), so renamed or reordered netlists hash alike while mirrored
diodes do not. Values are ignored: the hash is of the topology.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import networkx as nx

from topology.netlist import GROUND, Kind, Topology, parse

LIBRARY = Path(__file__).resolve().parent / "library"
POLAR = {Kind.source: ("+", "-"), Kind.diode: ("anode", "cathode")}


def component_graph(topology: Topology) -> nx.Graph:
    """The labelled bipartite graph of nodes and components."""
    g = nx.Graph()
    for c in topology.components:
        for node in c.nodes:
            label = "ground" if node == GROUND else "output" if node == topology.output else "net"
            g.add_node(("n", node), label=label)
        g.add_node(("c", c.name), label=c.kind.value)
        roles = POLAR.get(c.kind, ("t", "t"))
        for node, role in zip(c.nodes, roles):
            if g.has_edge(("c", c.name), ("n", node)):  # both terminals on one node
                g.edges[("c", c.name), ("n", node)]["label"] = "both"
            else:
                g.add_edge(("c", c.name), ("n", node), label=role)
    return g


def canonical_hash(topology: Topology) -> str:
    """The WL hash: equal for renamed or reordered copies of the same topology."""
    return nx.weisfeiler_lehman_graph_hash(component_graph(topology), node_attr="label", edge_attr="label",
                                           iterations=4)


@lru_cache(maxsize=1)
def known() -> dict[str, str]:
    """Hash → name of the reference topologies in ``library/`` (buck, boost, buck-boost, Ćuk, SEPIC)."""
    return {canonical_hash(parse(p.read_text(), p.name)): p.stem for p in sorted(LIBRARY.glob("*.txt"))}


def recognise(topology: Topology) -> str | None:
    """The name of a known topology, whatever its labels, or None."""
    return known().get(canonical_hash(topology))


def duplicate_rate(topologies: list[Topology]) -> float:
    """Share of a batch that repeats an earlier member (0 when all differ)."""
    if not topologies:
        return 0.0
    return 1 - len({canonical_hash(t) for t in topologies}) / len(topologies)
