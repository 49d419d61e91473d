"""Power-converter topologies: pydantic models and a readable text format.

One component per line, the kind given by the first letter of its name, ``0`` (or ``gnd``)
is ground, values take SI suffixes (p n u m k meg)::

    # buck converter
    V1 in 0 12        input source: positive node, negative node, volts
    S1 in sw          switch (driven by the PWM): two nodes
    D1 0 sw           diode: anode, cathode
    L1 sw out 22u     inductor (H)
    C1 out 0 47u      capacitor (F)
    R1 out 0 5        load (Ω): output node, ground
    .output out       optional: the output node (default: the load's first node)
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from adaptor.errors import UserError

GROUND = "0"
_SUFFIX = {"f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "µ": 1e-6, "m": 1e-3, "k": 1e3, "meg": 1e6, "g": 1e9}
_VALUE = re.compile(r"^([+-]?\d+(?:\.\d*)?(?:e[+-]?\d+)?)(meg|[fpnuµmkg])?[a-z]*$", re.I)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class Kind(str, Enum):
    """Component kinds, named by the first letter of a component's name."""

    source = "V"
    switch = "S"
    diode = "D"
    inductor = "L"
    capacitor = "C"
    load = "R"


NEEDS_VALUE = {Kind.source, Kind.inductor, Kind.capacitor, Kind.load}


class Component(BaseModel):
    """One two-terminal component; ``value`` in V, H, F or Ω (none for switches and diodes)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: Kind
    nodes: tuple[str, str]
    value: float | None = None


class Topology(BaseModel):
    """A converter: its components and the output node."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    components: list[Component] = Field(min_length=1)
    output: str

    def of_kind(self, kind: Kind) -> list[Component]:
        """The components of one kind."""
        return [c for c in self.components if c.kind is kind]

    def text(self) -> str:
        """The readable text format."""
        lines = [f"# {self.name}"] if self.name else []
        for c in self.components:
            value = "" if c.value is None else f" {c.value:g}"
            lines.append(f"{c.name} {c.nodes[0]} {c.nodes[1]}{value}")
        return "\n".join(lines + [f".output {self.output}", ""])


def parse_value(text: str) -> float:
    """``22u`` → 2.2e-05; ValueError for anything else."""
    match = _VALUE.match(text)
    if not match:
        raise ValueError(text)
    return float(match.group(1)) * _SUFFIX.get((match.group(2) or "").lower(), 1.0)


def parse(text: str, source: str = "netlist") -> Topology:
    """Parse the text format; UserError naming the line and what is wrong."""
    components: list[Component] = []
    output, name = None, ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if raw.strip().startswith("#") and not name and not components:
            name = raw.strip().lstrip("#").strip()
        if not line:
            continue
        where = f"{source}, line {number}"
        if line.lower().startswith(".output"):
            parts = line.split()
            if len(parts) != 2:
                raise UserError(f"{where}: '.output' takes one node name", "write e.g. '.output out'")
            output = _node(parts[1])
            continue
        parts = line.split()
        label = parts[0]
        if not _NAME.match(label):
            raise UserError(f"{where}: {label!r} is not a component name", "names start with V, S, D, L, C or R")
        try:
            kind = Kind(label[0].upper())
        except ValueError:
            raise UserError(f"{where}: unknown component kind {label[0]!r} in {label}",
                            "use V (source), S (switch), D (diode), L, C or R (load)") from None
        want = 4 if kind in NEEDS_VALUE else 3
        if len(parts) != want:
            shape = f"{label} NODE NODE{' VALUE' if want == 4 else ''}"
            raise UserError(f"{where}: {label} needs {want - 1} fields after its name, got {len(parts) - 1}",
                            f"write it as '{shape}'")
        value = None
        if want == 4:
            try:
                value = parse_value(parts[3])
            except ValueError:
                raise UserError(f"{where}: {parts[3]!r} is not a value", "use a number with an optional SI suffix "
                                "(p n u m k meg), e.g. 22u") from None
            if value <= 0 and kind is not Kind.source:
                raise UserError(f"{where}: {label} must have a positive value", "check the sign")
        if any(c.name.upper() == label.upper() for c in components):
            raise UserError(f"{where}: {label} is defined twice", "give every component its own name")
        components.append(Component(name=label, kind=kind, nodes=(_node(parts[1]), _node(parts[2])), value=value))
    if not components:
        raise UserError(f"{source}: no components", "one component per line, e.g. 'L1 sw out 22u'")
    loads = [c for c in components if c.kind is Kind.load]
    if output is None:
        if not loads:
            raise UserError(f"{source}: no load (R…) and no '.output' line", "add the load resistor")
        output = loads[0].nodes[0] if loads[0].nodes[0] != GROUND else loads[0].nodes[1]
    return Topology(name=name, components=components, output=output)


def _node(text: str) -> str:
    return GROUND if text.lower() in ("0", "gnd") else text
