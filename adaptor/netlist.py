"""Netlists of a placed ring: SPICE (the ring subcircuit with the library's cell subcircuits) and a
Verilog module with pad-side and core-side ports for chip integration.

Only pad cells are instances: corners, fillers, breakers and bond pads are metal that the
buses and nets run through.
"""

from __future__ import annotations

from adaptor.placement import Placement, Placed
from adaptor.technology import cell_info, load_profile

# core-side ports and their direction seen from the core (the netlists and the exports read this one table)
CORE_DIRECTION = {"p2c": "output", "c2p": "input", "c2p_en": "input", "padres": "inout"}


def _pads(placement: Placement) -> list[Placed]:
    return placement.of_kind("pad")


def ring_ports(placement: Placement) -> list[str]:
    """The ring's ports in a stable order: pad-side nets, supplies, then core-side nets."""
    seen: dict[str, None] = {}
    for placed in _pads(placement):
        for port, net in placed.nets.items():
            if port == "pad":
                seen.setdefault(net)
    for placed in _pads(placement):
        for port in ("vss", "vdd", "iovss", "iovdd"):
            if port in placed.nets:
                seen.setdefault(placed.nets[port])
    for placed in _pads(placement):
        for port, net in placed.nets.items():
            if port in CORE_DIRECTION:
                seen.setdefault(net)
    return list(seen)


def spice(placement: Placement) -> str:
    """SPICE text: the library's subcircuits, then ``.SUBCKT <design>`` with one instance per pad."""
    profile = load_profile(placement.technology)
    info = cell_info(placement.technology)
    lines = [f"* {placement.design}: I/O ring netlist written by ioring ({profile.title})",
             f"* {len(_pads(placement))} pad instances; corners, fillers and breakers carry the buses only", ""]
    lines.append((profile.folder / profile.spice).read_text().rstrip())
    lines += ["", f".SUBCKT {placement.design} {' '.join(ring_ports(placement))}"]
    for placed in _pads(placement):
        nets = " ".join(placed.nets[p] for p in info[placed.cell].ports)
        lines.append(f"X{placed.name} {nets} {placed.cell}")
    lines += [f".ENDS {placement.design}", ""]
    return "\n".join(lines)


def _direction(port: str) -> str:
    return CORE_DIRECTION.get(port, "inout")


def verilog(placement: Placement) -> str:
    """A structural Verilog module of the ring, with black-box modules for the cells it uses."""
    info = cell_info(placement.technology)
    direction: dict[str, str] = {}
    for placed in _pads(placement):
        for port, net in placed.nets.items():
            direction.setdefault(net, _direction(port))
    ports = ring_ports(placement)
    lines = [f"// {placement.design}: I/O ring written by ioring", f"module {placement.design} ("]
    lines += [f"  {direction[p]} wire {p}{',' if k < len(ports) - 1 else ''}" for k, p in enumerate(ports)]
    lines.append(");")
    for placed in _pads(placement):
        conns = ", ".join(f".{p}({placed.nets[p]})" for p in info[placed.cell].ports)
        lines.append(f"  {placed.cell} {placed.name} ({conns});")
    lines += ["endmodule", ""]
    for cell in sorted({p.cell for p in _pads(placement)}):
        ports_decl = ", ".join(f"{_direction(p)} {p}" for p in info[cell].ports)
        lines += ["(* blackbox *)", f"module {cell} ({ports_decl});", "endmodule", ""]
    return "\n".join(lines)
