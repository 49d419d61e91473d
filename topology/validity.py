"""Validity checks on a topology's component graph (networkx); each problem is a finding.

| rule | checks |
|---|---|
| topo.size | 4 to 10 components |
| topo.source, topo.load | exactly one input source; exactly one load, from the output node to ground |
| topo.connected | the circuit is one connected graph |
| topo.floating | every node touches at least two component terminals |
| topo.switch, topo.storage | at least one switch and one inductor or capacitor |
| topo.source_short | no switch state shorts the source through closed switches |
| topo.loop | no loop of capacitors only, no loop of inductors only (a capacitor across the source is fine) |
"""

from __future__ import annotations

from itertools import product

import networkx as nx

from adaptor.findings import Finding
from topology.netlist import GROUND, Kind, Topology

MIN_COMPONENTS, MAX_COMPONENTS = 4, 10


def graph(topology: Topology, kinds: set[Kind] | None = None) -> nx.MultiGraph:
    """Circuit nodes joined by one edge per component (of ``kinds``, or all)."""
    g = nx.MultiGraph()
    for c in topology.components:
        g.add_nodes_from(c.nodes)
    for c in topology.components:
        if kinds is None or c.kind in kinds:
            g.add_edge(*c.nodes, key=c.name, kind=c.kind)
    return g


def _finding(rule: str, message: str, hint: str = "") -> Finding:
    return Finding(rule=rule, where="netlist", message=message, hint=hint)


def _has_cycle(g: nx.MultiGraph) -> list[str] | None:
    """The components of one cycle (parallel edges count), or None."""
    for a, b, key in g.edges(keys=True):
        h = g.copy()
        h.remove_edge(a, b, key)
        if a == b or nx.has_path(h, a, b):
            path = [] if a == b else nx.shortest_path(h, a, b)
            names = [key] + [next(iter(h.get_edge_data(u, v))) for u, v in zip(path, path[1:])]
            return names
    return None


def check(topology: Topology) -> list[Finding]:
    """Every validity finding of ``topology`` (empty when it can be simulated meaningfully)."""
    out: list[Finding] = []
    n = len(topology.components)
    if not MIN_COMPONENTS <= n <= MAX_COMPONENTS:
        out.append(_finding("topo.size", f"{n} components; a topology has {MIN_COMPONENTS} to {MAX_COMPONENTS}"))
    sources, loads = topology.of_kind(Kind.source), topology.of_kind(Kind.load)
    if len(sources) != 1:
        out.append(_finding("topo.source", f"{len(sources)} input sources; there must be exactly one"))
    if len(loads) != 1:
        out.append(_finding("topo.load", f"{len(loads)} loads; there must be exactly one"))
    elif set(loads[0].nodes) != {topology.output, GROUND}:
        out.append(_finding("topo.load", f"the load {loads[0].name} is not between the output {topology.output} and "
                            "ground", "connect the load from the output node to 0"))
    g = graph(topology)
    if GROUND not in g:
        out.append(_finding("topo.connected", "no component touches ground (0)"))
    if not nx.is_connected(g):
        parts = sorted((sorted(p) for p in nx.connected_components(g)), key=len)
        out.append(_finding("topo.connected", f"the circuit falls apart into {len(parts)} pieces; e.g. "
                            f"{', '.join(parts[0])} is on its own", "connect every node to the rest"))
    for node, degree in g.degree():
        if degree < 2:
            out.append(_finding("topo.floating", f"node {node} touches only one terminal", "a node needs two"))
    if not topology.of_kind(Kind.switch):
        out.append(_finding("topo.switch", "no switch", "a converter needs at least one switch"))
    if not topology.of_kind(Kind.inductor) + topology.of_kind(Kind.capacitor):
        out.append(_finding("topo.storage", "no inductor or capacitor", "a converter stores energy"))
    out += _source_shorts(topology)
    for kinds, what in (({Kind.capacitor}, "capacitors"), ({Kind.inductor}, "inductors")):
        cycle = _has_cycle(graph(topology, kinds))
        if cycle:
            out.append(_finding("topo.loop", f"{' → '.join(cycle)} form a loop of {what} only, which cannot be "
                                "simulated", "put a resistive or switching element in the loop"))
    return out


def _source_shorts(topology: Topology) -> list[Finding]:
    switches = topology.of_kind(Kind.switch)
    out = []
    for source in topology.of_kind(Kind.source):
        for states in product((False, True), repeat=min(len(switches), 8)):
            closed = nx.Graph()
            closed.add_nodes_from(source.nodes)
            closed.add_edges_from(s.nodes for s, on in zip(switches, states) if on)
            if nx.has_path(closed, *source.nodes):
                on = [s.name for s, state in zip(switches, states) if state]
                out.append(_finding("topo.source_short", f"closing {', '.join(on)} shorts the source {source.name}",
                                    "no set of closed switches may join the source's terminals"))
                break
    return out
