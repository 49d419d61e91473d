"""Generating topologies: a random-search baseline, and LLM proposals; both report validity,
duplicates and the distribution of efficiency and conversion ratio of what they found.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pydantic import BaseModel

from adaptor.errors import UserError
from topology.evaluate import Conditions, evaluate
from topology.hashing import canonical_hash, recognise
from topology.netlist import GROUND, Component, Kind, Topology, parse
from topology.validity import check

VALUES = {Kind.inductor: [10e-6, 22e-6, 47e-6], Kind.capacitor: [10e-6, 47e-6]}
INNER_NODES = ("a", "b", "c")


class Design(BaseModel):
    """One generated topology and what became of it."""

    netlist: str
    valid: bool
    problems: list[str]
    hash: str | None = None
    duplicate: bool = False
    name: str | None = None
    vout: float | None = None
    efficiency: float | None = None
    conversion_ratio: float | None = None
    settled: bool | None = None


def random_topology(rng: random.Random) -> Topology:
    """A random candidate: the source and load fixed, 2–8 switches, diodes, inductors, capacitors."""
    nodes = ["in", "out", GROUND, *INNER_NODES[: rng.randint(1, 3)]]
    parts = [Component(name="V1", kind=Kind.source, nodes=("in", GROUND), value=12.0),
             Component(name="R1", kind=Kind.load, nodes=("out", GROUND), value=10.0)]
    counts: dict[Kind, int] = {}
    for _ in range(rng.randint(2, 8)):
        kind = rng.choice([Kind.switch, Kind.diode, Kind.inductor, Kind.capacitor])
        counts[kind] = counts.get(kind, 0) + 1
        a, b = rng.sample(nodes, 2)
        value = rng.choice(VALUES[kind]) if kind in VALUES else None
        parts.append(Component(name=f"{kind.value}{counts[kind]}", kind=kind, nodes=(a, b), value=value))
    return Topology(name="random", components=parts, output="out")


def assess(batch: list[Topology | str], cond: Conditions, simulate: bool = True) -> list[Design]:
    """Validate, hash, name and (once per distinct valid topology) simulate a batch."""
    seen: set[str] = set()
    designs = []
    for item in batch:
        if isinstance(item, str):
            try:
                item = parse(item, "proposal")
            except UserError as exc:
                designs.append(Design(netlist=item, valid=False, problems=[exc.message]))
                continue
        problems = check(item)
        design = Design(netlist=item.text(), valid=not problems, problems=[p.message for p in problems])
        if design.valid:
            design.hash = canonical_hash(item)
            design.duplicate = design.hash in seen
            seen.add(design.hash)
            design.name = recognise(item)
            if simulate and not design.duplicate:
                result = evaluate(item, cond)
                design.vout, design.efficiency = result.vout, result.efficiency
                design.conversion_ratio, design.settled = result.conversion_ratio, result.settled
        designs.append(design)
    return designs


def summary(designs: list[Design]) -> dict[str, object]:
    """Validity and duplicate rates and the distributions over the simulated designs."""
    valid = [d for d in designs if d.valid]
    simulated = [d for d in valid if d.efficiency is not None and d.settled]
    return {"count": len(designs), "validity_rate": round(len(valid) / len(designs), 4) if designs else 0.0,
            "duplicate_rate": round(sum(d.duplicate for d in valid) / len(valid), 4) if valid else 0.0,
            "named": sorted({d.name for d in valid if d.name}),
            "efficiency": sorted(round(d.efficiency, 4) for d in simulated if d.efficiency is not None),
            "conversion_ratio": sorted(round(d.conversion_ratio, 4) for d in simulated
                                       if d.conversion_ratio is not None)}


def random_search(n: int, seed: int, cond: Conditions, simulate: bool = True) -> dict[str, object]:
    """The baseline: ``n`` random candidates."""
    rng = random.Random(seed)
    designs = assess([random_topology(rng) for _ in range(n)], cond, simulate)
    return {**summary(designs), "method": "random", "seed": seed, "designs": [d.model_dump() for d in designs]}


PROMPT = """Propose one power-converter topology (4 to 10 components) that converts {vin:g} V to about
{target:g} V. Answer with the netlist only, one component per line in this format:
V1 in 0 {vin:g}     (input source)   S1 a b   (switch)   D1 anode cathode   L1 a b 22u   C1 a b 47u
R1 out 0 10   (the load, from the output node to ground; node 0 is ground)
Give a topology different from these earlier proposals:
{earlier}"""


def llm_search(ask: Callable[[str], str], n: int, cond: Conditions, target: float,
               simulate: bool = True) -> dict[str, object]:
    """The agent node: ``ask`` (one LLM turn, prompt → answer) proposes ``n`` netlists in turn."""
    answers: list[str] = []
    for _ in range(n):
        earlier = "\n---\n".join(answers[-3:]) or "(none)"
        answers.append(ask(PROMPT.format(vin=cond.vin, target=target, earlier=earlier)))
    designs = assess([a.strip().strip("`") for a in answers], cond, simulate)
    return {**summary(designs), "method": "llm", "designs": [d.model_dump() for d in designs]}
